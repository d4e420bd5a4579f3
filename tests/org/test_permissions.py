"""Permission matrix for the organisation pages and API: anonymous, wrong township, right township,
county read-only."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from fazhi.core.roles import Role
from fazhi.org.models import LegalAdvisor, Person, RoleAssignment


@pytest.fixture
def outsider(world):
    """An office user of another township (绿水镇)."""
    user = get_user_model().objects.create_user("lv_office", password="x-12345678")
    RoleAssignment.objects.create(user=user, role=Role.OFFICE, organisation=world.other_townships[0])
    client = Client()
    client.force_login(user)
    return client


PAGES = [
    "/",
    "/org/regions/",
    "/org/person/",
    "/org/legaladvisor/",
    "/org/leadinggroup/",
    "/org/townshipprofile/",
    "/indicators/",
]


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_is_sent_to_login(client, world, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


@pytest.mark.parametrize("url", PAGES)
def test_township_user_reads_pages(client_for, url):
    response = client_for(Role.OFFICE).get(url)
    assert response.status_code == 200
    assert "青山镇" in response.content.decode()


def test_other_township_sees_nothing_of_ours(world, outsider):
    person = Person.objects.get(township=world.township, name="王丽")
    assert outsider.get(f"/org/person/{person.pk}/").status_code == 404
    assert outsider.get(f"/org/person/{person.pk}/edit/").status_code == 404
    listing = outsider.get("/org/person/").content.decode()
    assert "王丽" not in listing and "绿水镇" in listing
    api = outsider.get("/api/people/").json()
    assert all(p["township"] == world.other_townships[0].id for p in api["results"])
    assert outsider.get(f"/api/people/{person.pk}/").status_code == 404


def test_county_reads_every_township_and_writes_none(world, client_for):
    county = client_for(Role.COUNTY)
    person = Person.objects.get(township=world.township, name="王丽")
    assert county.get(f"/org/person/{person.pk}/").status_code == 200
    assert county.get(f"/org/person/{person.pk}/edit/").status_code == 403
    assert county.post("/org/person/new/", {"name": "x"}).status_code == 403
    # The switcher lists all four townships under their county, the current one selected.
    page = county.get("/").content.decode()
    assert f'<optgroup label="{world.county.name}">' in page
    assert f'<option value="{world.township.pk}" selected>{world.township.name}</option>' in page
    for other in world.other_townships:
        assert f'<option value="{other.pk}">{other.name}</option>' in page
    response = county.post("/township/", {"township": world.other_townships[1].id})
    assert response.status_code == 302
    assert world.other_townships[1].name in county.get("/org/regions/").content.decode()
    api = county.get("/api/people/").json()
    assert api["count"] >= Person.objects.filter(township=world.township).count()
    assert (
        county.patch(
            f"/api/people/{person.pk}/", {"position": "x"}, content_type="application/json"
        ).status_code
        == 403
    )


def test_role_without_org_rights_cannot_edit(world, client_for):
    person = Person.objects.get(township=world.township, name="王丽")
    assert client_for(Role.PETITION).get(f"/org/person/{person.pk}/edit/").status_code == 403
    assert client_for(Role.OFFICE).get(f"/org/person/{person.pk}/edit/").status_code == 200


def test_office_creates_person_with_chinese_errors(world, client_for):
    office = client_for(Role.OFFICE)
    response = office.post("/org/person/new/", {"name": ""})
    assert response.status_code == 200
    assert "该字段是必填项" in response.content.decode()
    response = office.post("/org/person/new/", {"name": "新同志", "position": "干事", "active": "on"})
    assert response.status_code == 302
    created = Person.objects.get(name="新同志")
    assert created.township == world.township and created.created_by == world.users[Role.OFFICE]


def test_api_token_auth_and_masking(world):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=world.users[Role.OFFICE])
    client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    data = client.get("/api/people/?search=王丽").json()
    assert data["count"] == 1
    assert "****" in data["results"][0]["phone"]
    assert Client().get("/api/people/").status_code in (401, 403)


def test_api_optimistic_locking(world, client_for):
    office = client_for(Role.OFFICE)
    advisor = LegalAdvisor.objects.filter(township=world.township).first()
    url = f"/api/advisors/{advisor.pk}/"
    ok = office.patch(url, {"firm": "甲所", "version": advisor.version}, content_type="application/json")
    assert ok.status_code == 200, ok.content
    stale = office.patch(url, {"firm": "乙所", "version": advisor.version}, content_type="application/json")
    assert stale.status_code == 400 and "已被" in stale.content.decode()
    assert LegalAdvisor.objects.get(pk=advisor.pk).firm == "甲所"


def test_schema_for_staff_only(world, client_for):
    office = client_for(Role.OFFICE)
    assert office.get("/api/schema/").status_code == 404
    type(world.users[Role.OFFICE]).objects.filter(pk=world.users[Role.OFFICE].pk).update(is_staff=True)
    response = office.get("/api/schema/")
    assert response.status_code == 200
    assert b"/api/people/" in response.content


def test_village_cadre_confined_to_village_without_township_filter(world):
    """scope() with no township (as the API lists) still confines a village cadre to their village."""
    from fazhi.core.access import scope
    from fazhi.org.models import Department

    own, other = world.villages[0], world.villages[1]
    Department.objects.create(township=world.township, village=own, name="村调委会")
    Department.objects.create(township=world.township, village=other, name="邻村调委会")
    visible = set(scope(Department.objects.all(), world.users[Role.VILLAGE]).values_list("name", flat=True))
    assert "村调委会" in visible and "邻村调委会" not in visible
    assert "党政办" not in visible  # township-level records have no village
    office_sees = set(
        scope(Department.objects.all(), world.users[Role.OFFICE]).values_list("name", flat=True)
    )
    assert {"村调委会", "邻村调委会", "党政办"} <= office_sees


def test_switcher_escapes_township_names(world, client_for):
    world.other_townships[0].name = '<b>"镇"</b>'
    world.other_townships[0].save()
    page = client_for(Role.COUNTY).get("/").content.decode()
    assert "&lt;b&gt;&quot;镇&quot;&lt;/b&gt;" in page and '<b>"镇"</b>' not in page


def test_account_reading_many_townships_picks_on_the_picker_page(world, client_for, monkeypatch):
    from fazhi.core import context

    monkeypatch.setattr(context, "SWITCHER_SELECT_MAX", 2)
    county = client_for(Role.COUNTY)
    page = county.get("/").content.decode()
    assert '<select name="township"' not in page and 'href="/township/"' in page
    picker = county.get("/township/").content.decode()
    assert f'<h2 class="h6">{world.county.name}</h2>' in picker
    for town in [world.township, *world.other_townships]:
        assert f'value="{town.pk}"' in picker
    wanted = world.other_townships[1]
    found = county.get("/township/", {"q": wanted.name}).content.decode()
    assert f'value="{wanted.pk}"' in found and f'value="{world.township.pk}"' not in found
    assert county.post("/township/", {"township": wanted.pk}).status_code == 302
    assert f"{wanted.name}</a>" in county.get("/").content.decode()


def test_switching_to_an_unreadable_township_changes_nothing(world, client_for):
    office = client_for(Role.OFFICE)  # reads only 青山镇
    office.post("/township/", {"township": world.other_townships[0].pk})
    page = office.get("/").content.decode()
    assert f'id="current-township">{world.township.name}<' in page
