from fazhi.core.appconfig import FazhiConfig


class DocumentsConfig(FazhiConfig):
    name = "fazhi.documents"
    verbose_name = "规范性文件与合同"
