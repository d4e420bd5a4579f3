"""The enforcement ledgers, each declared once: the item catalogue, officers, cases, public entries,
inspections, joint operations and case-file evaluations. Their actions beside the workflow (import,
excluded periods, revoking, withdrawing an entry) are pages of their own (views, views_checks)."""

from django.core.exceptions import ValidationError
from django.db.models import Avg
from django.urls import reverse
from django.utils import timezone

from fazhi.core import masking
from fazhi.core.deadlines import remaining
from fazhi.core.ledger import LedgerSpec
from fazhi.core.roles import Role
from fazhi.core.tables import Column, field_column
from fazhi.core.views import LedgerDetailView, LedgerFormView, LedgerListView
from fazhi.enforcement import actions, rules, services
from fazhi.enforcement import models as m
from fazhi.enforcement.violations import JOINT_FIELDS, JointOperationForm
from fazhi.enforcement.workflows import RECORD_STEPS, missing_record, workflow

ROLES = (Role.ENFORCEMENT,)


def checked(*checks):
    """A form's `before_save`: the model's own clean, then each check (record -> the Chinese reason it
    refuses, or ""); every refusal is shown at once."""

    def before_save(view, record, form):
        record.clean()
        if errors := [reason for check in checks if (reason := check(record))]:
            raise ValidationError(errors)

    return before_save


def rows_after(*extra_rows):
    """A record page's `get_fields`: the declared fields, then rows computed from the record."""

    def get_fields(view):
        rows = LedgerDetailView.get_fields(view)
        for extra in extra_rows:
            rows.extend(extra(view.object))
        return rows

    return get_fields


# -- item catalogue --------------------------------------------------------------------------------
def _item_actions(view):
    links = [("下载导入模板", reverse("enforcement:item_template"))]
    if view.can_add():
        links.append(("从Excel导入", reverse("enforcement:item_import")))
    return links


ITEM_PUBLISHED = (
    *("code", "name", "category", "domain", "legal_basis", "assigned_by", "assignment_document"),
    *("published", "published_on"),
)
ITEM = LedgerSpec(
    m.EnforcementItem,
    write_roles=ROLES,
    columns=["code", "name", "category", "domain", "assigned_by", "published"],
    groups={"事项": ITEM_PUBLISHED, "备注": ("remarks",)},
    search=("code", "name", "legal_basis"),
    filters=("category", "domain", "published"),
    ordering=("category", "code"),
    extra={"list": {"extra_actions": property(_item_actions)}},
)


# -- officers --------------------------------------------------------------------------------------
def certificate_state(officer: m.EnforcementOfficer) -> str:
    today = timezone.localdate()
    if not officer.certified_on(today):
        return "无有效证件"
    if rules.certificate_reminder_from(officer.valid_until) <= today:
        return f"{(officer.valid_until - today).days}天后到期"
    return "有效"


def _officer_rows(officer):
    rows = [("证件状态", certificate_state(officer))]
    if officer.valid_until:
        reminder = rules.certificate_reminder_from(officer.valid_until)
        rows.append(("换证提醒", f"{reminder:%Y-%m-%d}起提醒（{rules.CERTIFICATE_REMINDER.describe()}）"))
    target = services.officers_summary(officer.township, timezone.localdate())["training_target"]
    met = "已达标" if officer.training_met else "未达标"
    rows.append(("年度培训达标", f"{met}（目标{target}学时，可在设置中调整）"))
    return rows


def _officers_summary(view, **kwargs):
    return LedgerListView.get_context_data(
        view,
        summary=services.officers_summary(view.request.township, timezone.localdate()),
        reminder=rules.CERTIFICATE_REMINDER,
        **kwargs,
    )


def _valid_period(officer):
    if officer.valid_from and officer.valid_until and officer.valid_until < officer.valid_from:
        return "证件有效期至不能早于有效期起。"
    return ""


