from django.contrib import admin

from fazhi.org.admin import LedgerAdmin
from fazhi.petitions import models


@admin.register(models.Petition)
class PetitionAdmin(LedgerAdmin):
    list_display = ("number", "received", "channel", "state", "township")
    search_fields = ("number", "subject")


@admin.register(models.HotlineTicket)
class HotlineAdmin(LedgerAdmin):
    list_display = ("ticket_no", "received", "state", "township")
    search_fields = ("ticket_no",)
