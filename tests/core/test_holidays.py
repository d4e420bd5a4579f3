"""Holidays as data: entering 2027's 放假安排 (with its 调休 day) previews and then moves a petition
deadline that crosses the Spring Festival — the stored due date, the board and its page."""

import datetime as dt

import pytest

from fazhi.core import calendar
from fazhi.core.board import visible_entries
from fazhi.core.roles import Role

D = dt.date
SPRING_FESTIVAL = "2027-01-01 元旦\n2027-02-05 至 2027-02-13 春节\n"
MAKE_UP = "2027-02-14 春节调休\n"


@pytest.fixture
def petition(world):
    from fazhi.petitions.actions import register_petition
    from fazhi.petitions.models import Petition

    calendar.clear_caches()
    record = Petition(
        township=world.township,
        village=world.villages[0],
        received=D(2027, 1, 22),  # 15 days → 6 February, a holiday
        channel="online",
        petitioner="张三",
        subject="春节前反映的事项",
        content="诉求",
    )
    register_petition(record)
    yield record
    calendar.clear_caches()


def test_2027_schedule_moves_a_deadline_over_the_spring_festival(petition, client_for, world):
    assert not calendar.has_data(2027)
    assert petition.notice_due == D(2027, 2, 8)  # no 2027 data yet: weekends only, Saturday → Monday
    client = client_for(Role.JUDICIAL)
    form = {
        "year": "2027",
        "holidays": SPRING_FESTIVAL,
        "workdays": MAKE_UP,
        "source": "国办发明电〔2026〕N号",
    }

    preview = client.post("/holidays/", {**form, "action": "preview"}).content.decode()
    assert 'id="holidays-preview"' in preview and "春节前反映的事项" in preview
    assert "2027-02-08" in preview and "2027-02-14" in preview
    petition.refresh_from_db()
    assert petition.notice_due == D(2027, 2, 8)  # a preview changes nothing

    response = client.post("/holidays/", {**form, "action": "save"})
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.notice_due == D(2027, 2, 14)  # after the festival, on the 调休 Sunday
    entry = visible_entries(world.township, D(2027, 1, 25)).get(
        object_id=petition.pk, title__contains="受理告知"
    )
    assert entry.due_on == D(2027, 2, 14)
    from fazhi.core.models import HolidayDay

    assert HolidayDay.objects.filter(day__year=2027).count() == 11
    assert HolidayDay.history.filter(history_user=world.users[Role.JUDICIAL]).count() == 11
    board = client.get("/deadlines/?show=all").content.decode()
    assert "春节前反映的事项" in board and "02-14" in board


def test_bad_lines_are_listed_and_nothing_saved(world, client_for):
    from fazhi.core.models import HolidayDay

    page = client_for(Role.JUDICIAL).post(
        "/holidays/",
        {"year": "2027", "holidays": "2027-13-01\n2026-05-01", "workdays": "2027-02-15", "action": "save"},
    )
    text = page.content.decode()
    assert "第1行" in text and "不在2027年内" in text and "是工作日" in text
    assert not HolidayDay.objects.exists()


def test_only_the_office_enters_holidays(client_for):
    response = client_for(Role.MEDIATOR).get("/holidays/")
    assert response.status_code == 403 and "只有司法所" in response.content.decode()
