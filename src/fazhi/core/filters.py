"""List filters: a FilterSet per ledger from its field names, and their <select>s drawn directly."""

import django_filters
from django import forms
from django.db import models
from django.utils.html import format_html, format_html_join


class AllYesNo(forms.NullBooleanSelect):
    """A yes/no filter offers 全部/是/否: Django's own first choice, 未知 (unknown), reads as a value
    the record could have rather than "do not filter"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", "全部"), ("true", "是"), ("false", "否")]

    def format_value(self, value):
        # One selected value as a list: the parent's bare string would match "" as a substring.
        return [{True: "true", False: "false", "true": "true", "false": "false"}.get(value, "")]


class LedgerFilterSet(django_filters.FilterSet):
    FILTER_DEFAULTS = {
        **django_filters.FilterSet.FILTER_DEFAULTS,
        models.BooleanField: {
            "filter_class": django_filters.BooleanFilter,
            "extra": lambda f: {"widget": AllYesNo},
        },
    }


def filterset_for(model, fields):
    meta = type("Meta", (), {"model": model, "fields": list(fields)})
    return type(f"{model.__name__}FilterSet", (LedgerFilterSet,), {"Meta": meta})


def filter_control(field) -> str:
    """A filter's <select>, written here rather than by Django's widget templates, which render every
    option through an include: a quarter of a list page's time. Other widgets render as usual."""
    widget = field.field.widget
    if not isinstance(widget, forms.Select) or widget.allow_multiple_selected:
        return str(field)
    groups = widget.optgroups(field.html_name, widget.format_value(field.value()))
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            ("" if o["value"] is None else o["value"], " selected" if o["selected"] else "", o["label"])
            for _, group, _ in groups
            for o in group
        ),
    )
    return format_html(
        '<select name="{}" id="{}" class="form-select form-select-sm">{}</select>',
        field.html_name,
        field.auto_id,
        options,
    )
