from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.reviews.models import LegalityReview, PublicComment


@admin.register(LegalityReview)
class LegalityReviewAdmin(SimpleHistoryAdmin):
    list_display = ("subject_title", "kind", "township", "requested_on", "due_on", "state", "conclusion")
    list_filter = ("kind", "state", "conclusion")
    search_fields = ("subject_title",)


@admin.register(PublicComment)
class PublicCommentAdmin(SimpleHistoryAdmin):
    list_display = ("subject_title", "township", "submitted_at", "outcome")
    list_filter = ("outcome", "handled")
