from django.urls import path

from fazhi.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("batch/<int:pk>/", views.BatchView.as_view(), name="batch"),
    path("batch/<int:pk>/progress/", views.ProgressView.as_view(), name="progress"),
    path("<str:ledger>/", views.LedgerView.as_view(), name="ledger"),
    path("<str:ledger>/template/", views.TemplateDownload.as_view(), name="template"),
    path("<str:ledger>/export/", views.ExportDownload.as_view(), name="export"),
]
