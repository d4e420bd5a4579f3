"""Cached dashboard figures: never stale after a write, whoever made it; cheap while nothing changed."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.core import freshness
from fazhi.core.roles import Role
from fazhi.disputes.models import Dispute


def received(client) -> int:
    response = client.get("/?year=2026")
    figures = [f for section in response.context["sections"].values() for f in section]
    return next(f["value"] for f in figures if f["code"] == "disputes.received")


def new_dispute(world, **kwargs):
    values = dict(
        township=world.township,
        village=world.villages[0],
        received=dt.date(2026, 9, 1),
        type="neighbour",
        parties="张三、李四",
        summary="排水沟争执",
    )
    return Dispute(**(values | kwargs))


def test_a_write_is_seen_on_the_next_dashboard(world, client_for):
    client = client_for(Role.OFFICE)
    assert received(client) == 0
    dispute = new_dispute(world)
    dispute.save()
    assert received(client) == 1
    dispute.delete()
    assert received(client) == 0
    # Another township's write leaves this township's cached figures alone.
    before = freshness.versions(world.township.pk)
    new_dispute(world, township=world.other_townships[0], village=None).save()
    assert freshness.versions(world.township.pk) == before


def test_bulk_writes_are_seen_after_touch(world, client_for):
    client = client_for(Role.OFFICE)
    assert received(client) == 0
    Dispute.objects.bulk_create([new_dispute(world, number=f"T{i}") for i in range(3)])
    assert received(client) == 0  # no signal saw it: the cached value stands…
    freshness.touch(world.township.pk)  # …until the bulk writer says so (board.rebuild does)
    assert received(client) == 3


def test_a_warm_dashboard_computes_no_figure(world, client_for):
    client = client_for(Role.OFFICE)
    with CaptureQueriesContext(connection) as cold:
        client.get("/?year=2026")
    with CaptureQueriesContext(connection) as warm:
        client.get("/?year=2026")
    assert len(warm) <= 10 < len(cold)
