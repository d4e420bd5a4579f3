"""Scheduled jobs: what runs at which time of day, enqueued on django-tasks by the worker.

An app registers a job with `register(name, task, at="08:30", working_days_only=True)`, where `task`
is a django-tasks `Task`. The worker (`fazhi worker`, started by `make run` beside gunicorn) checks
every few seconds which slots are due and enqueues each once: the slot is claimed by a unique
`JobRun` row, so two workers, or a worker restarted within the same day, never enqueue it twice.
A worker started after a slot's time still runs it the same day (within `FAZHI_SCHEDULE_GRACE_HOURS`).

`settings.FAZHI_SCHEDULE` (environment `FAZHI_SCHEDULE`, JSON) overrides a job's time:
{"notify.digest": "08:30", "notify.heartbeat": "14:03:20", "security.backup": "off"}.
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from fazhi.core.calendar import is_workday

logger = logging.getLogger("fazhi.worker")


@dataclass(frozen=True)
class Job:
    name: str  # "<app>.<job>", e.g. "notify.digest"
    task: object  # a django_tasks Task
    at: dt.time  # local time of day
    working_days_only: bool = False
    label: str = ""


JOBS: dict[str, Job] = {}


def parse_time(raw: str) -> dt.time:
    try:
        return dt.time.fromisoformat(raw)
    except ValueError:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"FAZHI_SCHEDULE: “{raw}”不是有效的时间（应为 HH:MM 或 HH:MM:SS）")


def register(name: str, task, at: str, working_days_only: bool = False, label: str = "") -> Job:
    job = Job(name, task, parse_time(at), working_days_only, label or name)
    JOBS[name] = job
    return job


def effective_jobs() -> list[Job]:
    """The registered jobs with the settings' overrides applied ("off" disables one)."""
    overrides = getattr(settings, "FAZHI_SCHEDULE", {}) or {}
    jobs = []
    for job in JOBS.values():
        raw = overrides.get(job.name)
        if raw == "off":
            continue
        jobs.append(
            Job(job.name, job.task, parse_time(raw), job.working_days_only, job.label) if raw else job
        )
    return jobs


def slot_of(job: Job, now: dt.datetime) -> dt.datetime | None:
    """Today's slot of `job` when it is due at `now` (its time has come, not too long ago), else None."""
    local = timezone.localtime(now)
    slot = local.replace(hour=job.at.hour, minute=job.at.minute, second=job.at.second, microsecond=0)
    grace = dt.timedelta(hours=getattr(settings, "FAZHI_SCHEDULE_GRACE_HOURS", 6))
    if not (slot <= local <= slot + grace):
        return None
    if job.working_days_only and not is_workday(slot.date()):
        return None
    return slot


def tick(now: dt.datetime | None = None) -> list[str]:
    """Enqueue every job whose slot is due and not yet claimed; returns the names enqueued."""
    from fazhi.notify.models import JobRun

    now = now or timezone.now()
    enqueued = []
    for job in effective_jobs():
        slot = slot_of(job, now)
        if slot is None:
            continue
        try:
            with transaction.atomic():
                run = JobRun.objects.create(job=job.name, slot=slot)
                result = job.task.enqueue()
                run.task_id = str(result.id)
                run.save(update_fields=["task_id"])
        except IntegrityError:  # claimed already, by this or another worker
            continue
        logger.info("已加入队列：%s（%s）", job.label, slot.strftime("%Y-%m-%d %H:%M:%S"))
        enqueued.append(job.name)
    return enqueued
