"""Parse and check a township's annual report 《法治政府建设情况报告》.

Pure Python (no Django): ``parse_report(text)`` returns a JSON-able dict with
the title, issuing organisation, year, signature, the heading outline, which
required parts (shared/docs/domain.md §5) the report covers, every figure
with its unit, and consistency checks.

Design rule: a false alarm is worse than a missed check. Whenever a sentence
is ambiguous (approximate figures, mixed units, overlapping categories) the
checker stays silent instead of flagging it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from fazhi.reports.figure_checks import _SENTENCE_END, _figures_in, _rate_checks, _sentences, _sum_check
from fazhi.reports.quantities import _QUANTITY, UNITS, _quantity_from_match, cn_to_int

__all__ = ["PART_NAMES", "UNITS", "cn_to_int", "failed_checks", "parse_quantity", "parse_report"]

PART_NAMES = {
    "measures": "上一年度推进法治政府建设的主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "first_responsible": "党政主要负责人履行推进法治建设第一责任人职责的情况",
    "next_year": "下一年度推进法治政府建设的主要安排",
}


def parse_quantity(text: str) -> dict | None:
    """Parse one quantity: "1.2万人" -> {"value": 12000, "unit": "人", "approx": False}."""
    text = _normalise_chars(text).strip()
    m = _QUANTITY.fullmatch(text)
    return _quantity_from_match(m) if m else None


# --- text clean-up ------------------------------------------------------------

_CHAR_MAP = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "％": "%",
        "\t": " ",
        "\f": "\n",
        "\ufeff": None,
        "\u200b": None,
        **{chr(c): " " for c in (0xA0, 0x3000, *range(0x2000, 0x200B))},
    }
)
_MARKUP = re.compile(r"\[bookmark:[^\]]*\]|\*\*|__")
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,3}[-—–－\s]*$|^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$")
# Leftovers of the web page a report was copied from (login boxes, share bars).
_WEB_JUNK = re.compile(
    r"登录|注册|还没有账号|忘记密码|扫一扫|分享到|打印本页|关闭窗口|返回顶部|字体[:：]|"
    r"浏览次数|阅读次数|上一篇|下一篇|验证码"
)


def _normalise_chars(text: str) -> str:
    # Full-width digits/percent and the full-width dot in "1．" only; brackets
    # and commas keep their original form for display and are matched by class.
    return re.sub(r"(?<=\d)．", ".", text.translate(_CHAR_MAP))


def _clean_lines(text: str) -> list[str]:
    lines = []
    for raw in _normalise_chars(text).splitlines():
        line = _MARKUP.sub("", raw)
        line = re.sub(r"^\s*(?:#+|>)\s*", "", line).strip()
        if not line or _PAGE_NUMBER.match(line):
            continue
        if len(line) <= 20 and _WEB_JUNK.search(line):
            continue
        lines.append(line)
    return _join_wraps(lines)


_WRAP_END = re.compile(r"[。！？；;!?：:）)”》]$")
_WRAP_FIGURE = re.compile(r"\d$")
_WRAP_FIGURE_NEXT = re.compile(r"^(?:\d|[万亿余多]|(?:" + "|".join(UNITS) + r")(?![\d]))")


def _join_wraps(lines: list[str]) -> list[str]:
    """Rejoin lines a PDF (or a copy from one) wrapped: a figure cut in two ("1" / "26处") always; a
    prose line cut mid-sentence when the next line starts no heading of its own."""
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        split_figure = _WRAP_FIGURE.search(previous) and _WRAP_FIGURE_NEXT.match(line)
        if previous and (split_figure or (_mid_sentence(previous) and not _match_heading(line))):
            out[-1] += line
        else:
            out.append(line)
    return out


def _mid_sentence(line: str) -> bool:
    # A heading or title without body text ends without punctuation too; prose is a line that has
    # already finished a clause ("，") past its heading text and stops without closing the sentence.
    if _WRAP_END.search(line) or _DATE.search(line):
        return False
    heading = _match_heading(line)
    rest = heading[3] if heading else line
    return bool(re.search(r"[。；;]", rest)) if heading else ("，" in rest and len(rest) >= 20)


# --- headings and parts ---------------------------------------------------------

_CN_SMALL = "一二三四五六七八九十"
_HEADINGS = [  # (level, pattern, label format); label is used in section paths
    (1, re.compile(rf"^([{_CN_SMALL}]{{1,3}})\s*[、.]\s*"), "{}"),
    (2, re.compile(rf"^[（(]\s*([{_CN_SMALL}]{{1,3}})\s*[）)]\s*[、.]?\s*"), "（{}）"),
    (3, re.compile(r"^(\d{1,2})\s*(?:、|\.(?!\d))\s*"), "{}"),
    (4, re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*"), "（{}）"),
]
# "一是/二是" start a level-4 item at the start of a sentence or after a colon.
_INLINE_ITEM = re.compile(rf"(?:^|(?<=[。；;：:]))\s*([{_CN_SMALL}]{{1,3}})是")

# Order is priority: a heading naming several parts takes the first listed.
_PART_KEYWORDS = [
    ("first_responsible", re.compile(r"第一责任人|主要负责人履行")),
    ("shortcomings", re.compile(r"不足|存在.{0,4}问题|问题(?:和|及)(?:不足|原因)")),
    (
        "next_year",
        re.compile(
            r"下一步|下步|下一年|下年度|明年|今后|打算|(?:主要|工作)安排|工作计划|"
            r"工作思路|展望|(?:工作|对策|改进)建议|和建议"
        ),
    ),
    ("other", re.compile(r"其他需要报告|其他情况|其他事项")),
    (
        "measures",
        re.compile(
            r"举措|成效|做法|成绩|完成情况|开展情况|工作情况|基本情况|推进情况|"
            r"建设情况|主要工作|落实情况"
        ),
    ),
]
_FIRST_RESPONSIBLE_TEXT = re.compile(r"(?:履行|落实|压实|扛起|扛牢|担负).{0,16}第一责任人|第一责任人职责")
# A measures subsection may carry its own "问题"/"计划" words; only a short,
# label-like heading ("（五）存在的问题") is taken to switch part.
_SHORT_LABEL = 12


def _parts_named(heading: str) -> list[str]:
    return [part for part, pattern in _PART_KEYWORDS if pattern.search(heading)]


@dataclass
class _Frame:
    level: int
    label: str
    part: str | None
    allowed: frozenset  # parts this subtree may still switch between


def _resolve_part(heading: str, parent: _Frame | None) -> tuple[str | None, frozenset]:
    """Which part a heading belongs to: its own wording, else its parent's."""
    own = _parts_named(heading)
    if parent is None or parent.part is None:
        return (own[0] if own else None), frozenset(own)
    if parent.part == "measures":
        strong = [
            p
            for p in own
            if p == "first_responsible"
            or (p in ("shortcomings", "next_year") and len(heading) <= _SHORT_LABEL)
        ]
        return (strong[0], frozenset(strong)) if strong else (parent.part, parent.allowed)
    # Under "存在问题和下一步打算" a child may pick either half, nothing else
    # (a plan item mentioning 第一责任人 is still a plan).
    switch = [p for p in own if p in parent.allowed]
    return (switch[0], frozenset(switch)) if switch else (parent.part, parent.allowed)


