from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _fulltext(sender, using="default", **kwargs):
    from fazhi.search import backends

    backends.setup(using)


class SearchConfig(AppConfig):
    name = "fazhi.search"
    verbose_name = "全局搜索"

    def ready(self):
        from fazhi.search import index

        index.connect()
        # Also after a test database is built straight from the models (no migrations run).
        post_migrate.connect(_fulltext, sender=self, dispatch_uid="fazhi.search.fulltext")
