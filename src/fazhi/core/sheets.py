"""Reading the sheets of an uploaded workbook, row by row, whatever program wrote it.

`.xlsx` is streamed with openpyxl's read-only mode (memory stays flat on a 50 000-row sheet),
`.xls` (old Excel, WPS) is read with python-calamine, `.csv` with the csv module (UTF-8 with or
without BOM, or GB18030 as Chinese Excel saves it). Every reader yields plain Python values and
fills merged cells: a village name merged over five rows is that village on each of the five rows.

    for sheet in open_workbook(data, "台账.xlsx"):
        for number, row in sheet.rows():   # number: the row number the user sees in Excel
            ...
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import iterparse

from django.core.exceptions import ValidationError
from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")
NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@dataclass
class Sheet:
    name: str
    _rows: object  # callable -> iterator of (number, list)

    def rows(self) -> Iterator[tuple[int, list]]:
        return self._rows()


def suffix_of(filename: str) -> str:
    match = re.search(r"\.[A-Za-z]+$", filename or "")
    return match.group(0).lower() if match else ""


def open_workbook(data: bytes, filename: str) -> list[Sheet]:
    """The sheets of the file, in order; ValidationError in Chinese when it can't be read."""
    suffix = suffix_of(filename)
    if suffix not in SUFFIXES:
        raise ValidationError(f"不支持“{suffix or '无扩展名'}”文件，请上传 .xlsx、.xls 或 .csv 表格。")
    try:
        if suffix == ".csv":
            return [Sheet(re.sub(r"\.csv$", "", filename, flags=re.I), lambda: _csv_rows(data))]
        if suffix == ".xls":
            return _calamine_sheets(data)
        return _xlsx_sheets(data)
    except ValidationError:
        raise
    except Exception as exc:  # a damaged or mislabelled file: any reader error means the same to the user
        raise ValidationError(f"无法读取该文件（{type(exc).__name__}），请确认它是完好的Excel或CSV表格。")


# --- .xlsx --------------------------------------------------------------------------------------------


def _xlsx_sheets(data: bytes) -> list[Sheet]:
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    names = [ws.title for ws in workbook.worksheets if ws.sheet_state == "visible"]
    workbook.close()

    def rows_of(name):
        def rows():
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                ws = book[name]
                merged = _xlsx_merges(data, ws)
                yield from _fill_merged(
                    ((n, list(values)) for n, values in enumerate(ws.iter_rows(values_only=True), start=1)),
                    merged,
                )
            finally:
                book.close()

        return rows

    return [Sheet(name, rows_of(name)) for name in names]


def _xlsx_merges(data: bytes, ws) -> list[tuple[int, int, int, int]]:
    """Merged ranges (min_col, min_row, max_col, max_row) from the sheet's XML, which read-only mode
    does not parse; streamed too, so a big sheet is not held in memory for its last few lines."""
    path = getattr(ws, "_worksheet_path", None)
    if not path:
        return []
    ranges = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(path) as xml:
        for _event, element in iterparse(xml):
            if element.tag == f"{NS_MAIN}mergeCell" and element.get("ref"):
                ranges.append(range_boundaries(element.get("ref")))
            element.clear()
    return ranges


# --- .xls ---------------------------------------------------------------------------------------------


def _calamine_sheets(data: bytes) -> list[Sheet]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))

    def rows_of(name):
        def rows():
            sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(name)
            merged = []
            for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
                merged.append((c0 + 1, r0 + 1, c1 + 1, r1 + 1))
            start = sheet.start[0] if sheet.start else 0
            numbered = ((start + i + 1, list(r)) for i, r in enumerate(sheet.iter_rows()))
            yield from _fill_merged(numbered, merged)

        return rows

    return [Sheet(name, rows_of(name)) for name in workbook.sheet_names]


# --- .csv ---------------------------------------------------------------------------------------------


def _csv_rows(data: bytes) -> Iterator[tuple[int, list]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError("CSV文件的编码无法识别，请另存为UTF-8编码。")
    yield from enumerate(csv.reader(io.StringIO(text)), start=1)


# --- merged cells -------------------------------------------------------------------------------------


def _fill_merged(rows, merged) -> Iterator[tuple[int, list]]:
    """Every cell of a merged range gets its top-left value (Excel keeps the value only there)."""
    if not merged:
        yield from rows
        return
    starting: dict[int, list] = {}
    for box in merged:
        starting.setdefault(box[1], []).append(box)
    active: list[tuple[tuple, object]] = []  # (box, value)
    for number, row in rows:
        active = [(box, value) for box, value in active if box[3] >= number]
        for box in starting.get(number, ()):
            min_col = box[0]
            active.append((box, row[min_col - 1] if min_col - 1 < len(row) else None))
        for (min_col, _min_row, max_col, _max_row), value in active:
            if len(row) < max_col:
                row = row + [None] * (max_col - len(row))
            for col in range(min_col - 1, max_col):
                row[col] = value
        yield number, row
