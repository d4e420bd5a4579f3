"""The portal publishes the townships' annual reports 《法治政府建设情况报告》 once 公开: by year, each as
an HTML page and a PDF (the report app's own rendering). Reports not yet published are never shown."""

import datetime as dt

import pytest

from fazhi.reports import render
from fazhi.reports.models import AnnualReport, ReportVersion

S = AnnualReport.State
TEXT = "青山镇坚持以习近平法治思想为指导，全面推进法治政府建设。"


@pytest.fixture
def reports(world):
    def report(year, state):
        made = AnnualReport.objects.create(
            township=world.township,
            year=year,
            title=f"青山镇人民政府关于{year}年度法治政府建设情况的报告",
            state=state,
            published_on=dt.date(year + 1, 3, 20) if state == S.PUBLISHED else None,
        )
        blocks = [{"id": "b1", "kind": "paragraph", "level": 0, "text": f"{year}年，{TEXT}"}]
        ReportVersion.objects.create(report=made, number=1, blocks=blocks)
        return made

    return {
        "2024": report(2024, S.PUBLISHED),
        "2025": report(2025, S.PUBLISHED),
        "2026": report(2026, S.SUBMITTED),  # signed and sent to the county, not yet 公开
    }


def test_portal_lists_published_reports_by_year(client, reports):
    html = client.get("/public/reports/").content.decode()
    assert html.index("2025年度") < html.index("2024年度")  # newest year first
    assert f"/public/reports/{reports['2025'].pk}/" in html
    assert f"/public/reports/{reports['2025'].pk}/pdf/" in html
    assert f"/public/reports/{reports['2026'].pk}/" not in html and "2026年度" not in html


def test_portal_index_links_the_reports(client, reports):
    assert "/public/reports/" in client.get("/public/").content.decode()


def test_published_report_reads_as_html(client, reports):
    page = client.get(f"/public/reports/{reports['2025'].pk}/")
    html = page.content.decode()
    assert page.status_code == 200 and "2025年，" + TEXT in html and "gwdoc" in html
    assert "青山镇人民政府" in html


@pytest.mark.parametrize("suffix", ["", "pdf/"])
def test_unpublished_report_is_not_found(client, reports, suffix):
    assert client.get(f"/public/reports/{reports['2026'].pk}/{suffix}").status_code == 404


def test_pdf_comes_from_the_report_render(client, reports, monkeypatch):
    rendered = []

    def fake_pdf(doc, **kwargs):
        rendered.append(doc)
        return b"%PDF-1.7 fake"

    monkeypatch.setattr(render, "render_pdf", fake_pdf)
    response = client.get(f"/public/reports/{reports['2025'].pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content == b"%PDF-1.7 fake"
    assert "2025年度" in response["Content-Disposition"] or "2025" in response["Content-Disposition"]
    assert any(TEXT in block.text for block in rendered[0].blocks)
    client.get(f"/public/reports/{reports['2025'].pk}/pdf/")
    assert len(rendered) == 1  # the second download is served from the cache: rendering takes seconds


def test_pdf_failure_shows_a_chinese_message_not_an_error_page(client, reports, monkeypatch):
    def broken(doc, **kwargs):
        raise RuntimeError("未找到 LibreOffice（soffice），无法生成 PDF。")

    monkeypatch.setattr(render, "render_pdf", broken)
    response = client.get(f"/public/reports/{reports['2025'].pk}/pdf/", follow=True)
    assert response.status_code == 200 and "PDF暂时无法生成" in response.content.decode()


def test_staff_report_page_links_the_public_page_once_published(world, reports):
    from django.test import Client

    from fazhi.core.roles import Role

    office = Client()
    office.force_login(world.users[Role.OFFICE])
    published = office.get(f"/reports/annualreport/{reports['2025'].pk}/").content.decode()
    submitted = office.get(f"/reports/annualreport/{reports['2026'].pk}/").content.decode()
    assert f'href="/public/reports/{reports["2025"].pk}/"' in published
    assert "/public/reports/" not in submitted
