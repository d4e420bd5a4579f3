"""Administrative reconsideration and litigation against the township, and stability risk (domain.md §3.4)."""

from django.core.exceptions import ValidationError
from django.db import models

from fazhi.core.deadlines import MONTHS, due_date
from fazhi.core.fields import meta, optional_link, required_link
from fazhi.core.models import Ledger
from fazhi.litigation import rules


class LitigationCase(Ledger):
    class Kind(models.TextChoices):
        RECONSIDERATION = "reconsideration", "行政复议（本镇为被申请人）"
        LITIGATION = "litigation", "行政诉讼（本镇为被告）"

    class Instance(models.TextChoices):
        REVIEW = "review", "复议"
        FIRST = "first", "一审"
        SECOND = "second", "二审"
        RETRIAL = "retrial", "再审"

    class Outcome(models.TextChoices):
        UPHELD = "upheld", "维持/驳回请求"
        REVOKED = "revoked", "撤销"
        ILLEGAL = "illegal", "确认违法"
        CHANGED = "changed", "变更"
        ORDERED = "ordered", "责令履行"
        SETTLED = "settled", "调解/和解"
        WITHDRAWN = "withdrawn", "申请人撤回/原告撤诉"
        OTHER = "other", "其他"

    # Outcomes that count as the township having lost (败诉): the act did not stand.
    LOST = (Outcome.REVOKED, Outcome.ILLEGAL, Outcome.CHANGED, Outcome.ORDERED)

    class State(models.TextChoices):
        OPEN = "open", "待答复/答辩"
        ANSWERED = "answered", "已答复/答辩"
        DECIDED = "decided", "已作出决定/判决"
        CLOSED = "closed", "已结案"

    case_no = models.CharField("案号", max_length=60)
    kind = models.CharField("类型", max_length=16, choices=Kind.choices)
    stage = models.CharField("审级", max_length=8, choices=Instance.choices, default=Instance.FIRST)
    organ = models.CharField("复议机关/受理法院", max_length=80)
    applicant = models.CharField("申请人/原告", max_length=120)
    subject = models.CharField("被申请/被诉行政行为", max_length=200)
    copy_received = models.DateField("收到申请书/起诉状副本日期", db_index=True)
    answered_on = models.DateField("提交答复/答辩日期", null=True, blank=True)
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.OPEN)
    outcome = models.CharField("结果", max_length=10, choices=Outcome.choices, blank=True)
    decided_on = models.DateField("决定/判决日期", null=True, blank=True, db_index=True)
    # Derived from the outcome by litigation.actions, never typed.
    lost = models.BooleanField("败诉", default=False, editable=False, help_text="由结果自动判定")
    judgment_executed = models.BooleanField("已履行生效文书", default=False)
    executed_on = models.DateField("履行日期", null=True, blank=True)
    risk_analysis = models.TextField("风险分析及改进措施", blank=True)

    Meta = meta("行政复议和行政诉讼", "-copy_received", "-id", township_index=["copy_received", "decided_on"])

    def __str__(self) -> str:
        return self.case_no

    def clean(self):
        if self.judgment_executed and not self.executed_on:
            raise ValidationError("已履行生效文书的，须填写履行日期。")

    @property
    def answer_rule(self):
        return rules.RECONSIDERATION_ANSWER if self.kind == self.Kind.RECONSIDERATION else rules.DEFENCE

    @property
    def answer_due(self):
        return self.answer_rule.due(self.copy_received)

    def deadline_rows(self):
        rows = [("答复/答辩", self.answer_due, self.answer_rule, bool(self.answered_on))]
        if self.kind == self.Kind.LITIGATION and self.stage == self.Instance.FIRST and self.decided_on:
            rows.append(
                ("上诉期限", rules.APPEAL.due(self.decided_on), rules.APPEAL, self.state == self.State.CLOSED)
            )
        return rows


