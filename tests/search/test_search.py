"""Global search: Chinese words across ledgers, scoped like the lists, names masked, index in step.

Runs on whichever database the suite runs on (SQLite: FTS5; PostgreSQL: tsvector), `make test` and
`make test-pg` alike; `test_the_database_full_text_index_is_used` pins which one answered.
"""

import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.core.roles import Role
from fazhi.core.services import delete_record, save_record
from fazhi.core.views import attach
from fazhi.disputes.actions import register_dispute
from fazhi.disputes.models import Dispute
from fazhi.org.models import Person
from fazhi.petitions.actions import register_petition
from fazhi.petitions.models import Petition
from fazhi.reviews.services import request_review
from fazhi.search import backends
from fazhi.search.index import rebuild
from fazhi.search.models import SearchEntry
from fazhi.search.query import as_html, snippet

TEXT = "村口排水沟堵塞影响通行，群众要求清淤"


def dispute(world, village, township=None, **values):
    fields = dict(
        township=township or world.township,
        village=village,
        received=dt.date(2026, 9, 1),
        type="neighbour",
        parties="王大锤、赵小花",
        phone="13912345678",
        summary=TEXT,
    )
    return register_dispute(Dispute(**{**fields, **values}))


def petition(world, village):
    record = Petition(
        township=world.township,
        village=village,
        received=dt.date(2026, 3, 2),
        channel="online",
        petitioner="钱多多",
        phone="13912345678",
        subject="反映排水不畅",
        content=TEXT,
    )
    return register_petition(record)


@pytest.fixture
def records(world):
    subject = Person.objects.get(township=world.township, name="王丽")
    other_township = world.other_townships[0]
    return {
        "mine": dispute(world, world.villages[0]),
        "other_village": dispute(world, world.villages[1], parties="孙悟空"),
        "other_township": dispute(world, other_township.children.first(), township=other_township),
        "petition": petition(world, world.villages[0]),
        "review": request_review(
            subject, kind="decision", title="集镇排水沟改造方案", user=None, summary="改造后解决车辆通行难题"
        ),
    }


