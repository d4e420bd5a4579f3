from fazhi.core.appconfig import FazhiConfig


class ServicesConfig(FazhiConfig):
    name = "fazhi.services"
    verbose_name = "法律服务、公开与履责"
