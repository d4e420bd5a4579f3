from fazhi.core.appconfig import FazhiConfig


class SupervisionConfig(FazhiConfig):
    name = "fazhi.supervision"
    verbose_name = "督办"
