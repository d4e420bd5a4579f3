"""A rate's drill-down lists both sides: the denominator's records, each marked whether the numerator
counts it (an on-time rate's late ones are visible), with a filter 全部 / 计入分子 / 未计入."""

import datetime as dt
import io

import openpyxl
import pytest

from fazhi.core.roles import Role
from fazhi.petitions.models import HotlineTicket

URL = "/indicators/hotline.reply_rate/?year=2025"


@pytest.fixture
def tickets(world):
    def ticket(no, state):
        return HotlineTicket.objects.create(
            township=world.township,
            ticket_no=no,
            received=dt.date(2025, 4, 1),
            caller="来电人",
            content=f"诉求{no}",
            state=state,
        )

    return {
        "replied": ticket("R-001", HotlineTicket.State.REPLIED),
        "open": ticket("R-002", HotlineTicket.State.HANDLING),
    }


def row_of(html, record):
    start = html.index(f'href="{record.get_absolute_url()}"')
    return html[start : html.index("</tr>", start)]


def test_rate_drill_down_marks_records_outside_the_numerator(world, client_for, tickets):
    html = client_for(Role.OFFICE).get(URL).content.decode()
    assert "50" in html  # one of two replied
    assert "计入分子" in row_of(html, tickets["replied"])
    assert "未计入" in row_of(html, tickets["open"]) and "计入分子" not in row_of(html, tickets["open"])
    # Both sides are named, from the registry: the numerator and the denominator figures.
    assert "已回复热线工单" in html and "12345热线工单" in html


@pytest.mark.parametrize(("side", "shown", "hidden"), [("in", "replied", "open"), ("out", "open", "replied")])
def test_rate_drill_down_filters_by_side(world, client_for, tickets, side, shown, hidden):
    html = client_for(Role.OFFICE).get(f"{URL}&side={side}").content.decode()
    assert tickets[shown].get_absolute_url() in html
    assert tickets[hidden].get_absolute_url() not in html
    assert "全部" in html and "计入分子" in html and "未计入" in html


def test_rate_export_says_whether_each_record_counts(world, client_for, tickets):
    export = client_for(Role.OFFICE).get(f"{URL}&export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "是否计入分子" in rows[0]
    column = rows[0].index("是否计入分子")
    assert sorted(r[column] for r in rows[1:]) == ["否", "是"]


def test_numerator_records_outside_the_denominator_are_listed(world, client_for):
    # 规范性文件报送备案率: the numerator counts by 备案日期, the denominator by 公布日期 — a document
    # published in 2024 and filed in 2025 is in 2025's numerator only; it is listed too, and marked.
    from fazhi.documents.models import NormativeDocument

    def document(title, published, filed=None):
        return NormativeDocument.objects.create(
            township=world.township, title=title, sponsor="党政办", published_on=published, filed_on=filed
        )

    late = document("去年公布今年备案", dt.date(2024, 12, 20), dt.date(2025, 1, 10))
    unfiled = document("今年公布未备案", dt.date(2025, 3, 1))
    html = (
        client_for(Role.OFFICE).get("/indicators/documents.normative.filing_rate/?year=2025").content.decode()
    )
    assert "不在分母" in row_of(html, late)
    assert "未计入" in row_of(html, unfiled)
    out = client_for(Role.OFFICE).get("/indicators/documents.normative.filing_rate/?year=2025&side=out")
    assert late.get_absolute_url() not in out.content.decode()


def test_every_rate_drill_down_opens_with_both_sides(world, client_for):
    from fazhi.indicators.registry import REGISTRY

    client = client_for(Role.OFFICE)
    for code in [c for c, i in REGISTRY.items() if i.kind == "rate"]:
        for side in ("", "in", "out"):
            page = client.get(f"/indicators/{code}/?year=2025&side={side}")
            assert page.status_code == 200 and 'id="rate-sides"' in page.content.decode(), code


def test_county_comparison_cell_shows_both_sides_too(world, client_for, tickets):
    url = f"/indicators/compare/hotline.reply_rate/{world.township.pk}/?year=2025&side=out"
    html = client_for(Role.OFFICE).get(url).content.decode()
    assert 'id="rate-sides"' in html
    assert tickets["open"].get_absolute_url() in html and tickets["replied"].get_absolute_url() not in html
