"""A minimal document model for a Chinese official report (GB/T 9704-2012).

The model is deliberately plain: callers pass plain text only (no inline
markup). ``lay_out`` makes the format-independent decisions (heading numbers,
blank lines, closing indents in characters); ``render.py`` turns the result
into .docx, PDF or HTML.
"""

from __future__ import annotations

import dataclasses
import datetime
import unicodedata

BLOCK_KINDS = ("title", "addressee", "paragraph", "heading", "signature", "date")

# GB/T 9704-2012 7.3.3: structure levels are numbered "一、", "（一）", "1.",
# and "（1）"; we use the common "一是" style for level 4 as requested by the
# report writers (it reads as "first, ...", with no trailing punctuation).
HEADING_LEVELS = (1, 2, 3, 4)

_CN_DIGITS = "零一二三四五六七八九"

# 7.3.5.1: the date sits 4 characters from the right and the signature is
# centred over it. 7.3.2 / 7.3.5.2: an empty line follows the title (where
# the addressee goes) and precedes the signature.
DATE_RIGHT_INDENT_CHARS = 4


@dataclasses.dataclass
class Block:
    """One paragraph-level element.

    ``number`` is an explicit heading prefix (e.g. "一、"); when empty the
    renderer numbers headings automatically per level.
    """

    kind: str
    text: str = ""
    level: int = 0
    number: str = ""

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}; expected one of {BLOCK_KINDS}")
        if self.kind == "heading" and self.level not in HEADING_LEVELS:
            raise ValueError(f"heading level must be 1-4, got {self.level}")


@dataclasses.dataclass
class Document:
    title: str
    blocks: list[Block]
    signature: str
    date: datetime.date
    addressee: str = ""  # 主送机关 (7.3.2), e.g. "县委全面依法治县委员会办公室"; optional

    def layout_blocks(self) -> list[Block]:
        """All blocks in page order, adding title/signature/date from the fields.

        The fields are used only when ``blocks`` carries no block of that kind,
        so callers may either rely on the fields or place those blocks themselves.
        """
        kinds = {block.kind for block in self.blocks}
        head = [] if "title" in kinds or not self.title else [Block("title", self.title)]
        if self.addressee and "addressee" not in kinds:
            head.append(Block("addressee", self.addressee.rstrip("：:") + "："))
        tail = []
        if "signature" not in kinds and self.signature:
            tail.append(Block("signature", self.signature))
        if "date" not in kinds and self.date:
            tail.append(Block("date", format_cn_date(self.date)))
        return head + list(self.blocks) + tail


def cn_number(n: int) -> str:
    """Chinese numeral for 1..99: 1 -> "一", 10 -> "十", 15 -> "十五", 20 -> "二十"."""
    if not 1 <= n <= 99:
        raise ValueError(f"cn_number supports 1..99, got {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN_DIGITS[ones]
    prefix = "" if tens == 1 else _CN_DIGITS[tens]
    return prefix + "十" + (_CN_DIGITS[ones] if ones else "")


def heading_prefix(level: int, n: int) -> str:
    """Numbering prefix for the n-th heading at ``level`` (GB/T 9704-2012 7.3.3)."""
    if level == 1:
        return f"{cn_number(n)}、"
    if level == 2:
        return f"（{cn_number(n)}）"  # full-width parentheses
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"{cn_number(n)}是"
    raise ValueError(f"heading level must be 1-4, got {level}")


def format_cn_date(date: datetime.date) -> str:
    """GB/T 9704-2012 7.3.5.4: Arabic numerals, full year, no zero padding."""
    return f"{date.year}年{date.month}月{date.day}日"


def number_headings(blocks: list[Block]) -> list[tuple[Block, str]]:
    """Pair each block with its heading prefix ("" for non-headings).

    Counters reset for deeper levels whenever a shallower heading appears, so
    "（一）" restarts under each "一、". An explicit ``Block.number`` wins but
    still advances the counter, keeping later automatic numbers consistent.
    """
    counters = dict.fromkeys(HEADING_LEVELS, 0)
    numbered = []
    for block in blocks:
        prefix = ""
        if block.kind == "heading":
            counters[block.level] += 1
            for deeper in HEADING_LEVELS[block.level :]:
                counters[deeper] = 0
            prefix = block.number or heading_prefix(block.level, counters[block.level])
        numbered.append((block, prefix))
    return numbered


def text_width_chars(text: str) -> float:
    """Width in body characters: CJK/full-width count 1, Latin and digits 1/2."""
    return sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def _right_indents(blocks: list[Block]) -> dict[str, float]:
    """Right indents (in characters) of the signature and the date, 7.3.5.1."""
    date = next((b.text for b in blocks if b.kind == "date"), "")
    signature = next((b.text for b in blocks if b.kind == "signature"), "")
    if not date:
        return {"date": 0, "signature": DATE_RIGHT_INDENT_CHARS}
    centred = DATE_RIGHT_INDENT_CHARS + (text_width_chars(date) - text_width_chars(signature)) / 2
    return {"date": DATE_RIGHT_INDENT_CHARS, "signature": max(centred, 0)}


def _needs_blank_line_before(block: Block, previous: Block | None) -> bool:
    if previous is None:
        return False
    after_title = previous.kind == "title" and block.kind != "title"
    before_closing = block.kind in ("signature", "date") and previous.kind not in ("signature", "date")
    return after_title or before_closing


@dataclasses.dataclass(frozen=True)
class PlacedBlock:
    """A block with what every output format shares already decided."""

    block: Block
    text: str  # heading prefix + text; "\n" separates forced lines
    right_indent_chars: float
    blank_line_before: bool


def lay_out(doc: Document) -> list[PlacedBlock]:
    """Blocks in page order with numbering, closing indents and blank lines."""
    blocks = doc.layout_blocks()
    indents = _right_indents(blocks)
    placed, previous = [], None
    for block, prefix in number_headings(blocks):
        placed.append(
            PlacedBlock(
                block,
                prefix + block.text,
                indents.get(block.kind, 0),
                _needs_blank_line_before(block, previous),
            )
        )
        previous = block
    return placed
