"""The demo township's 2025 report as .docx, PDF and HTML, read back by our own checker; the CLI."""

import json
import re
import shutil
import subprocess

import docx
import pytest
from django.core.management import CommandError, call_command

from fazhi.reports import demo, render, services
from fazhi.reports.extract import check_file
from fazhi.reports.models import AnnualReport
from fazhi.reports.parsing import failed_checks

from .helpers import dispute_figures


@pytest.fixture
def report(world, monkeypatch):
    dispute_figures(monkeypatch)  # a rate in the text, so the rate check has something to check
    demo.build(world)
    return AnnualReport.objects.get(township=world.township, year=2025)


def test_docx_reads_back_with_every_part_and_no_failed_check(report, tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(render.render_docx(services.to_document(report)))
    word = docx.Document(str(path))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "本年度该领域台账暂无记录" not in text and "{{fig:" not in text
    assert word.sections[0].page_width.mm == pytest.approx(210, abs=0.5)
    result = check_file(path)
    assert result["title"].startswith("青山镇人民政府关于2025年度法治政府建设情况的报告")
    assert result["organization"] == "青山镇人民政府" and result["year"] == 2025
    assert all(result["parts"].values()), result["parts"]
    assert failed_checks(result) == []
    assert any(c["kind"] == "rate" and c["ok"] for c in result["checks"]), "the rate sentence was checked"
    assert any(f["value"] == 12 and "行政村" in f["text"] for f in result["figures"])


def test_html_preview(report):
    page = render.render_html(services.to_document(report), full_page=True)
    assert "青山镇人民政府" in page and "gwdoc" in page and "{{fig:" not in page


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm")), reason="LibreOffice/poppler missing"
)
def test_pdf_first_page_is_not_blank(report, tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render.render_pdf(services.to_document(report)))
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            "-gray",
            "-singlefile",
            str(pdf),
            str(tmp_path / "p1"),
        ],
        check=True,
        timeout=60,
    )
    data = (tmp_path / "p1.pgm").read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    pixels = data[header.end() :]
    assert sum(1 for v in pixels if v < 128) > 0.01 * len(pixels), "page 1 looks blank"
    assert (
        "主要举措和成效"
        in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    )


def test_cli_build_and_check(report, tmp_path, capsys):
    out = tmp_path / "r.docx"
    call_command(
        "report", "build", "--township", "青山镇", "--year", "2025", "--format", "docx", "--out", str(out)
    )
    assert out.read_bytes()[:2] == b"PK"
    capsys.readouterr()
    call_command("report", "check", str(out), "--json")
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {
        "title",
        "organization",
        "year",
        "signature",
        "sections",
        "parts",
        "figures",
        "checks",
    }
    assert all(result["parts"].values())
    call_command("report", "check", str(out))
    summary = capsys.readouterr().out
    assert "必备内容" in summary and "未发现问题" in summary
    html = tmp_path / "r.html"
    call_command(
        "report", "build", "--township", "青山镇", "--year", "2025", "--format", "html", "--out", str(html)
    )
    assert "法治政府建设情况的报告" in html.read_text()


def test_cli_check_refuses_unreadable_files(tmp_path, db):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(CommandError, match="无法读取"):
        call_command("report", "check", str(broken))
    with pytest.raises(CommandError, match="找不到文件"):
        call_command("report", "check", str(tmp_path / "missing.pdf"))
    result = subprocess.run(
        [shutil.which("fazhi") or ".venv/bin/fazhi", "report", "check", str(broken)],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
