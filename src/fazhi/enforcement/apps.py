from fazhi.core.appconfig import FazhiConfig


class EnforcementConfig(FazhiConfig):
    name = "fazhi.enforcement"
    verbose_name = "行政执法"
