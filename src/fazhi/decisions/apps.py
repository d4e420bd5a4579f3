from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "fazhi.decisions"
    label = "decisions"
    verbose_name = "重大行政决策"
    nav = [
        ("决策事项目录", "decisions:decisioncatalogue_list", "journal-text"),
        ("重大行政决策", "decisions:majordecision_list", "bank"),
    ]
    public_nav = [
        (
            "重大行政决策事项目录",
            "decisions_public:catalogues",
            "各乡镇(街道)公布的年度决策事项目录及办理进度",
        ),
        (
            "决策草案征求意见",
            "decisions_public:consultations",
            "对正在公开征求意见的重大行政决策草案发表意见",
        ),
    ]
