from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "fazhi.imports"
    verbose_name = "Excel导入"
    default_auto_field = "django.db.models.BigAutoField"
