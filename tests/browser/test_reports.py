"""The judicial office edits a paragraph of the 2025 report in the browser, the bound figure stays a
link to its records, and the downloaded .docx carries the new prose with the figure's value."""

import io

import docx
import pytest

pytestmark = pytest.mark.browser


def test_edit_paragraph_keep_figures_download_docx(login, live_world, tmp_path):
    from fazhi.reports import demo
    from fazhi.reports.models import AnnualReport

    demo.build(live_world)
    report = AnnualReport.objects.get(township=live_world.township, year=2025)
    block = next(b for b in report.current.blocks if "{{fig:org.villages}}" in b["text"])

    page = login("qs_judicial")
    page.goto(report.get_absolute_url())
    assert (
        "本年度该领域台账暂无记录" in page.inner_text("#report-text") or page.locator(".fz-fig").count() > 0
    )
    row = page.locator(f"#blk-{block['id']}")
    row.hover()
    row.locator(".fz-edit").click()
    area = page.locator(f"#blk-{block['id']} textarea")
    text = area.input_value()
    assert "{{fig:org.villages}}" in text
    area.fill("经过修改：全镇下辖{{fig:org.villages}}个行政村，法治建设扎实推进。")
    page.locator(f"#blk-{block['id']} button[name=save]").click()
    saved = page.locator(f"#blk-{block['id']}")
    saved.locator("text=经过修改").wait_for()
    link = saved.locator('a.fz-fig[data-code="org.villages"]')
    assert link.inner_text() == "12" and link.get_attribute("href") == "/indicators/org.villages/?year=2025"

    page.reload()
    assert "第2版" in page.inner_text("#versions")
    with page.expect_download() as info:
        page.click("#download-docx")
    path = tmp_path / "report.docx"
    info.value.save_as(path)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)
    assert "经过修改：全镇下辖12个行政村，法治建设扎实推进。" in text
    assert "{{fig:" not in text and "台账暂无记录" not in text