class Hearing(Ledger):
    case = required_link(LitigationCase, "案件", on_delete=models.CASCADE, related_name="hearings")
    date = models.DateField("开庭/听证日期", db_index=True)
    head_appeared = models.BooleanField("负责人出庭应诉", default=False)
    appeared = optional_link("org.Person", "出庭负责人", on_delete=models.PROTECT, related_name="+")
    appeared_title = models.CharField("出庭负责人职务", max_length=40, blank=True)
    substitute = models.CharField(
        "出庭工作人员",
        max_length=60,
        blank=True,
        help_text="负责人不能出庭时委托的本机关工作人员（不得仅委托律师）",
    )
    excuse = models.CharField("负责人未出庭理由", max_length=120, blank=True)

    Meta = meta("开庭/听证", "-date")

    def __str__(self) -> str:
        return f"{self.case} {self.date:%Y-%m-%d}"

    def clean(self):
        if self.head_appeared and not self.appeared_id:
            raise ValidationError("负责人出庭应诉的，须选择出庭负责人。")
        if not self.head_appeared and not (self.substitute.strip() and self.excuse.strip()):
            raise ValidationError("负责人未出庭的，须填写出庭工作人员和未出庭理由（不得仅委托律师出庭）。")


class RiskAssessment(Ledger):
    class Subject(models.TextChoices):
        PROJECT = "project", "重大项目"
        DECISION = "decision", "重大决策"
        POLICY = "policy", "重大政策"
        EVENT = "event", "重大活动"

    class Level(models.TextChoices):
        LOW = "low", "低风险"
        MEDIUM = "medium", "中风险"
        HIGH = "high", "高风险"

    class Conclusion(models.TextChoices):
        GO = "go", "可以实施"
        WITH_MEASURES = "measures", "落实防范措施后实施"
        POSTPONE = "postpone", "暂缓实施"
        STOP = "stop", "不予实施"

    title = models.CharField("评估事项", max_length=120)
    subject = models.CharField("事项类别", max_length=10, choices=Subject.choices, default=Subject.PROJECT)
    assessed_on = models.DateField("评估日期", db_index=True)
    assessor = models.CharField("评估主体", max_length=80)
    methods = models.CharField(
        "评估方式", max_length=120, blank=True, help_text="如：问卷调查、走访、座谈会、专家论证"
    )
    risk_level = models.CharField("风险等级", max_length=8, choices=Level.choices)
    risks = models.TextField("主要风险点")
    measures = models.TextField("防范化解措施")
    conclusion = models.CharField("评估结论", max_length=10, choices=Conclusion.choices)

    Meta = meta("社会稳定风险评估", "-assessed_on", township_index=["assessed_on"])

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.risk_level == self.Level.HIGH and self.conclusion == self.Conclusion.GO:
            raise ValidationError("高风险事项不能直接得出“可以实施”的结论，应落实防范措施、暂缓或不予实施。")


class RiskArea(Ledger):
    class Domain(models.TextChoices):
        LAND = "land", "征地拆迁"
        LABOUR = "labour", "劳资欠薪"
        FINANCE = "finance", "涉众金融"
        SAFETY = "safety", "安全生产"
        ENVIRONMENT = "environment", "生态环境"
        COMMUNITY = "community", "邻里宗族"
        OTHER = "other", "其他"

    name = models.CharField("风险隐患", max_length=120)
    domain = models.CharField("领域", max_length=12, choices=Domain.choices)
    level = models.CharField(
        "风险等级", max_length=8, choices=RiskAssessment.Level.choices, default=RiskAssessment.Level.MEDIUM
    )
    responsible = optional_link("org.Person", "责任人", on_delete=models.PROTECT, related_name="+")
    measures = models.TextField("稳控措施", blank=True)
    listed_on = models.DateField("列入日期")
    review_months = models.PositiveIntegerField("研判周期(月)", default=3, help_text="本镇自定的定期研判周期")
    active = models.BooleanField("仍在排查清单", default=True)

    Meta = meta("风险隐患排查领域", "-active", "domain", "name")

    def __str__(self) -> str:
        return self.name

    def next_review(self, last_review=None):
        """The next periodic review: the town's own cycle, counted from the last review (or listing)."""
        return due_date(last_review or self.listed_on, self.review_months, MONTHS).date


class RiskReview(Ledger):
    area = required_link(RiskArea, "风险隐患", on_delete=models.CASCADE, related_name="reviews")
    date = models.DateField("研判日期", db_index=True)
    level = models.CharField("研判后风险等级", max_length=8, choices=RiskAssessment.Level.choices)
    findings = models.TextField("研判情况")

    Meta = meta("风险研判记录", "-date", township_index=["date"])

    def __str__(self) -> str:
        return f"{self.area} {self.date:%Y-%m-%d}"
