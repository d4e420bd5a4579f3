from fazhi.core.appconfig import FazhiConfig


class DecisionsConfig(FazhiConfig):
    name = "fazhi.decisions"
    verbose_name = "重大行政决策"
