from fazhi.core.appconfig import FazhiConfig


class SupervisionConfig(FazhiConfig):
    name = "fazhi.supervision"
    label = "supervision"
    verbose_name = "督办"
