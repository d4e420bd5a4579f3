"""The demo region tree, departments, people and accounts (see fazhi.core.demo)."""

import datetime as dt
import zlib

from django.contrib.auth import get_user_model

from fazhi.core.demo import DEMO_COUNTY, DEMO_PASSWORD, DEMO_TOWNSHIP, DemoContext
from fazhi.core.roles import Role
from fazhi.org.models import (
    Department,
    LeadingGroup,
    LeadingGroupMember,
    LegalAdvisor,
    Person,
    Region,
    RoleAssignment,
    TownshipProfile,
)

K = Region.Kind
VILLAGES = [
    ("青山村", K.VILLAGE),
    ("石桥村", K.VILLAGE),
    ("柳塘村", K.VILLAGE),
    ("枫林村", K.VILLAGE),
    ("大坪村", K.VILLAGE),
    ("茶园村", K.VILLAGE),
    ("龙泉村", K.VILLAGE),
    ("竹溪村", K.VILLAGE),
    ("桃源村", K.VILLAGE),
    ("上湾村", K.VILLAGE),
    ("下湾村", K.VILLAGE),
    ("新华村", K.VILLAGE),
    ("青山社区", K.COMMUNITY),
    ("河西社区", K.COMMUNITY),
]
OTHER_TOWNSHIPS = [
    ("绿水镇", K.TOWNSHIP, "990121102000", ["绿水村", "白沙村", "高桥村", "荷塘村", "绿水社区"]),
    ("白石乡", K.TOWNSHIP, "990121103000", ["白石村", "云台村", "松岭村"]),
    ("城关街道", K.STREET, "990121001000", ["东门社区", "西门社区", "南街社区", "北街社区"]),
]
DEPARTMENTS = [
    ("党政办", Department.Kind.OFFICE, 8),
    ("司法所", Department.Kind.JUDICIAL, 3),
    ("综合行政执法大队", Department.Kind.ENFORCEMENT, 20),
    ("便民服务中心", Department.Kind.SERVICE, 10),
    ("信访办", Department.Kind.PETITION, 3),
    ("平安办", Department.Kind.SAFETY, 4),
    ("青山派出所", Department.Kind.POLICE, None),
]
# username -> (role, person name, label printed by `fazhi logins`)
DEMO_ACCOUNTS = {
    "admin": (None, None, "系统管理员（可进入后台管理）"),
    "qs_secretary": (Role.SECRETARY, "周建国", "青山镇党委书记"),
    "qs_head": (Role.HEAD, "李文华", "青山镇镇长"),
    "qs_judicial": (Role.JUDICIAL, "陈思远", "青山镇司法所所长（主要操作员）"),
    "qs_office": (Role.OFFICE, "王丽", "青山镇党政办主任"),
    "qs_enforcement": (Role.ENFORCEMENT, "赵刚", "综合行政执法大队队长"),
    "qs_petition": (Role.PETITION, "孙红梅", "信访办主任"),
    "qs_mediator": (Role.MEDIATOR, "刘德明", "镇人民调解委员会调解员"),
    "qs_advisor": (Role.ADVISOR, "杨律师", "法律顾问（明正律师事务所）"),
    "qs_village": (Role.VILLAGE, "黄大山", "青山村党支部书记（村干部）"),
    "jy_county": (Role.COUNTY, "吴志强", "江源县依法治县办（只读，可查看全县乡镇）"),
}
PEOPLE = [
    ("周建国", "党委书记", "党政办"),
    ("李文华", "镇长", "党政办"),
    ("张卫东", "党委副书记", "党政办"),
    ("钱晓燕", "副镇长", "党政办"),
    ("王丽", "党政办主任", "党政办"),
    ("陈思远", "司法所所长", "司法所"),
    ("郑晓", "司法助理员", "司法所"),
    ("赵刚", "执法大队队长", "综合行政执法大队"),
    ("冯磊", "执法队员", "综合行政执法大队"),
    ("何平", "执法队员", "综合行政执法大队"),
    ("孙红梅", "信访办主任", "信访办"),
    ("刘德明", "专职调解员", "司法所"),
    ("吕芳", "便民服务中心主任", "便民服务中心"),
    ("黄大山", "青山村党支部书记", None),
    ("马骏", "平安办主任", "平安办"),
    ("吴志强", "依法治县办主任", None),
]
ADVISORS = [
    ("杨律师", "杨明", "云州明正律师事务所", True, ["青山村", "石桥村", "柳塘村", "枫林村", "青山社区"]),
    (None, "许静", "云州明正律师事务所", False, ["大坪村", "茶园村", "龙泉村", "竹溪村"]),
    (None, "邓波", "江源县青山法律服务所", False, ["桃源村", "上湾村", "河西社区"]),
]


def region(name, kind, parent, code=""):
    obj, _ = Region.objects.get_or_create(name=name, parent=parent, defaults={"kind": kind, "code": code})
    return obj


