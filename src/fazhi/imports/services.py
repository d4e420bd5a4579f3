"""Upload → check (every row, nothing written) → commit (all or nothing) → undo while untouched.

Each step is a function of the batch; the views and the background tasks (`tasks.py`) call them.
The commit writes each record through its ledger's creating path (`ImportTarget.create`), inside
one transaction and one `core.batch.batched()` block, so numbering, validation and history are a
form's, and the deadline board, figure cache, events and search index are brought up to date in
bulk (the end of the block, or a thousand records at a time).

A workbook's sheets may name each other's records (a sheet of hearings naming its cases' 案号):
each sheet is checked, previewed and committed after the sheets it names (`ordered`), and while
checking, the unsaved records of those sheets are found by name as saved ones are.
"""

import hashlib
import json
import re
from collections import defaultdict
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from fazhi.core.access import access_for, can_write
from fazhi.core.batch import batched
from fazhi.core.imports import ImportResult, RowError, normalise, text
from fazhi.core.services import delete_record
from fazhi.core.sheets import open_workbook, suffix_of
from fazhi.core.text import clauses
from fazhi.imports.models import ColumnMapping, ImportBatch, ImportedRecord
from fazhi.imports.targets import names_of, targets

MAX_BYTES = 100 * 1024 * 1024
PROGRESS_EVERY = 250
CHUNK = 1000
S = ImportBatch.State


class Stop(Exception):
    """The commit found a bad row after all (the data changed since the check): nothing is written."""


def writable_targets(user, township) -> dict:
    return {label: t for label, t in targets().items() if can_write(user, township, t.write_roles)}


def guess_ledger(sheet_name: str, allowed: dict) -> str:
    """The ledger a sheet's name speaks of ("2025年矛盾纠纷台账" → disputes.dispute), or "". Signs
    aside: a sheet's name cannot hold the "/" of 开庭/听证 (Excel forbids it), so 开庭听证 is that."""
    name = _letters(sheet_name)
    best, best_len = "", 0
    for label, target in allowed.items():
        title = _letters(target.title)
        if title and title in name and len(title) > best_len:
            best, best_len = label, len(title)
    return best


def _letters(name) -> str:
    return re.sub(r"[\W_]", "", normalise(name))


# --- upload -----------------------------------------------------------------------------------------


def start(upload, township, user, ledger: str = "") -> ImportBatch:
    """Store the file and decide each sheet's ledger (the page's ledger, or by the sheet's name)."""
    allowed = writable_targets(user, township)
    if ledger and ledger not in allowed:
        raise PermissionDenied("您没有在本乡镇导入此类记录的权限。")
    if upload.size > MAX_BYTES:
        raise ValidationError(f"文件过大：上限为 {MAX_BYTES // (1024 * 1024)} MB。")
    data = upload.read()
    sheets = open_workbook(data, upload.name)
    if not sheets:
        raise ValidationError("工作簿中没有工作表。")
    parts = []
    for sheet in sheets:
        guessed = guess_ledger(sheet.name, {ledger: allowed[ledger]} if ledger else allowed)
        parts.append({"sheet": sheet.name, "ledger": guessed, "mapping": None})
    if ledger and not any(p["ledger"] for p in parts):
        parts[0]["ledger"] = ledger  # a one-ledger upload: its first sheet, whatever it is called
    if not any(p["ledger"] for p in parts):
        raise ValidationError("未能从工作表名称判断台账类别，请在对应台账的导入页面上传。")
    sha = hashlib.sha256(data).hexdigest()
    batch = ImportBatch(
        township=township,
        filename=upload.name[:200],
        suffix=suffix_of(upload.name),
        sha256=sha,
        size=len(data),
        parts=parts,
        created_by=user,
    )
    batch.file.save(upload.name, ContentFile(data), save=False)
    batch.save()
    return batch


def sheets_of(batch) -> dict:
    with batch.file.open("rb") as fh:
        data = fh.read()
    return {s.name: s for s in open_workbook(data, batch.filename)}


# --- progress (outside the import's transaction, so another process can read it) --------------------


def _progress_file(batch) -> Path:
    return Path(settings.VAR_DIR) / "imports" / f"{batch.pk}.json"


def set_progress(batch, done: int, total: int, phase: str) -> None:
    path = _progress_file(batch)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"done": done, "total": total, "phase": phase}))
    tmp.replace(path)


def progress(batch) -> dict:
    try:
        return json.loads(_progress_file(batch).read_text())
    except (OSError, ValueError):
        return {"done": 0, "total": batch.rows, "phase": batch.get_state_display()}


# --- check ------------------------------------------------------------------------------------------


def _remembered(batch, ledger) -> dict:
    found = ColumnMapping.objects.filter(township=batch.township, ledger=ledger).first()
    return found.mapping if found else {}


