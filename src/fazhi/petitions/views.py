from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone

from fazhi.core import deadlines, masking
from fazhi.core.access import require_write
from fazhi.core.ledger import LedgerSpec
from fazhi.core.roles import Role
from fazhi.core.tables import Column, field_column
from fazhi.core.text import clauses
from fazhi.core.views import LedgerDetailView, LedgerFormView, LedgerListView, TransitionView, attach
from fazhi.core.workflow import Refused
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


class PetitionList(LedgerListView):
    model = Petition
    write_roles = WRITE_ROLES
    columns = [
        field_column(Petition, "number"),
        field_column(Petition, "received"),
        field_column(Petition, "channel"),
        field_column(Petition, "origin"),
        field_column(Petition, "petitioner", mask=masking.mask_names, sort=None),
        field_column(Petition, "village.name", label="村(社区)"),
        field_column(Petition, "subject"),
        field_column(Petition, "kind"),
        field_column(Petition, "state"),
        Column("法定期限", next_due, sort="handling_due"),
        field_column(Petition, "backlog"),
    ]
    search_fields = ("number", "subject", "content", "petitioner")
    filter_fields = ("state", "channel", "origin", "kind", "litigation", "backlog", "village")
    year_field = "received"
    select_related = ("village",)
    ordering = ("-received", "-id")


# Named groups of the petition's fields: pages pick groups by name, never by position (an index
# slice once left 信访人申请复查日期 off the record page).
SPEC = LedgerSpec(
    Petition,
    write_roles=WRITE_ROLES,
    groups={
        "编号": ("number", "tracking_code"),
        "登记": (
            *("received", "channel", "origin", "group_visit", "visitors", "representatives"),
            *("petitioner", "phone", "village", "subject", "content", "kind", "litigation", "legal_route"),
        ),
        "告知与答复": ("notice_sent", "replied_on"),
        "办理": (
            *("state", "notice_sent", "accepted_on", "extended_on", "extension_reason"),
            *("extension_approver", "outcome", "replied_on", "closed_on"),
        ),
        "复查复核": ("review_requested_on", "review_replied_on", "recheck_requested_on"),
        "积案": ("backlog", "backlog_leader", "backlog_plan", "backlog_resolved_on"),
    },
    masks={"petitioner": masking.mask_names, "phone": masking.mask_phone},
    workflow=WORKFLOW,
    create=register_petition,
    change=change_petition,
)
PETITION_FIELDS = SPEC.fields_of("登记", "告知与答复", "复查复核", "积案")


class PetitionDetail(LedgerDetailView):
    model = Petition
    write_roles = WRITE_ROLES
    workflow = WORKFLOW
    template_name = "petitions/petition_detail.html"
    fields = SPEC.fields_of("编号", "登记", "办理", "复查复核", "积案")
    masked = SPEC.masks
    attachment_steps = [
        ("register", "登记材料"),
        ("notice", "受理告知书"),
        (REPLY_STEP, "书面答复（处理意见书）"),
        ("other", "其他"),
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        petition = self.object
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


class PetitionForm(LedgerFormView):
    model = Petition
    write_roles = WRITE_ROLES
    fields = PETITION_FIELDS


class PetitionClose(TransitionView):
    """办结: the outcome and the written reply in one step; a refused close keeps no upload."""

    model = Petition
    write_roles = WRITE_ROLES
    workflow = WORKFLOW

    def post(self, request, pk, name="close"):
        record = get_object_or_404(self.scoped(), pk=pk)
        require_write(request.user, record.township, self.write_roles)
        try:
            with transaction.atomic():
                if upload := request.FILES.get("reply"):
                    attach(record, upload, request.user, step=REPLY_STEP, kind="doc")
                WORKFLOW.apply(record, "close", request.user, data=request.POST.dict())
        except Refused as exc:
            messages.error(request, f"操作未执行：{exc}")
        except ValidationError as exc:
            messages.error(request, "操作未执行：" + clauses(exc.messages))
        else:
            messages.success(request, "已办结。")
        return HttpResponseRedirect(record.get_absolute_url())


class HotlineList(LedgerListView):
    model = HotlineTicket
    write_roles = WRITE_ROLES
    columns = [
        field_column(HotlineTicket, "ticket_no"),
        field_column(HotlineTicket, "received"),
        field_column(HotlineTicket, "category"),
        field_column(HotlineTicket, "caller", mask=masking.mask_names, sort=None),
        field_column(HotlineTicket, "village.name", label="村(社区)"),
        field_column(HotlineTicket, "due"),
        field_column(HotlineTicket, "state"),
        field_column(HotlineTicket, "replied_on"),
        field_column(HotlineTicket, "satisfaction"),
    ]
    search_fields = ("ticket_no", "content", "caller")
    filter_fields = ("state", "category", "satisfaction", "village")
    year_field = "received"
    select_related = ("village",)
    ordering = ("-received", "-id")


HOTLINE_FIELDS = (
    "ticket_no",
    "received",
    "due",
    "category",
    "caller",
    "phone",
    "village",
    "content",
    "handler",
    "reply",
    "replied_on",
    "satisfaction",
)


class HotlineDetail(LedgerDetailView):
    model = HotlineTicket
    write_roles = WRITE_ROLES
    workflow = HOTLINE_WORKFLOW
    fields = (*HOTLINE_FIELDS, "state")
    masked = {"caller": masking.mask_names, "phone": masking.mask_phone}


class HotlineForm(LedgerFormView):
    model = HotlineTicket
    write_roles = WRITE_ROLES
    fields = HOTLINE_FIELDS
