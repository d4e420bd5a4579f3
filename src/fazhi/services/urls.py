from django.urls import path

from fazhi.core.views import ledger_urls
from fazhi.services import disclosure, models, views

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
        transition_view=views.VillageRuleTransition,
    ),
    *ledger_urls(models.ServicePoint, views.PointList, views.PointDetail, views.PointForm),
    *ledger_urls(models.ServiceItem, views.ItemList, views.ItemDetail, views.ItemForm),
    *ledger_urls(models.LegalAidConsultation, views.AidList, views.AidDetail, views.AidForm),
    *ledger_urls(
        models.DisclosureItem, views.ItemDisclosureList, views.ItemDisclosureDetail, views.ItemDisclosureForm
    ),
    *disclosure.SPEC.urls(),
    *ledger_urls(models.DutyRecord, views.DutyList, views.DutyDetail, views.DutyForm),
    *ledger_urls(models.LawReport, views.LawReportList, views.LawReportDetail, views.LawReportForm),
    *ledger_urls(models.Measure, views.MeasureList, views.MeasureDetail, views.MeasureForm),
]
