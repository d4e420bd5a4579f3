"""Background tasks (django-tasks). The worker runs them; tests may call `.call()` directly."""

import logging

from django_tasks import task

logger = logging.getLogger("fazhi.worker")


@task()
def heartbeat() -> str:
    """Proves the scheduler and the worker run: logs one line and returns it."""
    from django.utils import timezone

    line = f"后台任务自检：运行正常（{timezone.localtime():%Y-%m-%d %H:%M:%S}）"
    logger.warning(line)
    return line


@task()
def daily_digest() -> int:
    from fazhi.notify import digest

    return digest.send_all()


@task()
def reminders() -> int:
    from fazhi.notify import reminders as run

    return run.run()