OFFICER = LedgerSpec(
    m.EnforcementOfficer,
    write_roles=ROLES,
    columns=[
        *("name", "certificate_no", "field", "valid_until"),
        Column("证件状态", certificate_state),
        *("training_hours", "exam_score", "active"),
    ],
    groups={
        "": (
            *("name", "person", "certificate_no", "issuing_province", "origin", "certificate_applied_on"),
            *("field", "valid_from", "valid_until", "training_hours", "exam_year", "exam_score"),
            *("exam_passed", "active"),
        )
    },
    search=("name", "certificate_no"),
    filters=("field", "origin", "active", "exam_passed"),
    ordering=("name",),
    extra={
        "list": {"template_name": "enforcement/officer_list.html", "get_context_data": _officers_summary},
        "detail": {"get_fields": rows_after(_officer_rows)},
        "form": {
            "before_save": checked(
                _valid_period,
                lambda o: (
                    "考试成绩不能超过100分。" if o.exam_score is not None and o.exam_score > 100 else ""
                ),
            )
        },
    },
)


# -- cases -----------------------------------------------------------------------------------------
def decision_due(case):
    S = m.EnforcementCase.State
    if case.state not in (S.FILED, S.INVESTIGATING, S.NOTIFIED, S.REVIEWING):
        return ""
    due = rules.decision_due(case)
    return f"{due.date:%Y-%m-%d}" if due else ""


# Named groups of a case's fields, shared by the form, the record page and the API.
CASE_REGISTER = ("source", "item", "title", "party", "party_id_number", "party_phone", "village", "location")
CASE_WEIGHT = ("major", "social_impact", "hearing_right", "discovered_on")
CASE_HEARING = ("hearing_requested_on", "hearing_notice_on", "hearing_on")
CASE_FIELDS = (  # the form's; the officers (many-to-many) beside the facts
    *(*CASE_REGISTER, "facts", "officers", *CASE_WEIGHT, *CASE_HEARING),
    *("decision_no", "decision", "fine", "paid_on"),
)


def _case_queryset(view):
    return LedgerDetailView.get_queryset(view).prefetch_related("officers", "excluded_periods")


def _case_fields(view):
    rows = LedgerDetailView.get_fields(view)
    today = timezone.localdate()
    officers = [
        f"{o.name}（{'持证有效' if o.certified_on(today) else '无有效证件'}）"
        for o in view.object.officers.all()
    ]
    rows.insert(3, ("承办执法人员", "、".join(officers) or "—"))
    return rows


def _period(what, rule, due, done):
    return (what, due, f"{rule.describe()}；{due.explain()}", done)


def _case_deadlines(case, today):
    """(what, due, how it is computed, done) of each period running on the case."""
    out = []
    if due := rules.decision_due(case):
        out.append(("作出决定", due, rules.explain_decision_due(case), case.decided_on is not None))
    if case.hearing_right and case.notified_on:
        due = rules.HEARING_REQUEST.due(case.notified_on)
        done = case.hearing_requested_on is not None or due.date < today
        out.append(_period("当事人申请听证", rules.HEARING_REQUEST, due, done))
    if case.fine and case.served_on:
        due = rules.FINE_PAYMENT.due(case.served_on)
        out.append(_period("缴纳罚款", rules.FINE_PAYMENT, due, case.paid_on is not None))
    if case.state == m.EnforcementCase.State.DISCOVERED:
        rule = rules.filing_rule(case.domain)
        out.append(_period("决定是否立案", rule, rule.due(case.discovered_on), False))
    return out


def _case_context(case):
    review = None
    if case.major:
        from fazhi.reviews.services import passing_review, reviews_of

        review = passing_review(case) or reviews_of(case).order_by("-id").first()
    today = timezone.localdate()
    S = m.EnforcementCase.State
    return {
        "deadlines": [
            (*row, remaining(row[1].date, row[1].unit, today)) for row in _case_deadlines(case, today)
        ],
        "missing_record": missing_record(case) if case.state not in (S.DISCOVERED, S.DROPPED) else [],
        "excluded_periods": case.excluded_periods.all(),
        "excluded_kinds": m.ExcludedPeriod.Kind.choices,
        "review": review,
        "public_entries": case.public_entries.all(),
        "today": today,
    }


