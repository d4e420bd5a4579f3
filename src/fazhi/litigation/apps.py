from django.apps import AppConfig


class LitigationConfig(AppConfig):
    name = "fazhi.litigation"
    label = "litigation"
    verbose_name = "复议诉讼与风险"
    nav = [
        ("复议诉讼案件", "litigation:litigationcase_list", "bank"),
        ("开庭/听证", "litigation:hearing_list", "calendar-event"),
        ("稳定风险评估", "litigation:riskassessment_list", "shield-check"),
        ("风险隐患清单", "litigation:riskarea_list", "exclamation-triangle"),
    ]
