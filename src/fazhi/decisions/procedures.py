"""The five statutory procedures (五大法定程序) as data. The first three may be marked not applicable
with a reason; legality review and collective discussion never (条例第二十五条、第三十条)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Procedure:
    code: str
    label: str
    article: str
    skippable: bool


PROCEDURES = (
    Procedure("participation", "公众参与", "第十四条至第十八条", True),
    Procedure("experts", "专家论证", "第十九条至第二十一条", True),
    Procedure("risk", "风险评估", "第二十二条至第二十四条", True),
    Procedure("legality", "合法性审查", "第二十五条至第二十八条", False),
    Procedure("discussion", "集体讨论决定", "第二十九条至第三十一条", False),
)
BY_CODE = {p.code: p for p in PROCEDURES}
SKIPPABLE = tuple(p for p in PROCEDURES if p.skippable)
