from django.urls import path

from fazhi.core.routes import ledger_urls
from fazhi.services import disclosure, ledgers, models, views

app_name = "services"
urlpatterns = [
    path("archive/", views.ArchiveList.as_view(), name="archive_list"),
    path("archive/<int:pk>/", views.ArchiveDetail.as_view(), name="archive"),
    *ledger_urls(models.AdvisorWork, views.WorkList, views.WorkDetail, views.WorkForm),
    *ledger_urls(
        models.AdvisorAssessment, views.AssessmentList, views.AssessmentDetail, views.AssessmentForm
    ),
    *ledger_urls(
        models.VillageRule,
        views.VillageRuleList,
        views.VillageRuleDetail,
        views.VillageRuleForm,
    ),
    *(pattern for spec in ledgers.SPECS for pattern in spec.urls()),
    *disclosure.SPEC.urls(),
    *ledger_urls(models.Measure, views.MeasureList, views.MeasureDetail, views.MeasureForm),
]
