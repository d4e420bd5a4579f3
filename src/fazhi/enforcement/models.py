"""Administrative enforcement (domain.md §3.3; statutes.md §1.3–1.5): the item catalogue, certified
officers, cases under the three systems (公示、全过程记录、法制审核), inspections, joint operations and
case-file evaluation."""

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.fields import meta, optional_link, required_link
from fazhi.core.models import Ledger
from fazhi.core.numbering import unique_number


class Domain(models.TextChoices):
    """执法领域: the 立案 time limit is set per domain (statutes.md §1.3, sector rules)."""

    MARKET = "market", "市场监管"
    LAND = "land", "自然资源与规划"
    ENVIRONMENT = "environment", "生态环境"
    CONSTRUCTION = "construction", "住房和城乡建设"
    CITY = "city", "城市管理与市容环境"
    TRAFFIC = "traffic", "交通运输与道路安全"
    AGRICULTURE = "agriculture", "农业农村"
    SAFETY = "safety", "应急管理与安全生产"
    HEALTH = "health", "卫生健康"
    CULTURE = "culture", "文化旅游"
    OTHER = "other", "其他"


class EnforcementItem(Ledger):
    """One item of the township's enforcement catalogue (行政执法事项清单)."""

    class Category(models.TextChoices):
        PUNISHMENT = "punishment", "行政处罚"
        COERCION = "coercion", "行政强制"
        INSPECTION = "inspection", "行政检查"
        LICENSE = "license", "行政许可"
        LEVY = "levy", "行政征收"
        CONFIRMATION = "confirmation", "行政确认"
        OTHER = "other", "其他"

    code = models.CharField("事项编码", max_length=40)
    name = models.CharField("事项名称", max_length=200)
    category = models.CharField("事项类别", max_length=15, choices=Category.choices, db_index=True)
    domain = models.CharField("执法领域", max_length=15, choices=Domain.choices, default=Domain.OTHER)
    legal_basis = models.TextField("实施依据")
    assigned_by = models.CharField(
        "赋权机关",
        max_length=100,
        blank=True,
        help_text="依行政处罚法第二十四条将执法权交由乡镇行使的机关，如“江南省人民政府”",
    )
    assignment_document = models.CharField("赋权文件", max_length=200, blank=True)
    published = models.BooleanField(
        "已向社会公布", default=True, help_text="公布在本镇行政执法事项清单上（行政处罚法第三十九条）"
    )
    published_on = models.DateField("公布日期", null=True, blank=True, db_index=True)
    remarks = models.CharField("备注", max_length=200, blank=True)

    Meta = meta(
        "行政执法事项",
        "township",
        "category",
        "code",
        unique={"enforcement_item_code_unique": ("township", "code")},
    )

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


def training_target() -> int:
    """Annual training hours an officer must reach (❓ 纲要2021 is said to set 60; some provinces 40)."""
    return getattr(settings, "FAZHI_ENFORCEMENT_TRAINING_HOURS", 60)


