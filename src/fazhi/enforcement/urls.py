from django.urls import path

from fazhi.core.views import ledger_urls
from fazhi.enforcement import actions, models, views, views_checks

app_name = "enforcement"
urlpatterns = [
    path("enforcementitem/import/", views.ItemImport.as_view(), name="item_import"),
    path("enforcementitem/template/", views.ItemTemplate.as_view(), name="item_template"),
    *ledger_urls(
        models.EnforcementItem,
        list_view=views.ItemList,
        detail_view=views.ItemDetail,
        form_view=views.ItemForm,
    ),
    *ledger_urls(
        models.EnforcementOfficer,
        list_view=views.OfficerList,
        detail_view=views.OfficerDetail,
        form_view=views.OfficerForm,
    ),
    *ledger_urls(
        models.EnforcementCase,
        list_view=views.CaseList,
        detail_view=views.CaseDetail,
        form_view=views.CaseForm,
        transition_view=views.CaseTransition,
        upload_view=views.CaseAttach,
        create=actions.open_case,
    ),
    path("enforcementcase/<int:pk>/action/<slug:action>/", views.CaseAction.as_view(), name="case_action"),
    *ledger_urls(
        models.PublicEntry,
        list_view=views_checks.EntryList,
        detail_view=views_checks.EntryDetail,
        form_view=views_checks.EntryForm,
    ),
    path("publicentry/<int:pk>/withdraw/", views_checks.EntryWithdraw.as_view(), name="entry_withdraw"),
    *ledger_urls(
        models.Inspection,
        list_view=views_checks.InspectionList,
        detail_view=views_checks.InspectionDetail,
        form_view=views_checks.InspectionForm,
    ),
    *ledger_urls(
        models.JointOperation,
        list_view=views_checks.JointList,
        detail_view=views_checks.JointDetail,
        form_view=views_checks.JointForm,
    ),
    *ledger_urls(
        models.CaseEvaluation,
        list_view=views_checks.EvaluationList,
        detail_view=views_checks.EvaluationDetail,
        form_view=views_checks.EvaluationForm,
        create=actions.evaluate_case,
        change=actions.evaluate_case,
    ),
]
