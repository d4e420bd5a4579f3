"""Plain text out of an uploaded report (.txt, .docx, .pdf), then parse it.

Libraries are imported inside the readers so that importing this module never
needs python-docx or pdfminer (and stays cheap for Django start-up).
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

from fazhi.reports.parsing import parse_report

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")


def decode_text(data: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Chinese Windows editors save GBK/GB2312; GB18030 is a superset of both.
        return data.decode("gb18030", errors="replace")


def read_docx(path: str | Path) -> str:
    """Paragraphs and table cells of the document body, in document order."""
    import docx
    from docx.table import Table

    lines = []
    for block in docx.Document(str(path)).iter_inner_content():
        if isinstance(block, Table):
            lines += _table_lines(block)
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(cell.text.strip())
        lines.append("\t".join(c for c in cells if c))
    return lines


def read_pdf(path: str | Path) -> str:
    from pdfminer.high_level import extract_text

    return reflow_pdf_text(extract_text(str(path)))


_PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,3}[-—–－\s]*$")
# pdfminer puts a space between CJK text and Latin digits ("关于 2023 年"), and
# quotation marks set in a fallback font often come out on lines of their own.
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])")
_STRAY_QUOTES = re.compile(r"^[“”‘’\"'\s]+$")
_LINE_END = re.compile(r"[。！？；：:!?;]$")
_HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.是]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d))"
)


def reflow_pdf_text(text: str) -> str:
    """Rejoin paragraphs that a PDF wrapped into fixed-width lines.

    A line is a wrapped fragment when it is (nearly) as long as the longest
    lines of the page and does not end a sentence; short lines (headings, the
    signature) and lines before a heading marker are kept as they are.
    """
    lines = [_CJK_SPACE.sub("", line).strip() for line in text.replace("\f", "\n").splitlines()]
    lines = [
        line for line in lines if line and not _PAGE_NUMBER.match(line) and not _STRAY_QUOTES.match(line)
    ]
    if not lines:
        return ""
    lengths = sorted(len(line) for line in lines)
    full_width = lengths[int(0.9 * (len(lengths) - 1))]
    if full_width < 10 or statistics.median(lengths) < 3:
        return "\n".join(lines)
    out = [lines[0]]
    for previous, line in zip(lines, lines[1:], strict=False):
        wrapped = len(previous) >= full_width - 2 and not _LINE_END.search(previous)
        if wrapped and not _HEADING_START.match(line):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def extract_text(path: str | Path) -> str:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return decode_text(path.read_bytes())
    if suffix == ".docx":
        return read_docx(path)
    if suffix == ".pdf":
        return read_pdf(path)
    raise ValueError(f"不支持的报告文件类型：{suffix or path.name}（支持 .txt、.docx、.pdf）")


def check_file(path: str | Path) -> dict:
    """Extract a report's text and parse/check it (see ``parse_report``)."""
    return parse_report(extract_text(path))