class EnforcementOfficer(Ledger):
    """An enforcement officer of the brigade and their certificate (持证上岗, 行政处罚法 art. 42)."""

    class Origin(models.TextChoices):
        # Reports state how many of the brigade the district/county seconded (下派/派驻).
        STAFF = "staff", "镇在编"
        SECONDED = "seconded", "区(县)下派"
        HIRED = "hired", "聘用"

    name = models.CharField("姓名", max_length=30)
    person = optional_link("org.Person", "人员档案", related_name="+")
    certificate_no = models.CharField("执法证号", max_length=40, blank=True)
    issuing_province = models.CharField("发证机关(省)", max_length=40, blank=True, default="江南省人民政府")
    origin = models.CharField("人员身份", max_length=10, choices=Origin.choices, default=Origin.STAFF)
    certificate_applied_on = models.DateField(
        "申办执法证件日期", null=True, blank=True, help_text="尚未持证、已申办行政执法证件的填写"
    )
    field = models.CharField("执法领域", max_length=15, choices=Domain.choices, default=Domain.OTHER)
    valid_from = models.DateField("证件有效期起", null=True, blank=True)
    valid_until = models.DateField("证件有效期至", null=True, blank=True, db_index=True)
    training_hours = models.PositiveIntegerField("本年度培训学时", default=0)
    exam_year = models.PositiveIntegerField("考试年度", null=True, blank=True)
    exam_score = models.PositiveIntegerField(
        "考试成绩", null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    exam_passed = models.BooleanField("考试合格", default=False)
    active = models.BooleanField("在岗", default=True)

    Meta = meta("执法人员", "township", "name", township_index=["certificate_applied_on"])

    def __str__(self) -> str:
        return f"{self.name}（{self.certificate_no}）" if self.certificate_no else self.name

    def certified_on(self, day: dt.date) -> bool:
        """Holds a certificate valid on `day` (and is on duty)."""
        return bool(
            self.active
            and self.certificate_no
            and self.valid_until
            and self.valid_until >= day
            and (self.valid_from is None or self.valid_from <= day)
        )

    @property
    def training_met(self) -> bool:
        return self.training_hours >= training_target()


class EnforcementCase(Ledger):
    """An enforcement case from discovery to closing (行政处罚法 ch. 5)."""

    class Source(models.TextChoices):
        PATROL = "patrol", "网格巡查"
        COMPLAINT = "complaint", "群众投诉举报"
        HOTLINE = "hotline", "政务热线"
        REFERRAL = "referral", "部门移送"
        ASSIGNED = "assigned", "上级交办"

    class State(models.TextChoices):
        DISCOVERED = "discovered", "发现"
        FILED = "filed", "立案"
        INVESTIGATING = "investigating", "调查取证"
        NOTIFIED = "notified", "告知"
        REVIEWING = "reviewing", "法制审核"
        DECIDED = "decided", "决定"
        SERVED = "served", "送达"
        EXECUTING = "executing", "执行"
        CLOSED = "closed", "结案"
        DROPPED = "dropped", "不予立案/撤销"

    state = models.CharField(
        "办理环节", max_length=15, choices=State.choices, default=State.DISCOVERED, db_index=True
    )
    number = models.CharField("案件编号", max_length=40, blank=True)
    source = models.CharField("案件来源", max_length=12, choices=Source.choices, default=Source.PATROL)
    item = optional_link(EnforcementItem, "执法事项", on_delete=models.PROTECT, related_name="cases")
    title = models.CharField("案由", max_length=200)
    party = models.CharField("当事人", max_length=100)
    party_id_number = models.CharField("当事人证件号码", max_length=30, blank=True)
    party_phone = models.CharField("当事人电话", max_length=20, blank=True)
    location = models.CharField("地点", max_length=200, blank=True)
    facts = models.TextField("违法事实", blank=True)
    officers = models.ManyToManyField(
        EnforcementOfficer, blank=True, related_name="cases", verbose_name="承办执法人员"
    )
    major = models.BooleanField(
        "重大执法决定", default=False, help_text="须经法制审核方可作出决定（行政处罚法第五十八条）"
    )
    social_impact = models.BooleanField(
        "具有一定社会影响", default=False, help_text="决定须依法公开（行政处罚法第四十八条）"
    )
    hearing_right = models.BooleanField(
        "告知听证权利",
        default=False,
        help_text="较大数额罚款、吊销许可证件、责令停产停业等（行政处罚法第六十三条）",
    )
    discovered_on = models.DateField("发现日期", db_index=True)
    filed_on = models.DateField("立案日期", null=True, blank=True, db_index=True)
    notified_on = models.DateField("告知书送达日期", null=True, blank=True)
    hearing_requested_on = models.DateField("当事人申请听证日期", null=True, blank=True)
    hearing_notice_on = models.DateField("听证通知送达日期", null=True, blank=True)
    hearing_on = models.DateField("听证日期", null=True, blank=True)
    decided_on = models.DateField("决定日期", null=True, blank=True, db_index=True)
    decision_no = models.CharField("决定书文号", max_length=60, blank=True)
    decision = models.TextField("处理决定", blank=True)
    fine = models.DecimalField("罚款金额(元)", max_digits=12, decimal_places=2, null=True, blank=True)
    served_on = models.DateField("送达日期", null=True, blank=True)
    paid_on = models.DateField("缴款日期", null=True, blank=True)
    executed_on = models.DateField("执行完毕日期", null=True, blank=True)
    closed_on = models.DateField("结案日期", null=True, blank=True, db_index=True)
    revoked_on = models.DateField(
        "决定撤销/变更日期", null=True, blank=True, help_text="已公开的决定被撤销、变更或确认无效的日期"
    )

    Meta = meta(
        "执法案件",
        "-discovered_on",
        "-id",
        township_index=["closed_on", "decided_on", "discovered_on"],
        constraints=[unique_number("township", "number", name="enforcement_case_number_unique")],
    )

    def __str__(self) -> str:
        return self.number or f"线索{self.pk}（未立案）"

    @property
    def domain(self) -> str:
        return self.item.domain if self.item_id else Domain.OTHER


class ExcludedPeriod(models.Model):
    """Time not counted in the 90-day decision period (听证、检测、检验、鉴定…; 行政处罚法 art. 60 and
    sector rules)."""

    class Kind(models.TextChoices):
        HEARING = "hearing", "听证"
        APPRAISAL = "appraisal", "检测、检验、检疫、鉴定"
        NOTICE = "notice", "公告"
        SUSPENSION = "suspension", "中止"

    case = required_link(EnforcementCase, "案件", on_delete=models.CASCADE, related_name="excluded_periods")
    kind = models.CharField("事由", max_length=12, choices=Kind.choices)
    start = models.DateField("起")
    end = models.DateField("止")
    note = models.CharField("说明", max_length=200, blank=True)

    Meta = meta("不计入办案期限的期间", "start")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start:%Y-%m-%d}至{self.end:%Y-%m-%d}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


