import datetime as dt

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone
from django.views.generic import TemplateView

from fazhi.core import freshness
from fazhi.core.board import SOON, urgent_counts, visible_entries
from fazhi.core.export import xlsx_response
from fazhi.core.tables import Column, rows_html
from fazhi.indicators.registry import REGISTRY, Scope, compute_all, format_value

SECTION_LABELS = {
    "org": "组织机构",
    "decisions": "依法决策",
    "reviews": "合法性审查",
    "documents": "规范性文件与合同",
    "enforcement": "行政执法",
    "disputes": "矛盾纠纷化解",
    "petitions": "信访与热线",
    "litigation": "复议诉讼与风险",
    "education": "普法与学法",
    "services": "法律服务与政务公开",
    "accountability": "第一责任人",
}


def requested_year(request) -> int:
    year = request.GET.get("year", "")
    return int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else timezone.localdate().year


class TownshipPage(LoginRequiredMixin, TemplateView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.township is None:
            raise PermissionDenied("您的账号尚未分配乡镇，请联系管理员。")
        return super().dispatch(request, *args, **kwargs)


def grouped(figures):
    sections: dict[str, list] = {}
    for figure in figures:
        indicator = REGISTRY[figure["code"]]
        figure["display"] = format_value(figure["value"])
        sections.setdefault(SECTION_LABELS.get(indicator.section, indicator.section or "其他"), []).append(
            figure
        )
    return sections


class DashboardView(TownshipPage):
    template_name = "indicators/dashboard.html"

    def get_context_data(self, **kwargs):
        year = requested_year(self.request)
        codes = [code for code, ind in REGISTRY.items() if ind.dashboard]
        today = timezone.localdate()
        figures = freshness.cached(
            f"dashboard:{year}",
            self.request.township,
            today,
            lambda: compute_all(Scope(self.request.township, year), codes),
        )
        entries = visible_entries(self.request.township, today)
        urgent = entries.filter(due_on__lte=today + dt.timedelta(days=SOON))[:8]
        return super().get_context_data(
            title="工作台",
            year=year,
            sections=grouped(figures),
            urgent=[(entry, entry.state(today), entry.days_left(today)) for entry in urgent],
            **urgent_counts(entries, today),
            **kwargs,
        )


class IndicatorListView(TownshipPage):
    template_name = "indicators/list.html"

    def get_context_data(self, **kwargs):
        year = requested_year(self.request)
        figures = compute_all(Scope(self.request.township, year))
        return super().get_context_data(title="指标", year=year, sections=grouped(figures), **kwargs)


class IndicatorRecordsView(TownshipPage):
    """The records behind a figure (drill-down)."""

    template_name = "indicators/records.html"

    def get(self, request, *args, **kwargs):
        indicator = REGISTRY.get(kwargs["code"])
        if indicator is None:
            raise Http404("没有这个指标")
        year = requested_year(request)
        scope = Scope(request.township, year)
        records = indicator.records(scope).order_by("-pk")
        columns = [Column("记录", str, link=True)]
        if indicator.date_field:
            columns.append(Column("日期", indicator.date_field.replace("__", ".")))
        if request.GET.get("export") == "xlsx":
            return xlsx_response(indicator.name, columns, records)
        page = Paginator(records, 50).get_page(request.GET.get("page"))
        context = self.get_context_data(
            title=f"{indicator.name}的记录",
            indicator=indicator,
            value=format_value(indicator.value(scope)),
            year=year,
            page=page,
            rows=rows_html(page.object_list, columns),
            columns=columns,
        )
        return self.render_to_response(context)
