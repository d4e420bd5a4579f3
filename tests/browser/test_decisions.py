"""The office registers a major decision, is refused deliberation without a legality review (and sees
why), the judicial office completes the review, the decision is adopted and shows in the published catalogue."""

import datetime as dt

import pytest

pytestmark = pytest.mark.browser


def click_transition(page, label):
    page.click(f"#transitions button:text-is('{label}')")
    page.wait_for_load_state()


def test_decision_journey(login, live_world):
    from fazhi.decisions.models import DecisionCatalogue, MajorDecision

    catalogue = DecisionCatalogue.objects.create(
        township=live_world.township,
        year=2026,
        state="published",
        party_approved_on=dt.date(2026, 2, 10),
        published_on=dt.date(2026, 2, 14),
    )
    office = login("qs_office")
    office.goto("/decisions/majordecision/new/")
    office.select_option("#id_catalogue", str(catalogue.pk))
    office.fill("#id_title", "青山镇集镇停车管理办法")
    office.select_option("#id_category", "policy")
    office.fill("#id_sponsor", "党政办")
    office.fill("#id_comment_start", "2026-03-02")
    office.fill("#id_comment_end", "2026-04-02")
    office.click("form button[type=submit]")
    office.wait_for_selector("#procedures")
    for code, status, note in (
        ("participation", "done", "网站公开征求意见"),
        ("experts", "na", "技术性不强"),
        ("risk", "done", "低风险"),
    ):
        office.select_option("#step-procedure", code)
        office.select_option("#step-status", status)
        office.fill("#step-note", note)
        office.click("#step-form button")
        office.wait_for_selector(".alert-success")

    click_transition(office, "提交集体讨论")
    alert = office.locator(".alert-danger").inner_text()
    assert "未经合法性审查或审查结论为不合法，不得提交审议" in alert
    assert office.locator("#record-state").inner_text() == "拟订中"
    click_transition(office, "送合法性审查")
    assert office.locator("#record-state").inner_text() == "合法性审查中"

    judicial = login("qs_judicial")
    judicial.goto("/reviews/legalityreview/?due=open")
    judicial.click("#ledger-table a:has-text('青山镇集镇停车管理办法')")
    judicial.click("text=修改")
    judicial.select_option("#id_advisor", label="杨明（云州明正律师事务所）")
    judicial.fill("#id_legality", "权限、程序、内容合法。")
    judicial.select_option("#id_conclusion", "lawful")
    judicial.click("form button[type=submit]")
    click_transition(judicial, "分派法律顾问")
    click_transition(judicial, "出具审查意见")
    assert judicial.locator("#record-state").inner_text() == "已出具意见"

    office.reload()
    click_transition(office, "提交集体讨论")
    assert office.locator("#record-state").inner_text() == "待集体讨论"
    office.click("text=修改")
    office.fill("#id_meeting", "镇党政联席会议")
    office.fill("#id_meeting_date", "2026-05-06")
    office.fill("#id_attendees", "周建国、李文华等班子成员9人")
    office.click("form button[type=submit]")
    click_transition(office, "集体讨论通过")
    assert office.locator("#record-state").inner_text() == "已决定"
    office.click("#history-tab")
    history = office.locator("#tab-history").inner_text()
    for step in ("公众参与：已完成", "送合法性审查", "提交集体讨论", "集体讨论通过"):
        assert step in history

    office.goto(f"/public/decisions/catalogue/{catalogue.pk}/")
    row = office.locator("#public-decisions tr:has-text('青山镇集镇停车管理办法')").inner_text()
    assert "已决定" in row
    assert MajorDecision.objects.get(title="青山镇集镇停车管理办法").state == "adopted"
