"""Open enforcement deadlines: 立案, the decision, the fine, withdrawing publicity, certificates,
hazards to rectify."""

import dataclasses
import datetime as dt

from django.db.models import F, Q

from fazhi.core.board import DeadlineItem, Source
from fazhi.core.deadlines import CALENDAR_DAYS, Due
from fazhi.enforcement import rules
from fazhi.enforcement.models import (
    EnforcementCase,
    EnforcementItem,
    EnforcementOfficer,
    ExcludedPeriod,
    Inspection,
    PublicEntry,
)

OFFICE = "综合行政执法大队"
S = EnforcementCase.State
OPEN_BEFORE_DECISION = (S.FILED, S.INVESTIGATING, S.NOTIFIED, S.REVIEWING)


def filing_items(cases):
    for case in cases.filter(state=S.DISCOVERED).select_related("item"):
        rule = rules.filing_rule(case.domain)
        yield DeadlineItem(
            f"执法案件 {case.title}：决定是否立案",
            case.get_absolute_url(),
            OFFICE,
            rule,
            rule.due(case.discovered_on),
            case,
        )


def decision_items(cases):
    for case in cases.filter(state__in=OPEN_BEFORE_DECISION).prefetch_related("excluded_periods"):
        if case.filed_on is None:  # imported without a 立案 date: nothing to count from
            continue
        yield DeadlineItem(
            f"执法案件 {case}：作出处罚决定",
            case.get_absolute_url(),
            OFFICE,
            rules.DECISION,
            rules.decision_due(case),
            case,
        )


def fine_items(cases):
    # Once a case is in 执行 the unpaid fine is being enforced; the payment period matters only after service.
    for case in cases.filter(state=S.SERVED, fine__gt=0, paid_on__isnull=True, served_on__isnull=False):
        yield DeadlineItem(
            f"执法案件 {case}：缴纳罚款",
            case.get_absolute_url(),
            OFFICE,
            rules.FINE_PAYMENT,
            rules.FINE_PAYMENT.due(case.served_on),
            case,
        )


def withdrawal_items(entries):
    revoked = entries.filter(withdrawn_on__isnull=True, case__revoked_on__isnull=False).select_related("case")
    for entry in revoked:
        yield DeadlineItem(
            f"执法公示 {entry.case}：撤回已撤销的决定",
            entry.get_absolute_url(),
            OFFICE,
            rules.WITHDRAW,
            rules.WITHDRAW.due(entry.case.revoked_on),
            entry,
        )


def certificate_items(officers):
    for officer in officers.filter(active=True, valid_until__isnull=False):
        start = rules.certificate_reminder_from(officer.valid_until)
        yield DeadlineItem(
            f"执法人员 {officer.name}：执法证件到期换证",
            officer.get_absolute_url(),
            OFFICE,
            rules.CERTIFICATE_REMINDER,
            Due(officer.valid_until, start, rules.CERTIFICATE_REMINDER.effective_count, CALENDAR_DAYS),
            officer,
            shown_from=start,
            hidden_after=officer.valid_until + dt.timedelta(days=30),
        )


def hazard_items(inspections):
    open_hazards = inspections.filter(
        rectify_by__isnull=False, done_on__isnull=False, hazards_rectified__lt=F("hazards_found")
    )
    for inspection in open_hazards:
        left = inspection.hazards_found - inspection.hazards_rectified
        days = (inspection.rectify_by - inspection.done_on).days
        rule = dataclasses.replace(rules.RECTIFY, count=days)  # the period the inspection set, shown as such
        due = Due(inspection.rectify_by, inspection.done_on, days, CALENDAR_DAYS)
        yield DeadlineItem(
            f"执法检查 {inspection}：{left}处隐患待整改",
            inspection.get_absolute_url(),
            OFFICE,
            rule,
            due,
            inspection,
        )


SOURCES = [
    # The 立案 limit is set per domain, which comes from the catalogue item.
    Source(EnforcementCase, filing_items, follows={EnforcementItem: lambda item: Q(item=item.pk)}),
    Source(EnforcementCase, decision_items, follows={ExcludedPeriod: lambda period: Q(pk=period.case_id)}),
    Source(EnforcementCase, fine_items),
    Source(PublicEntry, withdrawal_items, follows={EnforcementCase: lambda case: Q(case=case.pk)}),
    Source(EnforcementOfficer, certificate_items),
    Source(Inspection, hazard_items),
]
