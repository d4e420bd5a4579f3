from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "fazhi.notify"
    verbose_name = "提醒与通知"

    def ready(self):
        from fazhi.core import board
        from fazhi.notify import events, jobs  # noqa: F401  (registers the scheduled jobs)
        from fazhi.notify.services import default_responsible

        if default_responsible not in board.ENTRY_HOOKS:
            board.ENTRY_HOOKS.append(default_responsible)
        events.connect()
