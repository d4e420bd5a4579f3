"""Demo disputes for 青山镇: committees and mediators, monthly screening in every village, and about
200 disputes in 2025 and 170 in 2026 to date, mostly settled at group or village level."""

import datetime as dt

from simple_history.utils import bulk_create_with_history

from fazhi.core.demo import DemoContext
from fazhi.core.roles import Role
from fazhi.disputes.models import Dispute, MediationCommittee, Mediator, MediatorTraining, ScreeningRound

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余"
GIVEN = "建国秀英桂兰明华玉梅国强志强春生海燕小红德胜永福金凤长林红霞文斌丽娟家宝月娥"
TYPES = [
    ("family", 22),
    ("neighbour", 30),
    ("land", 16),
    ("labour", 8),
    ("contract", 7),
    ("damages", 9),
    ("expropriation", 3),
    ("traffic", 3),
    ("other", 2),
]
SUMMARIES = {
    "family": "夫妻因家庭琐事及子女抚养问题发生争执",
    "neighbour": "相邻双方因排水沟、通行道路发生争执",
    "land": "双方因承包地界址不清发生权属争议",
    "labour": "务工人员与包工头因拖欠工资发生纠纷",
    "contract": "双方因房屋装修合同履行发生纠纷",
    "damages": "因饲养的家畜毁坏庄稼引发赔偿纠纷",
    "expropriation": "被征地户对青苗补偿标准有异议",
    "traffic": "农用车刮擦引发赔偿纠纷",
    "other": "因宅前屋后堆放杂物发生争执",
}


def person_name(rng) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))


def build(ctx: DemoContext) -> None:
    if Dispute.objects.filter(township=ctx.township).exists():
        return
    rng = ctx.rng("disputes")
    user = ctx.users[Role.MEDIATOR]
    town_committee, village_mediators = _committees(ctx, rng, user)
    town_mediators = list(town_committee.mediators.all())
    rounds = _screening(ctx, rng, user)
    disputes = []
    for year, total in ((2025, 204), (2026, 168)):
        last_day = dt.date(year, 12, 31) if year < ctx.today.year else ctx.today
        first = dt.date(year, 1, 1)
        for seq in range(1, total + 1):
            received = first + dt.timedelta(days=rng.randrange((last_day - first).days + 1))
            disputes.append(
                _dispute(ctx, rng, year, seq, received, town_mediators, village_mediators, rounds)
            )
    # Numbers follow the order of receipt within the year.
    disputes.sort(key=lambda d: (d.received, d.number))
    counters: dict[int, int] = {}
    for dispute in disputes:
        counters[dispute.received.year] = counters.get(dispute.received.year, 0) + 1
        dispute.number = f"JF{dispute.received.year}-{counters[dispute.received.year]:04d}"
    bulk_create_with_history(disputes, Dispute, default_user=user, default_change_reason="演示数据")
    _other_townships(ctx, rng)


