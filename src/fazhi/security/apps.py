from importlib.util import find_spec

from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "fazhi.security"
    verbose_name = "安全审计"

    def ready(self):
        from fazhi.security import signals  # connects the auth signal handlers

        signals.connect_role_audit()
        from django.core import checks

        from fazhi.security.otp import check_required_roles

        checks.register(check_required_roles, checks.Tags.security)
        if find_spec("fazhi.notify.schedule"):
            from fazhi.notify import schedule
            from fazhi.security import tasks

            schedule.register("security.backup", tasks.daily_backup, at="02:30", label="每日备份（含附件）")
            schedule.register("security.purge", tasks.purge_events, at="03:30", label="清理过期安全审计记录")