def _id_checksum(case):
    number = case.party_id_number
    if number and len(number) == 18 and not masking.is_valid_id_number(number):
        return "当事人身份证号码校验位不正确，请核对。"
    return ""


def _own_item(case):
    if case.item and case.item.township_id != case.township_id:
        return "执法事项须为本乡镇清单内的事项。"
    return ""


def _hearing_notice(case):
    if case.hearing_notice_on and case.hearing_on:
        latest = rules.HEARING_NOTICE.due(case.hearing_notice_on).date
        if latest > case.hearing_on:
            return (
                f"听证通知应在举行听证的{rules.HEARING_NOTICE.effective_count}个工作日前送达当事人"
                f"（{rules.HEARING_NOTICE.article}）：按通知日期，听证最早可在{latest:%Y-%m-%d}举行。"
            )
    return ""


def _hearing_request(case):
    if case.hearing_requested_on and case.notified_on:
        window = rules.HEARING_REQUEST.due(case.notified_on).date
        if case.hearing_requested_on > window:
            return f"当事人应在告知后{rules.HEARING_REQUEST.effective_count}个工作日内（{window:%Y-%m-%d}前）申请听证，逾期视为放弃。"
    return ""


CASE = LedgerSpec(
    m.EnforcementCase,
    write_roles=ROLES,
    columns=[
        Column("案件编号", str, sort="number"),
        "title",
        field_column(m.EnforcementCase, "party", mask=masking.mask_names),  # sortable, as before
        field_column(m.EnforcementCase, "item.name", label="执法事项"),
        field_column(m.EnforcementCase, "village.name", label="村(社区)"),
        *("source", "state", "discovered_on"),
        Column("决定期限", decision_due),
    ],
    groups={
        "编号": ("number", "state"),
        "登记": (*CASE_REGISTER, "facts", *CASE_WEIGHT),
        "办理": ("filed_on", "notified_on", *CASE_HEARING, "decided_on", "decision_no", "decision"),
        "执行": ("fine", "served_on", "paid_on", "executed_on", "closed_on", "revoked_on"),
    },
    masks={
        "party": masking.mask_names,
        "party_id_number": masking.mask_id_number,
        "party_phone": masking.mask_phone,
    },
    search=("number", "title", "party", "location"),
    filters=("state", "source", "item__category", "village", "major"),
    year_field="discovered_on",
    select_related=("item", "village"),
    prefetch_related=("excluded_periods",),
    ordering=("-discovered_on", "-id"),
    workflow=workflow,
    create=actions.open_case,
    attachment_steps=[(label, label) for _, label in RECORD_STEPS],
    related_template="enforcement/_case.html",
    detail_context=_case_context,
    extra={
        "detail": {"get_queryset": _case_queryset, "get_fields": _case_fields},
        "form": {
            "fields": CASE_FIELDS,
            "before_save": checked(_id_checksum, _own_item, _hearing_notice, _hearing_request),
        },
    },
)


# -- public entries --------------------------------------------------------------------------------
def _entry_stays_masked(view, record, form):
    record.clean()
    if record.case_id:
        from fazhi.enforcement.public_urls import masked_entry

        masked_entry(record)  # an edited decision entry stays masked


ENTRY = LedgerSpec(
    m.PublicEntry,
    write_roles=ROLES,
    columns=["title", "kind", "published_on", "withdrawn_on"],
    groups={
        "类别": ("kind",),
        "案件": ("case",),
        "公示": ("title", "content", "article", "published_on"),
        "撤回": ("withdrawn_on", "withdraw_reason"),
    },
    # Hand-written entries (e.g. 事前公示 of a campaign, art. 39); decisions are published by the workflow.
    form=("类别", "公示"),
    search=("title", "content"),
    filters=("kind",),
    year_field="published_on",
    related_template="enforcement/_entry.html",
    detail_context=lambda entry: {"withdraw_due": services.withdraw_due(entry)},
    extra={"form": {"before_save": _entry_stays_masked}},
)