def groups(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response, {g.label: {h.url for h in g.hits} for g in response.context["groups"]}


def test_chinese_words_are_found_across_three_ledgers(world, records, client_for):
    response, found = groups(client_for(Role.JUDICIAL), "排水 通行")
    assert found == {
        "合法性审查台账": {records["review"].get_absolute_url()},
        "矛盾纠纷": {records["mine"].get_absolute_url(), records["other_village"].get_absolute_url()},
        "信访事项": {records["petition"].get_absolute_url()},
    }
    page = response.content.decode()
    assert "<mark>排水</mark>" in page and "<mark>通行</mark>" in page
    # the other township's record never shows
    assert records["other_township"].get_absolute_url() not in page
    _, none = groups(client_for(Role.JUDICIAL), "排水 火箭")
    assert none == {}


def test_village_cadre_and_advisor_see_only_what_their_lists_show(world, records, client_for):
    _, found = groups(client_for(Role.VILLAGE), "排水 通行")
    urls = set().union(*found.values())
    assert records["mine"].get_absolute_url() in urls
    assert records["other_village"].get_absolute_url() not in urls
    assert records["review"].get_absolute_url() not in urls
    # an advisor sees reviews assigned to them only: this one is not
    _, found = groups(client_for(Role.ADVISOR), "排水 通行")
    assert records["review"].get_absolute_url() not in set().union(set(), *found.values())
    # the county reads every township, one at a time: the current one
    _, found = groups(client_for(Role.COUNTY), "排水 通行")
    assert records["other_township"].get_absolute_url() not in set().union(set(), *found.values())


def test_names_are_matched_but_shown_masked(world, records, client_for):
    response, found = groups(client_for(Role.JUDICIAL), "王大锤")
    assert set().union(*found.values()) == {records["mine"].get_absolute_url()}
    page = re.sub(r"</?mark>", "", response.content.decode())
    assert "王*锤、赵*花" in page
    assert page.count("王大锤") == 3  # the query itself: the page title and the two search boxes
    entry = SearchEntry.objects.get(object_id=records["mine"].pk, content_type__model="dispute")
    assert "王大锤" not in entry.title + entry.body and "13912345678" not in entry.words


def test_index_follows_writes_attachments_and_deletes(world, records, client_for):
    judicial = client_for(Role.JUDICIAL)
    record = records["mine"]
    record.summary = "水渠漏水"
    save_record(record, None)
    assert record.get_absolute_url() not in set().union(set(), *groups(judicial, "排水沟")[1].values())
    assert groups(judicial, "水渠")[1] == {"矛盾纠纷": {record.get_absolute_url()}}
    import docx

    document = docx.Document()
    document.add_paragraph("现场勘查：涵洞坍塌，需要加固")
    path = world.township.name + ".docx"
    buffer = io.BytesIO()
    document.save(buffer)
    attach(record, SimpleUploadedFile(path, buffer.getvalue()), world.users[Role.JUDICIAL])
    response, found = groups(judicial, "涵洞 加固")
    assert found == {"矛盾纠纷": {record.get_absolute_url()}}
    delete_record(record, None)
    assert groups(judicial, "涵洞")[1] == {}


def test_passages_are_escaped():
    pieces = snippet("<script>alert(1)</script>排水沟堵塞", ["排水"])
    assert as_html(pieces) == "&lt;script&gt;alert(1)&lt;/script&gt;<mark>排水</mark>沟堵塞"


def test_rebuild_command_and_constant_queries(world, records, client_for):
    SearchEntry.objects.all().delete()
    assert groups(client_for(Role.JUDICIAL), "排水")[1] == {}
    call_command("search", "--rebuild")
    judicial = client_for(Role.JUDICIAL)
    groups(judicial, "排水 通行")
    with CaptureQueriesContext(connection) as few:
        groups(judicial, "排水 通行")
    for village in world.villages[:4]:
        dispute(world, village)
        petition(world, village)
    with CaptureQueriesContext(connection) as many:
        groups(judicial, "排水 通行")
    assert len(many) == len(few)


def test_the_database_full_text_index_is_used(world, records):
    sql = str(backends.matching(SearchEntry.objects.all(), ["排水"]).query)
    if connection.vendor == "sqlite":
        assert "search_fts MATCH" in sql
    else:
        assert "plainto_tsquery" in sql
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'search_entry_words_tsv'")
            assert cursor.fetchone()
    assert backends.matching(SearchEntry.objects.all(), ["排水", "通行"]).count() == 5
    rebuild(world.township)
    assert (
        backends.matching(SearchEntry.objects.filter(township=world.township), ["排水", "通行"]).count() == 4
    )


def test_the_township_token_lets_the_index_narrow_to_one_township(world, records):
    everywhere = SearchEntry.objects.all()
    assert backends.matching(everywhere, ["排水", "通行"], township_id=world.township.pk).count() == 4
    other = world.other_townships[0].pk
    assert backends.matching(everywhere, ["排水", "通行"], township_id=other).count() == 1


def test_the_migration_gives_existing_entries_their_township_token(world, records):
    import importlib

    migration = importlib.import_module("fazhi.search.migrations.0005_township_token")
    with connection.cursor() as cursor:
        cursor.execute(migration.DROP)
    assert backends.matching(SearchEntry.objects.all(), ["排水"], township_id=world.township.pk).count() == 0
    with connection.cursor() as cursor:
        cursor.execute(migration.ADD)
        cursor.execute(migration.ADD)  # twice: once
    entry = SearchEntry.objects.filter(township=world.township).first()
    assert entry.words.startswith(f" {backends.township_token(world.township.pk)} ")
    assert entry.words.count(" fzt") == 1
    assert backends.matching(SearchEntry.objects.all(), ["排水"], township_id=world.township.pk).count() == 4
