"""What is indexed, and keeping the index in step.

Every ledger that has a list page is a source: its text fields (titles, summaries, parties, opinions…)
and the text of its .docx/.pdf/.txt attachments. Parties' names are indexed so they can be found, and
shown masked (the mask its record page applies for readers outside the case). Phone and ID numbers are
not indexed at all. The index follows every save and delete of a record or of an attachment (signals,
so it holds whatever path wrote); `rebuild` redoes it after bulk loads.
"""

import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch, resolve, reverse

from fazhi import LEDGER_APPS
from fazhi.core import masking
from fazhi.search.backends import township_token
from fazhi.search.extract import attachment_text
from fazhi.search.segment import index_words

NAME_MASKS = (masking.mask_name, masking.mask_names)
SKIPPED = {"ip", "url", "sha256"}
BODY_LIMIT = 20_000


@dataclass(frozen=True)
class Source:
    model: type
    label: str  # the ledger's name, as its list page is titled
    list_view: type
    fields: tuple[str, ...]  # text fields, shown as they are
    names: dict  # field -> mask: indexed, shown masked

    @property
    def order(self) -> int:
        return LEDGER_APPS.index(self.model._meta.app_label)


def _view_class(name: str):
    try:
        return resolve(reverse(name, args=[1] if name.endswith("_detail") else [])).func.view_class
    except (NoReverseMatch, AttributeError):
        return None


def _source(model) -> Source | None:
    opts = model._meta
    list_view = _view_class(f"{opts.app_label}:{opts.model_name}_list")
    if list_view is None:
        return None
    detail = _view_class(f"{opts.app_label}:{opts.model_name}_detail")
    masks = dict(getattr(detail, "masked", {}) or {})
    fields, names = [], {}
    for field in opts.fields:
        if (
            not isinstance(field, models.CharField | models.TextField)
            or field.choices
            or field.name in SKIPPED
        ):
            continue
        mask = masks.get(field.name)
        if mask in NAME_MASKS:
            names[field.name] = mask
        elif mask is None:
            fields.append(field.name)
    label = str(getattr(list_view, "title", "") or opts.verbose_name_plural)
    return Source(model, label, list_view, tuple(fields), names)


@cache
def sources() -> tuple[Source, ...]:
    from fazhi.core.models import Ledger

    found = []
    for label in LEDGER_APPS:
        for model in apps.get_app_config(label).get_models():
            if issubclass(model, Ledger) and (source := _source(model)) is not None:
                found.append(source)
    return tuple(found)


def source_for(model) -> Source | None:
    return next((s for s in sources() if s.model is model), None)


def _attachments_text(record) -> list[str]:
    from fazhi.search.models import AttachmentText

    content_type = ContentType.objects.get_for_model(record)
    texts = AttachmentText.objects.filter(content_type=content_type, object_id=record.pk)
    return [t for t in texts.order_by("attachment_id").values_list("text", flat=True) if t]


def store_attachment_text(attachment) -> None:
    """Extract an attachment's text once, when it is saved."""
    from fazhi.search.models import AttachmentText

    AttachmentText.objects.update_or_create(
        attachment=attachment,
        defaults={
            "content_type_id": attachment.content_type_id,
            "object_id": attachment.object_id,
            "text": attachment_text(attachment),
        },
    )


def _links(model) -> list[str]:
    """Required foreign keys, which a record's __str__ may read: fetched with it by the rebuild."""
    return [f.name for f in model._meta.fields if f.many_to_one and not f.null and f.name != "township"]


def _title(record) -> str:
    try:
        return str(record)
    except Exception:  # a record's __str__ must not stop it from being saved; the rebuild retries
        return f"{record._meta.verbose_name} {record.pk}"


def entry_for(source: Source, record, attachments: list[str] | None = None):
    """The SearchEntry of a record (unsaved): words from every text, names masked in what is shown."""
    from fazhi.search.models import SearchEntry

    title = _title(record)
    texts = [getattr(record, f) or "" for f in source.fields]
    names = {f: getattr(record, f) or "" for f in source.names}
    attachments = _attachments_text(record) if attachments is None else attachments
    words = index_words("\n".join([title, *texts, *names.values(), *attachments]))
    shown = [title, *texts, *(source.names[f](value) for f, value in names.items()), *attachments]
    body = "\n".join(t for t in shown[1:] if t)
    for value in names.values():  # a name may also stand in the title or a summary
        for part in re.split(r"[、，,;；\s]+", value):
            if len(part) >= 2:
                masked = masking.mask_name(part)
                title, body = title.replace(part, masked), body.replace(part, masked)
    return SearchEntry(
        township_id=record.township_id,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        title=title[:300],
        body=body[:BODY_LIMIT],
        words=f" {township_token(record.township_id)} {' '.join(words)} ",
    )


