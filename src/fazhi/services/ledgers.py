"""The service, disclosure and accountability ledgers, each declared once."""

from django.core.exceptions import ValidationError
from django.db.models import Sum

from fazhi.core import masking
from fazhi.core.access import access_for
from fazhi.core.ledger import LedgerSpec
from fazhi.core.roles import Role
from fazhi.core.tables import Column, field_column
from fazhi.core.views import LedgerFormView
from fazhi.services import actions, workflows
from fazhi.services import models as m
from fazhi.services.rules import VILLAGE_RULE_FILING

OFFICE = (Role.OFFICE,)
ADVISOR = (Role.ADVISOR,)
VILLAGE_RULE_ROLES = (Role.OFFICE, Role.VILLAGE, Role.ADVISOR)
LEADERS = (Role.SECRETARY, Role.HEAD, Role.OFFICE)
LEGAL_AID_ROLES = (Role.ADVISOR, Role.MEDIATOR)


def is_advisor_only(user, township) -> bool:
    """An advisor who holds no other role: sees and records only their own work."""
    roles = access_for(user).roles_in(township.id)
    return Role.ADVISOR in roles and not roles - {Role.ADVISOR}


def refuse_unless(ok, message: str):
    """A form's `before_save` with one check beyond the model's own: `ok(view, record)` or refused with
    `message`; the record is cleaned when it passes."""

    def before_save(view, record, form):
        if not ok(view, record):
            raise ValidationError(message)
        record.clean()

    return before_save


# Legal advisors' work: an advisor reads and writes only their own (AdvisorWork.visible_path, applied
# by core.access.visible_to) and picks only themselves on the form.


def _own_advisor_only(view, form_class=None):
    form = LedgerFormView.get_form(view, form_class)
    if is_advisor_only(view.request.user, view.request.township):
        own = form.fields["advisor"].queryset.filter(user=view.request.user)
        form.fields["advisor"].queryset = own
        form.fields["advisor"].initial = own.first()
    return form


def own_work(view, record) -> bool:
    """Whether the page's or the API's user may record this work (an advisor only their own)."""
    return (
        not is_advisor_only(view.request.user, record.township)
        or record.advisor.user_id == view.request.user.id
    )


WORK = LedgerSpec(
    m.AdvisorWork,
    write_roles=ADVISOR,
    columns=[
        *("subject", "date", "advisor.name", "kind", "quantity"),
        field_column(m.AdvisorWork, "village.name", label="村(社区)"),
    ],
    groups={"": ("advisor", "date", "kind", "quantity", "subject", "village", "summary")},
    search=("subject", "summary", "advisor__name"),
    filters=("advisor", "kind", "village"),
    year_field="date",
    select_related=("advisor", "village"),
    ordering=("-date", "-id"),
    extra={
        "form": {
            "get_form": _own_advisor_only,
            "before_save": refuse_unless(own_work, "法律顾问只能登记本人的工作记录。"),
        }
    },
)


def _work_summary(assessment):
    # The year's work log beside the score, so the assessment rests on what was recorded.
    work = m.AdvisorWork.objects.filter(advisor=assessment.advisor, date__year=assessment.year)
    labels = dict(m.AdvisorWork.Kind.choices)
    rows = work.order_by().values("kind").annotate(n=Sum("quantity")).order_by("kind")
    return {"work_summary": [(labels[r["kind"]], r["n"]) for r in rows]}


ASSESSMENT = LedgerSpec(
    m.AdvisorAssessment,
    write_roles=OFFICE,
    columns=["advisor.name", "year", "score", "grade"],
    groups={"": ("village",), "考核": ("advisor", "year", "score", "grade", "comments")},
    form=("考核",),
    filters=("advisor", "grade"),
    select_related=("advisor",),
    ordering=("-year", "advisor__name"),
    related_template="services/_assessment_work.html",
    detail_context=_work_summary,
    extra={
        "form": {
            "before_save": refuse_unless(lambda view, r: 0 <= r.score <= 100, "考核得分应在0至100之间。")
        }
    },
)


def filing_due(rule):
    return VILLAGE_RULE_FILING.due(rule.adopted_on).date


VILLAGE_RULE = LedgerSpec(
    m.VillageRule,
    write_roles=VILLAGE_RULE_ROLES,
    columns=[
        "title",
        field_column(m.VillageRule, "village.name", label="村(社区)"),
        "adopted_on",
        Column("备案期限", filing_due),
        *("filed_on", "state"),
        field_column(m.VillageRule, "reviewer.name", label="审查法律顾问"),
    ],
    groups={
        "村规民约": ("village", "title", "adopted_on"),
        "备案": ("filed_on", "reviewed_on"),
        "审查": ("reviewer", "opinion"),
        "状态": ("state",),
    },
    form=("村规民约", "审查"),
    search=("title",),
    filters=("village", "state"),
    year_field="adopted_on",
    select_related=("village", "reviewer"),
    ordering=("-adopted_on", "-id"),
    workflow=workflows.VILLAGE_RULE,
    related_template="services/_filing_due.html",
    detail_context=lambda rule: {
        "due": VILLAGE_RULE_FILING.due(rule.adopted_on),
        "rule": VILLAGE_RULE_FILING,
    },
    extra={
        "form": {"before_save": refuse_unless(lambda view, r: r.village_id is not None, "请选择村(社区)。")}
    },
)

