"""Legal education and study (domain.md §3.5): outreach, study sessions, exams, 法律明白人, points, model villages."""

from django.db import models

from fazhi.core.fields import meta, optional_link, required_link
from fazhi.core.models import Ledger


class OutreachActivity(Ledger):
    """A legal-education activity (普法宣传活动); photos are core Attachments of kind "photo"."""

    class Theme(models.TextChoices):
        CONSTITUTION = "constitution", "宪法"
        CIVIL_CODE = "civil_code", "民法典"
        DRUGS = "drugs", "禁毒"
        FRAUD = "fraud", "反诈"
        SECURITY = "security", "国家安全"
        CONSUMER = "consumer", "消费者权益保护"
        ENVIRONMENT = "environment", "生态环境保护"
        MINORS = "minors", "未成年人保护"
        SAFETY = "safety", "安全生产"
        GANGS = "gangs", "扫黑除恶"
        XI_THOUGHT = "xi_thought", "习近平法治思想"
        OTHER = "other", "其他"

    class ThemedDay(models.TextChoices):
        NONE = "", "无"
        CONSUMER = "0315", "3·15 国际消费者权益日"
        SECURITY = "0415", "4·15 全民国家安全教育日"
        ENVIRONMENT = "0605", "6·5 世界环境日"
        DRUGS = "0626", "6·26 国际禁毒日"
        CONSTITUTION_DAY = "1204", "12·4 国家宪法日"
        CONSTITUTION_WEEK = "week", "宪法宣传周"

    class Form(models.TextChoices):
        LECTURE = "lecture", "法治讲座"
        CAMPAIGN = "campaign", "集中宣传"
        QUIZ = "quiz", "知识竞赛"
        CASE = "case", "以案释法"
        PERFORMANCE = "performance", "文艺演出"
        DOOR = "door", "入户宣传"
        ONLINE = "online", "网络宣传"
        OTHER = "other", "其他"

    class Campaign(models.TextChoices):
        # The named series real reports count on their own ("《民法典》专题讲座6场次").
        NONE = "", "无"
        CIVIL_CODE_LECTURE = "civil_code", "《民法典》专题讲座"
        MONTHLY = "monthly", "“一月一主题宣传”活动"
        DRIVERS = "drivers", "驾驶员安全教育"
        SIX_INTO = "six_into", "法治“六进”活动"
        SCHOOL_TERM = "school_term", "“开学第一堂法律课”"

    class Venue(models.TextChoices):
        # The "六进" plus the internet.
        ORGAN = "organ", "进机关"
        VILLAGE = "village", "进农村"
        COMMUNITY = "community", "进社区"
        SCHOOL = "school", "进学校"
        ENTERPRISE = "enterprise", "进企业"
        UNIT = "unit", "进单位(小区)"
        ONLINE = "online", "网络"

    date = models.DateField("活动日期", db_index=True)
    title = models.CharField("活动名称", max_length=120)
    theme = models.CharField("宣传主题", max_length=12, choices=Theme.choices, default=Theme.CONSTITUTION)
    themed_day = models.CharField(
        "主题日",
        max_length=4,
        choices=ThemedDay.choices,
        blank=True,
        default="",
        help_text="按活动日期自动建议，可修改",
    )
    form = models.CharField("活动形式", max_length=12, choices=Form.choices, default=Form.CAMPAIGN)
    campaign = models.CharField(
        "系列活动",
        max_length=12,
        choices=Campaign.choices,
        blank=True,
        default="",
        help_text="属于某一系列活动时选择，如“一月一主题宣传”",
    )
    venue = models.CharField("“六进”类别", max_length=12, choices=Venue.choices, default=Venue.VILLAGE)
    department = optional_link("org.Department", "主办部门", help_text="谁执法谁普法：由主管执法部门组织")
    location = models.CharField("地点", max_length=120, blank=True)
    materials = models.PositiveIntegerField("发放宣传资料(份)", default=0)
    banners = models.PositiveIntegerField("悬挂横幅(条)", default=0)
    led_screens = models.PositiveIntegerField("LED屏滚动播放(块)", default=0)
    broadcasts = models.PositiveIntegerField("广播(“村村响”)播放(次)", default=0)
    questions = models.PositiveIntegerField("解答法律咨询(人次)", default=0)
    people_reached = models.PositiveIntegerField("受教育群众(人)", default=0)
    summary = models.TextField("活动情况", blank=True)

    Meta = meta("普法宣传活动", "-date", "-id", township_index=["date"])

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"


