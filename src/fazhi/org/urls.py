from django.urls import path

from fazhi.core.views import ledger_urls
from fazhi.org import models, views, views_accounts, views_members

app_name = "org"
urlpatterns = [
    path("regions/", views.RegionView.as_view(), name="region_list"),
    path("accounts/", views_accounts.AccountsView.as_view(), name="accounts"),
    *views.DEPARTMENT.urls(),
    path(
        "leadinggroup/<int:pk>/members/new/",
        views_members.MemberView.as_view(),
        name="leadinggroup_member_add",
    ),
    path(
        "leadinggroup/<int:pk>/members/<int:member>/edit/",
        views_members.MemberView.as_view(),
        name="leadinggroup_member_edit",
    ),
    path(
        "leadinggroup/<int:pk>/members/<int:member>/remove/",
        views_members.MemberRemove.as_view(),
        name="leadinggroup_member_remove",
    ),
    *ledger_urls(
        models.Person, list_view=views.PersonList, detail_view=views.PersonDetail, form_view=views.PersonForm
    ),
    *ledger_urls(
        models.LegalAdvisor,
        list_view=views.AdvisorList,
        detail_view=views.AdvisorDetail,
        form_view=views.AdvisorForm,
    ),
    *ledger_urls(
        models.LeadingGroup,
        list_view=views.GroupList,
        detail_view=views.GroupDetail,
        form_view=views.GroupForm,
    ),
    *ledger_urls(
        models.TownshipProfile,
        list_view=views.ProfileList,
        detail_view=views.ProfileDetail,
        form_view=views.ProfileForm,
    ),
]
