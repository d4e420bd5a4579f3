"""Figures found in a report's sentences, and the sum / subset / rate checks over them (pure Python).

Part of fazhi.reports.parsing; the same rule holds: a false alarm is worse than a missed check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fazhi.reports.quantities import _CN_COUNT_UNITS, _CN_SET_PHRASE_AFTER, _QUANTITY, _quantity_from_match

_SENTENCE_END = re.compile(r"[。；;！？!?]")


@dataclass
class _Figure:
    value: float | int
    unit: str
    approx: bool
    start: int
    end: int
    label: str  # words just before the number, e.g. "成功化解"

    @property
    def change(self) -> bool:
        """ "较上年增加31起", "同比下降5%": a difference, not a count of its own."""
        return bool(_CHANGE.search(self.label))


_CHANGE = re.compile(
    r"(?:较|比|同比|环比).{0,4}(?:增加|减少|增长|下降|提高|降低|上升|多|少)|同比|较上年|较去年"
)


# A count of people followed by these words names a group ("三人小组", "3人工作专班").
_NAME_AFTER = re.compile(r"(?:领导|工作|议事)?(?:小组|专班|团队|组)")


def _inside(text: str, pos: int, opening: str, closing: str) -> bool:
    # Look back a bounded distance: quotes and brackets are short, and an
    # unbounded search makes long run-on sentences quadratic.
    start = max(0, pos - 200)
    return text.rfind(opening, start, pos) > text.rfind(closing, start, pos)


def _is_figure(sentence: str, m: re.Match, q: dict) -> bool:
    before = sentence[max(0, m.start() - 8) : m.start()].rstrip()  # only its last characters matter
    if before.endswith("第") or re.search(r"[A-Za-z]$", before):
        return False  # article numbers (第24条), codes
    if _NAME_AFTER.match(sentence, m.end()):
        return False  # the name of a body (三人小组, 5人专班), not a count of people
    if q["unit"] in ("日", "天") and before.endswith("月"):
        return False  # a date: 1月5日
    if any(_inside(sentence, m.start(), a, b) for a, b in ("〔〕", "[]", "【】")):
        return False  # document numbers 〔2023〕5号
    if m["num"][0].isdigit():
        return True
    after = sentence[m.end() : m.end() + 2]
    quoted = any(_inside(sentence, m.start(), a, b) for a, b in ("“”", "《》", "「」"))
    return (
        q["unit"] in _CN_COUNT_UNITS
        and q["value"] >= 2
        and not quoted
        and not re.search(r"[第每这那前后其上下逐单统唯万]$", before)
        and not _CN_SET_PHRASE_AFTER.match(after)
    )


def _figures_in(sentence: str) -> list[_Figure]:
    figures, previous_end = [], 0
    for m in _QUANTITY.finditer(sentence):
        q = _quantity_from_match(m)
        if q is None or not _is_figure(sentence, m, q):
            continue
        lo = max(previous_end, m.start() - 30)  # labels are short; keeps long sentences linear
        start = max(lo, *(sentence.rfind(c, lo, m.start()) + 1 for c in "、，,：:（("))
        label = sentence[start : m.start()].strip()
        figures.append(_Figure(q["value"], q["unit"], q["approx"], m.start(), m.end(), label))
        previous_end = m.end()
    return figures


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


# --- consistency checks -------------------------------------------------------

_SUM_OVERLAP_WORDS = re.compile(
    r"成功|满意|办结|结案|按期|及时|当场|涉及|同比|党员|女性|男性|少数民族|"
    r"以上|以下|岁|学历|已"
)
# Groups of people are usually split by overlapping attributes (党员, 女性).
_PERSON_UNITS = {"人", "名", "位"}
_CASE_UNITS = {"件", "起", "宗", "例"}
_RATE_QUALIFIER = re.compile(r"按期|按时|及时|当场|满意|一次性")
_RATE = re.compile(r"([\u4e00-\u9fff]{2})率[^\d。；;]{0,6}?(\d+(?:\.\d+)?)\s*%")


def _compatible(total: str, part: str) -> bool:
    if total == part:
        return True
    if len(total) == 2 and total[1] == "次" and part in (total[0], "次"):
        return True  # 件次 covers 件 and 次; 人次 covers 人 and 次
    return total in _CASE_UNITS and part in _CASE_UNITS


def _fmt(value: float | int) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _quote(sentence: str) -> str:
    return f"（“{sentence[:80]}{'…' if len(sentence) > 80 else ''}”）"


def _check(kind: str, ok: bool, text: str, sentence: str) -> dict:
    return {"kind": kind, "ok": ok, "text": text + _quote(sentence)}


# "共计8件", "合计10份", "共36件": a stated total (not 共同/共建/共享…).
_TOTAL_LABEL = re.compile(r"^(?:共计|合计|总计|共(?![同建享治商])(?:[\u4e00-\u9fff]{0,6}))$")


def _total_and_parts(sentence: str, figures: list[_Figure]) -> tuple[_Figure, list[_Figure], str] | None:
    """The total and its parts, whichever side the total stands on; also the text of the parts."""
    at = sentence.find("其中")
    if at >= 0:
        # "共 N X，其中 a X、b X"
        before = [f for f in figures if f.end <= at]
        parts = [f for f in figures if f.start > at and f.unit != "%"]  # a trailing rate is no share
        return (before[-1], parts, sentence[at:]) if before and parts else None
    counts = [f for f in figures if f.unit != "%"]
    for i, total in enumerate(counts):
        if not _TOTAL_LABEL.match(total.label):
            continue
        if i > 0:
            # "a X、b X，共计N X": the parts are the run of figures of its unit just before it.
            first = i
            while first > 0 and _compatible(total.unit, counts[first - 1].unit):
                first -= 1
            parts = counts[first:i]
            return (total, parts, sentence[parts[0].start : total.start]) if parts else None
        after = counts[1:]
        if after and sentence[total.end : after[0].start].lstrip().startswith(("：", ":")):
            return total, after, sentence[total.end :]  # "共N X：a X、b X"
        return None
    return None


def _sum_check(sentence: str, figures: list[_Figure]) -> dict | None:
    """ "共 N X，其中 a X、b X" or "a X、b X，共计N X": parts may not exceed N; a full list must add up."""
    found = _total_and_parts(sentence, figures)
    if found is None:
        return None
    total, parts, parts_text = found
    if total.approx or any(p.approx for p in parts) or total.unit == "%":
        return None  # "余/约" figures are rounded: never flag them
    if not all(_compatible(total.unit, p.unit) for p in parts):
        return None
    if re.search(r"各|均|每|其中.*其中", parts_text):
        return None  # "各5件" means each, not a share; nested 其中 is ambiguous
    of_total = f"总数{_fmt(total.value)}{total.unit}"
    over = [p for p in parts if p.value > total.value]
    if over:
        return _check(
            "sum", False, f"分项超过总数：{_fmt(over[0].value)}{over[0].unit}大于{of_total}", sentence
        )
    partition = (
        len(parts) >= 2
        and total.unit not in _PERSON_UNITS
        and not any(_SUM_OVERLAP_WORDS.search(p.label) for p in parts)
    )
    s = sum(p.value for p in parts)
    expr = "+".join(_fmt(p.value) for p in parts)
    if not partition:  # a single share, or categories that may overlap: no sum is implied
        return _check("subset", True, f"分项未超过总数：其中各项（{expr}）均不大于{of_total}", sentence)
    if abs(s - total.value) < 1e-9:
        return _check("sum", True, f"合计相符：{expr}={_fmt(s)}，与{of_total}一致", sentence)
    if s > total.value:
        return _check("sum", False, f"合计不符：其中各项之和{expr}={_fmt(s)}，超过{of_total}", sentence)
    return _check("subset", True, f"部分列举：其中各项之和{expr}={_fmt(s)}，小于{of_total}", sentence)


def _rate_matches(num: _Figure, den: _Figure, stated: str) -> bool:
    computed = 100 * num.value / den.value
    decimals = len(stated.partition(".")[2])
    # Accept rounding or truncation at the stated precision.
    return abs(computed - float(stated)) < 10**-decimals + 1e-9


def _rate_checks(sentence: str, figures: list[_Figure]) -> list[dict]:
    """ "受理203起、化解198起，化解率98%": the rate must match within rounding.

    Every plausible numerator/denominator pair is tried (a sentence may hold
    several counts); the rate is only flagged when no pair explains it.
    """
    checks = []
    for m in _RATE.finditer(sentence):
        key, stated = m[1], m[2]
        # "按期答复率" is not "已答复 / 受理": a qualified rate needs its qualifier in the numerator.
        qualifier = _RATE_QUALIFIER.search(sentence[max(0, m.start() - 3) : m.start() + 2])
        counts = [f for f in figures if f.end <= m.start() and f.unit != "%" and not f.approx][-12:]
        pairs = [
            (num, den)
            for num in counts
            if key in num.label and num.value > 0 and (not qualifier or qualifier[0] in num.label)
            for den in reversed(counts)
            if den.end <= num.start and den.value >= num.value and _compatible(den.unit, num.unit)
        ]
        if not pairs or float(stated) > 100:
            continue
        good = [pair for pair in pairs if _rate_matches(*pair, stated)]
        num, den = (good or pairs)[0]
        verdict = "比率相符" if good else "比率不符"
        text = f"{verdict}：{_fmt(num.value)}/{_fmt(den.value)}={100 * num.value / den.value:.1f}%，所述{key}率为{stated}%"
        checks.append(_check("rate", bool(good), text, sentence))
    return checks
