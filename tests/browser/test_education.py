"""A village cadre, on a phone-sized screen, records an outreach activity with photos."""

import pytest

pytestmark = pytest.mark.browser

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00"
    b"\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_village_cadre_enters_activity_with_photos_on_a_phone(login, live_world):
    page = login("qs_village", viewport={"width": 390, "height": 844})
    page.goto("/education/outreachactivity/")
    page.click("text=快速登记（手机）")
    page.wait_for_selector("#quick-form")
    # The form fits the phone: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # Picking 26 June suggests the anti-drug day and its theme.
    page.fill("#id_date", "2026-06-26")
    page.dispatch_event("#id_date", "change")
    assert page.input_value("#id_themed_day") == "0626"
    assert page.input_value("#id_theme") == "drugs"
    assert page.locator("#id_village option").all_inner_texts() == ["青山村"]
    page.fill("#id_title", "禁毒宣传进院坝")
    page.fill("#id_materials", "120")
    page.fill("#id_banners", "2")
    page.fill("#id_people_reached", "150")
    page.set_input_files(
        "#id_photos",
        [
            {"name": "现场1.png", "mimeType": "image/png", "buffer": PNG},
            {"name": "现场2.png", "mimeType": "image/png", "buffer": PNG + b"x"},
        ],
    )
    page.click("#quick-form button[type=submit]")
    page.wait_for_selector("#activity-photos")
    assert "禁毒宣传进院坝" in page.locator("h1").inner_text()
    assert page.locator("#activity-photos img").count() == 2
    assert "6·26 国际禁毒日" in page.content()
    assert "青山村" in page.locator("#tab-info").inner_text()

    # A number the cadre cannot have meant is refused in Chinese, and nothing is saved.
    page.goto("/education/outreachactivity/quick/")
    page.fill("#id_title", "错误登记")
    page.fill("#id_materials", "-5")
    page.click("#quick-form button[type=submit]")
    assert "错误登记" in page.input_value("#id_title")
    assert page.locator(".invalid-feedback").count() >= 1
    assert "大于或等于 0" in page.content() or "大于或等于0" in page.content()
