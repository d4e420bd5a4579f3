"""Excel export of any list: the same columns, the same masking, the same filters as the page.

Cells keep their type (dates are dates Excel can sort and filter, numbers numbers) and read as
the page does (是/否, not TRUE/FALSE). Text that Excel would take for a formula (= + - @, e.g. an
anonymous comment "=HYPERLINK(...)") is written as text with Excel's quote prefix, never evaluated.
"""

import datetime as dt
import io
import re
from decimal import Decimal
from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Excel refuses these in a sheet's name, and names longer than 31 characters.
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def sheet_title(title: str) -> str:
    """A sheet name Excel accepts: "开庭/听证" → "开庭-听证"; never empty, never quoted at the ends."""
    cleaned = _SHEET_FORBIDDEN.sub("-", str(title)).strip("'").strip()
    return cleaned[:31] or "导出"


def file_title(title: str) -> str:
    """The file name's stem: no path separators or characters Windows refuses."""
    return re.sub(r'[\\/:*?"<>|]', "-", str(title)).strip() or "导出"


def cell_value(value, text: str):
    """What a cell holds: dates, numbers and 是/否 as such; anything else as the page's text."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, dt.date | int | float | Decimal):
        return value
    return text


def xlsx_bytes(title: str, columns, records) -> bytes:
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = sheet_title(title)
    sheet.append([c.label for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
    widths = [len(c.label) * 2 + 2 for c in columns]
    for row_number, record in enumerate(records, start=2):
        for i, column in enumerate(columns):
            raw = column.value(record)
            value = cell_value(raw, column.text(record) if raw is not None else "")
            cell = sheet.cell(row=row_number, column=i + 1)
            if isinstance(value, str):
                cell.value = value
                if value.startswith(FORMULA_START):
                    cell.data_type = "s"  # openpyxl would store "=…" as a formula
                    cell.quotePrefix = True  # and Excel would re-read it as one on edit
                widths[i] = min(max(widths[i], len(value) * 2), 60)
            else:
                cell.value = value
                if isinstance(value, dt.datetime):
                    cell.number_format = DATETIME_FORMAT
                    widths[i] = max(widths[i], 18)
                elif isinstance(value, dt.date):
                    cell.number_format = DATE_FORMAT
                    widths[i] = max(widths[i], 12)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(title: str, columns, records) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(title, columns, records), content_type=XLSX)
    filename = f"{file_title(title)}-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
