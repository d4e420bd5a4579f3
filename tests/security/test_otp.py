"""TOTP second factor (等保 双因素鉴别): enrolment, the code after the password, wrong codes, reset."""

from binascii import unhexlify

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.core.roles import Role
from fazhi.security import otp
from fazhi.security.models import AccessLock, SecurityEvent


def code_for(key: str) -> str:
    return f"{TOTP(unhexlify(key)).token():06d}"


def wrong_code_for(key: str) -> str:
    """A code that none of the accepted time steps (now, one before, one after) produces."""
    accepted = set()
    for drift in (-1, 0, 1):
        accepted.add(TOTP(unhexlify(key), drift=drift).token())
    return f"{next(c for c in range(10**6) if c not in accepted):06d}"


def login(client, username, password=DEMO_PASSWORD, address="10.0.0.8"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def enrolled(sysadmin):
    return TOTPDevice.objects.create(user=sysadmin, name=otp.DEVICE_NAME, confirmed=True)


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    # django-otp doubles a wait after each wrong code; the tests give right codes right after wrong ones.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def test_enrol_with_qr_and_code(world, sysadmin, township_admin):
    page = township_admin.get("/security/account/")
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html and 'id="otp-secret"' in html
    assert "<script>" not in html and "script-src 'self'" in page["Content-Security-Policy"]
    key = township_admin.session[otp.SESSION_KEY]
    # The same secret until confirmed (reloading the page must not break a half-done scan).
    township_admin.get("/security/account/")
    assert township_admin.session[otp.SESSION_KEY] == key
    refused = township_admin.post("/security/account/", {"code": wrong_code_for(key)})
    assert refused.status_code == 200 and "动态口令不正确" in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=sysadmin).exists()
    assert SecurityEvent.objects.filter(kind="otp_failed", username=sysadmin.username).exists()
    done = township_admin.post("/security/account/", {"code": code_for(key)})
    assert done.status_code == 302
    device = TOTPDevice.objects.get(user=sysadmin)
    assert device.confirmed and device.key == key and device.last_t >= 0
    assert SecurityEvent.objects.filter(kind="otp_enrolled", target=sysadmin.username).exists()
    assert "已启用" in township_admin.get("/security/account/").content.decode()


def test_county_may_enrol_other_roles_are_not_offered(world, client_for):
    county = client_for(Role.COUNTY).get("/security/account/").content.decode()
    assert "<svg" in county
    office = client_for(Role.OFFICE)
    assert "无须启用" in office.get("/security/account/").content.decode()
    assert office.post("/security/account/", {"code": "123456"}).status_code == 403


def test_login_without_enrolment_needs_no_code(world, sysadmin):
    client = Client()
    response = login(client, sysadmin.username)
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(sysadmin.pk)


def test_enrolled_login_asks_for_the_code(world, sysadmin, enrolled):
    client = Client()
    response = login(client, sysadmin.username)
    assert response.status_code == 302 and response["Location"] == "/security/otp/login/"
    assert "_auth_user_id" not in client.session  # the password alone does not log in
    assert client.get("/").status_code == 302
    page = client.get("/security/otp/login/")
    assert page.status_code == 200 and "6位动态口令" in page.content.decode()
    done = client.post("/security/otp/login/", {"code": code_for(enrolled.key)}, REMOTE_ADDR="10.0.0.8")
    assert done.status_code == 302 and done["Location"] == "/"
    assert client.session["_auth_user_id"] == str(sysadmin.pk)
    assert client.get("/").status_code == 200
    assert SecurityEvent.objects.filter(kind="login", username=sysadmin.username).count() == 1


def test_code_page_without_password_goes_back_to_login(world):
    response = Client().post("/security/otp/login/", {"code": "123456"})
    assert response.status_code == 302 and response["Location"] == "/login/"


def test_wrong_code_refused_audited_and_counted_towards_lockout(world, sysadmin, enrolled):
    client = Client()
    login(client, sysadmin.username)
    wrong = wrong_code_for(enrolled.key)
    refused = client.post("/security/otp/login/", {"code": wrong}, REMOTE_ADDR="10.0.0.8")
    assert refused.status_code == 200 and "动态口令不正确" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    event = SecurityEvent.objects.get(kind="otp_failed", username=sysadmin.username)
    assert event.address == "10.0.0.8" and "登录" in event.detail
    assert AccessLock.objects.get(key=f"user:{sysadmin.username}").failures == 1
    # The code was a guess at a known password: five more lock the account, right code or not.
    for _ in range(5):
        client.post("/security/otp/login/", {"code": wrong})
    locked = client.post("/security/otp/login/", {"code": code_for(enrolled.key)})
    assert locked.status_code == 302 and locked["Location"] == "/login/"
    assert "_auth_user_id" not in client.session
    assert SecurityEvent.objects.filter(kind="lockout", target=sysadmin.username).exists()


