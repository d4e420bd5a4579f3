"""Writes go through here: stamping who and when, optimistic locking, history reasons."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from fazhi.core.errors import Refused

STALE_MESSAGE = (
    "保存失败：该记录已被{who}于{when}修改，您看到的是旧版本。请刷新后重新填写，您本次的内容未保存。"
)


def save_record(
    record, user, *, expected_version: int | None = None, reason: str = "", event: dict | None = None
):
    """Create or update a ledger record.

    On update, `expected_version` is the version the user's form was based on; if someone saved in
    between, the conditional UPDATE matches no row and the save is refused with a Chinese message —
    nothing is overwritten. The version bump and the save happen in one transaction.
    """
    from fazhi.core.batch import current

    model = type(record)
    user = user if getattr(user, "is_authenticated", False) else None
    # Inside a batch (an import, all or nothing) a failed row fails the whole block anyway: no
    # savepoint of its own (two statements fewer a row).
    with transaction.atomic(savepoint=current() is None):
        created = record.pk is None
        if created:
            record.created_by = record.created_by or user
            record.updated_by = user
            record.version = 1
        else:
            base = record.version if expected_version is None else expected_version
            if not model.objects.filter(pk=record.pk, version=base).update(version=F("version") + 1):
                current = model.objects.filter(pk=record.pk).select_related("updated_by").first()
                who = (
                    (current.updated_by.get_full_name() or current.updated_by.username)
                    if current and current.updated_by
                    else "他人"
                )
                # Local time (Asia/Shanghai), as the user's clock shows it, not the stored UTC.
                when = f"{timezone.localtime(current.updated_at):%Y-%m-%d %H:%M}" if current else ""
                raise Refused(STALE_MESSAGE.format(who=who, when=when))
            record.version = base + 1
            record.updated_by = user
        if reason:
            record._change_reason = reason
        record._history_user = user
        record.save()
        log_event(record, user, **(event or {"action": "create" if created else "update", "note": reason}))
    return record


def log_event(record, user, action: str, from_state="", to_state="", on=None, note="", data=None):
    """Append the act to the record's events (core.LedgerEvent): who, the date of the act, the states."""
    import datetime as dt

    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from fazhi.core.batch import current
    from fazhi.core.models import LedgerEvent

    event = LedgerEvent(
        township_id=getattr(record, "township_id", None),
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        action=action,
        from_state=from_state or "",
        to_state=to_state or "",
        user=user if getattr(user, "is_authenticated", False) else None,
        on=on if isinstance(on, dt.date) else timezone.localdate(),
        note=(note or "")[:300],
        data={
            k: v
            for k, v in (data or {}).items()
            if isinstance(v, str | int | float | bool) and "csrf" not in k
        },
    )
    if (batch := current()) is not None:  # many writes as one (an import): the events in bulk at its end
        batch.defer(_write_events, event)
    else:
        event.save()


def _write_events(events: list) -> None:
    from fazhi.core.models import LedgerEvent

    LedgerEvent.objects.bulk_create(events, batch_size=1000)


def delete_record(record, user, reason: str = "删除"):
    record._change_reason = reason
    record._history_user = user if getattr(user, "is_authenticated", False) else None
    record.delete()
