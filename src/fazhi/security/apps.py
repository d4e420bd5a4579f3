from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "fazhi.security"
    label = "security"
    verbose_name = "安全审计"

    def ready(self):
        from fazhi.security import signals  # connects the auth signal handlers

        signals.connect_role_audit()
