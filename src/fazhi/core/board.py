"""The township's deadline board: every open statutory deadline of every ledger, in one list.

Each app with deadlines declares `SOURCES` in its `board.py`: a `Source` per kind of deadline, whose
function turns a queryset of its model into `DeadlineItem`s (the open ones only). That computation is
the board's truth (`collect`). The dashboard and the board page read its stored copy, `BoardEntry`,
so that counting, sorting and paging happen in SQL whatever the number of open records (a township
with 10 000 open records took 0.3–3 s a request to compute; bench/README.md). The copy is kept in
step on every save and delete of a record (or of a record it `follows`), and rebuilt whole by
`fazhi board --rebuild` — after bulk loads, a holiday-calendar update or a changed rule setting.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save

from fazhi import LEDGER_APPS
from fazhi.core.deadlines import SOON, Due, Remaining, Rule, remaining, status
from fazhi.core.tenancy import region_model


@dataclass(frozen=True)
class DeadlineItem:
    title: str  # e.g. "信访件 XF2026-0012：受理告知"
    url: str
    office: str  # which office must act: 信访办, 司法所…
    rule: Rule
    due: Due
    record: object = field(default=None, compare=False)  # the ledger record the deadline belongs to
    shown_from: dt.date | None = None  # a reminder that appears only from this day (换证, 届满前评估)
    hidden_after: dt.date | None = None  # a right of the parties, shown only while it can be used

    def visible(self, today: dt.date) -> bool:
        return (self.shown_from is None or self.shown_from <= today) and (
            self.hidden_after is None or today <= self.hidden_after
        )

    def state(self, today: dt.date) -> str:
        return status(self.due.date, today=today, soon=SOON)

    def days_left(self, today: dt.date) -> int:
        return (self.due.date - today).days

    def remaining(self, today: dt.date) -> Remaining:
        return remaining(self.due.date, self.due.unit, today)

    @property
    def basis(self) -> str:
        return f"{self.due.explain()}；{self.rule.describe()}"


@dataclass(frozen=True)
class Source:
    """One kind of deadline: the records of `model` that carry it, and how to compute it.

    `follows` names other models whose change moves these deadlines: model → function of the changed
    instance giving a Q on `model` (e.g. an excluded period moves its case's decision deadline).
    """

    model: type
    items: Callable[[QuerySet], Iterable[DeadlineItem]]
    follows: dict = field(default_factory=dict)


@cache
def sources() -> tuple[Source, ...]:
    """The apps' `board.SOURCES`, and one per deadline a model declares (`Model.deadlines`)."""
    found = []
    for label in LEDGER_APPS:
        if find_spec(f"fazhi.{label}.board"):
            found.extend(import_module(f"fazhi.{label}.board").SOURCES)
    for model in declaring_models():
        for deadline in model.deadlines:
            found.append(Source(model, _declared_items(deadline)))
    return tuple(found)


def declaring_models() -> list:
    return [m for m in apps.get_models() if getattr(m, "deadlines", None)]


def _declared_items(deadline):
    def items(records):
        records = (
            records.filter(**deadline.open).exclude(**deadline.closed)
            if deadline.closed
            else records.filter(**deadline.open)
        )
        if deadline.pauses:
            records = records.prefetch_related("excluded_periods")
        for record in records:
            if deadline.pauses:
                record._excluded_periods = list(record.excluded_periods.all())
            computed = deadline.compute(record)
            if computed is not None:
                rule, due = computed
                title = f"{record._meta.verbose_name} {record}：{deadline.label}"
                yield DeadlineItem(title, record.get_absolute_url(), deadline.office, rule, due, record)

    return items


def stored_due_columns(model) -> list[str]:
    """The due-date columns a model stores: its declared deadlines' `stored`, else its `stored_dues`."""
    declared = [d.stored for d in getattr(model, "deadlines", ()) if d.stored]
    return declared or list(getattr(model, "stored_dues", ()))


def refresh_dues(record) -> None:
    """Recompute the due dates stored on one record (unsaved or saved) from its current values: what
    a form's save does before writing, and the import before creating (a review's 审查期限)."""
    declared = [d for d in getattr(type(record), "deadlines", ()) if d.stored]
    for deadline in declared:
        deadline.refresh(record)
    if not declared and getattr(type(record), "stored_dues", ()):
        record.refresh_dues()


def refresh_stored(township=None) -> int:
    """Recompute the due dates stored on records (after a holiday-calendar or rule change): every
    model's declared deadlines with a `stored` column, and models with a `refresh_dues()` of their
    own naming the columns in `stored_dues`. Returns how many records changed."""
    from fazhi.core.models import Ledger

    changed = 0
    for model in apps.get_models():
        if not issubclass(model, Ledger):
            continue
        columns = stored_due_columns(model)
        if not columns:
            continue
        records = model.objects.all() if township is None else model.objects.filter(township=township)
        pauses = any(d.pauses for d in getattr(model, "deadlines", ()))
        if pauses:
            records = records.prefetch_related("excluded_periods")
        dirty = defaultdict(list)  # the new stored dates -> the records that get them
        for record in records.iterator(chunk_size=2000):
            if pauses:
                record._excluded_periods = list(record.excluded_periods.all())
            before = tuple(getattr(record, c) for c in columns)
            refresh_dues(record)
            after = tuple(getattr(record, c) for c in columns)
            if after != before:
                dirty[after].append(record.pk)
        # Many records share a date: one UPDATE … WHERE pk IN per date, not bulk_update's CASE per row.
        for values, pks in dirty.items():
            for start in range(0, len(pks), 900):
                model.objects.filter(pk__in=pks[start : start + 900]).update(
                    **dict(zip(columns, values, strict=True))
                )
            changed += len(pks)
    return changed


def collect(township, today: dt.date, apps=None) -> list[DeadlineItem]:
    """Every deadline of the township visible on `today`, computed from the ledgers, by due date."""
    items = [
        item
        for source in sources()
        if apps is None or source.model._meta.app_label in apps
        for item in source.items(source.model.objects.filter(township=township))
        if item.visible(today)
    ]
    return sorted(items, key=lambda item: item.due.date)


def items_of(app_label: str, township, today: dt.date) -> list[DeadlineItem]:
    return collect(township, today, apps={app_label})


# --- the stored copy ---------------------------------------------------------------------------------


def _ledger_fields(items) -> dict:
    """(model, pk) → (village_id, created_by_id) of records fetched with .only() without them: one
    query per model rather than one per record."""
    wanted: dict = {}
    for item in items:
        record = item.record
        if {"village_id", "created_by_id"} & record.get_deferred_fields():
            wanted.setdefault(type(record), set()).add(record.pk)
    loaded = {}
    for model, pks in wanted.items():
        for pk, village, creator in model.objects.filter(pk__in=pks).values_list(
            "pk", "village_id", "created_by_id"
        ):
            loaded[(model, pk)] = (village, creator)
    return loaded


def ledger_fields(record, loaded) -> tuple:
    if (type(record), record.pk) in loaded:
        return loaded[(type(record), record.pk)]
    return getattr(record, "village_id", None), getattr(record, "created_by_id", None)


# Functions(entries) that complete stored entries before they are written, in one query per batch:
# fazhi.notify registers the one that fills in each record's responsible person.
ENTRY_HOOKS: list[Callable[[list], None]] = []


def _entries(items: Iterable[DeadlineItem]) -> list:
    from django.contrib.contenttypes.models import ContentType

    from fazhi.core.models import BoardEntry

    items = list(items)
    loaded = _ledger_fields(items)
    entries = [
        BoardEntry(
            township_id=item.record.township_id,
            content_type=ContentType.objects.get_for_model(item.record),
            object_id=item.record.pk,
            title=item.title[:300],
            url=item.url,
            office=item.office,
            due_on=item.due.date,
            basis=item.basis[:300],
            warning=item.due.warning[:200],
            shown_from=item.shown_from,
            hidden_after=item.hidden_after,
            village_id=ledger_fields(item.record, loaded)[0],
            rule=item.rule.code[:60],
            unit=item.due.unit,
        )
        for item in items
    ]
    for entry, item in zip(entries, items, strict=True):
        entry._record = item.record  # for the hooks; not stored
        entry._created_by_id = ledger_fields(item.record, loaded)[1]
    for hook in ENTRY_HOOKS:
        hook(entries)
    return entries


def refresh(model, pks) -> None:
    """Recompute the stored deadlines of these records of `model` (gone records lose theirs)."""
    from django.contrib.contenttypes.models import ContentType

    from fazhi.core.models import BoardEntry

    pks = list(pks)
    if not pks:
        return
    BoardEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=pks
    ).delete()
    records = model.objects.filter(pk__in=pks)
    items = [item for source in sources() if source.model is model for item in source.items(records)]
    BoardEntry.objects.bulk_create(_entries(items))


