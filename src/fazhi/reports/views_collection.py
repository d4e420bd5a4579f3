"""The county's report-collection page: townships × report state, receipt/return, .zip, key figures."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from fazhi.assessment.services import supervised_counties, townships_of
from fazhi.core.export import xlsx_response
from fazhi.core.tables import Column
from fazhi.core.workflow import Refused
from fazhi.indicators.county import figure_values
from fazhi.indicators.registry import REGISTRY, format_value
from fazhi.indicators.views import requested_year
from fazhi.org.models import Region
from fazhi.reports import collection, rules
from fazhi.reports.submissions import Submission


def supervised_county(request):
    counties = supervised_counties(request.user)
    wanted = request.GET.get("county") or request.POST.get("county") or ""
    if wanted.isdigit() and int(wanted) in counties:
        return Region.objects.get(pk=int(wanted))
    if request.township is not None and request.township.parent_id in counties:
        return request.township.parent
    if counties:
        return Region.objects.filter(pk__in=counties).order_by("code").first()
    raise PermissionDenied("只有县级依法治县办可以查看全县报告报送情况。")


class CollectionView(LoginRequiredMixin, TemplateView):
    template_name = "reports/collection.html"

    def get(self, request, *args, **kwargs):
        county = supervised_county(request)
        year = requested_year(request)
        if "year" not in request.GET:
            year -= 1  # in the collection season the county collects last year's reports
        townships = townships_of(county)
        rows = collection.county_rows(townships, year)
        if request.GET.get("export") == "zip":
            response = HttpResponse(collection.zip_bytes(rows, year), content_type="application/zip")
            name = f"{county.name}{year}年度乡镇法治政府建设情况报告.zip"
            response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
            return response
        values = figure_values(collection.KEY_FIGURES, townships, year)
        indicators = [REGISTRY[c] for c in collection.KEY_FIGURES]
        if request.GET.get("export") == "xlsx":
            columns = [Column("乡镇(街道)", "name")] + [
                Column(f"{i.name}（{i.unit}）", lambda t, c=i.code: _number(values[c][t.id]))
                for i in indicators
            ]
            return xlsx_response(f"{county.name}{year}年度各乡镇主要指标", columns, townships)
        figures = [(t, [format_value(values[i.code][t.id]) for i in indicators]) for t in townships]
        context = self.get_context_data(
            title=f"{county.name}{year}年度报告报送情况",
            county=county,
            year=year,
            rows=rows,
            rule=rules.SUBMIT,
            due=rules.submit_due(year).date,
            indicators=indicators,
            figures=figures,
        )
        return self.render_to_response(context)


def _number(value):
    return None if value is None else float(value)


class SubmissionActionView(LoginRequiredMixin, View):
    def post(self, request, pk, action):
        submission = get_object_or_404(Submission.objects.select_related("township__parent", "report"), pk=pk)
        if submission.township.parent_id not in supervised_counties(request.user):
            raise PermissionDenied("只有县级依法治县办可以签收或退回报告。")
        try:
            if action == "receive":
                collection.receive(submission, request.user, request.POST.get("comment", ""))
                messages.success(request, f"已签收{submission.township.name}的报告。")
            elif action == "return":
                collection.return_(submission, request.user, request.POST.get("comment", ""))
                messages.success(request, f"已退回{submission.township.name}的报告。")
            else:
                raise PermissionDenied
        except Refused as exc:
            messages.error(request, str(exc))
        url = (
            reverse("reports:collection")
            + f"?year={submission.report.year}&county={submission.township.parent_id}"
        )
        return HttpResponseRedirect(url)
