"""The county's side of report collection: who has submitted, late or not, receipt or return, the
bulk .zip, and the summary of its townships' key figures."""

import io
import zipfile
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from fazhi.assessment.services import require_county
from fazhi.core.workflow import Refused
from fazhi.reports import rules
from fazhi.reports.models import AnnualReport
from fazhi.reports.submissions import Submission

S = AnnualReport.State
# The county's columns: the report's states folded as the county sees them.
STAGES = {
    S.DRAFT: "初稿",
    S.DISCUSSION: "初稿",
    S.SIGNED: "签发",
    S.SUBMITTED: "已报送",
    S.PUBLISHED: "已公开",
}
# The figures a county report quotes for every township (its own 《法治政府建设情况报告》).
KEY_FIGURES = [
    "decisions.major.total",
    "reviews.total",
    "documents.normative.published",
    "enforcement.cases.total",
    "disputes.received",
    "disputes.resolution_rate",
    "petitions.total",
    "petitions.on_time_rate",
    "litigation.cases",
    "study.sessions",
    "education.activities.total",
    "org.advisor_coverage",
]


@dataclass
class Row:
    township: object
    report: AnnualReport | None
    first: Submission | None
    latest: Submission | None
    stage: str
    late: bool
    lateness: str


def county_rows(townships, year: int, today=None) -> list[Row]:
    """One row per township: stage, first and latest submission, late against the 3/1 rule."""
    today = today or timezone.localdate()
    due = rules.submit_due(year).date
    reports = {r.township_id: r for r in AnnualReport.objects.filter(township__in=townships, year=year)}
    submissions: dict[int, list[Submission]] = {}
    for sub in Submission.objects.filter(report__in=reports.values()).order_by("number"):
        submissions.setdefault(sub.township_id, []).append(sub)
    rows = []
    for township in townships:
        report = reports.get(township.id)
        subs = submissions.get(township.id, [])
        first, latest = (subs[0], subs[-1]) if subs else (None, None)
        stage = STAGES.get(report.state, report.state) if report else "未起草"
        if first is not None:
            late = first.submitted_on > due
            lateness = f"逾期{(first.submitted_on - due).days}天" if late else "按时"
        else:
            late = today > due
            lateness = "逾期未报送" if late else f"未报送（{due:%m月%d日}前）"
        rows.append(Row(township, report, first, latest, stage, late, lateness))
    return rows


def _decide(submission, user, state, comment=""):
    require_county(user, submission.township.parent)
    if submission.state != Submission.State.PENDING:
        raise Refused(f"该次报送已{submission.get_state_display()}，不能重复处理。")
    latest = submission.report.submissions.order_by("-number").first()
    if latest.pk != submission.pk:
        raise Refused("只能处理最近一次报送。")
    submission.state = state
    submission.comment = comment
    submission.decided_by, submission.decided_at = user, timezone.now()
    submission.save(update_fields=["state", "comment", "decided_by", "decided_at"])
    return submission


@transaction.atomic
def receive(submission, user, comment=""):
    return _decide(submission, user, Submission.State.RECEIVED, (comment or "").strip())


@transaction.atomic
def return_(submission, user, comment):
    comment = (comment or "").strip()
    if not comment:
        raise Refused("退回须填写修改意见。")
    submission = _decide(submission, user, Submission.State.RETURNED, comment)
    from fazhi.supervision.services import tell_township

    tell_township(
        submission.township_id,
        "returned",
        submission.report,
        f"{submission.report}（第{submission.number}次报送）被县级退回：{comment}",
        key=f"report-returned:{submission.pk}",
    )
    return submission


def zip_bytes(rows, year: int) -> bytes:
    """Every township's latest submitted version as .docx, in one archive."""
    from fazhi.reports.render import render_docx
    from fazhi.reports.services import to_document

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for row in rows:
            if row.latest is None:
                continue
            doc = to_document(row.report, row.latest.version)
            name = f"{row.township.name}{year}年度法治政府建设情况报告（第{row.latest.number}次报送）.docx"
            archive.writestr(name, render_docx(doc))
    return buffer.getvalue()