# -- inspections and joint operations --------------------------------------------------------------
def _hazards(inspection):
    if inspection.hazards_rectified > inspection.hazards_found:
        return "已整改隐患数不能多于发现的隐患数。"
    if inspection.hazards_found > inspection.hazards_rectified and not inspection.rectify_by:
        return "尚有未整改的隐患，请填写整改期限。"
    return ""


def _done_before_result(inspection):
    if inspection.done_on is None and (inspection.result or inspection.hazards_found):
        return "填写检查结果前请先填写实施日期。"
    return ""


INSPECTION_PLAN = ("kind", "title", "item", "target", "village", "planned_on", "done_on")
INSPECTION_RESULT = ("result", "hazards_found", "hazards_rectified", "rectify_by")
INSPECTION = LedgerSpec(
    m.Inspection,
    write_roles=ROLES,
    columns=[
        *("title", "kind", "target", "planned_on", "done_on"),
        *("hazards_found", "hazards_rectified", "rectify_by"),
    ],
    groups={"检查": INSPECTION_PLAN, "结果": INSPECTION_RESULT},  # the officers: their own block
    search=("title", "target", "result"),
    filters=("kind", "village"),
    year_field="planned_on",
    ordering=("-planned_on", "-id"),
    extra={
        "form": {
            "fields": (*INSPECTION_PLAN, "officers", *INSPECTION_RESULT),
            "before_save": checked(_hazards, _done_before_result),
        }
    },
)
JOINT = LedgerSpec(
    m.JointOperation,
    write_roles=ROLES,
    columns=[
        *("title", "kind", "date", "vehicles_checked", "people_cautioned"),
        Column("查处违法行为", lambda op: op.violations_text()),
        Column("违法合计(起)", lambda op: op.violations),
    ],
    groups={"": JOINT_FIELDS},
    search=("title", "units", "location"),
    filters=("kind",),
    year_field="date",
    prefetch_related=("violation_rows",),
    ordering=("-date", "-id"),
    # With the violations, one row per type (enforcement.violations).
    extra={"form": {"form_class": JointOperationForm}},
)


# -- case-file evaluation --------------------------------------------------------------------------
def _average(view, **kwargs):
    context = LedgerListView.get_context_data(view, **kwargs)
    context["average"] = view.object_list.aggregate(v=Avg("total"))["v"]
    return context


def _decided_cases_only(view, form_class=None):
    form = LedgerFormView.get_form(view, form_class)
    # Only case files that have been through a decision are evaluated.
    form.fields["case"].queryset = form.fields["case"].queryset.exclude(
        state__in=(m.EnforcementCase.State.DISCOVERED, m.EnforcementCase.State.DROPPED)
    )
    return form


EVALUATION = LedgerSpec(
    m.CaseEvaluation,
    write_roles=ROLES,
    columns=[
        field_column(m.CaseEvaluation, "case.number", label="案卷"),
        *("evaluated_on", "evaluator", "total"),
        Column("等次", lambda e: e.grade),
    ],
    groups={
        "评查": (
            "case",
            "evaluated_on",
            "evaluator",
            *(name for name, _, _ in m.CaseEvaluation.CHECKLIST),
            "problems",
        ),
        "总分": ("total",),
    },
    form=("评查",),
    search=("case__number", "case__title", "evaluator"),
    year_field="evaluated_on",
    select_related=("case",),
    create=actions.evaluate_case,
    change=actions.evaluate_case,
    extra={
        "list": {"template_name": "enforcement/evaluation_list.html", "get_context_data": _average},
        "detail": {"get_fields": rows_after(lambda e: [("等次", e.grade)])},
        "form": {"get_form": _decided_cases_only},
    },
)
SPECS = (ITEM, OFFICER, CASE, ENTRY, INSPECTION, JOINT, EVALUATION)
