from django.urls import path

from fazhi.core.routes import ledger_urls, views_of
from fazhi.org import models, views, views_accounts

app_name = "org"
urlpatterns = [
    path("regions/", views.RegionView.as_view(), name="region_list"),
    path("accounts/", views_accounts.AccountsView.as_view(), name="accounts"),
    *ledger_urls(models.Person, **views_of(views, "Person")),
    *ledger_urls(models.LegalAdvisor, **views_of(views, "Advisor")),
    *ledger_urls(models.LeadingGroup, **views_of(views, "Group")),
    *ledger_urls(models.TownshipProfile, **views_of(views, "Profile")),
]
