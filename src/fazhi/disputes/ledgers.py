"""The mediation ledgers (调委会, 调解员, 培训, 排查, 矛盾纠纷), each declared once."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Q

from fazhi.core import masking
from fazhi.core.ledger import LedgerSpec
from fazhi.core.roles import Role
from fazhi.core.tables import Column
from fazhi.core.views import LedgerDetailView
from fazhi.disputes import actions, rules
from fazhi.disputes.models import Dispute, MediationCommittee, Mediator, MediatorTraining, ScreeningRound
from fazhi.disputes.workflows import WORKFLOW

# Mediators and village cadres record disputes and screening rounds; the judicial office manages all.
WRITE_ROLES = (Role.MEDIATOR, Role.VILLAGE)
STAFF_ROLES = (Role.MEDIATOR,)
VILLAGE = {"村(社区)": ("village",)}  # the record page shows it first; forms place it themselves


def _due_text(due):
    return f"{due.date:%Y-%m-%d}" if due else ""


def _committee(committee):
    return {
        "members": committee.mediators.filter(active=True),
        "member_problem": committee.member_problem(),
        "member_rule": rules.COMMITTEE_MEMBERS,
        "term_due": committee.term_due,
        "term_rule": rules.COMMITTEE_TERM,
    }


COMMITTEE = LedgerSpec(
    MediationCommittee,
    write_roles=STAFF_ROLES,
    columns=[
        *("name", "level", "village.name", "chair"),
        Column("在任委员", lambda c: c.member_count),
        "term_start",
        Column("本届任期届满", lambda c: _due_text(c.term_due)),
    ],
    groups={**VILLAGE, "调委会": ("name", "level", "term_start", "chair", "active")},
    search=("name", "chair"),
    filters=("level", "village", "active"),
    select_related=("village",),
    annotate={"member_count": Count("mediators", filter=Q(mediators__active=True))},
    ordering=("level", "name"),
    detail_context=_committee,
    extra={
        "detail": {"template_name": "disputes/committee_detail.html"},
        "form": {"fields": ("name", "level", "village", "chair", "term_start", "active")},
    },
)


def _within_committee_size(view, record, form):
    record.clean()
    if record.active and record.committee_id:
        others = record.committee.mediators.filter(active=True).exclude(pk=record.pk).count()
        if others + 1 > rules.COMMITTEE_MEMBERS.maximum:
            raise ValidationError(
                f"{record.committee}已有委员{others}人，不能再增加（{rules.COMMITTEE_MEMBERS.describe()}）。"
            )


MEDIATOR = LedgerSpec(
    Mediator,
    write_roles=STAFF_ROLES,
    columns=[
        *("name", "committee.name", "position"),
        Column("专兼职", lambda m: "专职" if m.full_time else "兼职", sort="full_time"),
        "phone",
        Column("参训次数", lambda m: m.training_count),
        "active",
    ],
    groups={
        **VILLAGE,
        "聘任": ("name", "committee", "full_time", "position", "gender", "phone", "appointed", "active"),
    },
    masks={"phone": masking.mask_phone},
    search=("name", "committee__name"),
    filters=("committee", "full_time", "active"),
    select_related=("committee",),
    annotate={"training_count": Count("trainings")},
    ordering=("committee__name", "name"),
    extra={
        "form": {
            "fields": (
                "name",
                "committee",
                "position",
                "full_time",
                "gender",
                "phone",
                "appointed",
                "active",
                "village",
            ),
            "before_save": _within_committee_size,
        }
    },
)

TRAINING = LedgerSpec(
    MediatorTraining,
    write_roles=STAFF_ROLES,
    columns=[
        *("date", "topic", "organiser", "hours"),
        Column("参训人数", lambda t: len(t.participants.all())),
    ],
    groups={**VILLAGE, "培训": ("date", "topic", "organiser", "hours")},
    form=("培训",),
    search=("topic", "organiser"),
    year_field="date",
    prefetch_related=("participants",),
    ordering=("-date",),
    listed_relations=(("参训调解员", "participants"),),
    widgets={"participants": forms.CheckboxSelectMultiple},
    # The participants are a many-to-many, which the record page lists by name (listed_relations).
    extra={"form": {"fields": ("date", "topic", "organiser", "hours", "participants")}},
)


def _screening_rows(view):
    rows = LedgerDetailView.get_fields(view)
    rows.append(("零上报", "是（本轮未发现矛盾纠纷）" if view.object.zero_report else "否"))
    linked = [d.number for d in view.object.disputes.all()]
    rows.append(("登记的纠纷", "、".join(linked) or "—"))
    return rows


SCREENING = LedgerSpec(
    ScreeningRound,
    write_roles=WRITE_ROLES,
    columns=[
        Column("排查", str, sort="date"),
        *("village.name", "frequency", "screener", "found"),
        Column("零上报", lambda r: r.zero_report, sort="found"),
    ],
    groups={**VILLAGE, "日期": ("date",), "排查": ("frequency", "screener", "scope", "found", "notes")},
    form=("日期", "村(社区)", "排查"),
    search=("screener", "scope", "notes"),
    filters=("village", "frequency"),
    year_field="date",
    select_related=("village",),
    ordering=("-date", "-id"),
    extra={"detail": {"get_fields": _screening_rows}},
    api="screening-rounds",
)

DISPUTE = LedgerSpec(
    Dispute,
    write_roles=WRITE_ROLES,
    columns=[
        *("number", "received", "village.name", "type", "parties", "kind", "mediator.name", "level", "state"),
        Column("司法确认申请截止", lambda d: _due_text(d.confirmation_due)),
        Column("民转刑风险", lambda d: d.criminal_risk, sort="criminal_risk"),
    ],
    groups={
        "编号": ("number",),
        "受理": ("received", "village", "source", "type", "parties", "phone", "summary", "screening"),
        "调解": ("kind", "mediator", "level", "outcome", "agreement_date"),
        "司法确认与回访": (
            *("confirmation_applied", "confirmation_result", "follow_up_date", "follow_up_note"),
            *("criminal_risk", "risk_note"),
        ),
        "办结": ("state", "resolved_on"),
    },
    form=("受理", "调解", "司法确认与回访"),
    masks={"parties": masking.mask_names, "phone": masking.mask_phone},
    search=("number", "summary", "parties"),
    filters=("state", "type", "level", "kind", "source", "village", "criminal_risk"),
    year_field="received",
    select_related=("village", "mediator"),
    ordering=("-received", "-id"),
    workflow=WORKFLOW,
    create=actions.register_dispute,
    attachment_steps=[
        ("register", "受理登记"),
        ("mediation", "调解笔录"),
        ("agreement", "调解协议书"),
        ("follow_up", "回访记录"),
    ],
    detail_context=lambda dispute: {"deadlines": dispute.deadline_rows()},
    extra={
        "detail": {"template_name": "disputes/dispute_detail.html", "select_related": ("screening__village",)}
    },
)
SPECS = (DISPUTE, SCREENING, COMMITTEE, MEDIATOR, TRAINING)
