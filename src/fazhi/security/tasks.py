"""The daily backup with retention, as a django-tasks job (enqueued by the worker's schedule, or run
by `fazhi backup --daily` from cron / a systemd timer)."""

from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from fazhi.security import backup


def daily_backup_now() -> Path:
    directory = Path(settings.FAZHI_BACKUP_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    out = directory / f"fazhi-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"
    backup.create(out)
    backup.prune(directory, settings.FAZHI_BACKUP_KEEP)
    return out


@task()
def daily_backup() -> str:
    return str(daily_backup_now())


@task()
def purge_events() -> int:
    from datetime import timedelta

    from fazhi.security.models import SecurityEvent

    cutoff = timezone.now() - timedelta(days=max(settings.FAZHI_AUDIT_RETENTION_DAYS, 180))
    return SecurityEvent.objects.purge_before(cutoff)[0]
