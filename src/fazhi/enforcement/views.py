from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from fazhi.core import masking
from fazhi.core.access import can_write
from fazhi.core.deadlines import remaining
from fazhi.core.export import XLSX
from fazhi.core.imports import date as parse_date
from fazhi.core.roles import Role
from fazhi.core.tables import Column, field_column
from fazhi.core.views import (
    AttachmentUploadView,
    LedgerDetailView,
    LedgerFormView,
    LedgerListView,
    TownshipMixin,
)
from fazhi.core.workflow import Refused
from fazhi.enforcement import rules, services
from fazhi.enforcement.models import (
    EnforcementCase,
    EnforcementItem,
    EnforcementOfficer,
    ExcludedPeriod,
)
from fazhi.enforcement.workflows import RECORD_STEPS, missing_record, workflow

ROLES = (Role.ENFORCEMENT,)


class Enforcement:
    write_roles = ROLES


# -- item catalogue --------------------------------------------------------------------------------
ITEM_FIELDS = (
    "code",
    "name",
    "category",
    "domain",
    "legal_basis",
    "assigned_by",
    "assignment_document",
    "published",
    "published_on",
    "remarks",
)


class ItemList(Enforcement, LedgerListView):
    model = EnforcementItem
    columns = [
        field_column(EnforcementItem, f)
        for f in ("code", "name", "category", "domain", "assigned_by", "published")
    ]
    search_fields = ("code", "name", "legal_basis")
    filter_fields = ("category", "domain", "published")
    ordering = ("category", "code")

    @property
    def extra_actions(self):
        actions = [("下载导入模板", reverse("enforcement:item_template"))]
        if self.can_add():
            actions.append(("从Excel导入", reverse("enforcement:item_import")))
        return actions


class ItemDetail(Enforcement, LedgerDetailView):
    model = EnforcementItem
    fields = ITEM_FIELDS


class ItemForm(Enforcement, LedgerFormView):
    model = EnforcementItem
    fields = ITEM_FIELDS


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


# -- officers --------------------------------------------------------------------------------------
def _certificate_state(officer: EnforcementOfficer) -> str:
    today = timezone.localdate()
    if not officer.certified_on(today):
        return "无有效证件"
    if rules.certificate_reminder_from(officer.valid_until) <= today:
        return f"{(officer.valid_until - today).days}天后到期"
    return "有效"


class OfficerList(Enforcement, LedgerListView):
    model = EnforcementOfficer
    template_name = "enforcement/officer_list.html"
    columns = [
        field_column(EnforcementOfficer, "name"),
        field_column(EnforcementOfficer, "certificate_no"),
        field_column(EnforcementOfficer, "field"),
        field_column(EnforcementOfficer, "valid_until"),
        Column("证件状态", _certificate_state),
        field_column(EnforcementOfficer, "training_hours"),
        field_column(EnforcementOfficer, "exam_score"),
        field_column(EnforcementOfficer, "active"),
    ]
    search_fields = ("name", "certificate_no")
    filter_fields = ("field", "origin", "active", "exam_passed")
    ordering = ("name",)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            summary=services.officers_summary(self.request.township, timezone.localdate()),
            reminder=rules.CERTIFICATE_REMINDER,
            **kwargs,
        )


OFFICER_FIELDS = (
    "name",
    "person",
    "certificate_no",
    "issuing_province",
    "origin",
    "certificate_applied_on",
    "field",
    "valid_from",
    "valid_until",
    "training_hours",
    "exam_year",
    "exam_score",
    "exam_passed",
    "active",
)


class OfficerDetail(Enforcement, LedgerDetailView):
    model = EnforcementOfficer
    fields = OFFICER_FIELDS

    def get_fields(self):
        rows = super().get_fields()
        officer = self.object
        rows.append(("证件状态", _certificate_state(officer)))
        if officer.valid_until:
            rows.append(
                (
                    "换证提醒",
                    f"{rules.certificate_reminder_from(officer.valid_until):%Y-%m-%d}起提醒（{rules.CERTIFICATE_REMINDER.describe()}）",
                )
            )
        target = services.officers_summary(officer.township, timezone.localdate())["training_target"]
        rows.append(
            (
                "年度培训达标",
                f"{'已达标' if officer.training_met else '未达标'}（目标{target}学时，可在设置中调整）",
            )
        )
        return rows


