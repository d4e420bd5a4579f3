"""The litigation and risk ledgers, each declared once: pages and URLs come from these specs."""

from django.db.models import Count, Exists, Max, OuterRef

from fazhi.core import masking
from fazhi.core.ledger import LedgerSpec
from fazhi.core.roles import Role
from fazhi.core.tables import Column
from fazhi.core.views import LedgerFormView
from fazhi.litigation import actions
from fazhi.litigation.models import Hearing, LitigationCase, RiskArea, RiskAssessment, RiskReview
from fazhi.litigation.workflows import ROLES as WRITE_ROLES  # the head answers in court, the office files
from fazhi.litigation.workflows import WORKFLOW

RISK_ROLES = (Role.HEAD, Role.OFFICE, Role.PETITION)
VILLAGE = {"村(社区)": ("village",)}  # shown on the record page, set by the township, not the form


def initial_from(name):
    """A form's `get_initial` that takes the linked record from the query string (登记研判 on a
    risk area's page links here with ?area=<pk>)."""

    def get_initial(view):
        initial = LedgerFormView.get_initial(view)
        if (pk := view.request.GET.get(name, "")).isdigit():
            initial[name] = int(pk)
        return initial

    return get_initial


def _answer_due(case):
    return "" if case.answered_on else f"{case.answer_due.date:%Y-%m-%d}"


CASE = LedgerSpec(
    LitigationCase,
    write_roles=WRITE_ROLES,
    columns=[
        *("case_no", "kind", "applicant", "subject", "copy_received"),
        Column("答复/答辩期限", _answer_due),
        Column("负责人出庭", lambda c: c.head_appeared),
        *("outcome", "lost", "state"),
    ],
    groups={
        "案件": (
            *("case_no", "kind", "stage", "organ", "applicant", "subject", "copy_received", "answered_on"),
            *("outcome", "decided_on", "judgment_executed", "executed_on", "risk_analysis"),
        ),
        "结果": ("lost", "state"),  # derived by the action and the workflow
    },
    form=("案件",),
    masks={"applicant": masking.mask_names},
    filters=("kind", "state", "outcome", "lost"),
    search=("case_no", "subject", "organ"),
    year_field="copy_received",
    annotate={"head_appeared": Exists(Hearing.objects.filter(case=OuterRef("pk"), head_appeared=True))},
    ordering=("-copy_received", "-id"),
    workflow=WORKFLOW,
    create=actions.file_case,
    change=actions.change_case,
    attachment_steps=[
        ("copy", "申请书/起诉状副本"),
        ("answer", "答复书/答辩状"),
        ("judgment", "决定书/判决书"),
        ("execution", "履行材料"),
    ],
    detail_context=lambda case: {
        "deadlines": case.deadline_rows(),
        "hearings": case.hearings.select_related("appeared"),
    },
    extra={"detail": {"template_name": "litigation/case_detail.html"}},
)
HEARING = LedgerSpec(
    Hearing,
    write_roles=WRITE_ROLES,
    columns=[
        Column("开庭/听证", str, sort="date"),
        *("head_appeared", "appeared.name", "appeared_title", "substitute"),
    ],
    groups={
        **VILLAGE,
        "出庭": ("case", "date", "head_appeared", "appeared", "appeared_title", "substitute", "excuse"),
    },
    form=("出庭",),
    filters=("head_appeared", "case"),
    year_field="date",
    select_related=("case", "appeared"),
    ordering=("-date", "-id"),
    extra={"form": {"get_initial": initial_from("case")}},
)
ASSESSMENT = LedgerSpec(
    RiskAssessment,
    write_roles=RISK_ROLES,
    columns=["title", "subject", "assessed_on", "assessor", "risk_level", "conclusion"],
    groups={
        "评估": (
            *("title", "subject", "assessed_on", "assessor", "methods", "risk_level", "risks", "measures"),
            "conclusion",
        )
    },
    filters=("subject", "risk_level", "conclusion"),
    search=("title", "assessor", "risks"),
    year_field="assessed_on",
    ordering=("-assessed_on", "-id"),
)
AREA = LedgerSpec(
    RiskArea,
    write_roles=RISK_ROLES,
    columns=[
        *("name", "domain", "level", "village.name", "responsible.name"),
        Column("研判次数", lambda a: a.review_count),
        Column("最近研判", lambda a: a.last_review, sort="last_review"),
        Column("下次研判", lambda a: a.next_review(a.last_review) if a.active else None),
        "active",
    ],
    groups={
        "隐患": (
            *("name", "domain", "level", "village", "responsible", "measures", "listed_on"),
            *("review_months", "active"),
        )
    },
    filters=("domain", "level", "active", "village"),
    search=("name", "measures"),
    select_related=("village", "responsible"),
    # Annotated before the list sorts, so that 最近研判 can be a sort key.
    annotate={"review_count": Count("reviews"), "last_review": Max("reviews__date")},
    ordering=("-active", "domain", "name"),
    detail_context=lambda area: {
        "reviews": (reviews := list(area.reviews.all())),
        "next_review": area.next_review(reviews[0].date if reviews else None),
    },
    extra={"list": {"title": "风险隐患排查清单"}, "detail": {"template_name": "litigation/area_detail.html"}},
)
REVIEW = LedgerSpec(
    RiskReview,
    write_roles=RISK_ROLES,
    columns=[Column("研判", str, sort="date"), "level", "findings"],
    groups={**VILLAGE, "研判": ("area", "date", "level", "findings")},
    form=("研判",),
    filters=("area", "level"),
    year_field="date",
    select_related=("area",),
    ordering=("-date", "-id"),
    extra={"form": {"get_initial": initial_from("area")}},
)
SPECS = (CASE, HEARING, ASSESSMENT, AREA, REVIEW)
