"""Searching the index: matches grouped by ledger, each scoped exactly as that ledger's list page is.

The list view's own `scoped()` (township, village cadres to their village, an advisor to the reviews
assigned to them…) is run as a subquery, so a result the list would not show is never counted either.
"""

import html
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.urls import reverse

from fazhi.search import backends
from fazhi.search.index import sources
from fazhi.search.models import SearchEntry
from fazhi.search.segment import query_words

PER_LEDGER = 10
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
    """(the query's words, groups by ledger) in the current township."""
    words = query_words(query)
    if not words or request.township is None:
        return words, []
    matches = backends.matching(SearchEntry.objects.filter(township=request.township), words)
    present = dict(
        matches.values_list("content_type").annotate(n=Count("id")).values_list("content_type", "n")
    )
    groups = []
    for source in sources():
        content_type = ContentType.objects.get_for_model(source.model)
        if content_type.pk not in present:
            continue
        allowed = matches.filter(content_type=content_type, object_id__in=scoped_ids(source, request))
        entries = list(allowed.order_by("-object_id").only("title", "url", "body")[: per_ledger + 1])
        if not entries:
            continue
        count = len(entries) if len(entries) <= per_ledger else allowed.count()
        opts = source.model._meta
        group = Group(source.label, reverse(f"{opts.app_label}:{opts.model_name}_list"), count)
        group.hits = [Hit(e.title, e.url, snippet(e.body or e.title, words)) for e in entries[:per_ledger]]
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
