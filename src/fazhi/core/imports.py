"""Transactional Excel imports (architecture.md "Imports are transactional").

A ledger declares its sheet as `ImportColumn`s and gets an `Importer`: it reads the workbook with
python-calamine, validates every row first, reports every bad row as (row, column, reason in Chinese)
and writes all rows or none. The same column list produces the downloadable template, so the sheet a
user fills in and the sheet the importer reads can't drift apart.

    importer = Importer(EnforcementItem, [ImportColumn("事项名称", "name"), ...], unique=("code",))
    result = importer.run(uploaded_file, township=t, user=u)
    if not result.ok: show result.errors   # nothing was written
"""

import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from python_calamine import CalamineError, CalamineWorkbook

from fazhi.core.services import save_record


class CellError(ValueError):
    """Raised by a parser with the Chinese reason a cell is not acceptable."""


# Parsers: a cell value as calamine gives it (str, int, float, bool, date, datetime, None) -> Python value.
def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # "1001" typed into a number cell comes back as 1001.0
    return str(value).strip()


def integer(value) -> int | None:
    raw = text(value)
    if raw == "":
        return None
    try:
        number = float(raw)
    except ValueError:
        raise CellError(f"“{raw}”不是数字")
    if not number.is_integer() or number < 0:
        raise CellError(f"“{raw}”应为非负整数")
    return int(number)


DATE_PATTERN = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = text(value)
    if raw == "":
        return None
    if match := DATE_PATTERN.match(raw):
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    raise CellError(f"“{raw}”不是有效日期（应如 2025-03-01）")


def boolean(value) -> bool | None:
    if isinstance(value, bool):
        return value
    raw = text(value)
    if raw == "":
        return None
    if raw in ("是", "Y", "y", "1", "TRUE", "true", "√"):
        return True
    if raw in ("否", "N", "n", "0", "FALSE", "false", "×"):
        return False
    raise CellError(f"“{raw}”应填“是”或“否”")


def choice(choices) -> Callable:
    """A parser accepting a TextChoices value or its Chinese label."""
    by_label = {str(label): value for value, label in choices}
    values = {value for value, _ in choices}

    def parse(value):
        raw = text(value)
        if raw == "":
            return None  # blank: the model's default applies
        if raw in by_label:
            return by_label[raw]
        if raw in values:
            return raw
        raise CellError(f"“{raw}”不在可选范围内（{'、'.join(by_label)}）")

    parse.labels = list(by_label)
    return parse


@dataclass(frozen=True)
class ImportColumn:
    header: str  # the Chinese column title in the sheet's first row
    field: str  # model field it fills
    parse: Callable = text
    required: bool = False
    example: object = ""  # shown in the template's notes sheet
    help: str = ""


@dataclass(frozen=True)
class RowError:
    row: int  # spreadsheet row number as the user sees it (header is row 1)
    column: str  # column header, or "" for a whole-row problem
    reason: str

    def __str__(self) -> str:
        where = f"第{self.row}行" + (f"“{self.column}”列" if self.column else "")
        return f"{where}：{self.reason}"


@dataclass
class ImportResult:
    created: int = 0
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


