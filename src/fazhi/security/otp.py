"""TOTP second factor (GB/T 22239-2019 8.1.4.1 d: 双因素鉴别) for the township admin and county roles.

Optional by default; `FAZHI_OTP_REQUIRED_ROLES` makes it mandatory for the roles it lists. The
secret of an enrolment lives in the session until the user confirms it with a code, so an abandoned
enrolment leaves no device behind. Every write of a device goes through this module, and every
enrolment, reset and wrong code goes into the security audit.
"""

import re
import time
from base64 import b32encode
from binascii import unhexlify

from django.conf import settings
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from fazhi.core.roles import Role
from fazhi.security import audit, lockout

# Roles that may enrol even when nothing makes it mandatory: they change accounts or see a county.
OFFERED_ROLES = frozenset({Role.ADMIN, Role.COUNTY})
DEVICE_NAME = "动态口令"
SESSION_KEY = "fazhi_otp_key"  # the secret being enrolled, hex
SESSION_PENDING = "fazhi_otp_pending"  # password checked, code awaited: {user, backend, next, at}
SESSION_MUST_ENROL = "fazhi_otp_must_enrol"
PENDING_SECONDS = 300
CODE = re.compile(r"^\d{6}$")


def required_roles() -> set[str]:
    return set(getattr(settings, "FAZHI_OTP_REQUIRED_ROLES", ()))


def check_required_roles(app_configs=None, **kwargs):
    """A misspelt role would silently leave the second factor optional: refuse to start."""
    from django.core.checks import Error

    unknown = required_roles() - set(Role.values)
    if not unknown:
        return []
    return [
        Error(
            f"FAZHI_OTP_REQUIRED_ROLES 含未知角色：{'、'.join(sorted(unknown))}",
            hint=f"可用角色：{', '.join(Role.values)}",
            id="fazhi.security.E001",
        )
    ]


def _roles(user) -> set[str]:
    from fazhi.org.models import RoleAssignment

    roles = set(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))
    if user.is_superuser:
        roles.add(Role.ADMIN)  # the platform's own administrator
    return roles


def offered(user) -> bool:
    return bool(_roles(user) & (OFFERED_ROLES | required_roles()))


def required(user) -> bool:
    wanted = required_roles()
    return bool(wanted) and bool(_roles(user) & wanted)


def device_for(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def enrolment_key(request) -> str:
    """The secret offered on the enrolment page: one per session until confirmed."""
    key = request.session.get(SESSION_KEY)
    if not key:
        key = request.session[SESSION_KEY] = random_hex(20)
    return key


def config_url(user, key: str) -> str:
    return TOTPDevice(user=user, key=key, name=DEVICE_NAME).config_url


def qr_svg(url: str) -> str:
    """The otpauth URL as an inline SVG (no script, no external image: the CSP allows it as is)."""
    import segno

    return segno.make(url, error="m").svg_inline(scale=5, border=2, title="双因素认证二维码")


def secret_text(key: str) -> str:
    """The secret in base32, in groups of four, for typing into an app that cannot scan."""
    raw = b32encode(unhexlify(key)).decode()
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _code(value) -> int | None:
    value = str(value or "").strip().replace(" ", "")
    return int(value) if CODE.match(value) else None


def confirm(request, code) -> bool:
    """Turns the session's secret into the user's device when `code` matches it; audited either way."""
    user = request.user
    key = request.session.get(SESSION_KEY)
    token = _code(code)
    totp = TOTP(unhexlify(key)) if key else None
    if totp is None or token is None or not totp.verify(token, tolerance=1):
        audit.record(audit.Kind.OTP_FAILED, request, user=user, detail="启用双因素认证时动态口令错误")
        return False
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        # last_t: the code just used to confirm cannot be replayed at the next login.
        TOTPDevice.objects.create(
            user=user, name=DEVICE_NAME, key=key, confirmed=True, last_t=totp.t(), drift=totp.drift
        )
    request.session.pop(SESSION_KEY, None)
    request.session.pop(SESSION_MUST_ENROL, None)
    audit.record(audit.Kind.OTP_ENROLLED, request, user=user, target=user.get_username())
    return True


def verify(request, user, code) -> bool:
    """Checks a login code (the device throttles repeated tries); a wrong one counts towards the
    account's lockout, as a wrong password does, and is audited."""
    device = device_for(user)
    token = _code(code)
    if device is not None and token is not None and device.verify_token(token):
        return True
    username = user.get_username()
    lockout.register_failure(request, username)
    audit.record(audit.Kind.OTP_FAILED, request, user=None, username=username, detail="登录时动态口令错误")
    return False


def reset(user, request) -> bool:
    """Removes the user's devices (lost phone): they log in with the password and enrol again."""
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    if deleted:
        audit.record(audit.Kind.OTP_RESET, request, target=user.get_username(), detail="管理员重置双因素认证")
    return bool(deleted)


def begin_login(request, user, next_url: str) -> None:
    """Password accepted for an enrolled user: remember who, until the code is given."""
    request.session[SESSION_PENDING] = {
        "user": user.pk,
        "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[0]),
        "next": next_url,
        "at": int(time.time()),
    }


def pending(request):
    """(user, backend, next) of a login awaiting its code, or None (none, or older than 5 minutes)."""
    from django.contrib.auth import get_user_model

    data = request.session.get(SESSION_PENDING)
    if not data or int(time.time()) - data.get("at", 0) > PENDING_SECONDS:
        request.session.pop(SESSION_PENDING, None)
        return None
    user = get_user_model().objects.filter(pk=data["user"], is_active=True).first()
    return (user, data["backend"], data["next"]) if user else None


def end_login(request) -> None:
    request.session.pop(SESSION_PENDING, None)
