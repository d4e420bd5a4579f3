"""The judicial office uploads a draft 规范性文件 on the review form: four findings with their
citations appear (a fee, a penalty, a 公平竞争 restriction, a repealed regulation); one is dismissed
with a reason, which the page and the finding's history keep."""

import datetime as dt

import pytest

from tests.drafts.test_checker import DRAFT

pytestmark = pytest.mark.browser


def test_review_form_checks_an_uploaded_draft(login, live_world, tmp_path):
    import docx

    from fazhi.core.roles import Role
    from fazhi.drafts.models import Finding
    from fazhi.org.models import Person
    from fazhi.reviews.services import request_review

    subject = Person.objects.get(township=live_world.township, name="王丽")
    review = request_review(
        subject,
        kind="document",
        title="集镇市场管理通知",
        user=live_world.users[Role.OFFICE],
        requested_on=dt.date(2026, 3, 2),
    )
    document = docx.Document()
    for line in DRAFT.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "集镇市场管理通知（征求意见稿）.docx")

    page = login("qs_judicial")
    page.goto(f"/reviews/legalityreview/{review.pk}/edit/")
    page.set_input_files("#draft-file", str(tmp_path / "集镇市场管理通知（征求意见稿）.docx"))
    page.click("#draft-check-form button[type=submit]")
    page.wait_for_selector("#draft-findings")
    rows = page.locator(".draft-finding")
    assert rows.count() == 4
    assert sorted(rows.nth(i).get_attribute("data-kind") for i in range(4)) == [
        "citation",
        "competition",
        "fee",
        "penalty",
    ]
    citations = [page.locator(".finding-citation").nth(i).inner_text() for i in range(4)]
    assert all(citations)
    assert "《中华人民共和国行政处罚法》第十四条至第十六条" in citations
    assert any("《信访条例》" in c and "废止" in c for c in citations)

    fee = page.locator(".draft-finding[data-kind=fee]")
    fee.locator("input[name=reason]").fill("该项收费系县价格主管部门核定")
    fee.locator(".dismiss-form button").click()
    page.wait_for_selector(".draft-finding[data-kind=fee][data-state=dismissed]")
    assert (
        "该项收费系县价格主管部门核定"
        in page.locator(".draft-finding[data-kind=fee] .finding-reason").inner_text()
    )
    page.reload()
    assert "该项收费系县价格主管部门核定" in page.locator(".draft-finding[data-kind=fee]").inner_text()

    finding = Finding.objects.get(review=review, kind="fee")
    assert finding.state == Finding.State.DISMISSED and finding.reason == "该项收费系县价格主管部门核定"
    assert finding.history.first().history_change_reason == "不采纳：该项收费系县价格主管部门核定"
