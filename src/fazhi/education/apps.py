from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "fazhi.education"
    label = "education"
    verbose_name = "普法与学法"
    nav: list = []
