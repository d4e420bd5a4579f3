"""Demo legal education for 青山镇 (2025 in full, 2026 to date) and a lighter set for the other townships.

2025 matches the sample report's sentences: 全年开展会前学法12次; 累计发放宣传册3000余份，悬挂横幅70余条.
"""

import datetime as dt

from fazhi.core.demo import DemoContext
from fazhi.core.roles import Role
from fazhi.education import calendar
from fazhi.education.models import (
    Exam,
    ExamResult,
    LegalLiaison,
    ModelVillage,
    OutreachActivity,
    PointsEntry,
    StudySession,
)
from fazhi.org.models import Department

A = OutreachActivity
T, F, V = A.Theme, A.Form, A.Venue  # short, so that each row of PLAN fits a line
LEADERS = ["周建国", "李文华", "张卫东", "钱晓燕", "王丽", "陈思远"]
# (month, day, title, theme, form, venue, organising department)
PLAN = [
    (1, 10, "“一月一主题”法治宣传：民法典进农村", T.CIVIL_CODE, F.CAMPAIGN, V.VILLAGE, "司法所"),
    (2, 20, "春节返乡人员反诈宣传", T.FRAUD, F.CAMPAIGN, V.VILLAGE, "青山派出所"),
    (3, 5, "“三月法治宣传月”启动仪式", T.XI_THOUGHT, F.CAMPAIGN, V.ORGAN, "司法所"),
    (3, 15, "3·15消费者权益保护集中宣传", T.CONSUMER, F.CAMPAIGN, V.COMMUNITY, "综合行政执法大队"),
    (4, 15, "全民国家安全教育日宣传", T.SECURITY, F.CAMPAIGN, V.COMMUNITY, "平安办"),
    (4, 25, "安全生产法进企业", T.SAFETY, F.LECTURE, V.ENTERPRISE, "平安办"),
    (5, 12, "民法典宣传月专题讲座", T.CIVIL_CODE, F.LECTURE, V.ORGAN, "司法所"),
    (5, 28, "未成年人保护法进校园", T.MINORS, F.LECTURE, V.SCHOOL, "司法所"),
    (6, 5, "世界环境日生态环境保护宣传", T.ENVIRONMENT, F.CAMPAIGN, V.VILLAGE, "综合行政执法大队"),
    (6, 26, "6·26国际禁毒日集中宣传", T.DRUGS, F.CAMPAIGN, V.COMMUNITY, "青山派出所"),
    (7, 8, "以案释法：农村土地承包纠纷", T.CIVIL_CODE, F.CASE, V.VILLAGE, "司法所"),
    (7, 22, "暑期防溺水、反诈安全课", T.FRAUD, F.LECTURE, V.COMMUNITY, "青山派出所"),
    (8, 14, "“法律进企业”劳动合同专题", T.CIVIL_CODE, F.LECTURE, V.ENTERPRISE, "司法所"),
    (9, 2, "开学第一堂法律课", T.MINORS, F.LECTURE, V.SCHOOL, "平安办"),
    (9, 18, "扫黑除恶常态化宣传", T.GANGS, F.CAMPAIGN, V.VILLAGE, "平安办"),
    (10, 16, "“村村响”法治广播月", T.CIVIL_CODE, F.OTHER, V.VILLAGE, "党政办"),
    (10, 28, "微信公众号普法知识竞答", T.CONSTITUTION, F.ONLINE, V.ONLINE, "党政办"),
    (11, 12, "法治文艺进乡村", T.CIVIL_CODE, F.PERFORMANCE, V.VILLAGE, "司法所"),
    (12, 2, "宪法宣传周：宪法进机关", T.CONSTITUTION, F.LECTURE, V.ORGAN, "司法所"),
    (12, 4, "12·4国家宪法日集中宣传", T.CONSTITUTION, F.CAMPAIGN, V.COMMUNITY, "司法所"),
    (12, 6, "宪法宣传周：宪法进单位", T.CONSTITUTION, F.CAMPAIGN, V.UNIT, "司法所"),
]
LAWS = [
    "《中华人民共和国宪法》",
    "《中华人民共和国民法典》",
    "《中华人民共和国行政处罚法》",
    "《中华人民共和国国家安全法》",
    "《中华人民共和国禁毒法》",
    "《中国共产党组织处理规定(试行)》",
    "《信访工作条例》",
    "《重大行政决策程序暂行条例》",
    "《中华人民共和国行政复议法》",
    "《中华人民共和国土地管理法》",
    "《中华人民共和国安全生产法》",
    "习近平法治思想",
]
# Pre-meeting sessions per year: 2025 gives "全年开展会前学法12次".
STUDY_PLAN = {
    2025: {"pre_meeting": 12, "central_group": 4, "training": 2},
    2026: {"pre_meeting": 10, "central_group": 3, "training": 2},
}
LIAISONS_SHORT = {"下湾村": 2, "新华村": 2}  # two villages still below the target of 3
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
GIVEN = ["建华", "秀英", "国强", "丽娟", "志明", "海燕", "德胜", "春梅", "永福", "桂兰", "文杰", "小红"]


