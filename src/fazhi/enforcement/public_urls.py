"""Public pages (no login): the enforcement item catalogue (行政处罚法 art. 39) and the published
decisions (art. 48). Only published items and entries not withdrawn; personal data masked again on
the way out, in case an entry's text was edited by hand."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import path
from django.views.generic import DetailView, ListView

from fazhi.core import masking
from fazhi.enforcement.models import EnforcementItem, PublicEntry
from fazhi.enforcement.services import catalogue_counts
from fazhi.org.models import Region


class PublicTownshipMixin:
    paginate_by = 50

    def township(self):
        wanted = self.request.GET.get("township", "")
        townships = Region.objects.townships()
        return townships.filter(pk=int(wanted)).first() if wanted.isdigit() else None

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            townships=Region.objects.townships(),
            township=self.township(),
            q=self.request.GET.get("q", ""),
            **kwargs,
        )


class PublicItems(PublicTownshipMixin, ListView):
    template_name = "enforcement/public_items.html"

    def get_queryset(self):
        items = (
            EnforcementItem.objects.filter(published=True)
            .select_related("township")
            .order_by("township__name", "category", "code")
        )
        if township := self.township():
            items = items.filter(township=township)
        if category := self.request.GET.get("category", ""):
            items = items.filter(category=category)
        if q := self.request.GET.get("q", "").strip():
            items = items.filter(Q(name__icontains=q) | Q(legal_basis__icontains=q) | Q(code__icontains=q))
        return items

    def get_context_data(self, **kwargs):
        township = self.township()
        counts = catalogue_counts(township, published_only=True) if township else None
        return super().get_context_data(
            title="行政执法事项清单",
            categories=EnforcementItem.Category.choices,
            category=self.request.GET.get("category", ""),
            counts=[(label, counts[code]) for code, label in EnforcementItem.Category.choices if counts[code]]
            if counts
            else None,
            total=sum(counts.values()) if counts else None,
            **kwargs,
        )


def masked_entry(entry: PublicEntry) -> PublicEntry:
    entry.content = "\n".join(_mask_line(line) for line in entry.content.splitlines())
    return entry


def _mask_line(line: str) -> str:
    # "当事人：张三" lines are masked again; ID numbers and phones anywhere are masked.
    if line.startswith("当事人："):
        line = "当事人：" + masking.mask_names(line.removeprefix("当事人："))
    words = []
    for word in line.split(" "):
        if masking.ID_PATTERN.match(word.strip().upper()):
            word = masking.mask_id_number(word)
        elif masking.PHONE_PATTERN.match(word.strip()):
            word = masking.mask_phone(word)
        words.append(word)
    return " ".join(words)


class PublicEntries(PublicTownshipMixin, ListView):
    template_name = "enforcement/public_entries.html"

    def get_queryset(self):
        entries = PublicEntry.objects.filter(withdrawn_on__isnull=True).select_related("township")
        if township := self.township():
            entries = entries.filter(township=township)
        if q := self.request.GET.get("q", "").strip():
            entries = entries.filter(title__icontains=q)
        return entries

    def get_context_data(self, **kwargs):
        context = super().get_context_data(title="行政执法公示", **kwargs)
        context["object_list"] = [masked_entry(e) for e in context["object_list"]]
        return context


class PublicEntryDetail(DetailView):
    template_name = "enforcement/public_entry.html"

    def get_object(self, queryset=None):
        return masked_entry(
            get_object_or_404(
                PublicEntry.objects.select_related("township"),
                pk=self.kwargs["pk"],
                withdrawn_on__isnull=True,
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.object.title, **kwargs)


urlpatterns = [
    path("items/", PublicItems.as_view(), name="items"),
    path("publicity/", PublicEntries.as_view(), name="entries"),
    path("publicity/<int:pk>/", PublicEntryDetail.as_view(), name="entry"),
]