class StudySession(Ledger):
    """A study session (学法): 党委理论学习中心组学法, 会前学法, 专题培训."""

    class Kind(models.TextChoices):
        CENTRAL_GROUP = "central_group", "党委理论学习中心组学法"
        PRE_MEETING = "pre_meeting", "会前学法"
        TRAINING = "training", "专题培训"

    date = models.DateField("学法日期", db_index=True)
    kind = models.CharField("学法类型", max_length=14, choices=Kind.choices, default=Kind.PRE_MEETING)
    topic = models.CharField("主题", max_length=120)
    laws = models.TextField("学习的法律法规", help_text="每行一部，如《中华人民共和国民法典》")
    lecturer = models.CharField("授课人/领学人", max_length=60, blank=True)
    participants = models.PositiveIntegerField("参加人数", default=0)
    attendees = models.ManyToManyField(
        "org.Person",
        blank=True,
        related_name="study_sessions",
        verbose_name="参加的领导干部",
        help_text="用于个人法治档案",
    )

    Meta = meta("学法活动", "-date", "-id", township_index=["date"])

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}：{self.topic}"


class Exam(Ledger):
    """A rule-of-law theory exam (法治理论考试). Rates are computed from the counts, never typed."""

    date = models.DateField("考试日期", db_index=True)
    title = models.CharField("考试名称", max_length=120)
    expected = models.PositiveIntegerField("应考人数")
    participants = models.PositiveIntegerField("参考人数")
    passed = models.PositiveIntegerField("合格人数")

    Meta = meta("法治理论考试", "-date", "-id", township_index=["date"])

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    def problems(self) -> list[str]:
        reasons = []
        if self.participants > self.expected:
            reasons.append(f"参考人数（{self.participants}）不能多于应考人数（{self.expected}）。")
        if self.passed > self.participants:
            reasons.append(f"合格人数（{self.passed}）不能多于参考人数（{self.participants}）。")
        return reasons


class ExamResult(models.Model):
    """One official's result in an exam (feeds the personal 法治档案)."""

    exam = models.ForeignKey(Exam, on_delete=models.CASCADE, related_name="results", verbose_name="考试")
    person = required_link("org.Person", "人员", related_name="exam_results")
    score = models.DecimalField("成绩", max_digits=5, decimal_places=1, null=True, blank=True)
    passed = models.BooleanField("合格", default=True)

    Meta = meta("考试成绩", unique={"exam_result_once": ("exam", "person")})

    def __str__(self) -> str:
        return f"{self.exam} · {self.person.name}"


class LegalLiaison(Ledger):
    """A law-savvy resident (法律明白人) of a village."""

    class Group(models.TextChoices):
        CADRE = "cadre", "村(社区)干部"
        WOMEN = "women", "妇联执委/儿童主任"
        MEDIATOR = "mediator", "人民调解员"
        POLICE = "police", "驻村辅警"
        GRID = "grid", "网格员"
        TEAM_LEADER = "team_leader", "村民小组长"
        PARTY = "party", "党员"
        ELDERS = "elders", "“五老”人员"
        OTHER = "other", "其他"

    name = models.CharField("姓名", max_length=30)
    group = models.CharField("人员类别", max_length=12, choices=Group.choices, default=Group.CADRE)
    phone = models.CharField("电话", max_length=20, blank=True)
    appointed_on = models.DateField("聘任日期", db_index=True)
    trained = models.BooleanField("已参加培训", default=True)
    active = models.BooleanField("在任", default=True)

    Meta = meta("法律明白人", "village", "name")

    def __str__(self) -> str:
        return self.name


class PointsEntry(Ledger):
    """普法积分制: points a household earns for taking part in legal education (where the township uses it)."""

    date = models.DateField("日期", db_index=True)
    resident = models.CharField("村民(户主)", max_length=30)
    reason = models.CharField("积分事由", max_length=120)
    points = models.IntegerField("积分", help_text="扣分填负数")

    Meta = meta("普法积分", "-date", "-id", township_index=["date"])

    def __str__(self) -> str:
        return f"{self.resident} {self.points:+d}"


class ModelVillage(Ledger):
    """A 民主法治示范村(社区) title held by a village."""

    class Level(models.TextChoices):
        NATIONAL = "national", "全国"
        PROVINCE = "province", "省级"
        CITY = "city", "市级"
        COUNTY = "county", "县级"

    level = models.CharField("级别", max_length=10, choices=Level.choices, default=Level.COUNTY)
    year = models.PositiveIntegerField("命名年度", db_index=True)
    title = models.CharField("称号", max_length=60, default="民主法治示范村(社区)")

    Meta = meta("民主法治示范村", "-year", "village")

    def __str__(self) -> str:
        return f"{self.village}（{self.get_level_display()}{self.title}）"
