from django.urls import path

from fazhi.core.routes import ledger_urls, views_of
from fazhi.enforcement import actions, models, views, views_checks

app_name = "enforcement"
urlpatterns = [
    path("enforcementitem/import/", views.ItemImport.as_view(), name="item_import"),
    path("enforcementitem/template/", views.ItemTemplate.as_view(), name="item_template"),
    *ledger_urls(models.EnforcementItem, **views_of(views, "Item")),
    *ledger_urls(models.EnforcementOfficer, **views_of(views, "Officer")),
    *ledger_urls(models.EnforcementCase, **views_of(views, "Case"), create=actions.open_case),
    path("enforcementcase/<int:pk>/action/<slug:action>/", views.CaseAction.as_view(), name="case_action"),
    *ledger_urls(models.PublicEntry, **views_of(views_checks, "Entry")),
    path("publicentry/<int:pk>/withdraw/", views_checks.EntryWithdraw.as_view(), name="entry_withdraw"),
    *ledger_urls(models.Inspection, **views_of(views_checks, "Inspection")),
    *ledger_urls(models.JointOperation, **views_of(views_checks, "Joint")),
    *ledger_urls(
        models.CaseEvaluation,
        **views_of(views_checks, "Evaluation"),
        create=actions.evaluate_case,
        change=actions.evaluate_case,
    ),
]
