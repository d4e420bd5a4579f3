"""Decision workflow: drafting → legality review → collective discussion → adopted → published →
implementation → post-evaluation. Legality review and collective discussion can never be skipped."""

from django.utils import timezone

from fazhi.core.roles import Role
from fazhi.core.workflow import REFUSE, SEND_BACK, Transition, Workflow
from fazhi.decisions.models import DecisionCatalogue, DecisionStep, MajorDecision
from fazhi.decisions.procedures import SKIPPABLE
from fazhi.decisions.services import comment_period_problem
from fazhi.reviews.guards import review_passed
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.services import request_review

S = MajorDecision.State
ROLES = (Role.OFFICE,)


def procedures_settled(record, data):
    settled = {s.procedure for s in record.steps.all() if s.status != DecisionStep.Status.PENDING}
    missing = [p.label for p in SKIPPABLE if p.code not in settled]
    if missing:
        return f"{'、'.join(missing)}尚未完成（或标记为不适用并说明理由）。"
    return comment_period_problem(record)


def discussion_recorded(record, data):
    missing = [
        label
        for label, value in (
            ("审议会议", record.meeting),
            ("会议日期", record.meeting_date),
            ("出席人员", record.attendees),
        )
        if not value
    ]
    return f"请先登记集体讨论情况：{'、'.join(missing)}（第三十条）。" if missing else None


def reported_to_party(record, data):
    return (
        None if record.party_reported_on else "决策草案须报同级党委，请先填写报同级党委日期（第三十一条）。"
    )


def has_evaluation(record, data):
    return None if record.evaluation.strip() else "请先填写决策后评估情况（第三十五条）。"


def send_for_review(record, data):
    request_review(
        record,
        kind=LegalityReview.Kind.DECISION,
        title=record.title,
        user=data.get("user"),
        submitted_by=record.sponsor,
        summary=record.summary,
    )


def stamp(field):
    def effect(record, data):
        setattr(record, field, getattr(record, field) or timezone.localdate())

    return effect


workflow = Workflow(
    states=dict(S.choices),
    transitions=[
        Transition("send_review", "送合法性审查", [S.DRAFTING], S.REVIEWING, ROLES, effect=send_for_review),
        Transition(
            "submit",
            "提交集体讨论",
            [S.DRAFTING, S.REVIEWING],
            S.DISCUSSION,
            ROLES,
            guards=[procedures_settled, review_passed],
        ),
        Transition(
            "adopt",
            "集体讨论通过",
            [S.DISCUSSION],
            S.ADOPTED,
            ROLES,
            guards=[review_passed, discussion_recorded],
            style="success",
        ),
        Transition(
            "reject",
            "集体讨论未通过",
            [S.DISCUSSION],
            S.REJECTED,
            ROLES,
            guards=[discussion_recorded],
            **REFUSE,
        ),
        Transition("send_back", "退回修改", [S.REVIEWING, S.DISCUSSION], S.DRAFTING, ROLES, **SEND_BACK),
        Transition(
            "publish",
            "公布决策",
            [S.ADOPTED],
            S.PUBLISHED,
            ROLES,
            guards=[reported_to_party],
            effect=stamp("published_on"),
        ),
        Transition("implement", "组织实施", [S.PUBLISHED], S.IMPLEMENTING, ROLES),
        Transition(
            "evaluate",
            "完成决策后评估",
            [S.IMPLEMENTING],
            S.EVALUATED,
            ROLES,
            guards=[has_evaluation],
            effect=stamp("evaluated_on"),
        ),
    ],
)


def party_agreed(record, data):
    return (
        None
        if record.party_approved_on
        else "决策事项目录须经同级党委同意后方可公布，请先填写党委同意日期（第三条第三款）。"
    )


catalogue_workflow = Workflow(
    states=dict(DecisionCatalogue.State.choices),
    transitions=[
        Transition(
            "publish",
            "向社会公布",
            [DecisionCatalogue.State.DRAFT],
            DecisionCatalogue.State.PUBLISHED,
            ROLES,
            guards=[party_agreed],
            effect=stamp("published_on"),
        ),
    ],
)
