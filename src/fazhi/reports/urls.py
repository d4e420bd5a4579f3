from django.urls import path

from fazhi.reports import ledgers, views, views_check, views_collection

app_name = "reports"
urlpatterns = [
    path("annualreport/new/", views.ReportCreate.as_view(), name="annualreport_create"),
    # A report is composed from the ledgers (ReportCreate), not typed: the generic form only edits one.
    *(p for p in ledgers.REPORT.urls() if p.name != "annualreport_create"),
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
    *ledgers.ITEM.urls(),
    *ledgers.BASELINE.urls(),
    path("check/", views_check.CheckView.as_view(), name="check"),
    path("collection/", views_collection.CollectionView.as_view(), name="collection"),
    path(
        "submission/<int:pk>/<slug:action>/",
        views_collection.SubmissionActionView.as_view(),
        name="submission_action",
    ),
    path("check/baseline/", views_check.CheckBaselineView.as_view(), name="check_baseline"),
]
