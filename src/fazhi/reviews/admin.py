from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.reviews.models import LegalityReview


@admin.register(LegalityReview)
class LegalityReviewAdmin(SimpleHistoryAdmin):
    list_display = ("subject_title", "kind", "township", "requested_on", "due_on", "state", "conclusion")
    list_filter = ("kind", "state", "conclusion")
    search_fields = ("subject_title",)