def rebuild(township=None) -> int:
    """Recompute the due dates stored on records, then the whole stored board (of one township, or of
    all), township by township. Run after a holiday-calendar or rule change (`fazhi board --rebuild`)."""
    from fazhi.core import freshness
    from fazhi.core.models import BoardEntry

    Region = region_model()

    townships = [township] if township is not None else list(Region.objects.townships())
    refresh_stored(township)
    written = 0
    for town in townships:
        with transaction.atomic():
            freshness.touch(town.pk)  # a rebuild follows bulk writes, which no signal saw
            BoardEntry.objects.filter(township=town).delete()
            for source in sources():
                entries = _entries(source.items(source.model.objects.filter(township=town)))
                BoardEntry.objects.bulk_create(entries, batch_size=2000)
                written += len(entries)
    return written


def refresh_many(model, changed) -> None:
    """`refresh` of many changed records at once, with the records that follow them (core.batch).
    `changed`: (pk, instance) pairs — the pk as it was, since a deleted instance has lost it."""
    if any(source.model is model for source in sources()):
        refresh(model, [pk for pk, _ in changed])
    for source in sources():
        if model in source.follows:
            condition = Q(pk__in=[])
            for _, instance in changed:
                condition |= source.follows[model](instance)
            refresh(source.model, source.model.objects.filter(condition).values_list("pk", flat=True))


