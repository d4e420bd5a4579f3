from django.contrib import admin

from fazhi.org.admin import LedgerAdmin
from fazhi.services import models

for model in (
    models.AdvisorWork,
    models.AdvisorAssessment,
    models.VillageRule,
    models.ServicePoint,
    models.ServiceItem,
    models.LegalAidConsultation,
    models.DisclosureItem,
    models.DisclosureRequest,
    models.DutyRecord,
    models.LawReport,
    models.Measure,
):
    admin.site.register(model, LedgerAdmin)
