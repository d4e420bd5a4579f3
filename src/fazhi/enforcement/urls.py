from django.urls import path

from fazhi.enforcement import ledgers, views, views_checks

app_name = "enforcement"
urlpatterns = [
    path("enforcementitem/import/", views.ItemImport.as_view(), name="item_import"),
    path("enforcementitem/template/", views.ItemTemplate.as_view(), name="item_template"),
    *(pattern for spec in ledgers.SPECS for pattern in spec.urls()),
    path("enforcementcase/<int:pk>/action/<slug:action>/", views.CaseAction.as_view(), name="case_action"),
    path("publicentry/<int:pk>/withdraw/", views_checks.EntryWithdraw.as_view(), name="entry_withdraw"),
]
