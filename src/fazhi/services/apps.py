from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "fazhi.services"
    label = "services"
    verbose_name = "法律服务、公开与履责"
    nav: list = []
