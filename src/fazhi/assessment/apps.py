from fazhi.core.appconfig import FazhiConfig


class AssessmentConfig(FazhiConfig):
    name = "fazhi.assessment"
    verbose_name = "年度考核"