def build() -> DemoContext:
    province = region("江南省", K.PROVINCE, None, "990000000000")
    city = region("云州市", K.CITY, province, "990100000000")
    county = region(DEMO_COUNTY, K.COUNTY, city, "990121000000")
    township = region(DEMO_TOWNSHIP, K.TOWNSHIP, county, "990121101000")
    if not township.doc_prefix:
        township.doc_prefix = "青府发"
        township.save(update_fields=["doc_prefix"])
    villages = [
        region(name, kind, township, f"990121101{i:03d}") for i, (name, kind) in enumerate(VILLAGES, start=1)
    ]
    others = []
    for name, kind, code, children in OTHER_TOWNSHIPS:
        other = region(name, kind, county, code)
        for i, child in enumerate(children, start=1):
            region(child, K.COMMUNITY if child.endswith("社区") else K.VILLAGE, other, f"{code[:9]}{i:03d}")
        others.append(other)

    departments = {}
    for name, kind, quota in DEPARTMENTS:
        departments[name], _ = Department.objects.get_or_create(
            township=township, name=name, defaults={"kind": kind, "quota": quota}
        )
    for other in others:
        for name, kind, quota in DEPARTMENTS[:5]:
            Department.objects.get_or_create(
                township=other, name=name, defaults={"kind": kind, "quota": quota}
            )

    people = {}
    for name, position, department in PEOPLE:
        people[name], _ = Person.objects.get_or_create(
            township=township,
            name=name,
            defaults={
                "position": position,
                "department": departments.get(department),
                "phone": f"139{zlib.crc32(name.encode()) % 10**8:08d}",
            },
        )

    users = _accounts(township, county, villages, people)
    _leading_groups(township, people)
    _profiles(township, others)
    _advisors(township, villages, users, others)
    return DemoContext(township, county, others, villages, users, people)


def _accounts(township, county, villages, people):
    User = get_user_model()
    users = {}
    for username, (role, person_name, _label) in DEMO_ACCOUNTS.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            if role is None:
                user = User.objects.create_superuser(username, f"{username}@example.invalid", DEMO_PASSWORD)
            else:
                user = User.objects.create_user(username, password=DEMO_PASSWORD)
            user.first_name = person_name or "管理员"
            user.save()
        if role is None:
            continue
        organisation = county if role == Role.COUNTY else township
        village = villages[0] if role == Role.VILLAGE else None
        RoleAssignment.objects.get_or_create(user=user, role=role, organisation=organisation, village=village)
        if person_name in people and people[person_name].user_id is None:
            Person.objects.filter(pk=people[person_name].pk).update(user=user)
        users[role] = user
    return users


def _leading_groups(township, people):
    duties = [
        ("周建国", "leader"),
        ("李文华", "executive"),
        ("张卫东", "deputy"),
        ("钱晓燕", "deputy"),
        ("陈思远", "member"),
        ("王丽", "member"),
        ("赵刚", "member"),
        ("孙红梅", "member"),
        ("马骏", "member"),
    ]
    for year, number in ((2025, 3), (2026, 2)):
        group, created = LeadingGroup.objects.get_or_create(
            township=township, year=year, defaults={"document_no": f"青委发〔{year}〕{number}号"}
        )
        if created:
            for name, duty in duties:
                LeadingGroupMember.objects.create(group=group, person=people[name], duty=duty)


def _profiles(township, others):
    rows = [(2024, 41230, 35870, 186), (2025, 41015, 35620, 203), (2026, 40870, 35410, 211)]
    for year, population, resident, enterprises in rows:
        TownshipProfile.objects.get_or_create(
            township=township,
            year=year,
            defaults=dict(
                area_km2=186.4,
                population=population,
                resident_population=resident,
                enterprises=enterprises,
                party_members=1630,
                staff_quota=68,
                staff_actual=63,
                summary="青山镇位于江源县东部，辖12个行政村、2个社区，以茶叶、林果和乡村旅游为主导产业。",
            ),
        )
    for i, other in enumerate(others):
        for year in (2025, 2026):
            TownshipProfile.objects.get_or_create(
                township=other,
                year=year,
                defaults={"population": 18000 + 7000 * i, "enterprises": 60 + 20 * i},
            )


def _advisors(township, villages, users, others):
    by_name = {v.name: v for v in villages}
    for username_role, name, firm, serves, served in ADVISORS:
        advisor, created = LegalAdvisor.objects.get_or_create(
            township=township,
            name=name,
            defaults=dict(
                firm=firm,
                serves_township=serves,
                contract_start=dt.date(2025, 1, 1),
                contract_end=dt.date(2026, 12, 31),
                fee=60000 if serves else 20000,
                phone="13807330001",
            ),
        )
        if created:
            advisor.villages.set([by_name[v] for v in served])
            if username_role:
                advisor.user = users[Role.ADVISOR]
                advisor.save(update_fields=["user"])
    for other in others:
        if not LegalAdvisor.objects.filter(township=other).exists():
            advisor = LegalAdvisor.objects.create(
                township=other,
                name=f"{other.name[:2]}顾问",
                firm="云州明正律师事务所",
                serves_township=True,
                contract_start=dt.date(2025, 1, 1),
                contract_end=dt.date(2026, 12, 31),
            )
            advisor.villages.set(other.children.all())
