from fazhi.core.views import AttachmentUploadView, ledger_urls
from fazhi.disputes import models, views

app_name = "disputes"


def ledger(model, list_view, detail_view, form_view, **kwargs):
    """Every ledger takes attachments (agreements, screening sheets, training photos)."""
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
        models.Dispute,
        views.DisputeList,
        views.DisputeDetail,
        views.DisputeForm,
        transition_view=views.DisputeTransition,
    ),
    *ledger(models.ScreeningRound, views.ScreeningList, views.ScreeningDetail, views.ScreeningForm),
    *ledger(models.MediationCommittee, views.CommitteeList, views.CommitteeDetail, views.CommitteeForm),
    *ledger(models.Mediator, views.MediatorList, views.MediatorDetail, views.MediatorForm),
    *ledger(models.MediatorTraining, views.TrainingList, views.TrainingDetail, views.TrainingForm),
]
