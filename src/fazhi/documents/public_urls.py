"""Public pages (no login): published normative documents with their validity, drafts open for
comment, and published cleanup results."""

from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils import timezone

from fazhi.documents import services
from fazhi.documents.models import CleanupCampaign, CleanupItem, NormativeDocument
from fazhi.reviews.public import consultation_pages

SHOWN = NormativeDocument.IN_FORCE + NormativeDocument.ENDED


def documents(request):
    records = (
        NormativeDocument.objects.filter(state__in=SHOWN)
        .select_related("township")
        .order_by("-published_on", "-id")
    )
    today = timezone.localdate()
    rows = [(d, services.validity_status(d, today)) for d in records]
    return render(request, "documents/public_documents.html", {"title": "行政规范性文件", "rows": rows})


def open_drafts():
    today = timezone.localdate()
    return NormativeDocument.objects.filter(
        state=NormativeDocument.State.CONSULTING, comment_start__lte=today, comment_end__gte=today
    ).select_related("township")


consultations, consultation, consultation_file = consultation_pages(
    open_drafts, "documents", "规范性文件征求意见"
)


def cleanups(request):
    campaigns = CleanupCampaign.objects.filter(state=CleanupCampaign.State.PUBLISHED).select_related(
        "township"
    )
    return render(
        request, "documents/public_cleanups.html", {"title": "规范性文件清理结果", "campaigns": campaigns}
    )


def cleanup(request, pk):
    campaign = get_object_or_404(
        CleanupCampaign.objects.select_related("township"), pk=pk, state=CleanupCampaign.State.PUBLISHED
    )
    items = list(campaign.items.select_related("document").order_by("document__published_on", "id"))
    lists = [(label, [i for i in items if i.outcome == code]) for code, label in CleanupItem.Outcome.choices]
    return render(
        request,
        "documents/public_cleanup.html",
        {
            "title": str(campaign),
            "campaign": campaign,
            "lists": lists,
            "summary": services.cleanup_summary(items),
        },
    )


urlpatterns = [
    path("", documents, name="documents"),
    path("consultations/", consultations, name="consultations"),
    path("consultations/<int:pk>/", consultation, name="consultation"),
    path("consultations/<int:pk>/file/<int:file>/", consultation_file, name="consultation_file"),
    path("cleanup/", cleanups, name="cleanups"),
    path("cleanup/<int:pk>/", cleanup, name="cleanup"),
]