def _heading_text(rest: str) -> str:
    m = _SENTENCE_END.search(rest)
    text = rest[: m.start()] if m else rest
    return text.strip().rstrip("：:，,").strip()


def _match_heading(line: str):
    for level, pattern, label in _HEADINGS:
        m = pattern.match(line)
        if m and m.end() < len(line):
            return level, m[1], label.format(m[1]), line[m.end() :]
    return None


# --- title, year, signature -------------------------------------------------

_ORG_SUFFIX = re.compile(r"(?:人民政府|政府|办事处|委员会|党委|办公室|街道|镇|乡)$")
_CN_DATE_PART = "〇○零Ｏ一二三四五六七八九十"
_DATE = re.compile(
    rf"(\d{{4}}|[{_CN_DATE_PART}]{{4}})\s*年\s*(\d{{1,2}}|[{_CN_DATE_PART}]{{1,3}})\s*月"
    rf"\s*(\d{{1,2}}|[{_CN_DATE_PART}]{{1,3}})\s*日$"
)
_YEAR = re.compile(r"(\d{4}|[〇○零一二三四五六七八九]{4})\s*年")
# "（2023—2027年）", "2021-2025年": a plan's period, never the report's year.
_PLAN_PERIOD = re.compile(r"\d{4}\s*年?\s*[—–\-－~～至到]+\s*\d{4}\s*年")
# "2021年，平安镇…", "…坚强领导下，白石乡党委、政府…": the first place name after the start or a comma
# that acts as the subject (followed by its organ or a verb of the report).
_TOWN_IN_OPENING = re.compile(
    r"(?:^|[，,])\s*(?:\d{4}\s*年(?:度|以来)?\s*[，,]?\s*)?([\u4e00-\u9fff]{1,6}?(?:镇|乡|街道))"
    r"(?=党委|党工委|办事处|人民政府|政府|坚持|始终|深入|紧扣|紧紧|聚焦|围绕|以|认真|全面|扎实|积极|在|持续|法治)"
)


