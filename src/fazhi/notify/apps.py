from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "fazhi.notify"
    label = "notify"
    verbose_name = "提醒与通知"

    def ready(self):
        from fazhi.notify import jobs  # noqa: F401  (registers the scheduled jobs)
