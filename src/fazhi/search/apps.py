from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "fazhi.search"
    label = "search"
    verbose_name = "全局搜索"