def _name(rng):
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def build(ctx: DemoContext) -> None:
    if not OutreachActivity.objects.filter(township=ctx.township).exists():
        rng = ctx.rng("education")
        departments = {d.name: d for d in Department.objects.filter(township=ctx.township)}
        _activities(ctx, rng, departments)
        _study(ctx, rng)
        _exams(ctx)
        _liaisons(ctx, rng)
        _points(ctx, rng)
        for name, level, year in (
            ("青山村", ModelVillage.Level.PROVINCE, 2021),
            ("石桥村", ModelVillage.Level.CITY, 2023),
            ("青山社区", ModelVillage.Level.COUNTY, 2025),
        ):
            village = next(v for v in ctx.villages if v.name == name)
            ModelVillage.objects.create(township=ctx.township, village=village, level=level, year=year)
    for i, other in enumerate(ctx.other_townships):
        if not OutreachActivity.objects.filter(township=other).exists():
            _lighter(ctx, other, i)


def _campaign(title, theme, form) -> str:
    """The series a planned activity belongs to, as the clerk would tag it."""
    if "开学第一堂" in title:
        return A.Campaign.SCHOOL_TERM
    if theme == A.Theme.CIVIL_CODE and form == A.Form.LECTURE:
        return A.Campaign.CIVIL_CODE_LECTURE
    if form == A.Form.CAMPAIGN:
        return A.Campaign.MONTHLY
    return ""


