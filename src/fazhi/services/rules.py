"""Statutory time limits of this app (numbers and articles from shared/docs/statutes.md §1.10, §1.7)."""

from fazhi.core.deadlines import CALENDAR_DAYS, WORKING_DAYS, Rule

DISCLOSURE_REPLY = Rule(
    "disclosure.reply",
    "依申请公开答复期限",
    20,
    WORKING_DAYS,
    "《政府信息公开条例》第三十三条",
    note="不能当场答复的，自收到申请之日起20个工作日内答复；征求第三方意见的时间不计算在内（第三十二条）",
)
DISCLOSURE_EXTENSION = Rule(
    "disclosure.extension",
    "依申请公开延长答复期限",
    20,
    WORKING_DAYS,
    "《政府信息公开条例》第三十三条",
    note="经政府信息公开工作机构负责人同意并告知申请人，延长最长不超过20个工作日",
)
VILLAGE_RULE_FILING = Rule(
    "village_rule.filing",
    "村规民约报乡(镇)备案期限",
    10,
    CALENDAR_DAYS,
    "《宁波市法治乡村建设促进条例》第十四条",
    note="村民委员会组织法第二十七条要求报乡镇政府备案；10日期限为宁波市地方性法规的规定",
)
