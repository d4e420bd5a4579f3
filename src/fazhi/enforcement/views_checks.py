"""Enforcement pages of public entries, inspections, joint operations and case evaluations."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Avg
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from fazhi.core.access import can_write
from fazhi.core.tables import Column, field_column
from fazhi.core.views import (
    LedgerDetailView,
    LedgerFormView,
    LedgerListView,
    TownshipMixin,
)
from fazhi.core.workflow import Refused
from fazhi.enforcement import services
from fazhi.enforcement.models import (
    CaseEvaluation,
    EnforcementCase,
    Inspection,
    JointOperation,
    PublicEntry,
)
from fazhi.enforcement.views import ROLES, Enforcement  # noqa: F401
from fazhi.enforcement.violations import JOINT_FIELDS, JointOperationForm


class EntryList(Enforcement, LedgerListView):
    model = PublicEntry
    columns = [
        field_column(PublicEntry, "title"),
        field_column(PublicEntry, "kind"),
        field_column(PublicEntry, "published_on"),
        field_column(PublicEntry, "withdrawn_on"),
    ]
    search_fields = ("title", "content")
    filter_fields = ("kind",)
    year_field = "published_on"


class EntryDetail(Enforcement, LedgerDetailView):
    model = PublicEntry
    fields = (
        "kind",
        "case",
        "title",
        "content",
        "article",
        "published_on",
        "withdrawn_on",
        "withdraw_reason",
    )
    related_template = "enforcement/_entry.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(withdraw_due=services.withdraw_due(self.object), **kwargs)


class EntryForm(Enforcement, LedgerFormView):
    """Hand-written entries (e.g. 事前公示 of a campaign, art. 39); decisions are published by the workflow."""

    model = PublicEntry
    fields = ("kind", "title", "content", "article", "published_on")

    def before_save(self, record, form):
        super().before_save(record, form)
        if record.case_id:
            from fazhi.enforcement.public_urls import masked_entry

            masked_entry(record)  # an edited decision entry stays masked


class EntryWithdraw(Enforcement, TownshipMixin, TemplateView):
    model = PublicEntry

    def post(self, request, pk):
        entry = get_object_or_404(self.scoped(), pk=pk)
        if not can_write(request.user, entry.township, ROLES):
            raise PermissionDenied("您没有在本乡镇修改此类记录的权限。")
        try:
            services.withdraw(entry, request.user, reason=request.POST.get("note", ""))
            messages.success(request, "已撤回公示。")
        except Refused as exc:
            messages.error(request, f"操作未执行：{exc}")
        return HttpResponseRedirect(entry.get_absolute_url())


# -- inspections and joint operations --------------------------------------------------------------
INSPECTION_FIELDS = (
    "kind",
    "title",
    "item",
    "target",
    "village",
    "planned_on",
    "done_on",
    "officers",
    "result",
    "hazards_found",
    "hazards_rectified",
    "rectify_by",
)
INSPECTION_RECORD_FIELDS = tuple(f for f in INSPECTION_FIELDS if f != "officers")  # officers: own block


class InspectionList(Enforcement, LedgerListView):
    model = Inspection
    columns = [
        field_column(Inspection, f)
        for f in (
            "title",
            "kind",
            "target",
            "planned_on",
            "done_on",
            "hazards_found",
            "hazards_rectified",
            "rectify_by",
        )
    ]
    search_fields = ("title", "target", "result")
    filter_fields = ("kind", "village")
    year_field = "planned_on"
    ordering = ("-planned_on", "-id")


class InspectionDetail(Enforcement, LedgerDetailView):
    model = Inspection
    fields = INSPECTION_RECORD_FIELDS


class InspectionForm(Enforcement, LedgerFormView):
    model = Inspection
    fields = INSPECTION_FIELDS

    def before_save(self, record, form):
        super().before_save(record, form)
        if record.hazards_rectified > record.hazards_found:
            raise ValidationError("已整改隐患数不能多于发现的隐患数。")
        if record.hazards_found > record.hazards_rectified and not record.rectify_by:
            raise ValidationError("尚有未整改的隐患，请填写整改期限。")
        if record.done_on is None and (record.result or record.hazards_found):
            raise ValidationError("填写检查结果前请先填写实施日期。")


class JointList(Enforcement, LedgerListView):
    model = JointOperation
    prefetch_related = ("violation_rows",)
    columns = [
        *(
            field_column(JointOperation, f)
            for f in (
                "title",
                "kind",
                "date",
                "vehicles_checked",
                "people_cautioned",
            )
        ),
        Column("查处违法行为", lambda op: op.violations_text()),
        Column("违法合计(起)", lambda op: op.violations),
    ]
    search_fields = ("title", "units", "location")
    filter_fields = ("kind",)
    year_field = "date"
    ordering = ("-date", "-id")


class JointDetail(Enforcement, LedgerDetailView):
    model = JointOperation
    fields = JOINT_FIELDS


class JointForm(Enforcement, LedgerFormView):
    model = JointOperation
    fields = JOINT_FIELDS
    form_class = JointOperationForm  # with the violations, one row per type (enforcement.violations)


# -- case-file evaluation --------------------------------------------------------------------------
EVALUATION_FIELDS = (
    "case",
    "evaluated_on",
    "evaluator",
    *(name for name, _, _ in CaseEvaluation.CHECKLIST),
    "problems",
)


class EvaluationList(Enforcement, LedgerListView):
    model = CaseEvaluation
    template_name = "enforcement/evaluation_list.html"
    columns = [
        field_column(CaseEvaluation, "case.number", label="案卷"),
        field_column(CaseEvaluation, "evaluated_on"),
        field_column(CaseEvaluation, "evaluator"),
        field_column(CaseEvaluation, "total"),
        Column("等次", lambda e: e.grade),
    ]
    search_fields = ("case__number", "case__title", "evaluator")
    year_field = "evaluated_on"
    select_related = ("case",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["average"] = self.object_list.aggregate(v=Avg("total"))["v"]
        return context


class EvaluationDetail(Enforcement, LedgerDetailView):
    model = CaseEvaluation
    fields = (*EVALUATION_FIELDS, "total")

    def get_fields(self):
        rows = super().get_fields()
        rows.append(("等次", self.object.grade))
        return rows


class EvaluationForm(Enforcement, LedgerFormView):
    model = CaseEvaluation
    fields = EVALUATION_FIELDS

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Only case files that have been through a decision are evaluated.
        form.fields["case"].queryset = form.fields["case"].queryset.exclude(
            state__in=(EnforcementCase.State.DISCOVERED, EnforcementCase.State.DROPPED)
        )
        return form
