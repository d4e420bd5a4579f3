from django.contrib import admin

from fazhi.rounds.models import Round


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ("township", "duty", "start", "end", "opened_at")
    list_filter = ("duty", "township")
