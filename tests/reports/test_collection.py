"""Report collection: submit → return with a comment → resubmit → receive; the county page; the .zip."""

import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse

from fazhi.core.roles import Role
from fazhi.core.workflow import Refused
from fazhi.reports import collection, services
from fazhi.reports.models import AnnualReport
from fazhi.reports.submissions import Submission
from fazhi.reports.workflows import WORKFLOW


def sign_and_submit(report, users):
    WORKFLOW.apply(report, "discuss", users[Role.OFFICE])
    services.sign(report, users[Role.SECRETARY])
    services.sign(report, users[Role.HEAD])
    WORKFLOW.apply(report, "sign", users[Role.HEAD])
    WORKFLOW.apply(report, "submit", users[Role.OFFICE])


def users_in(township):
    from django.contrib.auth import get_user_model

    from fazhi.org.models import RoleAssignment

    users = {}
    for role in (Role.OFFICE, Role.SECRETARY, Role.HEAD, Role.JUDICIAL):
        users[role] = get_user_model().objects.create_user(f"{township.pk}_{role}")
        RoleAssignment.objects.create(user=users[role], role=role, organisation=township)
    return users


@pytest.fixture
def report(world):
    return services.create_report(world.township, 2025, world.users[Role.JUDICIAL])


def test_submit_return_resubmit_receive(report, world, client_for):
    u = world.users
    sign_and_submit(report, u)
    first = Submission.objects.get()
    assert (first.number, first.version, first.submitted_by) == (1, report.current, u[Role.OFFICE])
    with pytest.raises(Refused, match="只有县级"):
        collection.return_(first, u[Role.JUDICIAL], "自己退回")
    with pytest.raises(Refused, match="退回须填写修改意见"):
        collection.return_(first, u["county"], " ")
    with pytest.raises(Refused, match="只有被县级退回"):
        WORKFLOW.apply(report, "reopen", u[Role.OFFICE])
    county = client_for("county")
    response = county.post(
        reverse("reports:submission_action", args=[first.pk, "return"]), {"comment": "缺少第一责任人履职情况"}
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.state == Submission.State.RETURNED
    from fazhi.notify.models import Notification

    told = Notification.objects.get(user=u[Role.OFFICE], kind="returned")
    assert "缺少第一责任人履职情况" in told.text and told.url == report.get_absolute_url()
    # the county wrote the submission, never the township's report
    report.refresh_from_db()
    assert report.state == AnnualReport.State.SUBMITTED and report.updated_by == u[Role.OFFICE]
    # the township sees the comment, cannot publish, reopens, edits (a new version), resubmits
    page = client_for(Role.OFFICE).get(report.get_absolute_url()).content.decode()
    assert "缺少第一责任人履职情况" in page and "已退回" in page
    with pytest.raises(Refused, match="已被县级退回"):
        WORKFLOW.apply(report, "publish", u[Role.OFFICE])
    WORKFLOW.apply(report, "reopen", u[Role.OFFICE])
    assert report.state == AnnualReport.State.DRAFT and report.submitted_on is None
    assert report.secretary_signed_at is None
    block = report.current.blocks[0]["id"]
    services.edit_block(report, block, "补充：党政主要负责人履行第一责任人职责情况。", u[Role.JUDICIAL])
    sign_and_submit(report, u)
    second = report.submissions.order_by("-number").first()
    assert second.number == 2 and second.version.number > first.version.number
    assert report.versions.count() >= 2  # versions kept
    with pytest.raises(Refused, match="不能重复处理"):
        collection.receive(first, u["county"])
    county.post(reverse("reports:submission_action", args=[second.pk, "receive"]))
    second.refresh_from_db()
    assert second.state == Submission.State.RECEIVED


def test_county_page_shows_state_and_lateness(report, world, client_for, monkeypatch):
    u = world.users
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: dt.date(2026, 3, 5))
    sign_and_submit(report, u)  # 4 days after 2 March (1 March 2026 is a Sunday)
    other = world.other_townships[0]
    services.create_report(other, 2025, users_in(other)[Role.JUDICIAL])
    rows = {
        r.township.name: r for r in collection.county_rows([world.township, *world.other_townships], 2025)
    }
    assert rows["青山镇"].stage == "已报送" and rows["青山镇"].late and rows["青山镇"].lateness == "逾期3天"
    assert rows["绿水镇"].stage == "初稿" and rows["绿水镇"].lateness == "逾期未报送"
    assert rows["白石乡"].stage == "未起草"
    monkeypatch.undo()
    page = client_for("county").get(reverse("reports:collection") + "?year=2025").content.decode()
    assert "逾期3天" in page and "未起草" in page and "第二十三条" in page
    assert client_for(Role.JUDICIAL).get(reverse("reports:collection")).status_code == 403


def test_zip_holds_every_submitted_report(report, world, client_for):
    import docx

    u = world.users
    sign_and_submit(report, u)
    lv = users_in(world.other_townships[0])
    sign_and_submit(services.create_report(world.other_townships[0], 2025, lv[Role.JUDICIAL]), lv)
    bs = world.other_townships[1]
    services.create_report(bs, 2025, users_in(bs)[Role.JUDICIAL])  # not submitted
    response = client_for("county").get(reverse("reports:collection") + "?year=2025&export=zip")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = sorted(archive.namelist())
    assert names == sorted(f"{t}2025年度法治政府建设情况报告（第1次报送）.docx" for t in ("青山镇", "绿水镇"))
    for name in names:
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(archive.read(name))).paragraphs)
        assert name[:3] in text
