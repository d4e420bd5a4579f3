"""The leading group's members, kept by the township (司法所/党政办/管理员), not the superuser.

A member row has no township of its own: the group's is checked, and the person must be of the same
township. Each change is in the member's history and, with its reason, in the group's (the group's
page shows who added, changed or removed whom)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core.access import require_write
from fazhi.core.roles import Role
from fazhi.core.services import save_record
from fazhi.org.models import LeadingGroupMember

ORG_ROLES = (Role.OFFICE, Role.ADMIN)  # and the managers (司法所), as everywhere


def _check(group, person, user):
    require_write(user, group.township, ORG_ROLES)
    if person.township_id != group.township_id:
        raise ValidationError("只能选择本乡镇的人员。")


def _saved(member, user, reason):
    member._history_user = user
    member._change_reason = reason
    member.save()
    save_record(member.group, user, reason=reason)
    return member


def add_member(group, person, duty, user) -> LeadingGroupMember:
    _check(group, person, user)
    member = LeadingGroupMember(group=group, person=person, duty=duty)
    with transaction.atomic():
        return _saved(member, user, f"添加成员：{member.get_duty_display()} {person.name}")


def change_member(member, person, duty, user) -> LeadingGroupMember:
    _check(member.group, person, user)
    before = f"{member.get_duty_display()} {member.person.name}"
    member.person, member.duty = person, duty
    with transaction.atomic():
        return _saved(member, user, f"修改成员：{before} → {member.get_duty_display()} {person.name}")


def remove_member(member, user) -> None:
    require_write(user, member.group.township, ORG_ROLES)
    reason = f"移除成员：{member.get_duty_display()} {member.person.name}"
    with transaction.atomic():
        member._history_user = user
        member._change_reason = reason
        member.delete()
        save_record(member.group, user, reason=reason)
