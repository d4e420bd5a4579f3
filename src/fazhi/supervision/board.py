"""An open 督办 task is a deadline on the township's board (and, through it, on the county's)."""

from django.db.models import Q

from fazhi.core.board import DeadlineItem, Source
from fazhi.core.deadlines import WORKING_DAYS, Rule, due_date
from fazhi.supervision.models import Assignment, Task


def rule_of(task) -> Rule:
    return Rule(
        "supervision.task",
        f"县级督办事项“{task.title}”办理期限",
        task.days,
        WORKING_DAYS,
        task.basis or "县依法治县办督办通知",
    )


def assignment_items(assignments):
    for assignment in assignments.filter(state__in=Assignment.OPEN_STATES).select_related("task"):
        task = assignment.task
        yield DeadlineItem(
            f"督办：{task.title}",
            assignment.get_absolute_url(),
            "司法所",
            rule_of(task),
            due_date(task.issued_on, task.days, WORKING_DAYS),
            assignment,
        )


SOURCES = [Source(Assignment, assignment_items, follows={Task: lambda task: Q(task=task)})]
