"""The transactional Excel importer: every bad row reported with row, column and a Chinese reason;
all rows or none written; the template's headers are what the importer reads."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook

from fazhi.core import imports
from fazhi.core.imports import CellError, ImportColumn, Importer
from fazhi.org.models import Department


def sheet(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


KINDS = Department.Kind.choices
IMPORTER = Importer(
    Department,
    [
        ImportColumn("名称", "name", required=True),
        ImportColumn("类别", "kind", imports.choice(KINDS), required=True),
        ImportColumn("编制数", "quota", imports.integer),
    ],
    unique=("name",),
)
HEADERS = ["名称", "类别", "编制数"]


def test_parsers():
    assert imports.date("2025年3月1日") == dt.date(2025, 3, 1)
    assert imports.date("2025/3/1") == dt.date(2025, 3, 1)
    assert imports.date(dt.datetime(2025, 3, 1, 8)) == dt.date(2025, 3, 1)
    assert imports.integer(12.0) == 12 and imports.integer("") is None
    assert imports.text(1001.0) == "1001"
    assert imports.boolean("是") is True and imports.boolean("否") is False
    for parse, bad in (
        (imports.date, "2025-02-30"),
        (imports.integer, "十二"),
        (imports.integer, "-1"),
        (imports.boolean, "也许"),
    ):
        with pytest.raises(CellError):
            parse(bad)
    assert imports.choice(KINDS)("司法所") == "judicial"


def test_good_sheet_is_written_in_full(world):
    data = sheet([HEADERS, ["林业站", "其他", 3], ["", "", ""], ["水利站", "其他", None]])
    result = IMPORTER.run(io.BytesIO(data), township=world.township, user=None)
    assert result.ok and result.created == 2 and result.rows == 2
    assert Department.objects.get(township=world.township, name="林业站").quota == 3


def test_any_bad_row_writes_nothing_and_reports_every_row(world):
    before = Department.objects.count()
    data = sheet(
        [
            HEADERS,
            ["林业站", "其他", 3],
            ["", "其他", 1],  # row 3: name missing
            ["水利站", "不存在的类别", "三"],  # row 4: two bad cells
            ["林业站", "其他", 1],  # row 5: duplicate of row 2
            ["司法所", "司法所", 1],  # row 6: the township already has it
            ["x" * 61, "其他", 1],  # row 7: longer than the model allows
        ]
    )
    result = IMPORTER.run(io.BytesIO(data), township=world.township, user=None)
    assert not result.ok and result.created == 0
    assert Department.objects.count() == before
    found = {(e.row, e.column) for e in result.errors}
    assert found == {(3, "名称"), (4, "类别"), (4, "编制数"), (5, "名称"), (6, "名称"), (7, "名称")}
    reasons = {(e.row, e.column): e.reason for e in result.errors}
    assert reasons[(3, "名称")] == "不能为空"
    assert "不在可选范围内" in reasons[(4, "类别")]
    assert "与第2行重复" in reasons[(5, "名称")]
    assert "本乡镇已有" in reasons[(6, "名称")]
    assert str(result.errors[0]).startswith("第3行“名称”列：")


def test_missing_column_and_unreadable_file(world):
    result = IMPORTER.run(io.BytesIO(sheet([["名称"], ["林业站"]])), township=world.township, user=None)
    assert [(e.row, e.column) for e in result.errors] == [(1, "类别")]
    result = IMPORTER.run(io.BytesIO(b"not a workbook"), township=world.township, user=None)
    assert not result.ok and "无法读取" in result.errors[0].reason
    result = IMPORTER.run(io.BytesIO(sheet([HEADERS])), township=world.township, user=None)
    assert "没有数据行" in result.errors[0].reason


def test_template_headers_round_trip(world):
    workbook = load_workbook(io.BytesIO(IMPORTER.template_bytes("部门")))
    assert [c.value for c in workbook.active[1]] == HEADERS
    assert workbook.active.max_row == 2  # the grey hint row, which the importer skips
    assert "填写说明" in workbook.sheetnames
    # The empty template is readable by the importer and says there is nothing to import.
    result = IMPORTER.run(io.BytesIO(IMPORTER.template_bytes("部门")), township=world.township, user=None)
    assert [e.reason for e in result.errors] == ["表格中没有数据行"]
