"""The legality review workflow: requested → assigned (an advisor gives an opinion) → concluded."""

from django.utils import timezone

from fazhi.core.text import clauses
from fazhi.core.workflow import REFUSE, Transition, Workflow
from fazhi.reviews.models import LegalityReview

S = LegalityReview.State
C = LegalityReview.Conclusion


def has_advisor(record, data):
    return (
        None
        if record.advisor_id
        else "请先在“修改”中指定承办的法律顾问（重大行政决策程序暂行条例第二十八条）。"
    )


def has_opinion(record, data):
    reasons = []
    if not record.conclusion:
        reasons.append("请先填写审查结论")
    if not record.legality.strip():
        reasons.append("请先填写合法性意见（权限、程序、内容）")
    if record.conclusion in (C.LAWFUL_AFTER_CHANGES, C.UNLAWFUL) and not record.changes.strip():
        reasons.append("结论为“修改后合法”或“不合法”时须填写修改意见")
    return clauses(reasons) or None


def stamp_concluded(record, data):
    record.concluded_on = record.concluded_on or timezone.localdate()


workflow = Workflow(
    states=dict(S.choices),
    transitions=[
        Transition("assign", "分派法律顾问", [S.REQUESTED], S.ASSIGNED, guards=[has_advisor]),
        Transition(
            "conclude",
            "出具审查意见",
            [S.ASSIGNED],
            S.CONCLUDED,
            guards=[has_opinion],
            effect=stamp_concluded,
            style="success",
        ),
        Transition("withdraw", "撤回", [S.REQUESTED, S.ASSIGNED], S.WITHDRAWN, **REFUSE),
    ],
)
