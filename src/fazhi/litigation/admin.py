from django.contrib import admin

from fazhi.litigation import models
from fazhi.org.admin import LedgerAdmin

admin.site.register(models.LitigationCase, LedgerAdmin)
admin.site.register(models.Hearing, LedgerAdmin)
admin.site.register(models.RiskAssessment, LedgerAdmin)
admin.site.register(models.RiskArea, LedgerAdmin)
admin.site.register(models.RiskReview, LedgerAdmin)
