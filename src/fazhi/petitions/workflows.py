"""The life of a petition: registered → accepted → closed, or routed to legal procedure (诉访分离),
or not accepted. The handling period may be extended once, with a reason and an approver."""

import datetime as dt

from django.utils import timezone

from fazhi.core.roles import Role
from fazhi.core.workflow import Transition, Workflow
from fazhi.petitions import rules
from fazhi.petitions.models import HotlineTicket, Petition

S = Petition.State
ROLES = (Role.PETITION,)


def _date(data, key) -> dt.date:
    try:
        return dt.date.fromisoformat(data.get(key) or "")
    except ValueError:
        return timezone.localdate()


def not_litigation(record, data):
    if record.litigation:
        return "该事项涉法涉诉，应导入诉讼、仲裁、行政复议等法定途径（诉访分离），不作为信访事项受理。"
    return None


def is_litigation(record, data):
    return None if record.litigation else "只有涉法涉诉事项才导入法律程序；请先在“修改”中勾选“涉法涉诉”。"


def has_legal_route(record, data):
    route = data.get("legal_route") or record.legal_route
    return (
        None
        if route in Petition.LegalRoute.values
        else "请选择导入的法定途径（诉讼、仲裁、行政复议或其他）。"
    )


def not_extended(record, data):
    if record.extended_on:
        return (
            f"办理期限只能延长一次，本件已于{record.extended_on:%Y-%m-%d}延长（{rules.EXTENSION.article}）。"
        )
    return None


def has_approver(record, data):
    from fazhi.org.models import Person

    approver = str(data.get("approver") or "")
    if not (
        approver.isdigit() and Person.objects.filter(pk=int(approver), township=record.township).exists()
    ):
        return "延长办理期限须经负责人批准，请选择批准人。"
    return None


def before_due(record, data):
    if record.handling_due and timezone.localdate() > record.handling_due:
        return f"办理期限已于{record.handling_due:%Y-%m-%d}届满，不能再申请延期。"
    return None


def has_outcome(record, data):
    outcome = data.get("outcome") or record.outcome
    return None if outcome in Petition.Outcome.values else "办结须选择处理意见（支持、解释说明或不予支持）。"


def has_reply_document(record, data):
    return None if record.reply_documents().exists() else "办结须上传书面答复（信访事项处理意见书）。"


def accept(record, data):
    record.accepted_on = _date(data, "accepted_on")
    record.notice_sent = record.notice_sent or record.accepted_on
    record.refresh_dues()  # the 60-day handling period starts


def route_legal(record, data):
    record.legal_route = data.get("legal_route") or record.legal_route
    record.notice_sent = record.notice_sent or timezone.localdate()


def refuse(record, data):
    record.notice_sent = record.notice_sent or timezone.localdate()


def extend(record, data):
    record.extended_on = timezone.localdate()
    record.extension_reason = data["note"].strip()[:200]
    record.extension_approver_id = int(data["approver"])
    record.refresh_dues()  # 30 days added to the handling period


def close(record, data):
    record.outcome = data.get("outcome") or record.outcome
    record.closed_on = timezone.localdate()
    record.replied_on = record.replied_on or record.closed_on


WORKFLOW = Workflow(
    states=dict(S.choices),
    transitions=[
        Transition(
            "accept", "受理", [S.REGISTERED], S.ACCEPTED, ROLES, [not_litigation], accept, style="success"
        ),
        Transition(
            "route-legal",
            "导入法律程序（诉访分离）",
            [S.REGISTERED],
            S.LEGAL,
            ROLES,
            [is_litigation, has_legal_route],
            route_legal,
            style="warning",
        ),
        Transition(
            "refuse",
            "不予受理",
            [S.REGISTERED],
            S.NOT_ACCEPTED,
            ROLES,
            effect=refuse,
            style="secondary",
            needs_note=True,
        ),
        Transition(
            "extend",
            "延长办理期限",
            [S.ACCEPTED],
            S.ACCEPTED,
            ROLES,
            [not_extended, before_due, has_approver],
            extend,
            style="warning",
            needs_note=True,
        ),
        Transition(
            "close",
            "办结",
            [S.ACCEPTED],
            S.CLOSED,
            ROLES,
            [has_outcome, has_reply_document],
            close,
            style="success",
        ),
    ],
)
# These take more than a reason; the detail page shows their own forms.
CUSTOM_FORMS = ("extend", "close", "route-legal")

H = HotlineTicket.State


def has_reply(record, data):
    return None if record.reply.strip() else "请先在“修改”中填写回复内容。"


def replied(record, data):
    record.replied_on = record.replied_on or timezone.localdate()


HOTLINE_WORKFLOW = Workflow(
    states=dict(H.choices),
    transitions=[
        Transition("handle", "开始办理", [H.RECEIVED], H.HANDLING, ROLES),
        Transition(
            "reply", "回复", [H.RECEIVED, H.HANDLING], H.REPLIED, ROLES, [has_reply], replied, style="success"
        ),
    ],
)
