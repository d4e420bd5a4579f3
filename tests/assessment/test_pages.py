"""The county's pages cost the same number of queries whatever the number of townships."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fazhi.assessment import services
from fazhi.org.models import Region
from fazhi.supervision import services as supervision


def queries(client, url) -> int:
    client.get(url)  # warm per-process caches (content types, navigation)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def pages(world):
    scheme = services.create_default(world.county, 2025)
    county = world.users["county"]
    services.run(scheme, county)
    supervision.send(
        world.county,
        county,
        title="督办",
        basis="",
        requirement="整改",
        days=5,
        townships=services.townships_of(world.county),
    )
    return [
        reverse("assessment:results", args=[scheme.pk]),
        reverse("assessment:scorecard", args=[scheme.pk, world.township.pk]),
        reverse("assessment:scheme_detail", args=[scheme.pk]),
        reverse("indicators:county_board"),
        reverse("reports:collection") + "?year=2025",
        reverse("supervision:task_list"),
    ], scheme


def test_county_pages_cost_the_same_for_4_and_8_townships(world, client_for, pages):
    urls, scheme = pages
    client = client_for("county")
    four = {url: queries(client, url) for url in urls}
    new = [
        Region.objects.create(
            name=f"新镇{i}", kind=Region.Kind.TOWNSHIP, parent=world.county, code=f"99012180{i}000"
        )
        for i in range(4)
    ]
    services.run(scheme, world.users["county"])
    supervision.send(
        world.county,
        world.users["county"],
        title="督办二",
        basis="",
        requirement="整改",
        days=5,
        townships=new,
    )
    client = client_for("county")  # the new townships in its access
    eight = {url: queries(client, url) for url in urls}
    assert eight == four