def _committees(ctx, rng, user):
    town_committee = MediationCommittee(
        township=ctx.township,
        name=f"{ctx.township.name}人民调解委员会",
        level=MediationCommittee.Level.TOWNSHIP,
        term_start=dt.date(2024, 1, 8),
        chair="陈思远",
    )
    committees = [town_committee] + [
        MediationCommittee(
            township=ctx.township,
            village=v,
            name=f"{v.name}人民调解委员会",
            level=MediationCommittee.Level.VILLAGE,
            term_start=dt.date(2024, 3, 1) if i % 3 else dt.date(2025, 3, 1),
            chair=person_name(rng),
        )
        for i, v in enumerate(ctx.villages)
    ]
    bulk_create_with_history(committees, MediationCommittee, default_user=user)
    committees = list(MediationCommittee.objects.filter(township=ctx.township).order_by("id"))
    mediators = [
        Mediator(
            township=ctx.township,
            committee=committees[0],
            name=name,
            full_time=full,
            position=position,
            phone=f"1390000{i:04d}",
        )
        for i, (name, full, position) in enumerate(
            [
                ("陈思远", False, "主任"),
                ("刘德明", True, "专职调解员"),
                ("郑晓", True, "专职调解员"),
                ("马骏", False, "委员"),
                ("钱晓燕", False, "委员"),
            ]
        )
    ]
    village_mediators = {}
    for committee in committees[1:]:
        for n in range(rng.choice((3, 3, 4, 5))):
            mediators.append(
                Mediator(
                    township=ctx.township,
                    village=committee.village,
                    committee=committee,
                    name=person_name(rng),
                    position="主任" if n == 0 else "委员",
                    gender="f" if n == 2 else "m",
                    phone=f"138{rng.randrange(10**8):08d}",
                    appointed=committee.term_start,
                )
            )
    bulk_create_with_history(mediators, Mediator, default_user=user)
    for mediator in Mediator.objects.filter(
        township=ctx.township, committee__level=MediationCommittee.Level.VILLAGE
    ):
        village_mediators.setdefault(mediator.village_id, []).append(mediator)
    all_mediators = list(Mediator.objects.filter(township=ctx.township))
    for date, topic in (
        (dt.date(2025, 4, 18), "民法典婚姻家庭编与调解实务"),
        (dt.date(2025, 10, 22), "土地承包经营纠纷调处技巧"),
        (dt.date(2026, 5, 14), "人民调解协议书制作规范"),
        (dt.date(2026, 9, 24), "矛盾纠纷风险研判与民转刑预防"),
    ):
        training = MediatorTraining.objects.create(
            township=ctx.township, date=date, topic=topic, organiser="县司法局、镇司法所", hours=4
        )
        training.participants.set(rng.sample(all_mediators, k=len(all_mediators) * 3 // 4))
    return committees[0], village_mediators


def _screening(ctx, rng, user):
    rounds = []
    for year, months in ((2025, range(1, 13)), (2026, range(1, ctx.today.month + (ctx.today.day >= 25)))):
        for month in months:
            for village in ctx.villages:
                found = rng.choice((0, 0, 0, 1, 1, 2, 3))
                rounds.append(
                    ScreeningRound(
                        township=ctx.township,
                        village=village,
                        date=dt.date(year, month, 25),
                        screener=f"{village.name}调委会、网格员",
                        scope="全村各村民小组、重点人员、重点领域",
                        found=found,
                        notes="本月未发现矛盾纠纷，零上报。"
                        if found == 0
                        else f"发现矛盾纠纷{found}起，已登记调处。",
                    )
                )
    bulk_create_with_history(rounds, ScreeningRound, default_user=user)
    by_key: dict = {}
    for r in ScreeningRound.objects.filter(township=ctx.township, found__gt=0):
        by_key[(r.village_id, r.date.year, r.date.month)] = r
    return by_key


def _dispute(ctx, rng, year, seq, received, town_mediators, village_mediators, rounds):
    type_ = rng.choices([t for t, _ in TYPES], weights=[w for _, w in TYPES])[0]
    village = rng.choice(ctx.villages)
    level = rng.choices(["group", "village", "township"], weights=[34, 50, 16])[0]
    if type_ in ("expropriation", "labour") and level == "group":
        level = "township"
    mediator = (
        rng.choice(town_mediators) if level == "township" else rng.choice(village_mediators[village.id])
    )
    source = rng.choices(
        ["screening", "visit", "village", "referral", "petition", "police"], weights=[40, 25, 20, 5, 5, 5]
    )[0]
    age = (ctx.today - received).days
    record = Dispute(
        township=ctx.township,
        village=village,
        number=f"JF{year}-{seq:04d}",
        received=received,
        source=source,
        type=type_,
        parties=f"{person_name(rng)}、{person_name(rng)}",
        phone=f"13{rng.randrange(10**9):09d}",
        summary=SUMMARIES[type_],
        kind="administrative" if type_ in ("expropriation", "labour") else "people",
        mediator=mediator,
        screening=rounds.get((village.id, received.year, received.month)) if source == "screening" else None,
    )
    if age < 12 and rng.random() < 0.6:
        record.state = rng.choice([Dispute.State.REGISTERED, Dispute.State.MEDIATING])
        return record
    record.resolved_on = min(received + dt.timedelta(days=rng.randint(1, 20)), ctx.today)
    if rng.random() < 0.03:
        record.state = Dispute.State.FAILED
        record.outcome = rng.choice([Dispute.Outcome.COURT, Dispute.Outcome.PETITION])
        return record
    record.state, record.level = Dispute.State.SETTLED, level
    record.outcome = Dispute.Outcome.WRITTEN if rng.random() < 0.6 else Dispute.Outcome.ORAL
    record.agreement_date = record.resolved_on
    if record.outcome == Dispute.Outcome.WRITTEN and rng.random() < 0.12:
        record.confirmation_applied = record.agreement_date + dt.timedelta(days=rng.randint(2, 20))
        record.confirmation_result = "裁定调解协议有效"
        if record.confirmation_applied > ctx.today:
            record.confirmation_applied, record.confirmation_result = None, ""
    if rng.random() < 0.7 and record.resolved_on + dt.timedelta(days=30) < ctx.today:
        record.follow_up_date = record.resolved_on + dt.timedelta(days=rng.randint(15, 30))
        record.follow_up_note = "协议已履行，双方关系缓和"
    if rng.random() < 0.02:
        record.criminal_risk = True
        record.risk_note = "一方情绪激动扬言报复，已落实专人稳控并通报派出所"
    return record


def _other_townships(ctx, rng):
    """A lighter set so the county comparison has something to compare."""
    for other in ctx.other_townships:
        villages = list(other.children.all())
        committee = MediationCommittee.objects.create(
            township=other,
            name=f"{other.name}人民调解委员会",
            level=MediationCommittee.Level.TOWNSHIP,
            term_start=dt.date(2024, 1, 1),
        )
        mediators = [
            Mediator.objects.create(
                township=other, committee=committee, name=person_name(rng), full_time=i == 0
            )
            for i in range(3)
        ]
        disputes = []
        for year in (2025, 2026):
            end = dt.date(year, 12, 31) if year < ctx.today.year else ctx.today
            for seq in range(1, rng.randint(40, 90)):
                received = dt.date(year, 1, 1) + dt.timedelta(
                    days=rng.randrange((end - dt.date(year, 1, 1)).days + 1)
                )
                settled = rng.random() < 0.93
                disputes.append(
                    Dispute(
                        township=other,
                        village=rng.choice(villages),
                        number=f"JF{year}-{seq:04d}",
                        received=received,
                        type=rng.choice([t for t, _ in TYPES]),
                        parties=f"{person_name(rng)}、{person_name(rng)}",
                        summary="矛盾纠纷",
                        mediator=rng.choice(mediators),
                        state=Dispute.State.SETTLED if settled else Dispute.State.FAILED,
                        level=rng.choice(["group", "village", "township"]) if settled else "",
                        outcome=Dispute.Outcome.ORAL if settled else Dispute.Outcome.COURT,
                        agreement_date=received if settled else None,
                        resolved_on=received,
                    )
                )
        bulk_create_with_history(disputes, Dispute)
