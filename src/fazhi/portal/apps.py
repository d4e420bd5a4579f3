from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "fazhi.portal"
    label = "portal"
    verbose_name = "公众服务"
    nav = [("公众服务门户", "portal:index", "globe")]
