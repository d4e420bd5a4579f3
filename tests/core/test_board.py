"""The deadline board: its stored copy (BoardEntry) always equals what the ledgers compute, and the
board page and dashboard read it with a constant number of queries."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from fazhi.core import board
from fazhi.core.demo import DEMO_TODAY, run_all
from fazhi.core.models import BoardEntry
from fazhi.core.roles import Role

DAYS = [dt.date(2026, 1, 5), dt.date(2026, 5, 14), DEMO_TODAY, dt.date(2027, 3, 1)]


def stored(township, today):
    return sorted(
        (e.title, e.url, e.office, e.due_on, e.basis) for e in board.visible_entries(township, today)
    )


def computed(township, today):
    return sorted((i.title, i.url, i.office, i.due.date, i.basis) for i in board.collect(township, today))


def assert_in_step(world):
    for township in [world.township, *world.other_townships]:
        for today in DAYS:
            assert stored(township, today) == computed(township, today), (township, today)


@pytest.fixture
def demo(world):
    run_all()
    return world


def test_stored_board_follows_every_change(demo):
    from fazhi.disputes.models import Dispute
    from fazhi.enforcement.models import EnforcementCase, ExcludedPeriod, PublicEntry
    from fazhi.petitions.models import Petition

    assert BoardEntry.objects.filter(township=demo.township).count() > 20
    assert_in_step(demo)

    # A petition is accepted: the notice deadline goes, the handling period comes.
    petition = Petition.objects.filter(township=demo.township, state=Petition.State.REGISTERED).first()
    petition.state, petition.accepted_on = Petition.State.ACCEPTED, petition.received + dt.timedelta(days=3)
    petition.save()
    # A period not counted moves an open case's decision deadline (a change of another model).
    case = EnforcementCase.objects.filter(
        township=demo.township, state__in=["filed", "investigating"], filed_on__isnull=False
    ).first()
    before = BoardEntry.objects.get(object_id=case.pk, title__contains="作出处罚决定").due_on
    period = ExcludedPeriod.objects.create(
        case=case,
        kind="appraisal",
        start=case.filed_on + dt.timedelta(days=5),
        end=case.filed_on + dt.timedelta(days=24),
    )
    after = BoardEntry.objects.get(object_id=case.pk, title__contains="作出处罚决定").due_on
    assert after > before
    assert_in_step(demo)
    period.delete()
    assert BoardEntry.objects.get(object_id=case.pk, title__contains="作出处罚决定").due_on == before
    # Revoking a published decision puts its publicity entry on the board.
    entry = (
        PublicEntry.objects.filter(township=demo.township, withdrawn_on__isnull=True)
        .select_related("case")
        .first()
    )
    if entry is not None:
        entry.case.revoked_on = DEMO_TODAY
        entry.case.save()
        assert BoardEntry.objects.filter(object_id=entry.pk, title__contains="撤回").exists()
    # A deleted dispute takes its deadlines with it.
    dispute = Dispute.objects.filter(township=demo.township, state__in=["registered", "mediating"]).first()
    dispute.delete()
    assert not BoardEntry.objects.filter(object_id=dispute.pk, title__contains="矛盾纠纷").exists()
    assert_in_step(demo)


def test_rebuild_command_restores_the_copy(demo):
    expected = stored(demo.township, DEMO_TODAY)
    BoardEntry.objects.all().delete()
    out = io.StringIO()
    call_command("board", "--rebuild", stdout=out)
    assert "已重新计算" in out.getvalue() and "已逾期" in out.getvalue()
    assert stored(demo.township, DEMO_TODAY) == expected


def test_board_page_filters_pages_and_exports(demo, client_for, django_assert_max_num_queries, monkeypatch):
    from fazhi.core.views_shell import DeadlineBoardView

    monkeypatch.setattr(DeadlineBoardView, "paginate_by", 20)
    client = client_for(Role.OFFICE)
    everything = board.visible_entries(demo.township, dt.date.today())
    total = everything.count()
    assert total > 20  # more than a page
    page = client.get("/deadlines/?show=all")
    html = page.content.decode()
    assert page.status_code == 200 and f"共{total}项" in html and "下一页" in html
    with django_assert_max_num_queries(12):
        client.get("/deadlines/?show=all&page=2")
    office = everything.values_list("office", flat=True).first()
    filtered = client.get("/deadlines/", {"show": "all", "office": office}).content.decode()
    other = everything.exclude(office=office).first()
    assert other is None or other.title not in filtered
    export = client.get("/deadlines/?show=all&export=xlsx")
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert sheet.max_row == total + 1 and sheet["A1"].value == "事项" and sheet["E1"].value == "计算依据"
