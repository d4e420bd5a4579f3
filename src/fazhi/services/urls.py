from django.urls import path

from fazhi.core.views import AttachmentUploadView, ledger_urls
from fazhi.services import models, views


def ledger(model, list_view, detail_view, form_view, transition_view=None):
    # Every record may carry files (signed replies, filed rules, photos): same roles as its form.
    upload_view = type(
        f"{model.__name__}Upload",
        (AttachmentUploadView,),
        {"model": model, "write_roles": form_view.write_roles},
    )
    return ledger_urls(
        model,
        list_view=list_view,
        detail_view=detail_view,
        form_view=form_view,
        transition_view=transition_view,
        upload_view=upload_view,
    )


app_name = "services"
urlpatterns = [
    path("archive/", views.ArchiveList.as_view(), name="archive_list"),
    path("archive/<int:pk>/", views.ArchiveDetail.as_view(), name="archive"),
    *ledger(models.AdvisorWork, views.WorkList, views.WorkDetail, views.WorkForm),
    *ledger(models.AdvisorAssessment, views.AssessmentList, views.AssessmentDetail, views.AssessmentForm),
    *ledger(
        models.VillageRule,
        views.VillageRuleList,
        views.VillageRuleDetail,
        views.VillageRuleForm,
        views.VillageRuleTransition,
    ),
    *ledger(models.ServicePoint, views.PointList, views.PointDetail, views.PointForm),
    *ledger(models.ServiceItem, views.ItemList, views.ItemDetail, views.ItemForm),
    *ledger(models.LegalAidConsultation, views.AidList, views.AidDetail, views.AidForm),
    *ledger(
        models.DisclosureItem, views.ItemDisclosureList, views.ItemDisclosureDetail, views.ItemDisclosureForm
    ),
    *ledger(
        models.DisclosureRequest,
        views.RequestList,
        views.RequestDetail,
        views.RequestForm,
        views.RequestTransition,
    ),
    *ledger(models.DutyRecord, views.DutyList, views.DutyDetail, views.DutyForm),
    *ledger(models.LawReport, views.LawReportList, views.LawReportDetail, views.LawReportForm),
    *ledger(models.Measure, views.MeasureList, views.MeasureDetail, views.MeasureForm),
]
