"""Render a :class:`~fazhi.reports.document.Document` as .docx, HTML or PDF.

The .docx follows GB/T 9704-2012 《党政机关公文格式》 (body of the document
only: no 版头/版记). Fonts are named by their official names so Word on a
government PC uses the real fonts; elsewhere the font table's ``altName`` and
``fonts.conf`` (used for PDF conversion) substitute Noto CJK.
"""

from __future__ import annotations

import dataclasses
import html
import io
import math
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from lxml import etree

from fazhi.reports.document import Block, Document, PlacedBlock, lay_out

# --- GB/T 9704-2012 layout constants -------------------------------------
# 5.1: A4 paper.
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
# 5.2.1: type area (版心) 156 x 225 mm; top margin (天头) 37 mm, binding-side
# (订口, left) margin 28 mm. Right and bottom follow from paper - type area.
TYPE_AREA_WIDTH_MM, TYPE_AREA_HEIGHT_MM = 156, 225
MARGIN_TOP_MM, MARGIN_LEFT_MM = 37, 28
MARGIN_RIGHT_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - TYPE_AREA_WIDTH_MM  # 26
MARGIN_BOTTOM_MM = PAGE_HEIGHT_MM - MARGIN_TOP_MM - TYPE_AREA_HEIGHT_MM  # 35
# 5.2.2 / 7.3.1: title in 2号 (22 pt); body in 3号 (16 pt).
TITLE_SIZE_PT = 22
BODY_SIZE_PT = 16
# 5.2.3: 22 lines x 28 characters per page.
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
# 225 mm / 22 lines = 28.99 pt, rounded down to whole twips (579 = 28.95 pt,
# the value in Word templates) so 22 lines always fit in the type area.
LINE_PITCH_TWIPS = math.floor(Mm(TYPE_AREA_HEIGHT_MM).twips / LINES_PER_PAGE)
# 156 mm / 28 = 15.79 pt per character, so 16 pt text is tightened by whole
# twips, rounded down: -5 (-0.25 pt); -4 would leave 28 chars 0.2 pt too wide.
BODY_TRACKING_TWIPS = math.floor((Mm(TYPE_AREA_WIDTH_MM).pt / CHARS_PER_LINE - BODY_SIZE_PT) * 20)
# 7.3.3: paragraphs and headings start after two empty characters (空二字).
FIRST_LINE_INDENT_CHARS = 2
# 7.5: page number in 4号 (14 pt) 宋体 as "— N —", the dash line 7 mm below
# the type area; odd pages right, even pages left, each 1 character in.
PAGE_NUMBER_SIZE_PT = 14
PAGE_NUMBER_GAP_MM = 7
PAGE_NUMBER_SIDE_INDENT_CHARS = 1

# --- Fonts -----------------------------------------------------------------
FONT_TITLE = "方正小标宋简体"
FONT_FANGSONG = "仿宋_GB2312"
FONT_HEI = "黑体"
FONT_KAI = "楷体_GB2312"
FONT_SONG = "宋体"
SERIF_FALLBACK, SANS_FALLBACK = "Noto Serif CJK SC", "Noto Sans CJK SC"
# Same mapping as fonts.conf: real 仿宋/楷体 faces (Fandol, Debian's texlive-lang-chinese), Hei
# sans-serif, the other faces serif.
FANGSONG_FALLBACK, KAI_FALLBACK = "FandolFang", "FandolKai"
FONT_FALLBACKS = {
    FONT_TITLE: SERIF_FALLBACK,
    FONT_FANGSONG: FANGSONG_FALLBACK,
    FONT_HEI: SANS_FALLBACK,
    FONT_KAI: KAI_FALLBACK,
    FONT_SONG: SERIF_FALLBACK,
}
# Browser stacks: official name, Windows/macOS names, then the free fallback.
# The title fallback is a locally-installed *bold* serif (see _css), because
# 小标宋 is heavy; a plain font-weight would fake-bold the real font too.
CSS_FONT_STACKS = {
    FONT_TITLE: '"方正小标宋简体", "方正小标宋_GBK", "GW Title Fallback", "Noto Serif CJK SC", serif',
    FONT_FANGSONG: '"仿宋_GB2312", "仿宋", FangSong, STFangsong, FandolFang, "Noto Serif CJK SC", serif',
    FONT_KAI: '"楷体_GB2312", "楷体", KaiTi, STKaiti, FandolKai, "Noto Serif CJK SC", serif',
    FONT_SONG: '"宋体", SimSun, STSong, "Noto Serif CJK SC", serif',
    FONT_HEI: '"黑体", SimHei, STHeiti, "Noto Sans CJK SC", sans-serif',
}

FONTS_CONF = Path(__file__).with_name("fonts.conf")
PDF_TIMEOUT_SECONDS = 120


