"""The petition ledgers (信访事项, 12345 热线工单), each declared once."""

from django.utils import timezone

from fazhi.core import deadlines, masking
from fazhi.core.ledger import LedgerSpec
from fazhi.core.roles import Role
from fazhi.core.tables import Column
from fazhi.core.views import LedgerDetailView
from fazhi.org.models import Person
from fazhi.petitions import rules
from fazhi.petitions.actions import change_petition, register_petition
from fazhi.petitions.models import REPLY_STEP, HotlineTicket, Petition
from fazhi.petitions.workflows import CUSTOM_FORMS, HOTLINE_WORKFLOW, WORKFLOW

WRITE_ROLES = (Role.PETITION,)


def next_due(petition: Petition) -> str:
    """The date the office must act by next: the notice while registered, then the handling period."""
    if petition.state == Petition.State.REGISTERED and petition.notice_due:
        due, text = petition.notice_due, "告知"
    elif petition.state == Petition.State.ACCEPTED and petition.handling_due:
        due, text = petition.handling_due, "办结（已延期）" if petition.extended_on else "办结"
    else:
        return ""
    late = "，已逾期" if due < timezone.localdate() else ""
    return f"{due:%Y-%m-%d} {text}{late}"


def _petition_context(view, **kwargs):
    context = LedgerDetailView.get_context_data(view, **kwargs)
    petition = view.object
    # The steps that take more than a reason (延期, 办结, 导入法律程序) get their own forms, not buttons.
    custom = {t.name: (t, problems) for t, problems in context["transitions"] if t.name in CUSTOM_FORMS}
    context.update(
        transitions=[(t, p) for t, p in context["transitions"] if t.name not in CUSTOM_FORMS],
        custom=custom,
        deadlines=[
            (label, due, rule, done, deadlines.status(due.date, done))
            for label, due, rule, done in petition.deadline_rows()
        ],
        approvers=Person.objects.filter(township=petition.township, active=True).order_by(
            "department__name", "name"
        ),
        outcomes=Petition.Outcome.choices,
        extension_rule=rules.EXTENSION,
        legal_routes=Petition.LegalRoute.choices,
        reply_count=petition.reply_documents().count(),
    )
    return context


# Named groups of the petition's fields: pages pick groups by name, never by position (an index
# slice once left 信访人申请复查日期 off the record page).
SPEC = LedgerSpec(
    Petition,
    write_roles=WRITE_ROLES,
    columns=[
        *(
            "number",
            "received",
            "channel",
            "origin",
            "petitioner",
            "village.name",
            "subject",
            "kind",
            "state",
        ),
        Column("法定期限", next_due, sort="handling_due"),
        "backlog",
    ],
    groups={
        "编号": ("number", "tracking_code"),
        "登记": (
            *("received", "channel", "origin", "group_visit", "visitors", "representatives"),
            *("petitioner", "phone", "village", "subject", "content", "kind", "litigation", "legal_route"),
        ),
        "状态": ("state",),
        "告知": ("notice_sent",),
        "受理与延期": ("accepted_on", "extended_on", "extension_reason", "extension_approver", "outcome"),
        "答复": ("replied_on",),
        "办结": ("closed_on",),
        "复查复核": ("review_requested_on", "review_replied_on", "recheck_requested_on"),
        "积案": ("backlog", "backlog_leader", "backlog_plan", "backlog_resolved_on"),
    },
    form=("登记", "告知", "答复", "复查复核", "积案"),
    masks={"petitioner": masking.mask_names, "phone": masking.mask_phone},
    search=("number", "subject", "content", "petitioner"),
    filters=("state", "channel", "origin", "kind", "litigation", "backlog", "village"),
    year_field="received",
    select_related=("village",),
    ordering=("-received", "-id"),
    workflow=WORKFLOW,
    create=register_petition,
    change=change_petition,
    attachment_steps=[
        ("register", "登记材料"),
        ("notice", "受理告知书"),
        (REPLY_STEP, "书面答复（处理意见书）"),
        ("other", "其他"),
    ],
    extra={
        "detail": {"template_name": "petitions/petition_detail.html", "get_context_data": _petition_context}
    },
)

HOTLINE = LedgerSpec(
    HotlineTicket,
    write_roles=WRITE_ROLES,
    columns=[
        *("ticket_no", "received", "category", "caller", "village.name", "due", "state", "replied_on"),
        "satisfaction",
    ],
    groups={
        "工单": ("ticket_no", "received", "due", "category", "caller", "phone", "village", "content"),
        "办理": ("handler", "reply", "replied_on", "satisfaction"),
        "状态": ("state",),
    },
    form=("工单", "办理"),
    masks={"caller": masking.mask_names, "phone": masking.mask_phone},
    search=("ticket_no", "content", "caller"),
    filters=("state", "category", "satisfaction", "village"),
    year_field="received",
    select_related=("village",),
    ordering=("-received", "-id"),
    workflow=HOTLINE_WORKFLOW,
)
SPECS = (SPEC, HOTLINE)
