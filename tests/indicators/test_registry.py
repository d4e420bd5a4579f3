import json
import re
from collections import Counter

from django.core.management import call_command

from fazhi.core.roles import Role
from fazhi.indicators.registry import REGISTRY, Scope, compute_all
from fazhi.org.models import LegalAdvisor, Region


def test_org_figures(world):
    values = {f["code"]: f["value"] for f in compute_all(Scope(world.township, 2025))}
    assert values["org.villages"] == 12
    assert values["org.communities"] == 2
    assert values["org.population"] == 41015
    # 12 of 14 villages/communities have an advisor: computed, never typed.
    assert str(values["org.advisor_coverage"]) == "85.7"


def test_rate_moves_with_records(world):
    advisor = LegalAdvisor.objects.filter(township=world.township).first()
    uncovered = Region.objects.filter(parent=world.township, advisors__isnull=True)
    advisor.villages.add(*uncovered)
    assert str(REGISTRY["org.advisor_coverage"].value(Scope(world.township, 2025))) == "100.0"


def test_values_by_township_matches_single_values(world):
    townships = [world.township, *world.other_townships]
    for code in ("org.villages", "org.advisor_coverage", "org.population"):
        many = REGISTRY[code].values_by_township(townships, 2025)
        for township in townships:
            assert many[township.id] == REGISTRY[code].value(Scope(township, 2025)), (code, township)


def test_command_json(world, capsys):
    call_command("indicators", "--township", "青山镇", "--year", "2025", "--json")
    figures = json.loads(capsys.readouterr().out)
    assert {"code", "name", "unit", "value"} <= set(figures[0])
    assert {f["code"]: f["value"] for f in figures}["org.villages"] == 12


def test_figure_links_to_its_records(world, client_for):
    client = client_for(Role.OFFICE)
    dashboard = client.get("/?year=2025").content.decode()
    assert "/indicators/org.villages/?year=2025" in dashboard
    records = client.get("/indicators/org.villages/?year=2025").content.decode()
    assert "石桥村" in records and "青山社区" not in records
    assert client.get("/indicators/nope/").status_code == 404


def repeated_query_shapes(queries, limit):
    """Query shapes (SQL with its values blanked) run more than `limit` times: the mark of an N+1."""
    shapes = Counter(re.sub(r"'[^']*'|\b\d+\b|IN \([^)]*\)", "?", q["sql"]) for q in queries)
    return {shape[:160]: n for shape, n in shapes.items() if n > limit}


def test_dashboard_queries_do_not_grow_with_records(world, client_for):
    """The dashboard (figures + deadline reminders) on the full demo year of every ledger issues a
    bounded number of queries and no query once per record."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from fazhi.core.demo import run_all

    client = client_for(Role.OFFICE)
    client.get("/")
    with CaptureQueriesContext(connection) as empty:
        client.get("/?year=2025")
    run_all()
    client.get("/")
    with CaptureQueriesContext(connection) as full:
        client.get("/?year=2025")
    # Prefetches run only when there are rows to prefetch for: a few more, never one per record.
    assert len(full) <= len(empty) + 20
    assert not repeated_query_shapes(full.captured_queries, limit=4)


def test_county_comparison(world, client_for, django_assert_max_num_queries):
    county = client_for(Role.COUNTY)
    page = county.get("/indicators/compare/?year=2025&code=org.villages")
    assert page.status_code == 200
    html = page.content.decode()
    for township in [world.township, *world.other_townships]:
        assert township.name in html
    data = json.loads(re.search(r'id="compare-data" type="application/json">(.*?)</script>', html).group(1))
    assert {"name": "绿水镇", "value": 4.0} in data and {"name": "青山镇", "value": 12.0} in data
    # One query per figure, whatever the number of townships.
    county.get("/indicators/compare/?year=2025")
    with django_assert_max_num_queries(2 * len([i for i in REGISTRY.values() if i.dashboard]) + 15):
        county.get("/indicators/compare/?year=2025")


def test_every_dated_figure_finds_its_records_by_index():
    """A township-year figure reads its records through a (township, date) index: without one, SQLite
    at county scale walked three years of every township (bench/README.md)."""
    missing = []
    for code, indicator in REGISTRY.items():
        if indicator.kind == "rate" or indicator.queryset or not indicator.date_field:
            continue
        if "__" in indicator.date_field or "__" in indicator.township_field:
            continue  # dated on a related record: that record's index serves it
        wanted = (indicator.township_field, indicator.date_field)
        if wanted not in [tuple(index.fields[:2]) for index in indicator.model._meta.indexes]:
            missing.append(f"{code}: {indicator.model._meta.label} {wanted}")
    assert not missing, missing
