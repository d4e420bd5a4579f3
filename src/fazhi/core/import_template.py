"""The downloadable import template of an `Importer`: Chinese headers (required ones in red), a grey
hint row the importer skips, drop-down lists for choices and for the township's villages and other
linked records (kept on a hidden sheet, so a list of 40 villages is not cut at Excel's 255-character
inline limit), and a notes sheet. With `rows`, the same workbook carries records: the export that
imports back unchanged."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

LISTS_SHEET = "选项"
MAX_ROWS = 5000  # rows the drop-downs cover


def template_bytes(
    importer, title: str, *, lists: dict | None = None, rows=None, hints: bool = True
) -> bytes:
    """`lists`: field -> names offered in its drop-down (villages, mediators…); `rows`: lists of cell
    values, one per record, in column order."""
    lists = dict(lists or {})
    columns = importer.columns
    # Not write-only even for a big export: write-only files have no <dimension>, and openpyxl's
    # read-only reader then scans the whole sheet once per open just to size it.
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(title)
    for column in columns:
        labels = getattr(column.parse, "labels", None)
        if labels and column.field not in lists:
            lists[column.field] = labels
        if column.parse.__name__ == "boolean":
            lists.setdefault(column.field, ["是", "否"])
    if rows is not None:  # an export: headers and records, no styling beyond the widths
        for i, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = max(12, len(column.header) * 2 + 4)
        sheet.append([c.header for c in columns])
        for row in rows:
            sheet.append(row)
        return _save(workbook)

    sheet.append([c.header for c in columns])
    if hints:
        sheet.append([c.hint() for c in columns])
        for cell in sheet[2]:
            cell.font = Font(italic=True, color="808080")
    for cell, column in zip(sheet[1], columns, strict=True):
        cell.font = Font(bold=True, color="C00000" if column.required else "000000")
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
    first = 3 if hints else 2
    options = workbook.create_sheet(LISTS_SHEET)
    options.sheet_state = "hidden"
    list_column = 0
    for i, column in enumerate(columns, start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = max(12, len(column.header) * 2 + 4, len(column.hint()) * 2)
        names = lists.get(column.field)
        if not names or column.many:
            continue
        list_column += 1
        list_letter = get_column_letter(list_column)
        options.cell(1, list_column, column.header)
        for r, name in enumerate(names, start=2):
            options.cell(r, list_column, str(name))
        ref = f"{quote_sheetname(LISTS_SHEET)}!${list_letter}$2:${list_letter}${len(names) + 1}"
        validation = DataValidation(type="list", formula1=ref, allow_blank=not column.required)
        validation.error = f"请从下拉列表中选择{column.header}"
        validation.errorTitle = "输入值无效"
        sheet.add_data_validation(validation)
        validation.add(f"{letter}{first}:{letter}{MAX_ROWS}")
    notes = workbook.create_sheet("填写说明")
    notes.append(["列", "是否必填", "示例", "说明"])
    for column in columns:
        labels = lists.get(column.field)
        explain = column.help or ("可选：" + "、".join(map(str, labels[:30])) if labels else "")
        notes.append(
            [column.header, "必填（红色列名）" if column.required else "选填", column.example, explain]
        )
    notes.append([])
    notes.append(["第2行灰色文字为填写提示，可保留或删除；导入时从第3行起读取。"])
    for letter, width in zip("ABCD", (20, 16, 30, 80), strict=True):
        notes.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{first}"
    return _save(workbook)


def _sheet_title(title: str) -> str:
    for bad in "[]:*?/\\":
        title = title.replace(bad, "")
    return title[:31] or "Sheet1"


def _save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