@dataclasses.dataclass(frozen=True)
class BlockStyle:
    font: str
    size_pt: float = BODY_SIZE_PT
    bold: bool = False
    align: str = "justify"  # justify | center | right
    indent_chars: float = FIRST_LINE_INDENT_CHARS


_CLOSING = BlockStyle(FONT_FANGSONG, align="right", indent_chars=0)
# Keyed by (kind, heading level or 0). GB/T 9704-2012 7.3.3: level 1 黑体,
# level 2 楷体, levels 3-4 仿宋 (level 3 bold is common practice).
BLOCK_STYLES = {
    ("title", 0): BlockStyle(FONT_TITLE, TITLE_SIZE_PT, align="center", indent_chars=0),
    ("paragraph", 0): BlockStyle(FONT_FANGSONG),
    ("addressee", 0): BlockStyle(FONT_FANGSONG, indent_chars=0),  # 7.3.2: flush left (顶格)
    ("heading", 1): BlockStyle(FONT_HEI),
    ("heading", 2): BlockStyle(FONT_KAI),
    ("heading", 3): BlockStyle(FONT_FANGSONG, bold=True),
    ("heading", 4): BlockStyle(FONT_FANGSONG),
    ("signature", 0): _CLOSING,
    ("date", 0): _CLOSING,
}


def style_for(block: Block) -> BlockStyle:
    return BLOCK_STYLES[(block.kind, block.level if block.kind == "heading" else 0)]


def _tracking_pt(size_pt: float) -> float:
    """Character spacing: only body-size text is tightened to 28 per line."""
    return BODY_TRACKING_TWIPS / 20 if size_pt == BODY_SIZE_PT else 0


# --- .docx -------------------------------------------------------------------


def render_docx(doc: Document) -> bytes:
    word = docx.Document()
    _set_up_page(word.sections[0])
    _set_up_defaults(word)
    _register_font_fallbacks(word)
    placed = lay_out(doc)
    closing = next((i for i, item in enumerate(placed) if item.block.kind == "signature"), len(placed))
    for index, item in enumerate(placed):
        if item.blank_line_before:
            blank = word.add_paragraph()
            _format_paragraph(blank, BLOCK_STYLES[("paragraph", 0)])
            blank.paragraph_format.keep_with_next = index >= closing
        _add_block(word, item)
        if closing - 1 <= index < len(placed) - 1:
            # The issuer and the date never stand alone on a page: they keep with the last paragraph.
            word.paragraphs[-1].paragraph_format.keep_with_next = True
    _add_page_numbers(word)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _set_up_page(section) -> None:
    # python-docx's default template is US Letter, so set A4 explicitly.
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT_MM), Mm(MARGIN_RIGHT_MM)
    # Footer distance is measured to the footer's bottom edge; put the centre
    # of the (exactly PAGE_NUMBER_SIZE_PT high) number line, where the dashes
    # sit, PAGE_NUMBER_GAP_MM below the type area.
    section.footer_distance = Mm(MARGIN_BOTTOM_MM - PAGE_NUMBER_GAP_MM) - Pt(PAGE_NUMBER_SIZE_PT / 2)
    _set_doc_grid(section._sectPr)


def _set_doc_grid(sect_pr) -> None:
    """Declare a 22-line grid (Word's page setup then shows 22 lines/page).

    Deliberately type="lines", not "linesAndChars": with a character grid,
    LibreOffice (7.x) gives every 16 pt character two 15.79 pt grid cells, so
    lines hold 14 characters instead of 28. The 28 characters per line come
    from BODY_TRACKING_TWIPS instead, which Word and LibreOffice both honour.
    """
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))


def _set_up_defaults(word) -> None:
    """Body defaults, so blank lines and anything unstyled match the grid."""
    normal = word.styles["Normal"]
    normal.font.size = Pt(BODY_SIZE_PT)
    rpr = normal.element.get_or_add_rPr()
    _set_fonts(rpr, FONT_FANGSONG)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")  # Chinese line breaking/punctuation rules
    rpr.append(lang)
    _set_line_spacing(normal.paragraph_format)
    # The stock template declares Japanese as the East Asian theme language.
    theme_lang = word.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")


def _set_fonts(rpr, font: str) -> None:
    # Set every script slot: Word picks ascii/hAnsi for digits and Latin, and
    # GB/T 9704 wants them in the same face as the Chinese text.
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), font)


def _set_line_spacing(paragraph_format, line_twips: int = LINE_PITCH_TWIPS) -> None:
    paragraph_format.space_before = Pt(0)
    paragraph_format.space_after = Pt(0)
    paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph_format.line_spacing = Twips(line_twips)


