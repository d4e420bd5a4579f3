"""Kept pages (core.pagecache): cheaper the second time, never stale, never another reader's."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fazhi.core.roles import Role
from fazhi.disputes.models import Dispute
from fazhi.org.models import RoleAssignment

LIST = "/disputes/dispute/"


@pytest.fixture(autouse=True)
def _page_cache(settings):
    settings.FAZHI_PAGE_CACHE = True


def dispute(world, village, **kwargs):
    values = dict(
        township=world.township,
        village=village,
        received=dt.date(2026, 9, 1),
        type="neighbour",
        parties="张三、李四",
        summary="排水沟争执",
    )
    record = Dispute(**(values | kwargs))
    record.save()
    return record


def queries(client, url):
    with CaptureQueriesContext(connection) as run:
        response = client.get(url)
    assert response.status_code == 200
    return len(run), response.content.decode()


def test_the_second_request_is_kept_and_a_write_shows_on_the_next(world, client_for):
    client = client_for(Role.OFFICE)
    dispute(world, world.villages[0], number="Q-1")
    cold, first = queries(client, LIST)
    warm, second = queries(client, LIST)
    assert second == first and "Q-1" in first
    assert warm < cold and warm <= 6
    dispute(world, world.villages[0], number="Q-2")
    _, third = queries(client, LIST)
    assert "Q-2" in third


def test_a_kept_page_is_never_another_readers(world, client_for):
    dispute(world, world.villages[0], number="Q-OWN")
    dispute(world, world.villages[1], number="Q-OTHER")
    office = client_for(Role.OFFICE)
    assert "Q-OTHER" in queries(office, LIST)[1]
    cadre = client_for(Role.VILLAGE)  # confined to villages[0]
    _, page = queries(cadre, LIST)
    assert "Q-OWN" in page and "Q-OTHER" not in page
    # The same person logging in again has a new session: nothing kept from the old one.
    first = client_for(Role.OFFICE)
    first.get(LIST)
    again = client_for(Role.OFFICE)
    assert first.session.session_key != again.session.session_key
    assert queries(again, LIST)[0] > 6


def test_access_is_checked_on_every_request(world, client_for):
    record = dispute(world, world.villages[0], number="Q-3")
    client = client_for(Role.OFFICE)
    url = reverse("disputes:dispute_detail", args=[record.pk])
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    RoleAssignment.objects.filter(user=world.users[Role.OFFICE]).delete()
    assert client.get(url).status_code in (403, 404)


def test_a_waiting_message_is_shown_not_swallowed(world, client_for):
    record = dispute(world, world.villages[0], number="Q-4")  # no mediator: 开始调解 is refused
    client = client_for(Role.MEDIATOR)
    url = reverse("disputes:dispute_detail", args=[record.pk])
    client.get(url)  # kept
    refused = client.post(reverse("disputes:dispute_transition", args=[record.pk, "mediate"]))
    assert refused.status_code == 302
    assert "操作未执行" in client.get(url).content.decode()
    assert "操作未执行" not in client.get(url).content.decode()
