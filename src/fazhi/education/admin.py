from django.contrib import admin

from fazhi.education import models
from fazhi.org.admin import LedgerAdmin


class ExamResultInline(admin.TabularInline):
    model = models.ExamResult
    autocomplete_fields = ("person",)
    extra = 0


@admin.register(models.Exam)
class ExamAdmin(LedgerAdmin):
    list_display = ("title", "date", "expected", "participants", "passed", "township")
    inlines = [ExamResultInline]


for model in (
    models.OutreachActivity,
    models.StudySession,
    models.LegalLiaison,
    models.PointsEntry,
    models.ModelVillage,
):
    admin.site.register(model, LedgerAdmin)
