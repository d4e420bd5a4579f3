"""The township runs its own accounts: 司法所 creates a cadre for 下湾村 who then sees only 下湾村;
disable, reset password, roles; every change in the audit log; nobody else's accounts."""

import datetime as dt

import pytest
from django.test import Client

from fazhi.core.roles import Role
from fazhi.org.models import Region, RoleAssignment

PASSWORD = "Xiawan#2026ok"


@pytest.fixture
def xiawan(world):
    return Region.objects.get(parent=world.township, name="下湾村")


def test_office_creates_a_village_cadre_who_sees_only_their_village(world, client_for, xiawan):
    from django.contrib.auth import get_user_model

    from fazhi.petitions.actions import register_petition
    from fazhi.petitions.models import Petition
    from fazhi.security.models import SecurityEvent

    admin = client_for(Role.JUDICIAL)
    form = {"username": "xw_cadre", "full_name": "何小湾", "role": Role.VILLAGE, "village": xiawan.pk}
    response = admin.post("/org/accounts/", {**form, "password": PASSWORD, "action": "create"})
    assert response.status_code == 302
    user = get_user_model().objects.get(username="xw_cadre")
    assert RoleAssignment.objects.get(user=user).village == xiawan
    assert SecurityEvent.objects.filter(target="xw_cadre", detail__contains="新建账号").exists()
    for village, subject in ((xiawan, "下湾村的事"), (world.villages[0], "青山村的事")):
        register_petition(
            Petition(
                township=world.township,
                village=village,
                received=dt.date(2026, 11, 2),
                channel="online",
                petitioner="张三",
                subject=subject,
                content="诉求",
            )
        )
    cadre = Client()
    assert cadre.login(username="xw_cadre", password=PASSWORD)
    assert cadre.get("/").url == "/security/password/"  # a new account first chooses its password
    new = "Hexiaowan@2027"
    cadre.post("/security/password/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    page = cadre.get("/").content.decode()
    assert "下湾村 · 工作台" in page and "下湾村的事" in page and "青山村的事" not in page
    listing = cadre.get("/petitions/petition/").content.decode()
    assert "下湾村的事" in listing and "青山村的事" not in listing


def test_bad_input_lists_every_error_and_creates_nothing(world, client_for):
    from django.contrib.auth import get_user_model

    page = (
        client_for(Role.JUDICIAL)
        .post(
            "/org/accounts/",
            {
                "username": "qs_head",
                "full_name": "重名",
                "role": Role.VILLAGE,
                "password": "123",
                "action": "create",
            },
        )
        .content.decode()
    )
    assert "该登录名已被使用" in page and "须指定本乡镇的村(社区)" in page
    assert get_user_model().objects.filter(first_name="重名").count() == 0


def test_disable_reset_and_roles(world, client_for):
    from fazhi.security.models import SecurityEvent

    admin = client_for(Role.JUDICIAL)
    mediator = world.users[Role.MEDIATOR]
    admin.post("/org/accounts/", {"user": mediator.pk, "action": "disable"})
    mediator.refresh_from_db()
    assert not mediator.is_active
    page = admin.post("/org/accounts/", {"user": mediator.pk, "action": "reset"}).content.decode()
    assert 'id="new-password"' in page
    assert SecurityEvent.objects.filter(target=mediator.username, kind="password_reset").exists()
    admin.post("/org/accounts/", {"user": mediator.pk, "action": "grant", "role": Role.PETITION})
    assert RoleAssignment.objects.filter(user=mediator, role=Role.PETITION).exists()
    assert client_for(Role.MEDIATOR).get("/org/accounts/").status_code in (302, 403)
    assert client_for(Role.PETITION).get("/org/accounts/").status_code == 403


def test_other_townships_accounts_are_out_of_reach(world, client_for):
    county = world.users["county"]
    response = client_for(Role.JUDICIAL).post("/org/accounts/", {"user": county.pk, "action": "disable"})
    county.refresh_from_db()
    assert county.is_active and response.status_code == 403