def _register_font_fallbacks(word) -> None:
    """Add official fonts to fontTable.xml with a Noto CJK ``w:altName``.

    python-docx exposes the font table only as an opaque part, so edit its XML
    and write it back.
    """
    part = word.part.part_related_by(RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    existing = {font.get(qn("w:name")) for font in root.iter(qn("w:font"))}
    for name, fallback in FONT_FALLBACKS.items():
        if name in existing:
            continue
        font = etree.SubElement(root, qn("w:font"), {qn("w:name"): name})
        # Child order per the schema: altName, charset, family, pitch.
        for tag, value in (
            ("altName", fallback),
            ("charset", "86"),
            ("family", "auto"),
            ("pitch", "variable"),
        ):
            etree.SubElement(font, qn(f"w:{tag}"), {qn("w:val"): value})  # charset 86 = GB2312
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_block(word, item: PlacedBlock) -> None:
    style = style_for(item.block)
    paragraph = word.add_paragraph()
    _format_paragraph(paragraph, style, item.right_indent_chars)
    if item.block.kind == "heading":
        paragraph.paragraph_format.keep_with_next = True  # no orphaned heading at a page foot
    if item.block.kind == "title":
        _disable_grid_snap(paragraph)
    lines = item.text.split("\n")  # a title may be set on two lines
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        _format_run(run, style.font, style.size_pt, style.bold)
        if index < len(lines) - 1:
            run.add_break()


def _disable_grid_snap(paragraph) -> None:
    # LibreOffice snaps a line taller than the grid pitch onto two grid rows,
    # which would put 2号 title lines 58 pt apart; the exact spacing is enough.
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    paragraph._p.get_or_add_pPr().insert_element_before(snap, "w:spacing", "w:ind", "w:jc")


_ALIGNMENTS = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _format_paragraph(paragraph, style: BlockStyle, right_indent_chars: float = 0) -> None:
    pf = paragraph.paragraph_format
    pf.alignment = _ALIGNMENTS[style.align]
    _set_line_spacing(pf)
    pf.first_line_indent = Pt(style.indent_chars * BODY_SIZE_PT)
    pf.right_indent = Pt(right_indent_chars * BODY_SIZE_PT)
    # Word uses the character units when present (the indent then stays two
    # characters if someone changes the font size); LibreOffice 7.x reads the
    # absolute values above.
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(round(style.indent_chars * 100)))
    ind.set(qn("w:rightChars"), str(round(right_indent_chars * 100)))


def _format_run(run, font: str, size_pt: float, bold: bool = False) -> None:
    run.font.size = Pt(size_pt)
    run.font.bold = bold or None
    rpr = run._element.get_or_add_rPr()
    _set_fonts(rpr, font)
    if _tracking_pt(size_pt):
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(round(_tracking_pt(size_pt) * 20)))
        rpr.insert_element_before(spacing, "w:w", "w:kern", "w:position", "w:sz")  # schema order


