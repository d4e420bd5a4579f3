"""An import as a record: who brought which file in, when, what it created, and whether it was undone."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from fazhi.core.fields import meta, region_link, user_link


def batch_path(instance: "ImportBatch", filename: str) -> str:
    return f"imports/{instance.sha256[:2]}/{instance.sha256}{instance.suffix}"


class ImportBatch(models.Model):
    class State(models.TextChoices):
        CHECKING = "checking", "校验中"
        INVALID = "invalid", "有错误"
        CHECKED = "checked", "待确认导入"
        COMMITTING = "committing", "导入中"
        DONE = "done", "已导入"
        FAILED = "failed", "导入失败"
        UNDONE = "undone", "已撤销"

    township = region_link()
    filename = models.CharField("文件名", max_length=200)
    suffix = models.CharField(max_length=10)
    sha256 = models.CharField("文件摘要(SHA-256)", max_length=64, db_index=True)
    size = models.PositiveBigIntegerField("大小")
    file = models.FileField(upload_to=batch_path, max_length=200)
    # One part per sheet: {"sheet", "ledger" (model label or ""), "mapping" {column index: field},
    # "header_row", "headers", "rows", "errors" [[row, column, value, reason]], "created"}.
    parts = models.JSONField("工作表", default=list)
    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.CHECKING)
    rows = models.PositiveIntegerField("数据行", default=0)
    created = models.PositiveIntegerField("新建记录", default=0)
    message = models.CharField("说明", max_length=300, blank=True)
    created_by = user_link("上传人")
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    committed_by = user_link("导入人")
    committed_at = models.DateTimeField("导入时间", null=True)
    undone_by = user_link("撤销人")
    undone_at = models.DateTimeField("撤销时间", null=True)

    Meta = meta("Excel导入记录", "-created_at", "-id", township_index=["created_at"])

    def __str__(self) -> str:
        return f"{self.filename}（{self.get_state_display()}）"

    @property
    def error_count(self) -> int:
        return sum(len(p.get("errors", [])) for p in self.parts)

    @property
    def ledgers(self) -> list[str]:
        return [p["ledger"] for p in self.parts if p.get("ledger")]


class ImportedRecord(models.Model):
    """A record an import created: what undo deletes."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="records")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()

    Meta = meta("导入的记录", indexes=[models.Index(fields=["content_type", "object_id"])])

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}"


class ColumnMapping(models.Model):
    """A township's confirmed mapping of its own column names to a ledger's fields, reused next time."""

    township = models.ForeignKey("org.Region", on_delete=models.CASCADE, related_name="+")
    ledger = models.CharField(max_length=100)
    mapping = models.JSONField(default=dict)  # normalised column name -> field ("" = not imported)
    updated_at = models.DateTimeField(auto_now=True)

    Meta = meta("导入列对应", unique={"imports_mapping_unique": ("township", "ledger")})

    def __str__(self) -> str:
        return self.ledger
