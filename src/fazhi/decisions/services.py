"""Writes on decisions beyond a form: recording where a decision stands on each statutory procedure."""

import datetime as dt

from django.db import transaction

from fazhi.core.services import save_record
from fazhi.core.workflow import Refused
from fazhi.decisions.models import DecisionStep, MajorDecision
from fazhi.decisions.procedures import BY_CODE, PROCEDURES
from fazhi.decisions.rules import COMMENT_PERIOD
from fazhi.reviews.public import comments_of
from fazhi.reviews.services import passing_review, reviews_of

S = DecisionStep.Status


def mark_step(
    decision: MajorDecision, code: str, status: str, user, *, note: str = "", done_on=None
) -> DecisionStep:
    """Record a procedure as done or not applicable; refuses (changing nothing) what the law forbids."""
    procedure = BY_CODE.get(code)
    if procedure is None:
        raise Refused(f"未知的程序“{code}”。")
    if not procedure.skippable:
        raise Refused(
            f"{procedure.label}为法定必经程序，不得标记为不适用或手工登记完成（重大行政决策程序暂行条例{procedure.article}）。"
        )
    if status not in S.values:
        raise Refused("请选择办理情况。")
    if status == S.NOT_APPLICABLE and not note.strip():
        raise Refused(f"将“{procedure.label}”标记为不适用须说明理由。")
    if decision.state != MajorDecision.State.DRAFTING and decision.state != MajorDecision.State.REVIEWING:
        raise Refused("决策已提交集体讨论，法定程序情况不能再修改。")
    with transaction.atomic():
        step, _ = DecisionStep.objects.get_or_create(decision=decision, procedure=code)
        step.status, step.note, step.done_on = status, note.strip(), done_on if status == S.DONE else None
        step._history_user = user
        step.save()
        # The decision's own history names every step, with who and when (终身责任追究).
        label = dict(S.choices)[status]
        save_record(
            decision,
            user,
            reason=f"{procedure.label}：{label}" + (f"（{note.strip()}）" if note.strip() else ""),
        )
    return step


def comment_period_problem(decision: MajorDecision) -> str | None:
    """条例第十五条: a comment window of less than 30 days needs a stated reason."""
    start, end = decision.comment_start, decision.comment_end
    if not (start and end):
        return None
    if end < start:
        return "征求意见截止日期不能早于开始日期。"
    if (
        end - start < dt.timedelta(days=COMMENT_PERIOD.effective_count)
        and not decision.comment_short_reason.strip()
    ):
        return f"征求意见期限不足{COMMENT_PERIOD.effective_count}日，须填写期限较短的理由（{COMMENT_PERIOD.article}）。"
    return None


def procedure_rows(decision: MajorDecision) -> list[dict]:
    """The five procedures with where this decision stands on each, for the detail page."""
    steps = {s.procedure: s for s in decision.steps.all()}
    rows = []
    for p in PROCEDURES:
        row = {"procedure": p, "status": "未开展", "detail": "", "ok": False}
        if p.skippable:
            step = steps.get(p.code)
            if step is not None:
                row.update(
                    status=step.get_status_display(),
                    detail=step.note,
                    ok=step.status != S.PENDING,
                    done_on=step.done_on,
                )
            if p.code == "participation" and decision.comment_start:
                online = comments_of(decision).count()
                row["detail"] = (
                    f"{decision.comment_start:%Y-%m-%d}至{decision.comment_end:%Y-%m-%d}征求意见，"
                    f"收到意见{online + decision.offline_comments}条（在线{online}条）。" + row["detail"]
                )
        elif p.code == "legality":
            review = passing_review(decision)
            latest = reviews_of(decision).order_by("-requested_on", "-id").first()
            if review is not None:
                row.update(
                    status=f"已审查（{review.get_conclusion_display()}）",
                    ok=True,
                    review=review,
                    done_on=review.concluded_on,
                )
            elif latest is not None:
                row.update(
                    status=latest.get_state_display()
                    if latest.is_open
                    else f"结论：{latest.get_conclusion_display() or latest.get_state_display()}",
                    review=latest,
                )
        else:
            if decision.meeting_date:
                row.update(
                    status="已讨论" if decision.state != MajorDecision.State.DISCUSSION else "待讨论",
                    detail=f"{decision.meeting}（{decision.meeting_date:%Y-%m-%d}）",
                    ok=decision.is_adopted,
                    done_on=decision.meeting_date,
                )
        rows.append(row)
    return rows
