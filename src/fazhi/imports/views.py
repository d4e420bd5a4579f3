"""Import pages: a ledger's upload and template, the workbook upload, a batch's preview, its
column mapping, commit, progress and undo. Thin: the work is in `services`, run by `tasks`."""

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from fazhi.core.access import can_write, scope
from fazhi.core.export import XLSX
from fazhi.core.text import clauses
from fazhi.core.views import TownshipRequired
from fazhi.imports import services, tasks
from fazhi.imports.models import ImportBatch
from fazhi.imports.targets import targets

S = ImportBatch.State
PAGE = 100


def xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


class ImportMixin(TownshipRequired):
    def target(self):
        target = targets().get(self.kwargs["ledger"])
        if target is None:
            raise Http404
        if not can_write(self.request.user, self.request.township, target.write_roles):
            raise PermissionDenied("您没有在本乡镇导入此类记录的权限。")
        return target


class IndexView(ImportMixin, TemplateView):
    """Every ledger the user may import into, the workbook upload, and the township's imports."""

    template_name = "imports/index.html"

    def get_context_data(self, **kwargs):
        allowed = services.writable_targets(self.request.user, self.request.township)
        if not allowed:
            raise PermissionDenied("您没有在本乡镇导入记录的权限。")
        return super().get_context_data(
            title="Excel导入",
            ledgers=allowed.values(),
            batches=ImportBatch.objects.filter(township=self.request.township).select_related(
                "created_by", "committed_by"
            )[:50],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        return upload(request, ledger="")


class LedgerView(ImportMixin, TemplateView):
    template_name = "imports/ledger.html"

    def get_context_data(self, **kwargs):
        target = self.target()
        return super().get_context_data(
            title=f"从Excel导入{target.title}",
            target=target,
            list_url=_list_url(target),
            batches=[
                b
                for b in ImportBatch.objects.filter(township=self.request.township).select_related(
                    "created_by"
                )[:100]
                if target.label in b.ledgers
            ][:20],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        return upload(request, ledger=self.target().label)


def _list_url(target) -> str:
    opts = target.model._meta
    return reverse(f"{opts.app_label}:{opts.model_name}_list")


def upload(request, ledger: str):
    file = request.FILES.get("file")
    back = reverse("imports:ledger", args=[ledger]) if ledger else reverse("imports:index")
    if file is None:
        messages.error(request, "请选择要导入的文件。")
        return HttpResponseRedirect(back)
    try:
        batch = services.start(file, request.township, request.user, ledger)
    except ValidationError as exc:
        messages.error(request, "上传失败：" + clauses(exc.messages))
        return HttpResponseRedirect(back)
    tasks.check_batch.enqueue(batch.pk)
    return HttpResponseRedirect(reverse("imports:batch", args=[batch.pk]))


class TemplateDownload(ImportMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        target = self.target()
        data = target.importer().template_bytes(target.title, lists=target.lists(request.township))
        return xlsx(data, f"{target.title}导入模板.xlsx")


class ExportDownload(ImportMixin, TemplateView):
    """The township's records in the template's shape: what imports back unchanged."""

    def get(self, request, *args, **kwargs):
        target = self.target()
        records = scope(target.model.objects.all(), request.user, request.township).order_by("pk")
        rows = (target.cells(r) for r in records.iterator(chunk_size=2000))
        data = target.importer().template_bytes(target.title, rows=rows)
        return xlsx(data, f"{target.title}.xlsx")


class BatchMixin(ImportMixin):
    def batch(self) -> ImportBatch:
        batch = get_object_or_404(ImportBatch, pk=self.kwargs["pk"], township=self.request.township)
        for ledger in batch.ledgers:
            target = targets().get(ledger)
            if target is None or not can_write(self.request.user, batch.township, target.write_roles):
                raise PermissionDenied("您没有在本乡镇导入此类记录的权限。")
        return batch


class BatchView(BatchMixin, TemplateView):
    template_name = "imports/batch.html"

    def get_context_data(self, **kwargs):
        batch = self.batch()
        raw_page = self.request.GET.get("page", "1")
        page = max(1, int(raw_page)) if raw_page.isdigit() else 1
        running = batch.state in (S.CHECKING, S.COMMITTING)
        parts = []
        for index, part in enumerate(batch.parts):
            target = targets().get(part["ledger"]) if part["ledger"] else None
            entry = {"index": index, "part": part, "target": target}
            if target and not running and "headers" in part:
                mapping = part.get("mapping") or {}
                entry["mapping"] = [
                    (i, header, mapping.get(str(i), "")) for i, header in enumerate(part["headers"]) if header
                ]
                entry["columns"] = target.columns
                if batch.state in (S.CHECKED, S.INVALID, S.FAILED):
                    entry["rows"] = services.preview(batch, index, page, PAGE)
                entry["pages"] = (part.get("rows", 0) + PAGE - 1) // PAGE
            parts.append(entry)
        return super().get_context_data(
            title=f"导入：{batch.filename}",
            batch=batch,
            parts=parts,
            page=page,
            running=running,
            progress=services.progress(batch),
            undo_problem=services.undo_problem(batch) if batch.state == S.DONE else "",
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        batch = self.batch()
        action = request.POST.get("action")
        here = reverse("imports:batch", args=[batch.pk])
        try:
            if action == "mapping":
                index = int(request.POST.get("part", "0"))
                mapping = {k[4:]: v for k, v in request.POST.items() if k.startswith("col-")}
                services.remap(batch, index, mapping, request.user)
            elif action == "commit":
                if batch.state != S.CHECKED:
                    raise ValidationError("该导入尚未通过校验或已处理。")
                batch.state = S.COMMITTING
                batch.save(update_fields=["state"])
                tasks.commit_batch.enqueue(batch.pk, request.user.pk)
            elif action == "undo":
                services.undo(batch, request.user)
                messages.success(request, f"已撤销本次导入，删除了{batch.created}条记录。")
        except (ValidationError, IndexError, ValueError) as exc:
            messages.error(request, clauses(getattr(exc, "messages", [str(exc)])))
        return HttpResponseRedirect(here)


class ProgressView(BatchMixin, TemplateView):
    """The progress bar, polled by htmx; when the work is done the page reloads itself."""

    template_name = "imports/_progress.html"

    def get(self, request, *args, **kwargs):
        batch = self.batch()
        response = self.render_to_response({"batch": batch, "progress": services.progress(batch)})
        if batch.state not in (S.CHECKING, S.COMMITTING):
            response["HX-Refresh"] = "true"
        return response
