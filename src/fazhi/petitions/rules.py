"""Statutory numbers of 信访工作条例 (2022; statutes.md §1.1). Its "日" are calendar days: only the
objection period says 工作日, and the 条例 has no counting clause of its own."""

from fazhi.core.deadlines import CALENDAR_DAYS, Limit, Rule

NOTICE_DIRECT = Rule(
    "petitions.notice_direct",
    "受理告知（直接收到的信访事项）",
    15,
    CALENDAR_DAYS,
    "《信访工作条例》第二十二条、第二十三条第二款",
)
NOTICE_ROUTED = Rule(
    "petitions.notice_routed",
    "受理告知（上级转送、交办的信访事项）",
    15,
    CALENDAR_DAYS,
    "《信访工作条例》第二十三条第三款",
)
HANDLING = Rule(
    "petitions.handling", "信访事项办结（自受理之日起）", 60, CALENDAR_DAYS, "《信访工作条例》第三十四条"
)
EXTENSION = Rule(
    "petitions.extension",
    "办理期限延长（经负责人批准，只能延长一次）",
    30,
    CALENDAR_DAYS,
    "《信访工作条例》第三十四条",
)
REVIEW_REQUEST = Rule(
    "petitions.review_request",
    "申请复查（自收到书面答复之日起）",
    30,
    CALENDAR_DAYS,
    "《信访工作条例》第三十五条",
)
REVIEW_DECISION = Rule(
    "petitions.review_decision",
    "复查机关提出复查意见（自收到复查请求之日起）",
    30,
    CALENDAR_DAYS,
    "《信访工作条例》第三十五条",
)
RECHECK_REQUEST = Rule(
    "petitions.recheck_request",
    "申请复核（自收到复查意见之日起）",
    30,
    CALENDAR_DAYS,
    "《信访工作条例》第三十六条",
)
RECHECK_DECISION = Rule(
    "petitions.recheck_decision",
    "复核机关提出复核意见（自收到复核请求之日起）",
    30,
    CALENDAR_DAYS,
    "《信访工作条例》第三十六条",
)


GROUP_REPRESENTATIVES = Limit(
    "petitions.group_representatives", "多人走访推选代表", 5, "《信访工作条例》第二十条第三款"
)
