"""Statutory numbers of people's mediation (statutes.md §1.8), each with its article."""

from fazhi.core.deadlines import CALENDAR_DAYS, MONTHS, Limit, Rule

COMMITTEE_MEMBERS = Limit(
    "disputes.committee_members", "人民调解委员会委员人数", 9, "《人民调解法》第八条", minimum=3
)
COMMITTEE_TERM = Rule(
    "disputes.committee_term", "人民调解委员会委员每届任期", 36, MONTHS, "《人民调解法》第九条"
)
JUDICIAL_CONFIRMATION = Rule(
    "disputes.judicial_confirmation",
    "调解协议司法确认申请期限（双方自协议生效之日起共同申请）",
    30,
    CALENDAR_DAYS,
    "《人民调解法》第三十三条",
)
# ⚠️ From a 2002 Ministry of Justice rule quoted by a secondary source: a target, not a statute.
MEDIATION_TARGET = Rule(
    "disputes.mediation_target",
    "人民调解一般调结期限",
    1,
    MONTHS,
    "司法部《人民调解工作若干规定》第三十三条",
    verified=False,
)
