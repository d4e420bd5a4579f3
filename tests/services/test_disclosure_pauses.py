"""政府信息公开申请: the reply period across the October holiday with a third party's opinion time not
counted (art. 32) and a 补正 restarting it (art. 30); the stored deadline and the board follow; every
act is an event; `board.rebuild` recomputes stored due dates after a rule change."""

import datetime as dt

import pytest

from fazhi.core import board
from fazhi.core.models import BoardEntry, ExcludedPeriod, LedgerEvent
from fazhi.core.roles import Role
from fazhi.services.actions import add_pause, receive_request
from fazhi.services.models import DisclosureRequest
from fazhi.services.workflows import DISCLOSURE

# 2026-09-25 is the Mid-Autumn holiday and 10-01..07 National Day; 10-10 is a make-up working day.
RECEIVED = dt.date(2026, 9, 25)


@pytest.fixture
def request_(world):
    record = DisclosureRequest(
        township=world.township,
        applicant="李四",
        contact="13800000000",
        received_on=RECEIVED,
        content="申请公开低保名单",
    )
    return receive_request(record, world.users[Role.OFFICE])


def entry(record):
    return BoardEntry.objects.get(object_id=record.pk, title__startswith="依申请公开")


def test_twenty_working_days_across_the_holiday(request_):
    assert request_.due_on == dt.date(2026, 10, 29)
    assert entry(request_).due_on == dt.date(2026, 10, 29)


def test_third_party_time_is_not_counted(world, request_):
    add_pause(request_, ExcludedPeriod.Kind.THIRD_PARTY, dt.date(2026, 9, 28), dt.date(2026, 10, 12))
    record = DisclosureRequest.objects.get(pk=request_.pk)
    # Seven working days fall in the pause (09-28..30, 10-08..10, 10-12): the reply moves to 11-09.
    assert record.due_on == dt.date(2026, 11, 9)
    assert entry(record).due_on == dt.date(2026, 11, 9)
    assert "另扣除不计入期限的期间" in entry(record).basis


def test_correction_restarts_the_period(world, request_):
    add_pause(request_, ExcludedPeriod.Kind.CORRECTION, dt.date(2026, 9, 28), dt.date(2026, 10, 9))
    # 20 working days from the completed request (10-09): 10-10 (make-up day) … 11-05.
    assert DisclosureRequest.objects.get(pk=request_.pk).due_on == dt.date(2026, 11, 5)


def test_extension_after_a_pause_and_every_act_is_an_event(world, request_, settings):
    office = world.users[Role.OFFICE]
    add_pause(request_, ExcludedPeriod.Kind.THIRD_PARTY, dt.date(2026, 9, 28), dt.date(2026, 10, 12), office)
    record = DisclosureRequest.objects.get(pk=request_.pk)
    DISCLOSURE.apply(
        record, "extend", office, data={"note": "涉及多个部门，需协调", "on": dt.date(2026, 11, 2)}
    )
    record.refresh_from_db()
    assert record.due_on == dt.date(2026, 12, 7)  # 20 more working days after 11-09
    events = list(
        LedgerEvent.objects.filter(object_id=record.pk).values_list("action", "from_state", "to_state")
    )
    assert events == [("receive_request", "", ""), ("add_pause", "", ""), ("extend", "received", "extended")]
    last = LedgerEvent.objects.filter(object_id=record.pk).last()
    assert last.user == office and last.on == dt.date(2026, 11, 2) and last.note == "涉及多个部门，需协调"
    with pytest.raises(Exception, match="只能追加"):
        last.save()


def test_rebuild_recomputes_stored_due_dates_and_the_board(world, request_, settings):
    settings.FAZHI_RULE_OVERRIDES = {"disclosure.reply": 15}
    assert board.rebuild(world.township) >= 1
    record = DisclosureRequest.objects.get(pk=request_.pk)
    assert record.due_on == dt.date(2026, 10, 22)
    assert entry(record).due_on == dt.date(2026, 10, 22)


def test_pause_with_end_before_start_is_refused(world, request_):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="止日不能早于起日"):
        add_pause(request_, ExcludedPeriod.Kind.THIRD_PARTY, dt.date(2026, 10, 12), dt.date(2026, 9, 28))
    assert not ExcludedPeriod.objects.exists()
