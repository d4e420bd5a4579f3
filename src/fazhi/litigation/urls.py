from fazhi.core.routes import ledger_urls
from fazhi.litigation import actions, models, views

app_name = "litigation"


urlpatterns = [
    *ledger_urls(
        models.LitigationCase,
        views.CaseList,
        views.CaseDetail,
        views.CaseForm,
        create=actions.file_case,
        change=actions.change_case,
    ),
    *ledger_urls(models.Hearing, views.HearingList, views.HearingDetail, views.HearingForm),
    *ledger_urls(models.RiskAssessment, views.AssessmentList, views.AssessmentDetail, views.AssessmentForm),
    *ledger_urls(models.RiskArea, views.AreaList, views.AreaDetail, views.AreaForm),
    *ledger_urls(models.RiskReview, views.ReviewList, views.ReviewDetail, views.ReviewForm),
]
