from django.urls import path

from fazhi.services import ledgers, views

app_name = "services"
urlpatterns = [
    path("archive/", views.ArchiveList.as_view(), name="archive_list"),
    path("archive/<int:pk>/", views.ArchiveDetail.as_view(), name="archive"),
    *(pattern for spec in ledgers.SPECS for pattern in spec.urls()),
]
