"""Statutory time limits when the township is respondent or defendant (statutes.md §1.6, §1.7)."""

from fazhi.core.deadlines import CALENDAR_DAYS, WORKING_DAYS, Rule

# 行政复议法 art. 88(2): "十日" there means working days.
RECONSIDERATION_ANSWER = Rule(
    "litigation.reconsideration_answer",
    "行政复议书面答复并提交证据（自收到申请书副本之日起）",
    10,
    WORKING_DAYS,
    "《行政复议法》第四十八条、第八十八条第二款",
)
DEFENCE = Rule(
    "litigation.defence",
    "行政诉讼提交答辩状及证据（自收到起诉状副本之日起）",
    15,
    CALENDAR_DAYS,
    "《行政诉讼法》第六十七条",
)
APPEAL = Rule(
    "litigation.appeal",
    "不服一审判决提起上诉（自判决书送达之日起）",
    15,
    CALENDAR_DAYS,
    "《行政诉讼法》第八十五条",
)
