"""Notifications, channels, the responsible person of a record, and the scheduler's claimed slots."""

from django.db import models


class JobRun(models.Model):
    """A scheduled slot claimed by a worker: one row per job and slot, so it is enqueued once."""

    job = models.CharField("任务", max_length=60)
    slot = models.DateTimeField("计划时间")
    task_id = models.CharField(max_length=64, blank=True)
    enqueued_at = models.DateTimeField("加入队列时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "定时任务记录"
        ordering = ["-slot"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="jobrun_once_per_slot")]

    def __str__(self) -> str:
        return f"{self.job} {self.slot:%Y-%m-%d %H:%M}"
