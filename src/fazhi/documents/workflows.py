"""Workflows of normative documents, cleanup campaigns and contracts."""

import datetime as dt

from django.utils import timezone

from fazhi.core.roles import Role
from fazhi.core.workflow import REFUSE, SEND_BACK, Transition, Workflow
from fazhi.documents import services
from fazhi.documents.models import CleanupCampaign, Contract, NormativeDocument
from fazhi.reviews.guards import review_passed, review_passed_before_signing
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.services import request_review

ROLES = (Role.OFFICE,)
CONTRACT_ROLES = (Role.OFFICE, Role.VILLAGE)
D, K, C = NormativeDocument.State, CleanupCampaign.State, Contract.State


def today(data):
    # Services and the demo may pass the date of the act; a POSTed string is ignored.
    on = data.get("on")
    return on if isinstance(on, dt.date) else timezone.localdate()


def comment_window_set(record, data):
    if not (record.comment_start and record.comment_end):
        return "请先填写征求意见的起止日期。"
    return services.comment_period_problem(record)


def deliberated(record, data):
    return None if record.meeting and record.meeting_date else "请先登记集体审议的会议和日期。"


def valid_from_set(record, data):
    return None if record.valid_from else "请先填写施行日期（有效期据此计算）。"


def filing_recorded(record, data):
    return None if record.filed_on and record.filing_authority else "请先填写备案日期和备案机关。"


def send_review(kind, title_of):
    def effect(record, data):
        request_review(
            record,
            kind=kind,
            title=title_of(record),
            user=data.get("user"),
            submitted_by=getattr(record, "sponsor", ""),
        )

    return effect


def publish(record, data):
    on = today(data)
    record.published_on = record.published_on or on
    record.valid_until = record.valid_until or services.default_valid_until(record)


def number(record, data):
    """The 文号 of the year it is published in: the one typed, if free, else the next (core.numbering
    retries the next one if another office took it at the same moment)."""
    given = data.get("number")
    services.assign_number(record, today(data), int(given) if str(given or "").isdigit() else None)


def end(record, data):
    record.ended_on = record.ended_on or today(data)
    record.end_note = (data.get("note") or record.end_note).strip()


document_workflow = Workflow(
    states=dict(D.choices),
    transitions=[
        Transition("consult", "公开征求意见", [D.DRAFTING], D.CONSULTING, ROLES, guards=[comment_window_set]),
        Transition(
            "send_review",
            "送合法性审核",
            [D.DRAFTING, D.CONSULTING],
            D.REVIEWING,
            ROLES,
            effect=send_review(LegalityReview.Kind.DOCUMENT, lambda r: r.title),
        ),
        Transition("submit", "提交集体审议", [D.REVIEWING], D.DELIBERATION, ROLES, guards=[review_passed]),
        Transition(
            "publish",
            "审议通过并编号公布",
            [D.DELIBERATION],
            D.PUBLISHED,
            ROLES,
            guards=[review_passed, deliberated, valid_from_set],
            effect=publish,
            number=number,
            style="success",
        ),
        Transition("send_back", "退回修改", [D.REVIEWING, D.DELIBERATION], D.DRAFTING, ROLES, **SEND_BACK),
        Transition("file", "登记备案", [D.PUBLISHED], D.FILED, ROLES, guards=[filing_recorded]),
        Transition("amend", "已修改", [D.PUBLISHED, D.FILED], D.AMENDED, ROLES, **SEND_BACK),
        Transition(
            "repeal", "废止", [D.PUBLISHED, D.FILED, D.AMENDED], D.REPEALED, ROLES, effect=end, **REFUSE
        ),
        Transition(
            "expire", "宣布失效", [D.PUBLISHED, D.FILED, D.AMENDED], D.EXPIRED, ROLES, effect=end, **REFUSE
        ),
    ],
)


def every_item_decided(record, data):
    if not record.items.exists():
        return "清理范围内还没有文件。"
    pending = record.items.filter(outcome="").count()
    return f"还有{pending}件文件未确定清理结果。" if pending else None


def conclude(record, data):
    record.concluded_on = record.concluded_on or today(data)
    services.apply_outcomes(record, data.get("user"), record.concluded_on)


def stamp(field):
    def effect(record, data):
        setattr(record, field, getattr(record, field) or today(data))

    return effect


cleanup_workflow = Workflow(
    states=dict(K.choices),
    transitions=[
        Transition(
            "conclude",
            "完成清理",
            [K.ONGOING],
            K.CONCLUDED,
            ROLES,
            guards=[every_item_decided],
            effect=conclude,
        ),
        Transition(
            "publish",
            "公布清理结果",
            [K.CONCLUDED],
            K.PUBLISHED,
            ROLES,
            effect=stamp("published_on"),
            style="success",
        ),
    ],
)

contract_workflow = Workflow(
    states=dict(C.choices),
    transitions=[
        Transition(
            "send_review",
            "送合法性审查",
            [C.DRAFTING],
            C.REVIEWING,
            CONTRACT_ROLES,
            effect=send_review(LegalityReview.Kind.CONTRACT, lambda r: f"{r.title}（{r.counterparty}）"),
        ),
        Transition(
            "sign",
            "签订",
            [C.DRAFTING, C.REVIEWING],
            C.SIGNED,
            CONTRACT_ROLES,
            guards=[review_passed_before_signing],
            effect=stamp("signed_on"),
            style="success",
        ),
        Transition("send_back", "退回修改", [C.REVIEWING], C.DRAFTING, CONTRACT_ROLES, **SEND_BACK),
        Transition("perform", "开始履行", [C.SIGNED], C.PERFORMING, CONTRACT_ROLES),
        Transition("complete", "履行完毕", [C.PERFORMING], C.COMPLETED, CONTRACT_ROLES),
        Transition(
            "terminate", "解除/终止", [C.SIGNED, C.PERFORMING], C.TERMINATED, CONTRACT_ROLES, **REFUSE
        ),
    ],
)
