"""A township's own dispute sheet: found, mapped, checked, committed through the ledger's path, undone."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from fazhi.core import board
from fazhi.core.models import BoardEntry, LedgerEvent
from fazhi.core.roles import Role
from fazhi.disputes.models import Dispute, MediationCommittee, Mediator
from fazhi.imports import services
from fazhi.imports.models import ColumnMapping, ImportBatch
from fazhi.search.models import SearchEntry
from tests.imports.sheets import dispute_workbook, upload

S = ImportBatch.State


@pytest.fixture
def mediator(world):
    committee = MediationCommittee.objects.create(
        township=world.township, name="青山镇人民调解委员会", term_start=dt.date(2024, 1, 1)
    )
    return Mediator.objects.create(township=world.township, name="陈调解", committee=committee)


def start(world, data, role=Role.MEDIATOR, name="矛盾纠纷台账.xlsx"):
    user = world.users[role]
    batch = services.start(upload(data, name), world.township, user, "disputes.dispute")
    return services.check(batch), user


def test_bad_rows_are_listed_and_nothing_is_written(world, mediator):
    batch, _user = start(world, dispute_workbook(world.villages, mediator, bad=True))
    assert batch.state == S.INVALID
    part = batch.parts[0]
    assert part["header_row"] == 2 and part["rows"] == 7
    errors = {(row, column): (value, reason) for row, column, value, reason in part["errors"]}
    assert set(errors) == {(5, "受理日期"), (7, "纠纷类型"), (9, "村(社区)")}, errors
    assert errors[(5, "受理日期")] == ("2025/2/30", "“2025/2/30”不是有效日期（该日期不存在）")
    assert "不在可选范围内" in errors[(7, "纠纷类型")][1]
    assert errors[(9, "村(社区)")][1] == "本乡镇没有名为“不存在村”的村(社区)"
    assert not Dispute.objects.filter(township=world.township).exists()
    with pytest.raises(ValidationError):
        services.commit(batch, world.users[Role.MEDIATOR])


def test_good_sheet_commits_through_the_ledger_path_and_undoes_whole(world, mediator):
    before = BoardEntry.objects.filter(township=world.township).count()
    batch, user = start(world, dispute_workbook(world.villages, mediator, bad=False))
    assert batch.state == S.CHECKED, batch.parts[0]["errors"]
    # The sheet's own names were matched: 登记时间 → 受理日期, 所属村 → 村(社区), 调解人 → 调解员…
    mapping = batch.parts[0]["mapping"]
    assert mapping["1"] == "received" and mapping["2"] == "village" and mapping["6"] == "mediator"
    assert "0" not in mapping  # 序号 is not imported
    services.commit(batch, user)
    assert batch.state == S.DONE and batch.created == 7
    disputes = list(Dispute.objects.filter(township=world.township).order_by("received", "id"))
    assert [d.number for d in disputes] == [f"JF2025-{i:04d}" for i in range(1, 8)]
    v1, v2 = world.villages[0], world.villages[1]
    assert [d.village_id for d in disputes] == [
        v1.pk,
        v1.pk,
        v2.pk,
        v2.pk,
        v1.pk,
        v2.pk,
        v1.pk,
    ]  # merged cells
    assert disputes[1].received == dt.date(2025, 3, 8)
    settled = disputes[5]
    assert settled.state == Dispute.State.SETTLED and settled.resolved_on == dt.date(2025, 4, 20)
    assert settled.mediator == mediator and settled.created_by == user
    history = settled.history.get()
    assert history.history_user == user and "Excel导入" in history.history_change_reason
    # The board holds the open disputes' deadlines as if each had been saved by a form.
    stored = BoardEntry.objects.filter(township=world.township).count()
    assert stored == board.rebuild(world.township) and stored >= before + 6
    assert batch.records.count() == 7 and len(batch.sha256) == 64
    # Each record's event and search entry, written in bulk at the end, as a form's save writes them.
    kind = ContentType.objects.get_for_model(Dispute)
    ids = {d.pk for d in disputes}
    events = LedgerEvent.objects.filter(content_type=kind, object_id__in=ids)
    assert sorted(events.values_list("object_id", "action", "user")) == sorted(
        (pk, "register_dispute", user.pk) for pk in ids
    )
    entries = SearchEntry.objects.filter(content_type=kind, object_id__in=ids)
    assert set(entries.values_list("object_id", flat=True)) == ids
    assert entries.get(object_id=disputes[0].pk).title.startswith("JF2025-0001")

    services.undo(batch, user)
    assert batch.state == S.UNDONE and not Dispute.objects.filter(township=world.township).exists()
    assert BoardEntry.objects.filter(township=world.township).count() == before


def test_undo_refused_once_a_record_changed(world, mediator):
    from fazhi.core.services import save_record

    batch, user = start(world, dispute_workbook(world.villages, mediator, bad=False))
    services.commit(batch, user)
    record = Dispute.objects.filter(township=world.township).first()
    record.summary = "改过"
    save_record(record, user)
    assert "已被修改" in services.undo_problem(batch)
    with pytest.raises(ValidationError):
        services.undo(batch, user)
    assert Dispute.objects.filter(township=world.township).count() == 7


def test_confirmed_mapping_is_remembered_for_the_township(world, mediator):
    batch, user = start(world, dispute_workbook(world.villages, mediator, bad=False))
    mapping = dict(batch.parts[0]["mapping"])
    mapping["5"] = ""  # the user says 简要情况 is not the summary: summary is required, so it fails
    services.remap(batch, 0, mapping, user)
    assert batch.state == S.INVALID
    assert any(reason.startswith("缺少此列") for *_, reason in batch.parts[0]["errors"])
    assert (
        ColumnMapping.objects.get(township=world.township, ledger="disputes.dispute").mapping["简要情况"]
        == ""
    )
    again, _ = start(world, dispute_workbook(world.villages, mediator, bad=False))
    assert again.state == S.INVALID  # remembered for the next upload


def test_village_cadre_imports_only_their_village(world, mediator):
    batch, _ = start(world, dispute_workbook(world.villages, mediator, bad=False), role=Role.VILLAGE)
    assert batch.state == S.INVALID
    assert {reason for *_, reason in batch.parts[0]["errors"]} == {"村(社区)干部只能导入本村(社区)的记录"}
