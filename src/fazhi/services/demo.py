"""Demo legal services, disclosure and accountability for 青山镇 (2025 in full, 2026 to date), lighter elsewhere.

2025 matches the sample reports: 主动公开信息156条; 解答群众法律援助咨询75件; 打造宪法宣传教育广场1处.
"""

import datetime as dt

from simple_history.utils import bulk_create_with_history

from fazhi.core.demo import DemoContext
from fazhi.core.roles import Role
from fazhi.org.models import LegalAdvisor
from fazhi.services import models as m
from fazhi.services.actions import receive_request
from fazhi.services.workflows import DISCLOSURE

DISCLOSURES_PER_YEAR = {2025: 156, 2026: 131}
LEGAL_AID_PER_YEAR = {2025: 75, 2026: 61}
ITEM_DOMAINS = [
    ("社会救助", 28),
    ("社会保障", 34),
    ("就业服务", 16),
    ("医疗卫生", 22),
    ("文化教育", 14),
    ("城乡低保", 12),
    ("自然资源", 18),
    ("农业农村", 26),
    ("民政事务", 20),
    ("户籍证明", 10),
]  # 200 items
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["建国", "秀兰", "志强", "桂芳", "德华", "玉梅", "永强", "春燕", "海涛", "金凤"]


def _date(rng, year, today):
    """A day of `year`, never after the demo's today (so 2026 runs from January to date)."""
    start, end = dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def build(ctx: DemoContext) -> None:
    if not m.DisclosureItem.objects.filter(township=ctx.township).exists():
        rng = ctx.rng("services")
        _advisors(ctx, rng)
        _village_rules(ctx)
        _points_and_items(ctx)
        _legal_aid(ctx, rng)
        _disclosure(ctx, rng)
        _accountability(ctx, rng)
    for i, other in enumerate(ctx.other_townships):
        if not m.DisclosureItem.objects.filter(township=other).exists():
            _lighter(ctx, other, i)


def _advisors(ctx, rng):
    kinds = list(m.AdvisorWork.Kind)
    weights = [30, 12, 4, 10, 4, 6, 6, 2, 2]
    for advisor in LegalAdvisor.objects.filter(township=ctx.township).prefetch_related("villages"):
        villages = list(advisor.villages.all())
        for year, n in ((2025, 40), (2026, 34)):
            rows = []
            for _ in range(n):
                kind = rng.choices(kinds, weights)[0]
                village = rng.choice(villages) if villages else None
                subject = {
                    "contract": "村集体土地租赁合同",
                    "health_check": "茶叶加工企业",
                    "meeting": "村“两委”联席会议",
                    "village_rule": "村规民约修订稿",
                }.get(kind, "村民法律咨询")
                rows.append(
                    m.AdvisorWork(
                        township=ctx.township,
                        village=village,
                        advisor=advisor,
                        date=_date(rng, year, ctx.today),
                        kind=kind,
                        quantity=rng.randint(1, 4) if kind == "consultation" else 1,
                        subject=f"{village.name if village else '镇政府'}{subject}",
                        summary="已出具法律意见。",
                        created_by=advisor.user,
                        updated_by=advisor.user,
                    )
                )
            bulk_create_with_history(rows, m.AdvisorWork)
        grade, score = (
            (m.AdvisorAssessment.Grade.EXCELLENT, 95)
            if advisor.serves_township
            else (m.AdvisorAssessment.Grade.GOOD, 88)
        )
        m.AdvisorAssessment.objects.create(
            township=ctx.township,
            advisor=advisor,
            year=2025,
            score=score - rng.randint(0, 3),
            grade=grade,
            comments="服务及时，意见专业，村民满意度高。",
        )


def _village_rules(ctx):
    reviewer = LegalAdvisor.objects.filter(township=ctx.township, serves_township=True).first()
    S = m.VillageRule.State
    for i, village in enumerate(ctx.villages):
        adopted = dt.date(2025, 3, 10 + i)
        m.VillageRule.objects.create(
            township=ctx.township,
            village=village,
            title=f"{village.name}村规民约（2025年修订）",
            adopted_on=adopted,
            filed_on=adopted + dt.timedelta(days=5 + (i % 4)),
            reviewed_on=adopted + dt.timedelta(days=20),
            reviewer=reviewer,
            opinion="内容合法，程序规范，准予备案。",
            state=S.APPROVED,
        )
    # 2026 amendments still under way: one filed and waiting for review, one adopted and not yet filed.
    for village, title, adopted_ago, filed_ago, state in (
        (ctx.villages[1], "红白喜事简办约定", 20, 12, S.FILED),
        (ctx.villages[0], "人居环境整治公约", 6, None, S.ADOPTED),
    ):
        m.VillageRule.objects.create(
            township=ctx.township,
            village=village,
            title=f"{village.name}{title}",
            adopted_on=ctx.today - dt.timedelta(days=adopted_ago),
            filed_on=ctx.today - dt.timedelta(days=filed_ago) if filed_ago else None,
            state=state,
        )


