"""The jobs this app schedules (other apps register theirs in their own AppConfig.ready)."""

from importlib.util import find_spec

from django.apps import apps
from django.conf import settings

from fazhi.notify import schedule, tasks

schedule.register("notify.heartbeat", tasks.heartbeat, at="00:05", label="后台任务自检")
schedule.register(
    "notify.digest",
    tasks.daily_digest,
    at=getattr(settings, "FAZHI_DIGEST_AT", "08:30"),
    working_days_only=True,
    label="每日待办摘要",
)
schedule.register(
    "notify.reminders", tasks.reminders, at="08:00", working_days_only=True, label="到期和逾期提醒"
)

# The security app's daily backup (fazhi.security.tasks), on the same worker. Its owner may move this
# registration into SecurityConfig.ready; `FAZHI_SCHEDULE={"security.backup": "off"}` disables it.
if apps.is_installed("fazhi.security") and find_spec("fazhi.security.tasks"):
    from fazhi.security.tasks import daily_backup

    schedule.register("security.backup", daily_backup, at="02:00", label="每日备份")