def test_a_code_is_not_accepted_twice(world, sysadmin, enrolled):
    code = code_for(enrolled.key)
    first = Client()
    login(first, sysadmin.username)
    assert first.post("/security/otp/login/", {"code": code}).status_code == 302
    second = Client()
    login(second, sysadmin.username)
    assert second.post("/security/otp/login/", {"code": code}).status_code == 200
    assert "_auth_user_id" not in second.session


def test_api_token_needs_the_code_once_enrolled(world, sysadmin, enrolled):
    data = {"username": sysadmin.username, "password": DEMO_PASSWORD}
    refused = Client().post("/api/token/", data)
    assert refused.status_code == 400 and "动态口令" in refused.json()["detail"]
    granted = Client().post("/api/token/", {**data, "otp": code_for(enrolled.key)})
    assert granted.status_code == 200 and len(granted.json()["token"]) == 40


def test_township_admin_resets_a_device(world, sysadmin, township_admin, client_for):
    from django.contrib.auth import get_user_model

    from fazhi.org.models import Region, RoleAssignment

    county_user = world.users[Role.COUNTY]
    TOTPDevice.objects.create(user=county_user, name=otp.DEVICE_NAME, confirmed=True)
    head = world.users[Role.HEAD]
    TOTPDevice.objects.create(user=head, name=otp.DEVICE_NAME, confirmed=True)
    listing = township_admin.get("/security/otp/devices/").content.decode()
    assert head.username in listing and county_user.username not in listing
    assert client_for(Role.OFFICE).get("/security/otp/devices/").status_code == 403
    assert (
        client_for(Role.OFFICE).post("/security/otp/devices/reset/", {"username": head.username}).status_code
        == 403
    )
    # Not another township's (nor the county's) account.
    other = get_user_model().objects.create_user("bs_admin", password=DEMO_PASSWORD)
    RoleAssignment.objects.create(
        user=other,
        role=Role.ADMIN,
        organisation=Region.objects.townships().exclude(pk=world.township.pk).first(),
    )
    TOTPDevice.objects.create(user=other, name=otp.DEVICE_NAME, confirmed=True)
    for username in (other.username, county_user.username):
        assert township_admin.post("/security/otp/devices/reset/", {"username": username}).status_code == 403
    assert TOTPDevice.objects.filter(user__in=[other, county_user]).count() == 2

    assert township_admin.post("/security/otp/devices/reset/", {"username": head.username}).status_code == 302
    assert not TOTPDevice.objects.filter(user=head).exists()
    event = SecurityEvent.objects.get(kind="otp_reset", target=head.username)
    assert event.username == sysadmin.username and event.township_id == world.township.id
    assert head.username in township_admin.get("/security/events/?kind=otp_reset").content.decode()
    # After the reset the password alone logs in again.
    assert login(Client(), head.username)["Location"] == "/"


def test_required_roles_must_enrol_first(world, sysadmin, settings):
    settings.FAZHI_OTP_REQUIRED_ROLES = ["admin"]
    client = Client()
    assert login(client, sysadmin.username)["Location"] == "/"
    page = client.get("/")
    assert page.status_code == 302 and page["Location"] == "/security/account/"
    assert "须启用双因素认证" in client.get("/security/account/").content.decode()
    token = Client().post("/api/token/", {"username": sysadmin.username, "password": DEMO_PASSWORD})
    assert token.status_code == 403
    key = client.session[otp.SESSION_KEY]
    client.post("/security/account/", {"code": code_for(key)})
    assert client.get("/").status_code == 200
    # Roles not listed stay optional.
    office = Client()
    login(office, world.users[Role.OFFICE].username)
    assert office.get("/").status_code == 200


def test_unknown_required_role_fails_the_checks(settings):
    settings.FAZHI_OTP_REQUIRED_ROLES = ["admn"]
    errors = otp.check_required_roles()
    assert errors and "admn" in errors[0].msg
    settings.FAZHI_OTP_REQUIRED_ROLES = ["admin", "county"]
    assert otp.check_required_roles() == []


def test_every_role_opens_the_account_page_only_the_admin_the_device_list(world, client_for, township_admin):
    for role in world.users:
        client = client_for(role)
        page = client.get("/security/account/")
        assert page.status_code == 200 and 'id="nav-account"' in page.content.decode(), role
        assert client.get("/security/otp/devices/").status_code == 403, role
    assert township_admin.get("/security/otp/devices/").status_code == 200
