from django.urls import path

from fazhi.core.routes import ledger_urls, views_of
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
    *ledger_urls(models.Person, **views_of(views, "Person")),
    *ledger_urls(models.LegalAdvisor, **views_of(views, "Advisor")),
    *ledger_urls(models.LeadingGroup, **views_of(views, "Group")),
    *ledger_urls(models.TownshipProfile, **views_of(views, "Profile")),
]
