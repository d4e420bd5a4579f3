"""Both sides of a rate in its drill-down: the denominator's records, each marked whether the
numerator counts it (an on-time rate's late reviews), and any numerator record the denominator does
not hold (counted by another date). Read from the registry's numerator/denominator, for every rate."""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.html import format_html

from fazhi.core.tables import Column

SIDES = {"": "全部", "in": "计入分子", "out": "未计入"}


def records(indicator, scope):
    """The union of both sides, annotated `counted` (in the numerator) and `in_denominator`."""
    den, num = indicator.sides(scope)
    both = den.model.objects.filter(Q(pk__in=den.values("pk")) | Q(pk__in=num.values("pk")))
    return both.annotate(
        counted=Exists(num.filter(pk=OuterRef("pk"))),
        in_denominator=Exists(den.filter(pk=OuterRef("pk"))),
    )


def chosen(records, side: str):
    if side == "in":
        return records.filter(counted=True)
    if side == "out":
        return records.filter(counted=False, in_denominator=True)
    return records


def counts(records) -> dict:
    return records.aggregate(
        denominator=Count("pk", filter=Q(in_denominator=True)),
        numerator=Count("pk", filter=Q(counted=True)),
        left_out=Count("pk", filter=Q(counted=False, in_denominator=True)),
    )


def _label(record) -> str:
    if not record.counted:
        return "未计入"
    return "计入分子" if record.in_denominator else "计入分子（不在分母）"


def columns(indicator, numerator_name: str) -> tuple[Column, Column]:
    """(page column with a badge, export column with 是/否)."""
    styles = {"未计入": "text-bg-warning", "计入分子": "text-bg-success"}

    def badge(record):
        label = _label(record)
        hint = f"未计入「{numerator_name}」" if label == "未计入" else f"计入「{numerator_name}」"
        return format_html(
            '<span class="badge {}" title="{}">{}</span>', styles.get(label, "text-bg-info"), hint, label
        )

    return Column("分子", badge), Column("是否计入分子", lambda r: r.counted)
