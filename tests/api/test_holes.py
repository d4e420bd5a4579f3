"""The holes where one copy of a ledger's rules was missed: each test failed before its fix.

Attachments as visible as their record; API DELETE off; API validation = the form's; no linking to
another township's records or moving to another village; masked values never written back; an update
needs its version; duplicates give 400, not 500; an unknown township gives 400; a township's first
write refreshes its cached figures."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.roles import Role
from fazhi.core.services import save_record
from fazhi.core.views import attach
from fazhi.petitions.actions import register_petition
from fazhi.petitions.models import HotlineTicket, Petition
from tests.enforcement import factories


def petition(world, **kwargs):
    values = dict(
        township=world.township,
        village=world.villages[0],
        received=dt.date(2026, 3, 2),
        channel="online",
        petitioner="张三丰",
        phone="13912345678",
        subject="反映排水不畅",
        content="诉求",
    )
    values.update(kwargs)
    return register_petition(Petition(**values))


POST = dict(received="2026-03-02", channel="visit", petitioner="李四", subject="征地补偿", content="诉求")


def test_village_cadre_downloads_only_attachments_of_records_they_see(world, client_for):
    own = petition(world)
    elsewhere = petition(world, village=world.villages[1])
    office = world.users[Role.PETITION]
    mine = attach(own, SimpleUploadedFile("a.pdf", b"%PDF-1.4 own"), office)
    theirs = attach(elsewhere, SimpleUploadedFile("b.pdf", b"%PDF-1.4 other"), office)
    cadre = client_for(Role.VILLAGE)
    assert cadre.get(f"/files/{mine.pk}/").status_code == 200
    assert cadre.get(f"/files/{theirs.pk}/").status_code == 404


def test_api_delete_is_not_allowed(world, client_for):
    record = petition(world)
    response = client_for(Role.JUDICIAL).delete(f"/api/petitions/{record.pk}/")
    assert response.status_code == 405
    assert Petition.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (dict(group_visit=True, representatives=30), "超过上限"),
        (dict(backlog=True, backlog_plan=""), "包保领导"),
    ],
)
def test_api_refuses_what_the_form_refuses(world, client_for, extra, message):
    response = client_for(Role.PETITION).post(
        "/api/petitions/", {**POST, **extra}, content_type="application/json"
    )
    assert response.status_code == 400, response.content
    assert message in response.content.decode()
    assert not Petition.objects.exists()


def test_api_refuses_another_townships_item(world, client_for):
    foreign = factories.item(world, code="LS001", township=world.other_townships[0])
    data = dict(title="露天焚烧", party="张建华", discovered_on="2026-09-01", item=foreign.pk)
    response = client_for(Role.ENFORCEMENT).post(
        "/api/enforcement/cases/", data, content_type="application/json"
    )
    assert response.status_code == 400
    assert "本乡镇" in response.json()["item"][0]


def test_village_cadre_cannot_move_a_record_to_another_village(world, client_for):
    from fazhi.disputes.models import Dispute

    record = save_record(
        Dispute(
            township=world.township,
            village=world.villages[0],
            received=dt.date(2026, 3, 2),
            type=Dispute.Type.NEIGHBOUR,
            parties="王五、赵六",
            summary="宅基地界址",
        ),
        None,
    )
    cadre = client_for(Role.VILLAGE)
    response = cadre.patch(
        f"/api/disputes/{record.pk}/",
        {"village": world.villages[1].pk, "version": record.version},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Dispute.objects.get(pk=record.pk).village == world.villages[0]
    other_town_village = world.other_townships[0].children.first()
    response = client_for(Role.MEDIATOR).patch(
        f"/api/disputes/{record.pk}/",
        {"village": other_town_village.pk, "version": record.version},
        content_type="application/json",
    )
    assert response.status_code == 400


def test_dispute_refuses_another_townships_mediator_and_village(world, client_for):
    """Found by the probe: an API PATCH set another county's village and mediator on a dispute."""
    from fazhi.disputes.models import Dispute, MediationCommittee, Mediator

    elsewhere = world.other_townships[0]
    committee = MediationCommittee.objects.create(
        township=elsewhere, name="外乡调委会", term_start=dt.date(2024, 1, 1)
    )
    foreign = Mediator.objects.create(township=elsewhere, committee=committee, name="外乡调解员")
    record = save_record(
        Dispute(
            township=world.township,
            village=world.villages[0],
            received=dt.date(2026, 3, 2),
            type=Dispute.Type.NEIGHBOUR,
            parties="王五、赵六",
            summary="宅基地界址",
        ),
        None,
    )
    judicial = client_for(Role.JUDICIAL)
    for change in ({"mediator": foreign.pk}, {"village": elsewhere.children.first().pk}):
        response = judicial.patch(
            f"/api/disputes/{record.pk}/",
            {**change, "version": record.version},
            content_type="application/json",
        )
        assert response.status_code == 400, response.content
        assert "本乡镇" in str(response.json()[next(iter(change))])
    record.refresh_from_db()
    assert record.mediator_id is None and record.village == world.villages[0]


def test_get_then_put_keeps_the_unmasked_value(world, client_for):
    record = petition(world)
    office = client_for(Role.PETITION)
    data = office.get(f"/api/petitions/{record.pk}/").json()
    assert data["petitioner"] == "张*丰"
    data["subject"] = "反映排水不畅（补充）"
    response = office.put(f"/api/petitions/{record.pk}/", data, content_type="application/json")
    assert response.status_code == 200, response.content
    record.refresh_from_db()
    assert record.petitioner == "张三丰" and record.phone == "13912345678"
    assert record.subject.endswith("（补充）")


def test_update_without_version_is_refused(world, client_for):
    record = petition(world)
    response = client_for(Role.PETITION).patch(
        f"/api/petitions/{record.pk}/", {"subject": "改"}, content_type="application/json"
    )
    assert response.status_code == 400 and "version" in response.json()
    assert Petition.objects.get(pk=record.pk).subject == "反映排水不畅"


def test_duplicate_gives_400(world, client_for):
    data = dict(ticket_no="12345-1", received="2026-11-01", caller="王五", content="路灯")
    office = client_for(Role.PETITION)
    assert office.post("/api/hotline-tickets/", data, content_type="application/json").status_code == 201
    response = office.post("/api/hotline-tickets/", data, content_type="application/json")
    assert response.status_code == 400
    assert HotlineTicket.objects.count() == 1


@pytest.mark.parametrize("township", [999999, "abc"])
def test_unknown_township_gives_400(world, client_for, township):
    response = client_for(Role.JUDICIAL).post(
        "/api/petitions/", {**POST, "township": township}, content_type="application/json"
    )
    assert response.status_code == 400 and "township" in response.json()


def test_first_write_of_a_township_refreshes_its_figures(world):
    from fazhi.core import freshness
    from fazhi.core.models import DataVersion

    DataVersion.objects.filter(key=world.township.pk).delete()
    before = freshness.versions(world.township.pk)
    petition(world)
    assert freshness.versions(world.township.pk) != before
