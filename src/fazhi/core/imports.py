"""Transactional Excel imports (architecture.md "Imports are transactional").

A sheet is declared as `ImportColumn`s and read by an `Importer`. The importer accepts the
downloadable template or a township's own sheet: it finds the header row below any title rows,
maps the sheet's column names to the columns by name and synonym (or by a mapping the user
confirmed), reads merged cells as filled, dates in the usual Chinese spellings, choice labels and
names of linked records (an ambiguous name is an error, never a guess). It validates every row
first, reports every bad cell as (row, column, value, reason in Chinese) and writes all rows or
none. The same column list produces the template, so the two can't drift apart.

    importer = Importer(EnforcementItem, [ImportColumn("事项名称", "name"), ...], unique=("code",))
    result = importer.run(uploaded_file, township=t, user=u)
    if not result.ok: show result.errors   # nothing was written

Ledgers get their columns derived from their declaration (`fazhi.imports.targets`).
"""

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core.services import save_record
from fazhi.core.text import clauses


class CellError(ValueError):
    """Raised by a parser with the Chinese reason a cell is not acceptable."""


# Parsers: a cell value as the readers give it (str, int, float, bool, date, datetime, None) -> Python value.
def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # "1001" typed into a number cell comes back as 1001.0
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
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


def decimal(value) -> Decimal | None:
    raw = text(value)
    if raw == "":
        return None
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise CellError(f"“{raw}”不是数字")


DATE_PATTERN = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap-year bug included)


def date(value) -> dt.date | None:
    """A date cell: a real date, an Excel serial number, or "2025.3.5", "2025年3月5日", "2025/3/5",
    "2025-03-05", "20250305"."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 20000 <= value <= 80000:
        return EXCEL_EPOCH + dt.timedelta(days=int(value))  # a date cell formatted as a number
    raw = text(value)
    if raw == "":
        return None
    if re.fullmatch(r"\d{8}", raw):
        raw = f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    if match := DATE_PATTERN.match(raw):
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            raise CellError(f"“{raw}”不是有效日期（该日期不存在）")
    raise CellError(f"“{raw}”不是有效日期（应如 2025-03-05、2025.3.5 或 2025年3月5日）")


TRUE_WORDS = ("是", "Y", "y", "1", "TRUE", "true", "True", "√", "有")
FALSE_WORDS = ("否", "N", "n", "0", "FALSE", "false", "False", "×", "无")


def boolean(value) -> bool | None:
    if isinstance(value, bool):
        return value
    raw = text(value)
    if raw == "":
        return None
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise CellError(f"“{raw}”应填“是”或“否”")


def choice(choices) -> Callable:
    """A parser accepting a TextChoices value or its Chinese label (spaces and bracket widths aside)."""
    by_label = {normalise(label): value for value, label in choices}
    by_label.update({normalise(value): value for value, _ in choices})
    labels = [str(label) for _, label in choices]

    def parse(value):
        raw = text(value)
        if raw == "":
            return None  # blank: the model's default applies
        if (found := by_label.get(normalise(raw))) is not None:
            return found
        raise CellError(f"“{raw}”不在可选范围内（{'、'.join(labels)}）")

    parse.labels = labels
    return parse


FULL_WIDTH = str.maketrans("（）：；，　", "():;, ")


def normalise(name) -> str:
    """A column name or label as compared: no spaces, asterisks or "(必填)", half-width brackets."""
    name = text(name).translate(FULL_WIDTH)
    name = re.sub(r"\((必填|选填|必选|可选)\)|[\s*]", "", name)
    return name.lower()


class Lookup:
    """A linked record (village, mediator, person…) found by the name a sheet writes for it.

    `pairs` are (object, names it goes by), read on first use: a sheet that leaves the column blank
    costs no query. A name no record has, or that two records share, is a cell error: an import
    never guesses which of two 王明 is meant.
    """

    def __init__(self, what: str, pairs: Iterable[tuple[object, Iterable[str]]]):
        self.what = what
        self._unread = [pairs]
        self._index: dict[str, dict] = defaultdict(dict)

    def add(self, pairs: Iterable[tuple[object, Iterable[str]]]) -> None:
        """More candidates: the records another sheet of the same workbook brings (not saved yet
        while the workbook is checked, so told apart by identity rather than by primary key)."""
        self._unread.append(pairs)

    @property
    def index(self) -> dict[str, dict]:
        while self._unread:
            for obj, names in self._unread.pop(0):
                for name in names:
                    if key := normalise(name):
                        self._index[key][obj.pk if obj.pk is not None else id(obj)] = obj
        return self._index

    @property
    def labels(self) -> list[str]:
        return sorted({str(next(iter(found.values()))) for found in self.index.values()})

    def __call__(self, value):
        raw = text(value)
        if raw == "":
            return None
        found = self.index.get(normalise(raw), {})
        if not found:
            raise CellError(f"本乡镇没有名为“{raw}”的{self.what}")
        if len(found) > 1:
            raise CellError(f"“{raw}”对应{len(found)}个{self.what}，无法确定是哪一个，请写全称")
        return next(iter(found.values()))


MANY_SEPARATORS = re.compile(r"[、,，;；/\n]+")


@dataclass(frozen=True)
class ImportColumn:
    header: str  # the Chinese column title in the template
    field: str  # model field it fills
    parse: Callable = text
    required: bool = False
    example: object = ""  # shown in the template's notes sheet
    help: str = ""
    synonyms: tuple = ()  # other names townships give the column (受理时间 for 受理日期…)
    lookup: Callable | None = None  # township -> Lookup, for links to other records
    many: bool = False  # a many-to-many link: several names in one cell

    def names(self) -> frozenset[str]:
        return _names(self.header, self.field, self.synonyms)

    def hint(self) -> str:
        """The template's grey second row (the importer skips it when it is left in)."""
        parts = ["必填" if self.required else "选填"]
        labels = getattr(self.parse, "labels", None)
        if self.parse is date:
            parts.append("日期，如2025-03-05")
        elif self.parse is boolean:
            parts.append("填是或否")
        elif labels:
            parts.append("从下拉列表选择")
        elif self.lookup:
            parts.append("填名称" + ("，多个用顿号分隔" if self.many else ""))
        elif self.example:
            parts.append(f"如{self.example}")
        return "；".join(parts)


