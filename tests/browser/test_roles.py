"""Every role's working day in a browser: the village cadre on a phone (390 × 844) enters a screening
"无" (零上报), a dispute and a 普法 activity from their 工作台; the township admin at a desk creates a
cadre for 下湾村, who then logs in and sees only 下湾村."""

import datetime as dt

import pytest

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def save(page):
    if page.locator("#id_village").count():
        page.select_option("#id_village", label="青山村")
    page.click("form button[type=submit]")
    if not page.locator("text=已保存").count():
        page.wait_for_load_state()
    errors = page.locator(".invalid-feedback, .errorlist, .alert-danger").all_inner_texts()
    assert page.locator("text=已保存").count(), errors


def test_village_cadre_on_a_phone(login, live_world):
    page = login("qs_village", viewport=PHONE)
    assert "青山村 · 工作台" in page.locator("h1").inner_text()
    buttons = page.locator(".fz-bigbutton")
    assert buttons.count() >= 3 and buttons.first.bounding_box()["height"] >= 48  # touch targets
    assert no_sideways_scroll(page)

    page.click("#village-enter >> text=矛盾纠纷排查")
    page.fill("#id_date", "2026-11-18")
    page.fill("#id_screener", "黄大山")
    page.fill("#id_scope", "全村8个村民小组")
    page.fill("#id_found", "0")  # 无：零上报
    save(page)
    page.goto("/disputes/screeninground/")
    assert no_sideways_scroll(page)  # the list reads as cards
    assert (
        page.locator("#ledger-table td[data-label]").first.evaluate("e => getComputedStyle(e).display")
        == "block"
    )

    page.goto("/")
    page.click("#village-enter >> text=矛盾纠纷")
    page.fill("#id_received", "2026-11-19")
    page.fill("#id_parties", "张甲、李乙")
    page.fill("#id_summary", "宅基地边界争议")
    page.select_option("#id_type", index=1)
    save(page)

    page.goto("/")
    page.click("#village-enter >> text=普法宣传活动")
    page.fill("#id_date", "2026-11-19")
    page.fill("#id_title", "宪法宣传进村组")
    save(page)
    page.goto("/")
    latest = page.locator("#village-latest").inner_text()
    assert "宪法宣传进村组" in latest


def test_township_admin_creates_a_cadre_for_xiawan(login, live_world, browser, live_server):
    from fazhi.org.models import Region
    from fazhi.petitions.actions import register_petition
    from fazhi.petitions.models import Petition

    xiawan = Region.objects.get(parent=live_world.township, name="下湾村")
    for village, subject in ((xiawan, "下湾村的诉求"), (live_world.villages[0], "青山村的诉求")):
        register_petition(
            Petition(
                township=live_world.township,
                village=village,
                received=dt.date(2026, 11, 18),
                channel="online",
                petitioner="张三",
                subject=subject,
                content="诉求",
            )
        )
    page = login("qs_judicial")
    page.click("#fz-sidebar >> text=账号与角色")
    page.fill("#id_username", "xw_new")
    page.fill("#id_full_name", "何小湾")
    page.select_option("#id_role", "village")
    page.select_option("#id_village", label="下湾村")
    page.fill("#id_password", "Xiawan#2026ok")
    page.click("#account-create button[value=create]")
    page.wait_for_selector("text=已新建账号 xw_new")

    # The forced first change of password is tested in tests/org/test_accounts.py; here the live
    # server's SQLite would race it against the bell's polling.
    from django.contrib.auth import get_user_model

    from fazhi.security.passwords import changed

    changed(get_user_model().objects.get(username="xw_new"))
    context = browser.new_context(base_url=live_server.url, locale="zh-CN")
    cadre = context.new_page()
    cadre.goto("/login/")
    cadre.fill("#id_username", "xw_new")
    cadre.fill("#id_password", "Xiawan#2026ok")
    cadre.click("#login-form button[type=submit]")
    cadre.wait_for_url(f"{live_server.url}/")
    cadre.goto("/")
    assert "下湾村 · 工作台" in cadre.locator("h1").inner_text()
    cadre.goto("/petitions/petition/")
    table = cadre.locator("#ledger-table").inner_text()
    assert "下湾村的诉求" in table and "青山村的诉求" not in table
    context.close()
