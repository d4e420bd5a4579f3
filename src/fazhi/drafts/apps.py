from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "fazhi.drafts"
    verbose_name = "草案审查辅助"
