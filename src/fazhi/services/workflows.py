"""States and transitions of disclosure requests and village rules."""

import datetime as dt

from django.utils import timezone

from fazhi.core.roles import Role
from fazhi.core.workflow import Transition, Workflow
from fazhi.services.actions import DEADLINE
from fazhi.services.models import DisclosureRequest, VillageRule

R = DisclosureRequest.State


def _within_first_period(record, data):
    # The extension must be decided while the first 20 working days are still running (art. 33).
    on = data.get("on") if isinstance(data.get("on"), dt.date) else timezone.localdate()
    if on > record.due_on:
        return f"答复期限已于{record.due_on:%Y-%m-%d}届满，不能再延期。"
    return None


def _reply_chosen(record, data):
    return None if record.reply else "请先在“修改”中选择答复类型并填写答复内容。"


def _extend(record, data):
    record.extension_reason = data.get("note", "").strip()
    DEADLINE.refresh(record)


def _replied(record, data):
    record.replied_on = record.replied_on or timezone.localdate()


DISCLOSURE = Workflow(
    states=dict(R.choices),
    transitions=[
        Transition(
            "extend",
            "延期答复",
            [R.RECEIVED],
            R.EXTENDED,
            roles=(Role.OFFICE,),
            guards=[_within_first_period],
            effect=_extend,
            style="warning",
            needs_note=True,
        ),
        Transition(
            "reply",
            "答复办结",
            [R.RECEIVED, R.EXTENDED],
            R.REPLIED,
            roles=(Role.OFFICE,),
            guards=[_reply_chosen],
            effect=_replied,
            style="success",
        ),
    ],
)

V = VillageRule.State


def _filed(record, data):
    record.filed_on = record.filed_on or timezone.localdate()


def _has_opinion(record, data):
    return None if (record.opinion or "").strip() else "请先填写审查意见。"


def _reviewed(record, data):
    record.reviewed_on = timezone.localdate()
    if note := (data.get("note") or "").strip():
        record.opinion = f"{record.opinion}\n{note}".strip()


VILLAGE_RULE = Workflow(
    states=dict(V.choices),
    transitions=[
        Transition(
            "file",
            "报乡镇备案",
            [V.ADOPTED, V.CORRECTION],
            V.FILED,
            roles=(Role.VILLAGE, Role.OFFICE),
            effect=_filed,
        ),
        Transition(
            "approve",
            "审查通过",
            [V.FILED],
            V.APPROVED,
            roles=(Role.ADVISOR,),
            guards=[_has_opinion],
            effect=_reviewed,
            style="success",
        ),
        Transition(
            "correct",
            "责令改正",
            [V.FILED],
            V.CORRECTION,
            roles=(Role.ADVISOR,),
            effect=_reviewed,
            style="danger",
            needs_note=True,
        ),
    ],
)