def _iso_date(year: str, month: str, day: str) -> str | None:
    nums = [int(x) if x.isdigit() else cn_to_int(x.replace("Ｏ", "〇")) for x in (year, month, day)]
    try:
        return datetime.date(*nums).isoformat()
    except (TypeError, ValueError):
        return None


def _looks_like_org(line: str) -> bool:
    return len(line) <= 40 and not re.search(r"[。，,；;：:]", line) and bool(_ORG_SUFFIX.search(line))


def _find_title(lines: list[str], limit: int) -> tuple[str | None, list[int]]:
    """The title line (and an organisation line above it) among the first lines."""
    for i in range(min(limit, 6)):
        line = lines[i].strip("《》 ")
        if (
            "报告" in line
            and len(line) <= 60
            and not re.search(r"。|如下|[：:]$", line)
            and not _match_heading(line)
        ):
            used = [i]
            if i > 0 and (_looks_like_org(lines[i - 1]) or lines[i - 1].startswith("关于")):
                used.insert(0, i - 1)
            return "".join(lines[j].strip("《》 ") for j in used), used
    return None, []


def _find_signature(lines: list[str]) -> tuple[dict, int]:
    """Closing organisation and date; returns the index where the body ends."""
    for i in range(len(lines) - 1, max(len(lines) - 9, -1), -1):
        m = _DATE.search(lines[i])
        if not m:
            continue
        prefix = lines[i][: m.start()].strip()
        if prefix and not _looks_like_org(prefix):
            continue
        date = _iso_date(*m.groups()) or m.group(0)
        if prefix:
            return {"organization": prefix, "date": date}, i
        if i > 0 and _looks_like_org(lines[i - 1]):
            return {"organization": lines[i - 1], "date": date}, i - 1
        return {"organization": None, "date": date}, i
    return {"organization": None, "date": None}, len(lines)


def _find_year(title: str | None, opening: list[str]) -> int | None:
    candidates = [title or ""]
    candidates += [
        m[0] for line in opening for m in re.finditer(r"\d{4}\s*年度?\s*(?:推进)?法治(?:政府)?建设", line)
    ]
    candidates += opening[:1]
    for text in candidates:
        m = _YEAR.search(_PLAN_PERIOD.sub("", text))
        if m:
            year = int(m[1]) if m[1].isdigit() else cn_to_int(m[1])
            if year and 1990 <= year <= 2100:
                return year
    return None


# --- the parser ---------------------------------------------------------------


def _segments(text: str):
    """Split a paragraph at inline "一是/二是" items: yields (item or None, text)."""
    matches = list(_INLINE_ITEM.finditer(text))
    if not matches:
        yield None, text
        return
    if matches[0].start() > 0:
        yield None, text[: matches[0].start()]
    ends = [m.start() for m in matches[1:]] + [len(text)]
    for m, end in zip(matches, ends, strict=True):
        yield m[1], text[m.end() : end]


