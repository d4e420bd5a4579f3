from fazhi.core.views import AttachmentUploadView, ledger_urls
from fazhi.disputes import models, views

app_name = "disputes"


class DisputeUpload(AttachmentUploadView):
    model = models.Dispute
    write_roles = views.WRITE_ROLES


urlpatterns = [
    *ledger_urls(
        models.Dispute,
        list_view=views.DisputeList,
        detail_view=views.DisputeDetail,
        form_view=views.DisputeForm,
        transition_view=views.DisputeTransition,
        upload_view=DisputeUpload,
    ),
    *ledger_urls(
        models.ScreeningRound,
        list_view=views.ScreeningList,
        detail_view=views.ScreeningDetail,
        form_view=views.ScreeningForm,
    ),
    *ledger_urls(
        models.MediationCommittee,
        list_view=views.CommitteeList,
        detail_view=views.CommitteeDetail,
        form_view=views.CommitteeForm,
    ),
    *ledger_urls(
        models.Mediator,
        list_view=views.MediatorList,
        detail_view=views.MediatorDetail,
        form_view=views.MediatorForm,
    ),
    *ledger_urls(
        models.MediatorTraining,
        list_view=views.TrainingList,
        detail_view=views.TrainingDetail,
        form_view=views.TrainingForm,
    ),
]