def refresh(record) -> None:
    from fazhi.search.models import SearchEntry

    source = source_for(type(record))
    if source is None:
        return
    entry = entry_for(source, record)
    with transaction.atomic():
        SearchEntry.objects.filter(content_type=entry.content_type, object_id=record.pk).delete()
        entry.save()


def refresh_many(records: list) -> None:
    """`refresh` of many saved records at once (core.batch: an import): per model one delete, one
    read of their attachments' text and a bulk insert, instead of three queries a record."""
    from fazhi.search.models import AttachmentText, SearchEntry

    by_model: dict = {}
    for record in records:
        by_model.setdefault(type(record), {})[record.pk] = record  # the last save of each record
    for model, found in by_model.items():
        source = source_for(model)
        if source is None:
            continue
        content_type = ContentType.objects.get_for_model(model)
        files: dict[int, list[str]] = {}
        with transaction.atomic():
            for pks in _chunks(list(found)):
                SearchEntry.objects.filter(content_type=content_type, object_id__in=pks).delete()
                texts = AttachmentText.objects.filter(content_type=content_type, object_id__in=pks)
                for object_id, text in texts.order_by("attachment_id").values_list("object_id", "text"):
                    if text:
                        files.setdefault(object_id, []).append(text)
            entries = [entry_for(source, r, files.get(pk, [])) for pk, r in found.items()]
            SearchEntry.objects.bulk_create(entries, batch_size=1000)


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def remove(model, pk) -> None:
    from fazhi.search.models import SearchEntry

    SearchEntry.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id=pk).delete()


def rebuild(township=None) -> int:
    """Index every record again (of one township, or of all), township by township."""
    from fazhi.core.models import Attachment
    from fazhi.org.models import Region
    from fazhi.search.models import AttachmentText, SearchEntry

    townships = [township] if township is not None else list(Region.objects.townships())
    written = 0
    for town in townships:
        with transaction.atomic():
            SearchEntry.objects.filter(township=town).delete()
            for source in sources():
                content_type = ContentType.objects.get_for_model(source.model)
                files: dict[int, list[str]] = {}
                unread = Attachment.objects.filter(township=town, content_type=content_type).exclude(
                    pk__in=AttachmentText.objects.values("attachment_id")
                )
                for attachment in unread:  # files that came in bulk, unseen by the signal
                    store_attachment_text(attachment)
                for object_id, text in AttachmentText.objects.filter(
                    attachment__township=town, content_type=content_type
                ).values_list("object_id", "text"):
                    if text:
                        files.setdefault(object_id, []).append(text)
                entries = [
                    entry_for(source, record, files.get(record.pk, []))
                    for record in source.model.objects.filter(township=town)
                    .select_related(*_links(source.model))
                    .iterator(chunk_size=2000)
                ]
                SearchEntry.objects.bulk_create(entries, batch_size=1000)
                written += len(entries)
    return written


_deferred = threading.local()


@contextmanager
def deferred():
    """Writes inside are not indexed one by one: for bulk loads that `rebuild()` afterwards."""
    _deferred.on = True
    try:
        yield
    finally:
        _deferred.on = False


def _is_ledger(sender) -> bool:
    if getattr(_deferred, "on", False):
        return False
    from fazhi.core.models import Ledger

    return isinstance(sender, type) and issubclass(sender, Ledger) and sender._meta.app_label in LEDGER_APPS


def _saved(sender, instance, **kwargs):
    if not kwargs.get("raw") and _is_ledger(sender):
        from fazhi.core.batch import current

        if (batch := current()) is not None:  # many writes as one: indexed in bulk at the batch's end
            batch.defer(refresh_many, instance)
        else:
            refresh(instance)


def _deleted(sender, instance, **kwargs):
    if _is_ledger(sender) and source_for(sender) is not None:
        remove(sender, instance.pk)


def _attachment_changed(sender, instance, created=False, **kwargs):
    if kwargs.get("raw") or getattr(_deferred, "on", False):
        return
    model = instance.content_type.model_class()
    if source_for(model) is None:
        return
    if created:
        store_attachment_text(instance)
    record = model.objects.filter(pk=instance.object_id).first()
    if record is not None:
        refresh(record)


def connect() -> None:
    """Called once from SearchConfig.ready: follow every ledger record and every attachment. The
    sources are found on first use (they need the URLconf), not at start-up."""
    from fazhi.core.models import Attachment

    post_save.connect(_saved, dispatch_uid="fazhi.search.ledger")
    post_delete.connect(_deleted, dispatch_uid="fazhi.search.ledger")
    post_save.connect(_attachment_changed, sender=Attachment, dispatch_uid="fazhi.search.attachment")
    post_delete.connect(_attachment_changed, sender=Attachment, dispatch_uid="fazhi.search.attachment")
