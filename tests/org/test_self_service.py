"""The township keeps its own organisation without the superuser: 司法所/党政办 edit departments, the
leading group's members and legal advisors, in their own township only, every change in history."""

import datetime as dt

import pytest

from fazhi.core.roles import Role
from fazhi.org.models import Department, LeadingGroup, LeadingGroupMember, LegalAdvisor, Person, Region

D = LeadingGroupMember.Duty


@pytest.fixture
def other_township(world):
    return world.other_townships[0]


# --- departments ---------------------------------------------------------------------------------


def test_office_lists_creates_and_edits_departments_with_history(world, client_for, other_township):
    office = client_for(Role.OFFICE)
    foreign = Department.objects.filter(township=other_township).first()
    listing = office.get("/org/department/")
    assert listing.status_code == 200 and "司法所" in listing.content.decode()
    assert f"/org/department/{foreign.pk}/" not in listing.content.decode()
    office.post("/org/department/new/", {"name": "应急管理办", "kind": "other", "quota": "3"})
    made = Department.objects.get(name="应急管理办")
    assert made.township == world.township and made.created_by == world.users[Role.OFFICE]
    office.post(
        f"/org/department/{made.pk}/edit/",
        {"name": "应急管理办", "kind": "other", "quota": "4", "_version": 1},
    )
    made.refresh_from_db()
    assert made.quota == 4 and made.history.count() == 2
    page = office.get(f"/org/department/{made.pk}/").content.decode()
    assert "编制数" in page and "修改" in page
    assert office.get(f"/org/department/{foreign.pk}/edit/").status_code == 404


def test_departments_are_not_for_every_role(world, client_for):
    response = client_for(Role.MEDIATOR).post("/org/department/new/", {"name": "某办", "kind": "other"})
    assert response.status_code == 403 and not Department.objects.filter(name="某办").exists()


# --- leading-group members -----------------------------------------------------------------------


@pytest.fixture
def group(world):
    return LeadingGroup.objects.create(township=world.township, year=2027, document_no="青委发〔2027〕1号")


def test_empty_group_links_to_adding_members_instead_of_the_admin(world, client_for, group):
    page = client_for(Role.JUDICIAL).get(f"/org/leadinggroup/{group.pk}/").content.decode()
    assert "在系统管理中维护" not in page
    assert f'href="/org/leadinggroup/{group.pk}/members/new/"' in page


def test_judicial_office_adds_changes_and_removes_a_member_with_history(world, client_for, group):
    judicial = client_for(Role.JUDICIAL)
    person = Person.objects.get(township=world.township, name="周建国")
    judicial.post(f"/org/leadinggroup/{group.pk}/members/new/", {"person": person.pk, "duty": D.MEMBER})
    member = group.members.get()
    assert member.person == person and member.duty == D.MEMBER
    judicial.post(
        f"/org/leadinggroup/{group.pk}/members/{member.pk}/edit/", {"person": person.pk, "duty": D.LEADER}
    )
    member.refresh_from_db()
    assert member.duty == D.LEADER
    page = judicial.get(f"/org/leadinggroup/{group.pk}/").content.decode()
    assert "组长" in page and "周建国" in page
    judicial.post(f"/org/leadinggroup/{group.pk}/members/{member.pk}/remove/")
    assert not group.members.exists()
    # The member's own history, and the group's page tells what was done and by whom.
    assert [h.history_type for h in LeadingGroupMember.history.filter(id=member.pk)] == ["-", "~", "+"]
    reasons = [h.history_change_reason for h in group.history.all()]
    assert any("添加成员" in (r or "") for r in reasons) and any("移除成员" in (r or "") for r in reasons)
    assert all(
        h.history_user == world.users[Role.JUDICIAL] for h in LeadingGroupMember.history.filter(id=member.pk)
    )


def test_member_must_be_of_the_township_and_the_group_too(world, client_for, group, other_township):
    office = client_for(Role.OFFICE)
    stranger = Person.objects.create(township=other_township, name="外镇人")
    form = office.get(f"/org/leadinggroup/{group.pk}/members/new/").content.decode()
    assert "周建国" in form and "外镇人" not in form
    office.post(f"/org/leadinggroup/{group.pk}/members/new/", {"person": stranger.pk, "duty": D.MEMBER})
    assert not group.members.exists()
    foreign = LeadingGroup.objects.create(township=other_township, year=2027)
    person = Person.objects.get(township=world.township, name="王丽")
    response = office.post(
        f"/org/leadinggroup/{foreign.pk}/members/new/", {"person": person.pk, "duty": "member"}
    )
    assert response.status_code == 404 and not foreign.members.exists()
    assert client_for(Role.MEDIATOR).get(f"/org/leadinggroup/{group.pk}/members/new/").status_code == 403


# --- legal advisors ------------------------------------------------------------------------------


def advisor_form(**extra):
    return {
        "name": "何律师",
        "firm": "江源正道律师事务所",
        "kind": "lawyer",
        "phone": "",
        "contract_start": "2027-01-01",
        "contract_end": "2027-12-31",
        "fee": "",
        **extra,
    }


def test_advisor_villages_only_from_the_own_township_and_their_changes_in_history(
    world, client_for, other_township
):
    office = client_for(Role.OFFICE)
    foreign = other_township.children.first()
    xiawan = Region.objects.get(parent=world.township, name="下湾村")
    form = office.get("/org/legaladvisor/new/").content.decode()
    assert "下湾村" in form and f'value="{foreign.pk}"' not in form
    office.post("/org/legaladvisor/new/", advisor_form(villages=[foreign.pk]))
    assert not LegalAdvisor.objects.filter(name="何律师").exists()
    office.post("/org/legaladvisor/new/", advisor_form(villages=[xiawan.pk]))
    advisor = LegalAdvisor.objects.get(name="何律师")
    assert list(advisor.villages.all()) == [xiawan] and advisor.township == world.township
    first = world.villages[0]
    office.post(f"/org/legaladvisor/{advisor.pk}/edit/", advisor_form(villages=[first.pk], _version=1))
    assert list(advisor.villages.all()) == [first]
    latest = advisor.history.first()
    assert "下湾村" in latest.history_change_reason and first.name in latest.history_change_reason
    assert advisor.contract_end == dt.date(2027, 12, 31)


def test_the_organisation_menu_reaches_departments(world, client_for):
    assert "/org/department/" in client_for(Role.OFFICE).get("/org/regions/").content.decode()


def test_every_township_role_opens_the_new_pages_without_an_error(world, client_for):
    department = Department.objects.filter(township=world.township).first()
    group = LeadingGroup.objects.filter(township=world.township).first()
    # The village cadre is not shown the organisation's records (as for 人员): not in their menu.
    for role in world.users:
        if role in (Role.COUNTY, Role.VILLAGE):
            continue
        client = client_for(role)
        for url in (
            "/org/department/",
            f"/org/department/{department.pk}/",
            f"/org/leadinggroup/{group.pk}/",
        ):
            assert client.get(url).status_code == 200, (role, url)
        adding = client.get(f"/org/leadinggroup/{group.pk}/members/new/").status_code
        assert adding == (200 if role in (Role.OFFICE, Role.ADMIN, Role.JUDICIAL) else 403), role
