from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "fazhi.supervision"
    label = "supervision"
    verbose_name = "督办"
    nav = [
        ("督办事项", "supervision:task_list", "megaphone"),
        ("全县期限看板（县级）", "indicators:county_board", "calendar-x"),
    ]
