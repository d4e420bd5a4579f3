"""Pages of the annual report beside its generic ones (reports.ledgers): composing it, the editor
(per-paragraph htmx save), actions, versions and diff, downloads (the upload check: views_check)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views import View
from django.views.generic import TemplateView

from fazhi.core import deadlines
from fazhi.core.access import access_for, can_write
from fazhi.core.roles import Role
from fazhi.core.views import LedgerDetailView, TownshipMixin
from fazhi.core.workflow import Refused
from fazhi.indicators.registry import REGISTRY
from fazhi.reports import rules, services
from fazhi.reports.compose import tokens
from fazhi.reports.forms import BlockForm, NewReportForm
from fazhi.reports.models import AnnualReport
from fazhi.reports.workflows import EDITABLE_STATES, WORKFLOW

WRITE_ROLES = services.WRITE_ROLES
S = AnnualReport.State


def due_rows(report: AnnualReport, today=None):
    """The two statutory dates with how they were computed, the rule, and whether they are met/overdue."""
    today = today or timezone.localdate()
    rows = []
    for rule, due, done_on in (
        (rules.SUBMIT, rules.submit_due(report.year), report.submitted_on),
        (rules.PUBLISH, rules.publish_due(report.year), report.published_on),
    ):
        state = deadlines.status(due.date, done=bool(done_on), today=today)
        if done_on and done_on > due.date:
            state = "late"
        rows.append({"rule": rule, "due": due, "done_on": done_on, "state": state})
    return rows


class ReportCreate(TownshipMixin, TemplateView):
    model = AnnualReport
    write_roles = WRITE_ROLES
    template_name = "core/form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.township and not self.can_add():
            raise PermissionDenied("您没有在本乡镇编写年度报告的权限。")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = NewReportForm(initial={"year": timezone.localdate().year - 1})
        return self.render_to_response(self.get_context_data(form=form, title="生成年度报告"))

    def post(self, request, *args, **kwargs):
        form = NewReportForm(request.POST)
        if form.is_valid():
            try:
                report = services.create_report(request.township, form.cleaned_data["year"], request.user)
            except Refused as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"已根据台账生成{report.year}年度报告初稿。")
                return HttpResponseRedirect(report.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form, title="生成年度报告"))


def editor_context(view, **kwargs):
    """The report's page is its editor: the current version's paragraphs, the versions, the dates due,
    the signatures and the county's decisions on its submissions."""
    context = LedgerDetailView.get_context_data(view, **kwargs)
    report = view.object
    version = report.current
    baseline = services.baseline_for(report)
    editable = context["can_edit"] and report.state in EDITABLE_STATES
    editing = view.request.GET.get("edit", "")
    rows = services.editor_rows(report, version, baseline) if version else []
    roles = access_for(view.request.user).roles_in(report.township_id)
    context.update(
        version=version,
        versions=report.versions.select_related("created_by").order_by("-number"),
        rows=rows,
        editable=editable,
        editing=editing,
        block_form=_block_form(report, rows, editing) if editable and editing else None,
        baseline=baseline,
        dues=due_rows(report),
        can_sign=report.state == S.DISCUSSION and bool(roles & {Role.SECRETARY, Role.HEAD}),
        transitions=WORKFLOW.available(report, view.request.user),
        notices=sum(1 for r in rows if r["kind"] == "notice"),
        submissions=report.submissions.select_related("version", "decided_by"),
    )
    return context


def _block_form(report, rows, block_id):
    row = next((r for r in rows if r["id"] == block_id and r["kind"] != "notice"), None)
    if row is None:
        return None
    return {
        "row": row,
        "form": BlockForm(initial={"text": row["text"]}),
        "version": report.version,
        "legend": _legend(report, row["text"]),
    }


def _legend(report, text):
    values = services.values_for(report.township, report.year, [{"text": text}])
    return [
        (c, REGISTRY[c].name, values.get(c), REGISTRY[c].unit)
        for c in dict.fromkeys(tokens(text))
        if c in REGISTRY
    ]


class ReportAction(TownshipMixin, View):
    """POST actions on one report that go through services; refusals change nothing and say why."""

    model = AnnualReport
    write_roles = WRITE_ROLES

    def post(self, request, pk, action):
        report = get_object_or_404(self.scoped(), pk=pk)
        version = request.POST.get("_version", "")
        expected = int(version) if version.isdigit() else None
        try:
            if action == "sign":
                services.sign(report, request.user)
                done = "已签批。"
            elif action == "regenerate":
                services.regenerate(report, request.user, expected)
                done = "已根据最新台账重新生成，原版本已保留。"
            elif action == "baseline":
                if not can_write(request.user, report.township, WRITE_ROLES):
                    raise PermissionDenied("您没有在本乡镇修改年度报告的权限。")
                baseline = services.baseline_from_report(report, request.user)
                done = f"已将本报告的指标保存为{baseline.year}年度基数，供下一年度报告对比。"
            else:
                raise Http404
        except Refused as exc:
            messages.error(request, f"操作未执行：{exc}")
        else:
            messages.success(request, done)
        return HttpResponseRedirect(report.get_absolute_url())


