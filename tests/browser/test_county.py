"""The county office in the browser: runs the 2025 assessment of 江源县, follows an automatic score to
its records, scores a hand item with a reason, exports the table and the 通报; a township's 司法所
sees its scores and submits evidence; the county's table shows it."""

import datetime as dt
import io

import docx
import openpyxl
import pytest

pytestmark = pytest.mark.browser


def test_county_assessment_journey(login, live_world, tmp_path):
    from fazhi.assessment import services
    from fazhi.assessment.models import Evidence, Score

    scheme = services.create_default(live_world.county, 2025)
    scheme.evidence_due = dt.date.today() + dt.timedelta(days=30)
    scheme.save()
    qs = live_world.township

    page = login("jy_county")
    page.goto("/assessment/")
    page.click(f"a[href='/assessment/{scheme.pk}/']")
    page.click("#run-assessment")
    page.wait_for_url(f"**/assessment/{scheme.pk}/results/")
    assert "已完成" in page.inner_text(".alert-success") or "计分" in page.content()
    names = page.locator("#results-table tbody tr td:nth-child(2)").all_inner_texts()
    assert sorted(names) == sorted(["青山镇", "绿水镇", "白石乡", "城关街道"])
    assert page.locator("#assessment-bar canvas").count() == 1  # ECharts drew from the json_script data

    page.click("#results-table >> text=青山镇")
    page.wait_for_url(f"**/township/{qs.pk}/")
    item = scheme.items.get(number="6.1.1")
    row = page.locator(f"#item-{item.pk}")
    assert "法律顾问覆盖率" in row.inner_text()
    row.locator("a.records-link").click()
    page.wait_for_url(f"**/item/{item.pk}/records/")
    assert "青山镇" in page.title() and page.locator("#records-table tbody tr").count() == 14
    page.go_back()

    hand = scheme.items.get(number="2.1.3")
    form = page.locator(f"#item-{hand.pk} form.adjust-form")
    form.locator("input[name=score]").fill("2.5")
    form.locator("input[name=reason]").fill("后评估报告缺少群众满意度调查")
    form.locator("button").click()
    page.wait_for_url(f"**/township/{qs.pk}/*")
    assert "评分理由：后评估报告缺少群众满意度调查" in page.inner_text(f"#item-{hand.pk}")
    total = page.inner_text("#scorecard-total")

    page.goto(f"/assessment/{scheme.pk}/results/")
    with page.expect_download() as info:
        page.click("#export-xlsx")
    path = tmp_path / "results.xlsx"
    info.value.save_as(path)
    sheet = openpyxl.load_workbook(path).active
    rows = {r[1]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"青山镇", "绿水镇", "白石乡", "城关街道"}
    assert f"{rows['青山镇'][-3]:g}" == f"{float(total):g}"
    with page.expect_download() as info:
        page.click("#notice-docx")
    notice = docx.Document(io.BytesIO(open(info.value.path(), "rb").read()))
    text = "\n".join(p.text for p in notice.paragraphs)
    assert "考核结果的通报" in text and "青山镇" in text

    township = login("qs_judicial")
    township.goto(f"/assessment/{scheme.pk}/")
    township.click("text=本乡镇得分")
    township.wait_for_url(f"**/township/{qs.pk}/")
    assert "评分理由：后评估报告缺少群众满意度调查" in township.inner_text(f"#item-{hand.pk}")
    assert township.locator("form.adjust-form").count() == 0
    target = scheme.items.get(number="4.1.3")
    evidence = tmp_path / "公示截图.png"
    evidence.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    form = township.locator(f"#item-{target.pk} form.evidence-form")
    form.locator("input[name=note]").fill("执法公示栏照片")
    form.locator("input[name=files]").set_input_files(str(evidence))
    form.locator("button").click()
    township.wait_for_url(f"**/township/{qs.pk}/*")
    assert "佐证：执法公示栏照片" in township.inner_text(f"#item-{target.pk}")
    assert township.locator(f"#item-{target.pk} a.evidence-file").inner_text() == "公示截图.png"
    other = live_world.other_townships[0]
    assert township.goto(f"/assessment/{scheme.pk}/township/{other.pk}/").status == 404

    page.goto(f"/assessment/{scheme.pk}/results/")
    qs_row = page.locator("#results-table tbody tr", has_text="青山镇")
    assert qs_row.locator("td.evidence").inner_text() == "1"
    page.goto(f"/assessment/{scheme.pk}/township/{qs.pk}/")
    with page.expect_download() as info:
        page.click(f"#item-{target.pk} a.evidence-file")
    assert open(info.value.path(), "rb").read().startswith(b"\x89PNG")
    score = Score.objects.get(scheme=scheme, township=qs, item=target)
    assert Evidence.objects.get(score=score).note == "执法公示栏照片"
