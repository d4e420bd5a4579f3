"""Mediation committees, mediators and their training, screening rounds and disputes (domain.md §3.4)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models

from fazhi.core.fields import meta, optional_link, required_link
from fazhi.core.models import Ledger
from fazhi.core.numbering import unique_number
from fazhi.disputes import rules


class MediationCommittee(Ledger):
    class Level(models.TextChoices):
        TOWNSHIP = "township", "乡镇(街道)人民调解委员会"
        VILLAGE = "village", "村(居)民委员会人民调解委员会"
        SECTOR = "sector", "行业性、专业性人民调解委员会"

    name = models.CharField("名称", max_length=80)
    level = models.CharField("类别", max_length=10, choices=Level.choices, default=Level.VILLAGE)
    term_start = models.DateField("本届任期开始")
    chair = models.CharField("主任", max_length=30, blank=True)
    active = models.BooleanField("有效", default=True)

    Meta = meta("人民调解委员会", "level", "name")

    def __str__(self) -> str:
        return self.name

    @property
    def term_due(self):
        return rules.COMMITTEE_TERM.due(self.term_start)

    def member_problem(self, count: int | None = None) -> str:
        """The Chinese reason the membership breaks art. 8, or ''."""
        count = self.mediators.filter(active=True).count() if count is None else count
        limit = rules.COMMITTEE_MEMBERS
        if not limit.minimum <= count <= limit.maximum:
            return f"{self.name}现有委员{count}人，不符合“{limit.describe()}”。"
        return ""


class Mediator(Ledger):
    name = models.CharField("姓名", max_length=30)
    committee = required_link(MediationCommittee, "所属调委会", related_name="mediators")
    full_time = models.BooleanField("专职", default=False, help_text="不勾选为兼职调解员")
    position = models.CharField("职务", max_length=30, blank=True, help_text="如主任、副主任、委员")
    gender = models.CharField("性别", max_length=1, choices=[("m", "男"), ("f", "女")], default="m")
    phone = models.CharField("电话", max_length=20, blank=True)
    appointed = models.DateField("聘任日期", null=True, blank=True)
    active = models.BooleanField("在任", default=True)

    Meta = meta("人民调解员", "committee__name", "name")

    def __str__(self) -> str:
        return self.name


class MediatorTraining(Ledger):
    date = models.DateField("培训日期", db_index=True)
    topic = models.CharField("培训主题", max_length=120)
    organiser = models.CharField("组织单位", max_length=60, blank=True)
    hours = models.DecimalField("学时", max_digits=4, decimal_places=1, default=2)
    participants = models.ManyToManyField(
        Mediator, blank=True, related_name="trainings", verbose_name="参训调解员"
    )

    Meta = meta("调解员培训", "-date", township_index=["date"])

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.topic}"


class ScreeningRound(Ledger):
    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "月排查"
        WEEKLY = "weekly", "周排查"
        DAILY = "daily", "日排查"
        SPECIAL = "special", "专项排查"

    date = models.DateField("排查日期", db_index=True)
    frequency = models.CharField(
        "排查频次", max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    screener = models.CharField("排查人", max_length=60)
    scope = models.CharField("排查范围", max_length=120, help_text="如：全村12个村民小组、重点人员、重点领域")
    found = models.PositiveIntegerField("发现矛盾纠纷(起)", default=0, help_text="没有发现填0，即“零上报”")
    notes = models.TextField("排查情况", blank=True)

    Meta = meta("矛盾纠纷排查", "-date", township_index=["date"])

    def __str__(self) -> str:
        where = self.village.name if self.village_id else "全镇"
        return f"{self.date:%Y-%m-%d} {where}{self.get_frequency_display()}"

    @property
    def zero_report(self) -> bool:
        return self.found == 0


class Dispute(Ledger):
    class Source(models.TextChoices):
        SCREENING = "screening", "排查发现"
        VISIT = "visit", "群众来访"
        VILLAGE = "village", "村(组)上报"
        REFERRAL = "referral", "部门移交"
        PETITION = "petition", "信访转办"
        POLICE = "police", "公安110移交"
        ONLINE = "online", "网上申请"

    class Type(models.TextChoices):
        FAMILY = "family", "婚姻家庭"
        NEIGHBOUR = "neighbour", "邻里纠纷"
        LAND = "land", "土地/山林权属"
        LABOUR = "labour", "劳资纠纷"
        CONTRACT = "contract", "合同纠纷"
        DAMAGES = "damages", "损害赔偿"
        EXPROPRIATION = "expropriation", "征地拆迁"
        TRAFFIC = "traffic", "交通事故"
        OTHER = "other", "其他"

    class Kind(models.TextChoices):
        PEOPLE = "people", "人民调解"
        ADMINISTRATIVE = "administrative", "行政调解"
        JUDICIAL = "judicial", "司法调解"

    class Level(models.TextChoices):
        GROUP = "group", "组"
        VILLAGE = "village", "村"
        TOWNSHIP = "township", "镇"

    class Outcome(models.TextChoices):
        WRITTEN = "written", "达成书面调解协议"
        ORAL = "oral", "达成口头调解协议"
        COURT = "court", "调解不成，引导诉讼"
        PETITION = "petition", "调解不成，转信访渠道"
        OTHER_FAILED = "failed", "调解不成，其他途径解决"

    AGREEMENTS = (Outcome.WRITTEN, Outcome.ORAL)

    class State(models.TextChoices):
        REGISTERED = "registered", "已受理"
        MEDIATING = "mediating", "调解中"
        SETTLED = "settled", "调解成功"
        FAILED = "failed", "调解不成"

    number = models.CharField("编号", max_length=20, blank=True, editable=False)
    tracking_code = models.CharField("查询码", max_length=12, blank=True, editable=False, db_index=True)
    received = models.DateField("受理日期", db_index=True)
    source = models.CharField("来源", max_length=12, choices=Source.choices, default=Source.SCREENING)
    type = models.CharField("纠纷类型", max_length=14, choices=Type.choices)
    parties = models.CharField("当事人", max_length=200, help_text="多人用顿号分隔，如：张三、李四")
    phone = models.CharField("联系电话", max_length=20, blank=True)
    summary = models.TextField("纠纷简要情况")
    screening = optional_link(ScreeningRound, "所属排查", related_name="disputes")
    kind = models.CharField("调解类型", max_length=14, choices=Kind.choices, default=Kind.PEOPLE)
    mediator = optional_link(Mediator, "调解员", related_name="disputes")
    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.REGISTERED)
    level = models.CharField(
        "化解层级",
        max_length=10,
        choices=Level.choices,
        blank=True,
        help_text="小事不出组，大事不出村，疑难纠纷不出镇",
    )
    outcome = models.CharField("调解结果", max_length=10, choices=Outcome.choices, blank=True)
    agreement_date = models.DateField("协议生效日期", null=True, blank=True)
    resolved_on = models.DateField("办结日期", null=True, blank=True, db_index=True)
    confirmation_applied = models.DateField("申请司法确认日期", null=True, blank=True)
    confirmation_result = models.CharField("司法确认结果", max_length=60, blank=True)
    follow_up_date = models.DateField("回访日期", null=True, blank=True)
    follow_up_note = models.CharField("回访情况", max_length=200, blank=True)
    criminal_risk = models.BooleanField("存在民转刑风险", default=False)
    risk_note = models.CharField("风险及稳控措施", max_length=200, blank=True)

    Meta = meta(
        "矛盾纠纷",
        "-received",
        "-id",
        township_index=["received"],
        constraints=[unique_number("township", "number", name="dispute_number_unique")],
    )

    def __str__(self) -> str:
        return f"{self.number} {self.get_type_display()}"

    def clean(self):
        if self.agreement_date and self.outcome not in self.AGREEMENTS:
            raise ValidationError("只有达成调解协议的纠纷才填写协议生效日期。")
        if self.criminal_risk and not self.risk_note:
            raise ValidationError("标记民转刑风险时须填写风险及稳控措施。")

    @property
    def confirmation_due(self):
        """Joint application for judicial confirmation within 30 days of the agreement (art. 33)."""
        if self.outcome == self.Outcome.WRITTEN and self.agreement_date:
            return rules.JUDICIAL_CONFIRMATION.due(self.agreement_date)
        return None

    @property
    def mediation_due(self):
        return rules.MEDIATION_TARGET.due(self.received)

    def deadline_rows(self, today: dt.date | None = None):
        """(label, Due, rule, done) shown beside the record."""
        rows = [
            (
                "调结期限",
                self.mediation_due,
                rules.MEDIATION_TARGET,
                self.state in (self.State.SETTLED, self.State.FAILED),
            )
        ]
        if due := self.confirmation_due:
            rows.append(
                ("司法确认申请截止", due, rules.JUDICIAL_CONFIRMATION, bool(self.confirmation_applied))
            )
        return rows