class OfficerForm(Enforcement, LedgerFormView):
    model = EnforcementOfficer
    fields = OFFICER_FIELDS

    def before_save(self, record, form):
        super().before_save(record, form)
        if record.valid_from and record.valid_until and record.valid_until < record.valid_from:
            raise ValidationError("证件有效期至不能早于有效期起。")
        if record.exam_score is not None and record.exam_score > 100:
            raise ValidationError("考试成绩不能超过100分。")


# -- cases -----------------------------------------------------------------------------------------
def _decision_due(case):
    if case.state not in (
        EnforcementCase.State.FILED,
        EnforcementCase.State.INVESTIGATING,
        EnforcementCase.State.NOTIFIED,
        EnforcementCase.State.REVIEWING,
    ):
        return ""
    due = rules.decision_due(case)
    return f"{due.date:%Y-%m-%d}" if due else ""


class CaseList(Enforcement, LedgerListView):
    model = EnforcementCase
    columns = [
        Column("案件编号", str, sort="number"),
        field_column(EnforcementCase, "title"),
        field_column(EnforcementCase, "party", mask=masking.mask_names),
        field_column(EnforcementCase, "item.name", label="执法事项"),
        field_column(EnforcementCase, "village.name", label="村(社区)"),
        field_column(EnforcementCase, "source"),
        field_column(EnforcementCase, "state"),
        field_column(EnforcementCase, "discovered_on"),
        Column("决定期限", _decision_due),
    ]
    search_fields = ("number", "title", "party", "location")
    filter_fields = ("state", "source", "item__category", "village", "major")
    year_field = "discovered_on"
    select_related = ("item", "village")
    prefetch_related = ("excluded_periods",)
    ordering = ("-discovered_on", "-id")


# Named groups of a case's fields, shared by the form, the record page and the API.
CASE_REGISTER = ("source", "item", "title", "party", "party_id_number", "party_phone", "village", "location")
CASE_WEIGHT = ("major", "social_impact", "hearing_right", "discovered_on")
CASE_FIELDS = (
    *CASE_REGISTER,
    "facts",
    "officers",
    *CASE_WEIGHT,
    "hearing_requested_on",
    "hearing_notice_on",
    "hearing_on",
    "decision_no",
    "decision",
    "fine",
    "paid_on",
)


