from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "fazhi.documents"
    label = "documents"
    verbose_name = "规范性文件与合同"
    nav = [
        ("行政规范性文件", "documents:normativedocument_list", "file-earmark-text"),
        ("文件清理", "documents:cleanupcampaign_list", "funnel"),
        ("合同管理", "documents:contract_list", "file-earmark-check"),
    ]
    public_nav = [
        ("行政规范性文件", "documents_public:documents", "已公布的行政规范性文件及其有效性"),
        (
            "规范性文件征求意见",
            "documents_public:consultations",
            "对正在公开征求意见的规范性文件草案发表意见",
        ),
        ("规范性文件清理结果", "documents_public:cleanups", "继续有效、废止、失效和拟修改的文件目录"),
    ]
