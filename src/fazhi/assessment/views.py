"""Pages of the assessment. The county (依法治县办) runs and adjusts; a township reads its own
scorecard and submits evidence. Every township-level read goes through core.access."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from fazhi.assessment import services
from fazhi.assessment.models import Item, Scheme, Score
from fazhi.core.access import can_read, can_write, get_record
from fazhi.core.export import xlsx_response
from fazhi.core.tables import Column
from fazhi.core.text import clauses
from fazhi.core.workflow import Refused
from fazhi.indicators.county import render_records
from fazhi.indicators.registry import REGISTRY, format_value
from fazhi.org.models import Region


def visible_schemes(request):
    """Schemes of the counties the user supervises, and of the county of the township they work in."""
    counties = services.supervised_counties(request.user)
    if request.township is not None and can_read(request.user, request.township):
        counties.add(request.township.parent_id)
    return Scheme.objects.filter(county_id__in=counties).select_related("county")


class SchemeMixin(LoginRequiredMixin):
    def scheme(self):
        scheme = get_object_or_404(visible_schemes(self.request), pk=self.kwargs["pk"])
        self.is_county = scheme.county_id in services.supervised_counties(self.request.user)
        return scheme

    def county_only(self, scheme):
        if not self.is_county:
            raise PermissionDenied("只有县级依法治县办可以查看全县考核结果。")

    def township_of(self, scheme, pk):
        township = get_object_or_404(Region.objects.townships(), pk=pk, parent=scheme.county)
        if not can_read(self.request.user, township):
            raise Http404("没有这个乡镇")
        return township


class SchemeListView(LoginRequiredMixin, TemplateView):
    template_name = "assessment/scheme_list.html"

    def get_context_data(self, **kwargs):
        counties = Region.objects.filter(pk__in=services.supervised_counties(self.request.user))
        return super().get_context_data(
            title="法治建设考核", schemes=visible_schemes(self.request), counties=counties, **kwargs
        )

    def post(self, request):
        county = get_object_or_404(Region, pk=request.POST.get("county", 0) or 0)
        year = request.POST.get("year", "")
        try:
            services.require_county(request.user, county)
            if not (year.isdigit() and 2000 <= int(year) <= 2100):
                raise Refused("请填写正确的考核年度。")
            if Scheme.objects.filter(county=county, year=int(year)).exists():
                raise Refused(f"{county}{year}年度已有考核方案。")
            scheme = services.create_default(county, int(year), request.user)
        except Refused as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(reverse("assessment:scheme_list"))
        messages.success(request, f"已按默认指标创建{scheme}。")
        return HttpResponseRedirect(scheme.get_absolute_url())


class SchemeDetailView(SchemeMixin, TemplateView):
    template_name = "assessment/scheme_detail.html"

    def get_context_data(self, **kwargs):
        scheme = self.scheme()
        own = None
        if not self.is_county and self.request.township is not None:
            own = self.request.township
        return super().get_context_data(
            title=str(scheme),
            scheme=scheme,
            items=scheme.items.order_by("order", "id"),
            registry=REGISTRY,
            problems=services.check(scheme),
            is_county=self.is_county,
            own=own,
            **kwargs,
        )


class SchemeActionView(SchemeMixin, View):
    """POST: run (计分) or copy (复制到下一年度)."""

    def post(self, request, pk, action):
        scheme = self.scheme()
        try:
            if action == "run":
                count = services.run(scheme, request.user)
                messages.success(request, f"已完成{scheme}计分：{count}项得分。")
                return HttpResponseRedirect(reverse("assessment:results", args=[scheme.pk]))
            if action == "copy":
                copy = services.copy_to_year(scheme, scheme.year + 1, request.user)
                messages.success(request, f"已复制为{copy}。")
                return HttpResponseRedirect(copy.get_absolute_url())
        except Refused as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(scheme.get_absolute_url())
        raise Http404


def result_columns(scheme):
    tops = list(scheme.items.filter(parent=None).order_by("order", "id"))
    columns = [Column("名次", lambda r: r["rank"]), Column("乡镇(街道)", lambda r: r["township"].name)]
    columns += [
        Column(f"{t.number}.{t.title}（{format_value(t.weight)}分）", lambda r, i=i: float(r["parts"][i]))
        for i, t in enumerate(tops)
    ]
    columns += [
        Column("总分", lambda r: float(r["total"])),
        Column("待评分项", lambda r: r["pending"]),
        Column("佐证材料(份)", lambda r: r["evidence"]),
    ]
    return tops, columns


class ResultsView(SchemeMixin, TemplateView):
    template_name = "assessment/results.html"

    def get(self, request, *args, **kwargs):
        scheme = self.scheme()
        if not self.is_county:
            if request.township is None:
                raise PermissionDenied("您的账号尚未分配乡镇。")
            return HttpResponseRedirect(
                reverse("assessment:scorecard", args=[scheme.pk, request.township.pk])
            )
        townships = services.townships_of(scheme.county)
        rows = services.results(scheme, townships)
        tops, columns = result_columns(scheme)
        if request.GET.get("export") == "xlsx":
            return xlsx_response(f"{scheme.year}年度考核结果", columns, rows)
        chart = {
            "names": [r["township"].name for r in rows],
            "totals": [float(r["total"]) for r in rows],
            "axes": [{"name": t.title, "max": float(t.weight)} for t in tops],
            "parts": {r["township"].name: [float(p) for p in r["parts"]] for r in rows},
        }
        context = self.get_context_data(
            title=f"{scheme}结果", scheme=scheme, rows=rows, tops=tops, chart=chart, **kwargs
        )
        return self.render_to_response(context)


class ScorecardView(SchemeMixin, TemplateView):
    """One township's scores: each leaf with its figure, target, rule, explanation and records."""

    template_name = "assessment/scorecard.html"

    def get_context_data(self, **kwargs):
        scheme = self.scheme()
        township = self.township_of(scheme, self.kwargs["township"])
        scores = {
            s.item_id: s
            for s in Score.objects.filter(scheme=scheme, township=township).prefetch_related("evidence")
        }
        attach_files(scores.values())
        items = list(scheme.items.order_by("order", "id"))
        parents = {i.parent_id for i in items}
        rows = [(i, i.pk not in parents, scores.get(i.pk), REGISTRY.get(i.indicator)) for i in items]
        total = sum((s.score for s in scores.values() if s.score is not None), Decimal(0))
        return super().get_context_data(
            title=f"{township.name} · {scheme}",
            scheme=scheme,
            township=township,
            rows=rows,
            total=total,
            registry=REGISTRY,
            is_county=self.is_county,
            evidence_open=services.evidence_open(scheme),
            can_submit=can_write(self.request.user, township, ()) and not self.is_county,
        )


