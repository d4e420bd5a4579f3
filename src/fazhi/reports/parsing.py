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

PART_NAMES = {
    "measures": "上一年度推进法治政府建设的主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "first_responsible": "党政主要负责人履行推进法治建设第一责任人职责的情况",
    "next_year": "下一年度推进法治政府建设的主要安排",
}

# --- numbers ---------------------------------------------------------------

_CN_DIGITS = dict(zip("零〇○一二两三四五六七八九", (0, 0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_CN_MAGNITUDES = {"十": 10, "百": 100, "千": 1000}
_CN_NUMERAL = "零〇○一二两三四五六七八九十百千"


def cn_to_int(text: str) -> int | None:
    """Chinese numeral to int: "十二" -> 12, "一百零五" -> 105, "二〇二四" -> 2024."""
    if not text or len(text) > 12:
        return None
    if all(ch in _CN_DIGITS for ch in text):
        # Digit-by-digit spelling, as used for years in dates (二〇二四).
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_MAGNITUDES:
            total += (1 if digit is None else digit) * _CN_MAGNITUDES[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


# Longest first so "件次" wins over "件" and "万元" over "万".
UNITS = sorted(
    "平方米 公里 件次 场次 人次 万元 小时 课时 学时 起 件 次 场 份 人 名 项 条 个 处 家 户 辆 "
    "册 幅 本 期 篇 元 村 天 日 宗 例 批 轮 所 台 张 亩 位 堂 %".split(),
    key=len,
    reverse=True,
)
# Chinese-numeral figures are only trusted with plain count units; elsewhere
# (一次办, 三项制度, 四个意识) they are set phrases, not statistics.
_CN_COUNT_UNITS = set("次 场 场次 名 人 人次 件 起 份 期 个 项 家 户 天 小时 课时 学时 批 轮".split())
_CN_SET_PHRASE_AFTER = re.compile(r"意识|自信|维护|确立|务必|代表|亲自|同|全面|坚持|制度|清单|覆盖|办")

_QUANTITY = re.compile(
    r"(?P<pre>大约|约|近|逾|超过)?"
    rf"(?P<num>\d+(?:\.\d+)?|[{_CN_NUMERAL}]+)"
    r"\s*(?P<mult>万|亿)?\s*(?P<approx>余|多)?\s*"
    r"(?P<unit>" + "|".join(re.escape(u) for u in UNITS) + r")?"
    r"(?P<post>以上|左右)?"
)


def _number_value(num: str) -> float | int | None:
    if num[0].isdigit():
        if len(num) > 15:  # phone numbers, garbage; also keeps int() in range
            return None
        value = float(num)
    else:
        value = cn_to_int(num)
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _quantity_from_match(m: re.Match) -> dict | None:
    value = _number_value(m["num"])
    unit = m["unit"] or ""
    if value is None or (not unit and not m["mult"]):
        return None
    if m["mult"] == "万" and unit == "元":
        unit = "万元"  # money is conventionally stated in 万元; keep it so
    elif m["mult"]:
        value = value * (10000 if m["mult"] == "万" else 100000000)
        value = int(value) if float(value).is_integer() else round(value, 4)
    approx = bool(m["pre"] or m["approx"] or m["post"])
    return {"value": value, "unit": unit, "approx": approx}


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
    return lines


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
_SENTENCE_END = re.compile(r"[。；;！？!?]")

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
_TOWN_IN_OPENING = re.compile(r"^\d{4}\s*年度?\s*[，,]\s*([\u4e00-\u9fff]{1,6}?(?:镇|乡|街道))")


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
        m = _YEAR.search(text)
        if m:
            year = int(m[1]) if m[1].isdigit() else cn_to_int(m[1])
            if year and 1990 <= year <= 2100:
                return year
    return None


# --- figures ---------------------------------------------------------------------


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


def _inside(text: str, pos: int, opening: str, closing: str) -> bool:
    # Look back a bounded distance: quotes and brackets are short, and an
    # unbounded search makes long run-on sentences quadratic.
    start = max(0, pos - 200)
    return text.rfind(opening, start, pos) > text.rfind(closing, start, pos)


def _is_figure(sentence: str, m: re.Match, q: dict) -> bool:
    before = sentence[max(0, m.start() - 8) : m.start()].rstrip()  # only its last characters matter
    if before.endswith("第") or re.search(r"[A-Za-z]$", before):
        return False  # article numbers (第24条), codes
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


def _sum_check(sentence: str, figures: list[_Figure]) -> dict | None:
    """ "共 N X，其中 a X、b X": parts may not exceed N; a full list must add up."""
    at = sentence.find("其中")
    before = [f for f in figures if f.end <= at]
    parts = [f for f in figures if f.start > at and f.unit != "%"]  # a trailing rate is no share
    if at < 0 or not before or not parts:
        return None
    total = before[-1]
    if total.approx or any(p.approx for p in parts) or total.unit == "%":
        return None  # "余/约" figures are rounded: never flag them
    if not all(_compatible(total.unit, p.unit) for p in parts):
        return None
    if re.search(r"各|均|每|其中.*其中", sentence[at:]):
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
        m = _TOWN_IN_OPENING.search(opening[0])
        organization = m[1] if m else None
    header = {"title": title, "organization": organization, "year": _find_year(title, opening)}
    return {**header, "signature": signature}, body


def _walk_body(body: list[str]) -> tuple[list, list, list, set]:
    """Outline, figures and checks of the body; also the parts covered by paragraphs."""
    sections, figures, checks, covered = [], [], [], set()
    stack: list[_Frame] = []

    def open_section(level: int, number: str, label: str, heading_text: str) -> None:
        while stack and stack[-1].level >= level:
            stack.pop()
        part, allowed = _resolve_part(heading_text, stack[-1] if stack else None)
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
