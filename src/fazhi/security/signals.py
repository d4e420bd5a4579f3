"""Auth signals → lockout counters, the security audit and the session's clocks."""

import time

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from fazhi.security import audit, lockout, otp, passwords

SESSION_LOGIN_AT = "fazhi_login_at"
SESSION_SEEN_AT = "fazhi_seen_at"
SESSION_MUST_CHANGE = "fazhi_must_change"


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    username = credentials.get("username", "")
    locked = lockout.locked_reason(request, username)
    lockout.register_failure(request, username)
    audit.record(
        audit.Kind.LOGIN_FAILED, request, user=None, username=username, detail=locked or "用户名或密码错误"
    )


@receiver(user_logged_in)
def on_logged_in(sender, request, user, **kwargs):
    lockout.register_success(request, user.get_username())
    audit.record(audit.Kind.LOGIN, request, user=user)
    session = getattr(request, "session", None)
    if session is not None:
        now = int(time.time())
        session[SESSION_LOGIN_AT] = session[SESSION_SEEN_AT] = now
        if passwords.must_change(user):
            session[SESSION_MUST_CHANGE] = True
        if otp.required_roles() and otp.required(user) and otp.device_for(user) is None:
            session[otp.SESSION_MUST_ENROL] = True


@receiver(user_logged_out)
def on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record(audit.Kind.LOGOUT, request, user=user)


def connect_role_audit():
    from fazhi.org.models import RoleAssignment

    post_save.connect(_on_role_saved, sender=RoleAssignment, dispatch_uid="security-role-saved")
    post_delete.connect(_on_role_deleted, sender=RoleAssignment, dispatch_uid="security-role-deleted")


def _on_role_saved(sender, instance, created, **kwargs):
    _audit_role(instance, "授予" if created else "修改")


def _on_role_deleted(sender, instance, **kwargs):
    _audit_role(instance, "撤销")


def _audit_role(instance, action):
    username = instance.user.get_username() if instance.user_id else ""
    audit.record(
        audit.Kind.ROLE_CHANGED,
        None,
        username=username,
        township_id=instance.organisation_id,
        target=username,
        detail=f"{action}角色：{instance.get_role_display()}",
    )
