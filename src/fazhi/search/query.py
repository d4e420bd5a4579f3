"""Searching the index: matches grouped by ledger, each scoped exactly as that ledger's list page is.

The list view's own `scoped()` (township, village cadres to their village, an advisor to the reviews
assigned to them…) is run as a subquery, so a result the list would not show is never counted either.
"""

import html
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from fazhi.search import backends
from fazhi.search.index import sources
from fazhi.search.models import SearchEntry
from fazhi.search.segment import query_words

PER_LEDGER = 10
PLACEHOLDER = "987654321987"
WINDOW = 60  # characters of context around the first match


@dataclass
class Hit:
    title: str
    url: str
    snippet: list[tuple[str, bool]]  # (text, matched) pieces; the template escapes them


@dataclass
class Group:
    label: str
    list_url: str
    count: int
    hits: list[Hit] = field(default_factory=list)


def scoped_ids(source, request):
    view = source.list_view()
    view.setup(request)
    return view.scoped().values("pk")


def search(request, query: str, per_ledger: int = PER_LEDGER) -> tuple[list[str], list[Group]]:
    """(the query's words, groups by ledger) in the current township, in three queries whatever the
    number of ledgers: which ledgers match, their scoped counts, and the first page of each."""
    words = query_words(query)
    if not words or request.township is None:
        return words, []
    matches = backends.matching(
        SearchEntry.objects.filter(township=request.township), words, township_id=request.township.pk
    )
    present = set(matches.values_list("content_type", flat=True).distinct())
    if not present:
        return words, []
    by_type = {ContentType.objects.get_for_model(s.model).pk: s for s in sources()}
    by_type = {pk: s for pk, s in by_type.items() if pk in present}
    allowed = matches.filter(
        reduce(or_, (Q(content_type=pk, object_id__in=scoped_ids(s, request)) for pk, s in by_type.items()))
    )
    counts = dict(
        allowed.values_list("content_type").annotate(n=Count("id")).values_list("content_type", "n")
    )
    ranked = allowed.annotate(
        rank=Window(RowNumber(), partition_by=[F("content_type")], order_by=F("object_id").desc())
    ).filter(rank__lte=per_ledger)
    hits: dict[int, list] = {}
    for entry in ranked.only("content_type", "object_id", "title", "body").order_by(
        "content_type", "-object_id"
    ):
        hits.setdefault(entry.content_type_id, []).append(entry)
    groups = []
    for pk, source in sorted(by_type.items(), key=lambda item: item[1].order):
        if not counts.get(pk):
            continue
        opts = source.model._meta
        group = Group(source.label, reverse(f"{opts.app_label}:{opts.model_name}_list"), counts[pk])
        record_url = source.model(pk=int(PLACEHOLDER)).get_absolute_url()  # one reverse() per ledger
        group.hits = [
            Hit(e.title, record_url.replace(PLACEHOLDER, str(e.object_id)), snippet(e.body or e.title, words))
            for e in hits.get(pk, [])
        ]
        groups.append(group)
    return words, groups


def snippet(text: str, words: list[str], window: int = WINDOW) -> list[tuple[str, bool]]:
    """The passage around the first match, split into plain and matched pieces."""
    lowered = text.lower()
    positions = [(lowered.find(w), w) for w in words if lowered.find(w) >= 0]
    if not positions:
        return [(text[: window * 2] + ("…" if len(text) > window * 2 else ""), False)]
    first = min(p for p, _ in positions)
    start, end = max(0, first - window // 2), min(len(text), first + window * 2)
    passage = text[start:end]
    pieces, i, low = [], 0, passage.lower()
    while i < len(passage):
        found = [(low.find(w, i), w) for w in words if low.find(w, i) >= 0]
        if not found:
            pieces.append((passage[i:], False))
            break
        at, word = min(found, key=lambda f: (f[0], -len(f[1])))
        if at > i:
            pieces.append((passage[i:at], False))
        pieces.append((passage[at : at + len(word)], True))
        i = at + len(word)
    if start > 0:
        pieces.insert(0, ("…", False))
    if end < len(text):
        pieces.append(("…", False))
    return pieces


def as_html(pieces) -> str:
    """Escaped passage with <mark> around matches (for the CLI and tests; pages use the template)."""
    return "".join(f"<mark>{html.escape(t)}</mark>" if hit else html.escape(t) for t, hit in pieces)
