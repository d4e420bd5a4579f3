"""督办 tasks: the county sends one or many townships a task; each answers; the county accepts or
returns. A township's copy (Assignment) carries the deadline on both sides' boards."""

from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.fields import meta, region_link, required_link, user_link


class Task(models.Model):
    class Kind(models.TextChoices):
        INSPECTION = "inspection", "督察问题整改"
        FILING = "filing", "规范性文件备案纠错"
        PETITION = "petition", "交办信访事项"
        OTHER = "other", "其他督办事项"

    county = region_link("县(区)")
    kind = models.CharField("类别", max_length=12, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField("事项", max_length=120)
    basis = models.CharField("依据", max_length=200, help_text="督察通报、备案审查意见、信访交办单等")
    requirement = models.TextField("办理要求")
    issued_on = models.DateField("下发日期")
    days = models.PositiveSmallIntegerField("办理期限(工作日)")
    due_on = models.DateField("办结期限")
    created_by = user_link("下发人")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    history = HistoricalRecords()

    Meta = meta("督办事项", "-issued_on", "-id")

    def __str__(self) -> str:
        return self.title


class Assignment(models.Model):
    """One township's part of a task."""

    class State(models.TextChoices):
        SENT = "sent", "待办理"
        ANSWERED = "answered", "已答复"
        RETURNED = "returned", "退回重办"
        ACCEPTED = "accepted", "已办结"

    OPEN_STATES = (State.SENT, State.RETURNED)

    task = required_link(Task, "督办事项", on_delete=models.CASCADE, related_name="assignments")
    township = region_link("乡镇(街道)")
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.SENT)
    answer = models.TextField("办理情况", blank=True)
    answered_on = models.DateField("答复日期", null=True, blank=True)
    answered_by = user_link(blank=True)
    comment = models.TextField("县级意见", blank=True)
    decided_on = models.DateField("审核日期", null=True, blank=True)
    decided_by = user_link(blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    Meta = meta(
        "督办事项办理",
        "task",
        "township__code",
        unique={"supervision_one_per_township": ("task", "township")},
    )

    def __str__(self) -> str:
        return f"{self.task.title}（{self.township}）"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("supervision:assignment_detail", args=[self.pk])

    def late(self, today) -> bool:
        """Answered after, or still open past, the due date."""
        if self.answered_on:
            return self.answered_on > self.task.due_on
        return self.state in self.OPEN_STATES and today > self.task.due_on
