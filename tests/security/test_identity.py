"""Identity and session (等保 身份鉴别): lockout, password rules, forced change, timeouts, staff areas."""

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.core.roles import Role
from fazhi.security import passwords
from fazhi.security.models import SecurityEvent
from fazhi.security.signals import SESSION_LOGIN_AT, SESSION_SEEN_AT


def login(client, username, password, address="10.0.0.5"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_sixth_wrong_password_locks_the_account_and_is_audited(world):
    username = world.users[Role.JUDICIAL].username
    client = Client()
    for _ in range(5):
        assert login(client, username, "wrong-Password1").status_code == 200
    # Five failures: the right password still gets in (and clears the count).
    assert login(client, username, DEMO_PASSWORD).status_code == 302
    client.post("/logout/")
    for _ in range(6):
        login(client, username, "wrong-Password1")
    refused = login(client, username, DEMO_PASSWORD)
    assert refused.status_code == 200 and "已被锁定" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    lock = SecurityEvent.objects.filter(kind=SecurityEvent.Kind.LOCKOUT, target=username)
    assert lock.count() == 1 and "连续6次" in lock.get().detail
    assert SecurityEvent.objects.filter(kind="login_failed", username=username).count() >= 12
    # The API token endpoint is locked too.
    api = Client().post("/api/token/", {"username": username, "password": DEMO_PASSWORD})
    assert api.status_code == 403 and "锁定" in api.json()["detail"]


def test_township_admin_unlocks(world, client_for, township_admin):
    username = world.users[Role.JUDICIAL].username
    for _ in range(6):
        login(Client(), username, "wrong-Password1")
    admin = township_admin
    assert username in admin.get("/security/locks/").content.decode()
    assert client_for(Role.OFFICE).get("/security/locks/").status_code == 403
    assert client_for(Role.OFFICE).post("/security/locks/unlock/", {"username": username}).status_code == 403
    assert admin.post("/security/locks/unlock/", {"username": username}).status_code == 302
    assert login(Client(), username, DEMO_PASSWORD).status_code == 302
    assert SecurityEvent.objects.filter(kind="unlock", target=username).exists()
    events = admin.get("/security/events/?kind=lockout").content.decode()
    assert username in events and "连续6次登录失败" in events


def test_api_token_failures_lock_per_account_and_address(world, settings):
    username = world.users[Role.OFFICE].username
    client = Client(REMOTE_ADDR="10.9.9.9")
    for _ in range(6):
        assert client.post("/api/token/", {"username": username, "password": "nope"}).status_code == 400
    assert client.post("/api/token/", {"username": username, "password": DEMO_PASSWORD}).status_code == 403
    # Wrong token headers lock the address.
    settings.FAZHI_LOCKOUT_ADDRESS_FAILURES = 3
    bad = Client(REMOTE_ADDR="10.7.7.7", HTTP_AUTHORIZATION="Token " + "0" * 40)
    codes = [bad.get("/api/people/").status_code for _ in range(5)]
    assert set(codes) == {403}  # DRF answers 403 when session auth comes first
    assert "次数过多" in bad.get("/api/people/").json()["detail"]
    assert SecurityEvent.objects.filter(kind="token_failed", address="10.7.7.7").count() >= 4
    good = Client(REMOTE_ADDR="10.1.1.1").post(
        "/api/token/", {"username": world.users[Role.JUDICIAL].username, "password": DEMO_PASSWORD}
    )
    assert good.status_code == 200 and len(good.json()["token"]) == 40


def test_address_lock_from_proxy_header(world, settings):
    settings.FAZHI_CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.FAZHI_LOCKOUT_ADDRESS_FAILURES = 3
    proxy = "127.0.0.1"
    for i in range(4):  # four accounts, one address: the address locks
        Client().post(
            "/login/",
            {"username": f"nobody{i}", "password": "x"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7",
        )
    blocked = Client().post(
        "/login/",
        {"username": world.users[Role.OFFICE].username, "password": DEMO_PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert blocked.status_code == 200 and "次数过多" in blocked.content.decode()
    other = Client().post(
        "/login/",
        {"username": world.users[Role.OFFICE].username, "password": DEMO_PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="203.0.113.8",
    )
    assert other.status_code == 302  # another client behind the same proxy is not locked out


@pytest.mark.parametrize(
    "password, message",
    [
        ("qingshan", "3类"),
        ("Short1!", "太短"),
        ("Qingshan2026", None),  # sanity: fine for a user outside 青山镇 (checked below for one inside)
    ],
)
def test_password_rules(db, password, message):
    if message is None:
        validate_password(password)
        return
    with translation.override("zh-hans"):
        with pytest.raises(ValidationError) as error:
            validate_password(password)
        assert message in " ".join(error.value.messages)


def test_password_not_username_township_or_recent(world):
    user = world.users[Role.OFFICE]
    township = world.township.name
    with pytest.raises(ValidationError, match="用户名"):
        validate_password(f"{user.username.capitalize()}#2026", user)
    with pytest.raises(ValidationError, match="乡镇"):
        validate_password(f"Ab1!{township}", user)
    for i in range(6):
        user.set_password(f"Fazhi@20{i:02d}x")
        user.save()
    with pytest.raises(ValidationError, match="最近5次"):
        validate_password("Fazhi@2005x", user)
    validate_password("Fazhi@2000x", user)  # the sixth-last may come back


def test_password_change_forced_after_reset(world):
    user = world.users[Role.OFFICE]
    passwords.require_change(user)
    client = Client()
    assert login(client, user.username, DEMO_PASSWORD).status_code == 302
    page = client.get("/")
    assert page.status_code == 302 and page["Location"] == "/security/password/"
    refused = client.post(
        "/security/password/",
        {"old_password": DEMO_PASSWORD, "new_password1": "qingshan", "new_password2": "qingshan"},
    )
    assert refused.status_code == 200 and "3类" in refused.content.decode()
    done = client.post(
        "/security/password/",
        {"old_password": DEMO_PASSWORD, "new_password1": "Neu#Pass2027", "new_password2": "Neu#Pass2027"},
    )
    assert done.status_code == 302
    assert client.get("/").status_code == 200
    assert not passwords.must_change(user)
    assert SecurityEvent.objects.filter(kind="password_changed", username=user.username).exists()


def test_demo_accounts_need_no_change(world):
    client = Client()
    assert login(client, world.users[Role.OFFICE].username, DEMO_PASSWORD).status_code == 302
    assert client.get("/").status_code == 200


def test_idle_session_expires(world, settings):
    client = Client()
    login(client, world.users[Role.OFFICE].username, DEMO_PASSWORD)
    assert client.get("/").status_code == 200
    session = client.session
    session[SESSION_SEEN_AT] = int(time.time()) - settings.FAZHI_IDLE_TIMEOUT - 5
    session.save()
    expired = client.get("/")
    assert expired.status_code == 302 and expired["Location"].startswith("/login/")
    assert client.get("/").status_code == 302
    assert SecurityEvent.objects.filter(kind="timeout").exists()


def test_absolute_session_lifetime(world, settings):
    client = Client()
    login(client, world.users[Role.OFFICE].username, DEMO_PASSWORD)
    session = client.session
    session[SESSION_LOGIN_AT] = int(time.time()) - settings.FAZHI_SESSION_MAX_AGE - 5
    session.save()
    assert client.get("/").status_code == 302
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600


def test_admin_and_schema_for_staff_only(world, client_for, settings):
    assert Client().get("/admin/login/").status_code == 404
    assert Client().get("/api/schema/").status_code == 404
    assert client_for(Role.OFFICE).get("/api/schema/").status_code == 404
    staff = world.users[Role.OFFICE]
    type(staff).objects.filter(pk=staff.pk).update(is_staff=True)
    assert client_for(Role.OFFICE).get("/admin/").status_code == 404  # admin off unless the setting allows
    settings.FAZHI_ADMIN_ENABLED = True
    assert client_for(Role.OFFICE).get("/admin/").status_code in (200, 302)
    assert Client().get("/admin/login/").status_code == 404


def test_login_and_role_changes_are_audited(world):
    from fazhi.org.models import RoleAssignment

    user = world.users[Role.OFFICE]
    login(Client(), user.username, DEMO_PASSWORD)
    assert SecurityEvent.objects.filter(kind="login", username=user.username, address="10.0.0.5").exists()
    RoleAssignment.objects.create(user=user, role=Role.PETITION, organisation=world.township)
    event = SecurityEvent.objects.filter(kind="role_changed", target=user.username).first()
    assert event is not None and "信访办" in event.detail and event.township_id == world.township.id


def test_events_are_append_only(world):
    from django.core.exceptions import PermissionDenied

    login(Client(), "nobody", "x")
    event = SecurityEvent.objects.first()
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        SecurityEvent.objects.all().delete()
    with pytest.raises(PermissionDenied):
        SecurityEvent.objects.update(detail="x")