def _village_guard(user, township):
    villages = access_for(user).village_only(township.id)
    if villages is None:
        return None
    return lambda record: (
        "" if getattr(record, "village_id", None) in villages else "村(社区)干部只能导入本村(社区)的记录"
    )


def ordered(parts) -> list[int]:
    """The indices of the sheets to import, each after the sheets whose records it names (a sheet
    of cases before the sheet of their hearings, whatever their order in the workbook); otherwise,
    and for sheets naming each other, in the workbook's order."""
    todo = [i for i, p in enumerate(parts) if p.get("ledger")]
    found = targets()
    models = {i: found[parts[i]["ledger"]].model for i in todo}
    order = []
    while todo:
        needs = {
            i: {j for j in todo if j != i and models[j] in found[parts[i]["ledger"]].links} for i in todo
        }
        ready = next((i for i in todo if not needs[i]), todo[0])
        order.append(ready)
        todo.remove(ready)
    return order


def _linked_by_later(batch, index: int) -> bool:
    """Whether a sheet imported after this one names its records (so they are kept while checking)."""
    model = targets()[batch.parts[index]["ledger"]].model
    order = ordered(batch.parts)
    later = order[order.index(index) + 1 :]
    return any(model in targets()[batch.parts[j]["ledger"]].links for j in later)


def _rows(batch, part, user, result, sheet, clean=True, linked=None):
    target = targets()[part["ledger"]]
    confine = _village_guard(user, batch.township)
    importer = target.importer(user, linked)
    for row in importer.check(
        sheet.rows(), batch.township, result, part.get("mapping"), _remembered(batch, part["ledger"]), clean
    ):
        if confine and row.record is not None and (reason := confine(row.record)):
            error = RowError(row.number, "村(社区)", reason)
            row.errors.append(error)
            result.errors.append(error)
        yield target, row


def check(batch, user=None) -> ImportBatch:
    """Every row of every sheet validated; nothing kept (effects replayed on unsaved records run in a
    transaction that is rolled back). Stores each sheet's mapping, row count and errors."""
    user = user or batch.created_by
    sheets = sheets_of(batch)
    batch.rows = 0
    linked = defaultdict(list)  # model -> [(unsaved record, names)] of sheets later sheets name
    with transaction.atomic():
        for index in ordered(batch.parts):
            part = batch.parts[index]
            result, keep = ImportResult(), _linked_by_later(batch, index)
            for target, row in _rows(batch, part, user, result, sheets[part["sheet"]], linked=linked):
                if keep and row.record is not None and not row.errors:
                    linked[target.model].append((row.record, names_of(row.record)))
                if result.rows % PROGRESS_EVERY == 0:
                    set_progress(batch, batch.rows + result.rows, 0, "校验")
            part.update(
                header_row=result.header_row,
                headers=result.headers,
                mapping={str(k): v for k, v in result.mapping.items()},
                rows=result.rows,
                errors=[[e.row, e.column, e.value, e.reason] for e in result.errors],
            )
            batch.rows += result.rows
        transaction.set_rollback(True)
    batch.state = S.INVALID if batch.error_count else S.CHECKED
    batch.save()
    set_progress(batch, batch.rows, batch.rows, batch.get_state_display())
    return batch


def remap(batch, part_index: int, mapping: dict, user) -> ImportBatch:
    """The user's confirmed mapping (column index -> field) for one sheet, remembered for the ledger."""
    part = batch.parts[part_index]
    target = targets()[part["ledger"]]
    valid = {c.field for c in target.columns}
    clean = {str(int(k)): v for k, v in mapping.items() if v in valid or v == ""}
    part["mapping"] = clean
    remembered = _remembered(batch, part["ledger"])
    for index, name in clean.items():
        header = part["headers"][int(index)] if int(index) < len(part["headers"]) else ""
        if normalise(header):
            remembered[normalise(header)] = name
    ColumnMapping.objects.update_or_create(
        township=batch.township, ledger=part["ledger"], defaults={"mapping": remembered}
    )
    batch.state = S.CHECKING
    batch.save(update_fields=["parts", "state"])
    return check(batch, user)


def preview(batch, part_index: int, page: int = 1, size: int = 100) -> list[dict]:
    """The rows of one sheet as they will be created (one page), each with its errors."""
    part = batch.parts[part_index]
    sheets = sheets_of(batch)
    shown, user = [], batch.created_by
    with transaction.atomic():
        linked = defaultdict(list)  # what the sheets before it bring, that it may name
        for index in ordered(batch.parts):
            if index == part_index:
                break
            if _linked_by_later(batch, index):
                earlier = batch.parts[index]
                for target, row in _rows(batch, earlier, user, ImportResult(), sheets[earlier["sheet"]]):
                    if row.record is not None and not row.errors:
                        linked[target.model].append((row.record, names_of(row.record)))
        rows = _rows(batch, part, user, ImportResult(), sheets[part["sheet"]], linked=linked)
        for target, row in islice(rows, (page - 1) * size, page * size):
            cells = [_display(row.values.get(c.field)) for c in target.columns]
            shown.append({"number": row.number, "cells": cells, "errors": row.errors})
        transaction.set_rollback(True)
    return shown


