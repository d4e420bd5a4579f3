"""draft 初稿 › discussion 讨论稿 › signed 签发 › submitted 报送 › published 公开 (domain.md §5)."""

from django.utils import timezone

from fazhi.core.roles import Role
from fazhi.core.workflow import SEND_BACK, Transition, Workflow
from fazhi.reports.models import AnnualReport

S = AnnualReport.State


def both_signed(report, data):
    missing = [
        who
        for who, at in (("党委书记", report.secretary_signed_at), ("镇长", report.head_signed_at))
        if not at
    ]
    if missing:
        return f"尚缺{'、'.join(missing)}签批，不能签发。"
    return None


def has_text(report, data):
    return None if report.versions.exists() else "报告尚无内容。"


def _clear_signatures(report, data):
    # Sending the text back for changes voids the sign-offs: they were given to the old text.
    report.secretary_signed_by = report.head_signed_by = None
    report.secretary_signed_at = report.head_signed_at = None


def _signed(report, data):
    report.report_date = report.report_date or timezone.localdate()


def _submitted(report, data):
    report.submitted_on = timezone.localdate()


def returned_by_county(report, data):
    latest = report.submissions.order_by("-number").first()
    if latest is None or latest.state != "returned":
        return "只有被县级退回的报告才能重新修改。"
    return None


def not_returned(report, data):
    latest = report.submissions.order_by("-number").first()
    if latest is not None and latest.state == "returned":
        return "报告已被县级退回，请按意见修改后重新报送。"
    return None


def _reopened(report, data):
    _clear_signatures(report, data)
    report.submitted_on = None


def _published(report, data):
    report.published_on = timezone.localdate()


WORKFLOW = Workflow(
    states=dict(S.choices),
    transitions=[
        Transition("discuss", "提交讨论", [S.DRAFT], S.DISCUSSION, roles=[Role.OFFICE], guards=[has_text]),
        Transition(
            "revise",
            "退回修改",
            [S.DISCUSSION],
            S.DRAFT,
            roles=[Role.SECRETARY, Role.HEAD],
            effect=_clear_signatures,
            **SEND_BACK,
        ),
        Transition(
            "sign",
            "签发",
            [S.DISCUSSION],
            S.SIGNED,
            roles=[Role.SECRETARY, Role.HEAD],
            guards=[both_signed],
            effect=_signed,
        ),
        Transition(
            "submit", "报送县委县政府", [S.SIGNED], S.SUBMITTED, roles=[Role.OFFICE], effect=_submitted
        ),
        Transition(
            "publish",
            "向社会公开",
            [S.SUBMITTED],
            S.PUBLISHED,
            roles=[Role.OFFICE],
            guards=[not_returned],
            effect=_published,
        ),
        Transition(
            "reopen",
            "按县级意见修改",
            [S.SUBMITTED],
            S.DRAFT,
            roles=[Role.OFFICE],
            guards=[returned_by_county],
            effect=_reopened,
            style="outline-danger",
        ),
    ],
)

EDITABLE_STATES = (S.DRAFT, S.DISCUSSION)