def attach_files(scores) -> None:
    """Each evidence's files (core.Attachment), in one query for the whole card."""
    from django.contrib.contenttypes.models import ContentType

    from fazhi.assessment.models import Evidence
    from fazhi.core.models import Attachment

    evidence = {e.pk: e for s in scores for e in s.evidence.all()}
    for e in evidence.values():
        e.files = []
    files = Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(Evidence), object_id__in=list(evidence)
    )
    for f in files:
        evidence[f.object_id].files.append(f)


class ItemRecordsView(SchemeMixin, TemplateView):
    """The records behind one automatic score (the figure's records for that township and year)."""

    template_name = "indicators/records.html"

    def get(self, request, *args, **kwargs):
        scheme = self.scheme()
        township = self.township_of(scheme, kwargs["township"])
        item = get_object_or_404(Item, scheme=scheme, pk=kwargs["item"], method=Item.Method.AUTO)
        indicator = REGISTRY.get(item.indicator)
        if indicator is None:
            raise Http404("没有这个指标")
        title = f"{township.name} · {item.number} {item.title}：{indicator.name}的记录"
        return render_records(self, request, indicator, township, scheme.year, title)


class ScoreActionView(LoginRequiredMixin, View):
    """POST: adjust (county) or evidence (township)."""

    def post(self, request, pk, action):
        score = get_record(
            request, Score, pk, queryset=Score.objects.select_related("scheme__county", "item", "township")
        )
        try:
            if action == "adjust":
                try:
                    value = Decimal(request.POST.get("score", ""))
                except InvalidOperation:
                    raise Refused("请填写得分（数字）。") from None
                version = int(request.POST.get("version", "0") or 0)
                services.adjust(score, request.user, value, request.POST.get("reason", ""), version)
                messages.success(request, f"已调整{score.item.number}得分。")
            elif action == "evidence":
                services.submit_evidence(
                    score,
                    request.user,
                    request.POST.get("note", ""),
                    request.FILES.getlist("files"),
                    request.POST.get("links", ""),
                )
                messages.success(request, f"已提交{score.item.number}的佐证材料。")
            else:
                raise Http404
        except Refused as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:  # a rejected upload (type, size) carries Chinese messages
            messages.error(request, "上传失败：" + clauses(exc.messages))
        return HttpResponseRedirect(
            reverse("assessment:scorecard", args=[score.scheme_id, score.township_id])
            + f"#item-{score.item_id}"
        )


class NoticeView(SchemeMixin, View):
    """The 考核结果通报 as .docx in 公文 format."""

    def get(self, request, pk):
        from urllib.parse import quote

        from fazhi.assessment.notice import notice_docx

        scheme = self.scheme()
        self.county_only(scheme)
        rows = services.results(scheme, services.townships_of(scheme.county))
        response = HttpResponse(
            notice_docx(scheme, rows),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        filename = f"{scheme.county.name}{scheme.year}年度法治建设考核结果通报.docx"
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
        return response
