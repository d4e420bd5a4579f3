"""Open enforcement deadlines for the township's deadline board."""

import dataclasses
import datetime as dt

from django.db.models import F

from fazhi.core.board import DeadlineItem
from fazhi.core.deadlines import CALENDAR_DAYS, Due
from fazhi.enforcement import rules
from fazhi.enforcement.models import EnforcementCase, EnforcementOfficer, Inspection, PublicEntry

OFFICE = "综合行政执法大队"
S = EnforcementCase.State
OPEN_BEFORE_DECISION = (S.FILED, S.INVESTIGATING, S.NOTIFIED, S.REVIEWING)


def deadline_items(township, today: dt.date) -> list[DeadlineItem]:
    items = []
    cases = (
        EnforcementCase.objects.filter(township=township)
        .select_related("item")
        .prefetch_related("excluded_periods")
    )
    for case in cases.filter(state=S.DISCOVERED):
        rule = rules.filing_rule(case.domain)
        items.append(
            DeadlineItem(
                f"执法案件 {case.title}：决定是否立案",
                case.get_absolute_url(),
                OFFICE,
                rule,
                rule.due(case.discovered_on),
            )
        )
    for case in cases.filter(state__in=OPEN_BEFORE_DECISION):
        items.append(
            DeadlineItem(
                f"执法案件 {case}：作出处罚决定",
                case.get_absolute_url(),
                OFFICE,
                rules.DECISION,
                rules.decision_due(case),
            )
        )
    # Once a case is in 执行 the unpaid fine is being enforced; the payment period matters only after service.
    for case in cases.filter(state=S.SERVED, fine__gt=0, paid_on__isnull=True, served_on__isnull=False):
        items.append(
            DeadlineItem(
                f"执法案件 {case}：缴纳罚款",
                case.get_absolute_url(),
                OFFICE,
                rules.FINE_PAYMENT,
                rules.FINE_PAYMENT.due(case.served_on),
            )
        )
    entries = PublicEntry.objects.filter(
        township=township, withdrawn_on__isnull=True, case__revoked_on__isnull=False
    ).select_related("case")
    for entry in entries:
        items.append(
            DeadlineItem(
                f"执法公示 {entry.case}：撤回已撤销的决定",
                entry.get_absolute_url(),
                OFFICE,
                rules.WITHDRAW,
                rules.WITHDRAW.due(entry.case.revoked_on),
            )
        )
    horizon = today + dt.timedelta(days=rules.CERTIFICATE_REMINDER.effective_count)
    for officer in EnforcementOfficer.objects.filter(
        township=township,
        active=True,
        valid_until__gte=today - dt.timedelta(days=30),
        valid_until__lte=horizon,
    ):
        start = rules.certificate_reminder_from(officer.valid_until)
        due = Due(officer.valid_until, start, rules.CERTIFICATE_REMINDER.effective_count, CALENDAR_DAYS)
        items.append(
            DeadlineItem(
                f"执法人员 {officer.name}：执法证件到期换证",
                officer.get_absolute_url(),
                OFFICE,
                rules.CERTIFICATE_REMINDER,
                due,
            )
        )
    open_hazards = Inspection.objects.filter(
        township=township,
        rectify_by__isnull=False,
        done_on__isnull=False,
        hazards_rectified__lt=F("hazards_found"),
    )
    for inspection in open_hazards:
        left = inspection.hazards_found - inspection.hazards_rectified
        days = (inspection.rectify_by - inspection.done_on).days
        rule = dataclasses.replace(rules.RECTIFY, count=days)  # the period the inspection set, shown as such
        due = Due(inspection.rectify_by, inspection.done_on, days, CALENDAR_DAYS)
        items.append(
            DeadlineItem(
                f"执法检查 {inspection}：{left}处隐患待整改", inspection.get_absolute_url(), OFFICE, rule, due
            )
        )
    return items
