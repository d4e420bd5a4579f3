"""A case against the township: answer in time, record the decision, close once a lost case is executed."""

import datetime as dt

from django.utils import timezone

from fazhi.core.roles import Role
from fazhi.core.workflow import Transition, Workflow
from fazhi.litigation.models import LitigationCase

S = LitigationCase.State
ROLES = (Role.HEAD, Role.OFFICE)


def answered(record, data):
    try:
        record.answered_on = dt.date.fromisoformat(data.get("answered_on") or "")
    except ValueError:
        record.answered_on = timezone.localdate()


def has_outcome(record, data):
    if not (record.outcome and record.decided_on):
        return "请先在“修改”中填写结果和决定/判决日期。"
    return None


def executed_if_lost(record, data):
    if record.lost and not record.judgment_executed:
        return "败诉案件须履行生效的决定书/判决书后才能结案。"
    return None


WORKFLOW = Workflow(
    states=dict(S.choices),
    transitions=[
        Transition(
            "answer", "已提交答复/答辩", [S.OPEN], S.ANSWERED, ROLES, effect=answered, style="success"
        ),
        Transition("decide", "登记决定/判决", [S.ANSWERED], S.DECIDED, ROLES, [has_outcome]),
        Transition("close", "结案", [S.DECIDED], S.CLOSED, ROLES, [executed_if_lost], style="success"),
    ],
)
