"""One valid record of any ledger, for tests that walk every declared ledger (the permission matrix).

Required fields get plain values; fields a ledger masks get personal data (a name, a phone, an ID
number) so a test can look for the unmasked text; links get a record of the same township, made
the same way. Records are saved through the ledger's creating action when it declares one (as its
form, API and import do), else `core.services.save_record`, as every write is.
"""

import datetime as dt
import itertools
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction

from fazhi.core.ledger import REGISTRY
from fazhi.core.models import Ledger
from fazhi.core.services import save_record

NAME, PHONE, ID_NUMBER = "张三丰", "13912345678", "11010519491231002X"
_counter = itertools.count(1)
_years = itertools.count(0)  # its own: a year taken from the shared counter repeated every 30 values


def sensitive(field_name: str) -> str:
    lowered = field_name.lower()
    if "phone" in lowered or "contact" in lowered or "mobile" in lowered:
        return PHONE
    if "id_number" in lowered or "id_no" in lowered:
        return ID_NUMBER
    return NAME


def _value(field, township, village, masked, user, memo):
    if field.choices:
        return field.choices[0][0] if field.choices[0][0] != "" else field.choices[1][0]
    if isinstance(field, models.ForeignKey | models.OneToOneField):
        related = field.related_model
        if related._meta.label == "org.Region":
            return village or township
        if related is ContentType:
            return ContentType.objects.get_for_model(type(township))
        if related._meta.label == "auth.User" or related._meta.model_name == "user":
            return user
        if issubclass(related, Ledger):
            if isinstance(field, models.OneToOneField) or related not in memo:
                memo[related] = make(related, township, None, user=user, memo=memo)
            return memo[related]
        return related.objects.first()
    n = next(_counter)
    if isinstance(field, models.DateTimeField):
        return dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    if isinstance(field, models.DateField):
        return dt.date(2026, 3, 2)
    if isinstance(field, models.DecimalField):
        return Decimal("1")
    if isinstance(field, models.FloatField):
        return 1.0
    if isinstance(field, models.IntegerField):
        return 1 if "year" not in field.name else 1990 + next(_years) % 100  # many are unique per township
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.EmailField):
        return f"t{n}@example.cn"
    if isinstance(field, models.URLField):
        return "https://example.cn/"
    if isinstance(field, models.CharField | models.TextField):
        if field.name in masked:
            return sensitive(field.name)
        text = f"测试{n}"
        return text[: field.max_length] if field.max_length else text
    return None


def make(model, township, village=None, *, user=None, masked=(), memo=None, **values):
    """A saved record of `model` in `township` (and `village`, when given). A ledger with one record
    per township (a profile) that already has it gets that record, moved to `village`."""
    try:
        with transaction.atomic():
            return _make(model, township, village, user=user, masked=masked, memo=memo, **values)
    except IntegrityError:
        existing = model.objects.filter(township=township).exclude(village=village).first()
        if existing is None:
            raise
        existing.village = village
        return save_record(existing, user)


def _make(model, township, village=None, *, user=None, masked=(), memo=None, **values):
    memo = {} if memo is None else memo
    record = model(township=township, **values)
    if village is not None:
        record.village = village
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in values or field.name in Ledger.SYSTEM_FIELDS:
            continue
        if field.name == "village" and village is None:
            continue
        required = not (field.null or field.blank or field.has_default())
        if not (required or field.name in masked):
            continue
        if field.name == "object_id":
            setattr(record, field.name, township.pk)
            continue
        value = _value(field, township, village, masked, user, memo)
        if value is not None:
            setattr(record, field.name, value)
    spec = REGISTRY.get(model)  # through the ledger's creating action, as its form does
    return spec.create(record, user) if spec is not None and spec.create else save_record(record, user)
