"""compose(township, year): the report's structure, written from the registry (reports.areas lists
each area's figures and narrative blocks; the words are each figure's `Indicator.sentence`) and the
ReportItem register, in the style of the real samples (shared/samples/reports).

Figures are never typed: the text carries tokens {{fig:<code>}} bound to fazhi.indicators.registry,
each followed by {{yoy:<code>}} (the change on last year, filled in when rendered). A sentence is
stated when its first figure is not zero; the figures of one sentence share its subject and run on
with "，", a breakdown as "其中A x、B y" (a sentence led by a breakdown states each non-zero part). An area with nothing to say gets a notice for the editor
(never exported) instead of invented text.
"""

import re

from fazhi.indicators.registry import BREAKDOWNS, REGISTRY, Scope, compute_all
from fazhi.reports.areas import AREAS, FIRST_RESPONSIBLE, FIRST_RESPONSIBLE_LEAD, all_sentences
from fazhi.reports.models import ReportItem
from fazhi.reports.wording import TOKEN, clause, expand, tokens  # noqa: F401 (re-exported)

NOTICE_EMPTY = "本年度该领域台账暂无记录，请补充台账或删除本节。"
CN_ORDINAL = "一二三四五六七八九十"
# Figures whose zero is itself a fact once their sentence is stated ("败诉0件").
STATE_ZERO = {"litigation.lost"}


def _is_code(entry: str) -> bool:
    return entry in REGISTRY or entry in BREAKDOWNS or bool(re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", entry))


def wanted_codes() -> list[str]:
    """Every registered code a report can state (and the parts of its rates)."""
    codes = [c for spec in all_sentences() for e in spec if _is_code(e) for c in expand(e) if c in REGISTRY]
    codes += [d for c in codes for d in (REGISTRY[c].numerator, REGISTRY[c].denominator) if d]
    return list(dict.fromkeys(codes))


class Composer:
    def __init__(self, township, year: int):
        self.township, self.year = township, year
        self.scope = Scope(township, year)
        self.blocks: list[dict] = []
        self.values = {f["code"]: f["value"] for f in compute_all(self.scope, wanted_codes())}

    def add(self, kind: str, text: str, level: int = 0):
        self.blocks.append({"id": f"b{len(self.blocks) + 1}", "kind": kind, "level": level, "text": text})

    def stated(self, code: str, head: bool = False) -> bool:
        if code not in REGISTRY or not REGISTRY[code].sentence:
            return False
        value = self.values.get(code)
        return value is not None and (bool(value) or (not head and code in STATE_ZERO))

    def sentence(self, spec: tuple) -> str:
        """One sentence of figures, or "" when its first figure is zero or unregistered."""
        entries = [e for e in spec if not _is_code(e) or e in REGISTRY or e in BREAKDOWNS]
        codes = [e for e in entries if _is_code(e)]
        if codes and codes[0] in BREAKDOWNS:
            # A family of its own (named series): each stated part is a clause, no shared total.
            words = "".join(e for e in entries[: entries.index(codes[0])])
            parts = [clause(c) for c in BREAKDOWNS[codes[0]] if self.stated(c, head=True)]
            return words + "，".join(parts) + "。" if parts else ""
        if not codes or not self.stated(codes[0], head=True):
            return ""
        clauses, words = [], ""
        for entry in entries:
            if not _is_code(entry):
                words += entry
            elif entry in BREAKDOWNS:
                parts = [clause(c) for c in BREAKDOWNS[entry] if self.stated(c)]
                if parts:
                    first = parts[0] if parts[0].startswith("其中") else "其中" + parts[0]
                    clauses.append(words + "、".join([first, *parts[1:]]))
                    words = ""
            elif self.stated(entry, head=entry == codes[0]):
                clauses.append(words + clause(entry))
                words = ""
        return "，".join(clauses) + "。"

    def body_text(self, body) -> str:
        out = []
        for item in body:
            text = self.sentence(item) if isinstance(item, tuple) else item(self.scope)
            if text:
                out.append(text)
        return "".join(out)

    def compose(self) -> tuple[str, list[dict]]:
        year, name = self.year, self.township.name
        title = f"{self.township.government_name}关于{year}年度法治政府建设情况的报告"
        opening = (
            f"{year}年，{name}在县委、县政府的坚强领导和县委全面依法治县委员会办公室的指导下，坚持以习近平新时代中国特色社会主义思想为指导，"
            "深入学习贯彻习近平法治思想，依法全面履行政府职能，推进严格规范公正文明执法，依法化解社会矛盾纠纷，"
            f"为全镇经济社会发展提供了有力法治保障。现将{year}年度法治政府建设情况报告如下："
        )
        self.add("paragraph", opening)

        self.add("heading", f"{year}年推进法治政府建设的主要举措和成效", 1)
        for area in AREAS:
            self.add("heading", area.heading, 2)
            written = [(p, t) for p in area.points if (t := self.body_text(p.body))]
            if not written:
                self.add("notice", NOTICE_EMPTY)
            elif len(written) == 1:
                point, text = written[0]
                self.add("paragraph", point.lead + text)
            else:
                for point, text in written:
                    self.add("heading", point.heading, 3)
                    self.add("paragraph", point.lead + text)

        self.add(
            "heading", f"{year}年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况", 1
        )
        duties = [(lead, text) for lead, body in FIRST_RESPONSIBLE if (text := self.body_text(body))]
        if duties:
            # 一是/二是 over the acts that have records.
            items = "".join(f"{CN_ORDINAL[i]}是{lead}{text}" for i, (lead, text) in enumerate(duties))
            self.add("paragraph", FIRST_RESPONSIBLE_LEAD + items)
        else:
            self.add(
                "notice",
                "本年度第一责任人履职记录、会前学法、述法、出庭应诉等台账暂无记录，请补充台账或据实撰写本部分。",
            )

        items = ReportItem.objects.filter(township=self.township, year=year).order_by("order", "id")
        self._items(
            f"{year}年推进法治政府建设存在的不足和原因",
            [i for i in items if i.kind == ReportItem.Kind.PROBLEM],
            "“问题与安排登记”中尚未登记本年度存在的问题，请补充登记后重新生成或据实撰写本部分。",
        )
        self._items(
            f"{year + 1}年推进法治政府建设的主要安排",
            [i for i in items if i.kind == ReportItem.Kind.PLAN],
            "“问题与安排登记”中尚未登记下一年度的工作安排，请补充登记后重新生成或据实撰写本部分。",
        )
        other = [i for i in items if i.kind == ReportItem.Kind.OTHER]
        if other:
            self._items("其他需要报告的情况", other, "")
        return title, self.blocks

    def _items(self, heading: str, items, notice: str):
        self.add("heading", heading, 1)
        if not items:
            self.add("notice", notice)
        for item in items:
            self.add("heading", item.title.strip().rstrip("。"), 2)
            if item.text.strip():
                self.add("paragraph", item.text.strip())


def compose(township, year: int) -> tuple[str, list[dict]]:
    """(title, blocks) of a fresh report; see Composer."""
    return Composer(township, year).compose()


def say(township, year: int, *spec) -> str:
    """One sentence as the report states it (plain text, no change on last year): for the ledger apps'
    tests and the indicator pages."""
    from fazhi.reports.wording import render

    composer = Composer.__new__(Composer)
    composer.township, composer.year, composer.scope = township, year, Scope(township, year)
    codes = [c for e in spec if _is_code(e) for c in expand(e) if c in REGISTRY]
    composer.values = {f["code"]: f["value"] for f in compute_all(composer.scope, codes)}
    return render(composer.sentence(spec), composer.values)
