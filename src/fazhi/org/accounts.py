"""The township runs its own accounts: create, disable/enable, reset a password, give or take a role
(a village cadre with their village). One service function per change, each kept in the security
audit log (role changes are logged by the RoleAssignment signals), each confined to one township:
no account of another township, no county role, no superuser needed."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from fazhi.core.roles import Role
from fazhi.org.models import RoleAssignment

# Roles a township may give (the county role belongs to the county).
GRANTABLE = [(value, label) for value, label in Role.choices if value != Role.COUNTY]


def township_users(township):
    User = get_user_model()
    return (
        User.objects.filter(roles__organisation=township)
        .distinct()
        .order_by("username")
        .prefetch_related("roles__village")
    )


def _audit(request, user, detail):
    from fazhi.security import audit

    audit.record(audit.Kind.ROLE_CHANGED, request, target=user.get_username(), detail=detail)


def _check_member(township, user):
    if user.is_superuser or not RoleAssignment.objects.filter(user=user, organisation=township).exists():
        raise PermissionDenied("只能管理本乡镇的账号。")


def _role(township, role, village):
    if role not in dict(GRANTABLE):
        raise ValidationError({"role": "请选择本乡镇可分配的角色。"})
    if role == Role.VILLAGE:
        if village is None or village.parent_id != township.pk:
            raise ValidationError({"village": "村(社区)干部须指定本乡镇的村(社区)。"})
    else:
        village = None
    return village


@transaction.atomic
def create_account(request, township, *, username, full_name, password, role, village=None):
    from fazhi.security.passwords import require_change

    User = get_user_model()
    username = username.strip()
    errors = {}
    if not username:
        errors["username"] = "请填写登录名。"
    elif User.objects.filter(username=username).exists():
        errors["username"] = "该登录名已被使用。"
    try:
        village = _role(township, role, village)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    candidate = User(username=username, first_name=full_name[:150])
    try:
        validate_password(password, candidate)
    except ValidationError as exc:
        errors["password"] = exc.messages
    if errors:
        raise ValidationError(errors)
    user = User.objects.create_user(username, password=password, first_name=full_name[:150])
    RoleAssignment.objects.create(user=user, role=role, organisation=township, village=village)
    require_change(user)  # the first login asks for the account's own password
    _audit(request, user, f"新建账号（{full_name}）")
    return user


def set_active(request, township, user, active: bool):
    _check_member(township, user)
    if user == request.user and not active:
        raise PermissionDenied("不能停用自己的账号。")
    user.is_active = active
    user.save(update_fields=["is_active"])
    _audit(request, user, "启用账号" if active else "停用账号")


def reset_password(request, township, user) -> str:
    """A one-time password, shown once to the admin; the account must change it at next login."""
    from fazhi.security import audit
    from fazhi.security.passwords import require_change

    _check_member(township, user)
    while True:
        password = "Fz-" + secrets.token_urlsafe(9)
        try:
            validate_password(password, user)
            break
        except ValidationError:
            continue
    user.set_password(password)
    user.save(update_fields=["password"])
    require_change(user)
    audit.record(audit.Kind.PASSWORD_RESET, request, target=user.get_username(), detail="乡镇管理员重置密码")
    return password


def grant(request, township, user, role, village=None):
    _check_member(township, user)
    village = _role(township, role, village)
    RoleAssignment.objects.get_or_create(user=user, role=role, organisation=township, village=village)


def revoke(request, township, user, assignment_id):
    _check_member(township, user)
    assignment = RoleAssignment.objects.filter(pk=assignment_id, user=user, organisation=township).first()
    if assignment is None:
        raise PermissionDenied("只能撤销本乡镇的角色。")
    if RoleAssignment.objects.filter(user=user, organisation=township).count() == 1:
        raise ValidationError("这是该账号在本乡镇的唯一角色；如不再使用，请停用账号。")
    assignment.delete()
