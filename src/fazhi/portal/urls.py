from importlib import import_module
from importlib.util import find_spec

from django.urls import include, path

from fazhi import LEDGER_APPS
from fazhi.portal import reports, views

app_name = "portal"
urlpatterns = [
    path("", views.PortalIndex.as_view(), name="index"),
    path("reports/", reports.report_list, name="reports"),
    path("reports/<int:pk>/", reports.report_page, name="report"),
    path("reports/<int:pk>/pdf/", reports.report_pdf, name="report_pdf"),
]

# Public pages of the ledger apps: /public/<app>/…, URL names "<app>_public:<name>".
public_patterns = []
for label in LEDGER_APPS:
    if label != "portal" and find_spec(f"fazhi.{label}.public_urls"):
        public_patterns.append(
            path(f"{label}/", include((import_module(f"fazhi.{label}.public_urls"), f"{label}_public")))
        )