class PublicEntry(Ledger):
    """An enforcement publicity entry (公示): what the public portal shows, personal data already masked."""

    class Kind(models.TextChoices):
        BEFORE = "before", "事前公示"
        DECISION = "decision", "执法决定公开"

    kind = models.CharField("公示类别", max_length=10, choices=Kind.choices, default=Kind.DECISION)
    case = optional_link(EnforcementCase, "案件", on_delete=models.CASCADE, related_name="public_entries")
    title = models.CharField("标题", max_length=200)
    content = models.TextField("公示内容")
    article = models.CharField("依据", max_length=60, default="《行政处罚法》第四十八条")
    published_on = models.DateField("公示日期", db_index=True)
    withdrawn_on = models.DateField("撤回日期", null=True, blank=True)
    withdraw_reason = models.CharField("撤回原因", max_length=200, blank=True)

    Meta = meta("执法公示", "-published_on", "-id")

    def __str__(self) -> str:
        return self.title


class Inspection(Ledger):
    """An inspection: planned, then carried out with its results; safety inspections count hazards."""

    class Kind(models.TextChoices):
        ROUTINE = "routine", "日常检查"
        SPECIAL = "special", "专项检查"
        SAFETY = "safety", "安全隐患排查"
        RANDOM = "random", "双随机抽查"

    kind = models.CharField("检查类型", max_length=10, choices=Kind.choices, default=Kind.ROUTINE)
    title = models.CharField("检查名称", max_length=200)
    item = optional_link(EnforcementItem, "执法事项", related_name="inspections")
    target = models.CharField("检查对象", max_length=200, blank=True)
    planned_on = models.DateField("计划日期", db_index=True)
    done_on = models.DateField("实施日期", null=True, blank=True)
    officers = models.ManyToManyField(
        EnforcementOfficer, blank=True, related_name="inspections", verbose_name="检查人员"
    )
    result = models.TextField("检查结果", blank=True)
    hazards_found = models.PositiveIntegerField("发现隐患(处)", default=0)
    hazards_rectified = models.PositiveIntegerField("已整改隐患(处)", default=0)
    rectify_by = models.DateField("整改期限", null=True, blank=True)

    Meta = meta("执法检查", "-planned_on", "-id", township_index=["planned_on"])

    def __str__(self) -> str:
        return self.title


class JointOperation(Ledger):
    """A joint operation (联合执法), e.g. road traffic "五联动/三联动"."""

    class Kind(models.TextChoices):
        FIVE = "five", "五联动"
        THREE = "three", "三联动"
        OTHER = "other", "其他联合执法"

    kind = models.CharField("类型", max_length=6, choices=Kind.choices, default=Kind.FIVE)
    title = models.CharField("行动名称", max_length=200)
    date = models.DateField("日期", db_index=True)
    units = models.CharField(
        "参与单位", max_length=300, help_text="如：派出所、交警中队、运管站、执法大队、村(社区)"
    )
    location = models.CharField("地点", max_length=200, blank=True)
    vehicles_checked = models.PositiveIntegerField("检查车辆(辆)", default=0)
    people_cautioned = models.PositiveIntegerField("劝导人数(人)", default=0)
    summary = models.TextField("情况说明", blank=True)

    Meta = meta("联合执法行动", "-date", "-id", township_index=["date"])

    def __str__(self) -> str:
        return self.title

    @property
    def violations(self) -> int:
        return sum(row.count for row in self.violation_rows.all())

    def violations_text(self) -> str:
        """ "超载4起、未戴头盔14起" (the list page and the form show it so)."""
        return "、".join(f"{row.get_kind_display()}{row.count}起" for row in self.violation_rows.all())


