"""The annual report (《法治政府建设情况报告》, domain.md §5), its versions, the register of shortcomings
and plans the township keeps through the year, and last year's figures (baseline)."""

from django.db import models

from fazhi.core.fields import meta, required_link, user_link
from fazhi.core.models import Ledger

# The areas of part one (主要举措和成效); ReportItems name one too so a plan can be grouped with them.
AREAS = [
    ("organisation", "组织领导"),
    ("decisions", "依法决策"),
    ("documents", "规范性文件"),
    ("enforcement", "行政执法"),
    ("disputes", "矛盾纠纷与信访"),
    ("litigation", "复议诉讼"),
    ("education", "普法学法"),
    ("services", "法律服务与政务公开"),
    ("other", "其他"),
]


class AnnualReport(Ledger):
    """One township's report on one year. Its text lives in ReportVersion (every saved edit is a version)."""

    class State(models.TextChoices):
        DRAFT = "draft", "初稿"
        DISCUSSION = "discussion", "讨论稿"
        SIGNED = "signed", "已签发"
        SUBMITTED = "submitted", "已报送"
        PUBLISHED = "published", "已公开"

    year = models.PositiveIntegerField("报告年度", db_index=True)
    title = models.CharField("标题", max_length=120)
    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.DRAFT)
    report_date = models.DateField("成文日期", null=True, blank=True)
    secretary_signed_by = user_link("党委书记签批人", blank=True, on_delete=models.PROTECT)
    secretary_signed_at = models.DateTimeField("党委书记签批时间", null=True, blank=True)
    head_signed_by = user_link("镇长签批人", blank=True, on_delete=models.PROTECT)
    head_signed_at = models.DateTimeField("镇长签批时间", null=True, blank=True)
    submitted_on = models.DateField("报送日期", null=True, blank=True)
    published_on = models.DateField("公开日期", null=True, blank=True)

    Meta = meta("法治政府建设年度报告", "-year", unique={"annual_report_one_per_year": ("township", "year")})

    def __str__(self) -> str:
        return f"{self.year}年度法治政府建设情况报告"

    @property
    def current(self) -> "ReportVersion | None":
        return self.versions.order_by("-number").first()


class ReportVersion(models.Model):
    """An immutable snapshot of the report's blocks; a new one is written on every saved edit.

    `blocks` is a list of {"id", "kind" (heading|paragraph|notice), "level", "text"}; figures in the text
    are tokens like {{fig:disputes.received}} that render to the indicator's current value.
    """

    report = required_link(AnnualReport, "报告", on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("版本号")
    blocks = models.JSONField("内容")
    note = models.CharField("修改说明", max_length=200, blank=True)
    created_by = user_link("修改人", blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    Meta = meta("报告版本", "report", "-number", unique={"report_version_unique": ("report", "number")})

    def __str__(self) -> str:
        return f"第{self.number}版"


class ReportItem(Ledger):
    """The register of shortcomings (问题) and next-year plans (安排) kept through the year; parts 三/四/五
    of the report are written from it, not from boilerplate."""

    class Kind(models.TextChoices):
        PROBLEM = "problem", "问题（存在的不足和原因）"
        PLAN = "plan", "安排（下一年度主要安排）"
        OTHER = "other", "其他需要报告的情况"

    year = models.PositiveIntegerField("报告年度", db_index=True, help_text="写入哪一年度的报告")
    kind = models.CharField("类别", max_length=10, choices=Kind.choices, default=Kind.PROBLEM)
    area = models.CharField("领域", max_length=15, choices=AREAS, default="other")
    title = models.CharField("要点", max_length=80, help_text="一句话概括，如“镇干部依法行政能力有待提高”")
    text = models.TextField("具体情况", blank=True, help_text="问题写表现和原因；安排写措施")
    order = models.PositiveSmallIntegerField("排序", default=0)

    Meta = meta("问题与安排登记", "-year", "kind", "order", "id")

    def __str__(self) -> str:
        return self.title


class Baseline(Ledger):
    """Last year's figures for the year-over-year comparison: from an imported report or our own."""

    class Source(models.TextChoices):
        IMPORTED = "imported", "导入的报告"
        GENERATED = "generated", "本系统生成的报告"

    year = models.PositiveIntegerField("年度", db_index=True)
    source = models.CharField("来源", max_length=10, choices=Source.choices)
    source_title = models.CharField("来源报告标题", max_length=200, blank=True)
    figures = models.JSONField("指标数值", default=dict, help_text="{指标代码: 数值}")
    parsed = models.JSONField("解析结果", default=dict, blank=True)

    Meta = meta("上年基数", "-year", unique={"baseline_one_per_year": ("township", "year")})

    def __str__(self) -> str:
        return f"{self.year}年度指标基数"


from fazhi.reports.submissions import Submission  # noqa: E402, F401  (report collection)