class Importer:
    """Reads, validates and writes one sheet of records for one township."""

    def __init__(
        self,
        model,
        columns: Sequence[ImportColumn],
        *,
        unique: Sequence[str] = (),
        defaults: dict | None = None,
        prepare: Callable | None = None,
    ):
        self.model = model
        self.columns = list(columns)
        self.unique = tuple(unique)
        self.defaults = defaults or {}
        self.prepare = prepare  # prepare(record, values): last touches (derived fields) before validation

    # -- reading -------------------------------------------------------------------------------
    def read(self, upload) -> list[list]:
        data = upload.read() if hasattr(upload, "read") else upload
        try:
            workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
            return workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
        except (CalamineError, ValueError, OSError) as exc:
            raise ValidationError(f"无法读取该文件，请上传 .xlsx 格式的Excel表格（{type(exc).__name__}）。")

    # -- validating ----------------------------------------------------------------------------
    def validate(self, rows: list[list], township) -> tuple[list, ImportResult]:
        result = ImportResult()
        if not rows:
            result.errors.append(RowError(1, "", "表格为空"))
            return [], result
        headers = [text(h) for h in rows[0]]
        positions = {}
        for column in self.columns:
            if column.header in headers:
                positions[column.field] = headers.index(column.header)
            elif column.required:
                result.errors.append(RowError(1, column.header, "缺少此列，请使用下载的模板"))
        if result.errors:
            return [], result

        seen: dict[tuple, int] = {}
        existing = self._existing_keys(township)
        records = []
        for number, row in enumerate(rows[1:], start=2):
            if all(text(cell) == "" for cell in row):
                continue  # blank lines in a sheet are not rows
            result.rows += 1
            values, row_errors = {}, []
            for column in self.columns:
                index = positions.get(column.field)
                cell = row[index] if index is not None and index < len(row) else None
                try:
                    value = column.parse(cell)
                except CellError as exc:
                    row_errors.append(RowError(number, column.header, str(exc)))
                    continue
                if column.required and value in (None, ""):
                    row_errors.append(RowError(number, column.header, "不能为空"))
                    continue
                if value is not None:
                    values[column.field] = value
            # Duplicates are reported even on rows with other errors: the user fixes everything in one pass.
            key = tuple(values.get(f) for f in self.unique)
            if self.unique and all(k not in (None, "") for k in key):
                if key in seen:
                    row_errors.append(
                        RowError(number, self._header(self.unique[0]), f"与第{seen[key]}行重复")
                    )
                elif key in existing:
                    row_errors.append(RowError(number, self._header(self.unique[0]), "本乡镇已有该记录"))
                seen.setdefault(key, number)
            if not row_errors:
                record = self.model(township=township, **self.defaults, **values)
                if self.prepare:
                    try:
                        self.prepare(record, values)
                    except CellError as exc:
                        row_errors.append(RowError(number, "", str(exc)))
                row_errors += self._model_errors(record, number)
                if not row_errors:
                    records.append(record)
            result.errors += row_errors
        if result.rows == 0 and not result.errors:
            result.errors.append(RowError(2, "", "表格中没有数据行"))
        return records, result

    def _header(self, field_name: str) -> str:
        return next((c.header for c in self.columns if c.field == field_name), field_name)

    def _existing_keys(self, township) -> set[tuple]:
        if not self.unique:
            return set()
        return set(self.model.objects.filter(township=township).values_list(*self.unique))

    def _model_errors(self, record, number: int) -> list[RowError]:
        """The model's own validation (lengths, choices) reported against the sheet's columns."""
        try:
            record.full_clean(
                exclude=["township", "village", "created_by", "updated_by"], validate_unique=False
            )
        except ValidationError as exc:
            return [
                RowError(number, self._header(name) if name != "__all__" else "", "；".join(messages))
                for name, messages in exc.message_dict.items()
            ]
        return []

    # -- writing -------------------------------------------------------------------------------
    def run(self, upload, *, township, user, reason: str = "Excel导入") -> ImportResult:
        """Validate every row; write all of them in one transaction, or nothing if any row is bad."""
        try:
            rows = self.read(upload)
        except ValidationError as exc:
            return ImportResult(errors=[RowError(0, "", exc.messages[0])])
        records, result = self.validate(rows, township)
        if not result.ok:
            return result
        with transaction.atomic():
            for record in records:
                save_record(record, user, reason=reason)
        result.created = len(records)
        return result

    # -- the template --------------------------------------------------------------------------
    def template_bytes(self, title: str) -> bytes:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = title[:31]
        # Only headers here: an example row in the data sheet would be imported by whoever forgets to delete it.
        sheet.append([c.header for c in self.columns])
        for cell, column in zip(sheet[1], self.columns, strict=True):
            cell.font = Font(bold=True, color="C00000" if column.required else "000000")
            cell.fill = PatternFill("solid", fgColor="DDE6F0")
        for i, column in enumerate(self.columns, start=1):
            letter = get_column_letter(i)
            sheet.column_dimensions[letter].width = max(
                12, len(column.header) * 2 + 4, len(text(column.example)) * 2
            )
            labels = getattr(column.parse, "labels", None)
            if labels and len(",".join(labels)) < 250:  # Excel limits an inline list to 255 characters
                validation = DataValidation(
                    type="list", formula1=f'"{",".join(labels)}"', allow_blank=not column.required
                )
                validation.error = f"请从下拉列表中选择{column.header}"
                sheet.add_data_validation(validation)
                validation.add(f"{letter}2:{letter}1000")
        notes = workbook.create_sheet("填写说明")
        notes.append(["列", "是否必填", "示例", "说明"])
        for column in self.columns:
            labels = getattr(column.parse, "labels", None)
            explain = column.help or ("可选：" + "、".join(labels) if labels else "")
            notes.append(
                [column.header, "必填（红色列名）" if column.required else "选填", column.example, explain]
            )
        for letter, width in zip("ABCD", (20, 16, 30, 80), strict=True):
            notes.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
