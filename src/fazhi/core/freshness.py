"""Figures computed from many records are cached, keyed by the township's data version.

Every save or delete of a record of the project's apps bumps the version of its township (or the
shared version 0 for records without one) in the database, inside the write's transaction. A cached
value names the versions it was computed at, so a process's own cache (LocMem, per worker) is never
stale after a write made by another process; bulk writes that skip signals call `touch()` (the
board rebuild does). A day's change of "today" is part of the key too.
"""

import datetime as dt

from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from fazhi import LEDGER_APPS

SHARED = 0
TIMEOUT = 600  # seconds; a safety net, correctness comes from the versions
LABELS = {"core", "indicators", *LEDGER_APPS}


def touch(township_id: int | None = None) -> None:
    from fazhi.core.models import DataVersion

    key = township_id or SHARED
    if not DataVersion.objects.filter(key=key).update(version=F("version") + 1):
        DataVersion.objects.get_or_create(key=key, defaults={"version": 1})  # a first write counts too


def versions(township_id: int) -> tuple[int, int]:
    from fazhi.core.models import DataVersion

    found = dict(DataVersion.objects.filter(key__in=[township_id, SHARED]).values_list("key", "version"))
    return found.get(township_id, 0), found.get(SHARED, 0)


def cached(name: str, township, today: dt.date, compute):
    """compute() for this township, from the cache while its data has not changed."""
    key = f"fazhi:{name}:{township.pk}:{today:%Y%m%d}:{'.'.join(map(str, versions(township.pk)))}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def _changed(sender, instance, **kwargs):
    from fazhi.core.models import BoardEntry, DataVersion, LedgerEvent

    if sender in (BoardEntry, DataVersion, LedgerEvent) or sender.__name__.startswith("Historical"):
        return
    if sender._meta.app_label in LABELS:
        from fazhi.core.batch import current

        if (batch := current()) is not None:  # many writes as one: bumped once at the batch's end
            batch.townships.add(getattr(instance, "township_id", None))
            return
        touch(getattr(instance, "township_id", None))


def connect() -> None:
    post_save.connect(_changed, dispatch_uid="fazhi.freshness")
    post_delete.connect(_changed, dispatch_uid="fazhi.freshness")
