"""A new user logs in, sees the township's dashboard with figures, opens a list and exports it."""

import io

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.browser


def test_login_dashboard_list_export(login, tmp_path):
    page = login("qs_office")
    assert page.locator("#current-township").inner_text() == "青山镇"
    villages = page.locator('[data-code="org.villages"] .value')
    assert villages.inner_text() == "12"

    # The figure drills down to its records.
    page.click('[data-code="org.villages"]')
    assert "石桥村" in page.locator("#records-table").inner_text()

    # A list page, searched, then exported to Excel with the same filter.
    page.goto("/org/person/")
    page.fill("#q", "陈")
    page.click("#list-filters button")
    table = page.locator("#ledger-table").inner_text()
    assert "陈思远" in table and "王丽" not in table
    with page.expect_download() as download_info:
        page.click("#export-xlsx")
    path = tmp_path / "people.xlsx"
    download_info.value.save_as(path)
    sheet = load_workbook(io.BytesIO(path.read_bytes())).active
    rows = list(sheet.values)
    assert rows[0][0] == "姓名"
    assert [r[0] for r in rows[1:]] == ["陈思远"]
    assert "****" in rows[1][3]  # phone masked in the export


def test_wrong_password_shows_chinese_error(browser, live_server, live_world):
    page = browser.new_page(base_url=live_server.url)
    page.goto("/login/")
    page.fill("#id_username", "qs_office")
    page.fill("#id_password", "wrong-password")
    page.click("#login-form button[type=submit]")
    assert "用户名或密码不正确" in page.content()
    page.close()
