"""The petition office registers a petition, sees its statutory deadline, extends it once (a second
extension is refused), closes it with the written reply and sees the dashboard figure move."""

import datetime as dt

import pytest

from fazhi.petitions import rules

pytestmark = pytest.mark.browser


def test_petition_journey(login, tmp_path):
    today = dt.date.today()
    notice_due = rules.NOTICE_DIRECT.due(today).date
    handling_due = rules.HANDLING.due(today).date
    extended_due = rules.EXTENSION.due(handling_due).date
    reply = tmp_path / "答复意见书.pdf"
    reply.write_bytes(b"%PDF-1.4 reply")

    page = login("qs_petition")
    assert page.locator('[data-code="petitions.closed"] .value').inner_text() == "0"

    # Register.
    page.goto("/petitions/petition/new/")
    page.fill("#id_received", f"{today:%Y-%m-%d}")
    page.select_option("#id_channel", "visit")
    page.fill("#id_petitioner", "赵大勇")
    page.fill("#id_phone", "13912345678")
    page.fill("#id_subject", "反映村道排水不畅")
    page.fill("#id_content", "雨季积水，请求疏通排水沟。")
    page.click("#ledger-form button[type=submit]")
    assert page.locator("#record-state").inner_text() == "已登记"

    # The acceptance notice deadline, with how it was computed.
    notice = page.locator('#deadlines tr[data-rule="petitions.notice_direct"]')
    assert notice.locator(".due-date").inner_text() == f"{notice_due:%Y-%m-%d}"
    assert "第二十二条" in notice.inner_text() and "15日" in notice.inner_text()

    # Accept: the 60-day handling period appears.
    page.click("#transitions button:has-text('受理')")
    assert page.locator("#record-state").inner_text() == "已受理"
    assert (
        page.locator('#deadlines tr[data-rule="petitions.handling"] .due-date').inner_text()
        == f"{handling_due:%Y-%m-%d}"
    )

    # Extend once, with a reason and an approver.
    page.fill("#extend-note", "需会同自然资源所现场核实")
    page.select_option("#extend-approver", label="李文华（镇长）")
    page.click("#extend-form button")
    assert "已延长办理期限" in page.locator(".alert-success").inner_text()
    extended = page.locator('#deadlines tr[data-rule="petitions.extension"]')
    assert extended.locator(".due-date").inner_text() == f"{extended_due:%Y-%m-%d}"
    assert "只能延长一次" in extended.inner_text()

    # A second extension is refused and changes nothing.
    page.fill("#extend-note", "再延长一次")
    page.select_option("#extend-approver", label="李文华（镇长）")
    page.click("#extend-form button")
    assert "只能延长一次" in page.locator(".alert-danger").inner_text()
    assert (
        page.locator('#deadlines tr[data-rule="petitions.extension"] .due-date').inner_text()
        == f"{extended_due:%Y-%m-%d}"
    )

    # Close with the outcome and the written reply.
    page.select_option("#close-outcome", "explain")
    page.set_input_files("#close-reply", str(reply))
    page.click("#close-form button")
    assert page.locator("#record-state").inner_text() == "已办结"
    assert page.locator("#files-tab").inner_text() == "附件（1）"

    # The figure moved.
    page.goto("/")
    assert page.locator('[data-code="petitions.closed"] .value').inner_text() == "1"
    assert page.locator('[data-code="petitions.on_time_rate"] .value').inner_text() == "100"
