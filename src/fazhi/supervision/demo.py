"""Two 督办 tasks of 江源县: one answered and accepted, one overdue in one township."""

import datetime as dt

from fazhi.supervision import services
from fazhi.supervision.models import Task


def build(context) -> None:
    if Task.objects.filter(county=context.county).exists():
        return
    county_user = context.user("county")
    others = context.other_townships
    done = services.send(
        context.county,
        county_user,
        kind=Task.Kind.FILING,
        title="纠正未按期报送备案的行政规范性文件",
        basis="江源县司法局备案审查意见书（江司备〔2026〕7号）",
        requirement="对2026年以来制定的规范性文件逐件核查，未备案的补报，并书面说明原因。",
        days=10,
        townships=[context.township, others[0]],
        issued_on=context.today - dt.timedelta(days=40),
    )
    mine = done.assignments.get(township=context.township)
    answered = context.today - dt.timedelta(days=33)
    services.answer(
        mine, context.user("judicial"), "已核查规范性文件5件，补报备案1件，原因系经办人员变动。", on=answered
    )
    services.decide(mine, county_user, True, "整改到位。", on=answered + dt.timedelta(days=2))
    services.send(
        context.county,
        county_user,
        kind=Task.Kind.INSPECTION,
        title="整改法治督察发现的合法性审查台账不全问题",
        basis="江源县法治政府建设督察反馈意见（江法督〔2026〕3号）",
        requirement="补齐重大行政决策、镇政府合同的合法性审查意见书，完善台账。",
        days=15,
        townships=[context.township, *others],
        issued_on=context.today - dt.timedelta(days=5),
    )
