"""Writes of 督办 tasks: the county sends, accepts or returns; a township answers."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from fazhi.assessment.services import require_county
from fazhi.core.access import can_write
from fazhi.core.deadlines import WORKING_DAYS, due_date
from fazhi.core.roles import Role
from fazhi.core.views import attach
from fazhi.core.workflow import Refused
from fazhi.supervision.models import Assignment, Task

S = Assignment.State


def tell_township(township_id, kind, record, text, key) -> None:
    """Notify the township's 司法所 and 党政办 (fazhi.notify: inbox, then their other channels)."""
    from fazhi.notify.events import township_users
    from fazhi.notify.services import notify

    for user in township_users(township_id, [Role.JUDICIAL, Role.OFFICE]):
        notify(user, kind, record, text, key=f"{key}:{user.pk}")


def _bump(assignment, expected_version):
    if expected_version is not None and not Assignment.objects.filter(
        pk=assignment.pk, version=expected_version
    ).update(version=F("version") + 1):
        raise Refused("保存失败：该事项已被他人处理，请刷新后重试。")
    assignment.version = (expected_version or assignment.version) + 1


@transaction.atomic
def send(
    county,
    user,
    *,
    title,
    basis,
    requirement,
    days,
    townships,
    kind=Task.Kind.OTHER,
    files=(),
    issued_on=None,
):
    require_county(user, county)
    errors = []
    if not (title or "").strip():
        errors.append("请填写督办事项。")
    if not (requirement or "").strip():
        errors.append("请填写办理要求。")
    if not days or days < 1:
        errors.append("办理期限应至少1个工作日。")
    townships = list(townships)
    if not townships:
        errors.append("请至少选择一个乡镇(街道)。")
    if any(t.parent_id != county.pk for t in townships):
        errors.append("只能向本县(区)的乡镇(街道)下发督办事项。")
    if errors:
        raise Refused("".join(errors))
    issued_on = issued_on or timezone.localdate()
    task = Task.objects.create(
        county=county,
        kind=kind,
        title=title.strip(),
        basis=(basis or "").strip(),
        requirement=requirement.strip(),
        issued_on=issued_on,
        days=days,
        due_on=due_date(issued_on, days, WORKING_DAYS).date,
        created_by=user,
    )
    for township in townships:
        assignment = Assignment.objects.create(task=task, township=township)
        tell_township(
            township.pk,
            "supervision",
            assignment,
            f"县级督办：{task.title}，请于{task.due_on:%Y年%m月%d日}前办结并答复。",
            key=f"supervision:{assignment.pk}:sent",
        )
        for upload in files:
            upload.seek(0)
            attach(assignment, upload, user, step="督办通知")
    return task


@transaction.atomic
def answer(assignment, user, note, files=(), expected_version=None, on=None):
    """`on`: the day it was answered, when recording an answer given earlier (demo, imports)."""
    if not can_write(user, assignment.township, (Role.OFFICE,)):
        raise Refused("只有本乡镇司法所、党政办或管理员可以答复督办事项。")
    if assignment.state not in Assignment.OPEN_STATES:
        raise Refused(f"当前状态为“{assignment.get_state_display()}”，不能答复。")
    if not (note or "").strip():
        raise Refused("请填写办理情况。")
    _bump(assignment, expected_version)
    assignment.state = S.ANSWERED
    assignment.answer = note.strip()
    assignment.answered_on = on or timezone.localdate()
    assignment.answered_by = user
    assignment._change_reason, assignment._history_user = "乡镇答复", user
    assignment.save()
    for upload in files:
        attach(assignment, upload, user, step="办理答复")
    from fazhi.notify.services import notify

    notify(
        assignment.task.created_by,
        "supervision",
        assignment,
        f"{assignment.township}已答复督办事项“{assignment.task.title}”，请审核。",
        key=f"supervision:{assignment.pk}:answered:{assignment.version}",
    )
    return assignment


@transaction.atomic
def decide(assignment, user, accept: bool, comment, expected_version=None, on=None):
    require_county(user, assignment.task.county)
    if assignment.state != S.ANSWERED:
        raise Refused(f"当前状态为“{assignment.get_state_display()}”，只有已答复的事项可以审核。")
    comment = (comment or "").strip()
    if not accept and not comment:
        raise Refused("退回重办须填写意见。")
    _bump(assignment, expected_version)
    assignment.state = S.ACCEPTED if accept else S.RETURNED
    assignment.comment = comment
    assignment.decided_on, assignment.decided_by = on or timezone.localdate(), user
    if not accept:
        assignment.answered_on = None  # the task is open again: lateness runs from the due date
    assignment._change_reason = "审核通过，办结" if accept else f"退回重办：{comment}"
    assignment._history_user = user
    assignment.save()
    tell_township(
        assignment.township_id,
        "supervision" if accept else "returned",
        assignment,
        f"督办事项“{assignment.task.title}”已审核通过，办结。"
        if accept
        else f"督办事项“{assignment.task.title}”被县级退回重办：{comment}",
        key=f"supervision:{assignment.pk}:decided:{assignment.version}",
    )
    return assignment
