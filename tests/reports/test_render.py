"""Tests for the GB/T 9704-2012 report renderer (no DB, no Django)."""

import concurrent.futures
import datetime
import io
import re
import shutil
import subprocess

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from hypothesis import given
from hypothesis import strategies as st

from fazhi.reports.document import Block, Document, cn_number, format_cn_date, heading_prefix
from fazhi.reports.render import render_docx, render_html, render_pdf

PARAGRAPH = "为深入贯彻落实党中央、国务院关于法治政府建设的决策部署，进一步提升依法行政水平，现将本单位2024年度法治政府建设工作情况报告如下。"


def sample_document(paragraph_repeats: int = 4) -> Document:
    return Document(
        title="关于2024年度法治政府建设情况的\n报告",
        blocks=[
            Block("paragraph", PARAGRAPH),
            Block("heading", "主要举措和成效", level=1),
            Block("heading", "加强组织领导", level=2),
            Block("paragraph", PARAGRAPH * 2),
            Block("heading", "健全制度体系", level=3),
            Block("heading", "完善决策程序，规范重大行政决策。", level=4),
            Block("heading", "存在的问题", level=1),
            Block("heading", "制度建设有待加强", level=2),
            Block("paragraph", PARAGRAPH * paragraph_repeats),
            Block("paragraph", "特此报告。"),
        ],
        signature="某某市司法局",
        date=datetime.date(2025, 1, 5),
    )


@pytest.fixture(scope="module")
def word():
    return docx.Document(io.BytesIO(render_docx(sample_document())))


def east_asia_font(run) -> str:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def paragraph_with(word, text):
    return next(p for p in word.paragraphs if p.text.startswith(text))


# --- document model ------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九")],
)
def test_cn_number(n, expected):
    assert cn_number(n) == expected


@pytest.mark.parametrize("n", [0, 100, -1])
def test_cn_number_rejects_out_of_range(n):
    with pytest.raises(ValueError):
        cn_number(n)


@given(st.integers(min_value=1, max_value=99))
def test_cn_number_agrees_with_cn2an(n):
    cn2an = pytest.importorskip("cn2an")
    assert cn2an.cn2an(cn_number(n), "strict") == n


