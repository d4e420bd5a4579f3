import datetime as dt

import pytest

from fazhi.core.roles import Role
from fazhi.core.workflow import Refused
from fazhi.reports import rules, services
from fazhi.reports.models import AnnualReport, ReportVersion
from fazhi.reports.workflows import WORKFLOW


@pytest.fixture
def report(world):
    return services.create_report(world.township, 2025, world.users[Role.JUDICIAL])


def paragraph(report, code):
    return next(b for b in report.current.blocks if "{{fig:%s}}" % code in b["text"])


def snapshot(report):
    report.refresh_from_db()
    return (
        report.state,
        report.version,
        report.secretary_signed_at,
        report.head_signed_at,
        report.versions.count(),
    )


def test_bound_figures_survive_a_prose_edit(report, world):
    block = paragraph(report, "org.villages")
    new = "全镇共有{{fig:org.villages}}个行政村，我们重写了这一段。"
    services.edit_block(report, block["id"], new, world.users[Role.JUDICIAL], report.version)
    report.refresh_from_db()
    assert report.current.number == 2 and ReportVersion.objects.filter(report=report).count() == 2
    saved = next(b for b in report.current.blocks if b["id"] == block["id"])
    assert saved["text"] == new
    doc = services.to_document(report)
    assert "全镇共有12个行政村，我们重写了这一段。" in [b.text for b in doc.blocks]
    # The first version is kept and the diff shows the change.
    diff = services.diff_versions(report.versions.get(number=1), report.current)
    assert ("+", new) in diff and any(op == "-" and "{{fig:org.villages}}" in line for op, line in diff)


def test_edit_refusals_change_nothing(report, world):
    judicial = world.users[Role.JUDICIAL]
    block = paragraph(report, "org.villages")
    before = snapshot(report)
    with pytest.raises(Refused, match="未知的指标代码"):
        services.edit_block(report, block["id"], "共{{fig:no.such.code}}个", judicial)
    with pytest.raises(Refused, match="不能为空"):
        services.edit_block(report, block["id"], "  ", judicial)
    with pytest.raises(Refused, match="旧版本"):
        services.edit_block(
            report, block["id"], "新的内容", judicial, expected_version=report.version - 1 or 99
        )
    assert snapshot(report) == before
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.edit_block(report, block["id"], "新的内容", world.users[Role.PETITION])
    assert snapshot(report) == before


def test_signing_needs_both_first_responsible_persons(report, world):
    u = world.users
    with pytest.raises(Refused):  # a draft can't be signed
        services.sign(report, u[Role.SECRETARY])
    WORKFLOW.apply(report, "discuss", u[Role.OFFICE])
    with pytest.raises(Refused, match="只有党委书记、镇长"):
        services.sign(report, u[Role.JUDICIAL])
    services.sign(report, u[Role.SECRETARY])
    before = snapshot(report)
    with pytest.raises(Refused, match="尚缺镇长签批"):
        WORKFLOW.apply(report, "sign", u[Role.SECRETARY])
    with pytest.raises(Refused, match="已签批过"):
        services.sign(report, u[Role.SECRETARY])
    assert snapshot(report) == before
    services.sign(report, u[Role.HEAD])
    with pytest.raises(Refused, match="没有执行"):
        WORKFLOW.apply(report, "sign", u[Role.PETITION])
    WORKFLOW.apply(report, "sign", u[Role.HEAD])
    assert report.state == AnnualReport.State.SIGNED and report.report_date
    before = snapshot(report)
    with pytest.raises(Refused, match="不能再修改正文"):
        services.edit_block(report, report.current.blocks[0]["id"], "改一下", u[Role.JUDICIAL])
    with pytest.raises(Refused, match="不能执行“向社会公开”"):
        WORKFLOW.apply(report, "publish", u[Role.OFFICE])
    assert snapshot(report) == before
    WORKFLOW.apply(report, "submit", u[Role.OFFICE])
    WORKFLOW.apply(report, "publish", u[Role.OFFICE])
    assert report.state == AnnualReport.State.PUBLISHED and report.submitted_on and report.published_on


def test_editing_a_signed_discussion_draft_voids_the_signatures(report, world):
    u = world.users
    WORKFLOW.apply(report, "discuss", u[Role.OFFICE])
    services.sign(report, u[Role.SECRETARY])
    services.sign(report, u[Role.HEAD])
    report.refresh_from_db()
    services.edit_block(report, report.current.blocks[0]["id"], "改过的开头。", u[Role.JUDICIAL])
    report.refresh_from_db()
    assert report.secretary_signed_at is None and report.head_signed_at is None
    with pytest.raises(Refused, match="尚缺党委书记、镇长签批"):
        WORKFLOW.apply(report, "sign", u[Role.HEAD])


def test_due_dates_are_rules_with_unverified_articles():
    # 1 March 2026 is a Sunday: the period ends on the next working day.
    assert rules.submit_due(2025).date == dt.date(2026, 3, 2)
    assert rules.publish_due(2025).date == dt.date(2026, 4, 1)
    assert rules.submit_due(2023).date == dt.date(2024, 3, 1)
    assert (
        not rules.SUBMIT.verified
        and "厅字〔2019〕28号" in rules.SUBMIT.article
        and "未核实" in rules.SUBMIT.describe()
    )


def test_overdue_is_flagged(report):
    from fazhi.reports.views import due_rows

    rows = due_rows(report, today=dt.date(2026, 3, 3))
    assert [r["state"] for r in rows] == ["overdue", "ok"]
    report.submitted_on = dt.date(2026, 2, 20)
    assert [r["state"] for r in due_rows(report, today=dt.date(2026, 4, 2))] == ["done", "overdue"]
