"""The daily digest: per user, what is due today, in the next few working days and overdue, in one
message; per leader (镇长, 党委书记), the township's counts by office. Working days only; once a day
per user (the notification key is the date), so a second run sends nothing.

Queries: a constant few (the users and their roles, today's sent messages, the INSERTs), one per
township for the leaders' counts, and one per user for their entries (pinned in
tests/notify/test_digest.py).
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone

from fazhi.core.board import visible_entries
from fazhi.core.calendar import is_workday
from fazhi.notify.models import Notification
from fazhi.notify.services import LEADERS, working_days_after

MAX_LINES = 30  # items listed per section; the count is always the full one


def sections(entries, today: dt.date, ahead: int) -> dict:
    """{"today": [...], "soon": [...], "overdue": [...]} of board entries."""
    horizon = working_days_after(today, ahead)
    out = {"today": [], "soon": [], "overdue": []}
    for entry in entries:
        if entry.due_on < today:
            out["overdue"].append(entry)
        elif entry.due_on == today:
            out["today"].append(entry)
        elif entry.due_on <= horizon:
            out["soon"].append(entry)
    return out


def office_counts(township, today: dt.date, ahead: int) -> list[tuple[str, int, int]]:
    """[(office, overdue, due within `ahead` working days), …] of the township, one query."""
    horizon = working_days_after(today, ahead)
    rows = (
        visible_entries(township, today)
        .filter(due_on__lte=horizon)
        .values("office")
        .annotate(
            overdue=Count("pk", filter=Q(due_on__lt=today)), soon=Count("pk", filter=Q(due_on__gte=today))
        )
        .order_by("office")
    )
    return [(r["office"], r["overdue"], r["soon"]) for r in rows]


def render(name: str, today: dt.date, ahead: int, parts: dict, counts=None) -> str:
    lines = [f"{name}，您好！以下是 {today:%Y年%m月%d日} 的待办期限："]
    titles = (("today", "今日到期"), ("soon", f"未来{ahead}个工作日内到期"), ("overdue", "已逾期"))
    for key, heading in titles:
        items = parts[key]
        lines.append(f"\n{heading}（{len(items)}项）：")
        for entry in items[:MAX_LINES]:
            if key == "overdue":
                when = f"逾期{(today - entry.due_on).days}天"
            else:
                when = f"{entry.due_on:%m月%d日}到期"
            lines.append(f"- {entry.title}（{entry.office}，{when}）")
        if len(items) > MAX_LINES:
            lines.append(f"- ……另有{len(items) - MAX_LINES}项，请在期限看板查看")
        if not items:
            lines.append("- 无")
    if counts is not None:
        lines.append("\n全镇期限情况（按办理部门）：")
        for office, overdue, soon in counts:
            lines.append(f"- {office}：逾期{overdue}项，{ahead}个工作日内到期{soon}项")
        if not counts:
            lines.append("- 无逾期或即将到期事项")
    return "\n".join(lines)


def digest_users():
    """Every active user holding a township role, with the townships where they lead."""
    return (
        get_user_model()
        .objects.filter(is_active=True, roles__organisation__kind__in=("township", "street"))
        .distinct()
        .select_related("notify_preference")
        .prefetch_related("roles__organisation")
        .order_by("pk")
    )


def build_for(user, today: dt.date, ahead: int, county_cache: dict) -> tuple[str, list] | None:
    """The text of a user's digest and its entries, or None when they have nothing to read."""
    from fazhi.core.models import BoardEntry

    horizon = working_days_after(today, ahead)
    led = [r.organisation for r in user.roles.all() if r.role in LEADERS]
    entries = list(
        BoardEntry.objects.filter(responsible=user, due_on__lte=horizon)
        .filter(
            Q(shown_from__isnull=True) | Q(shown_from__lte=today),
            Q(hidden_after__isnull=True) | Q(hidden_after__gte=today),
        )
        .order_by("due_on", "id")
        .values_list("title", "office", "due_on", named=True)  # no model instances: 150 users' worth
    )
    if not entries and not led:
        return None
    counts = None
    if led:
        counts = []
        for township in led:
            if township.pk not in county_cache:
                county_cache[township.pk] = office_counts(township, today, ahead)
            counts += county_cache[township.pk]
    name = user.get_full_name() or user.username
    return render(name, today, ahead, sections(entries, today, ahead), counts), entries


def send_all(today: dt.date | None = None, deliver=True) -> int:
    """Send today's digest to every user (working days only); returns how many were sent now.

    The day's messages are written in one transaction (one INSERT per 500), skipping the users who
    have today's already: a second run sends nothing, and the key's unique constraint keeps a
    concurrent one from sending twice."""
    from django.db import transaction

    from fazhi.notify import channels

    today = today or timezone.localdate()
    if not is_workday(today):
        return 0
    ahead = settings.FAZHI_DIGEST_AHEAD
    key = f"digest:{today.isoformat()}"
    done = set(Notification.objects.filter(key=key).values_list("user_id", flat=True))
    cache: dict = {}
    pending = []
    for user in digest_users():
        if user.pk in done:
            continue
        built = build_for(user, today, ahead, cache)
        if built is None:
            continue
        pending.append(
            Notification(
                user=user,
                key=key,
                kind=Notification.Kind.DIGEST,
                title=f"每日待办 {today:%Y-%m-%d}",
                text=built[0],
                url="/deadlines/?who=mine&show=all",
            )
        )
    with transaction.atomic():
        Notification.objects.bulk_create(pending, batch_size=500, ignore_conflicts=True)
    if deliver:
        for notification in pending:
            if channels.wants_external(notification.user):
                channels.deliver(Notification.objects.get(user=notification.user, key=key))
    return len(pending)