class CaseDetail(Enforcement, LedgerDetailView):
    model = EnforcementCase
    workflow = workflow
    attachment_steps = [(label, label) for _, label in RECORD_STEPS]
    related_template = "enforcement/_case.html"
    masked = {
        "party": masking.mask_names,
        "party_id_number": masking.mask_id_number,
        "party_phone": masking.mask_phone,
    }
    fields = (
        "number",
        "state",
        *CASE_REGISTER,
        "facts",
        *CASE_WEIGHT,
        "filed_on",
        "notified_on",
        "hearing_requested_on",
        "hearing_notice_on",
        "hearing_on",
        "decided_on",
        "decision_no",
        "decision",
        "fine",
        "served_on",
        "paid_on",
        "executed_on",
        "closed_on",
        "revoked_on",
    )

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("item", "village")
            .prefetch_related("officers", "excluded_periods")
        )

    def get_fields(self):
        rows = super().get_fields()
        today = timezone.localdate()
        officers = [
            f"{o.name}（{'持证有效' if o.certified_on(today) else '无有效证件'}）"
            for o in self.object.officers.all()
        ]
        rows.insert(3, ("承办执法人员", "、".join(officers) or "—"))
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        deadlines = []
        if due := rules.decision_due(case):
            deadlines.append(("作出决定", due, rules.explain_decision_due(case), case.decided_on is not None))
        if case.hearing_right and case.notified_on:
            due = rules.HEARING_REQUEST.due(case.notified_on)
            deadlines.append(
                (
                    "当事人申请听证",
                    due,
                    f"{rules.HEARING_REQUEST.describe()}；{due.explain()}",
                    case.hearing_requested_on is not None or due.date < timezone.localdate(),
                )
            )
        if case.fine and case.served_on:
            due = rules.FINE_PAYMENT.due(case.served_on)
            deadlines.append(
                (
                    "缴纳罚款",
                    due,
                    f"{rules.FINE_PAYMENT.describe()}；{due.explain()}",
                    case.paid_on is not None,
                )
            )
        if case.state == EnforcementCase.State.DISCOVERED:
            rule = rules.filing_rule(case.domain)
            due = rule.due(case.discovered_on)
            deadlines.append(("决定是否立案", due, f"{rule.describe()}；{due.explain()}", False))
        review = None
        if case.major:
            from fazhi.reviews.services import passing_review, reviews_of

            review = passing_review(case) or reviews_of(case).order_by("-id").first()
        today = timezone.localdate()
        context.update(
            deadlines=[(*row, remaining(row[1].date, row[1].unit, today)) for row in deadlines],
            missing_record=missing_record(case)
            if case.state not in (EnforcementCase.State.DISCOVERED, EnforcementCase.State.DROPPED)
            else [],
            excluded_periods=case.excluded_periods.all(),
            excluded_kinds=ExcludedPeriod.Kind.choices,
            review=review,
            public_entries=case.public_entries.all(),
            today=timezone.localdate(),
        )
        return context


class CaseForm(Enforcement, LedgerFormView):
    model = EnforcementCase
    fields = CASE_FIELDS

    def before_save(self, record, form):
        super().before_save(record, form)
        errors = []
        if (
            record.party_id_number
            and not masking.is_valid_id_number(record.party_id_number)
            and len(record.party_id_number) == 18
        ):
            errors.append("当事人身份证号码校验位不正确，请核对。")
        if record.item and record.item.township_id != record.township_id:
            errors.append("执法事项须为本乡镇清单内的事项。")
        if record.hearing_notice_on and record.hearing_on:
            latest = rules.HEARING_NOTICE.due(record.hearing_notice_on).date
            if latest > record.hearing_on:
                errors.append(
                    f"听证通知应在举行听证的{rules.HEARING_NOTICE.effective_count}个工作日前送达当事人"
                    f"（{rules.HEARING_NOTICE.article}）：按通知日期，听证最早可在{latest:%Y-%m-%d}举行。"
                )
        if record.hearing_requested_on and record.notified_on:
            window = rules.HEARING_REQUEST.due(record.notified_on).date
            if record.hearing_requested_on > window:
                errors.append(
                    f"当事人应在告知后{rules.HEARING_REQUEST.effective_count}个工作日内（{window:%Y-%m-%d}前）申请听证，逾期视为放弃。"
                )
        if errors:
            raise ValidationError(errors)


class CaseAttach(Enforcement, AttachmentUploadView):
    model = EnforcementCase


class CaseAction(Enforcement, TownshipMixin, TemplateView):
    """POST-only actions on a case beside the workflow: excluded periods, revoking the decision."""

    model = EnforcementCase

    def post(self, request, pk, action):
        case = get_object_or_404(self.scoped(), pk=pk)
        if not can_write(request.user, case.township, ROLES):
            raise PermissionDenied("您没有在本乡镇修改此类记录的权限。")
        try:
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
                messages.success(request, "已登记不计入办案期限的期间。")
            elif action == "revoke":
                services.revoke_decision(case, request.user, reason=request.POST.get("note", ""))
                messages.success(
                    request,
                    f"已登记决定撤销/变更；已公开的决定须在{rules.WITHDRAW.effective_count}个工作日内撤回。",
                )
            else:
                raise Refused("未知的操作。")
        except (Refused, ValueError) as exc:
            messages.error(request, f"操作未执行：{exc}")
        return HttpResponseRedirect(case.get_absolute_url())