class Violation(models.Model):
    """Violations of one type found in a joint operation (其中超载4起、未戴头盔14起): a row per type,
    so any type a township meets can be recorded and counted."""

    class Kind(models.TextChoices):
        OVERLOAD = "overload", "超载"
        OVERWEIGHT = "overweight", "超重"
        NO_HELMET = "no_helmet", "未戴头盔"
        NO_SEATBELT = "no_seatbelt", "未系安全带"
        UNLICENSED = "unlicensed", "无证驾驶"
        WRONG_CLASS = "wrong_class", "准驾不符"
        DRUNK_DRIVING = "drunk_driving", "饮酒驾驶"
        SPEEDING = "speeding", "超速"
        ILLEGAL_PASSENGERS = "illegal_passengers", "违法载人"
        ILLEGAL_OPERATION = "illegal_operation", "非法营运"
        MODIFIED = "modified", "非法改装"
        UMBRELLA = "umbrella", "非法安装雨伞"
        OVERDUE_INSPECTION = "overdue_inspection", "逾期未检"
        UNREGISTERED = "unregistered", "未上牌"
        OTHER = "other_violations", "其他违法"

    operation = required_link(
        JointOperation, "联合执法行动", on_delete=models.CASCADE, related_name="violation_rows"
    )
    kind = models.CharField("违法类型", max_length=20, choices=Kind.choices)
    count = models.PositiveIntegerField("起数")
    history = HistoricalRecords()

    Meta = meta(
        "查处违法行为", "operation", "id", unique={"violation_one_row_per_kind": ("operation", "kind")}
    )

    def __str__(self) -> str:
        return f"{self.get_kind_display()}{self.count}起"

    def get_absolute_url(self) -> str:
        return self.operation.get_absolute_url()


class CaseEvaluation(Ledger):
    """Case-file evaluation (案卷评查): a scored checklist per closed case file."""

    # (field, label, maximum points)
    CHECKLIST = (
        ("score_subject", "执法主体合法、人员持证", 10),
        ("score_facts", "事实清楚", 20),
        ("score_evidence", "证据确凿充分", 20),
        ("score_procedure", "程序合法（告知、听证、法制审核）", 20),
        ("score_law", "适用依据正确、裁量适当", 15),
        ("score_documents", "文书规范、全过程记录完整", 15),
    )

    case = required_link(EnforcementCase, "案卷", related_name="evaluations")
    evaluated_on = models.DateField("评查日期", db_index=True)
    evaluator = models.CharField("评查人", max_length=60)
    score_subject = models.PositiveIntegerField(
        "执法主体合法、人员持证(10分)", validators=[MaxValueValidator(10)]
    )
    score_facts = models.PositiveIntegerField("事实清楚(20分)", validators=[MaxValueValidator(20)])
    score_evidence = models.PositiveIntegerField("证据确凿充分(20分)", validators=[MaxValueValidator(20)])
    score_procedure = models.PositiveIntegerField("程序合法(20分)", validators=[MaxValueValidator(20)])
    score_law = models.PositiveIntegerField(
        "适用依据正确、裁量适当(15分)", validators=[MaxValueValidator(15)]
    )
    score_documents = models.PositiveIntegerField(
        "文书规范、记录完整(15分)", validators=[MaxValueValidator(15)]
    )
    total = models.PositiveIntegerField("总分", default=0, editable=False)
    max_total = models.PositiveIntegerField("满分", default=100, editable=False)
    problems = models.TextField("存在问题", blank=True)

    Meta = meta("案卷评查", "-evaluated_on", "-id", township_index=["evaluated_on"])

    def __str__(self) -> str:
        return f"{self.case} 评查"

    def add_up(self) -> None:
        """The total is derived, never typed (enforcement.actions calls this on every save)."""
        self.total = sum(getattr(self, name) or 0 for name, _, _ in self.CHECKLIST)
        self.max_total = sum(points for _, _, points in self.CHECKLIST)

    @property
    def grade(self) -> str:
        ratio = self.total * 100 / self.max_total if self.max_total else 0
        return "优秀" if ratio >= 90 else "合格" if ratio >= 75 else "基本合格" if ratio >= 60 else "不合格"
