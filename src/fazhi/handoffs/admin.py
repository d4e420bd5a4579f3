from django.contrib import admin

from fazhi.handoffs.models import Handoff


@admin.register(Handoff)
class HandoffAdmin(admin.ModelAdmin):
    list_display = ("township", "kind", "source_type", "source_id", "target_type", "target_id", "by", "at")
    list_filter = ("kind", "township")