def _changed(sender, instance, **kwargs):
    if kwargs.get("raw"):  # loaddata: rebuild afterwards
        return
    from fazhi.core.batch import current

    if (batch := current()) is not None:  # many writes as one: refreshed in bulk (core.batch)
        batch.note(sender, instance.pk, instance)
        return
    if any(source.model is sender for source in sources()):
        refresh(sender, [instance.pk])
    for source in sources():
        if sender in source.follows:
            condition: Q = source.follows[sender](instance)
            refresh(source.model, source.model.objects.filter(condition).values_list("pk", flat=True))


def connect() -> None:
    """Keep the stored board in step with the ledgers (called once, from CoreConfig.ready)."""
    watched = {source.model for source in sources()} | {m for s in sources() for m in s.follows}
    for model in watched:
        uid = f"fazhi.board.{model._meta.label}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid)


def visible_entries(township, today: dt.date) -> QuerySet:
    from fazhi.core.models import BoardEntry

    return BoardEntry.objects.filter(township=township).filter(
        Q(shown_from__isnull=True) | Q(shown_from__lte=today),
        Q(hidden_after__isnull=True) | Q(hidden_after__gte=today),
    )


def urgent_counts(entries: QuerySet, today: dt.date) -> dict:
    """{"overdue": n, "soon": n} in one query."""
    from django.db.models import Count

    return entries.aggregate(
        overdue=Count("pk", filter=Q(due_on__lt=today)),
        soon=Count("pk", filter=Q(due_on__gte=today, due_on__lte=today + dt.timedelta(days=SOON))),
    )