class BlockView(TownshipMixin, View):
    """GET: the edit form of one paragraph (htmx partial); POST: save it (a new version) or delete it."""

    model = AnnualReport
    write_roles = WRITE_ROLES

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.template = "reports/_block.html"

    def report(self, pk):
        report = get_object_or_404(self.scoped(), pk=pk)
        if not can_write(self.request.user, report.township, self.write_roles):
            raise PermissionDenied("您没有在本乡镇修改年度报告的权限。")
        return report

    def render_block(self, report, block_id, form=None, error=""):
        rows = services.editor_rows(report, report.current, services.baseline_for(report))
        row = next((r for r in rows if r["id"] == block_id), None)
        if row is None:
            return HttpResponse('<div class="alert alert-warning">该段已删除。</div>')
        context = {"object": report, "row": row, "editable": True, "error": error}
        if form is not None:
            # Keep the version the user's text was based on: a stale form stays stale until reloaded.
            context["block_form"] = {
                "row": row,
                "form": form,
                "version": form.data.get("_version", ""),
                "legend": _legend(report, form.data.get("text") or row["text"]),
            }
        return render(self.request, self.template, context)

    def get(self, request, pk, block_id):
        report = self.report(pk)
        rows = services.editor_rows(report, report.current)
        block_form = _block_form(report, rows, block_id)
        if block_form is None:
            raise Http404("没有这一段")
        if not request.htmx:
            return HttpResponseRedirect(f"{report.get_absolute_url()}?edit={block_id}#blk-{block_id}")
        return render(
            request,
            self.template,
            {"object": report, "row": block_form["row"], "block_form": block_form, "editable": True},
        )

    def post(self, request, pk, block_id):
        report = self.report(pk)
        form = BlockForm(request.POST)
        error = ""
        if request.POST.get("delete"):
            try:
                services.delete_block(report, block_id, request.user, _int(request.POST.get("_version")))
            except Refused as exc:
                error = str(exc)
        elif form.is_valid():
            try:
                services.edit_block(
                    report, block_id, form.cleaned_data["text"], request.user, form.cleaned_data["_version"]
                )
            except Refused as exc:
                error = str(exc)
        else:
            error = "；".join(e for errors in form.errors.values() for e in errors)
        if not request.htmx:
            if error:
                messages.error(request, f"未保存：{error}")
            else:
                messages.success(request, "已保存为新版本。")
            return HttpResponseRedirect(f"{report.get_absolute_url()}#blk-{block_id}")
        report.refresh_from_db()
        if error:
            return self.render_block(report, block_id, form=form, error=error)
        response = self.render_block(report, block_id)
        response["HX-Trigger"] = "reportSaved"
        return response


def _int(value):
    return int(value) if str(value or "").isdigit() else None


class ReportDownload(TownshipMixin, View):
    model = AnnualReport
    TYPES = {
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf",
        "html": "text/html; charset=utf-8",
    }

    def get(self, request, pk, fmt):
        from fazhi.reports import render as renderer

        report = get_object_or_404(self.scoped(), pk=pk)
        if fmt not in self.TYPES or report.current is None:
            raise Http404
        number = request.GET.get("version", "")
        version = report.versions.filter(number=int(number)).first() if number.isdigit() else report.current
        if version is None:
            raise Http404("没有这个版本")
        doc = services.to_document(report, version)
        if fmt == "html":
            return HttpResponse(renderer.render_html(doc, full_page=True), content_type=self.TYPES[fmt])
        try:
            data = renderer.render_docx(doc) if fmt == "docx" else renderer.render_pdf(doc)
        except RuntimeError as exc:
            messages.error(request, f"生成PDF失败：{exc}")
            return HttpResponseRedirect(report.get_absolute_url())
        response = HttpResponse(data, content_type=self.TYPES[fmt])
        filename = (
            f"{report.township.name}{report.year}年度法治政府建设情况报告（第{version.number}版）.{fmt}"
        )
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response


class ReportDiff(TownshipMixin, TemplateView):
    model = AnnualReport
    template_name = "reports/diff.html"

    def get_context_data(self, **kwargs):
        report = get_object_or_404(self.scoped(), pk=self.kwargs["pk"])
        versions = {v.number: v for v in report.versions.select_related("created_by")}
        if not versions:
            raise Http404
        new_n = _int(self.request.GET.get("b")) or max(versions)
        old_n = _int(self.request.GET.get("a")) or max(new_n - 1, 1)
        if old_n not in versions or new_n not in versions:
            raise Http404("没有这个版本")
        old, new = versions[old_n], versions[new_n]
        return super().get_context_data(
            title=f"{report}：第{old_n}版与第{new_n}版的差异",
            object=report,
            old=old,
            new=new,
            lines=services.diff_versions(old, new),
            numbers=sorted(versions),
            **kwargs,
        )
