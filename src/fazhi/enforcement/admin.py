from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.enforcement import models

for model in (
    models.EnforcementItem,
    models.EnforcementOfficer,
    models.EnforcementCase,
    models.PublicEntry,
    models.Inspection,
    models.JointOperation,
    models.CaseEvaluation,
):
    admin.site.register(model, SimpleHistoryAdmin)
admin.site.register(models.ExcludedPeriod)
