"""Findings of the draft checker on a legality review, and the reviewer's word on each."""

from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.fields import meta, region_link, required_link, user_link
from fazhi.drafts.rules import KIND_LABELS


class Finding(models.Model):
    class State(models.TextChoices):
        OPEN = "open", "待定"
        ACCEPTED = "accepted", "采纳"
        DISMISSED = "dismissed", "不采纳"

    township = region_link()
    review = required_link(
        "reviews.LegalityReview", "合法性审查", on_delete=models.CASCADE, related_name="findings"
    )
    source = models.CharField("审查对象", max_length=200)
    kind = models.CharField("类别", max_length=12, choices=list(KIND_LABELS.items()))
    code = models.CharField("规则", max_length=40)
    text = models.TextField("条款")
    rule = models.CharField("可能违反", max_length=300)
    citation = models.CharField("依据", max_length=300)
    position = models.CharField("位置", max_length=40)
    start = models.PositiveIntegerField(null=True, blank=True)
    state = models.CharField("处理", max_length=10, choices=State.choices, default=State.OPEN)
    reason = models.CharField("不采纳理由", max_length=300, blank=True)
    decided_by = user_link(blank=True)
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)
    created_at = models.DateTimeField("检查时间", auto_now_add=True)
    history = HistoricalRecords()

    Meta = meta("审查辅助发现", "review", "id")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.text[:40]}"
