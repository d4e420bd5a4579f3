"""Done-when for the demo township: `fazhi report build` for 青山镇 2025 writes a full report (four
parts, ≥ 3 500 characters of body, ≥ 100 figure codes, year on year wherever last year is known, no
sentence repeated between any two parts) that reads back through `fazhi report check` with every
figure and no false alarm."""

import re

import pytest
from django.core.management import call_command

from fazhi.indicators.registry import REGISTRY
from fazhi.reports import services
from fazhi.reports.extract import check_file
from fazhi.reports.models import AnnualReport
from fazhi.reports.parsing import failed_checks
from fazhi.reports.wording import change_words, clause, render, spoken_unit, tokens

pytestmark = pytest.mark.slow


@pytest.fixture
def demo_report(world):
    from fazhi.core.demo import run_all

    run_all()
    return AnnualReport.objects.get(township=world.township, year=2025)


def sentences(text: str) -> set[str]:
    return {s for s in re.split(r"[。；]", text) if len(s) > 6}


def test_demo_report_is_complete_and_reads_back(demo_report, tmp_path):
    path = tmp_path / "report.docx"
    call_command(
        "report", "build", "--township", "青山镇", "--year", "2025", "--format", "docx", "--out", str(path)
    )
    blocks = demo_report.current.blocks
    stated = {c for b in blocks for c in tokens(b["text"])}
    assert len(stated) >= 100, len(stated)

    doc = services.to_document(demo_report)
    body = "".join(b.text for b in doc.blocks if b.kind == "paragraph")
    assert len(body) >= 3500, len(body)

    # Year on year wherever last year is known (last year's report read back, or last year's records).
    values = services.values_for(demo_report.township, 2025, blocks)
    previous = services.previous_values(
        demo_report.township, 2025, blocks, services.baseline_for(demo_report)
    )
    assert len(previous) >= 60
    text = services.document_text(doc)
    for code in previous:
        said = render(clause(code), values, previous)
        assert said in text, code
        assert change_words(values[code], previous[code], spoken_unit(code), code) or code.startswith("org.")

    # The four parts, no sentence said in two of them; part 二 states acts of its own.
    level1 = [i for i, b in enumerate(doc.blocks) if b.kind == "heading" and b.level == 1]
    assert len(level1) >= 4, [doc.blocks[i].text for i in level1]
    bounds = [*level1, len(doc.blocks)]
    part = lambda k: "".join(b.text for b in doc.blocks[bounds[k] + 1 : bounds[k + 1]])  # noqa: E731
    for k in range(4):
        assert sentences(part(k)), k
        for j in range(k):
            assert not sentences(part(j)) & sentences(part(k)), (j, k)
    assert "述法" in part(1) and "出庭应诉" in part(1) and "会前学法" in part(1)

    result = check_file(path)
    assert all(result["parts"].values()), result["parts"]
    assert failed_checks(result) == []
    read = services.figures_from_parsed(result)
    missing = {c: values[c] for c in stated if values.get(c) and REGISTRY[c].sentence and c not in read}
    assert not missing, missing
    wrong = {c: (read[c], values[c]) for c in stated if c in read and float(read[c]) != float(values[c])}
    assert not wrong, wrong
