from django.urls import path

from fazhi.core.views import AttachmentUploadView, ledger_urls
from fazhi.education import models, views


def ledger(model, list_view, detail_view, form_view, upload_view=None):
    # Every record may carry files (photos, sign-in sheets, exam papers): same roles as its form.
    upload_view = upload_view or type(
        f"{model.__name__}Upload",
        (AttachmentUploadView,),
        {"model": model, "write_roles": form_view.write_roles},
    )
    return ledger_urls(
        model, list_view=list_view, detail_view=detail_view, form_view=form_view, upload_view=upload_view
    )


app_name = "education"
urlpatterns = [
    path("outreachactivity/quick/", views.ActivityQuickForm.as_view(), name="outreachactivity_quick"),
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path("legalliaison/coverage/", views.LiaisonCoverage.as_view(), name="legalliaison_coverage"),
    *ledger(
        models.OutreachActivity,
        views.ActivityList,
        views.ActivityDetail,
        views.ActivityForm,
        views.ActivityUpload,
    ),
    *ledger(models.StudySession, views.StudyList, views.StudyDetail, views.StudyForm),
    *ledger(models.Exam, views.ExamList, views.ExamDetail, views.ExamForm),
    *ledger(models.LegalLiaison, views.LiaisonList, views.LiaisonDetail, views.LiaisonForm),
    *ledger(models.PointsEntry, views.PointsList, views.PointsDetail, views.PointsForm),
    *ledger(models.ModelVillage, views.ModelVillageList, views.ModelVillageDetail, views.ModelVillageForm),
]
