"""The county's pages: every township side by side on every registry figure (this year and last),
each cell opening the township's records; and the county-wide deadline board."""

import datetime as dt

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import TemplateView

from fazhi.core.access import access_for, can_read
from fazhi.core.board import SOON
from fazhi.core.export import xlsx_response
from fazhi.core.tables import Column
from fazhi.indicators import sides
from fazhi.indicators.registry import REGISTRY, Scope, format_value
from fazhi.indicators.views import SECTION_LABELS, requested_year


def county_townships(request):
    """The county of the township the user works in, and its townships the user may read."""
    from fazhi.org.models import Region

    if request.township is None:
        raise PermissionDenied("您的账号尚未分配乡镇，请联系管理员。")
    county = request.township.parent
    readable = access_for(request.user).readable
    townships = list(
        Region.objects.townships().filter(parent=county, pk__in=readable).order_by("code", "name")
    )
    return county, townships


def figure_values(codes, townships, year) -> dict:
    """{code: {township id: value}}: one query per figure for the whole county where the figure allows."""
    from fazhi.assessment.compute import batchable, county_values

    shared: dict = {}
    batched = [c for c in codes if batchable(c)]
    values = county_values(batched, townships, year, shared)
    for code in codes:
        if code not in values:
            values[code] = REGISTRY[code].values_by_township(townships, year, shared)
    return values


class CountyComparisonView(LoginRequiredMixin, TemplateView):
    template_name = "indicators/compare.html"

    def get(self, request, *args, **kwargs):
        year = requested_year(request)
        county, townships = county_townships(request)
        sections = list(dict.fromkeys(ind.section for ind in REGISTRY.values()))
        section = request.GET.get("section", "")
        if section == "dashboard" or section not in sections + ["all"]:
            section = "dashboard"
        codes = [
            code
            for code, ind in REGISTRY.items()
            if section == "all" or ind.section == section or (section == "dashboard" and ind.dashboard)
        ]
        chosen = (
            request.GET.get("code") if request.GET.get("code") in codes else (codes[0] if codes else None)
        )
        yoy = request.GET.get("yoy") == "1"
        now = figure_values(codes, townships, year)
        before = figure_values(codes, townships, year - 1) if yoy else {}
        if request.GET.get("export") == "xlsx":
            columns = [Column("乡镇(街道)", "name")]
            for code in codes:
                ind = REGISTRY[code]
                columns.append(
                    Column(f"{ind.name}（{ind.unit}）{year}", lambda t, c=code: _number(now[c][t.id]))
                )
                if yoy:
                    columns.append(
                        Column(f"{ind.name}{year - 1}", lambda t, c=code: _number(before[c][t.id]))
                    )
            return xlsx_response(f"{county.name}{year}年度各乡镇指标比较", columns, townships)
        table = [
            (
                township,
                [
                    (
                        code,
                        format_value(now[code][township.id]),
                        format_value(before[code][township.id]) if yoy else None,
                    )
                    for code in codes
                ],
            )
            for township in townships
        ]
        chart = [{"name": t.name, "value": float(now[chosen][t.id] or 0) if chosen else 0} for t in townships]
        context = self.get_context_data(
            title=f"{county.name}各乡镇比较",
            county=county,
            year=year,
            indicators=[REGISTRY[c] for c in codes],
            table=table,
            chosen=REGISTRY.get(chosen),
            chart=chart,
            section=section,
            sections=[
                ("dashboard", "工作台指标"),
                *[(s, SECTION_LABELS.get(s, s or "其他")) for s in sections],
                ("all", "全部指标"),
            ],
            yoy=yoy,
        )
        return self.render_to_response(context)


def _number(value):
    return None if value is None else float(value)


class TownshipRecordsView(LoginRequiredMixin, TemplateView):
    """A comparison cell: the records behind one figure of one township of the county."""

    template_name = "indicators/records.html"

    def get(self, request, code, township):
        from fazhi.org.models import Region

        indicator = REGISTRY.get(code)
        if indicator is None:
            raise Http404("没有这个指标")
        town = get_object_or_404(Region.objects.townships(), pk=township)
        if not can_read(request.user, town):
            raise Http404("没有这个乡镇")
        return render_records(
            self, request, indicator, town, requested_year(request), f"{town.name} · {indicator.name}的记录"
        )


def render_records(view, request, indicator, township, year, title):
    """The records behind one figure of one township (a page, or its Excel)."""
    return sides.render_records(view, request, indicator, Scope(township, year), title)


class CountyBoardView(LoginRequiredMixin, TemplateView):
    """Overdue and due-soon deadlines per township of the county; a township's row opens its items."""

    template_name = "indicators/county_board.html"

    def get(self, request, *args, **kwargs):
        from fazhi.core.models import BoardEntry

        county, townships = county_townships(request)
        today = timezone.localdate()
        ids = [t.id for t in townships]
        entries = BoardEntry.objects.filter(township_id__in=ids).filter(
            Q(shown_from__isnull=True) | Q(shown_from__lte=today),
            Q(hidden_after__isnull=True) | Q(hidden_after__gte=today),
        )
        soon_until = today + dt.timedelta(days=SOON)
        counts = {
            row["township_id"]: row
            for row in entries.order_by()
            .values("township_id")
            .annotate(
                overdue=Count("pk", filter=Q(due_on__lt=today)),
                soon=Count("pk", filter=Q(due_on__gte=today, due_on__lte=soon_until)),
                open=Count("pk"),
            )
        }
        summary = [(t, counts.get(t.id, {"overdue": 0, "soon": 0, "open": 0})) for t in townships]
        chosen = next((t for t in townships if str(t.id) == request.GET.get("township")), None)
        items = entries.filter(due_on__lte=soon_until).select_related("township")
        if chosen:
            items = items.filter(township=chosen)
        if request.GET.get("export") == "xlsx":
            columns = [
                Column("乡镇(街道)", "township.name"),
                Column("事项", "title"),
                Column("办理部门", "office"),
                Column("到期日", "due_on"),
                Column("剩余", lambda e: str(e.remaining(today))),
                Column("计算依据", "basis"),
            ]
            return xlsx_response(f"{county.name}期限看板", columns, items.iterator())
        page = Paginator(items, 50).get_page(request.GET.get("page"))
        context = self.get_context_data(
            title=f"{county.name}期限看板",
            summary=summary,
            chosen=chosen,
            rows=[(e, e.state(today), e.remaining(today)) for e in page.object_list],
            page=page,
            window=SOON,
        )
        return self.render_to_response(context)


def open_entry(request, pk):
    """Opens a board item of any township of the county: the county user's current township becomes
    the item's (pages are scoped to it), then the item's own page. The URL is the stored one."""
    from django.http import HttpResponseRedirect

    from fazhi.core.middleware import TownshipMiddleware
    from fazhi.core.models import BoardEntry

    if not request.user.is_authenticated:
        raise PermissionDenied
    entry = get_object_or_404(BoardEntry.objects.select_related("township"), pk=pk)
    if not can_read(request.user, entry.township):
        raise Http404("没有这个事项")
    request.session[TownshipMiddleware.SESSION_KEY] = entry.township_id
    return HttpResponseRedirect(entry.url or "/")
