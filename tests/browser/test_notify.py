"""The clerk's inbox shows the same digest the SMTP server received: the bell counts it (loaded by
htmx), the inbox lists the items, opening the message marks it read."""

import datetime as dt

import pytest

pytestmark = pytest.mark.browser

TODAY = dt.date(2026, 12, 2)
RECEIVED = {"overdue": dt.date(2026, 11, 10), "today": dt.date(2026, 11, 17), "soon": dt.date(2026, 11, 19)}


def test_inbox_shows_the_digest(login, live_world):
    from fazhi.core.roles import Role
    from fazhi.notify import digest
    from fazhi.petitions.actions import register_petition
    from fazhi.petitions.models import Petition

    for key, day in RECEIVED.items():
        register_petition(
            Petition(
                township=live_world.township,
                received=day,
                channel="visit",
                petitioner="张三丰",
                subject=f"事项{key}",
                content="诉求",
                created_by=live_world.users[Role.OFFICE],
            )
        )
    digest.send_all(TODAY)
    page = login("qs_petition")
    page.wait_for_selector("#fz-bell-count")
    assert page.locator("#fz-bell-count").inner_text() == "1"
    page.click("#fz-bell")
    page.wait_for_selector("#inbox")
    text = page.locator("#inbox").inner_text()
    assert "每日待办 2026-12-02" in text
    for heading, key in (
        ("今日到期（1项）", "today"),
        ("未来3个工作日内到期（1项）", "soon"),
        ("已逾期（1项）", "overdue"),
    ):
        assert heading in text and f"事项{key}" in text
    page.click("#inbox a:has-text('每日待办')")
    page.wait_for_url("**/deadlines/**")
    assert "事项today" in page.locator("#deadline-table").inner_text()
    page.goto("/notify/?show=unread")
    assert "没有消息" in page.locator("#inbox").inner_text()
