from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "fazhi.supervision"
    label = "supervision"
    verbose_name = "督办"
    nav = [("督办事项", "supervision:task_list", "megaphone")]
