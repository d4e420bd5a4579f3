"""Normative documents (行政规范性文件), their cleanup campaigns (清理) and contracts (domain.md §3.2)."""

from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.fields import meta, required_link
from fazhi.core.models import Ledger
from fazhi.core.numbering import unique_number


class NormativeDocument(Ledger):
    class State(models.TextChoices):
        DRAFTING = "drafting", "起草中"
        CONSULTING = "consulting", "征求意见中"
        REVIEWING = "reviewing", "合法性审核中"
        DELIBERATION = "deliberation", "待集体审议"
        PUBLISHED = "published", "已公布"
        FILED = "filed", "已备案"
        AMENDED = "amended", "已修改"
        REPEALED = "repealed", "已废止"
        EXPIRED = "expired", "已失效"

    IN_FORCE = (State.PUBLISHED, State.FILED, State.AMENDED)
    ENDED = (State.REPEALED, State.EXPIRED)

    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.DRAFTING)
    title = models.CharField("文件名称", max_length=200)
    sponsor = models.CharField("起草单位", max_length=60)
    summary = models.TextField("主要内容", blank=True)
    draft_text = models.TextField(
        "征求意见稿全文", blank=True, help_text="公开征求意见期间在门户网站全文公布"
    )
    market_related = models.BooleanField(
        "涉及市场主体", default=False, help_text="涉及市场主体权益的，征求意见一般不少于30日"
    )
    trial = models.BooleanField("试行/暂行", default=False)
    comment_start = models.DateField("征求意见开始", null=True, blank=True)
    comment_end = models.DateField("征求意见截止", null=True, blank=True)
    comment_handling = models.TextField("意见采纳情况说明", blank=True)
    meeting = models.CharField("审议会议", max_length=60, blank=True)
    meeting_date = models.DateField("审议日期", null=True, blank=True)
    doc_year = models.PositiveIntegerField("发文年度", null=True, blank=True, editable=False)
    number = models.PositiveIntegerField("发文序号", null=True, blank=True, editable=False)
    doc_no = models.CharField("文号", max_length=40, blank=True, editable=False, db_index=True)
    published_on = models.DateField("公布日期", null=True, blank=True, editable=False, db_index=True)
    filed_on = models.DateField("备案日期", null=True, blank=True)
    filing_authority = models.CharField(
        "备案机关", max_length=60, blank=True, help_text="乡镇规范性文件报县级人民政府备案"
    )
    valid_from = models.DateField("施行日期", null=True, blank=True)
    valid_until = models.DateField("有效期至", null=True, blank=True, db_index=True)
    ended_on = models.DateField("废止/失效日期", null=True, blank=True, editable=False)
    end_note = models.TextField("修改/废止/失效说明", blank=True)

    Meta = meta(
        "行政规范性文件",
        "-published_on",
        "-id",
        township_index=["filed_on", "published_on"],
        constraints=[
            unique_number("township", "doc_year", "number", name="normative_doc_no_unique", empty=None)
        ],
    )

    def __str__(self) -> str:
        return f"{self.title}（{self.doc_no}）" if self.doc_no else self.title


class CleanupCampaign(Ledger):
    class State(models.TextChoices):
        ONGOING = "ongoing", "清理中"
        CONCLUDED = "concluded", "已完成"
        PUBLISHED = "published", "结果已公布"

    DONE = (State.CONCLUDED, State.PUBLISHED)

    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.ONGOING)
    title = models.CharField("清理名称", max_length=100)
    basis = models.CharField("清理依据", max_length=200, blank=True, help_text="上级通知文号等")
    started_on = models.DateField("开始日期")
    concluded_on = models.DateField("完成日期", null=True, blank=True, editable=False, db_index=True)
    published_on = models.DateField("结果公布日期", null=True, blank=True, editable=False)

    Meta = meta("规范性文件清理", "-started_on")

    def __str__(self) -> str:
        return self.title


class CleanupItem(models.Model):
    """One document in a cleanup campaign and what became of it."""

    class Outcome(models.TextChoices):
        CONTINUE = "continue", "继续有效"
        AMEND = "amend", "拟修改"
        REPEAL = "repeal", "废止"
        EXPIRE = "expire", "失效"

    campaign = required_link(CleanupCampaign, "清理", on_delete=models.CASCADE, related_name="items")
    document = required_link(NormativeDocument, "文件", related_name="cleanup_items")
    outcome = models.CharField("清理结果", max_length=10, choices=Outcome.choices, blank=True)
    reason = models.CharField("理由", max_length=200, blank=True)
    history = HistoricalRecords()

    Meta = meta("清理文件", "campaign", "id", unique={"cleanup_item_once": ("campaign", "document")})

    def __str__(self) -> str:
        return f"{self.document}：{self.get_outcome_display() or '待定'}"


class Contract(Ledger):
    class State(models.TextChoices):
        DRAFTING = "drafting", "拟订中"
        REVIEWING = "reviewing", "合法性审查中"
        SIGNED = "signed", "已签订"
        PERFORMING = "performing", "履行中"
        COMPLETED = "completed", "履行完毕"
        TERMINATED = "terminated", "解除/终止"

    class Kind(models.TextChoices):
        CONSTRUCTION = "construction", "建设工程"
        PROCUREMENT = "procurement", "政府采购"
        LEASE = "lease", "租赁"
        LAND = "land", "土地承包/流转"
        INVESTMENT = "investment", "招商引资"
        SERVICE = "service", "服务"
        OTHER = "other", "其他"

    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.DRAFTING)
    title = models.CharField("合同名称", max_length=200)
    kind = models.CharField("合同类型", max_length=12, choices=Kind.choices)
    counterparty = models.CharField("合同相对方", max_length=100)
    amount = models.DecimalField("合同金额(元)", max_digits=14, decimal_places=2, null=True, blank=True)
    registered_on = models.DateField("登记日期", db_index=True)
    signed_on = models.DateField("签订日期", null=True, blank=True, editable=False)
    end_on = models.DateField("履行期限至", null=True, blank=True)
    performance = models.TextField("履行情况", blank=True)

    Meta = meta("合同", "-registered_on", "-id", township_index=["registered_on"])

    def __str__(self) -> str:
        return self.title
