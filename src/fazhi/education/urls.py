from django.urls import path

from fazhi.core.routes import ledger_urls
from fazhi.education import models, views

app_name = "education"
urlpatterns = [
    path("outreachactivity/quick/", views.ActivityQuickForm.as_view(), name="outreachactivity_quick"),
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path("legalliaison/coverage/", views.LiaisonCoverage.as_view(), name="legalliaison_coverage"),
    *ledger_urls(
        models.OutreachActivity,
        views.ActivityList,
        views.ActivityDetail,
        views.ActivityForm,
        upload_view=views.ActivityUpload,
    ),
    *ledger_urls(models.StudySession, views.StudyList, views.StudyDetail, views.StudyForm),
    *ledger_urls(models.Exam, views.ExamList, views.ExamDetail, views.ExamForm),
    *ledger_urls(models.LegalLiaison, views.LiaisonList, views.LiaisonDetail, views.LiaisonForm),
    *ledger_urls(models.PointsEntry, views.PointsList, views.PointsDetail, views.PointsForm),
    *ledger_urls(
        models.ModelVillage, views.ModelVillageList, views.ModelVillageDetail, views.ModelVillageForm
    ),
]