def _add_page_numbers(word) -> None:
    """GB/T 9704-2012 7.5: odd pages right, even pages left, 1 char in."""
    word.settings.odd_and_even_pages_header_footer = True
    section = word.sections[0]
    _fill_page_number_footer(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _fill_page_number_footer(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _fill_page_number_footer(footer, alignment) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    pf = paragraph.paragraph_format
    pf.alignment = alignment
    _set_line_spacing(pf, round(PAGE_NUMBER_SIZE_PT * 20))
    pf.first_line_indent = Pt(0)
    side = Pt(PAGE_NUMBER_SIDE_INDENT_CHARS * PAGE_NUMBER_SIZE_PT)
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        pf.right_indent = side
    else:
        pf.left_indent = side
    # "— N —": em dashes (一字线) around a PAGE field; the cached "1" shows in
    # readers that do not update fields.
    pieces = [
        ("text", "— "),
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
        ("text", " —"),
    ]
    for kind, value in pieces:
        run = paragraph.add_run(value if kind == "text" else None)
        _format_run(run, FONT_SONG, PAGE_NUMBER_SIZE_PT)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = value
            run._r.append(instr)
        elif kind != "text":
            fld_char = OxmlElement("w:fldChar")
            fld_char.set(qn("w:fldCharType"), kind)
            run._r.append(fld_char)


# --- HTML --------------------------------------------------------------------

_HTML_TAGS = {
    "title": "h1",
    "addressee": "p",
    "heading": "h{level}",
    "paragraph": "p",
    "signature": "p",
    "date": "p",
}
_LINE_PT = LINE_PITCH_TWIPS / 20


def _css() -> str:
    rules = [
        '@font-face{font-family:"GW Title Fallback";src:local("Noto Serif CJK SC Bold"),'
        'local("NotoSerifCJKsc-Bold"),local("Source Han Serif SC Bold"),local("Songti SC Bold")}',
        f".gwdoc{{box-sizing:border-box;width:{PAGE_WIDTH_MM}mm;min-height:{PAGE_HEIGHT_MM}mm;margin:0 auto;"
        f"padding:{MARGIN_TOP_MM}mm {MARGIN_RIGHT_MM}mm {MARGIN_BOTTOM_MM}mm {MARGIN_LEFT_MM}mm;"
        f"background:#fff;color:#000;font-family:{CSS_FONT_STACKS[FONT_FANGSONG]};"
        f"font-size:{BODY_SIZE_PT}pt;line-height:{_LINE_PT}pt}}",
        ".gwdoc h1,.gwdoc h2,.gwdoc h3,.gwdoc h4,.gwdoc h5,.gwdoc p"
        "{margin:0;font-size:inherit;font-weight:normal;line-height:inherit}",
        f".gwdoc .gw-blank{{margin-top:{_LINE_PT}pt}}",
    ]
    for (kind, level), style in BLOCK_STYLES.items():
        rules.append(
            f".gwdoc .gw-{kind}{level or ''}{{font-family:{CSS_FONT_STACKS[style.font]};"
            f"font-size:{style.size_pt}pt;letter-spacing:{_tracking_pt(style.size_pt)}pt;"
            f"text-align:{style.align};text-indent:{style.indent_chars}em"
            f"{';font-weight:bold' if style.bold else ''}}}"
        )
    return "\n".join(rules)


def render_html(doc: Document, *, full_page: bool = False) -> str:
    """A self-contained, escaped HTML rendering (fragment unless full_page)."""
    body = "\n".join(_html_block(item) for item in lay_out(doc))
    fragment = f'<style>\n{_css()}\n</style>\n<article class="gwdoc" lang="zh-CN">\n{body}\n</article>'
    if not full_page:
        return fragment
    page_title = html.escape(doc.title.replace("\n", ""))
    # Printing: let @page supply the margins on every page instead of padding.
    print_css = (
        f"@page{{size:A4;margin:{MARGIN_TOP_MM}mm {MARGIN_RIGHT_MM}mm {MARGIN_BOTTOM_MM}mm {MARGIN_LEFT_MM}mm}}"
        "body{margin:0;background:#eee}"
        "@media print{body{background:none}.gwdoc{width:auto;min-height:0;padding:0}}"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{page_title}</title>\n'
        f"<style>{print_css}</style>\n</head>\n<body>\n{fragment}\n</body>\n</html>\n"
    )


def _html_block(item: PlacedBlock) -> str:
    block = item.block
    tag = _HTML_TAGS[block.kind].format(level=block.level + 1)
    level = block.level if block.kind == "heading" else ""
    classes = f"gw-{block.kind}{level}" + (" gw-blank" if item.blank_line_before else "")
    style = f' style="padding-right:{item.right_indent_chars}em"' if item.right_indent_chars else ""
    text = "<br>".join(html.escape(line) for line in item.text.split("\n"))
    return f'<{tag} class="{classes}"{style}>{text}</{tag}>'


# --- PDF ---------------------------------------------------------------------


def render_pdf(doc: Document, *, timeout: float = PDF_TIMEOUT_SECONDS, soffice: str | None = None) -> bytes:
    return docx_to_pdf(render_docx(doc), timeout=timeout, soffice=soffice)


def docx_to_pdf(data: bytes, *, timeout: float = PDF_TIMEOUT_SECONDS, soffice: str | None = None) -> bytes:
    """Convert .docx bytes to PDF with LibreOffice headless.

    Each call gets its own LibreOffice user profile: concurrent soffice runs
    sharing one profile block on its lock or fail outright.
    """
    executable = soffice or shutil.which("soffice") or shutil.which("libreoffice")
    if not executable:
        raise RuntimeError(
            "未找到 LibreOffice（soffice），无法生成 PDF。"
            "LibreOffice (soffice) was not found on PATH; install it to render PDF."
        )
    with tempfile.TemporaryDirectory(prefix="fazhi-pdf-") as tmp:
        workdir = Path(tmp)
        source = workdir / "report.docx"
        source.write_bytes(data)
        command = [
            executable,
            f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            str(source),
        ]
        env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
        output = _run_with_timeout(command, env, timeout)
        target = workdir / "report.pdf"
        if not target.exists():
            raise RuntimeError(f"LibreOffice 未生成 PDF。LibreOffice produced no PDF: {output.strip()}")
        return target.read_bytes()


def _run_with_timeout(command: list[str], env: dict[str, str], timeout: float) -> str:
    # soffice forks soffice.bin; run it in its own session so a timeout can
    # kill the whole process group rather than leave the child behind.
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True, text=True
    )
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise RuntimeError(
            f"PDF 转换超时（{timeout} 秒）。PDF conversion timed out after {timeout} s."
        ) from None
    if process.returncode != 0:
        raise RuntimeError(
            f"LibreOffice 转换失败。LibreOffice failed ({process.returncode}): {output.strip()}"
        )
    return output
