from fazhi.core.routes import ledger_urls
from fazhi.disputes import actions, models, views

app_name = "disputes"


urlpatterns = [
    *ledger_urls(
        models.Dispute,
        views.DisputeList,
        views.DisputeDetail,
        views.DisputeForm,
        create=actions.register_dispute,
    ),
    *ledger_urls(models.ScreeningRound, views.ScreeningList, views.ScreeningDetail, views.ScreeningForm),
    *ledger_urls(models.MediationCommittee, views.CommitteeList, views.CommitteeDetail, views.CommitteeForm),
    *ledger_urls(models.Mediator, views.MediatorList, views.MediatorDetail, views.MediatorForm),
    *ledger_urls(models.MediatorTraining, views.TrainingList, views.TrainingDetail, views.TrainingForm),
]
