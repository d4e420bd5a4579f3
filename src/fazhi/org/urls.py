from django.urls import path

from fazhi.org import ledgers, views, views_accounts, views_members

app_name = "org"
urlpatterns = [
    path("regions/", views.RegionView.as_view(), name="region_list"),
    path("accounts/", views_accounts.AccountsView.as_view(), name="accounts"),
    *(pattern for spec in ledgers.SPECS for pattern in spec.urls()),
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
]
