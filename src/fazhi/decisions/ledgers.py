"""重大行政决策 and its yearly catalogue, each declared once: pages and URLs come from these specs."""

from django.core.exceptions import ValidationError

from fazhi.core.ledger import LedgerSpec
from fazhi.core.tables import Column, field_column
from fazhi.core.views import LedgerDetailView, LedgerListView
from fazhi.decisions import services
from fazhi.decisions.models import DecisionCatalogue, DecisionStep, MajorDecision
from fazhi.decisions.procedures import SKIPPABLE
from fazhi.decisions.rules import COMMENT_PERIOD
from fazhi.decisions.workflows import ROLES, catalogue_workflow, workflow
from fazhi.reviews.public import DRAFT_STEPS
from fazhi.reviews.views import USER_TRANSITION


def before_saving_catalogue(view, record, form):
    record.clean()
    duplicate = DecisionCatalogue.objects.filter(township=record.township, year=record.year).exclude(
        pk=record.pk
    )
    if duplicate.exists():
        raise ValidationError(f"{record.year}年度的决策事项目录已存在。")


def before_saving_decision(view, record, form):
    record.clean()
    if problem := services.comment_period_problem(record):
        raise ValidationError(problem)


def decisions_of_year(view):
    # The year of a decision is its catalogue's, so the year filter is done here.
    queryset = LedgerListView.get_queryset(view)
    if (year := view.request.GET.get("year", "")).isdigit():
        queryset = queryset.filter(catalogue__year=int(year))
    return queryset


CATALOGUE = LedgerSpec(
    DecisionCatalogue,
    write_roles=ROLES,
    columns=[
        Column("目录", str, sort="year"),
        *("party_approved_on", "published_on", "state"),
        Column("决策事项数", lambda c: len(c.decisions.all())),
    ],
    # 公布日期 is the workflow's (not editable), so the form leaves it out.
    groups={"目录": ("year", "title", "party_approved_on", "published_on", "note")},
    filters=("state",),
    prefetch_related=("decisions",),
    ordering=("-year",),
    workflow=catalogue_workflow,
    related_template="decisions/_catalogue_items.html",
    extra={"form": {"before_save": before_saving_catalogue}, **USER_TRANSITION},
)
DECISION = LedgerSpec(
    MajorDecision,
    write_roles=ROLES,
    columns=[
        "title",
        field_column(MajorDecision, "catalogue.year", label="年度"),
        *("category", "sponsor", "state", "meeting_date", "published_on"),
    ],
    # 公布日期 and 评估日期 are the workflow's (not editable): shown on the page, not in the form.
    groups={
        "决策": (
            *("catalogue", "title", "category", "sponsor", "summary", "published_on", "evaluated_on"),
            *("draft_text", "comment_start", "comment_end", "comment_short_reason", "offline_comments"),
            *("comment_handling", "meeting", "meeting_date", "attendees", "dissent", "decision_text"),
            *("party_reported_on", "publication_channel", "implementation", "evaluation"),
        )
    },
    filters=("state", "category", "catalogue"),
    search=("title", "sponsor", "summary"),
    select_related=("catalogue",),
    ordering=("-catalogue__year", "id"),
    workflow=workflow,
    attachment_steps=DRAFT_STEPS,
    detail_context=lambda decision: {
        "procedures": services.procedure_rows(decision),
        "skippable": SKIPPABLE,
        "step_statuses": [s for s in DecisionStep.Status.choices if s[0] != DecisionStep.Status.PENDING],
        "comment_rule": COMMENT_PERIOD,
    },
    extra={
        "list": {
            "get_queryset": decisions_of_year,
            "get_context_data": lambda view, **kw: {
                **LedgerListView.get_context_data(view, **kw),
                "year_filter": True,
            },
        },
        "detail": {
            "template_name": "decisions/decision_detail.html",
            "get_queryset": lambda view: LedgerDetailView.get_queryset(view).prefetch_related("steps"),
        },
        "form": {"before_save": before_saving_decision},
        **USER_TRANSITION,
    },
)
SPECS = (CATALOGUE, DECISION)
