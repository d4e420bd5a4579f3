from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.documents.models import CleanupCampaign, CleanupItem, Contract, NormativeDocument


@admin.register(NormativeDocument)
class NormativeDocumentAdmin(SimpleHistoryAdmin):
    list_display = ("title", "doc_no", "township", "state", "published_on", "valid_until")
    list_filter = ("state",)
    search_fields = ("title", "doc_no")


class ItemInline(admin.TabularInline):
    model = CleanupItem
    extra = 0
    raw_id_fields = ("document",)


@admin.register(CleanupCampaign)
class CleanupCampaignAdmin(SimpleHistoryAdmin):
    list_display = ("title", "township", "state", "concluded_on")
    inlines = [ItemInline]


@admin.register(Contract)
class ContractAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "township", "village", "state", "amount")
    list_filter = ("kind", "state")
    search_fields = ("title",)
