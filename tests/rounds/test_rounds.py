"""Reporting rounds: 青山镇's screening round for the current month shows which villages have not
filed; a village filing "无" counts as filed (零上报); late filings are marked; the 零上报 figure
equals the round filings with no dispute; the county sees the same per township; the missing are
reminded before the end."""

import datetime as dt

import pytest
from django.utils import timezone

from fazhi.core.roles import Role
from fazhi.disputes.models import ScreeningRound
from fazhi.rounds import services
from fazhi.rounds.duties import DUTIES, period_of

pytestmark = pytest.mark.django_db
SCREENING = DUTIES["screening"]


def screen(world, village, day, found=0, user=None):
    return ScreeningRound.objects.create(
        township=world.township,
        village=village,
        date=day,
        screener="网格员",
        scope="全村",
        found=found,
        created_by=user,
    )


def test_current_month_shows_who_has_not_filed_and_nothing_counts_as_filed(world, client_for):
    today = timezone.localdate()
    screen(world, world.villages[1], today, found=2)
    screen(world, world.villages[2], today, found=0)
    page = client_for(Role.JUDICIAL).get("/rounds/screening/").content.decode()
    assert f"矛盾纠纷排查 {today.year}年{today.month}月" in page
    assert f"未报 {len(world.villages) - 2}" in page
    for village in world.villages[3:]:
        assert f'data-filer="{village.name}" class="table-danger"' in page
    # The village cadre of 青山村 files "无" for their village: it counts as filed, as 零上报
    cadre = client_for(Role.VILLAGE)
    response = cadre.post("/rounds/screening/nothing/", {"village": world.villages[0].pk})
    assert response.status_code == 302
    record = ScreeningRound.objects.get(village=world.villages[0])
    assert record.found == 0 and record.zero_report and record.history.count() == 1
    page = client_for(Role.JUDICIAL).get("/rounds/screening/").content.decode()
    assert f"未报 {len(world.villages) - 3}" in page and "零上报 2" in page
    assert f'data-filer="{world.villages[0].name}" class="">' in page
    # the cadre sees only their own village and may not file for another
    own = cadre.get("/rounds/screening/").content.decode()
    assert world.villages[0].name in own and world.villages[3].name not in own
    cadre.post("/rounds/screening/nothing/", {"village": world.villages[3].pk})
    assert not ScreeningRound.objects.filter(village=world.villages[3]).exists()


def test_filing_nothing_twice_is_refused(world):
    services.file_nothing(SCREENING, world.township, world.villages[0], world.users[Role.VILLAGE])
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="本期已报送"):
        services.file_nothing(SCREENING, world.township, world.villages[0], world.users[Role.VILLAGE])


def test_a_filing_after_the_round_ended_is_late(world, settings):
    start, end = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
    round_ = services.open_round(world.township, SCREENING, start)
    round_.opened_at = timezone.make_aware(dt.datetime(2026, 11, 1, 0, 10))
    round_.save()
    on_time = screen(world, world.villages[0], dt.date(2026, 11, 25))
    late = screen(world, world.villages[1], dt.date(2026, 11, 28))
    ScreeningRound.objects.filter(pk=on_time.pk).update(
        created_at=timezone.make_aware(dt.datetime(2026, 11, 25, 10))
    )
    ScreeningRound.objects.filter(pk=late.pk).update(
        created_at=timezone.make_aware(dt.datetime(2026, 12, 2, 9))
    )
    rows = {row.filer.pk: row for row in services.status(round_)}
    assert rows[world.villages[0].pk].late == 0 and rows[world.villages[1].pk].late == 1
    assert services.summary(list(rows.values()))["late"] == 1 and end == round_.end


def test_zero_report_figure_equals_round_filings_with_no_dispute(world):
    from fazhi.disputes import demo
    from fazhi.indicators.registry import Scope, get

    demo.build(world)
    zero = 0
    for month in range(1, 13):
        round_ = services.open_round(world.township, SCREENING, dt.date(2025, month, 1))
        zero += services.summary(services.status(round_))["zero"]
    assert zero > 0 and zero == get("screening.zero_reports").value(Scope(world.township, 2025))


def test_county_sees_each_township(world, client_for):
    today = timezone.localdate()
    screen(world, world.villages[0], today)
    other = world.other_townships[0]
    page = client_for("county").get("/rounds/screening/county/").content.decode()
    assert f'data-township="{world.township.name}"' in page and f'data-township="{other.name}"' in page
    rows = {t.name: row for t, *row in services.county_status(SCREENING, [world.township, other], today)}
    assert rows[world.township.name] == [len(world.villages), 1, len(world.villages) - 1, 1, 0]
    assert rows[other.name][1] == 0


def test_the_missing_are_reminded_before_the_end(world):
    from fazhi.notify.models import Notification

    start, end = period_of(SCREENING, dt.date(2026, 11, 1))
    assert services.remind_missing(dt.date(2026, 11, 20)) == 0  # not yet: the end is far
    services.remind_missing(dt.date(2026, 11, 26))  # 3 working days before 11-30
    notes = Notification.objects.filter(user=world.users[Role.VILLAGE], kind="round")
    assert notes.count() == 1 and world.villages[0].name in notes.get().text
    screen(world, world.villages[0], dt.date(2026, 11, 27))
    before = Notification.objects.count()
    services.remind_missing(dt.date(2026, 11, 27))
    assert Notification.objects.filter(user=world.users[Role.VILLAGE]).count() == 1
    assert Notification.objects.count() >= before
