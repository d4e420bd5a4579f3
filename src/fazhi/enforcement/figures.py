"""Enforcement figures (domain.md §3.3), with the report sentences they appear in."""

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from fazhi.enforcement.models import (
    CaseEvaluation,
    EnforcementCase,
    EnforcementItem,
    EnforcementOfficer,
    Inspection,
    JointOperation,
    Violation,
)
from fazhi.indicators.registry import REGISTRY, Scope, breakdown, count, get, rate, total

S = EnforcementCase.State
SECTION = "enforcement"
DECIDED_OR_LATER = (S.DECIDED, S.SERVED, S.EXECUTING, S.CLOSED)

# -- the item catalogue ---------------------------------------------------------------------------
count(
    "enforcement.items.total",
    "行政执法事项",
    "项",
    EnforcementItem,
    sentence="梳理公布行政执法事项{value}项",
    section=SECTION,
    dashboard=True,
)
breakdown(
    "enforcement.items.by_category",
    "{label}事项",
    "项",
    EnforcementItem,
    "category",
    sentence="{label}{value}项",
    section=SECTION,
)


# -- officers --------------------------------------------------------------------------------------
def _reference_day(scope: Scope) -> dt.date:
    """Officers are counted as they stand at the end of the year (or today, for the current year)."""
    today = timezone.localdate()
    return min(today, dt.date(scope.year, 12, 31)) if scope.year else today


def _officers(scope: Scope):
    return EnforcementOfficer.objects.filter(township=scope.township, active=True)


def _certified(scope: Scope):
    day = _reference_day(scope)
    return (
        _officers(scope)
        .exclude(certificate_no="")
        .filter(valid_until__gte=day)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
    )


count(
    "enforcement.officers.total",
    "执法人员",
    "人",
    EnforcementOfficer,
    queryset=_officers,
    sentence="综合行政执法大队现有执法人员{value}名",
    section=SECTION,
    dashboard=True,
)
count(
    "enforcement.officers.certified",
    "持有效执法证件人员",
    "人",
    EnforcementOfficer,
    queryset=_certified,
    sentence="持证{value}人",
    section=SECTION,
)
rate(
    "enforcement.officers.certified_rate",
    "执法人员持证率",
    "enforcement.officers.certified",
    "enforcement.officers.total",
    sentence="持证率{value}%",
    section=SECTION,
    dashboard=True,
)

# Who the brigade is: how many the district/county seconded (the staff are not news), and who has
# applied for a certificate in the year (持证上岗: "5人申办行政执法证件").
breakdown(
    "enforcement.officers.by_origin",
    "执法人员（{label}）",
    "人",
    EnforcementOfficer,
    "origin",
    filter=Q(active=True),
    sentence={
        EnforcementOfficer.Origin.SECONDED: "{label}{value}人",
        EnforcementOfficer.Origin.HIRED: "{label}{value}人",
    },
    section=SECTION,
)
count(
    "enforcement.officers.applying",
    "申办行政执法证件人员",
    "人",
    EnforcementOfficer,
    date_field="certificate_applied_on",
    sentence="{value}人申办行政执法证件",
    section=SECTION,
)

# -- cases -----------------------------------------------------------------------------------------
count(
    "enforcement.cases.total",
    "执法案件",
    "件",
    EnforcementCase,
    date_field="discovered_on",
    sentence="办理行政执法案件{value}件",
    section=SECTION,
    dashboard=True,
)
count(
    "enforcement.cases.closed",
    "已结案件",
    "件",
    EnforcementCase,
    filter=Q(state=S.CLOSED),
    date_field="closed_on",
    sentence="已结案{value}件",
    section=SECTION,
)
count(
    "enforcement.cases.major",
    "重大执法决定",
    "件",
    EnforcementCase,
    filter=Q(major=True, state__in=DECIDED_OR_LATER),
    date_field="decided_on",
    sentence="作出重大执法决定{value}件",
    section=SECTION,
)


def _reviewed(scope: Scope):
    from fazhi.reviews.services import with_passing_review

    return with_passing_review(get("enforcement.cases.major").records(scope))


count(
    "enforcement.cases.reviewed",
    "经法制审核的重大执法决定",
    "件",
    EnforcementCase,
    queryset=_reviewed,
    sentence="经法制审核{value}件",
    section=SECTION,
)
rate(
    "enforcement.cases.legal_review_rate",
    "重大执法决定法制审核率",
    "enforcement.cases.reviewed",
    "enforcement.cases.major",
    sentence="重大执法决定法制审核率{value}%",
    section=SECTION,
    dashboard=True,
)


def _full_record(scope: Scope):
    from fazhi.enforcement.workflows import missing_records

    closed = get("enforcement.cases.closed").records(scope)
    return closed.filter(pk__in=[pk for pk, missing in missing_records(list(closed)).items() if not missing])


