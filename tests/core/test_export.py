"""Excel exports: real dates and numbers, 是/否, sheet names Excel accepts, and text that looks like a
formula (an anonymous subject "=HYPERLINK(...)") kept as text, never evaluated."""

import datetime as dt
import io
from types import SimpleNamespace

from django.utils import timezone
from openpyxl import load_workbook

from fazhi.core.export import sheet_title, xlsx_bytes
from fazhi.core.roles import Role
from fazhi.core.tables import Column


def workbook(content):
    return load_workbook(io.BytesIO(content))


def test_cells_keep_their_type_and_read_as_the_page():
    moment = timezone.make_aware(dt.datetime(2026, 3, 2, 13, 49), dt.UTC)
    record = SimpleNamespace(day=dt.date(2026, 3, 2), at=moment, done=True, late=False, count=7, name="甲")
    columns = [Column(label, attr) for label, attr in [("日期", "day"), ("时间", "at"), ("办结", "done")]]
    columns += [Column("超期", "late"), Column("件数", "count"), Column("名称", "name")]
    sheet = workbook(xlsx_bytes("开庭/听证", columns, [record])).active
    day, at, done, late, count, name = (c.value for c in sheet[2])
    assert day == dt.datetime(2026, 3, 2) and sheet["A2"].number_format == "yyyy-mm-dd"
    assert at == dt.datetime(2026, 3, 2, 21, 49)  # local time (Asia/Shanghai), not UTC
    assert (done, late, count, name) == ("是", "否", 7, "甲")
    assert sheet.title == "开庭-听证"


def test_sheet_titles_are_cleaned_of_what_excel_refuses():
    assert sheet_title("a[b]c:d*e?f/g\\h") == "a-b-c-d-e-f-g-h"
    assert sheet_title("'") == "导出"
    assert len(sheet_title("长" * 40)) == 31


def test_formula_looking_text_is_written_as_text():
    records = [
        SimpleNamespace(s=s) for s in ['=HYPERLINK("http://x.invalid","点我")', "+1", "-2", "@SUM(A1)"]
    ]
    sheet = workbook(xlsx_bytes("意见", [Column("内容", "s")], records)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == [r.s for r in records]
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_anonymous_petition_subject_exports_as_text(world, client_for):
    from fazhi.petitions.actions import register_petition
    from fazhi.petitions.models import Petition

    register_petition(
        Petition(
            township=world.township,
            village=world.villages[0],
            received=dt.date(2026, 3, 2),
            channel="online",
            petitioner="匿名",
            subject='=HYPERLINK("http://evil.invalid","查看")',
            content="诉求",
        )
    )
    response = client_for(Role.PETITION).get("/petitions/petition/?export=xlsx")
    assert response.status_code == 200
    sheet = workbook(response.content).active
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if "HYPERLINK" in str(c.value or "")]
    assert cells and all(c.data_type == "s" for c in cells)
