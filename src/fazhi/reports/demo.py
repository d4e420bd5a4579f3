"""Demo: 青山镇's register of problems and plans, its 2025 report composed from the ledgers (初稿), and a
2024 baseline imported from a generated text of last year's report (read back through the parser)."""

import datetime as dt
import re
from decimal import Decimal

from fazhi.core.roles import Role
from fazhi.indicators.registry import REGISTRY
from fazhi.reports import services
from fazhi.reports.compose import compose
from fazhi.reports.document import Block, Document
from fazhi.reports.models import AnnualReport, ReportItem
from fazhi.reports.parsing import parse_report
from fazhi.reports.wording import TOKEN, render

YEAR = 2025
ITEMS = [
    (
        ReportItem.Kind.PROBLEM,
        "organisation",
        "法治专业人才不足",
        "具备法律专业知识并有实操能力的干部较少，合法性审查主要依靠司法所和法律顾问，镇村两级法治工作力量与任务不相匹配。",
    ),
    (
        ReportItem.Kind.PROBLEM,
        "enforcement",
        "行政执法规范化水平有待提升",
        "综合行政执法大队组建时间不长，部分执法人员对新划转事项的法律依据掌握不够，执法文书制作和全过程记录还不够规范。",
    ),
    (
        ReportItem.Kind.PROBLEM,
        "education",
        "普法宣传的针对性有待增强",
        "宣传形式以发放资料、悬挂横幅为主，针对老年人、外出务工人员等群体的精准普法不足。",
    ),
    (
        ReportItem.Kind.PLAN,
        "organisation",
        "压紧压实法治建设责任",
        "落实党政主要负责人履行推进法治建设第一责任人职责清单，把法治建设成效纳入村(社区)和站所年度考核。",
    ),
    (
        ReportItem.Kind.PLAN,
        "enforcement",
        "提升行政执法队伍能力",
        "分批组织执法人员参加业务培训和执法资格考试，开展案卷评查，全面落实行政执法三项制度。",
    ),
    (
        ReportItem.Kind.PLAN,
        "disputes",
        "深化矛盾纠纷多元化解",
        "坚持和发展新时代“枫桥经验”，完善镇村两级调解网络，推进信访工作法治化，做到矛盾纠纷早发现、早化解。",
    ),
]


def build(ctx):
    township, user = ctx.township, ctx.users[Role.JUDICIAL]
    if AnnualReport.objects.filter(township=township, year=YEAR).exists():
        return
    for order, (kind, area, title, text) in enumerate(ITEMS):
        ReportItem.objects.get_or_create(
            township=township,
            year=YEAR,
            title=title,
            defaults=dict(kind=kind, area=area, text=text, order=order, created_by=user, updated_by=user),
        )
    services.baseline_from_parsed(township, parse_report(last_year_text(township)), user, YEAR - 1)
    services.create_report(township, YEAR, user)
    # A lighter set for the county view: the other townships have their 2025 draft too.
    for other in ctx.other_townships:
        if not AnnualReport.objects.filter(township=other, year=YEAR).exists():
            title, blocks = compose(other, YEAR)
            report = AnnualReport.objects.create(township=other, year=YEAR, title=title)
            services._new_version(report, blocks, None, "根据台账生成初稿")


def last_year_text(township) -> str:
    """What 青山镇 wrote for 2024: this year's text with smaller figures, as plain text (as if imported)."""
    title, blocks = compose(township, YEAR)
    codes = {c for b in blocks for c in TOKEN.findall(b["text"])}
    values = services.values_for(township, YEAR, blocks)
    older = {}
    for code in codes:
        value = values.get(code)
        if value is None:
            continue
        if REGISTRY[code].kind == "rate":
            older[code] = max(Decimal(value) - Decimal("2.5"), Decimal(0))
        elif code.startswith("org."):
            older[code] = value  # the organisation barely changes in a year
        else:
            older[code] = int(value * 0.85)
    year_back = lambda text: re.sub(r"20\d\d", lambda m: str(int(m[0]) - 1), text)  # noqa: E731
    doc = Document(
        title=year_back(title),
        blocks=[
            Block(
                b["kind"],
                year_back(render(b["text"], older)),
                level=b["level"],
            )
            for b in services.export_blocks(blocks)
        ],
        signature=township.government_name,
        date=dt.date(YEAR, 1, 20),
    )
    return services.document_text(doc)
