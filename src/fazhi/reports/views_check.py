"""The upload check: a report file is parsed, shown, and its figures kept as a baseline (reports.ledgers)."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from fazhi.core.access import can_write
from fazhi.core.views import TownshipMixin
from fazhi.core.workflow import Refused
from fazhi.indicators.registry import REGISTRY
from fazhi.reports import services
from fazhi.reports.forms import BaselineForm, CheckForm
from fazhi.reports.models import AnnualReport, Baseline

WRITE_ROLES = services.WRITE_ROLES


SESSION_KEY = "reports_last_check"


class CheckView(TownshipMixin, TemplateView):
    """Upload a report (.txt/.docx/.pdf): parts, figures and consistency checks, in Chinese."""

    model = AnnualReport
    write_roles = WRITE_ROLES
    template_name = "reports/check.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(title="报告检查（导入）", **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=CheckForm()))

    def post(self, request, *args, **kwargs):
        from fazhi.reports.extract import check_file

        form = CheckForm(request.POST, request.FILES)
        result = None
        if form.is_valid():
            upload = form.cleaned_data["file"]
            suffix = "." + upload.name.rsplit(".", 1)[-1].lower()
            with tempfile.TemporaryDirectory(prefix="fazhi-check-") as tmp:
                path = Path(tmp) / f"upload{suffix}"
                with path.open("wb") as out:
                    for chunk in upload.chunks():
                        out.write(chunk)
                try:
                    result = check_file(path)
                except Exception:  # any unreadable file: say so, never a 500
                    form.add_error("file", "无法读取该文件：文件可能已损坏、加密或不是有效的报告文档。")
        if result is not None:
            request.session[SESSION_KEY] = {"name": form.cleaned_data["file"].name, "result": result}
        return self.render_to_response(
            self.get_context_data(
                form=form,
                result=result,
                mapped=_mapped(result),
                baseline_form=BaselineForm(initial={"year": (result or {}).get("year")}),
                can_store=can_write(request.user, request.township, WRITE_ROLES),
            )
        )


def _mapped(result):
    if not result:
        return []
    return [
        (c, REGISTRY[c].name if c in REGISTRY else c, v)
        for c, v in services.figures_from_parsed(result).items()
    ]


class CheckBaselineView(TownshipMixin, View):
    """Store the last checked report's figures as a baseline of the township."""

    model = Baseline
    write_roles = WRITE_ROLES

    def post(self, request):
        last = request.session.get(SESSION_KEY)
        form = BaselineForm(request.POST)
        if not last:
            messages.error(request, "请先上传并检查一份报告。")
            return HttpResponseRedirect(reverse("reports:check"))
        if not form.is_valid():
            messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
            return HttpResponseRedirect(reverse("reports:check"))
        try:
            baseline = services.baseline_from_parsed(
                request.township, last["result"], request.user, form.cleaned_data["year"]
            )
        except Refused as exc:
            messages.error(request, f"未保存：{exc}")
            return HttpResponseRedirect(reverse("reports:check"))
        messages.success(
            request, f"已将《{last['name']}》中的{len(baseline.figures)}项数据保存为{baseline.year}年度基数。"
        )
        return HttpResponseRedirect(baseline.get_absolute_url())
