"""The ledger base every record stands on, attachments, and the stored deadline board."""

import hashlib
import mimetypes
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import NoReverseMatch, get_urlconf, reverse
from simple_history.models import HistoricalRecords

from fazhi.core.deadlines import CALENDAR_DAYS, SOON, remaining, status
from fazhi.core.fields import meta, optional_link, region_link, user_link


class LedgerQuerySet(models.QuerySet):
    def visible_to(self, user, township=None):
        """The records the user may read (core.access.visible_to), optionally in one township."""
        from fazhi.core.access import visible_to

        return visible_to(self, user, township)


class Ledger(models.Model):
    """A ledger record (台账记录): belongs to one township, may name a village, keeps its history.

    `township` is the tenant key on every row (indexed first), so data can later be sharded by township.
    `version` is bumped on every save through the services; a stale form is refused (optimistic locking).
    """

    township = region_link("乡镇(街道)", db_index=True)
    village = optional_link("org.Region", "村(社区)", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    created_by = user_link("创建人", blank=True)
    updated_by = user_link("最后修改人", blank=True)
    version = models.PositiveIntegerField("版本", default=1, editable=False)
    history = HistoricalRecords(inherit=True)

    objects = LedgerQuerySet.as_manager()
    # Path to the user a record is assigned to, for ledgers an advisor sees only when assigned
    # (core.access.visible_to); None: the township's roles see every record.
    visible_path: str | None = None

    class Meta:
        abstract = True

    # Fields the generic form never shows: they are set by the services.
    SYSTEM_FIELDS = ("township", "created_at", "updated_at", "created_by", "updated_by", "version")

    def get_absolute_url(self) -> str:
        # Reversed once per model and URLconf, then filled in: the board's rebuild asks for
        # hundreds of thousands of these, and a reverse() costs as much as the rest of an entry.
        key = (type(self), get_urlconf())
        if key not in _DETAIL_URLS:
            try:
                _DETAIL_URLS[key] = reverse(
                    f"{self._meta.app_label}:{self._meta.model_name}_detail", args=[_PK]
                ).replace(str(_PK), "{}")
            except NoReverseMatch:
                _DETAIL_URLS[key] = ""
        pattern = _DETAIL_URLS[key]
        return pattern.format(self.pk) if pattern else ""


_PK = 987654321987  # a pk no URL has otherwise, replaced by the record's
_DETAIL_URLS: dict = {}


def attachment_path(instance: "Attachment", filename: str) -> str:
    # Stored by content hash: the same file uploaded twice is stored once, and names never collide.
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"attachments/{instance.sha256[:2]}/{instance.sha256}{suffix}"


class Attachment(models.Model):
    """A file attached to any record (photos, audio/video of the full-process record, signed documents)."""

    ALLOWED_TYPES = {
        ".pdf": "application/pdf",
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".png": "image/png",
        ".gif": "image/gif",
        ".webp": "image/webp",
        ".mp3": "audio/mpeg",
        ".m4a": "audio/mp4",
        ".wav": "audio/wav",
        ".mp4": "video/mp4",
        ".mov": "video/quicktime",
        ".doc": "application/msword",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xls": "application/vnd.ms-excel",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".txt": "text/plain",
        ".ofd": "application/ofd",
    }

    township = region_link()
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    step = models.CharField("环节", max_length=40, blank=True, help_text="全过程记录所属环节")
    kind = models.CharField(
        "类型",
        max_length=10,
        choices=[("doc", "文书"), ("photo", "照片"), ("audio", "录音"), ("video", "录像"), ("other", "其他")],
        default="doc",
    )
    file = models.FileField("文件", upload_to=attachment_path, max_length=200)
    name = models.CharField("文件名", max_length=200)
    size = models.PositiveBigIntegerField("大小")
    mime = models.CharField("类型", max_length=100)
    sha256 = models.CharField(max_length=64, db_index=True)
    uploaded_by = user_link("上传人")
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    Meta = meta("附件", "uploaded_at", indexes=[models.Index(fields=["content_type", "object_id"])])

    def __str__(self) -> str:
        return self.name

    @classmethod
    def check_upload(cls, upload) -> str:
        """Returns the MIME type of an acceptable upload, or raises ValidationError in Chinese."""
        suffix = PurePosixPath(upload.name).suffix.lower()
        if suffix not in cls.ALLOWED_TYPES:
            raise ValidationError(
                f"不支持的文件类型“{suffix or '无扩展名'}”。允许：{'、'.join(sorted(cls.ALLOWED_TYPES))}"
            )
        if upload.size > settings.FAZHI_ATTACHMENT_MAX_BYTES:
            limit = settings.FAZHI_ATTACHMENT_MAX_BYTES // (1024 * 1024)
            raise ValidationError(f"文件过大：上限为 {limit} MB。")
        head = upload.read(512)
        upload.seek(0)
        if b"<html" in head.lower() or b"<script" in head.lower() or b"<svg" in head.lower():
            raise ValidationError("文件内容像网页或脚本，已拒绝。")
        return cls.ALLOWED_TYPES[suffix]

    @staticmethod
    def digest(upload) -> str:
        sha = hashlib.sha256()
        for chunk in upload.chunks():
            sha.update(chunk)
        upload.seek(0)
        return sha.hexdigest()

    @property
    def guessed_kind(self) -> str:
        major = (self.mime or mimetypes.guess_type(self.name)[0] or "").split("/")[0]
        return {"image": "photo", "audio": "audio", "video": "video"}.get(major, "doc")


class BoardEntry(models.Model):
    """One open deadline, as the deadline board shows it. Derived data, never edited: `core.board`
    computes it from the ledgers and keeps it in step; it exists so the board is selected, counted
    and paged in SQL."""

    township = models.ForeignKey("org.Region", on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField("事项", max_length=300)
    url = models.CharField(max_length=200)
    office = models.CharField("办理部门", max_length=40)
    due_on = models.DateField("到期日")
    basis = models.CharField("计算依据", max_length=300)
    warning = models.CharField(max_length=200, blank=True)
    shown_from = models.DateField(null=True)
    hidden_after = models.DateField(null=True)
    # The record's village (a village cadre's board shows only theirs) and who must act on it
    # (fazhi.notify keeps the assignment; the board copies it to filter "mine" in SQL).
    village = models.ForeignKey("org.Region", on_delete=models.SET_NULL, null=True, related_name="+")
    rule = models.CharField("期限规则", max_length=60, blank=True)
    unit = models.CharField("计算单位", max_length=12, default=CALENDAR_DAYS)  # how time left is shown
    responsible = user_link("责任人")

    Meta = meta(
        "期限看板",
        "due_on",
        "id",
        township_index=["due_on"],
        indexes=[models.Index(fields=["content_type", "object_id"])],
    )

    def __str__(self) -> str:
        return self.title

    def state(self, today) -> str:
        return status(self.due_on, today=today, soon=SOON)

    def days_left(self, today) -> int:
        return (self.due_on - today).days

    def remaining(self, today):
        return remaining(self.due_on, self.unit, today)


class DataVersion(models.Model):
    """How often a township's ledgers have changed (key 0: records that have no township). Cached
    figures are keyed by it, so every process sees a write on its next read (core.freshness)."""

    key = models.PositiveBigIntegerField(primary_key=True)  # the township's id, or 0
    version = models.PositiveBigIntegerField(default=0)

    Meta = meta("数据版本")

    def __str__(self) -> str:
        return f"{self.key}: {self.version}"


class HolidayDay(models.Model):
    """One day of a year's 放假安排 as the State Council publishes it: a statutory holiday, or a
    make-up working day (调休) on a weekend. Entered by the office on the holidays page (core.calendar
    reads these on top of the package's years); every change kept in the history."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", "放假"
        WORKDAY = "workday", "调休上班"

    day = models.DateField("日期", unique=True)
    kind = models.CharField("类别", max_length=8, choices=Kind.choices)
    name = models.CharField("节日", max_length=20, blank=True)
    source = models.CharField("依据", max_length=80, blank=True, help_text="如：国办发明电〔2026〕N号")
    history = HistoricalRecords()

    Meta = meta("节假日安排", "day")

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.get_kind_display()} {self.name}".strip()


class LedgerEvent(models.Model):
    """What was done to a record, once and for good: every action and transition writes one (who, the
    date of the act, from which state to which, the note and the data it was given). Never changed
    or deleted; the record's history keeps the field values, this keeps the intents."""

    township = models.ForeignKey("org.Region", on_delete=models.PROTECT, related_name="+", null=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    action = models.CharField("操作", max_length=40)
    from_state = models.CharField("原状态", max_length=20, blank=True)
    to_state = models.CharField("新状态", max_length=20, blank=True)
    user = user_link("操作人")
    on = models.DateField("办理日期")
    at = models.DateTimeField("记录时间", auto_now_add=True)
    note = models.CharField("说明", max_length=300, blank=True)
    data = models.JSONField("数据", default=dict, blank=True)

    Meta = meta("办理事件", "at", "id", indexes=[models.Index(fields=["content_type", "object_id"])])

    def __str__(self) -> str:
        return f"{self.on:%Y-%m-%d} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("办理事件只能追加，不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("办理事件只能追加，不能删除。")


class ExcludedPeriod(models.Model):
    """Time a statutory period does not count, on any record: waiting for a third party's opinion
    (政府信息公开条例 art. 32), a suspension (中止); or a 补正, after which the period starts again from
    the completed request (art. 30). `core.deadlines.Deadline(pauses=True)` reads them."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "补正"
        THIRD_PARTY = "third_party", "征求第三方意见"
        SUSPENSION = "suspension", "中止"

    RESTARTS = {Kind.CORRECTION}  # the period counts afresh from the day after the period ends

    township = models.ForeignKey("org.Region", on_delete=models.PROTECT, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    kind = models.CharField("事由", max_length=12, choices=Kind.choices)
    start = models.DateField("起")
    end = models.DateField("止")
    note = models.CharField("说明", max_length=200, blank=True)

    Meta = meta(
        "不计入期限的期间", "start", "id", indexes=[models.Index(fields=["content_type", "object_id"])]
    )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start:%Y-%m-%d}至{self.end:%Y-%m-%d}"

    def clean(self):
        if self.end < self.start:
            raise ValidationError("期间的止日不能早于起日。")
