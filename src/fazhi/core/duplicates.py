"""Likely duplicates: a record saved with the same key values as one already in its ledger (the same
普法 activity entered by two clerks, or twice from a phone) is held back once with a warning, and
saved when the clerk confirms. A ledger names its key fields: `LedgerFormView.duplicate_fields`, or
`LedgerSpec(duplicates=...)`. Only records the user can see are compared, so a warning never names a
record they could not open."""

from django import forms

CONFIRM = "confirm_duplicate"
CONFIRM_LABEL = "确认不是重复登记，仍然保存"
SHOWN = 3


def likely(record, fields, queryset) -> list:
    """Records of `queryset` whose `fields` equal the record's (the record itself excluded)."""
    opts = record._meta
    values = {opts.get_field(name).attname: getattr(record, opts.get_field(name).attname) for name in fields}
    found = queryset.filter(**values)
    if record.pk is not None:
        found = found.exclude(pk=record.pk)
    return list(found.order_by("-id")[:SHOWN])


def hold(form, record, fields, queryset, data, creating: bool) -> bool:
    """True when the save must wait: a likely duplicate exists and `data` (the POST) does not carry
    the confirmation. Adds the warning and the confirmation checkbox to the form. An edit that leaves
    the key fields as they were is not held (a confirmed duplicate is not asked about again)."""
    if not fields or data.get(CONFIRM):
        return False
    if not creating and not set(fields) & set(form.changed_data):
        return False
    found = likely(record, fields, queryset)
    if not found:
        return False
    labels = "、".join(str(record._meta.get_field(name).verbose_name) for name in fields)
    names = "、".join(f"“{r}”" for r in found)
    form.fields[CONFIRM] = forms.BooleanField(label=CONFIRM_LABEL, required=False)
    form.add_error(
        None, f"可能重复：已有{names}，{labels}相同。如确认不是重复登记，请勾选“{CONFIRM_LABEL}”后再次保存。"
    )
    return True