POINT = LedgerSpec(
    m.ServicePoint,
    write_roles=OFFICE,
    columns=["name", "kind", "village.name", "staff", "proxy_team", "demonstration"],
    groups={"": ("name", "kind", "village", "staff", "proxy_team", "demonstration", "opened_on", "hours")},
    search=("name",),
    filters=("kind", "village"),
    select_related=("village",),
    ordering=("kind", "name"),
)
ITEM = LedgerSpec(
    m.ServiceItem,
    write_roles=OFFICE,
    columns=["name", "domain", "place", "online", "proxy", "active"],
    groups={"": ("name", "domain", "place", "online", "proxy", "active")},
    search=("name", "domain"),
    filters=("place", "online", "proxy", "active"),
    ordering=("domain", "name"),
)
LEGAL_AID = LedgerSpec(
    m.LegalAidConsultation,
    write_roles=LEGAL_AID_ROLES,
    columns=["applicant", "date", "phone", "matter", "village.name", "referred"],
    groups={"": ("date", "applicant", "phone", "village", "matter", "question", "answer", "referred")},
    masks={"applicant": masking.mask_name, "phone": masking.mask_phone},
    search=("question",),
    filters=("matter", "village", "referred"),
    year_field="date",
    select_related=("village",),
    ordering=("-date", "-id"),
    api="legal-aid-consultations",
)
DISCLOSURE_ITEM = LedgerSpec(
    m.DisclosureItem,
    write_roles=OFFICE,
    columns=["title", "published_on", "channel", "category"],
    groups={"": ("title", "published_on", "channel", "category", "url", "content")},
    search=("title", "content"),
    filters=("channel", "category"),
    year_field="published_on",
    ordering=("-published_on", "-id"),
    api="disclosure-items",
)
DUTY = LedgerSpec(
    m.DutyRecord,
    write_roles=LEADERS,
    columns=["subject", "date", field_column(m.DutyRecord, "person.name", label="责任人"), "kind"],
    groups={"": ("person", "date", "kind", "subject", "summary")},
    search=("subject", "summary"),
    filters=("person", "kind"),
    year_field="date",
    select_related=("person",),
    ordering=("-date", "-id"),
    api="duty-records",
)
LAW_REPORT = LedgerSpec(
    m.LawReport,
    write_roles=LEADERS,
    columns=[field_column(m.LawReport, "person.name", label="述法人"), "year", "date", "rating"],
    groups={"": ("person", "year", "date", "content", "rating")},
    filters=("person", "rating"),
    select_related=("person",),
    ordering=("-year", "person__name"),
)
MEASURE = LedgerSpec(
    m.Measure,
    write_roles=OFFICE,
    columns=[Column("举措", "sentence", link=True), "date", "section"],
    groups={"": ("village",), "举措": ("date", "section", "text", "quantity", "unit", "detail")},
    form=("举措",),
    search=("text", "detail", "section"),
    year_field="date",
    ordering=("-date", "-id"),
    api="measures",
    extra={
        "form": {
            "before_save": refuse_unless(
                lambda view, r: r.quantity is None or r.unit, "填写了数量时请同时填写单位（如：处、个）。"
            )
        }
    },
)


def _reply_due(request):
    rule, due = actions.DEADLINE.compute(request)
    return {"rule": rule, "due": due, "pauses": request.excluded_periods.all()}


# 政府信息公开申请 (依申请公开): 20 working days, 补正 and third-party time pausing it (条例 arts. 30–33).
DISCLOSURE_REQUEST = LedgerSpec(
    m.DisclosureRequest,
    write_roles=OFFICE,
    columns=[
        *("code", "applicant", "received_on", "channel", "due_on", "state", "reply", "replied_on"),
        Column("按期答复", "on_time"),
    ],
    groups={
        "编号": ("code",),
        "申请": ("applicant", "contact", "channel", "received_on", "content"),
        "期限": ("state", "due_on", "extension_reason"),
        "答复": ("reply", "reply_text", "replied_on"),
    },
    form=("申请", "答复"),
    masks={"applicant": masking.mask_names, "contact": masking.mask_phone},
    filters=("state", "channel", "reply"),
    search=("code", "content"),
    year_field="received_on",
    ordering=("-received_on", "-id"),
    workflow=workflows.DISCLOSURE,
    create=actions.receive_request,
    change=actions.change_request,
    related_template="services/_reply_due.html",
    detail_context=_reply_due,
    api="disclosure-requests",
    api_read_only=("code", "state", "due_on", "extension_reason"),
)

SPECS = (
    WORK,
    ASSESSMENT,
    VILLAGE_RULE,
    POINT,
    ITEM,
    LEGAL_AID,
    DISCLOSURE_ITEM,
    DISCLOSURE_REQUEST,
    DUTY,
    LAW_REPORT,
    MEASURE,
)
