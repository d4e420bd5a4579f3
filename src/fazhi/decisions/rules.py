"""Numbers of 重大行政决策程序暂行条例 (statutes.md §1.2) that the decisions ledger checks."""

from fazhi.core.deadlines import CALENDAR_DAYS, Rule

COMMENT_PERIOD = Rule(
    "decisions.comment_period",
    "公开征求意见期限",
    30,
    CALENDAR_DAYS,
    "《重大行政决策程序暂行条例》第十五条",
    note="一般不少于30日；期限较短的须说明理由",
)
HEARING_NOTICE = Rule(
    "decisions.hearing_notice",
    "听证材料送达听证参加人",
    7,
    CALENDAR_DAYS,
    "《重大行政决策程序暂行条例》第十六条第三款",
    note="听证会举行7日前",
)