def _header(lines: list[str]) -> tuple[dict, list[str]]:
    """Title, organisation, year and signature; returns them and the body lines."""
    first_heading = next((i for i, line in enumerate(lines) if _match_heading(line)), len(lines))
    title, title_lines = _find_title(lines, first_heading)
    signature, body_end = _find_signature(lines)
    body_end = max(body_end, title_lines[-1] + 1 if title_lines else 0)
    body = [line for i, line in enumerate(lines[:body_end]) if i not in title_lines]
    opening = [line for line in body[:3] if not _match_heading(line)]

    issuer = title.split("关于")[0] if title and "关于" in title else ""
    organization = issuer if _ORG_SUFFIX.search(issuer) else signature["organization"]
    if not organization and opening:
        # Last resort: "2021年，平安镇法治政府建设…" names the town.
        m = _TOWN_IN_OPENING.search(_SENTENCE_END.split(opening[0])[0])
        organization = m[1] if m else None
    header = {"title": title, "organization": organization, "year": _find_year(title, opening)}
    return {**header, "signature": signature}, body


def _walk_body(body: list[str]) -> tuple[list, list, list, set]:
    """Outline, figures and checks of the body; also the parts covered by paragraphs."""
    sections, figures, checks, covered = [], [], [], set()
    stack: list[_Frame] = []
    later_parts_seen: list[str] = []

    def open_section(level: int, number: str, label: str, heading_text: str) -> None:
        while stack and stack[-1].level >= level:
            stack.pop()
        part, allowed = _resolve_part(heading_text, stack[-1] if stack else None)
        if part is None and not stack and not later_parts_seen:
            # A top-level block naming no part, before any other part: the report's measures.
            part, allowed = "measures", frozenset()
        if not stack and part not in (None, "measures"):
            later_parts_seen.append(part)
        stack.append(_Frame(level, label, part, allowed))
        sections.append({"level": level, "number": number, "heading": heading_text, "part": part})

    for line in body:
        heading = _match_heading(line)
        if heading:
            level, number, label, line = heading
            open_section(level, number, label, _heading_text(line))
        outer = list(stack)  # inline "一是" items end with their paragraph
        for item, segment in _segments(line):
            if item is not None:
                open_section(4, item, f"{item}是", _heading_text(segment))
            part = stack[-1].part if stack else None
            if part in (None, "measures", "first_responsible") and _FIRST_RESPONSIBLE_TEXT.search(segment):
                covered.add("first_responsible")
            path = "/".join(frame.label for frame in stack)
            for sentence in _sentences(segment):
                found = _figures_in(sentence)
                figures += [
                    {
                        "value": f.value,
                        "unit": f.unit,
                        "approx": f.approx,
                        "text": sentence,
                        "section": path,
                        **({"change": True} if f.change else {}),
                    }
                    for f in found
                ]
                found = [f for f in found if not f.change]  # changes are neither totals nor parts
                sum_check = _sum_check(sentence, found)
                checks += ([sum_check] if sum_check else []) + _rate_checks(sentence, found)
        stack[:] = outer
    return sections, figures, checks, covered | {s["part"] for s in sections}


def parse_report(text: str) -> dict:
    """Parse a report's plain text; see the module docstring for the shape."""
    header, body = _header(_clean_lines(text or ""))
    sections, figures, checks, covered = _walk_body(body)
    parts = {name: name in covered for name in PART_NAMES}
    part_checks = [
        {"kind": "part", "ok": ok, "text": f"{'包含' if ok else '缺少'}必备内容：{PART_NAMES[name]}"}
        for name, ok in parts.items()
    ]
    return {
        **header,
        "sections": sections,
        "parts": parts,
        "figures": figures,
        "checks": part_checks + checks,
    }


def failed_checks(report: dict, kinds: tuple[str, ...] = ("sum", "subset", "rate", "part")) -> list[dict]:
    """The checks of the given kinds that failed (a convenience for callers and tests)."""
    return [c for c in report["checks"] if c["kind"] in kinds and not c["ok"]]
