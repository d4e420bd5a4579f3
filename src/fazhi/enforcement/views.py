"""Enforcement pages beside the generic ledger pages (enforcement.ledgers): the item catalogue's Excel
template and import, and the actions on one record beside its workflow."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from fazhi.core.access import can_write
from fazhi.core.export import XLSX
from fazhi.core.imports import date as parse_date
from fazhi.core.views import TownshipMixin
from fazhi.core.workflow import Refused
from fazhi.enforcement import rules, services
from fazhi.enforcement.ledgers import ROLES
from fazhi.enforcement.models import EnforcementCase, EnforcementItem, ExcludedPeriod


class Enforcement:
    write_roles = ROLES


class ItemTemplate(Enforcement, TownshipMixin, TemplateView):
    model = EnforcementItem

    def get(self, request, *args, **kwargs):
        response = HttpResponse(services.ITEM_IMPORTER.template_bytes("行政执法事项清单"), content_type=XLSX)
        response["Content-Disposition"] = (
            "attachment; filename*=UTF-8''%E8%A1%8C%E6%94%BF%E6%89%A7%E6%B3%95%E4%BA%8B%E9%A1%B9%E6%B8%85%E5%8D%95%E6%A8%A1%E6%9D%BF.xlsx"
        )
        return response


class ItemImport(Enforcement, TownshipMixin, TemplateView):
    """Upload the county's sheet: every bad row is listed and nothing is imported while any row is bad."""

    model = EnforcementItem
    template_name = "enforcement/import.html"
    title = "从Excel导入行政执法事项"

    def dispatch(self, request, *args, **kwargs):
        if (
            request.user.is_authenticated
            and request.township
            and not can_write(request.user, request.township, ROLES)
        ):
            raise PermissionDenied("您没有在本乡镇修改此类记录的权限。")
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        upload = request.FILES.get("file")
        if upload is None:
            return self.render_to_response(self.get_context_data(missing=True))
        result = services.ITEM_IMPORTER.run(
            upload, township=request.township, user=request.user, reason=f"Excel导入：{upload.name}"
        )
        if result.ok:
            messages.success(request, f"已导入{result.created}项行政执法事项。")
            return HttpResponseRedirect(reverse("enforcement:enforcementitem_list"))
        return self.render_to_response(self.get_context_data(result=result, filename=upload.name))


class RecordAction(Enforcement, TownshipMixin, View):
    """POST: one action on a record beside its workflow (`act`), by whoever may change the record; a
    refusal changes nothing and says why, and either way the record's page follows."""

    refusals: tuple = (Refused,)

    def post(self, request, pk, **kwargs):
        record = get_object_or_404(self.scoped(), pk=pk)
        if not can_write(request.user, record.township, ROLES):
            raise PermissionDenied("您没有在本乡镇修改此类记录的权限。")
        try:
            messages.success(request, self.act(request, record, **kwargs))
        except self.refusals as exc:
            messages.error(request, f"操作未执行：{exc}")
        return HttpResponseRedirect(record.get_absolute_url())

    def act(self, request, record, **kwargs) -> str:
        """Do it; return what was done, in Chinese (raise one of `refusals` to refuse)."""
        raise NotImplementedError


class CaseAction(RecordAction):
    """Excluded periods (not counted in the case's time limit) and revoking the decision."""

    model = EnforcementCase
    refusals = (Refused, ValueError)

    def act(self, request, case, action):
        if action == "exclude":
            start, end = parse_date(request.POST.get("start")), parse_date(request.POST.get("end"))
            if not (start and end) or request.POST.get("kind") not in ExcludedPeriod.Kind.values:
                raise Refused("请填写事由、起止日期。")
            services.add_excluded_period(
                case,
                request.user,
                kind=request.POST["kind"],
                start=start,
                end=end,
                note=request.POST.get("note", "")[:200],
            )
            return "已登记不计入办案期限的期间。"
        if action == "revoke":
            services.revoke_decision(case, request.user, reason=request.POST.get("note", ""))
            return f"已登记决定撤销/变更；已公开的决定须在{rules.WITHDRAW.effective_count}个工作日内撤回。"
        raise Refused("未知的操作。")
