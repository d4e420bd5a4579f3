from django.db import models

from fazhi.core.fields import meta, region_link


class Round(models.Model):
    """One round of a periodic duty in one township (e.g. 青山镇 · 矛盾纠纷排查 · 2026年12月).

    Filings are the ledger records dated within the round; a filing recorded after the round was
    opened and after its end is late (records that existed before the round was opened — imports,
    earlier years — cannot be judged and are not marked)."""

    township = region_link(on_delete=models.CASCADE)
    duty = models.CharField("报送事项", max_length=30)
    start = models.DateField("起始日")
    end = models.DateField("截止日")
    opened_at = models.DateTimeField("开启时间", auto_now_add=True)

    Meta = meta("报送轮次", "-start", "duty", unique={"rounds_one_per_period": ("township", "duty", "start")})

    def __str__(self) -> str:
        from fazhi.rounds.duties import DUTIES, period_label

        duty = DUTIES[self.duty]
        return f"{duty.label} {period_label(duty, self.start)}"
