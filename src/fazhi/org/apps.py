from fazhi.core.appconfig import FazhiConfig


class OrgConfig(FazhiConfig):
    name = "fazhi.org"
    verbose_name = "组织机构"
