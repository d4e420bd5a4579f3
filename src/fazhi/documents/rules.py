"""Numbers for normative documents (statutes.md §1.9). Most are local practice (⚠️/❓): settings."""

from fazhi.core.deadlines import CALENDAR_DAYS, MONTHS, WORKING_DAYS, Rule

COMMENT_MARKET = Rule(
    "documents.comment_market",
    "涉及市场主体的规范性文件征求意见期限",
    30,
    CALENDAR_DAYS,
    "《优化营商环境条例》第六十二条第二款",
    note="一般不少于30日",
)
COMMENT_RIGHTS = Rule(
    "documents.comment_rights",
    "规范性文件公开征求意见期限",
    7,
    WORKING_DAYS,
    "市县法治政府建设示范指标第24项（转引）",
    verified=False,
    note="一般不少于7个工作日",
)
FILING = Rule(
    "documents.filing",
    "规范性文件报送备案",
    15,
    CALENDAR_DAYS,
    "地方规范性文件备案规定（自发布之日起15日内）",
    verified=False,
)
VALIDITY = Rule(
    "documents.validity",
    "规范性文件有效期",
    60,
    MONTHS,
    "地方规范性文件管理规定（一般不超过5年）",
    verified=False,
)
TRIAL_VALIDITY = Rule(
    "documents.trial_validity",
    "试行、暂行规范性文件有效期",
    24,
    MONTHS,
    "地方规范性文件管理规定（试行、暂行1至2年）",
    verified=False,
)
PRE_EXPIRY = Rule(
    "documents.pre_expiry",
    "有效期届满前评估",
    6,
    MONTHS,
    "地方规范性文件管理规定（届满前6个月评估）",
    verified=False,
)
