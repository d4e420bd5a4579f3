from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from fazhi.core.fields import meta, region_link, user_link


class Handoff(models.Model):
    """A record that moved to another ledger (a dispute that became a petition; a petition routed
    to litigation — 诉访分离). Both records keep their own history; this row links them."""

    class Kind(models.TextChoices):
        DISPUTE_TO_PETITION = "dispute_petition", "矛盾纠纷转信访"
        PETITION_TO_LITIGATION = "petition_litigation", "信访导入法律程序（诉访分离）"

    township = region_link(on_delete=models.CASCADE)
    kind = models.CharField("类型", max_length=24, choices=Kind.choices)
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("source_type", "source_id")
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    note = models.CharField("转办说明", max_length=200)
    by = user_link("经办人")
    at = models.DateTimeField("转办时间", auto_now_add=True)

    Meta = meta(
        "转办记录",
        "-at",
        indexes=[
            models.Index(fields=["source_type", "source_id"]),
            models.Index(fields=["target_type", "target_id"]),
        ],
        unique={"handoff_once": ("source_type", "source_id", "kind")},
    )

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.source} → {self.target}"
