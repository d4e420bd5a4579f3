"""Legal services, disclosure and accountability (domain.md §3.6)."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import URLValidator
from django.db import models

from fazhi.core.deadlines import Deadline
from fazhi.core.fields import meta, optional_link, required_link
from fazhi.core.models import Ledger
from fazhi.services import rules

# Legal advisors' work -------------------------------------------------------------------------------


class AdvisorWork(Ledger):
    """What a legal advisor did, recorded by the advisor themself (一村(社区)一法律顾问 work log)."""

    class Kind(models.TextChoices):
        CONSULTATION = "consultation", "法律咨询"
        CONTRACT = "contract", "合同审查"
        VILLAGE_RULE = "village_rule", "村规民约审查"
        MEETING = "meeting", "列席会议"
        HEALTH_CHECK = "health_check", "企业法治体检"
        LECTURE = "lecture", "法治讲座"
        MEDIATION = "mediation", "参与调解"
        LITIGATION = "litigation", "代理诉讼/复议"
        OTHER = "other", "其他"

    visible_path = "advisor__user"  # an advisor sees only their own work
    advisor = required_link("org.LegalAdvisor", "法律顾问", related_name="work")
    date = models.DateField("日期", db_index=True)
    kind = models.CharField("服务类型", max_length=14, choices=Kind.choices, default=Kind.CONSULTATION)
    quantity = models.PositiveIntegerField("件/次", default=1)
    subject = models.CharField("服务对象/事项", max_length=120)
    summary = models.TextField("服务内容", blank=True)

    Meta = meta("法律顾问工作记录", "-date", "-id", township_index=["date"])

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}：{self.subject}"


class AdvisorAssessment(Ledger):
    """The township's yearly assessment of a legal advisor (法律顾问考核)."""

    class Grade(models.TextChoices):
        EXCELLENT = "excellent", "优秀"
        GOOD = "good", "称职"
        BASIC = "basic", "基本称职"
        POOR = "poor", "不称职"

    advisor = required_link("org.LegalAdvisor", "法律顾问", related_name="assessments")
    year = models.PositiveIntegerField("考核年度", db_index=True)
    score = models.DecimalField("考核得分", max_digits=5, decimal_places=1)
    grade = models.CharField("考核等次", max_length=10, choices=Grade.choices, default=Grade.GOOD)
    comments = models.TextField("考核意见", blank=True)

    Meta = meta(
        "法律顾问年度考核",
        "-year",
        "advisor",
        constraints=[
            models.UniqueConstraint(
                fields=["advisor", "year"],
                name="advisor_assessed_once_a_year",
                violation_error_message="该法律顾问本年度已有考核记录。",
            )
        ],
    )

    def __str__(self) -> str:
        return f"{self.year}年 {self.advisor.name}"


class VillageRule(Ledger):
    """A village's rules (村规民约): adopted by the villagers' meeting, filed with the township, reviewed."""

    class State(models.TextChoices):
        ADOPTED = "adopted", "已通过待备案"
        FILED = "filed", "已备案待审查"
        APPROVED = "approved", "审查通过"
        CORRECTION = "correction", "责令改正"

    title = models.CharField("名称", max_length=120)
    adopted_on = models.DateField("村民会议通过日期", db_index=True)
    filed_on = models.DateField("报乡镇备案日期", null=True, blank=True)
    reviewed_on = models.DateField("审查日期", null=True, blank=True)
    reviewer = optional_link("org.LegalAdvisor", "审查法律顾问")
    opinion = models.TextField("审查意见", blank=True)
    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.ADOPTED)

    Meta = meta("村规民约", "-adopted_on", "-id")

    def __str__(self) -> str:
        return f"{self.village}《{self.title}》" if self.village_id else self.title


# Public legal and convenience services ---------------------------------------------------------------


class ServicePoint(Ledger):
    """A service station or room: public legal service (公共法律服务站/室) or convenience service (便民服务中心/室)."""

    class Kind(models.TextChoices):
        LEGAL_STATION = "legal_station", "公共法律服务工作站"
        LEGAL_ROOM = "legal_room", "公共法律服务工作室"
        SERVICE_CENTRE = "service_centre", "便民服务中心"
        SERVICE_ROOM = "service_room", "便民服务室"
        # Places real reports count beside the service rooms (the 枫桥经验 and 普法 parts).
        GOVERNANCE = "governance", "一体化社会治理中心"
        JUDICIAL_OFFICE = "judicial_office", "司法所"
        LAW_SQUARE = "law_square", "宪法宣传教育广场"
        LAW_PARK = "law_park", "法治文化公园(广场)"

    name = models.CharField("名称", max_length=80)
    kind = models.CharField("类别", max_length=16, choices=Kind.choices)
    staff = models.PositiveIntegerField("工作人员", default=0)
    proxy_team = models.PositiveIntegerField("帮代办队伍人数", default=0)
    demonstration = models.CharField(
        "示范创建", max_length=30, blank=True, help_text="如：市级示范便民服务中心"
    )
    opened_on = models.DateField("建成日期", null=True, blank=True)
    hours = models.CharField("服务时间", max_length=60, blank=True)

    Meta = meta("服务站点", "kind", "village", "name")

    def __str__(self) -> str:
        return self.name


