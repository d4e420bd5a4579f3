from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "fazhi.assessment"
    label = "assessment"
    verbose_name = "年度考核"
    nav = [("法治建设考核", "assessment:scheme_list", "award")]
