"""How a figure is said and read back: its registry sentence (`Indicator.sentence`) is the only wording.

The composer writes a figure as its sentence with the value replaced by a token {{fig:<code>}} and
followed by {{yoy:<code>}} (the change on last year, filled in when the document is rendered). The
baseline reader turns the same sentences into patterns and finds them in last year's text, so every
figure a report states can be read back.
"""

import re
from decimal import Decimal, InvalidOperation

from fazhi.indicators.registry import BREAKDOWNS, REGISTRY, format_value

TOKEN = re.compile(r"\{\{fig:([A-Za-z0-9_.\-]+)\}\}")
YOY = re.compile(r"\{\{yoy:([A-Za-z0-9_.\-]+)\}\}")
ANY_TOKEN = re.compile(r"\{\{(fig|yoy):([A-Za-z0-9_.\-]+)\}\}")
NUMBER = r"(\d+(?:\.\d+)?)"


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text or "")


def expand(entry: str) -> list[str]:
    """A breakdown family's parts, or the code itself."""
    return BREAKDOWNS.get(entry, [entry])


def clause(code: str) -> str:
    """The figure's sentence with its value as a token, followed by its year-on-year token."""
    sentence = REGISTRY[code].sentence
    return sentence.replace("{value}", "{{fig:%s}}" % code).replace("{unit}", REGISTRY[code].unit) + (
        "{{yoy:%s}}" % code
    )


def change_words(value, previous, unit: str, code: str = "") -> str:
    """ "（较上年增加31起）", "（较上年提高2.5个百分点）", "（与上年持平）"; "" when either is unknown."""
    try:
        now, before = Decimal(str(value)), Decimal(str(previous))
    except (InvalidOperation, TypeError, ValueError):
        return ""
    delta = now - before
    if delta == 0:
        # An unchanged organisation (villages, advisors) is no news; an unchanged count of work is.
        return "" if code.startswith("org.") else "（与上年持平）"
    if unit == "%":
        verb, unit = ("提高" if delta > 0 else "下降"), "个百分点"
    else:
        verb = "增加" if delta > 0 else "减少"
    return f"（较上年{verb}{format_value(abs(delta))}{unit}）"


_COMPOUND_UNITS = ("件次", "人次", "场次", "批次", "个百分点")


def spoken_unit(code: str) -> str:
    """The unit the sentence says after the number ("申请司法确认{value}件" → 件), else the figure's."""
    after = REGISTRY[code].sentence.partition("{value}")[2]
    if after.startswith("%") or not after:
        return REGISTRY[code].unit
    return next((u for u in _COMPOUND_UNITS if after.startswith(u)), after[0])


def render(text: str, values: dict, previous: dict | None = None) -> str:
    """Tokens to plain text: values, and the change on last year where it is known."""
    previous = previous or {}

    def sub(m):
        kind, code = m[1], m[2]
        if kind == "fig":
            return format_value(values.get(code))
        if code not in previous or code not in REGISTRY:
            return ""
        return change_words(values.get(code), previous[code], spoken_unit(code), code)

    return ANY_TOKEN.sub(sub, text)


# --- reading back -------------------------------------------------------------------------------


def pattern(code: str) -> re.Pattern:
    """The figure's sentence as a pattern whose group is the number ("余" and spaces tolerated)."""
    sentence = REGISTRY[code].sentence.replace("{unit}", REGISTRY[code].unit)
    before, _, after = sentence.partition("{value}")
    return re.compile(re.escape(before) + r"\s*" + NUMBER + r"\s*余?" + re.escape(after))


def _number(text: str):
    value = Decimal(text)
    return int(value) if value == value.to_integral() else float(value)


def _heads(sentences):
    """The specs as read: a sentence led by a breakdown is one sentence per part (each is stated alone)."""
    for spec in sentences:
        first = next((e for e in spec if e in REGISTRY or e in BREAKDOWNS), None)
        if first in BREAKDOWNS:
            yield from ((part,) for part in BREAKDOWNS[first])
        else:
            yield spec


def read_figures(text: str, sentences) -> dict:
    """{code: value} for every spec sentence found in `text`. A sentence is found by its first
    figure's wording; the figures that follow it are looked for in order within the same sentence
    (so "废止{value}件" is read after its cleanup, never from another paragraph)."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    found: dict = {}
    for spec in _heads(sentences):
        codes = [c for entry in spec for c in expand(entry) if c in REGISTRY and REGISTRY[c].sentence]
        if not codes:
            continue
        m = pattern(codes[0]).search(text)
        if not m or codes[0] in found:
            continue
        found[codes[0]] = _number(m[1])
        end = text.find("。", m.end())
        window, at = text[: len(text) if end < 0 else end], m.end()
        for code in codes[1:]:
            if n := pattern(code).search(window, at):
                found.setdefault(code, _number(n[1]))
                at = n.end()
    return found