def _points_and_items(ctx):
    P = m.ServicePoint.Kind
    points = [
        m.ServicePoint(
            township=ctx.township,
            name="青山镇公共法律服务工作站",
            kind=P.LEGAL_STATION,
            staff=3,
            opened_on=dt.date(2019, 6, 1),
            hours="工作日 8:30-17:30",
        ),
        m.ServicePoint(
            township=ctx.township,
            name="青山镇便民服务中心",
            kind=P.SERVICE_CENTRE,
            staff=10,
            proxy_team=12,
            demonstration="市级示范便民服务中心",
            opened_on=dt.date(2018, 1, 1),
            hours="工作日 8:30-17:30",
        ),
    ]
    for i, village in enumerate(ctx.villages):
        points.append(
            m.ServicePoint(
                township=ctx.township,
                village=village,
                name=f"{village.name}公共法律服务工作室",
                kind=P.LEGAL_ROOM,
                staff=1,
            )
        )
        points.append(
            m.ServicePoint(
                township=ctx.township,
                village=village,
                name=f"{village.name}便民服务室",
                kind=P.SERVICE_ROOM,
                staff=2,
                proxy_team=3,
                demonstration="市级示范便民服务室" if i != 11 else "",
            )
        )
    bulk_create_with_history(points, m.ServicePoint)
    items, n = [], 0
    for domain, count in ITEM_DOMAINS:
        for j in range(count):
            n += 1
            items.append(
                m.ServiceItem(
                    township=ctx.township,
                    name=f"{domain}事项{j + 1:02d}",
                    domain=domain,
                    place=m.ServiceItem.Place.VILLAGE if n % 5 == 0 else m.ServiceItem.Place.CENTRE,
                    online=n % 4 != 0,
                    proxy=n % 3 == 0,
                )
            )
    bulk_create_with_history(items, m.ServiceItem)


def _legal_aid(ctx, rng):
    matters = list(m.LegalAidConsultation.Matter)
    rows = []
    for year, n in LEGAL_AID_PER_YEAR.items():
        for _ in range(n):
            matter = rng.choice(matters)
            rows.append(
                m.LegalAidConsultation(
                    township=ctx.township,
                    village=rng.choice(ctx.villages),
                    date=_date(rng, year, ctx.today),
                    applicant=rng.choice(SURNAMES) + rng.choice(GIVEN),
                    phone=f"13{rng.randint(100000000, 999999999)}",
                    matter=matter,
                    question=f"咨询{matter.label}问题",
                    answer="已解答，告知维权途径。",
                    referred=rng.random() < 0.15,
                )
            )
    bulk_create_with_history(rows, m.LegalAidConsultation)


def _disclosure(ctx, rng):
    C = m.DisclosureItem.Category
    categories = list(C)
    channels = list(m.DisclosureItem.Channel)
    rows = []
    for year, n in DISCLOSURES_PER_YEAR.items():
        for i in range(n):
            category = categories[i % len(categories)]
            rows.append(
                m.DisclosureItem(
                    township=ctx.township,
                    title=f"青山镇{year}年{category.label}信息公开（第{i + 1}期）",
                    published_on=_date(rng, year, ctx.today),
                    channel=channels[i % 4],
                    category=category,
                )
            )
    bulk_create_with_history(rows, m.DisclosureItem)
    office = ctx.users[Role.OFFICE]
    Reply = m.DisclosureRequest.Reply
    # (received, replied after n days or None, extended, reply type)
    plan = [
        (dt.date(2025, 3, 3), 12, False, Reply.DISCLOSED),
        (dt.date(2025, 4, 21), 18, False, Reply.ALREADY_PUBLIC),
        (dt.date(2025, 6, 9), 25, True, Reply.PARTLY),
        (dt.date(2025, 8, 18), 9, False, Reply.NOT_HELD),
        (dt.date(2025, 9, 22), 45, False, Reply.DISCLOSED),  # late: after 20 working days, not extended
        (dt.date(2025, 11, 10), 14, False, Reply.OTHER_ORGAN),
        (dt.date(2026, 2, 9), 15, False, Reply.DISCLOSED),
        (dt.date(2026, 5, 11), 20, False, Reply.REFUSED),
        (dt.date(2026, 9, 14), 30, True, Reply.DISCLOSED),
        (ctx.today - dt.timedelta(days=40), None, True, None),
        (ctx.today - dt.timedelta(days=24), None, False, None),
    ]
    for received, after, extended, reply in plan:
        request = m.DisclosureRequest(
            township=ctx.township,
            applicant=rng.choice(SURNAMES) + rng.choice(GIVEN),
            contact=f"13{rng.randint(100000000, 999999999)}",
            received_on=received,
            channel=rng.choice(list(m.DisclosureRequest.Channel)),
            content="申请公开本村土地征收补偿安置方案及补偿标准。",
        )
        receive_request(request, office)
        if extended:  # decided on the day of receipt, within the first 20 working days
            note = "涉及多个部门，需会同核实，经负责人同意延期。"
            DISCLOSURE.apply(request, "extend", office, {"note": note, "on": received})
        if after is not None:
            request.reply, request.reply_text = reply, "已书面答复申请人。"
            request.replied_on = received + dt.timedelta(days=after)
            DISCLOSURE.apply(request, "reply", office, {"on": request.replied_on})