def test_heading_prefixes():
    assert [heading_prefix(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "三是"]


def test_date_uses_arabic_numerals_without_zero_padding():
    assert format_cn_date(datetime.date(2025, 1, 5)) == "2025年1月5日"


def test_unknown_block_kind_is_rejected():
    with pytest.raises(ValueError):
        Block("footnote", "x")


# --- .docx ---------------------------------------------------------------------


def test_page_is_a4_with_gbt9704_margins(word):
    section = word.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    for margin, mm in [("top_margin", 37), ("bottom_margin", 35), ("left_margin", 28), ("right_margin", 26)]:
        assert abs(getattr(section, margin) - Mm(mm)) < Mm(0.1), margin


def test_doc_grid_declares_22_lines(word):
    grid = word.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"
    assert grid.get(qn("w:type")) == "lines"


def test_title_is_22pt_xiaobiaosong_centred_on_two_lines(word):
    title = word.paragraphs[0]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.text == "关于2024年度法治政府建设情况的\n报告"
    for run in title.runs:
        assert run.font.size == Pt(22)
        assert east_asia_font(run) == "方正小标宋简体"
    assert word.paragraphs[1].text == ""  # one empty line below the title


def test_body_is_16pt_fangsong_with_fixed_line_spacing_and_indent(word):
    body = paragraph_with(word, PARAGRAPH[:10])
    run = body.runs[0]
    assert run.font.size == Pt(16)
    assert east_asia_font(run) == "仿宋_GB2312"
    assert run._element.rPr.rFonts.get(qn("w:ascii")) == "仿宋_GB2312"
    fmt = body.paragraph_format
    assert fmt.first_line_indent == Pt(32)
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert abs(fmt.line_spacing.pt - 28.95) < 0.01
    assert fmt.space_before == 0 and fmt.space_after == 0


@pytest.mark.parametrize(
    ("text", "font", "bold"),
    [
        ("一、主要举措和成效", "黑体", None),
        ("（一）加强组织领导", "楷体_GB2312", None),
        ("1.健全制度体系", "仿宋_GB2312", True),
        ("一是完善决策程序", "仿宋_GB2312", None),
    ],
)
def test_headings_are_numbered_and_use_level_fonts(word, text, font, bold):
    heading = paragraph_with(word, text)
    assert east_asia_font(heading.runs[0]) == font
    assert heading.runs[0].font.size == Pt(16)
    assert heading.runs[0].font.bold is bold
    assert heading.paragraph_format.first_line_indent == Pt(32)


def test_heading_numbers_restart_under_each_parent(word):
    assert paragraph_with(word, "二、").text == "二、存在的问题"
    assert paragraph_with(word, "（一）制度").text == "（一）制度建设有待加强"


def test_explicit_heading_number_wins():
    doc = Document(
        "标题",
        [Block("heading", "总体情况", level=1, number="第一部分　")],
        "机关",
        datetime.date(2025, 1, 1),
    )
    word = docx.Document(io.BytesIO(render_docx(doc)))
    assert any(p.text == "第一部分　总体情况" for p in word.paragraphs)


def test_footers_hold_page_field_with_em_dashes_odd_right_even_left(word):
    assert word.settings.odd_and_even_pages_header_footer
    section = word.sections[0]
    for footer, alignment in [
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ]:
        xml = footer._element.xml
        assert "PAGE" in "".join(t.text for t in footer._element.iter(qn("w:instrText")))
        assert [f.get(qn("w:fldCharType")) for f in footer._element.iter(qn("w:fldChar"))] == [
            "begin",
            "separate",
            "end",
        ]
        assert xml.count("—") == 2
        paragraph = footer.paragraphs[0]
        assert paragraph.alignment == alignment
        assert all(run.font.size == Pt(14) and east_asia_font(run) == "宋体" for run in paragraph.runs)


def test_closing_is_signature_over_date_right_aligned(word):
    *_, blank, signature, date = word.paragraphs
    assert blank.text == ""
    assert signature.text == "某某市司法局"
    assert date.text == "2025年1月5日"
    assert signature.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert date.paragraph_format.right_indent == Pt(4 * 16)
    # Centred over the date: the date is 6 chars wide (digits are half-width)
    # and the signature 6, so both sit 4 characters in.
    assert signature.paragraph_format.right_indent == Pt(4 * 16)


def test_short_signature_is_centred_over_longer_date():
    doc = Document("标题", [Block("paragraph", "正文")], "司法局", datetime.date(2025, 12, 25))
    word = docx.Document(io.BytesIO(render_docx(doc)))
    signature, date = word.paragraphs[-2:]
    # date "2025年12月25日" = 7 chars, signature 3 chars: (7 - 3) / 2 = 2 more.
    assert signature.paragraph_format.right_indent == Pt(6 * 16)


def test_font_table_maps_official_fonts_to_free_faces(word):
    font_table = word.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
    ).blob.decode()
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="FandolFang"/>' in font_table
    assert '<w:font w:name="楷体_GB2312"><w:altName w:val="FandolKai"/>' in font_table
    assert '<w:font w:name="黑体"><w:altName w:val="Noto Sans CJK SC"/>' in font_table


# --- HTML ----------------------------------------------------------------------


def test_html_escapes_text_and_contains_title():
    doc = sample_document()
    doc.blocks.append(Block("paragraph", '<script>alert("x")</script>'))
    fragment = render_html(doc)
    assert "<script>" not in fragment
    assert "&lt;script&gt;" in fragment
    assert "关于2024年度法治政府建设情况的<br>报告" in fragment
    assert "width:210mm" in fragment and "Noto Serif CJK SC" in fragment
    assert not fragment.startswith("<!DOCTYPE")


def test_html_full_page():
    page = render_html(sample_document(), full_page=True)
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>关于2024年度法治政府建设情况的报告</title>" in page
    assert page.count('class="gw-heading1') == 2


# --- PDF -----------------------------------------------------------------------

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) not on PATH"
)
needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftoppm", "pdffonts", "pdfinfo")),
    reason="poppler-utils not installed",
)


def test_pdf_without_soffice_raises_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RuntimeError, match="LibreOffice"):
        render_pdf(sample_document())


def test_pdf_conversion_timeout_kills_soffice(tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n")
    fake.chmod(0o755)
    with pytest.raises(RuntimeError, match="timed out"):
        render_pdf(sample_document(), soffice=str(fake), timeout=0.5)


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(render_pdf(sample_document(paragraph_repeats=6)))
    return path


def poppler(*args) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=60).stdout


def page_gray(pdf_path, page: int) -> tuple[int, int, bytes]:
    """Render one page at 50 dpi as 8-bit grey (PGM): (width, height, pixels)."""
    prefix = pdf_path.with_name(f"page{page}")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "50",
            "-f",
            str(page),
            "-l",
            str(page),
            "-gray",
            "-singlefile",
            str(pdf_path),
            str(prefix),
        ],
        check=True,
        timeout=60,
    )
    data = prefix.with_suffix(".pgm").read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    width, height = int(header[1]), int(header[2])
    return width, height, data[header.end() :]


