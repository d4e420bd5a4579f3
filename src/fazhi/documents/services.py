"""Writes on documents beyond a form: numbering (文号), validity, cleanup outcomes."""

import datetime as dt

from django.db import transaction
from django.db.models import Max

from fazhi.core.deadlines import _add_months  # calendar-month arithmetic, also used backwards here
from fazhi.core.services import save_record
from fazhi.core.workflow import Refused
from fazhi.documents import rules
from fazhi.documents.models import CleanupCampaign, CleanupItem, NormativeDocument

D = NormativeDocument.State
Outcome = CleanupItem.Outcome


def doc_no(township, year: int, number: int) -> str:
    return f"{township.doc_prefix}〔{year}〕{number}号"


def assign_number(document: NormativeDocument, on: dt.date, number: int | None = None) -> None:
    """Give the document the next 文号 of its township and year (××府发〔YYYY〕N号), or `number` if free.

    Called by the publishing transition's `number` step; the unique constraint is the last word if two
    offices publish at the same moment, and `core.numbering.save_numbered` then numbers again.
    """
    prefix = document.township.doc_prefix
    if not prefix:
        raise Refused("本乡镇尚未设置发文字号前缀（如“青府发”），请联系管理员在行政区划中设置。")
    same_year = NormativeDocument.objects.filter(township=document.township, doc_year=on.year).exclude(
        pk=document.pk
    )
    if number is None:
        number = (same_year.aggregate(n=Max("number"))["n"] or 0) + 1
    elif same_year.filter(number=number).exists():
        raise Refused(f"文号{doc_no(document.township, on.year, number)}已被使用。")
    document.doc_year, document.number, document.doc_no = (
        on.year,
        number,
        doc_no(document.township, on.year, number),
    )


def validity_rule(document: NormativeDocument):
    return rules.TRIAL_VALIDITY if document.trial else rules.VALIDITY


def default_valid_until(document: NormativeDocument) -> dt.date | None:
    if document.valid_from is None:
        return None
    end = _add_months(document.valid_from, validity_rule(document).effective_count)
    return end - dt.timedelta(days=1)  # a 5-year validity from 1 March ends on the last day of February


def evaluation_due(document: NormativeDocument) -> dt.date | None:
    """The day the pre-expiry evaluation should start (有效期届满前6个月)."""
    if document.valid_until is None:
        return None
    return _add_months(document.valid_until, -rules.PRE_EXPIRY.effective_count)


def validity_status(document: NormativeDocument, today: dt.date) -> str:
    if document.state in NormativeDocument.ENDED:
        return document.get_state_display()
    if document.state not in NormativeDocument.IN_FORCE:
        return "未公布"
    if document.valid_until and document.valid_until < today:
        return "已过有效期"
    if (start := evaluation_due(document)) and start <= today:
        return "即将到期"
    return "有效"


def comment_period_problem(document: NormativeDocument) -> str | None:
    start, end = document.comment_start, document.comment_end
    if not (start and end):
        return None
    if end < start:
        return "征求意见截止日期不能早于开始日期。"
    rule = rules.COMMENT_MARKET if document.market_related else rules.COMMENT_RIGHTS
    if end < rule.due(start).date:
        return f"征求意见期限少于{rule.describe()}。"
    return None


def add_documents_in_force(campaign: CleanupCampaign, user) -> int:
    """Put every document of the township currently in force into the campaign's scope."""
    documents = NormativeDocument.objects.filter(
        township=campaign.township, state__in=NormativeDocument.IN_FORCE
    ).order_by("published_on", "id")
    added = 0
    with transaction.atomic():
        for document in documents.exclude(cleanup_items__campaign=campaign):
            CleanupItem.objects.create(campaign=campaign, document=document)
            added += 1
        if added:
            save_record(campaign, user, reason=f"纳入清理范围{added}件")
    return added


def set_outcome(item: CleanupItem, outcome: str, reason: str, user) -> CleanupItem:
    if item.campaign.state != CleanupCampaign.State.ONGOING:
        raise Refused("清理已完成，结果不能再修改。")
    if outcome not in Outcome.values:
        raise Refused("请选择清理结果。")
    if outcome != Outcome.CONTINUE and not reason.strip():
        raise Refused(f"清理结果为“{Outcome(outcome).label}”的须填写理由。")
    item.outcome, item.reason = outcome, reason.strip()
    item._history_user = user
    item.save()
    return item


def apply_outcomes(campaign: CleanupCampaign, user, on: dt.date) -> None:
    """When a campaign concludes, repealed and expired documents end; those to amend are marked."""
    ends = {Outcome.REPEAL: D.REPEALED, Outcome.EXPIRE: D.EXPIRED, Outcome.AMEND: D.AMENDED}
    for item in campaign.items.select_related("document"):
        document = item.document
        if item.outcome not in ends or document.state not in NormativeDocument.IN_FORCE:
            continue
        document.state = ends[item.outcome]
        if item.outcome != Outcome.AMEND:
            document.ended_on = on
        document.end_note = f"{campaign.title}：{item.get_outcome_display()}（{item.reason}）"
        save_record(document, user, reason=document.end_note)


def cleanup_summary(items) -> dict:
    """{outcome: count} plus "total", over CleanupItems (already fetched or a queryset)."""
    counts = {code: 0 for code in Outcome.values}
    for item in items:
        if item.outcome:
            counts[item.outcome] += 1
    return {"total": sum(counts.values()), **counts}
