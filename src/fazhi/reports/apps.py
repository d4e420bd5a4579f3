from fazhi.core.appconfig import FazhiConfig


class ReportsConfig(FazhiConfig):
    name = "fazhi.reports"
    verbose_name = "年度报告"
