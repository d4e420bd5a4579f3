from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from fazhi.core import masking
from fazhi.core.roles import Role
from fazhi.core.tables import Column, field_column
from fazhi.core.views import LedgerDetailView, LedgerFormView, LedgerListView
from fazhi.disputes import rules
from fazhi.disputes.models import Dispute, MediationCommittee, Mediator, MediatorTraining, ScreeningRound
from fazhi.disputes.workflows import WORKFLOW

# Mediators and village cadres record disputes and screening rounds; the judicial office manages all.
WRITE_ROLES = (Role.MEDIATOR, Role.VILLAGE)
STAFF_ROLES = (Role.MEDIATOR,)


def _due_text(due, done=False):
    return f"{due.date:%Y-%m-%d}" if due else ""


class VillageConfinedForm(LedgerFormView):
    """A village cadre picks only their own village: done by LedgerFormView for every ledger."""


# --- Mediation committees and mediators -------------------------------------------------------


class CommitteeList(LedgerListView):
    model = MediationCommittee
    write_roles = STAFF_ROLES
    columns = [
        field_column(MediationCommittee, "name"),
        field_column(MediationCommittee, "level"),
        field_column(MediationCommittee, "village.name", label="村(社区)"),
        field_column(MediationCommittee, "chair"),
        Column("在任委员", lambda c: c.member_count),
        field_column(MediationCommittee, "term_start"),
        Column("本届任期届满", lambda c: _due_text(c.term_due)),
    ]
    search_fields = ("name", "chair")
    filter_fields = ("level", "village", "active")
    select_related = ("village",)
    ordering = ("level", "name")

    def get_queryset(self):
        from django.db.models import Count

        return (
            super().get_queryset().annotate(member_count=Count("mediators", filter=Q(mediators__active=True)))
        )


class CommitteeDetail(LedgerDetailView):
    model = MediationCommittee
    write_roles = STAFF_ROLES
    template_name = "disputes/committee_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        committee = self.object
        context.update(
            members=committee.mediators.filter(active=True),
            member_problem=committee.member_problem(),
            member_rule=rules.COMMITTEE_MEMBERS,
            term_due=committee.term_due,
            term_rule=rules.COMMITTEE_TERM,
        )
        return context


class CommitteeForm(LedgerFormView):
    model = MediationCommittee
    write_roles = STAFF_ROLES
    fields = ("name", "level", "village", "chair", "term_start", "active")


class MediatorList(LedgerListView):
    model = Mediator
    write_roles = STAFF_ROLES
    columns = [
        field_column(Mediator, "name"),
        field_column(Mediator, "committee.name", label="所属调委会"),
        field_column(Mediator, "position"),
        Column("专兼职", lambda m: "专职" if m.full_time else "兼职", sort="full_time"),
        field_column(Mediator, "phone", mask=masking.mask_phone, sort=None),
        Column("参训次数", lambda m: m.training_count),
        field_column(Mediator, "active"),
    ]
    search_fields = ("name", "committee__name")
    filter_fields = ("committee", "full_time", "active")
    select_related = ("committee",)
    ordering = ("committee__name", "name")

    def get_queryset(self):
        from django.db.models import Count

        return super().get_queryset().annotate(training_count=Count("trainings"))


class MediatorDetail(LedgerDetailView):
    model = Mediator
    write_roles = STAFF_ROLES
    masked = {"phone": masking.mask_phone}


class MediatorForm(LedgerFormView):
    model = Mediator
    write_roles = STAFF_ROLES
    fields = (
        "name",
        "committee",
        "position",
        "full_time",
        "gender",
        "phone",
        "appointed",
        "active",
        "village",
    )

    def before_save(self, record, form):
        super().before_save(record, form)
        if record.active and record.committee_id:
            others = record.committee.mediators.filter(active=True).exclude(pk=record.pk).count()
            if others + 1 > rules.COMMITTEE_MEMBERS.maximum:
                raise ValidationError(
                    f"{record.committee}已有委员{others}人，不能再增加（{rules.COMMITTEE_MEMBERS.describe()}）。"
                )


