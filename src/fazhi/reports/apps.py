from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "fazhi.reports"
    label = "reports"
    verbose_name = "年度报告"
    nav = [
        ("法治政府建设年度报告", "reports:annualreport_list", "file-earmark-text"),
        ("问题与安排登记", "reports:reportitem_list", "journal-text"),
        ("上年基数", "reports:baseline_list", "graph-up"),
        ("报告检查（导入）", "reports:check", "clipboard-check"),
        ("全县报告报送（县级）", "reports:collection", "inboxes"),
    ]
