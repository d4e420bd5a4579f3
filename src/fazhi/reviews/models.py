"""Legality review (合法性审查/审核): one queue for decisions, documents, contracts, enforcement and
other legal matters (domain.md §3.2)."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from fazhi.core.fields import meta, optional_link
from fazhi.core.models import Ledger
from fazhi.reviews import rules


class LegalityReview(Ledger):
    visible_path = "advisor__user"  # an advisor sees only the reviews assigned to them

    class Kind(models.TextChoices):
        DECISION = "decision", "重大行政决策"
        DOCUMENT = "document", "行政规范性文件"
        CONTRACT = "contract", "合同"
        ENFORCEMENT = "enforcement", "重大执法决定"
        OTHER = "other", "其他法律事务"

    class State(models.TextChoices):
        REQUESTED = "requested", "待分派"
        ASSIGNED = "assigned", "审查中"
        CONCLUDED = "concluded", "已出具意见"
        WITHDRAWN = "withdrawn", "已撤回"

    class Conclusion(models.TextChoices):
        LAWFUL = "lawful", "合法"
        LAWFUL_AFTER_CHANGES = "lawful_after_changes", "修改后合法"
        UNLAWFUL = "unlawful", "不合法"

    PASSING = (Conclusion.LAWFUL, Conclusion.LAWFUL_AFTER_CHANGES)
    OPEN = (State.REQUESTED, State.ASSIGNED)

    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.REQUESTED)
    kind = models.CharField("审查类别", max_length=12, choices=Kind.choices, default=Kind.OTHER)
    # The record under review; empty for matters that have no ledger of their own (招商引资, 信访答复…).
    content_type = optional_link(ContentType, on_delete=models.PROTECT, editable=False)
    object_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    subject = GenericForeignKey("content_type", "object_id")
    subject_title = models.CharField("送审事项", max_length=200)
    submitted_by = models.CharField("送审单位", max_length=60, blank=True)
    summary = models.TextField("送审说明", blank=True)
    requested_on = models.DateField("送审日期", db_index=True)
    due_on = models.DateField("审查期限", editable=False)
    advisor = optional_link("org.LegalAdvisor", "法律顾问", on_delete=models.PROTECT, related_name="reviews")
    reviewer = optional_link("org.Person", "审查人(司法所)", on_delete=models.PROTECT, related_name="+")
    necessity = models.TextField("必要性意见", blank=True)
    legality = models.TextField("合法性意见", blank=True, help_text="权限、程序、内容是否合法（第二十七条）")
    standardisation = models.TextField("规范性意见", blank=True)
    operability = models.TextField("可操作性意见", blank=True)
    changes = models.TextField("修改意见", blank=True)
    conclusion = models.CharField("审查结论", max_length=24, choices=Conclusion.choices, blank=True)
    concluded_on = models.DateField("出具意见日期", null=True, blank=True, db_index=True, editable=False)

    Meta = meta(
        "合法性审查",
        "-requested_on",
        "-id",
        township_index=["concluded_on", "requested_on"],
        indexes=[models.Index(fields=["content_type", "object_id"])],
    )

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.subject_title}"

    @property
    def rule(self):
        return rules.for_kind(self.kind)

    def compute_due(self):
        return self.rule.due(self.requested_on)

    stored_dues = ("due_on",)  # `fazhi board --rebuild` recomputes it after a calendar or rule change

    def refresh_dues(self):
        self.due_on = self.compute_due().date

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN

    @property
    def on_time(self) -> bool | None:
        if self.concluded_on is None:
            return None
        return self.concluded_on <= self.due_on


class PublicComment(Ledger):
    """A comment from the public on a draft open for comment (a major decision or a normative document).

    Lives here because both decisions and documents collect comments and ledger apps don't import each other.
    """

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", "采纳"
        PARTLY = "partly", "部分采纳"
        NOT_ADOPTED = "not_adopted", "未采纳"

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, editable=False)
    object_id = models.PositiveBigIntegerField(editable=False)
    subject = GenericForeignKey("content_type", "object_id")
    subject_title = models.CharField("征求意见稿", max_length=200, editable=False)
    name = models.CharField("提出人", max_length=30, blank=True)
    contact = models.CharField("联系方式", max_length=40, blank=True)
    content = models.TextField("意见内容", max_length=2000)
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True, db_index=True)
    ip = models.GenericIPAddressField("来源地址", null=True, blank=True, editable=False)
    outcome = models.CharField("处理结果", max_length=12, choices=Outcome.choices, blank=True)
    response = models.TextField("处理说明", blank=True)
    handled = models.BooleanField("已处理", default=False, editable=False)

    Meta = meta(
        "公众意见", "-submitted_at", "-id", indexes=[models.Index(fields=["content_type", "object_id"])]
    )

    def __str__(self) -> str:
        return f"对《{self.subject_title}》的意见"
