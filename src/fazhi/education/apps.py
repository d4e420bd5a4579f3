from fazhi.core.appconfig import FazhiConfig


class EducationConfig(FazhiConfig):
    name = "fazhi.education"
    verbose_name = "普法与学法"
