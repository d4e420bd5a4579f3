from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.dateparse import parse_date
from django.views import View

from fazhi.core.access import require_write
from fazhi.core.tables import Column, field_column
from fazhi.core.views import LedgerDetailView, LedgerFormView, LedgerListView, TownshipMixin
from fazhi.core.workflow import Refused
from fazhi.decisions import services
from fazhi.decisions.models import DecisionCatalogue, DecisionStep, MajorDecision
from fazhi.decisions.procedures import SKIPPABLE
from fazhi.decisions.rules import COMMENT_PERIOD
from fazhi.decisions.workflows import ROLES, catalogue_workflow, workflow
from fazhi.reviews.public import DRAFT_STEPS
from fazhi.reviews.views import UserTransitionView


class CatalogueList(LedgerListView):
    model = DecisionCatalogue
    write_roles = ROLES
    columns = [
        Column("目录", str, sort="year"),
        field_column(DecisionCatalogue, "party_approved_on"),
        field_column(DecisionCatalogue, "published_on"),
        field_column(DecisionCatalogue, "state"),
        Column("决策事项数", lambda c: len(c.decisions.all())),
    ]
    prefetch_related = ("decisions",)
    filter_fields = ("state",)
    ordering = ("-year",)


class CatalogueDetail(LedgerDetailView):
    model = DecisionCatalogue
    write_roles = ROLES
    workflow = catalogue_workflow
    related_template = "decisions/_catalogue_items.html"
    fields = ("year", "title", "party_approved_on", "published_on", "note")


class CatalogueForm(LedgerFormView):
    model = DecisionCatalogue
    write_roles = ROLES
    fields = ("year", "title", "party_approved_on", "note")

    def before_save(self, record, form):
        super().before_save(record, form)
        duplicate = DecisionCatalogue.objects.filter(township=record.township, year=record.year).exclude(
            pk=record.pk
        )
        if duplicate.exists():
            raise ValidationError(f"{record.year}年度的决策事项目录已存在。")


class CatalogueTransition(UserTransitionView):
    model = DecisionCatalogue
    write_roles = ROLES
    workflow = catalogue_workflow


class DecisionList(LedgerListView):
    model = MajorDecision
    write_roles = ROLES
    columns = [
        field_column(MajorDecision, "title"),
        field_column(MajorDecision, "catalogue.year", label="年度"),
        field_column(MajorDecision, "category"),
        field_column(MajorDecision, "sponsor"),
        field_column(MajorDecision, "state"),
        field_column(MajorDecision, "meeting_date"),
        field_column(MajorDecision, "published_on"),
    ]
    search_fields = ("title", "sponsor", "summary")
    filter_fields = ("state", "category", "catalogue")
    select_related = ("catalogue",)
    ordering = ("-catalogue__year", "id")

    def get_queryset(self):
        # The year of a decision is its catalogue's, so the year filter is done here.
        queryset = super().get_queryset()
        if (year := self.request.GET.get("year", "")).isdigit():
            queryset = queryset.filter(catalogue__year=int(year))
        return queryset

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "year_filter": True}


DECISION_FIELDS = (
    "catalogue",
    "title",
    "category",
    "sponsor",
    "summary",
    "draft_text",
    "comment_start",
    "comment_end",
    "comment_short_reason",
    "offline_comments",
    "comment_handling",
    "meeting",
    "meeting_date",
    "attendees",
    "dissent",
    "decision_text",
    "party_reported_on",
    "publication_channel",
    "implementation",
    "evaluation",
)


class DecisionDetail(LedgerDetailView):
    model = MajorDecision
    write_roles = ROLES
    workflow = workflow
    template_name = "decisions/decision_detail.html"
    fields = DECISION_FIELDS[:5] + ("published_on", "evaluated_on") + DECISION_FIELDS[5:]
    attachment_steps = DRAFT_STEPS

    def get_queryset(self):
        return super().get_queryset().select_related("catalogue").prefetch_related("steps")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            procedures=services.procedure_rows(self.object),
            skippable=SKIPPABLE,
            step_statuses=[s for s in DecisionStep.Status.choices if s[0] != DecisionStep.Status.PENDING],
            comment_rule=COMMENT_PERIOD,
            **kwargs,
        )


class DecisionForm(LedgerFormView):
    model = MajorDecision
    write_roles = ROLES
    fields = DECISION_FIELDS

    def before_save(self, record, form):
        super().before_save(record, form)
        if problem := services.comment_period_problem(record):
            raise ValidationError(problem)


class DecisionTransition(UserTransitionView):
    model = MajorDecision
    write_roles = ROLES
    workflow = workflow


class StepView(TownshipMixin, View):
    """POST: record a procedure as done or not applicable (with a reason)."""

    model = MajorDecision
    write_roles = ROLES

    def post(self, request, pk):
        decision = get_object_or_404(self.scoped(), pk=pk)
        require_write(request.user, decision.township, self.write_roles)
        try:
            services.mark_step(
                decision,
                request.POST.get("procedure", ""),
                request.POST.get("status", ""),
                request.user,
                note=request.POST.get("note", ""),
                done_on=parse_date(request.POST.get("done_on") or ""),
            )
        except (Refused, ValueError) as exc:
            messages.error(request, f"操作未执行：{exc}")
        else:
            messages.success(request, "已登记法定程序办理情况。")
        return HttpResponseRedirect(decision.get_absolute_url())
