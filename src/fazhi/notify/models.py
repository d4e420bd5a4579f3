"""Notifications, channels, the responsible person of a record, and the scheduler's claimed slots."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.fields import meta, optional_link, region_link, user_link


class JobRun(models.Model):
    """A scheduled slot claimed by a worker: one row per job and slot, so it is enqueued once."""

    job = models.CharField("任务", max_length=60)
    slot = models.DateTimeField("计划时间")
    task_id = models.CharField(max_length=64, blank=True)
    enqueued_at = models.DateTimeField("加入队列时间", auto_now_add=True)

    Meta = meta("定时任务记录", "-slot", unique={"jobrun_once_per_slot": ("job", "slot")})

    def __str__(self) -> str:
        return f"{self.job} {self.slot:%Y-%m-%d %H:%M}"


class Office(models.Model):
    """An office of a township as the deadline board names it (信访办, 司法所…): its head (default
    responsible person, first step of escalation) and the group robot it lives in, if any."""

    township = region_link(on_delete=models.CASCADE)
    name = models.CharField("办理部门", max_length=40)
    head = user_link("负责人", blank=True)

    Meta = meta("办理部门负责人", "township", "name", unique={"notify_office_unique": ("township", "name")})

    def __str__(self) -> str:
        return self.name


class Assignment(models.Model):
    """Who is responsible for an open record with a deadline. Reassigning keeps the history."""

    township = region_link(on_delete=models.CASCADE)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    user = user_link("责任人")
    reason = models.CharField("指派说明", max_length=200, blank=True)
    assigned_by = user_link("指派人", blank=True)
    assigned_at = models.DateTimeField("指派时间", auto_now=True)
    history = HistoricalRecords()

    Meta = meta("责任人", unique={"notify_assignment_one": ("content_type", "object_id")})

    def __str__(self) -> str:
        return f"{self.record} → {self.user}"


class Preference(models.Model):
    """A user's delivery channels. The in-app inbox is always on."""

    class Webhook(models.TextChoices):
        NONE = "", "不推送"
        WECOM = "wecom", "企业微信群机器人"
        DINGTALK = "dingtalk", "钉钉群机器人"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notify_preference"
    )
    email = models.BooleanField("邮件提醒", default=True, help_text="发送到账号登记的邮箱")
    webhook = models.CharField("群机器人", max_length=10, choices=Webhook.choices, blank=True)
    webhook_url = models.URLField("机器人地址(Webhook)", max_length=300, blank=True)

    Meta = meta("提醒方式")

    def __str__(self) -> str:
        return str(self.user)


class Notification(models.Model):
    """One message in a user's inbox. `key` makes every event idempotent: the same reminder of the
    same deadline (or the same day's digest) is created — and delivered — once."""

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", "指派给您"
        DUE = "due", "即将到期"
        OVERDUE = "overdue", "已逾期"
        ESCALATED = "escalated", "逾期督促"
        RETURNED = "returned", "县级退回"
        SUPERVISION = "supervision", "督办"
        REVIEW = "review", "审查意见"
        PUBLIC = "public", "群众来件"
        ROUND = "round", "报送提醒"
        DIGEST = "digest", "每日待办"
        OTHER = "other", "通知"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    township = optional_link("org.Region", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("类型", max_length=12, choices=Kind.choices)
    title = models.CharField("标题", max_length=200)
    text = models.TextField("内容", blank=True)
    url = models.CharField("链接", max_length=300, blank=True)
    key = models.CharField(max_length=120)
    created_at = models.DateTimeField("时间", auto_now_add=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    webhooked_at = models.DateTimeField(null=True, blank=True)

    Meta = meta(
        "通知",
        "-created_at",
        "-id",
        indexes=[models.Index(fields=["user", "read_at"])],
        unique={"notify_once_per_key": ("user", "key")},
    )

    def __str__(self) -> str:
        return self.title
