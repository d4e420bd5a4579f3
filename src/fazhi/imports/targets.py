"""What each ledger imports, derived from what the ledger already declares — never a second column list.

A ledger's import columns are its form's fields (the create page's `LedgerFormView.fields`), each
described by its model field: the Chinese verbose name as header, choices as drop-downs, links to
villages and other records matched by name, dates and numbers parsed. A ledger whose record page
declares a workflow also imports a 状态 column: records past the first state (a closed petition)
are brought in with the sheet's own dates, as the demo builds them (see `replay`).

    target = targets()["disputes.dispute"]
    target.importer(user).check(rows, township, result)
"""

import dataclasses
import datetime as dt
from collections import deque
from dataclasses import dataclass
from functools import cache, cached_property

from django.db import models

from fazhi.core import board, imports
from fazhi.core.imports import CellError, ImportColumn, Importer, Lookup
from fazhi.core.models import Ledger
from fazhi.core.services import save_record

# Names townships give common columns in their own sheets (normalised on comparison).
SYNONYMS = {
    "受理日期": ("受理时间", "登记日期", "登记时间", "日期", "收到日期"),
    "当事人": ("当事人姓名", "双方当事人", "当事人名称", "纠纷当事人"),
    "村(社区)": ("村", "村居", "村(居)", "所属村", "所在村", "村别", "村社区", "村(居)委会", "所属村(社区)"),
    "联系电话": ("电话", "手机", "手机号", "联系方式", "电话号码"),
    "纠纷简要情况": ("简要情况", "纠纷情况", "基本情况", "主要事实", "案情", "纠纷内容"),
    "纠纷类型": ("类型", "纠纷类别", "类别"),
    "调解员": ("调解人", "承办人", "调解人员"),
    "调解结果": ("结果", "调处结果", "处理结果"),
    "办结日期": ("结案日期", "办结时间", "结案时间"),
    "状态": ("办理状态", "当前状态", "进展"),
    "备注": ("说明",),
    "姓名": ("名字",),
}
STATE_FIELD = "state"
SKIP_LINKS = ("township", "created_by", "updated_by")


def _parser(field):
    if field.choices:
        return imports.choice(field.choices)
    if isinstance(field, models.BooleanField):
        return imports.boolean
    if isinstance(field, models.DateTimeField):
        return _datetime
    if isinstance(field, models.DateField):
        return imports.date
    if isinstance(field, models.IntegerField):
        return imports.integer
    if isinstance(field, models.DecimalField | models.FloatField):
        return imports.decimal
    return imports.text


def _datetime(value):
    if isinstance(value, dt.datetime):
        return value
    day = imports.date(value)
    return dt.datetime.combine(day, dt.time(9)) if day else None


