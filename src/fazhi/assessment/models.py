"""The county's yearly assessment of its townships (法治政府建设考核): a scheme of weighted items in a
tree, each scored from a registry figure or by hand, and the scores of every township."""

from decimal import Decimal

from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.fields import meta, optional_link, region_link, user_link


class Scheme(models.Model):
    """One county's scheme for one year. Its items are data; copying it to the next year keeps them."""

    county = region_link("县(区)")
    year = models.PositiveIntegerField("考核年度")
    name = models.CharField("名称", max_length=120)
    evidence_due = models.DateField(
        "佐证材料截止日期", null=True, blank=True, help_text="乡镇在此日期（含）前可为人工评分项提交佐证材料"
    )
    run_at = models.DateTimeField("最近一次计分时间", null=True, blank=True)
    run_by = user_link(blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    history = HistoricalRecords()

    Meta = meta("考核方案", "-year", "county", unique={"assessment_scheme_one_per_year": ("county", "year")})

    def __str__(self) -> str:
        return f"{self.year}年度{self.name}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("assessment:scheme_detail", args=[self.pk])


class Item(models.Model):
    """An item of the tree: 一级 (level 1) › 二级 › 三级. Leaves are scored; a parent's weight is the sum
    of its children's."""

    class Method(models.TextChoices):
        AUTO = "auto", "自动计分"
        MANUAL = "manual", "人工评分"

    class Rule(models.TextChoices):
        THRESHOLD = "threshold", "达到目标值得满分"
        PROPORTIONAL = "proportional", "按完成比例计分"
        ZERO = "zero", "未发生得满分"
        DEDUCTION = "deduction", "每发生一件扣分"

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="items", verbose_name="方案")
    parent = optional_link("self", "上级指标", on_delete=models.CASCADE, related_name="children")
    number = models.CharField("序号", max_length=12, help_text="如“3”“3.2”“3.2.1”")
    title = models.CharField("指标", max_length=200)
    weight = models.DecimalField("分值", max_digits=5, decimal_places=2)
    basis = models.CharField("依据", max_length=200, blank=True, help_text="《示范指标体系》条目或台账机制")
    method = models.CharField("计分方式", max_length=8, choices=Method.choices, default=Method.MANUAL)
    indicator = models.CharField("取数指标代码", max_length=80, blank=True)
    rule = models.CharField("计分规则", max_length=12, choices=Rule.choices, blank=True)
    target = models.DecimalField("目标值", max_digits=10, decimal_places=2, null=True, blank=True)
    per_case = models.DecimalField("每件扣分", max_digits=5, decimal_places=2, null=True, blank=True)
    requirement = models.TextField("评分标准", blank=True)
    order = models.PositiveIntegerField("排序", default=0)
    history = HistoricalRecords()

    Meta = meta("考核指标", "scheme", "order", "id", unique={"assessment_item_number": ("scheme", "number")})

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def level(self) -> int:
        return self.number.count(".") + 1

    @property
    def level_label(self) -> str:
        return {1: "一级", 2: "二级", 3: "三级"}.get(self.level, "")


class Score(models.Model):
    """A township's score on one leaf item. Automatic scores are rewritten by every run; a hand score
    is set by the county with a reason, and every change is kept in the history."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="scores", verbose_name="指标")
    township = region_link()
    value = models.DecimalField("指标值", max_digits=14, decimal_places=2, null=True, blank=True)
    score = models.DecimalField("得分", max_digits=6, decimal_places=2, null=True, blank=True)
    explanation = models.CharField("计分说明", max_length=300, blank=True)
    reason = models.TextField("评分理由", blank=True)
    scored_by = user_link(blank=True)
    scored_at = models.DateTimeField("评分时间", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    Meta = meta(
        "考核得分",
        "scheme",
        "township",
        "item__order",
        indexes=[models.Index(fields=["scheme", "township"])],
        unique={"assessment_score_unique": ("item", "township")},
    )

    def __str__(self) -> str:
        return f"{self.township} · {self.item.number}"

    @property
    def full(self) -> Decimal:
        return self.item.weight


class Evidence(models.Model):
    """What a township submits for a hand item: a note and files (core.Attachment on this record)."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence", verbose_name="得分")
    township = models.ForeignKey("org.Region", on_delete=models.PROTECT, related_name="+")
    note = models.TextField("说明")
    links = models.TextField(
        "相关台账记录", blank=True, help_text="本系统内记录的链接，每行一个，如 /reviews/legalityreview/12/"
    )
    submitted_by = user_link()
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)

    Meta = meta("佐证材料", "score", "submitted_at")

    def __str__(self) -> str:
        return self.note[:30]

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("assessment:scorecard", args=[self.score.scheme_id, self.township_id])

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]
