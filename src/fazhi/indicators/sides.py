"""Both sides of a rate in its drill-down: the denominator's records, each marked whether the
numerator counts it (an on-time rate's late reviews), and any numerator record the denominator does
not hold (counted by another date). Read from the registry's numerator/denominator, for every rate."""

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.html import format_html

from fazhi.core.export import xlsx_response
from fazhi.core.tables import Column, rows_html
from fazhi.indicators.registry import REGISTRY, format_value

SIDES = {"": "全部", "in": "计入分子", "out": "未计入"}


def records_of(indicator, scope):
    """A figure's records; for a rate the union of both sides, annotated `counted` (in the
    numerator) and `in_denominator`."""
    if indicator.kind != "rate":
        return indicator.records(scope)
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


def columns_of(indicator) -> tuple[Column, Column]:
    """(page column with a badge, export column with 是/否)."""
    numerator_name = REGISTRY[indicator.numerator].name
    styles = {"未计入": "text-bg-warning", "计入分子": "text-bg-success"}

    def badge(record):
        label = _label(record)
        hint = f"未计入「{numerator_name}」" if label == "未计入" else f"计入「{numerator_name}」"
        return format_html(
            '<span class="badge {}" title="{}">{}</span>', styles.get(label, "text-bg-info"), hint, label
        )

    return Column("分子", badge), Column("是否计入分子", lambda r: r.counted)


def render_records(view, request, indicator, scope, title, narrow=None, first=None):
    """The records behind one figure (a page, or its Excel): every drill-down, the township's, the
    county comparison's and the assessment's. `narrow` confines the records to what the user reads;
    `first` is the title column (masked where the page leaves the case file)."""
    rate = indicator.kind == "rate"
    records = records_of(indicator, scope)
    records = (narrow(records) if narrow else records).order_by("-pk")
    columns = [first or Column("记录", str, link=True)]
    date_field = REGISTRY[indicator.denominator].date_field if rate else indicator.date_field
    if date_field:
        columns.append(Column("日期", date_field.replace("__", ".")))
    extra = {}
    if rate:
        side = request.GET.get("side", "")
        badge, counted = columns_of(indicator)
        extra = {
            "numerator": REGISTRY[indicator.numerator],
            "denominator": REGISTRY[indicator.denominator],
            "counts": counts(records),
            "sides": SIDES,
            "side": side if side in SIDES else "",
        }
        records = chosen(records, side)
        if request.GET.get("export") == "xlsx":
            return xlsx_response(indicator.name, [*columns, counted], records)
        columns.append(badge)
    if request.GET.get("export") == "xlsx":
        return xlsx_response(indicator.name, columns, records)
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    context = view.get_context_data(
        title=title,
        indicator=indicator,
        value=format_value(indicator.value(scope)),
        year=scope.year,
        page=page,
        rows=rows_html(page.object_list, columns),
        columns=columns,
        **extra,
    )
    return view.render_to_response(context)
