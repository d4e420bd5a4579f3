from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class IndicatorsConfig(AppConfig):
    name = "fazhi.indicators"
    verbose_name = "指标"

    def ready(self):
        # Every app defines its figures in `figures.py`; importing it registers them.
        autodiscover_modules("figures")
