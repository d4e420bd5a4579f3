from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.reports import models


class LedgerAdmin(SimpleHistoryAdmin):
    list_filter = ("township",)
    exclude = ("created_by", "updated_by", "version")


@admin.register(models.AnnualReport)
class AnnualReportAdmin(LedgerAdmin):
    list_display = ("title", "township", "year", "state")


@admin.register(models.ReportItem)
class ReportItemAdmin(LedgerAdmin):
    list_display = ("title", "township", "year", "kind", "area")
    search_fields = ("title",)


@admin.register(models.Baseline)
class BaselineAdmin(LedgerAdmin):
    list_display = ("township", "year", "source")


@admin.register(models.ReportVersion)
class ReportVersionAdmin(admin.ModelAdmin):
    list_display = ("report", "number", "note", "created_by", "created_at")
    readonly_fields = ("report", "number", "blocks", "note", "created_by", "created_at")
