"""The search index: one row per ledger record, kept in step by signals (`search.index`).

`words` holds the record's words as segmented by jieba, separated by spaces, personal names included
so that they can be found; `title` and `body` are what a result shows, with those names masked. The
full-text index over `words` is the database's own: an FTS5 table on SQLite, a GIN index on
to_tsvector('simple', words) on PostgreSQL (`search.backends`).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from fazhi.core.fields import meta


class SearchEntry(models.Model):
    township = models.ForeignKey("org.Region", on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=300)
    body = models.TextField()
    words = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    Meta = meta(
        "搜索索引",
        township_index=["content_type"],
        unique={"search_entry_record": ("content_type", "object_id")},
    )

    def __str__(self) -> str:
        return self.title


class AttachmentText(models.Model):
    """The text of one attachment, extracted once when it is uploaded (a record's entry is rebuilt on
    every save of the record, which must not read its files again)."""

    attachment = models.OneToOneField("core.Attachment", on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    text = models.TextField(blank=True)

    Meta = meta("附件文字", indexes=[models.Index(fields=["content_type", "object_id"])])

    def __str__(self) -> str:
        return f"附件 {self.attachment_id}"