def dark_columns(width: int, pixels: bytes, rows: range) -> list[int]:
    return [x for x in range(width) if any(pixels[y * width + x] < 128 for y in rows)]


@needs_soffice
@needs_poppler
def test_pdf_is_a4_with_cjk_fonts_embedded(pdf_path):
    assert pdf_path.read_bytes().startswith(b"%PDF")
    info = poppler("pdfinfo", str(pdf_path))
    assert "(A4)" in info
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert pages >= 2
    fonts = poppler("pdffonts", str(pdf_path))
    # Real 仿宋 (body) and 楷体 (the （一） level) faces, Noto for 小标宋 and 黑体: the fallbacks of
    # fonts.conf worked, and each face is embedded.
    embedded = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if " yes " in line}
    assert {"FandolFang-Regular", "FandolKai-Regular"} <= embedded, fonts
    assert any(name.startswith("NotoSerifCJK") for name in embedded)  # 小标宋 title
    assert any(name.startswith("NotoSansCJK") for name in embedded)  # 黑体 level-1 headings


@needs_soffice
@needs_poppler
def test_issuer_and_date_keep_with_the_last_paragraph(pdf_path):
    """The last page carries body text above the signature, never the signature alone."""
    pages = int(
        next(
            line for line in poppler("pdfinfo", str(pdf_path)).splitlines() if line.startswith("Pages:")
        ).split()[1]
    )
    last = poppler("pdftotext", "-f", str(pages), "-l", str(pages), "-layout", str(pdf_path), "-")
    lines = [
        line.strip()
        for line in last.splitlines()
        if line.strip() and not re.fullmatch(r"[—\-\s\d]+", line.strip())
    ]
    assert len(lines) >= 3, lines  # a paragraph line, the issuer, the date


@needs_soffice
@needs_poppler
def test_pdf_page_one_has_text_and_right_page_number(pdf_path):
    width, height, pixels = page_gray(pdf_path, 1)
    dark = sum(1 for value in pixels if value < 128)
    assert dark > 0.01 * width * height, "page 1 looks blank"
    # Body text stays inside the type area: 28 mm from the left, 26 from the right.
    body_rows = range(round(height * 40 / 297), round(height * 255 / 297))
    columns = dark_columns(width, pixels, body_rows)
    assert abs(columns[0] / width * 210 - 28) < 2 and abs(columns[-1] / width * 210 - 184) < 2
    # Odd page number sits below the type area, in the right half.
    footer = dark_columns(width, pixels, range(round(height * 263 / 297), height))
    assert footer and min(footer) > width / 2


@needs_soffice
@needs_poppler
def test_pdf_even_page_number_is_on_the_left(pdf_path):
    width, height, pixels = page_gray(pdf_path, 2)
    footer = dark_columns(width, pixels, range(round(height * 263 / 297), height))
    assert footer and max(footer) < width / 2


@needs_soffice
@needs_poppler
def test_pdf_page_one_has_22_lines_of_28_characters(pdf_path):
    """GB/T 9704-2012 5.2.3 as LibreOffice actually lays it out."""
    text = poppler("pdftotext", "-f", "1", "-l", "1", str(pdf_path), "-")
    lines = [line for line in text.splitlines() if line.strip() and "—" not in line]  # drop the page number
    assert len(lines) + 1 == 22  # + the empty line below the title; the last paragraph runs on to page 2
    all_cjk = [line for line in lines if all(ord(char) > 0x2E80 for char in line)]
    assert max(map(len, all_cjk)) == 28


@needs_soffice
def test_concurrent_pdf_conversions_do_not_clash():
    """Each call uses its own LibreOffice profile, so parallel runs both succeed."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        pdfs = list(pool.map(lambda _: render_pdf(sample_document()), range(2)))
    assert all(pdf.startswith(b"%PDF") for pdf in pdfs)


def test_optional_addressee_sits_flush_left_under_the_title():
    doc = Document(
        "标题", [Block("paragraph", "正文")], "司法局", datetime.date(2025, 12, 25), addressee="县依法治县办"
    )
    word = docx.Document(io.BytesIO(render_docx(doc)))
    texts = [p.text for p in word.paragraphs]
    assert texts[:4] == ["标题", "", "县依法治县办：", "正文"]
    assert not word.paragraphs[2].paragraph_format.first_line_indent
    assert "县依法治县办：" in render_html(doc)
    plain = Document("标题", [Block("paragraph", "正文")], "司法局", datetime.date(2025, 12, 25))
    assert "：" not in "".join(p.text for p in docx.Document(io.BytesIO(render_docx(plain))).paragraphs)
