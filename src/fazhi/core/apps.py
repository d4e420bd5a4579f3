from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "fazhi.core"
    verbose_name = "基础"

    def ready(self):
        from fazhi.core import board, freshness

        board.connect()
        freshness.connect()
