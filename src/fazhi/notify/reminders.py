"""Daily reminders on working days: due in N working days (N per rule, settings.FAZHI_REMIND_BEFORE),
overdue, and escalation — overdue by M working days goes to the office head, then to the 镇长
(FAZHI_ESCALATE_HEAD_AFTER, FAZHI_ESCALATE_LEADER_AFTER). Each reminder is keyed by the deadline,
so it is sent once however often the job runs."""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from fazhi.core.calendar import is_workday
from fazhi.core.roles import Role
from fazhi.notify.events import township_users
from fazhi.notify.services import head_of, notify, office_heads, working_days_after, working_days_before


def remind_before(rule_code: str) -> int:
    table = settings.FAZHI_REMIND_BEFORE
    return table.get(rule_code, table.get("*", 2))


def run(today: dt.date | None = None) -> int:
    from fazhi.core.models import BoardEntry

    today = today or timezone.localdate()
    if not is_workday(today):
        return 0
    longest = max(settings.FAZHI_REMIND_BEFORE.values(), default=2)
    horizon = working_days_after(today, longest)
    head_cutoff = working_days_before(today, settings.FAZHI_ESCALATE_HEAD_AFTER)
    leader_cutoff = working_days_before(today, settings.FAZHI_ESCALATE_LEADER_AFTER)
    entries = (
        BoardEntry.objects.filter(due_on__lte=horizon)
        .filter(
            Q(shown_from__isnull=True) | Q(shown_from__lte=today),
            Q(hidden_after__isnull=True) | Q(hidden_after__gte=today),
        )
        .select_related("responsible")
    )
    heads = office_heads(set(entries.values_list("township_id", flat=True).distinct()))
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in=set(heads.values()))}
    leaders: dict = {}
    sent = 0
    for entry in entries.iterator(chunk_size=2000):
        ref = f"{entry.content_type_id}:{entry.object_id}:{entry.rule}:{entry.due_on}"
        where = entry.url
        if entry.due_on >= today:
            if entry.due_on <= working_days_after(today, remind_before(entry.rule)):
                left = "今日到期" if entry.due_on == today else f"{entry.due_on:%Y-%m-%d}到期"
                sent += bool(
                    notify(
                        entry.responsible,
                        "due",
                        None,
                        f"{entry.title}：{left}。{entry.basis}",
                        title=f"即将到期：{entry.title}",
                        url=where,
                        key=f"due:{ref}",
                    )
                )
            continue
        days = (today - entry.due_on).days
        text = f"{entry.title}：已逾期{days}天（到期日 {entry.due_on:%Y-%m-%d}）。{entry.basis}"
        sent += bool(
            notify(
                entry.responsible,
                "overdue",
                None,
                text,
                title=f"已逾期：{entry.title}",
                url=where,
                key=f"overdue:{ref}",
            )
        )
        if entry.due_on < head_cutoff:
            head = users.get(head_of(heads, entry.township_id, entry.office))
            who = entry.responsible.get_full_name() if entry.responsible else "未指派"
            sent += bool(
                notify(
                    head,
                    "escalated",
                    None,
                    f"{text} 责任人：{who}。",
                    title=f"逾期督促：{entry.title}",
                    url=where,
                    key=f"escalate-head:{ref}",
                )
            )
        if entry.due_on < leader_cutoff:
            if entry.township_id not in leaders:
                leaders[entry.township_id] = list(township_users(entry.township_id, [Role.HEAD]))
            for leader in leaders[entry.township_id]:
                sent += bool(
                    notify(
                        leader,
                        "escalated",
                        None,
                        text,
                        title=f"逾期督促（镇长）：{entry.title}",
                        url=where,
                        key=f"escalate-leader:{ref}",
                    )
                )
    return sent
