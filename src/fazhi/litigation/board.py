"""Deadlines of litigation: the answer (复议) or defence (诉讼) of every case not yet answered."""

from fazhi.core.board import DeadlineItem, Source
from fazhi.litigation.models import LitigationCase

OFFICE = "党政办(应诉)"


def answer_items(cases):
    open_cases = cases.filter(answered_on__isnull=True, state=LitigationCase.State.OPEN)
    for case in open_cases.only("id", "township", "case_no", "kind", "copy_received"):
        yield DeadlineItem(
            f"{case.get_kind_display()[:4]} {case}：答复/答辩",
            case.get_absolute_url(),
            OFFICE,
            case.answer_rule,
            case.answer_due,
            case,
        )


SOURCES = [Source(LitigationCase, answer_items)]
