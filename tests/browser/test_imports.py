"""A clerk brings last year's dispute workbook in: a title row, merged village cells, the township's
own column names and three bad rows. They see the three errors, fix the file, commit, find the
records, their deadlines on the board and the figure, then undo the whole import."""

import datetime as dt

import pytest

from fazhi.core.models import BoardEntry
from fazhi.disputes.models import Dispute, MediationCommittee, Mediator
from fazhi.indicators.registry import REGISTRY, Scope
from tests.imports.sheets import dispute_workbook

pytestmark = pytest.mark.browser


def test_dispute_workbook_import_journey(login, live_world, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    township = live_world.township
    committee = MediationCommittee.objects.create(
        township=township, name="青山镇人民调解委员会", term_start=dt.date(2024, 1, 1)
    )
    mediator = Mediator.objects.create(township=township, name="陈调解", committee=committee)
    bad, good = tmp_path / "2025年矛盾纠纷台账.xlsx", tmp_path / "2025年矛盾纠纷台账（改）.xlsx"
    bad.write_bytes(dispute_workbook(live_world.villages, mediator, bad=True))
    good.write_bytes(dispute_workbook(live_world.villages, mediator, bad=False))
    board_before = BoardEntry.objects.filter(township=township).count()
    figure = REGISTRY["disputes.received"]

    page = login("qs_mediator")
    page.goto("/disputes/dispute/")
    page.click("#import-xlsx")
    page.set_input_files("#import-file", str(bad))
    page.click("#import-upload")
    assert "共 3 处错误" in page.locator("#import-errors-summary").inner_text()
    errors = page.locator(".import-errors tbody tr")
    assert errors.count() == 3
    text = page.locator(".import-errors").inner_text()
    assert "第5行" in text and "2025/2/30" in text and "买卖纠纷" in text and "不存在村" in text
    assert page.locator("#commit").count() == 0
    assert not Dispute.objects.filter(township=township).exists()

    page.goto("/imports/disputes.dispute/")
    page.set_input_files("#import-file", str(good))
    page.click("#import-upload")
    assert "全部 7 行校验通过" in page.locator("#ready").inner_text()
    assert page.locator("#preview-0 tbody tr").count() == 7
    page.click("#commit")
    assert "已导入 7 条记录" in page.locator("#done").inner_text()

    assert Dispute.objects.filter(township=township).count() == 7
    assert figure.value(Scope(township, 2025)) == 7
    assert BoardEntry.objects.filter(township=township).count() >= board_before + 6
    page.goto("/disputes/dispute/?year=2025")
    assert "JF2025-0007" in page.locator("#ledger-table").inner_text()
    page.goto("/deadlines/")
    assert "JF2025-0001" in page.content()

    page.goto("/imports/")
    page.click("#import-batches a >> nth=0")
    page.click("#undo")
    assert "已撤销本次导入" in page.locator(".alert-success").first.inner_text()
    assert not Dispute.objects.filter(township=township).exists()
    assert figure.value(Scope(township, 2025)) == 0
    assert BoardEntry.objects.filter(township=township).count() == board_before
