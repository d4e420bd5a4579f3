"""The townships' annual reports 《法治政府建设情况报告》 on the portal, once 公开 (the regulations ask for
publication by 1 April): by year, each as an HTML page and a PDF, both from the report app's own
rendering. A report in any other state does not exist here (404), whoever asks."""

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe

from fazhi.core import freshness
from fazhi.core.ratelimit import allow
from fazhi.reports import render as renderer
from fazhi.reports import services
from fazhi.reports.models import AnnualReport


def published():
    return AnnualReport.objects.filter(state=AnnualReport.State.PUBLISHED).select_related("township")


def _report(pk) -> AnnualReport:
    report = get_object_or_404(published(), pk=pk)
    if report.current is None:
        raise Http404("报告尚无内容")
    return report


def report_list(request):
    by_year: dict[int, list] = {}
    for report in published().order_by("-year", "township__name"):
        by_year.setdefault(report.year, []).append(report)
    return render(
        request, "portal/reports.html", {"title": "法治政府建设年度报告", "years": list(by_year.items())}
    )


def report_page(request, pk):
    report = _report(pk)
    document = services.to_document(report)
    return render(
        request,
        "portal/report.html",
        # render_html escapes every block's text; the fragment carries its own style.
        {"title": str(report), "report": report, "document": mark_safe(renderer.render_html(document))},
    )


def report_pdf(request, pk):
    report = _report(pk)
    version = report.current
    # LibreOffice takes seconds per conversion: one per version and state of the township's data
    # (the figures in the text are read from the ledgers), and a public client may ask for few.
    key = f"fazhi:portal:report_pdf:{report.pk}:{version.number}:"
    key += ".".join(map(str, freshness.versions(report.township_id)))
    data = cache.get(key)
    if data is None and allow(request, "report_pdf", limit=6, window=60):
        try:
            data = renderer.render_pdf(services.to_document(report, version))
            cache.set(key, data, freshness.TIMEOUT)
        except RuntimeError:
            data = None
    if data is None:
        messages.error(request, "PDF暂时无法生成，请稍后再试，或阅读网页版。")
        return redirect("portal:report", pk=report.pk)
    response = HttpResponse(data, content_type="application/pdf")
    filename = f"{report.township.name}{report.year}年度法治政府建设情况报告.pdf"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
