"""The writes of this app: notify a user, assign the responsible person of a record.

`notify(user, event_kind, record, text)` is the one entry point other apps call (the county's
"returned" and 督办 events, review opinions…): it puts the message in the user's inbox once per
`key` and delivers it through the user's other channels (e-mail, group robot) from the worker.
"""

import datetime as dt
import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from fazhi.core.access import access_for, can_write
from fazhi.core.calendar import is_workday
from fazhi.core.roles import Role
from fazhi.notify.models import Assignment, Notification, Office

LEADERS = (Role.HEAD, Role.SECRETARY)


def working_days_after(day: dt.date, count: int) -> dt.date:
    """The `count`-th working day after `day` (`day` itself when count is 0)."""
    while count > 0:
        day += dt.timedelta(days=1)
        if is_workday(day):
            count -= 1
    return day


def working_days_before(day: dt.date, count: int) -> dt.date:
    while count > 0:
        day -= dt.timedelta(days=1)
        if is_workday(day):
            count -= 1
    return day


def _url(record) -> str:
    getter = getattr(record, "get_absolute_url", None)
    return getter() if getter else ""


def notify(
    user, event_kind: str, record=None, text: str = "", *, title: str = "", url: str = "", key: str = ""
):
    """Put a message in `user`'s inbox (once per key) and deliver it on their other channels.

    event_kind: a `Notification.Kind` value ("returned", "supervision", "review", …). Returns the
    notification, or None when there is no user or the same key was notified already.
    """
    if user is None:
        return None
    kind = event_kind if event_kind in Notification.Kind.values else Notification.Kind.OTHER
    label = Notification.Kind(kind).label
    if not key:
        ref = f"{record._meta.label_lower}:{record.pk}" if record is not None else "-"
        key = f"{kind}:{ref}:{hashlib.sha1(f'{title}|{text}'.encode()).hexdigest()[:16]}"
    notification, created = Notification.objects.get_or_create(
        user=user,
        key=key[:120],
        defaults={
            "kind": kind,
            "township_id": getattr(record, "township_id", None),
            "title": (title or f"{label}：{record}" if record is not None else title or label)[:200],
            "text": text,
            "url": url or (_url(record) if record is not None else ""),
        },
    )
    if not created:
        return None
    from fazhi.notify import channels

    if channels.wants_external(user):
        transaction.on_commit(lambda: channels.deliver_later(notification.pk))
    return notification


# --- responsible person ---------------------------------------------------------------------------


# Without a configured head (notify.Office), an office's head is the first account holding its role.
OFFICE_ROLES = {
    "信访办": Role.PETITION,
    "司法所": Role.JUDICIAL,
    "党政办": Role.OFFICE,
    "综合行政执法大队": Role.ENFORCEMENT,
    "司法所(调委会)": Role.MEDIATOR,
}


def head_of(heads: dict, township_id, office: str):
    """The head of an office; "党政办(应诉)" falls back to 党政办's."""
    return heads.get((township_id, office)) or heads.get((township_id, office.split("(")[0]))


def office_heads(township_ids) -> dict:
    """{(township id, office name): head user id} — configured heads first, else by role. Two queries."""
    from fazhi.org.models import RoleAssignment

    heads = {}
    by_role = RoleAssignment.objects.filter(
        organisation_id__in=township_ids, role__in=set(OFFICE_ROLES.values()), user__is_active=True
    ).order_by("pk")
    role_office = {role: office for office, role in OFFICE_ROLES.items()}
    for township, role, user in by_role.values_list("organisation_id", "role", "user_id"):
        heads.setdefault((township, role_office[role]), user)
    configured = Office.objects.filter(township_id__in=township_ids, head__isnull=False)
    heads.update(
        {(t, name): head for t, name, head in configured.values_list("township_id", "name", "head_id")}
    )
    return heads


def default_responsible(entries) -> None:
    """core.board hook: give each stored entry its record's responsible person, creating the
    default assignment (the office's head, else the user who created the record) when there is none."""
    if not entries:
        return
    from simple_history.utils import bulk_create_with_history

    keys = {(e.content_type_id, e.object_id) for e in entries}
    rows = Assignment.objects.filter(
        content_type_id__in={k[0] for k in keys}, object_id__in={k[1] for k in keys}
    ).values_list("content_type_id", "object_id", "user_id")
    found = {(ct, oid): user for ct, oid, user in rows}
    missing = [e for e in entries if (e.content_type_id, e.object_id) not in found]
    if missing:
        heads = office_heads({e.township_id for e in missing})
        new = {}
        for e in missing:
            user_id = head_of(heads, e.township_id, e.office) or e._created_by_id
            if user_id and (e.content_type_id, e.object_id) not in new:
                new[(e.content_type_id, e.object_id)] = Assignment(
                    township_id=e.township_id,
                    content_type_id=e.content_type_id,
                    object_id=e.object_id,
                    user_id=user_id,
                    reason="默认：办理部门负责人或登记人",
                )
        if new:
            bulk_create_with_history(list(new.values()), Assignment, default_change_reason="默认指派")
            found.update({key: a.user_id for key, a in new.items()})
    for e in entries:
        e.responsible_id = found.get((e.content_type_id, e.object_id))


def responsible_of(record):
    ct = ContentType.objects.get_for_model(record)
    return Assignment.objects.filter(content_type=ct, object_id=record.pk).select_related("user").first()


def may_assign(user, record) -> bool:
    township = record.township
    if can_write(user, township, roles=LEADERS):
        return True
    current = responsible_of(record)
    if current is not None and current.user_id == user.pk:
        return True  # the responsible person may hand the item over
    from fazhi.core.models import BoardEntry

    offices = BoardEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    ).values_list("office", flat=True)
    heads = office_heads({township.pk})
    return any(head_of(heads, township.pk, office) == user.pk for office in offices)


@transaction.atomic
def assign(record, user, by, reason: str = "") -> Assignment:
    """Make `user` responsible for `record` (history kept), tell them, and update the board."""
    from fazhi.core.models import BoardEntry

    if not may_assign(by, record):
        raise PermissionDenied("只有乡镇负责人、司法所、办理部门负责人或当前责任人可以指派责任人。")
    if user is None or record.township_id not in access_for(user).townships:
        raise ValidationError({"user": "责任人必须是本乡镇的工作人员。"})
    ct = ContentType.objects.get_for_model(record)
    assignment = Assignment.objects.filter(content_type=ct, object_id=record.pk).first() or Assignment(
        township_id=record.township_id, content_type=ct, object_id=record.pk
    )
    if assignment.pk and assignment.user_id == user.pk:
        raise ValidationError({"user": "该人员已是责任人。"})
    assignment.user = user
    assignment.assigned_by = by
    assignment.reason = reason[:200]
    assignment._change_reason = reason[:100] or "指派责任人"
    assignment._history_user = by
    assignment.save()
    BoardEntry.objects.filter(content_type=ct, object_id=record.pk).update(responsible=user)
    by_name = by.get_full_name() or by.username
    notify(
        user,
        Notification.Kind.ASSIGNED,
        record,
        f"{by_name}将“{record}”指派给您办理。{reason}".strip(),
        key=f"assigned:{ct.pk}:{record.pk}:{assignment.history.count()}",
    )
    return assignment