def _display(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(_display(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if hasattr(value, "pk"):
        return names_of(value)[0]
    return text(value)


# --- commit -----------------------------------------------------------------------------------------


def commit(batch, user) -> ImportBatch:
    """All sheets in one transaction, or nothing."""
    if batch.state not in (S.CHECKED, S.COMMITTING):
        raise ValidationError("该导入尚未通过校验或已处理。")
    sheets = sheets_of(batch)
    reason = f"Excel导入：{batch.filename}"
    done, created = 0, defaultdict(list)
    try:
        with transaction.atomic(), batched():
            for index in ordered(batch.parts):
                # The records of the sheets before are saved: a later sheet finds them by name.
                part = batch.parts[index]
                result, unwritten = ImportResult(), []
                # Checked already: the model's validation is not repeated (the database still
                # refuses what changed since, and the whole import with it).
                for target, row in _rows(batch, part, user, result, sheets[part["sheet"]], clean=False):
                    if row.errors or result.errors:
                        raise Stop(str((row.errors or result.errors)[0]))
                    row.record.skip_history_when_saving = True  # written in bulk below
                    record = target.create(row, user, reason)
                    created[type(record)].append(record.pk)
                    unwritten.append(record)
                    done += 1
                    if len(unwritten) >= CHUNK:
                        _history(unwritten, user, reason)
                    if done % PROGRESS_EVERY == 0:
                        set_progress(batch, done, batch.rows, "导入")
                _history(unwritten, user, reason)
                if result.errors:
                    raise Stop(str(result.errors[0]))
                part["created"] = result.rows
            for model, pks in created.items():
                kind = ContentType.objects.get_for_model(model)
                for start in range(0, len(pks), CHUNK):  # not 50 000 links in memory at once
                    ImportedRecord.objects.bulk_create(
                        [
                            ImportedRecord(batch=batch, content_type=kind, object_id=pk)
                            for pk in pks[start : start + CHUNK]
                        ]
                    )
            batch.state, batch.created = S.DONE, done
            batch.committed_by, batch.committed_at = user, timezone.now()
            batch.message = ""
            batch.save()
    except (Stop, IntegrityError, ValidationError) as exc:
        batch.refresh_from_db()
        batch.state = S.FAILED
        batch.message = f"未导入任何记录：{_reason(exc)}"[:300]
        batch.save(update_fields=["state", "message"])
    set_progress(batch, done, batch.rows, batch.get_state_display())
    return batch


def _history(records: list, user, reason: str) -> None:
    """The creation rows of the records' history, as each save would have written them, in bulk."""
    if records:
        model = type(records[0])
        for record in records:
            del record.skip_history_when_saving
        model.history.bulk_history_create(records, default_user=user, default_change_reason=reason)
        records.clear()


def _reason(exc) -> str:
    if isinstance(exc, ValidationError):
        return clauses(exc.messages)
    if isinstance(exc, IntegrityError):
        return "与已有记录冲突（重复的编号或唯一项）"
    return str(exc)


# --- undo -------------------------------------------------------------------------------------------


def undo_problem(batch) -> str:
    """Why the import can no longer be undone as a whole ("" when it can)."""
    if batch.state != S.DONE:
        return "只有已导入的批次可以撤销。"
    for content_type_id, ids in _created(batch).items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        present = model.objects.filter(pk__in=ids)
        if present.count() != len(ids):
            return f"导入的{model._meta.verbose_name}已有被删除的，不能整批撤销。"
        if (
            present.filter(version__gt=1).exists()
            or model.history.filter(id__in=ids).exclude(history_type="+").exists()
        ):
            return f"导入的{model._meta.verbose_name}在导入后已被修改，不能整批撤销。"
    return ""


def _created(batch) -> dict:
    found = defaultdict(list)
    for content_type_id, object_id in batch.records.values_list("content_type_id", "object_id"):
        found[content_type_id].append(object_id)
    return found


def undo(batch, user) -> ImportBatch:
    if problem := undo_problem(batch):
        raise ValidationError(problem)
    reason = f"撤销Excel导入：{batch.filename}"
    try:
        with transaction.atomic(), batched():
            for content_type_id, ids in reversed(list(_created(batch).items())):
                model = ContentType.objects.get_for_id(content_type_id).model_class()
                for record in model.objects.filter(pk__in=ids).order_by("-pk"):
                    delete_record(record, user, reason=reason)
            batch.state, batch.undone_by, batch.undone_at = S.UNDONE, user, timezone.now()
            batch.save()
    except ProtectedError:
        raise ValidationError("导入的记录已被其他记录引用，不能整批撤销。")
    return batch
