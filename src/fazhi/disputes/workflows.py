"""The life of a dispute: received → mediating → settled / failed."""

from django.utils import timezone

from fazhi.core.roles import Role
from fazhi.core.workflow import Transition, Workflow
from fazhi.disputes.models import Dispute

S = Dispute.State
ROLES = (Role.MEDIATOR, Role.VILLAGE)


def has_mediator(record, data):
    return None if record.mediator_id else "请先在“修改”中指定调解员。"


def has_level(record, data):
    return None if record.level else "请先填写化解层级（组/村/镇）。"


def has_agreement(record, data):
    if record.outcome not in Dispute.AGREEMENTS:
        return "调解成功须先填写调解结果为书面或口头调解协议。"
    if not record.agreement_date:
        return "调解成功须填写协议生效日期（司法确认期限由此起算）。"
    return None


def has_failure(record, data):
    if not record.outcome or record.outcome in Dispute.AGREEMENTS:
        return "调解不成须先填写调解结果（引导诉讼、转信访或其他途径）。"
    return None


def close(record, data):
    record.resolved_on = record.resolved_on or timezone.localdate()


WORKFLOW = Workflow(
    states=dict(S.choices),
    transitions=[
        Transition("mediate", "开始调解", [S.REGISTERED], S.MEDIATING, ROLES, [has_mediator]),
        Transition(
            "settle",
            "调解成功",
            [S.MEDIATING],
            S.SETTLED,
            ROLES,
            [has_level, has_agreement],
            close,
            style="success",
        ),
        Transition(
            "fail",
            "调解不成",
            [S.MEDIATING],
            S.FAILED,
            ROLES,
            [has_failure],
            close,
            style="warning",
            needs_note=True,
        ),
    ],
)