def names_of(obj) -> list[str]:
    """What a sheet may write for a linked record: its name, number, title or how it shows."""
    found = [str(obj)]
    for attr in ("name", "number", "title", "code"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value:
            found.append(value)
    return found


def label_of(obj) -> str:
    """The one name an export writes for a linked record: its name, number or title, else as shown."""
    for attr in ("name", "number", "title"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value:
            return value
    return str(obj)


def _lookup(field):
    related = field.related_model
    what = str(field.verbose_name)

    def build(township):
        if related._meta.label == "org.Region":
            queryset = township.children.all()
        elif any(f.name == "township" for f in related._meta.fields):
            queryset = related.objects.filter(township=township)
        else:
            queryset = related.objects.all()
        # What a record's __str__ reads (a screening round names its village) comes with it.
        links = [f.name for f in related._meta.fields if f.many_to_one and f.name not in SKIP_LINKS]
        queryset = queryset.select_related(*links)
        return Lookup(what, ((obj, names_of(obj)) for obj in queryset))

    build.model = related  # what a sheet of the same workbook may bring (see ImportTarget.importer)
    return build


def _with_linked(column: ImportColumn, linked: dict) -> ImportColumn:
    """The column whose look-up also finds the records other sheets of the workbook bring."""
    model = getattr(column.lookup, "model", None)
    if model not in linked:
        return column
    build = column.lookup

    def lookup(township):
        found = build(township)
        found.add(linked[model])
        return found

    return dataclasses.replace(column, lookup=lookup)


def column_for(model, name: str) -> ImportColumn:
    field = model._meta.get_field(name)
    header = str(field.verbose_name)
    link = field.many_to_one or field.one_to_one or field.many_to_many
    required = not field.blank and not field.has_default() and not field.many_to_many
    return ImportColumn(
        header,
        name,
        parse=imports.text if link else _parser(field),
        required=required and not isinstance(field, models.BooleanField),
        help=str(field.help_text or ""),
        synonyms=SYNONYMS.get(header, ()),
        lookup=_lookup(field) if link else None,
        many=field.many_to_many,
    )


@dataclass
class ImportTarget:
    """One ledger as the importer sees it."""

    model: type
    form_view: type  # the ledger's create page (LedgerFormView subclass)
    workflow: object = None
    spec: object = None  # its core.ledger.LedgerSpec: import columns, the creating action

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def title(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def write_roles(self) -> tuple:
        return tuple(getattr(self.spec, "write_roles", None) or self.form_view.write_roles)

    @property
    def fields(self) -> tuple:
        declared = getattr(self.spec, "import_columns", None)
        return tuple(declared if declared is not None else self.form_view.fields)

    @cached_property
    def columns(self) -> list[ImportColumn]:
        columns = [column_for(self.model, name) for name in self.fields]
        if self.workflow is not None:
            # The dates the workflow's steps stamp (办结日期…): a record past its first state brings its own.
            for field in self.model._meta.concrete_fields:
                if (
                    isinstance(field, models.DateField)
                    and field.editable
                    and field.name not in self.fields
                    and field.name not in Ledger.SYSTEM_FIELDS
                ):
                    column = column_for(self.model, field.name)
                    columns.append(
                        dataclasses.replace(column, required=False, help="按原台账填写（已办结等状态）")
                    )
        if self.workflow is not None and STATE_FIELD not in self.fields:
            field = self.model._meta.get_field(self.workflow.field)
            columns.append(
                ImportColumn(
                    str(field.verbose_name),
                    self.workflow.field,
                    imports.choice(list(self.workflow.states.items())),
                    help=f"空白为“{self.workflow.states[field.default]}”；其他状态按原台账的日期导入",
                    synonyms=SYNONYMS["状态"],
                )
            )
        return columns

    @property
    def links(self) -> set:
        """The models this ledger's columns name records of (a hearing's 案件: litigation cases)."""
        return {getattr(c.lookup, "model", None) for c in self.columns if c.lookup} - {None}

    def importer(self, user=None, linked: dict | None = None) -> Importer:
        """`linked`: model -> [(record, names)] other sheets of the workbook bring, found by name
        as if they were saved already (they are not, while the workbook is checked)."""
        columns = [_with_linked(c, linked) for c in self.columns] if linked else self.columns
        return Importer(self.model, columns, prepare=self._prepare(user))

    def _prepare(self, user):
        workflow = self.workflow

        def prepare(record, values):
            if workflow is not None:
                replay(workflow, record, values, user)
            # What a form's save computes before writing (a review's 审查期限): the stored due dates.
            board.refresh_dues(record)

        return prepare

    def create(self, row, user, reason: str):
        """The ledger's creating path for one checked row: its declared creating action (the one
        its form, API and demo use), else the save every form makes."""
        record = row.record
        action = getattr(self.spec, "create", None)
        if action is not None:
            record._change_reason = reason
            record = action(record, user) or record
        else:
            save_record(record, user, reason=reason)
        for name, objects in row.many.items():
            getattr(record, name).set(objects)
        return record

    def lists(self, township) -> dict:
        """Drop-down lists of the template: the township's villages and other linked records."""
        return {c.field: c.lookup(township).labels for c in self.columns if c.lookup and not c.many}

    def cells(self, record) -> list:
        """A record as the template's row (the export that imports back)."""
        row = []
        for column in self.columns:
            field = self.model._meta.get_field(column.field)
            value = getattr(record, column.field)
            if field.many_to_many:
                value = "、".join(label_of(o) for o in value.all())
            elif field.many_to_one:
                value = label_of(value) if value is not None else None
            elif field.choices:
                value = getattr(record, f"get_{column.field}_display")() if value not in (None, "") else None
            elif isinstance(field, models.BooleanField):
                value = "是" if value else "否"
            elif isinstance(value, dt.datetime):
                value = value.replace(tzinfo=None)
            row.append(value)
        return row


def replay(workflow, record, values, user) -> None:
    """Bring an unsaved record to the sheet's state as the demo does: along the shortest path of
    transitions from the first state, running each transition's effect (which fills what the step
    fills: a reply document date, an outcome…), then putting back every value the sheet gives — the
    sheet's dates are the record's history. A date an effect had to invent (the sheet left it empty)
    is an error: a closed petition without its 办结日期 is not a closed petition."""
    target = getattr(record, workflow.field)
    first = record._meta.get_field(workflow.field).default
    if target in (None, "", first):
        setattr(record, workflow.field, first)
        return
    path = _path(workflow, first, target)
    if path is None:
        raise CellError(f"“{workflow.states[target]}”不能由“{workflow.states[first]}”办理而来，无法导入")
    setattr(record, workflow.field, first)
    days = [v for v in values.values() if isinstance(v, dt.date)]
    data = {"on": max(days) if days else None, "note": "按原台账导入"}
    before = {f.attname: getattr(record, f.attname) for f in record._meta.concrete_fields}
    for transition in path:
        setattr(record, workflow.field, transition.target)
        if transition.effect:
            try:
                transition.effect(record, data)
            except Exception:
                raise CellError(f"“{workflow.states[target]}”须在系统中逐步办理，不能直接导入")
    for name, value in values.items():
        if not getattr(record._meta.get_field(name), "many_to_many", False):
            setattr(record, name, value)
    today = dt.date.today()
    for field in record._meta.concrete_fields:
        now = getattr(record, field.attname)
        if (
            isinstance(field, models.DateField)
            and now != before[field.attname]
            and now in (today, data["on"])
        ):
            if field.name not in values and now == today:
                raise CellError(f"导入为“{workflow.states[target]}”须填写“{field.verbose_name}”")


def _path(workflow, start, goal):
    queue, seen = deque([(start, [])]), {start}
    while queue:
        state, path = queue.popleft()
        if state == goal:
            return path
        for transition in workflow.transitions:
            if state in transition.source and transition.target not in seen:
                seen.add(transition.target)
                queue.append((transition.target, [*path, transition]))
    return None


def _hangs_on_a_record(model) -> bool:
    """A record that exists only on another record through a required generic link (a public
    comment on a draft open for comment, written on the portal): a sheet has no such link to give,
    and its form only edits the office's reply. Not an import target, by design."""
    return any(
        f.many_to_one and f.related_model._meta.label == "contenttypes.ContentType" and not f.null
        for f in model._meta.fields
    )


@cache
def targets() -> dict[str, ImportTarget]:
    """Every declared ledger with a create page, by model label ("disputes.dispute"), in the
    registry's order (core.ledger.specs)."""
    from fazhi.core.ledger import specs
    from fazhi.core.views import LedgerFormView

    found: dict[str, ImportTarget] = {}
    for spec in specs():
        form = spec.views.get("form")
        if form is None or not issubclass(form, LedgerFormView) or not form.fields:
            continue
        if spec.import_columns == ():  # made by a page of its own (the composed annual report)
            continue
        if _hangs_on_a_record(spec.model):
            continue
        workflow = spec.workflow or getattr(spec.views.get("detail"), "workflow", None)
        found[spec.model._meta.label_lower] = ImportTarget(spec.model, form, workflow, spec)
    return found
