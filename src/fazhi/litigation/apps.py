from fazhi.core.appconfig import FazhiConfig


class LitigationConfig(FazhiConfig):
    name = "fazhi.litigation"
    verbose_name = "复议诉讼与风险"
