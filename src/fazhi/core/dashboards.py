"""工作台 per role. The township's dashboard (figures and the deadline board) is the default; three
roles get the page their working day starts from:

- a village cadre: their village's open deadlines, the few ledgers they enter (large buttons), and
  their latest records — all through the same scope as every list, so never another village's;
- a leader (党委书记, 镇长): the township's figures, and what waits for their signature: records in
  a state from which a transition only leaders (or managers) may take is open;
- a legal advisor with no other role: the reviews assigned to them, open first, with their deadlines.
"""

import datetime as dt
from functools import cache

from django.urls import get_resolver, reverse

from fazhi.core.access import access_for, scope
from fazhi.core.deadlines import SOON, remaining
from fazhi.core.roles import Role
from fazhi.core.tenancy import region_model

LEADERS = frozenset({Role.SECRETARY, Role.HEAD})
SHOWN = 8  # records per block


def kind(request) -> str:
    """Which 工作台 the user gets in the current township."""
    access = access_for(request.user)
    tid = request.township.pk
    roles = access.roles_in(tid)
    if access.village_only(tid) is not None:
        return "village"
    if roles == {Role.ADVISOR}:
        return "advisor"
    if roles and roles <= LEADERS:
        return "leader"
    return "township"


def _views(patterns, prefix=""):
    for entry in patterns:
        if hasattr(entry, "url_patterns"):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _views(entry.url_patterns, namespace)
        elif entry.name and (view := getattr(entry.callback, "view_class", None)):
            yield f"{prefix}{entry.name}", view


@cache
def ledger_views() -> tuple:
    """(model, list url name, create url name or None, list view, transition view or None) per ledger."""
    views = dict(_views(get_resolver().url_patterns))
    found = []
    for name, view in views.items():
        model = getattr(view, "model", None)
        if model is None or name.rsplit(":", 1)[-1] != f"{model._meta.model_name}_list":
            continue
        base = name[: -len("_list")]
        create = f"{base}_create" if f"{base}_create" in views else None
        transition = views.get(f"{base}_transition")
        found.append((model, name, create, view, transition))
    return tuple(found)


def village_ledgers():
    """The ledgers a village cadre enters: their pages name the village role as a writer."""
    return [row for row in ledger_views() if Role.VILLAGE in row[3].write_roles and row[2]]


def village_context(request, today: dt.date) -> dict:
    from fazhi.core.board import visible_entries

    user, township = request.user, request.township
    villages = access_for(user).village_only(township.pk) or set()
    from fazhi.notify.board import board_scope  # the board's own village confinement

    entries, _ = board_scope(visible_entries(township, today), user, township, "all")
    deadlines = [(e, e.state(today), e.remaining(today)) for e in entries[:SHOWN]]
    ledgers, latest = [], []
    for model, list_name, create_name, _view, _ in village_ledgers():
        opts = model._meta
        ledgers.append((str(opts.verbose_name), reverse(create_name), reverse(list_name)))
        for record in scope(model.objects.all(), user, township).order_by("-id")[:3]:
            latest.append((str(opts.verbose_name), record))
    latest.sort(key=lambda row: row[1].updated_at if hasattr(row[1], "updated_at") else dt.datetime.min)
    return {
        "villages": region_model().objects.filter(pk__in=villages).order_by("code"),
        "deadlines": deadlines,
        "ledgers": ledgers,
        "latest": list(reversed(latest))[:SHOWN],
    }


def awaiting_signature(request) -> list[tuple[str, object, str]]:
    """(ledger, record, what to do) for records whose next step is the leaders'."""
    user, township = request.user, request.township
    rows = []
    for model, _list, _create, _view, transition_view in ledger_views():
        workflow = getattr(transition_view, "workflow", None)
        if workflow is None:
            continue
        labels = {}
        for t in workflow.transitions:
            if t.roles and set(t.roles) & LEADERS:
                for state in t.source:
                    labels.setdefault(state, t.label)
        if not labels:
            continue
        queryset = scope(model.objects.all(), user, township).filter(
            **{f"{workflow.field}__in": list(labels)}
        )
        for record in queryset.order_by("-id")[:SHOWN]:
            rows.append((str(model._meta.verbose_name), record, labels[getattr(record, workflow.field)]))
    return rows


def advisor_context(request, today: dt.date) -> dict:
    from fazhi.reviews.models import LegalityReview

    reviews = scope(LegalityReview.objects.all(), request.user, request.township).filter(
        advisor__user=request.user
    )
    open_reviews = reviews.filter(state__in=LegalityReview.OPEN).order_by("due_on", "id")
    return {
        "open_reviews": [(r, remaining(r.due_on, r.rule.unit, today)) for r in open_reviews[:20]],
        "open_count": open_reviews.count(),
        "soon": SOON,
        "done_reviews": reviews.exclude(state__in=LegalityReview.OPEN).order_by("-concluded_on", "-id")[
            :SHOWN
        ],
    }
