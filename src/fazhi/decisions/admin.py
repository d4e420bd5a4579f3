from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.decisions.models import DecisionCatalogue, DecisionStep, MajorDecision


class StepInline(admin.TabularInline):
    model = DecisionStep
    extra = 0


@admin.register(MajorDecision)
class MajorDecisionAdmin(SimpleHistoryAdmin):
    list_display = ("title", "township", "catalogue", "state", "meeting_date")
    list_filter = ("state", "category")
    search_fields = ("title",)
    inlines = [StepInline]


@admin.register(DecisionCatalogue)
class DecisionCatalogueAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "township", "year", "state", "published_on")
