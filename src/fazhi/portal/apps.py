from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "fazhi.portal"
    verbose_name = "公众服务"
    nav = [("公众服务门户", "portal:index", "globe")]
    public_nav = [
        (
            "法治政府建设年度报告",
            "portal:reports",
            "各乡镇(街道)已公开的年度法治政府建设情况报告，可在线阅读或下载PDF",
        )
    ]
