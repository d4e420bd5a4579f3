"""The annual report, its register of problems and plans, and the baselines, each declared once. The
report's page is its editor (views.editor_context); it is made by composing (views.ReportCreate) and
its figures kept as baselines by the upload check (views_check), never typed in a generic form."""

from django.utils import timezone

from fazhi.core.ledger import LedgerSpec
from fazhi.core.roles import Role
from fazhi.core.tables import Column
from fazhi.core.views import LedgerDetailView
from fazhi.indicators.registry import REGISTRY
from fazhi.reports import rules, services, views
from fazhi.reports.models import AnnualReport, Baseline, ReportItem
from fazhi.reports.workflows import WORKFLOW

WRITE_ROLES = services.WRITE_ROLES
ITEM_ROLES = (Role.OFFICE, Role.SECRETARY, Role.HEAD)


def _overdue(report):
    return "、".join(
        f"{d['rule'].label.split('（')[0]}已逾期" for d in views.due_rows(report) if d["state"] == "overdue"
    )


REPORT = LedgerSpec(
    AnnualReport,
    write_roles=WRITE_ROLES,
    columns=[
        *("year", "title", "state"),
        Column("报送期限", lambda r: f"{rules.submit_due(r.year).date:%Y-%m-%d}"),
        Column("逾期", _overdue),
        *("submitted_on", "published_on"),
    ],
    groups={
        "年度": ("year",),
        "标题": ("title",),
        "状态": ("state",),
        "成文日期": ("report_date",),
        "签批": ("secretary_signed_by", "secretary_signed_at", "head_signed_by", "head_signed_at"),
        "报送与公开": ("submitted_on", "published_on"),
    },
    form=("标题", "成文日期"),
    search=("title",),
    filters=("state",),
    ordering=("-year",),
    workflow=WORKFLOW,
    attachments=False,
    import_columns=(),  # a report is composed from the figures (ReportCreate), not imported
    extra={
        "list": {"title": "法治政府建设年度报告"},
        "detail": {"template_name": "reports/report_detail.html", "get_context_data": views.editor_context},
    },
)
ITEM = LedgerSpec(
    ReportItem,
    write_roles=ITEM_ROLES,
    columns=["title", "year", "kind", "area", "updated_at"],
    groups={"": ("village",), "条目": ("year", "kind", "area", "title", "text", "order")},
    form=("条目",),
    search=("title", "text"),
    filters=("kind", "area", "year"),
    ordering=("-year", "kind", "order", "id"),
    attachments=False,
    extra={"form": {"get_initial": lambda view: {"year": timezone.localdate().year}}},
)


def _baseline_context(view, **kwargs):
    context = LedgerDetailView.get_context_data(view, **kwargs)
    context["can_edit"] = False  # figures come from a report, not typed
    context["baseline_rows"] = [
        (c, REGISTRY[c].name if c in REGISTRY else c, v, REGISTRY[c].unit if c in REGISTRY else "")
        for c, v in view.object.figures.items()
    ]
    return context


BASELINE = LedgerSpec(
    Baseline,
    write_roles=WRITE_ROLES,
    columns=["year", "source", "source_title", Column("指标数", lambda b: len(b.figures)), "updated_at"],
    groups={"": ("year", "source", "source_title")},
    ordering=("-year",),
    attachments=False,
    related_template="reports/_baseline_figures.html",
    views={"form": None},  # a baseline is kept from a checked report (views_check), not typed
    extra={
        "list": {"can_add": lambda view: False, "extra_actions": [("导入报告并检查", "/reports/check/")]},
        "detail": {"get_context_data": _baseline_context},
    },
)
