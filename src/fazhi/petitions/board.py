"""Deadline board items: the acceptance notice of registered petitions and the handling period of
accepted ones (with its extension), each with the rule it was computed by."""

import datetime as dt

from fazhi.core.board import DeadlineItem
from fazhi.petitions.models import Petition

OFFICE = "信访办"


def deadline_items(township, today: dt.date) -> list[DeadlineItem]:
    items = []
    fields = (
        "id",
        "number",
        "subject",
        "state",
        "received",
        "origin",
        "accepted_on",
        "extended_on",
        "notice_sent",
    )
    for petition in Petition.objects.filter(township=township, state__in=Petition.OPEN_STATES).only(*fields):
        if petition.state == Petition.State.REGISTERED and not petition.notice_sent:
            items.append(
                DeadlineItem(
                    f"信访件 {petition}：受理告知",
                    petition.get_absolute_url(),
                    OFFICE,
                    petition.notice_rule,
                    petition.notice_due_info(),
                )
            )
        elif petition.state == Petition.State.ACCEPTED:
            due, rule = petition.handling_due_info()
            if due is None:  # accepted without an acceptance date (imported data): nothing to count from
                continue
            suffix = "（已延期）" if petition.extended_on else ""
            items.append(
                DeadlineItem(
                    f"信访件 {petition}：办结{suffix}", petition.get_absolute_url(), OFFICE, rule, due
                )
            )
    return items
