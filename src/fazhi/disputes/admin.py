from django.contrib import admin

from fazhi.disputes import models
from fazhi.org.admin import LedgerAdmin


@admin.register(models.Dispute)
class DisputeAdmin(LedgerAdmin):
    list_display = ("number", "received", "type", "state", "township")
    search_fields = ("number",)


@admin.register(models.ScreeningRound)
class ScreeningAdmin(LedgerAdmin):
    list_display = ("date", "village", "frequency", "found", "township")


@admin.register(models.MediationCommittee)
class CommitteeAdmin(LedgerAdmin):
    list_display = ("name", "level", "term_start", "township")


@admin.register(models.Mediator)
class MediatorAdmin(LedgerAdmin):
    list_display = ("name", "committee", "full_time", "active", "township")


@admin.register(models.MediatorTraining)
class TrainingAdmin(LedgerAdmin):
    list_display = ("date", "topic", "township")
