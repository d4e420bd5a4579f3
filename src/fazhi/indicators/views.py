import datetime as dt

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.views.generic import TemplateView

from fazhi.core import freshness
from fazhi.core.access import access_for
from fazhi.core.access import scope as access_scope
from fazhi.core.board import SOON, urgent_counts, visible_entries
from fazhi.core.masking import masked_title
from fazhi.core.pagecache import CachedPage
from fazhi.core.roles import Role
from fazhi.core.tables import Column
from fazhi.indicators import sides
from fazhi.indicators.registry import REGISTRY, Scope, compute_all, format_value
from fazhi.org.models import Region

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


def visible_records(records, user, township):
    """A figure's records as the ledger lists show them: a village cadre's village only, an advisor's
    own assigned work only."""
    fields = {f.name for f in records.model._meta.fields}
    access = access_for(user)
    if "township" in fields:
        records = access_scope(records, user, township)
    else:
        villages = access.village_only(township.id)
        if villages is not None and "village" in fields:
            records = records.filter(village_id__in=villages)
    if access.roles_in(township.id) == {Role.ADVISOR} and "advisor" in fields:
        records = records.filter(advisor__user=user)
    return records


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


class DashboardView(CachedPage, TownshipPage):
    template_name = "indicators/dashboard.html"

    def get_template_names(self):
        from fazhi.core import dashboards

        kind = dashboards.kind(self.request)
        if kind == "village":
            return ["core/dashboard_village.html"]
        if kind == "advisor":
            return ["core/dashboard_advisor.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        from fazhi.core import dashboards

        today = timezone.localdate()
        kind = dashboards.kind(self.request)
        # The village cadre's and the advisor's pages show their own items, not township figures.
        if kind == "village":
            return super().get_context_data(title="工作台", **dashboards.village_context(self.request, today))
        if kind == "advisor":
            return super().get_context_data(title="工作台", **dashboards.advisor_context(self.request, today))
        if kind == "leader":
            kwargs["awaiting"] = dashboards.awaiting_signature(self.request)
        year = requested_year(self.request)
        codes = [code for code, ind in REGISTRY.items() if ind.dashboard]
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
            urgent=[(entry, entry.state(today), entry.remaining(today)) for entry in urgent],
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
        villages = access_for(request.user).village_only(request.township.id)
        village = Region.objects.get(pk=min(villages)) if villages and len(villages) == 1 else None
        scope = Scope(request.township, year, village)
        return sides.render_records(
            self,
            request,
            indicator,
            scope,
            f"{indicator.name}的记录",
            narrow=lambda records: visible_records(records, request.user, request.township),
            # The drill-down leaves the case file: titles carry parties' names (`…（刘桂芳）`), masked here.
            first=Column("记录", masked_title, link=True),
        )
