"""The brigade takes one case from discovery to closing: the officers rule and the full-process record
are enforced on the page, and every step's record is uploaded as it goes."""

import datetime as dt

import pytest

pytestmark = pytest.mark.browser

# (button, full-process step the files belong to)
STEPS = [
    ("立案", "立案"),
    ("开始调查取证", "调查取证"),
    ("送达告知书", "告知"),
    ("作出决定", "决定"),
    ("送达决定书", "送达"),
    ("执行", "执行"),
]


def upload(page, step, kind, tmp_path):
    suffix, content = (
        ("pdf", b"%PDF-1.4 " + step.encode()) if kind == "doc" else ("jpg", b"\xff\xd8\xff " + step.encode())
    )
    path = tmp_path / f"{step}-{kind}.{suffix}"
    path.write_bytes(content)
    page.click("#files-tab")
    page.set_input_files("#attach-form input[type=file]", str(path))
    page.select_option("#attach-form select[name=step]", step)
    page.select_option("#attach-form select[name=kind]", kind)
    page.click("#attach-form button")
    assert f"已上传：{path.name}" in page.content()


def test_case_from_discovery_to_closing(login, live_world, tmp_path):
    from fazhi.enforcement.models import Domain, EnforcementCase, EnforcementItem, EnforcementOfficer

    township = live_world.township
    item = EnforcementItem.objects.create(
        township=township,
        code="CF001",
        name="对露天焚烧秸秆的行政处罚",
        category="punishment",
        domain=Domain.ENVIRONMENT,
        legal_basis="《大气污染防治法》第一百一十九条",
    )
    valid = dict(township=township, valid_from=dt.date(2022, 1, 1), valid_until=dt.date(2030, 1, 1))
    a = EnforcementOfficer.objects.create(name="冯磊", certificate_no="江000101", **valid)
    b = EnforcementOfficer.objects.create(name="何平", certificate_no="江000102", **valid)

    page = login("qs_enforcement")
    page.goto("/enforcement/enforcementcase/new/")
    page.select_option("#id_item", str(item.pk))
    page.fill("#id_title", "露天焚烧秸秆")
    page.fill("#id_party", "张建华")
    page.fill("#id_discovered_on", dt.date.today().isoformat())
    page.select_option("#id_officers", [str(a.pk)])
    page.fill("#id_decision", "责令改正，并处罚款200元。")
    page.click("#ledger-form button[type=submit]")
    assert "已保存" in page.content()
    assert page.locator("#record-state").inner_text() == "发现"

    # One officer is not enough (art. 42): the step is refused with the reason, the state stays.
    page.get_by_role("button", name="立案", exact=True).click()
    assert "操作未执行" in page.content() and "第四十二条" in page.content()
    assert page.locator("#record-state").inner_text() == "发现"
    page.click("text=修改")
    page.select_option("#id_officers", [str(a.pk), str(b.pk)])
    page.click("#ledger-form button[type=submit]")

    for label, step in STEPS:
        page.get_by_role("button", name=label, exact=True).click()
        assert f"已{label}" in page.content(), page.locator(".alert").all_inner_texts()
        upload(page, step, "doc", tmp_path)
        if step != "执行":
            upload(page, step, "photo", tmp_path)

    # The execution step has no photo/audio/video yet: closing is refused (art. 47).
    page.get_by_role("button", name="结案", exact=True).click()
    assert "全过程记录不完整" in page.content() and "执行（缺音像记录）" in page.content()
    upload(page, "执行", "photo", tmp_path)
    page.get_by_role("button", name="结案", exact=True).click()
    assert page.locator("#record-state").inner_text() == "结案"
    assert "已办环节记录完整" in page.locator("#three-systems").inner_text()

    record = EnforcementCase.objects.get(title="露天焚烧秸秆")
    assert record.state == "closed" and record.number.startswith("青山综执〔")
    # The list masks the party; the case file (for the brigade) shows it.
    page.goto("/enforcement/enforcementcase/")
    table = page.locator("#ledger-table").inner_text()
    assert "张*华" in table and "张建华" not in table
