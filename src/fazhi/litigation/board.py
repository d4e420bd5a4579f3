"""Deadline board items: the answer (复议) or defence (诉讼) of every case not yet answered."""

import datetime as dt

from fazhi.core.board import DeadlineItem
from fazhi.litigation.models import LitigationCase

OFFICE = "党政办(应诉)"


def deadline_items(township, today: dt.date) -> list[DeadlineItem]:
    cases = LitigationCase.objects.filter(
        township=township, answered_on__isnull=True, state=LitigationCase.State.OPEN
    )
    return [
        DeadlineItem(
            f"{case.get_kind_display()[:4]} {case}：答复/答辩",
            case.get_absolute_url(),
            OFFICE,
            case.answer_rule,
            case.answer_due,
        )
        for case in cases.only("id", "case_no", "kind", "copy_received")
    ]