def _activities(ctx, rng, departments):
    villages = [v for v in ctx.villages]
    user = ctx.users[Role.JUDICIAL]
    for year in (2025, 2026):
        created = []
        for month, day, title, theme, form, venue, department in PLAN:
            date = dt.date(year, month, day)
            if date > ctx.today:
                continue
            themed_day, _ = calendar.suggest(date)
            village = rng.choice(villages) if venue in (A.Venue.VILLAGE, A.Venue.COMMUNITY) else None
            created.append(
                A.objects.create(
                    township=ctx.township,
                    village=village,
                    date=date,
                    title=title,
                    theme=theme,
                    themed_day=themed_day,
                    form=form,
                    campaign=_campaign(title, theme, form),
                    venue=venue,
                    department=departments.get(department),
                    location=f"{village.name}文化礼堂" if village else "镇政府大会议室",
                    materials=rng.randint(80, 200),
                    banners=rng.randint(2, 4),
                    led_screens=rng.randint(0, 3),
                    broadcasts=rng.randint(0, 10) if venue == A.Venue.VILLAGE else 0,
                    questions=rng.randint(0, 6),
                    people_reached=rng.randint(60, 400),
                    summary=f"{title}，现场发放宣传资料、解答群众法律咨询。",
                    created_by=user,
                    updated_by=user,
                )
            )
        if year == 2025:
            # Scale the year's totals to what the 2025 report says (3000余份, 70余条); the last one takes the remainder.
            for field, wanted in (("materials", 3046), ("banners", 74)):
                raw = sum(getattr(a, field) for a in created)
                for a in created[:-1]:
                    setattr(a, field, max(1, getattr(a, field) * wanted // raw))
                setattr(created[-1], field, wanted - sum(getattr(a, field) for a in created[:-1]))
            A.objects.bulk_update(created, ["materials", "banners"])
    # A village cadre's own entries for 青山村.
    cadre, village = ctx.users[Role.VILLAGE], ctx.villages[0]
    for date in (dt.date(2026, 3, 14), dt.date(2026, 6, 25), dt.date(2026, 9, 30)):
        themed_day, theme = calendar.suggest(date)
        A.objects.create(
            township=ctx.township,
            village=village,
            date=date,
            title=f"{village.name}普法宣传进院坝",
            theme=theme or A.Theme.CIVIL_CODE,
            themed_day=themed_day,
            form=A.Form.DOOR,
            venue=A.Venue.VILLAGE,
            location=f"{village.name}村委会",
            materials=60,
            banners=1,
            people_reached=85,
            questions=4,
            created_by=cadre,
            updated_by=cadre,
        )


def _study(ctx, rng):
    attendees = [ctx.people[n] for n in LEADERS if n in ctx.people]
    lecturers = {"pre_meeting": "周建国", "central_group": "周建国", "training": "杨明律师"}
    for year, plan in STUDY_PLAN.items():
        for kind, n in plan.items():
            for i in range(n):
                month = 1 + (i * 12) // n
                date = dt.date(year, month, 8 + rng.randint(0, 18))
                if date > ctx.today:
                    continue
                laws = rng.sample(LAWS, 2)
                session = StudySession.objects.create(
                    township=ctx.township,
                    date=date,
                    kind=kind,
                    topic=f"学习{laws[0]}",
                    laws="\n".join(laws),
                    lecturer=lecturers[kind],
                    participants=rng.randint(12, 20) if kind != "training" else rng.randint(50, 70),
                )
                session.attendees.set(attendees if kind != "pre_meeting" else attendees[:5])


def _exams(ctx):
    leaders = [ctx.people[n] for n in LEADERS if n in ctx.people]
    for date, title, expected, participants, passed in (
        (dt.date(2025, 11, 20), "2025年度镇机关工作人员法治理论考试", 63, 63, 63),
        (dt.date(2026, 6, 18), "2026年新提任领导干部任前法治理论考试", 8, 8, 8),
        (dt.date(2026, 11, 12), "2026年度镇机关工作人员法治理论考试", 64, 63, 61),
    ):
        if date > ctx.today:
            continue
        exam = Exam.objects.create(
            township=ctx.township,
            date=date,
            title=title,
            expected=expected,
            participants=participants,
            passed=passed,
        )
        if "机关工作人员" in title:
            for i, person in enumerate(leaders):
                ExamResult.objects.create(exam=exam, person=person, score=96 - i * 2, passed=True)


def _liaisons(ctx, rng):
    groups = list(LegalLiaison.Group)
    for village in ctx.villages:
        for i in range(LIAISONS_SHORT.get(village.name, 3 + rng.randint(0, 2))):
            LegalLiaison.objects.create(
                township=ctx.township,
                village=village,
                name=_name(rng),
                group=groups[(i * 3) % len(groups)],
                phone=f"13{rng.randint(100000000, 999999999)}",
                appointed_on=dt.date(2022 + i % 3, 3, 1),
            )


def _points(ctx, rng):
    village = ctx.villages[0]
    reasons = [
        ("参加普法讲座", 5),
        ("参加法治知识竞答获奖", 10),
        ("协助调解邻里纠纷", 8),
        ("违规焚烧秸秆", -5),
    ]
    for month in range(1, 11):
        reason, points = rng.choice(reasons)
        PointsEntry.objects.create(
            township=ctx.township,
            village=village,
            date=dt.date(2026, month, 10),
            resident=_name(rng),
            reason=reason,
            points=points,
        )


def _lighter(ctx, township, i):
    """Fewer records, so the county comparison has something to compare."""
    for year in (2025, 2026):
        for n in range(6 + i * 2):
            date = dt.date(year, 1 + n, 12)
            if date > ctx.today:
                continue
            A.objects.create(
                township=township,
                date=date,
                title=f"{township.name}法治宣传活动",
                theme=A.Theme.CIVIL_CODE,
                venue=list(A.Venue)[n % 7],
                materials=150 + 20 * n,
                banners=2,
                people_reached=200,
            )
        for n in range(6 + i * 3):
            if dt.date(year, 1 + n, 15) > ctx.today:
                continue
            StudySession.objects.create(
                township=township,
                date=dt.date(year, 1 + n, 15),
                kind=StudySession.Kind.PRE_MEETING,
                topic="会前学法",
                laws="《中华人民共和国民法典》",
                participants=15,
            )
        Exam.objects.create(
            township=township,
            date=dt.date(year, 6, 20),
            title=f"{year}年度法治理论考试",
            expected=40 + i * 10,
            participants=38 + i * 10,
            passed=36 + i * 10,
        )
    for village in township.children.all():
        for n in range(2 + i % 2):
            LegalLiaison.objects.create(
                township=township,
                village=village,
                name=f"{village.name[:2]}明白人{n + 1}",
                appointed_on=dt.date(2023, 5, 1),
            )
