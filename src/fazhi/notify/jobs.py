"""The jobs this app schedules (other apps register theirs in their own AppConfig.ready)."""

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