@lru_cache(maxsize=4096)
def _names(header: str, name: str, synonyms: tuple) -> frozenset[str]:
    return frozenset({normalise(header), normalise(name), *(normalise(s) for s in synonyms)})


@dataclass(frozen=True)
class RowError:
    row: int  # spreadsheet row number as the user sees it in Excel
    column: str  # column header, or "" for a whole-row problem
    reason: str
    value: str = ""

    def __str__(self) -> str:
        where = f"第{self.row}行" + (f"“{self.column}”列" if self.column else "")
        return f"{where}：{self.reason}"


@dataclass
class ImportResult:
    created: int = 0
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0
    header_row: int = 0
    mapping: dict = field(default_factory=dict)  # sheet column index -> field ("" = not imported)
    headers: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Row:
    """One data row after validation: its values (for the preview), the unsaved record, its errors."""

    number: int
    values: dict
    record: object = None
    many: dict = field(default_factory=dict)  # many-to-many field -> objects, set after saving
    errors: list = field(default_factory=list)


HEADER_SEARCH_ROWS = 30  # title rows, notes and blank lines above the header row


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
        self.by_field = {c.field: c for c in self.columns}

    # -- mapping the sheet's columns ---------------------------------------------------------------
    def guess(self, header, remembered: dict | None = None) -> str:
        """The field a sheet column name stands for ("" when none): a remembered choice first, then
        the name or a synonym, then a name that contains one (or is contained, 2+ characters)."""
        key = normalise(header)
        if not key:
            return ""
        if remembered and key in remembered:
            return remembered[key] if remembered[key] in self.by_field or remembered[key] == "" else ""
        for column in self.columns:
            if key in column.names():
                return column.field
        near = [
            c.field
            for c in self.columns
            if any(len(n) >= 2 and (n in key or (len(key) >= 2 and key in n)) for n in c.names())
        ]
        return near[0] if len(near) == 1 else ""

    def map_headers(self, headers: list, remembered: dict | None = None) -> dict[int, str]:
        """Sheet column index -> field; each field taken by its first column only."""
        mapping, taken = {}, set()
        for index, header in enumerate(headers):
            name = self.guess(header, remembered)
            if name and name not in taken:
                mapping[index] = name
                taken.add(name)
        return mapping

    def _find_header(self, head: list[tuple[int, list]], remembered) -> tuple[int, list] | None:
        best, best_score = None, 0
        for number, row in head:
            score = sum(1 for cell in row if self.guess(cell, remembered))
            if score > best_score:
                best, best_score = (number, [text(c) for c in row]), score
        return best

    # -- validating --------------------------------------------------------------------------------
    def check(
        self,
        rows: Iterable[tuple[int, list]],
        township,
        result: ImportResult,
        mapping=None,
        remembered=None,
        clean: bool = True,
    ) -> Iterator[Row]:
        """Validate row by row (streaming: a 50 000-row sheet is never held whole). Whole-sheet
        problems go into `result.errors`; each row's own into its `Row.errors`, and `result` too.

        `mapping` (column index -> field) is the user's confirmed mapping; without it columns are
        matched by name (`remembered`: normalised name -> field, the township's earlier choices).
        `clean=False` skips the model's own validation: for the commit of a file already checked."""
        rows = iter(rows)
        head = []
        for number, row in rows:
            head.append((number, row))
            if len(head) >= HEADER_SEARCH_ROWS:
                break
        found = self._find_header(head, remembered)
        if found is None:
            reason = "表格为空" if not head else "找不到列名行，请使用下载的模板或确认表头"
            result.errors.append(RowError(head[0][0] if head else 1, "", reason))
            return
        result.header_row, result.headers = found
        positions = {int(k): v for k, v in mapping.items()} if mapping is not None else None
        positions = positions if positions is not None else self.map_headers(result.headers, remembered)
        result.mapping = positions
        by_field = {name: index for index, name in positions.items() if name}
        for column in self.columns:
            if column.required and column.field not in by_field:
                result.errors.append(
                    RowError(result.header_row, column.header, "缺少此列，请补上或在列对应中指定")
                )
        if result.errors:
            return
        parsers = {c.field: (c.lookup(township) if c.lookup else c.parse) for c in self.columns}
        hints = {index: self.by_field[name].hint() for name, index in by_field.items()}
        seen: dict[tuple, int] = {}
        existing = self._existing_keys(township)
        after_header = ((n, r) for n, r in head if n > result.header_row)
        for number, row in _chain(after_header, rows):
            if all(text(cell) == "" for cell in row):
                continue  # blank lines in a sheet are not rows
            if number == result.header_row + 1 and all(
                text(row[i]) in ("", hint) for i, hint in hints.items() if i < len(row)
            ):
                continue  # the template's hint row left in place
            result.rows += 1
            yield self._row(number, row, township, by_field, parsers, seen, existing, result, clean)
        if result.rows == 0 and not result.errors:
            result.errors.append(RowError(result.header_row + 1, "", "表格中没有数据行"))

    def _row(self, number, row, township, by_field, parsers, seen, existing, result, clean=True) -> Row:
        out = Row(number, {})
        values = out.values
        for column in self.columns:
            index = by_field.get(column.field)
            cell = row[index] if index is not None and index < len(row) else None
            try:
                if column.many:
                    parse = parsers[column.field]
                    value = [parse(part) for part in MANY_SEPARATORS.split(text(cell)) if part.strip()]
                else:
                    value = parsers[column.field](cell)
            except CellError as exc:
                out.errors.append(RowError(number, column.header, str(exc), text(cell)))
                continue
            if column.required and value in (None, "", []):
                out.errors.append(RowError(number, column.header, "不能为空"))
                continue
            if value is not None:
                values[column.field] = value
        # Duplicates are reported even on rows with other errors: the user fixes everything in one pass.
        key = tuple(values.get(f) for f in self.unique)
        if self.unique and all(k not in (None, "") for k in key):
            header = self.by_field[self.unique[0]].header if self.unique[0] in self.by_field else ""
            if key in seen:
                out.errors.append(RowError(number, header, f"与第{seen[key]}行重复", text(key[0])))
            elif key in existing:
                out.errors.append(RowError(number, header, "本乡镇已有该记录", text(key[0])))
            seen.setdefault(key, number)
        if not out.errors:
            plain = {k: v for k, v in values.items() if not self.by_field[k].many}
            out.many = {k: v for k, v in values.items() if self.by_field[k].many}
            record = self.model(township=township, **self.defaults, **plain)
            if self.prepare:
                try:
                    self.prepare(record, values)
                except CellError as exc:
                    out.errors.append(RowError(number, "", str(exc)))
            if not out.errors and clean:
                out.errors += self._model_errors(record, number)
            out.record = record
        result.errors += out.errors
        return out

    def validate(self, rows, township, mapping=None, remembered=None) -> tuple[list, ImportResult]:
        """Every row checked; the unsaved records of a sheet without errors (small sheets)."""
        result = ImportResult()
        checked = list(self.check(_numbered(rows), township, result, mapping, remembered))
        return [r for r in checked if not r.errors], result

    def _existing_keys(self, township) -> set[tuple]:
        if not self.unique:
            return set()
        return set(self.model.objects.filter(township=township).values_list(*self.unique))

    def _model_errors(self, record, number: int) -> list[RowError]:
        """The model's own validation (lengths, choices, cross-field rules) against the sheet's columns."""
        # As a form validates: only the sheet's fields (the rest is the creating action's to set).
        # Links found by a Lookup exist already: no query per row to check them again.
        skip = [f.name for f in record._meta.fields if f.name not in self.by_field]
        skip += [c.field for c in self.columns if c.lookup]
        try:
            record.full_clean(exclude=skip, validate_unique=False)
        except ValidationError as exc:
            return [
                RowError(
                    number,
                    self.by_field[name].header if name in self.by_field else "",
                    clauses(messages),
                    text(getattr(record, name, "")) if name in self.by_field else "",
                )
                for name, messages in exc.message_dict.items()
            ]
        return []

    # -- writing -----------------------------------------------------------------------------------
    def run(self, upload, *, township, user, reason: str = "Excel导入") -> ImportResult:
        """Validate every row; write all of them in one transaction, or nothing if any row is bad."""
        from fazhi.core.sheets import open_workbook

        data = upload.read() if hasattr(upload, "read") else upload
        try:
            sheet = open_workbook(data, getattr(upload, "name", None) or "upload.xlsx")[0]
        except (ValidationError, IndexError) as exc:
            message = exc.messages[0] if isinstance(exc, ValidationError) else "工作簿中没有工作表"
            return ImportResult(errors=[RowError(0, "", message)])
        result = ImportResult()
        checked = [r for r in self.check(sheet.rows(), township, result) if not r.errors]
        if not result.ok:
            return result
        with transaction.atomic():
            for row in checked:
                save_record(row.record, user, reason=reason)
                for name, objects in row.many.items():
                    getattr(row.record, name).set(objects)
        result.created = len(checked)
        return result

    def template_bytes(self, title: str, **kwargs) -> bytes:
        from fazhi.core.import_template import template_bytes

        return template_bytes(self, title, **kwargs)


def _numbered(rows) -> Iterator[tuple[int, list]]:
    """Plain lists of rows (tests, small sheets) numbered as Excel numbers them."""
    yield from enumerate(rows, start=1)


def _chain(*iterables):
    for iterable in iterables:
        yield from iterable
