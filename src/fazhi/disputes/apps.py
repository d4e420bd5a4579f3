from fazhi.core.appconfig import FazhiConfig


class DisputesConfig(FazhiConfig):
    name = "fazhi.disputes"
    verbose_name = "矛盾纠纷化解"
