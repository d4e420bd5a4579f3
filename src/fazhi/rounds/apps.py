from django.apps import AppConfig


class RoundsConfig(AppConfig):
    name = "fazhi.rounds"
    verbose_name = "定期报送"

    def ready(self):
        from fazhi.notify import schedule
        from fazhi.rounds import tasks

        schedule.register("rounds.open", tasks.open_rounds, at="00:10", label="开启本期报送轮次")
        schedule.register(
            "rounds.remind", tasks.remind_missing, at="09:00", working_days_only=True, label="提醒未报送单位"
        )
