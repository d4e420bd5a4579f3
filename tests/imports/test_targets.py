"""Every ledger with a create page imports: its columns come from its form, its template reads back."""

import io

from fazhi.core.imports import ImportResult
from fazhi.core.sheets import open_workbook
from fazhi.imports.targets import targets

LABELS = list(targets())


def test_every_ledger_with_a_form_is_a_target():
    assert {"disputes.dispute", "petitions.petition", "org.person", "enforcement.enforcementitem"} <= set(
        LABELS
    )


def test_every_template_reads_back(world):
    for label in LABELS:
        template_reads_back(targets()[label], world)


def template_reads_back(target, world):
    assert {c.field for c in target.columns} >= set(target.form_view.fields)
    data = target.importer().template_bytes(target.title, lists=target.lists(world.township))
    sheet = open_workbook(data, "t.xlsx")[0]
    result = ImportResult()
    assert list(target.importer().check(sheet.rows(), world.township, result)) == []
    assert result.header_row == 1 and len(result.mapping) == len(target.columns)
    assert [e.reason for e in result.errors] == ["表格中没有数据行"]  # the hint row is not data
    assert io.BytesIO(data).getbuffer().nbytes > 0
