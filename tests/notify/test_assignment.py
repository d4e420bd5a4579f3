"""Who owns what: every open record with a deadline has a responsible person (the office's head by
default, else who registered it), reassignable with history; the board filters mine / my office /
all; a village cadre sees only their village's items, with names masked."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied

from fazhi.core.models import BoardEntry
from fazhi.core.roles import Role
from fazhi.notify import services
from fazhi.notify.models import Notification, Office

pytestmark = pytest.mark.django_db


def entries_of(record):
    return BoardEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    )


def test_default_responsible_is_the_office_head_else_the_creator(world, petition_factory):
    petition = petition_factory()
    assert {e.responsible for e in entries_of(petition)} == {world.users[Role.PETITION]}  # 信访办 by role
    Office.objects.create(township=world.township, name="信访办", head=world.users[Role.HEAD])
    second = petition_factory()
    assert {e.responsible for e in entries_of(second)} == {world.users[Role.HEAD]}
    Office.objects.filter(name="信访办").update(head=None)
    from fazhi.org.models import RoleAssignment

    RoleAssignment.objects.filter(role=Role.PETITION).delete()
    third = petition_factory(created_by=world.users[Role.MEDIATOR])
    assert {e.responsible for e in entries_of(third)} == {world.users[Role.MEDIATOR]}


def test_reassign_keeps_history_tells_the_new_person_and_survives_a_rebuild(world, petition_factory):
    from fazhi.core import board

    petition = petition_factory()
    judicial, mediator = world.users[Role.JUDICIAL], world.users[Role.MEDIATOR]
    services.assign(petition, mediator, judicial, "调解员熟悉情况")
    assert {e.responsible for e in entries_of(petition)} == {mediator}
    assignment = services.responsible_of(petition)
    assert [h.user_id for h in assignment.history.order_by("history_date")] == [
        world.users[Role.PETITION].pk,
        mediator.pk,
    ]
    assert assignment.history.latest().history_user == judicial
    note = Notification.objects.get(user=mediator, kind="assigned")
    assert note.url == petition.get_absolute_url() and "调解员熟悉情况" in note.text
    board.rebuild(world.township)
    assert {e.responsible for e in entries_of(petition)} == {mediator}


def test_only_leaders_office_heads_or_the_responsible_may_reassign(world, petition_factory):
    petition = petition_factory()
    with pytest.raises(PermissionDenied):
        services.assign(petition, world.users[Role.MEDIATOR], world.users[Role.ENFORCEMENT])
    # the responsible person (信访办) hands it over
    services.assign(petition, world.users[Role.MEDIATOR], world.users[Role.PETITION])
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.assign(petition, world.users[Role.COUNTY], world.users[Role.JUDICIAL])


def test_assign_page_reassigns_with_a_chinese_error_for_a_stranger(world, petition_factory, client_for):
    petition = petition_factory()
    ct = ContentType.objects.get_for_model(petition).pk
    url = f"/notify/assign/{ct}/{petition.pk}/"
    page = client_for(Role.ENFORCEMENT).post(url, {"user": world.users[Role.MEDIATOR].pk})
    assert "只有乡镇负责人" in page.content.decode()
    response = client_for(Role.JUDICIAL).post(url, {"user": world.users[Role.MEDIATOR].pk, "reason": "转办"})
    assert response.status_code == 302
    page = client_for(Role.JUDICIAL).get(url).content.decode()
    assert "刘德明" in page and "转办" in page


def test_board_filters_mine_office_all(world, petition_factory, client_for):
    petition_factory()
    mediators = petition_factory()
    services.assign(mediators, world.users[Role.MEDIATOR], world.users[Role.JUDICIAL])
    client = client_for(Role.PETITION)
    mine = client.get("/deadlines/?who=mine&show=all").content.decode()
    assert mine.count("信访件") == 1
    office = client.get("/deadlines/?who=office&show=all").content.decode()
    assert office.count("信访件 ") == 2  # both are 信访办's, one is the mediator's
    assert (
        client_for(Role.MEDIATOR).get("/deadlines/?who=mine&show=all").content.decode().count("信访件 ") == 1
    )


def test_village_cadre_sees_only_their_village_masked(world, petition_factory, client_for):
    own = petition_factory(village=world.villages[0], subject="本村排水")
    other = petition_factory(village=world.villages[1], subject="外村道路")
    page = client_for(Role.VILLAGE).get("/deadlines/?show=all").content.decode()
    assert str(own) in page and str(other) not in page
    assert "孙红梅" not in page and "孙*" in page
    ct = ContentType.objects.get_for_model(other).pk
    assert client_for(Role.VILLAGE).get(f"/notify/assign/{ct}/{other.pk}/").status_code == 404
    assert client_for("county").get(f"/notify/assign/{ct}/{other.pk}/").status_code == 200


def test_board_query_count_is_constant(world, petition_factory, client_for, django_assert_max_num_queries):
    client = client_for(Role.JUDICIAL)
    petition_factory()
    client.get("/deadlines/?show=all")
    with django_assert_max_num_queries(12) as few:
        client.get("/deadlines/?show=all&who=office")
    for _ in range(5):
        petition_factory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/deadlines/?show=all&who=office")