count(
    "enforcement.cases.full_record",
    "全过程记录完整的已结案件",
    "件",
    EnforcementCase,
    queryset=_full_record,
    section=SECTION,
)
rate(
    "enforcement.cases.full_record_rate",
    "执法全过程记录率",
    "enforcement.cases.full_record",
    "enforcement.cases.closed",
    sentence="执法全过程记录率{value}%",
    section=SECTION,
    dashboard=True,
)

# -- inspections, joint operations -----------------------------------------------------------------
count(
    "enforcement.inspections.total",
    "执法检查",
    "次",
    Inspection,
    date_field="planned_on",
    sentence="开展执法检查{value}次",
    section=SECTION,
    dashboard=True,
)
breakdown(
    "enforcement.inspections.by_kind",
    "{label}",
    "次",
    Inspection,
    "kind",
    date_field="planned_on",
    sentence="{label}{value}次",
    section=SECTION,
)
total(
    "enforcement.hazards.found",
    "排查安全隐患",
    "处",
    Inspection,
    "hazards_found",
    date_field="planned_on",
    sentence="排查各类安全隐患{value}处",
    section=SECTION,
    dashboard=True,
)
total(
    "enforcement.hazards.rectified",
    "整改安全隐患",
    "处",
    Inspection,
    "hazards_rectified",
    date_field="planned_on",
    sentence="整改{value}处",
    section=SECTION,
)
rate(
    "enforcement.hazards.rectified_rate",
    "隐患整改率",
    "enforcement.hazards.rectified",
    "enforcement.hazards.found",
    sentence="整改率{value}%",
    section=SECTION,
)
count(
    "enforcement.joint_operations.total",
    "联合执法行动",
    "次",
    JointOperation,
    date_field="date",
    sentence="开展联合执法行动{value}次",
    section=SECTION,
    dashboard=True,
)
total(
    "enforcement.vehicles_checked",
    "检查车辆",
    "辆",
    JointOperation,
    "vehicles_checked",
    date_field="date",
    sentence="共查车辆{value}辆",
    section=SECTION,
    dashboard=True,
)
total(
    "enforcement.people_cautioned",
    "劝导人数",
    "人",
    JointOperation,
    "people_cautioned",
    date_field="date",
    sentence="劝导人数{value}人",
    section=SECTION,
)
# Joint operations by kind (五联动/三联动), and the violations found, by type — in all and per kind.
JOINT = dict(date_field="date", section=SECTION)
VIOLATIONS = dict(township_field="operation__township", date_field="operation__date", section=SECTION)
breakdown(
    "enforcement.joint_operations.by_kind",
    "{label}行动",
    "次",
    JointOperation,
    "kind",
    sentence="开展{label}{value}次",
    **JOINT,
)
for _total, _field, _sentence, _unit in (
    ("enforcement.vehicles_checked", "vehicles_checked", "共查车辆{value}辆", "辆"),
    ("enforcement.people_cautioned", "people_cautioned", "劝导人数{value}人", "人"),
):
    breakdown(
        f"{_total}.by_kind",
        REGISTRY[_total].name + "（{label}）",
        _unit,
        JointOperation,
        "kind",
        sum_field=_field,
        sentence=_sentence,
        **JOINT,
    )
breakdown(  # codes: enforcement.violations.overload / no_helmet / …
    "enforcement.violations",
    "查处{label}",
    "起",
    Violation,
    "kind",
    sum_field="count",
    sentence="{label}{value}起",
    **VIOLATIONS,
)
for _kind, _label in JointOperation.Kind.choices:  # codes: enforcement.violations.five.overload / …
    breakdown(
        f"enforcement.violations.{_kind}",
        _label + "查处{label}",
        "起",
        Violation,
        "kind",
        sum_field="count",
        filter=Q(operation__kind=_kind),
        sentence="{label}{value}起",
        **VIOLATIONS,
    )

# -- case-file evaluation --------------------------------------------------------------------------
count(
    "enforcement.evaluations.total",
    "评查案卷",
    "卷",
    CaseEvaluation,
    date_field="evaluated_on",
    sentence="评查执法案卷{value}卷",
    section=SECTION,
)
total(
    "enforcement.evaluations.score_sum",
    "评查得分合计",
    "分",
    CaseEvaluation,
    "total",
    date_field="evaluated_on",
    section=SECTION,
)
total(
    "enforcement.evaluations.max_sum",
    "评查满分合计",
    "分",
    CaseEvaluation,
    "max_total",
    date_field="evaluated_on",
    section=SECTION,
)
# Every checklist totals 100 points, so the score rate equals the township's average score.
rate(
    "enforcement.evaluations.average",
    "案卷评查平均得分率",
    "enforcement.evaluations.score_sum",
    "enforcement.evaluations.max_sum",
    sentence="案卷评查平均得分率{value}%",
    section=SECTION,
    dashboard=True,
)
