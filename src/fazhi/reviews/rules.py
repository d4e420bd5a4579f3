"""Time limits of legality review (statutes.md §1.2, §1.4, §1.9). Unverified numbers are settings."""

from fazhi.core.deadlines import WORKING_DAYS, Rule

DECISION = Rule(
    "reviews.decision",
    "重大行政决策合法性审查时间",
    7,
    WORKING_DAYS,
    "《重大行政决策程序暂行条例》第二十六条第二款",
    note="一般不少于7个工作日；乡级人民政府参照执行（第四十二条）",
)
# 国办发〔2018〕115号 is commonly cited as "不少于5个、最长不超过15个工作日"; its full text was not verified,
# so the window (its upper bound, which is what a due date needs) is a setting.
DOCUMENT = Rule(
    "reviews.document",
    "行政规范性文件合法性审核时间",
    15,
    WORKING_DAYS,
    "国办发〔2018〕115号（常见引用：一般不少于5个工作日、最长不超过15个工作日）",
    verified=False,
)
# No national time limit: local practice (司法所/法律顾问 review before signing, 宁波条例第十三条).
CONTRACT = Rule(
    "reviews.contract",
    "合同合法性审查时间",
    7,
    WORKING_DAYS,
    "《宁波市法治乡村建设促进条例》第十三条（签订前须经合法性审查；时限按本地规定）",
    verified=False,
)
ENFORCEMENT = Rule(
    "reviews.enforcement",
    "重大执法决定法制审核时间",
    5,
    WORKING_DAYS,
    "《行政处罚法》第五十八条（时限参照地方规定，如玉环市坎门街道5个工作日）",
    verified=False,
)
OTHER = Rule(
    "reviews.other",
    "其他法律事务合法性审查时间",
    7,
    WORKING_DAYS,
    "无法定时限，按本地规定",
    verified=False,
)

BY_KIND = {
    "decision": DECISION,
    "document": DOCUMENT,
    "contract": CONTRACT,
    "enforcement": ENFORCEMENT,
    "other": OTHER,
}


def for_kind(kind: str) -> Rule:
    return BY_KIND.get(kind, OTHER)
