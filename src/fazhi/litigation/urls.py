from fazhi.core.views import AttachmentUploadView, ledger_urls
from fazhi.litigation import models, views

app_name = "litigation"


class CaseUpload(AttachmentUploadView):
    model = models.LitigationCase
    write_roles = views.WRITE_ROLES


urlpatterns = [
    *ledger_urls(
        models.LitigationCase,
        list_view=views.CaseList,
        detail_view=views.CaseDetail,
        form_view=views.CaseForm,
        transition_view=views.CaseTransition,
        upload_view=CaseUpload,
    ),
    *ledger_urls(
        models.Hearing,
        list_view=views.HearingList,
        detail_view=views.HearingDetail,
        form_view=views.HearingForm,
    ),
    *ledger_urls(
        models.RiskAssessment,
        list_view=views.AssessmentList,
        detail_view=views.AssessmentDetail,
        form_view=views.AssessmentForm,
    ),
    *ledger_urls(
        models.RiskArea, list_view=views.AreaList, detail_view=views.AreaDetail, form_view=views.AreaForm
    ),
    *ledger_urls(
        models.RiskReview,
        list_view=views.ReviewList,
        detail_view=views.ReviewDetail,
        form_view=views.ReviewForm,
    ),
]