class ServiceItem(Ledger):
    """An item handled at the convenience-service centre or a village room (便民服务事项)."""

    class Place(models.TextChoices):
        CENTRE = "centre", "镇便民服务中心"
        VILLAGE = "village", "村(社区)便民服务室"

    name = models.CharField("事项名称", max_length=120)
    domain = models.CharField("领域", max_length=30, help_text="如：社会救助、社会保障、就业服务")
    place = models.CharField("办理地点", max_length=10, choices=Place.choices, default=Place.CENTRE)
    online = models.BooleanField("网上可办", default=False)
    proxy = models.BooleanField("可帮代办", default=False)
    active = models.BooleanField("在用", default=True)

    Meta = meta("便民服务事项", "domain", "name")

    def __str__(self) -> str:
        return self.name


class LegalAidConsultation(Ledger):
    """A legal-aid consultation answered for a resident (法律援助咨询). Names and phones are masked outside the file."""

    class Matter(models.TextChoices):
        WAGES = "wages", "劳动报酬"
        FAMILY = "family", "婚姻家庭"
        INJURY = "injury", "人身损害"
        LAND = "land", "土地承包"
        CONTRACT = "contract", "合同纠纷"
        NEIGHBOUR = "neighbour", "相邻关系"
        OTHER = "other", "其他"

    date = models.DateField("咨询日期", db_index=True)
    applicant = models.CharField("咨询人", max_length=30)
    phone = models.CharField("电话", max_length=20, blank=True)
    matter = models.CharField("事项类别", max_length=10, choices=Matter.choices, default=Matter.OTHER)
    question = models.TextField("咨询内容")
    answer = models.TextField("解答意见", blank=True)
    referred = models.BooleanField("转法律援助机构受理", default=False)

    Meta = meta("法律援助咨询", "-date", "-id", township_index=["date"])

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_matter_display()}咨询"


# Disclosure (政务公开) -----------------------------------------------------------------------------


