"""Statutory time limits of enforcement (statutes.md §1.3–1.4), each with its article."""

import datetime as dt

from django.conf import settings

from fazhi.core.deadlines import CALENDAR_DAYS, WORKING_DAYS, Due, Rule, due_date

DECISION = Rule(
    "enforcement.decision",
    "立案后作出处罚决定",
    90,
    CALENDAR_DAYS,
    "《行政处罚法》第六十条",
    note="听证、检测、检验、鉴定等期间不计入",
)
HEARING_REQUEST = Rule(
    "enforcement.hearing_request", "当事人申请听证", 5, WORKING_DAYS, "《行政处罚法》第六十四条第一项"
)
HEARING_NOTICE = Rule(
    "enforcement.hearing_notice", "听证前通知当事人", 7, WORKING_DAYS, "《行政处罚法》第六十四条第二项"
)
FINE_PAYMENT = Rule(
    "enforcement.fine_payment", "当事人缴纳罚款", 15, CALENDAR_DAYS, "《行政处罚法》第六十七条第三款"
)
WITHDRAW = Rule(
    "enforcement.publicity_withdraw", "撤回已公开的处罚决定信息", 3, WORKING_DAYS, "《行政处罚法》第四十八条"
)
FILING = Rule(
    "enforcement.filing",
    "核查线索并决定是否立案",
    15,
    WORKING_DAYS,
    "《市场监督管理行政处罚程序规定》（各执法领域规定不一）",
    verified=False,
    note="按执法领域在设置中调整",
)
CERTIFICATE_REMINDER = Rule(
    "enforcement.certificate_reminder",
    "执法证件到期前提醒换证",
    60,
    CALENDAR_DAYS,
    "国办发〔2018〕118号（证件由省级统一制发；提醒期为本系统设置）",
    verified=False,
)
# The rectification deadline is set by the inspection itself (责令限期整改); the rule only names the basis.
RECTIFY = Rule(
    "enforcement.rectify",
    "安全隐患限期整改",
    30,
    CALENDAR_DAYS,
    "《安全生产法》第六十五条（期限由检查时责令确定）",
    verified=False,
    note="看板按检查记录填写的整改期限提示",
)

RULES = (
    DECISION,
    HEARING_REQUEST,
    HEARING_NOTICE,
    FINE_PAYMENT,
    WITHDRAW,
    FILING,
    CERTIFICATE_REMINDER,
    RECTIFY,
)


def filing_rule(domain: str) -> Rule:
    """The 立案 limit of one enforcement domain: a setting (statutes.md: "configurable per 执法领域")."""
    days = getattr(settings, "FAZHI_ENFORCEMENT_FILING_DAYS", {}).get(domain)
    if days is None:
        return FILING
    from fazhi.enforcement.models import Domain

    return Rule(
        f"{FILING.code}.{domain}",
        f"{FILING.label}（{Domain(domain).label}）",
        days,
        WORKING_DAYS,
        FILING.article,
        verified=False,
        note=FILING.note,
    )


def excluded_days(case) -> int:
    """Calendar days of hearings, appraisals etc. that the 90-day period does not count (overlaps once)."""
    days: set[dt.date] = set()
    for period in case.excluded_periods.all():
        days.update(period.start + dt.timedelta(n) for n in range(period.days))
    return len(days)


def decision_due(case) -> Due | None:
    """90 days from 立案 (art. 60), extended by the excluded periods."""
    if case.filed_on is None:
        return None
    excluded = excluded_days(case)
    return (
        due_date(case.filed_on, DECISION.effective_count + excluded, DECISION.unit)
        if excluded
        else DECISION.due(case.filed_on)
    )


def explain_decision_due(case) -> str:
    due = decision_due(case)
    if due is None:
        return ""
    excluded = excluded_days(case)
    text = f"{DECISION.describe()}；自{case.filed_on:%Y-%m-%d}立案起{DECISION.effective_count}日"
    if excluded:
        text += f"，另扣除听证、鉴定等不计入期间{excluded}日"
    return text + (f"。{due.warning}" if due.warning else "")


def certificate_reminder_from(valid_until: dt.date) -> dt.date:
    return valid_until - dt.timedelta(days=CERTIFICATE_REMINDER.effective_count)