def _accountability(ctx, rng):
    secretary, head = ctx.people["周建国"], ctx.people["李文华"]
    K = m.DutyRecord.Kind
    subjects = {
        K.DEPLOY: "部署年度法治政府建设重点工作",
        K.ENQUIRE: "过问重大行政决策合法性审查情况",
        K.COORDINATE: "协调解决土地征收矛盾纠纷",
        K.SUPERVISE: "督办行政执法“三项制度”落实",
        K.MEETING: "主持召开专题会议研究法治政府建设年度工作要点",
        K.INSTRUCTION: "对信访积案化解作出批示",
    }
    rows = []
    for year in (2025, 2026):
        for person in (secretary, head):
            for kind, subject in subjects.items():
                for _ in range(2 if kind in (K.MEETING, K.DEPLOY) else 1):
                    rows.append(
                        m.DutyRecord(
                            township=ctx.township,
                            person=person,
                            date=_date(rng, year, ctx.today),
                            kind=kind,
                            subject=subject,
                            summary=f"{person.name}{kind.label}：{subject}。",
                        )
                    )
    bulk_create_with_history(rows, m.DutyRecord)
    for name in ("周建国", "李文华", "张卫东", "钱晓燕"):
        m.LawReport.objects.create(
            township=ctx.township,
            person=ctx.people[name],
            year=2025,
            date=dt.date(2026, 1, 20),
            content="一、个人学法守法情况；二、重大事项依法决策情况；三、履行推进法治建设职责情况；四、存在的不足。",
            rating=m.LawReport.Rating.EXCELLENT if name in ("周建国", "李文华") else m.LawReport.Rating.GOOD,
        )
    for date, section, text, quantity, unit in (
        (dt.date(2025, 12, 4), "法治宣传教育", "打造宪法宣传教育广场", 1, "处"),
        (dt.date(2025, 7, 1), "法治宣传教育", "建成村级法治文化长廊", 3, "条"),
        (dt.date(2026, 4, 15), "依法行政", "编印《青山镇依法行政工作手册》", 500, "册"),
        (dt.date(2026, 8, 1), "基层治理", "推行“法治网格”工作法", None, ""),
    ):
        m.Measure.objects.create(
            township=ctx.township, date=date, section=section, text=text, quantity=quantity, unit=unit
        )


def _lighter(ctx, township, i):
    rows = [
        m.DisclosureItem(
            township=township,
            title=f"{township.name}政府信息公开第{n + 1}期",
            published_on=dt.date(year, 1 + n % 11, 10),
            category=m.DisclosureItem.Category.RELIEF,
        )
        for year in (2025, 2026)
        for n in range(40 + 25 * i)
    ]
    bulk_create_with_history(rows, m.DisclosureItem)
    rows = [
        m.LegalAidConsultation(
            township=township, date=dt.date(year, 1 + n % 11, 5), applicant="村民", question="法律咨询"
        )
        for year in (2025, 2026)
        for n in range(20 + 10 * i)
    ]
    bulk_create_with_history(rows, m.LegalAidConsultation)
    items = [
        m.ServiceItem(township=township, name=f"便民服务事项{n + 1}", domain="综合", online=n % 3 != 0)
        for n in range(80 + 30 * i)
    ]
    bulk_create_with_history(items, m.ServiceItem)
