from fazhi.core.views import AttachmentUploadView, ledger_urls
from fazhi.litigation import models, views

app_name = "litigation"


def ledger(model, list_view, detail_view, form_view, **kwargs):
    """Every ledger takes attachments (answers, judgments, assessment reports, review minutes)."""
    upload = type(
        f"{model.__name__}Upload",
        (AttachmentUploadView,),
        {"model": model, "write_roles": detail_view.write_roles},
    )
    return ledger_urls(
        model, list_view=list_view, detail_view=detail_view, form_view=form_view, upload_view=upload, **kwargs
    )


urlpatterns = [
    *ledger(
        models.LitigationCase,
        views.CaseList,
        views.CaseDetail,
        views.CaseForm,
        transition_view=views.CaseTransition,
    ),
    *ledger(models.Hearing, views.HearingList, views.HearingDetail, views.HearingForm),
    *ledger(models.RiskAssessment, views.AssessmentList, views.AssessmentDetail, views.AssessmentForm),
    *ledger(models.RiskArea, views.AreaList, views.AreaDetail, views.AreaForm),
    *ledger(models.RiskReview, views.ReviewList, views.ReviewDetail, views.ReviewForm),
]
