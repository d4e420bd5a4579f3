"""Public pages (no login): the published catalogues and the drafts open for public comment."""

from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils import timezone

from fazhi.decisions.models import DecisionCatalogue, MajorDecision
from fazhi.reviews.public import consultation_pages

PUBLISHED = DecisionCatalogue.State.PUBLISHED


def catalogues(request):
    items = (
        DecisionCatalogue.objects.filter(state=PUBLISHED)
        .select_related("township")
        .order_by("-year", "township__name")
    )
    return render(
        request, "decisions/public_catalogues.html", {"title": "重大行政决策事项目录", "catalogues": items}
    )


def catalogue(request, pk):
    item = get_object_or_404(DecisionCatalogue.objects.select_related("township"), pk=pk, state=PUBLISHED)
    decisions = item.decisions.order_by("id")
    return render(
        request,
        "decisions/public_catalogue.html",
        {"title": str(item), "catalogue": item, "decisions": decisions},
    )


def open_drafts():
    today = timezone.localdate()
    return MajorDecision.objects.filter(comment_start__lte=today, comment_end__gte=today).select_related(
        "township"
    )


consultations, consultation, consultation_file = consultation_pages(
    open_drafts, "decisions", "重大行政决策公开征求意见"
)


urlpatterns = [
    path("", catalogues, name="catalogues"),
    path("catalogue/<int:pk>/", catalogue, name="catalogue"),
    path("consultations/", consultations, name="consultations"),
    path("consultations/<int:pk>/", consultation, name="consultation"),
    path("consultations/<int:pk>/file/<int:file>/", consultation_file, name="consultation_file"),
]
