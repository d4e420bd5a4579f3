"""Major administrative decisions (重大行政决策) and their yearly catalogue (domain.md §3.2)."""

from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.fields import meta, required_link
from fazhi.core.models import Ledger
from fazhi.decisions.procedures import SKIPPABLE


class DecisionCatalogue(Ledger):
    """The yearly catalogue of major decisions: agreed by the party committee, then published (条例第三条第三款)."""

    class State(models.TextChoices):
        DRAFT = "draft", "编制中"
        PUBLISHED = "published", "已公布"

    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.DRAFT)
    year = models.PositiveIntegerField("年度")
    title = models.CharField(
        "目录名称", max_length=100, blank=True, help_text="留空则为“××镇××年度重大行政决策事项目录”"
    )
    party_approved_on = models.DateField("党委同意日期", null=True, blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True, editable=False, db_index=True)
    note = models.TextField("说明/调整情况", blank=True)

    Meta = meta(
        "决策事项目录",
        "-year",
        township_index=["published_on"],
        unique={"decision_catalogue_one_per_year": ("township", "year")},
    )

    def __str__(self) -> str:
        return self.title or f"{self.year}年度重大行政决策事项目录"


class MajorDecision(Ledger):
    class State(models.TextChoices):
        DRAFTING = "drafting", "拟订中"
        REVIEWING = "reviewing", "合法性审查中"
        DISCUSSION = "discussion", "待集体讨论"
        ADOPTED = "adopted", "已决定"
        PUBLISHED = "published", "已公布"
        IMPLEMENTING = "implementing", "组织实施中"
        EVALUATED = "evaluated", "已后评估"
        REJECTED = "rejected", "未通过"

    class Category(models.TextChoices):
        POLICY = "policy", "重大公共政策和措施"
        PLAN = "plan", "重要规划"
        RESOURCE = "resource", "自然资源和文化资源开发利用政策措施"
        PROJECT = "project", "重大公共建设项目"
        OTHER = "other", "其他重大事项"

    ADOPTED_STATES = (State.ADOPTED, State.PUBLISHED, State.IMPLEMENTING, State.EVALUATED)

    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.DRAFTING)
    catalogue = required_link(DecisionCatalogue, "所属目录", related_name="decisions")
    title = models.CharField("决策事项", max_length=200)
    category = models.CharField("类别", max_length=10, choices=Category.choices, help_text="条例第三条第一款")
    sponsor = models.CharField("承办单位", max_length=60)
    summary = models.TextField("决策草案概要", blank=True)
    draft_text = models.TextField(
        "征求意见稿全文", blank=True, help_text="公开征求意见期间在门户网站全文公布"
    )
    # Public participation (公众参与, 条例第十四条至第十八条)
    comment_start = models.DateField("征求意见开始", null=True, blank=True)
    comment_end = models.DateField("征求意见截止", null=True, blank=True)
    comment_short_reason = models.TextField("征求意见少于30日的理由", blank=True)
    offline_comments = models.PositiveIntegerField("线下收到意见(条)", default=0)
    comment_handling = models.TextField("意见采纳情况说明", blank=True)
    # Collective discussion (集体讨论决定, 条例第三十条)
    meeting = models.CharField(
        "审议会议", max_length=60, blank=True, help_text="如：镇党政联席会议、镇长办公会议"
    )
    meeting_date = models.DateField("会议日期", null=True, blank=True, db_index=True)
    attendees = models.TextField("出席人员", blank=True)
    dissent = models.TextField("不同意见", blank=True, help_text="集体讨论中的不同意见应如实记录（第三十条）")
    decision_text = models.TextField("决定内容", blank=True)
    party_reported_on = models.DateField("报同级党委日期", null=True, blank=True, help_text="第三十一条")
    published_on = models.DateField("公布日期", null=True, blank=True, editable=False, db_index=True)
    publication_channel = models.CharField("公布渠道", max_length=60, blank=True)
    implementation = models.TextField("实施情况", blank=True)
    evaluation = models.TextField("决策后评估", blank=True, help_text="第三十五条、第三十六条")
    evaluated_on = models.DateField("评估日期", null=True, blank=True, editable=False)

    Meta = meta("重大行政决策", "-catalogue__year", "id", township_index=["evaluated_on", "published_on"])

    def __str__(self) -> str:
        return self.title

    @property
    def is_adopted(self) -> bool:
        return self.state in self.ADOPTED_STATES


class DecisionStep(models.Model):
    """Where a decision stands on one skippable statutory procedure (公众参与、专家论证、风险评估)."""

    class Status(models.TextChoices):
        PENDING = "pending", "未开展"
        DONE = "done", "已完成"
        NOT_APPLICABLE = "na", "不适用"

    decision = models.ForeignKey(MajorDecision, on_delete=models.CASCADE, related_name="steps")
    procedure = models.CharField("程序", max_length=15, choices=[(p.code, p.label) for p in SKIPPABLE])
    status = models.CharField("情况", max_length=8, choices=Status.choices, default=Status.PENDING)
    done_on = models.DateField("完成日期", null=True, blank=True)
    note = models.TextField("说明", blank=True, help_text="完成情况；不适用时须说明理由")
    history = HistoricalRecords()

    Meta = meta("法定程序", unique={"decision_step_once": ("decision", "procedure")})

    def __str__(self) -> str:
        return f"{self.get_procedure_display()}：{self.get_status_display()}"
