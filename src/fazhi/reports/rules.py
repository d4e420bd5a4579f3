"""Calendar of the annual report (statutes.md §1.11). The article numbers are NOT verified: only the
publication article (24) is attested, by one district page, and it is also cited as art. 25."""

import datetime as dt

from fazhi.core.deadlines import MONTHS, Rule

SOURCE = "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）"

# Counted from 1 January of the following year: +2 months = 1 March, +3 months = 1 April.
SUBMIT = Rule(
    "reports.submit",
    "年度报告报送上一级党委和政府（抄送依法治县办）",
    2,
    MONTHS,
    f"{SOURCE}第二十三条（条号未核实）",
    verified=False,
    note="市、县、乡党委和政府于每年3月1日前报告上一年度法治政府建设情况",
)
PUBLISH = Rule(
    "reports.publish",
    "年度报告向社会公开",
    3,
    MONTHS,
    f"{SOURCE}第二十四条（条号未核实，亦有引作第二十五条）",
    verified=False,
    note="每年4月1日前通过报刊、网站等向社会公开",
)
# The required content is a rule too, though not a deadline: it is what the check looks for.
CONTENT_ARTICLE = f"{SOURCE}第二十五条（条号未核实）"


def period_start(year: int) -> dt.date:
    return dt.date(year + 1, 1, 1)


def submit_due(year: int):
    return SUBMIT.due(period_start(year))


def publish_due(year: int):
    return PUBLISH.due(period_start(year))
