from django.urls import path

from fazhi.core.routes import ledger_urls, views_of
from fazhi.reports import views, views_check, views_collection
from fazhi.reports.models import AnnualReport, Baseline, ReportItem

app_name = "reports"
urlpatterns = [
    path("annualreport/new/", views.ReportCreate.as_view(), name="annualreport_create"),
    *ledger_urls(
        AnnualReport,
        list_view=views.ReportList,
        detail_view=views.ReportDetail,
    ),
    path("annualreport/<int:pk>/edit/", views.ReportForm.as_view(), name="annualreport_update"),
    path(
        "annualreport/<int:pk>/act/<slug:action>/", views.ReportAction.as_view(), name="annualreport_action"
    ),
    path(
        "annualreport/<int:pk>/block/<slug:block_id>/", views.BlockView.as_view(), name="annualreport_block"
    ),
    path(
        "annualreport/<int:pk>/download/<slug:fmt>/",
        views.ReportDownload.as_view(),
        name="annualreport_download",
    ),
    path("annualreport/<int:pk>/diff/", views.ReportDiff.as_view(), name="annualreport_diff"),
    *ledger_urls(ReportItem, **views_of(views, "Item")),
    *ledger_urls(Baseline, **views_of(views_check, "Baseline")),
    path("check/", views_check.CheckView.as_view(), name="check"),
    path("collection/", views_collection.CollectionView.as_view(), name="collection"),
    path(
        "submission/<int:pk>/<slug:action>/",
        views_collection.SubmissionActionView.as_view(),
        name="submission_action",
    ),
    path("check/baseline/", views_check.CheckBaselineView.as_view(), name="check_baseline"),
]