class TrainingList(LedgerListView):
    model = MediatorTraining
    write_roles = STAFF_ROLES
    columns = [
        field_column(MediatorTraining, "date"),
        field_column(MediatorTraining, "topic"),
        field_column(MediatorTraining, "organiser"),
        field_column(MediatorTraining, "hours"),
        Column("参训人数", lambda t: len(t.participants.all())),
    ]
    search_fields = ("topic", "organiser")
    year_field = "date"
    prefetch_related = ("participants",)
    ordering = ("-date",)


class TrainingDetail(LedgerDetailView):
    model = MediatorTraining
    write_roles = STAFF_ROLES
    listed_relations = (("参训调解员", "participants"),)


class TrainingForm(LedgerFormView):
    model = MediatorTraining
    write_roles = STAFF_ROLES
    fields = ("date", "topic", "organiser", "hours", "participants")
    widgets = {"participants": forms.CheckboxSelectMultiple}


# --- Screening rounds --------------------------------------------------------------------------


class ScreeningList(LedgerListView):
    model = ScreeningRound
    write_roles = WRITE_ROLES
    columns = [
        Column("排查", str, sort="date"),
        field_column(ScreeningRound, "village.name", label="村(社区)"),
        field_column(ScreeningRound, "frequency"),
        field_column(ScreeningRound, "screener"),
        field_column(ScreeningRound, "found"),
        Column("零上报", lambda r: r.zero_report, sort="found"),
    ]
    search_fields = ("screener", "scope", "notes")
    filter_fields = ("village", "frequency")
    year_field = "date"
    select_related = ("village",)
    ordering = ("-date", "-id")


class ScreeningDetail(LedgerDetailView):
    model = ScreeningRound
    write_roles = WRITE_ROLES

    def get_fields(self):
        rows = super().get_fields()
        rows.append(("零上报", "是（本轮未发现矛盾纠纷）" if self.object.zero_report else "否"))
        linked = [d.number for d in self.object.disputes.all()]
        rows.append(("登记的纠纷", "、".join(linked) or "—"))
        return rows


class ScreeningForm(VillageConfinedForm):
    model = ScreeningRound
    write_roles = WRITE_ROLES
    fields = ("date", "village", "frequency", "screener", "scope", "found", "notes")


# --- Disputes ----------------------------------------------------------------------------------

DISPUTE_FIELDS = (
    "received",
    "village",
    "source",
    "type",
    "parties",
    "phone",
    "summary",
    "screening",
    "kind",
    "mediator",
    "level",
    "outcome",
    "agreement_date",
    "confirmation_applied",
    "confirmation_result",
    "follow_up_date",
    "follow_up_note",
    "criminal_risk",
    "risk_note",
)


class DisputeList(LedgerListView):
    model = Dispute
    write_roles = WRITE_ROLES
    columns = [
        field_column(Dispute, "number"),
        field_column(Dispute, "received"),
        field_column(Dispute, "village.name", label="村(社区)"),
        field_column(Dispute, "type"),
        field_column(Dispute, "parties", mask=masking.mask_names, sort=None),
        field_column(Dispute, "kind"),
        field_column(Dispute, "mediator.name", label="调解员"),
        field_column(Dispute, "level"),
        field_column(Dispute, "state"),
        Column("司法确认申请截止", lambda d: _due_text(d.confirmation_due)),
        Column("民转刑风险", lambda d: d.criminal_risk, sort="criminal_risk"),
    ]
    search_fields = ("number", "summary", "parties")
    filter_fields = ("state", "type", "level", "kind", "source", "village", "criminal_risk")
    year_field = "received"
    select_related = ("village", "mediator")
    ordering = ("-received", "-id")


class DisputeDetail(LedgerDetailView):
    model = Dispute
    write_roles = WRITE_ROLES
    workflow = WORKFLOW
    template_name = "disputes/dispute_detail.html"
    fields = ("number", *DISPUTE_FIELDS, "state", "resolved_on")
    select_related = ("screening__village",)
    masked = {"parties": masking.mask_names, "phone": masking.mask_phone}
    attachment_steps = [
        ("register", "受理登记"),
        ("mediation", "调解笔录"),
        ("agreement", "调解协议书"),
        ("follow_up", "回访记录"),
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["deadlines"] = self.object.deadline_rows()
        return context


class DisputeForm(VillageConfinedForm):
    model = Dispute
    write_roles = WRITE_ROLES
    fields = DISPUTE_FIELDS
