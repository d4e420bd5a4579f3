"""Organisation (domain.md §3.1): regions, departments, people, roles, leading groups, profiles, advisors."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.fields import meta, optional_link, required_link
from fazhi.core.models import Ledger
from fazhi.core.roles import Role


class RegionQuerySet(models.QuerySet):
    def townships(self):
        return self.filter(kind__in=Region.TOWNSHIP_KINDS)

    def villages(self):
        return self.filter(kind__in=Region.VILLAGE_KINDS)


class Region(models.Model):
    """A node of the region tree: province › city › county › township/street › village/community."""

    class Kind(models.TextChoices):
        PROVINCE = "province", "省"
        CITY = "city", "市"
        COUNTY = "county", "县(区)"
        TOWNSHIP = "township", "乡镇"
        STREET = "street", "街道"
        VILLAGE = "village", "行政村"
        COMMUNITY = "community", "社区"

    TOWNSHIP_KINDS = (Kind.TOWNSHIP, Kind.STREET)
    VILLAGE_KINDS = (Kind.VILLAGE, Kind.COMMUNITY)

    name = models.CharField("名称", max_length=60)
    kind = models.CharField("级别", max_length=10, choices=Kind.choices)
    parent = optional_link("self", "上级", on_delete=models.PROTECT, related_name="children")
    code = models.CharField(
        "统计用区划代码",
        max_length=12,
        blank=True,
        validators=[RegexValidator(r"^\d{12}$", "区划代码应为12位数字。")],
    )
    doc_prefix = models.CharField(
        "发文字号前缀", max_length=20, blank=True, help_text="如“青府发”，用于规范性文件文号"
    )

    objects = RegionQuerySet.as_manager()

    Meta = meta("行政区划", "code", "name", unique={"region_unique_name_per_parent": ("parent", "name")})

    def __str__(self) -> str:
        return self.name

    @property
    def is_township(self) -> bool:
        return self.kind in self.TOWNSHIP_KINDS

    @property
    def government_name(self) -> str:
        """青山镇 → 青山镇人民政府; a street office keeps its own name (街道办事处)."""
        return f"{self.name}办事处" if self.kind == self.Kind.STREET else f"{self.name}人民政府"


class Department(Ledger):
    class Kind(models.TextChoices):
        OFFICE = "office", "党政办"
        JUDICIAL = "judicial", "司法所"
        ENFORCEMENT = "enforcement", "综合行政执法大队"
        SERVICE = "service", "便民服务中心"
        PETITION = "petition", "信访办"
        SAFETY = "safety", "平安办"
        POLICE = "police", "派出所"
        OTHER = "other", "其他"

    name = models.CharField("名称", max_length=60)
    kind = models.CharField("类别", max_length=12, choices=Kind.choices, default=Kind.OTHER)
    quota = models.PositiveIntegerField("编制数", null=True, blank=True)

    Meta = meta("部门", "township", "name")

    def __str__(self) -> str:
        return self.name


class Person(Ledger):
    name = models.CharField("姓名", max_length=30)
    position = models.CharField("职务", max_length=60, blank=True)
    department = optional_link(Department, "部门")
    phone = models.CharField("电话", max_length=20, blank=True)
    user = optional_link(
        settings.AUTH_USER_MODEL, "登录账号", related_name="person", field=models.OneToOneField
    )
    active = models.BooleanField("在职", default=True)

    Meta = meta("人员", "township", "department", "name")

    def __str__(self) -> str:
        return f"{self.name}（{self.position}）" if self.position else self.name


class RoleAssignment(models.Model):
    """A user's role in an organisation (a township, or a county for the read-only supervisor)."""

    user = required_link(settings.AUTH_USER_MODEL, "用户", on_delete=models.CASCADE, related_name="roles")
    role = models.CharField("角色", max_length=12, choices=Role.choices)
    organisation = required_link(Region, "所属单位", on_delete=models.CASCADE, related_name="+")
    village = optional_link(Region, "所在村(社区)", on_delete=models.CASCADE, related_name="+")

    Meta = meta("角色分配", unique={"role_assignment_unique": ("user", "role", "organisation", "village")})

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"


class LeadingGroup(Ledger):
    """The yearly rule-of-law leading group (法治政府建设领导小组)."""

    year = models.PositiveIntegerField("年度")
    document_no = models.CharField("成立文件文号", max_length=60, blank=True)

    Meta = meta("法治政府建设领导小组", "-year", unique={"leading_group_one_per_year": ("township", "year")})

    def __str__(self) -> str:
        return f"{self.year}年度领导小组"


class LeadingGroupMember(models.Model):
    class Duty(models.TextChoices):
        LEADER = "leader", "组长"
        EXECUTIVE = "executive", "常务副组长"
        DEPUTY = "deputy", "副组长"
        MEMBER = "member", "成员"

    group = models.ForeignKey(LeadingGroup, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, verbose_name="人员")
    duty = models.CharField("职务", max_length=10, choices=Duty.choices, default=Duty.MEMBER)
    # Not a ledger of its own (it has no township: its group's is it), yet every change is kept.
    history = HistoricalRecords()

    Meta = meta("领导小组成员", "group", "duty", "id")

    def __str__(self) -> str:
        return f"{self.get_duty_display()}：{self.person.name}"


class TownshipProfile(Ledger):
    """The yearly township profile (镇情) some reports open with."""

    year = models.PositiveIntegerField("年度")
    area_km2 = models.DecimalField("面积(平方公里)", max_digits=8, decimal_places=2, null=True, blank=True)
    population = models.PositiveIntegerField("户籍人口", null=True, blank=True)
    resident_population = models.PositiveIntegerField("常住人口", null=True, blank=True)
    enterprises = models.PositiveIntegerField("企业数", null=True, blank=True)
    party_members = models.PositiveIntegerField("党员数", null=True, blank=True)
    staff_quota = models.PositiveIntegerField("编制数", null=True, blank=True)
    staff_actual = models.PositiveIntegerField("实有人数", null=True, blank=True)
    summary = models.TextField("镇情概述", blank=True)

    Meta = meta("镇情", "-year", unique={"profile_one_per_year": ("township", "year")})

    def __str__(self) -> str:
        return f"{self.year}年镇情"


class LegalAdvisor(Ledger):
    """A legal advisor (法律顾问) of the township and/or its villages (一村(社区)一法律顾问)."""

    name = models.CharField("姓名", max_length=30)
    firm = models.CharField("律师事务所/法律服务所", max_length=80)
    kind = models.CharField(
        "类别",
        max_length=10,
        choices=[("lawyer", "律师"), ("worker", "基层法律服务工作者"), ("staff", "公职律师")],
        default="lawyer",
    )
    phone = models.CharField("电话", max_length=20, blank=True)
    serves_township = models.BooleanField("担任镇政府法律顾问", default=False)
    villages = models.ManyToManyField(
        Region, blank=True, related_name="advisors", verbose_name="服务村(社区)"
    )
    contract_start = models.DateField("聘期开始")
    contract_end = models.DateField("聘期结束")
    fee = models.DecimalField("年度费用(元)", max_digits=10, decimal_places=2, null=True, blank=True)
    user = optional_link(
        settings.AUTH_USER_MODEL, "登录账号", related_name="advisor", field=models.OneToOneField
    )

    Meta = meta("法律顾问", "township", "name")

    def __str__(self) -> str:
        return f"{self.name}（{self.firm}）"