class DisclosureItem(Ledger):
    """Information published on the township's own initiative (主动公开), by channel and category."""

    class Channel(models.TextChoices):
        WEBSITE = "website", "政府网站"
        BOARD = "board", "政务公开栏"
        WECHAT = "wechat", "微信公众号"
        VILLAGE_BOARD = "village_board", "村务公开栏"
        MEDIA = "media", "新闻媒体"
        OTHER = "other", "其他"

    class Category(models.TextChoices):
        ORGANISATION = "organisation", "机构职能"
        DOCUMENTS = "documents", "规范性文件"
        BUDGET = "budget", "财政预决算"
        DECISIONS = "decisions", "重大行政决策"
        ENFORCEMENT = "enforcement", "行政执法"
        PLANNING = "planning", "规划计划"
        # 政府信息公开条例 art. 21: what a 乡(镇) must also publish.
        RURAL_POLICY = "rural_policy", "农业农村政策落实"
        IRRIGATION = "irrigation", "农田水利工程"
        LAND_TRANSFER = "land_transfer", "土地承包经营权流转"
        HOMESTEAD = "homestead", "宅基地使用审核"
        EXPROPRIATION = "expropriation", "土地征收"
        HOUSING = "housing", "房屋征收"
        FUNDRAISING = "fundraising", "筹资筹劳"
        RELIEF = "relief", "社会救助"
        OTHER = "other", "其他"

    # The art. 21 categories, in the statute's order (shown as "乡(镇)重点公开" on the public page).
    TOWNSHIP_CATEGORIES = (
        "rural_policy",
        "irrigation",
        "land_transfer",
        "homestead",
        "expropriation",
        "housing",
        "fundraising",
        "relief",
    )

    title = models.CharField("标题", max_length=160)
    published_on = models.DateField("公开日期", db_index=True)
    channel = models.CharField("公开渠道", max_length=14, choices=Channel.choices, default=Channel.WEBSITE)
    category = models.CharField("公开类别", max_length=14, choices=Category.choices, default=Category.OTHER)
    # A CharField with the URL validator: forms.URLField warns about its default scheme changing in Django 6.
    url = models.CharField(
        "网址", max_length=200, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    content = models.TextField("内容摘要", blank=True)

    Meta = meta("主动公开信息", "-published_on", "-id", township_index=["published_on"])

    def __str__(self) -> str:
        return self.title


class DisclosureRequest(Ledger):
    """A request for information (依申请公开). Reply within 20 working days, extendable by 20 (条例 art. 33)."""

    class State(models.TextChoices):
        RECEIVED = "received", "已登记"
        EXTENDED = "extended", "已延期"
        REPLIED = "replied", "已答复"

    class Channel(models.TextChoices):
        ONLINE = "online", "网上申请"
        LETTER = "letter", "信函"
        IN_PERSON = "in_person", "当面申请"

    class Reply(models.TextChoices):
        # 政府信息公开条例 art. 36.
        ALREADY_PUBLIC = "already_public", "已经主动公开（告知获取方式和途径）"
        DISCLOSED = "disclosed", "予以公开"
        PARTLY = "partly", "部分公开"
        REFUSED = "refused", "不予公开（说明理由）"
        NOT_HELD = "not_held", "本机关不掌握该信息（无法提供）"
        OTHER_ORGAN = "other_organ", "告知由其他机关负责公开"
        NOT_PROCESSED = "not_processed", "不予处理"

    code = models.CharField("申请编号", max_length=20, unique=True)
    applicant = models.CharField("申请人", max_length=60)
    contact = models.CharField("联系方式", max_length=60)
    channel = models.CharField("申请方式", max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    received_on = models.DateField("收到申请日期", db_index=True)
    content = models.TextField("申请公开的内容")
    due_on = models.DateField("答复期限", editable=False, help_text="自动计算")
    extension_reason = models.TextField("延期理由", blank=True)
    reply = models.CharField("答复类型", max_length=14, choices=Reply.choices, blank=True)
    reply_text = models.TextField("答复内容", blank=True)
    replied_on = models.DateField("答复日期", null=True, blank=True)
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.RECEIVED)
    excluded_periods = GenericRelation("core.ExcludedPeriod")

    # 20 working days (+20 once extended) from receipt; a 补正 restarts it from the completed request
    # (art. 30), a third party's opinion time is not counted (art. 32).
    deadlines = (
        Deadline(
            "答复",
            rules.DISCLOSURE_REPLY,
            start="received_on",
            office="党政办",
            stored="due_on",
            extension=rules.DISCLOSURE_EXTENSION,
            extended="extension_reason",
            closed={"state": "replied"},
            pauses=True,
        ),
    )

    Meta = meta("依申请公开", "-received_on", "-id", township_index=["received_on"])

    def __str__(self) -> str:
        return self.code

    @property
    def on_time(self) -> bool | None:
        return None if self.replied_on is None else self.replied_on <= self.due_on


# Accountability ------------------------------------------------------------------------------------


class DutyRecord(Ledger):
    """What a first responsible person did for the rule of law (亲自部署、亲自过问、亲自协调、亲自督办)."""

    class Kind(models.TextChoices):
        DEPLOY = "deploy", "亲自部署"
        ENQUIRE = "enquire", "亲自过问"
        COORDINATE = "coordinate", "亲自协调"
        SUPERVISE = "supervise", "亲自督办"
        MEETING = "meeting", "主持专题会议"
        INSTRUCTION = "instruction", "作出批示"

    person = required_link("org.Person", "责任人", related_name="duty_records")
    date = models.DateField("日期", db_index=True)
    kind = models.CharField("履职方式", max_length=12, choices=Kind.choices, default=Kind.DEPLOY)
    subject = models.CharField("事项", max_length=160)
    summary = models.TextField("情况", blank=True)

    Meta = meta("第一责任人履职记录", "-date", "-id", township_index=["date"])

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}：{self.subject}"


class LawReport(Ledger):
    """A leader's yearly 述法 (rule-of-law report within the year-end 述职)."""

    class Rating(models.TextChoices):
        EXCELLENT = "excellent", "好"
        GOOD = "good", "较好"
        FAIR = "fair", "一般"
        POOR = "poor", "差"

    person = required_link("org.Person", "述法人", related_name="law_reports")
    year = models.PositiveIntegerField("年度", db_index=True)
    date = models.DateField("述法日期")
    content = models.TextField("述法内容", help_text="个人学法守法、重大事项依法决策、推进法治建设情况")
    rating = models.CharField("测评结果", max_length=10, choices=Rating.choices, blank=True)

    Meta = meta(
        "述法",
        "-year",
        "person",
        constraints=[
            models.UniqueConstraint(
                fields=["person", "year"],
                name="law_report_once_a_year",
                violation_error_message="该人员本年度已有述法记录。",
            )
        ],
    )

    def __str__(self) -> str:
        return f"{self.year}年 {self.person.name}述法"


class Measure(Ledger):
    """Another measure no ledger covers ("打造宪法宣传教育广场1处"): typed text with an optional figure."""

    date = models.DateField("日期", db_index=True)
    section = models.CharField("所属方面", max_length=30, help_text="如：法治宣传教育、依法行政")
    text = models.CharField("举措", max_length=160, help_text="如：打造宪法宣传教育广场")
    quantity = models.DecimalField("数量", max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField("单位", max_length=6, blank=True, help_text="如：处、个、万元")
    detail = models.TextField("具体情况", blank=True)

    Meta = meta("其他举措", "-date", "-id", township_index=["date"])

    def __str__(self) -> str:
        return self.sentence

    @property
    def sentence(self) -> str:
        if self.quantity is None:
            return self.text
        return f"{self.text}{self.quantity.normalize():f}{self.unit}"
