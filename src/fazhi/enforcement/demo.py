"""Demo enforcement data for 青山镇: 2025 in full and 2026 to date (see fazhi.core.demo).

The catalogue has 行政处罚12项、行政强制5项、行政检查28项 (45 in all), as in the sample report; the 2025
joint operations add up to "共查车辆400余辆，劝导人数500余人，其中超载4起，未戴头盔14起", and the
2025 safety inspections to 154 hazards. Cases are replayed through the workflow (guards and all), so
every closed case carries its full-process record.
"""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.roles import Role
from fazhi.core.services import save_record
from fazhi.core.views import attach
from fazhi.enforcement.actions import evaluate_case, open_case
from fazhi.enforcement.demo_data import (
    ASSIGNED_BY,
    ASSIGNMENT_DOC,
    COERCIONS,
    INSPECTION_SUBJECTS,
    OFFICER_NAMES,
    PARTIES,
    PUNISHMENTS,
)
from fazhi.enforcement.models import (
    CaseEvaluation,
    Domain,
    EnforcementCase,
    EnforcementItem,
    EnforcementOfficer,
    ExcludedPeriod,
    Inspection,
    JointOperation,
)
from fazhi.enforcement.violations import set_violations
from fazhi.enforcement.workflows import RECORD_STEPS, workflow

C = EnforcementItem.Category
SOURCES = list(EnforcementCase.Source.values)
DOC = b"%PDF-1.4\n% fazhi demo document\n"
PHOTO = b"\xff\xd8\xff\xe0 fazhi demo photo"


def build(ctx):
    township = ctx.township
    if EnforcementItem.objects.filter(township=township).exists():
        return
    rng = ctx.rng("enforcement")
    user = ctx.users[Role.ENFORCEMENT]
    items = _catalogue(township, user)
    officers = _officers(township, user, ctx)
    _cases(ctx, rng, user, items, officers)
    _inspections(ctx, rng, user, items, officers)
    _joint_operations(ctx, rng, user)
    for other in ctx.other_townships:
        _light(other, rng, user)


def _item(township, user, code, name, category, domain, basis, published_on=dt.date(2025, 3, 1)):
    return save_record(
        EnforcementItem(
            township=township,
            code=code,
            name=name,
            category=category,
            domain=domain,
            legal_basis=basis,
            assigned_by=ASSIGNED_BY if category != C.INSPECTION else "",
            assignment_document=ASSIGNMENT_DOC if category != C.INSPECTION else "",
            published=True,
            published_on=published_on,
        ),
        user,
        reason="演示数据",
    )


def _inspection_item(township, user, code, subject, domain, basis):
    return _item(township, user, code, f"对{subject}的行政检查", C.INSPECTION, domain, basis)


def _catalogue(township, user):
    items = []
    prefix = township.code[:9] or "990121101"
    for i, (name, domain, basis) in enumerate(PUNISHMENTS, start=1):
        items.append(_item(township, user, f"{prefix}-CF{i:03d}", name, C.PUNISHMENT, domain, basis))
    for i, (name, domain, basis) in enumerate(COERCIONS, start=1):
        items.append(_item(township, user, f"{prefix}-QZ{i:03d}", name, C.COERCION, domain, basis))
    for i, (subject, domain) in enumerate(INSPECTION_SUBJECTS, start=1):
        basis = "《中华人民共和国行政处罚法》第五十四条；相关领域法律法规"
        items.append(_inspection_item(township, user, f"{prefix}-JC{i:03d}", subject, domain, basis))
    return items


def _officers(township, user, ctx):
    officers = []
    fields = [Domain.CITY, Domain.LAND, Domain.SAFETY, Domain.MARKET, Domain.ENVIRONMENT, Domain.TRAFFIC]
    for i, name in enumerate(OFFICER_NAMES):
        valid_until = dt.date(2027 + i % 3, 6 + i % 6, 1 + i)
        if i == 3:
            valid_until = ctx.today + dt.timedelta(days=40)  # within the 60-day reminder
        if i == 4:
            valid_until = dt.date(2026, 8, 31)  # expired: may no longer act
        officer = EnforcementOfficer(
            township=township,
            name=name,
            person=ctx.people.get(name),
            certificate_no="" if i == 21 else f"江{330000 + i * 137:06d}",
            issuing_province="江南省人民政府",
            field=fields[i % len(fields)],
            valid_from=dt.date(2021 + i % 3, 7, 1),
            valid_until=valid_until,
            training_hours=72 - i * 2,
            exam_year=2025,
            exam_score=95 - i,
            exam_passed=True,
            active=i < 19,
            # Three of the brigade seconded by the county, two hired; the one without a card applied.
            origin=EnforcementOfficer.Origin.SECONDED
            if i in (1, 6, 11)
            else EnforcementOfficer.Origin.HIRED
            if i in (15, 17)
            else EnforcementOfficer.Origin.STAFF,
            certificate_applied_on=dt.date(2025, 9, 10) if i == 21 else None,
        )
        officers.append(save_record(officer, user, reason="演示数据"))
    return officers


def _upload(case, user, step, kind):
    content, suffix = (DOC, "pdf") if kind == "doc" else (PHOTO, "jpg")
    label = dict(RECORD_STEPS)[step]
    attach(
        case,
        SimpleUploadedFile(
            f"{case.number}-{label}-{'文书' if kind == 'doc' else '现场照片'}.{suffix}", content
        ),
        user,
        step=label,
        kind=kind,
    )


# How far each case gets, by the age of its discovery (days before today).
def _target(age, rng):
    if age > 150:
        return "closed" if rng.random() < 0.88 else rng.choice(["dropped", "executing"])
    if age > 60:
        return rng.choice(["closed", "closed", "served", "executing", "decided"])
    if age > 20:
        return rng.choice(["notified", "investigating", "reviewing", "decided"])
    return rng.choice(["discovered", "filed", "investigating"])


ORDER = [
    "discovered",
    "filed",
    "investigating",
    "notified",
    "reviewing",
    "decided",
    "served",
    "executing",
    "closed",
]
# The newest cases stand in every state of the procedure but the last, newest first.
LATEST = ["discovered", *ORDER[:-1]]


def _cases(ctx, rng, user, items, officers):
    from fazhi.reviews.models import LegalityReview
    from fazhi.reviews.services import complete_review, reviews_of

    township = ctx.township
    punishable = [i for i in items if i.category in (C.PUNISHMENT, C.COERCION)]
    valid = [o for o in officers if o.active and o.certificate_no and o.valid_until > ctx.today]
    start = dt.date(2025, 1, 6)
    span = (ctx.today - dt.timedelta(days=3) - start).days
    for n in range(56):
        discovered = start + dt.timedelta(days=int(span * n / 56) + rng.randint(0, 4))
        age = (ctx.today - discovered).days
        target = LATEST[55 - n] if n >= 56 - len(LATEST) else _target(age, rng)
        item = rng.choice(punishable)
        party = rng.choice(PARTIES)
        major = item.category == C.COERCION or rng.random() < 0.2 or target == "reviewing"
        case = open_case(
            EnforcementCase(
                township=township,
                village=rng.choice(ctx.villages),
                source=rng.choice(SOURCES),
                item=item,
                title=item.name.removeprefix("对")
                .removesuffix("的行政处罚")
                .removesuffix("的强制拆除")
                .removesuffix("的扣押")
                .removesuffix("的查封")[:60]
                or item.name,
                party=party,
                party_phone=f"13{rng.randint(100000000, 999999999)}",
                location=f"{rng.choice(ctx.villages).name}{rng.randint(1, 20)}组",
                facts=f"经现场检查，当事人{party}存在{item.name.removeprefix('对')[:30]}情形。",
                major=major,
                social_impact=rng.random() < 0.4,
                hearing_right=major and rng.random() < 0.5,
                discovered_on=discovered,
            ),
            user,
            reason="演示数据：发现线索",
        )
        case.officers.set(rng.sample(valid, 2 + (n % 2)))
        if target == "dropped":
            workflow.apply(case, "file", user, {"date": discovered + dt.timedelta(days=2)})
            workflow.apply(
                case,
                "drop",
                user,
                {"date": discovered + dt.timedelta(days=9), "note": "经调查违法事实不成立，撤销案件"},
            )
            continue
        day = discovered
        for state in ORDER[1 : ORDER.index(target) + 1]:
            if state == "reviewing" and not case.major:
                continue
            day += dt.timedelta(days=rng.randint(2, 8))
            day = min(day, ctx.today)
            if state == "decided":
                case.decision = f"根据{case.item.legal_basis}，责令当事人立即改正，并处罚款{rng.choice([500, 1000, 2000, 5000])}元。"
                case.fine = rng.choice([500, 1000, 2000, 5000])
                case.decision_no = f"青综执罚决字〔{day.year}〕{n + 1}号"
                if case.hearing_right:
                    case.hearing_requested_on = case.notified_on + dt.timedelta(days=2)
                    case.hearing_notice_on = case.hearing_requested_on + dt.timedelta(days=1)
                    case.hearing_on = case.hearing_notice_on + dt.timedelta(days=12)
                    ExcludedPeriod.objects.create(
                        case=case,
                        kind=ExcludedPeriod.Kind.HEARING,
                        start=case.hearing_on,
                        end=case.hearing_on + dt.timedelta(days=2),
                    )
                    day = max(day, case.hearing_on + dt.timedelta(days=4))
                save_record(case, user, reason="演示数据：拟作出决定")
                if case.major:
                    review = reviews_of(case).filter(state__in=LegalityReview.OPEN).first()
                    complete_review(
                        review,
                        ctx.users[Role.JUDICIAL],
                        conclusion=LegalityReview.Conclusion.LAWFUL,
                        on=day - dt.timedelta(days=1),
                    )
            if state == "closed":
                case.paid_on = case.served_on + dt.timedelta(days=rng.randint(3, 14))
            previous = case.state
            if previous in dict(RECORD_STEPS):
                _upload(case, user, previous, "doc")
                _upload(case, user, previous, "photo")
            name = {
                "filed": "file",
                "investigating": "investigate",
                "notified": "notify",
                "reviewing": "review",
                "decided": "decide",
                "served": "serve",
                "executing": "execute",
                "closed": "close",
            }[state]
            workflow.apply(case, name, user, {"date": day})
            case.refresh_from_db()
        if case.state == "closed" and n % 3 == 0:
            _evaluate(case, rng, user, case.closed_on + dt.timedelta(days=20))
    # One published decision was later revoked (its publicity must be withdrawn within 3 working days).
    published = (
        EnforcementCase.objects.filter(township=township, public_entries__isnull=False)
        .order_by("-decided_on")
        .first()
    )
    if published is not None:
        from fazhi.enforcement.services import revoke_decision

        revoke_decision(
            published, user, on=ctx.today - dt.timedelta(days=1), reason="县人民政府行政复议决定撤销"
        )


def _evaluate(case, rng, user, on):
    scores = {name: points - rng.choice([0, 0, 1, 2, 3]) for name, _, points in CaseEvaluation.CHECKLIST}
    evaluate_case(
        CaseEvaluation(
            township=case.township,
            case=case,
            evaluated_on=on,
            evaluator="县司法局案卷评查组",
            problems=rng.choice(["", "个别文书送达回证填写不完整。", "现场照片未标注拍摄时间。"]),
            **scores,
        ),
        user,
        reason="演示数据",
    )


def _inspections(ctx, rng, user, items, officers):
    township = ctx.township
    safety_items = [i for i in items if i.category == C.INSPECTION]
    # 2025 safety screening: 154 hazards across 14 inspections, all rectified.
    hazards = [11, 9, 14, 12, 8, 16, 10, 13, 7, 12, 15, 9, 10, 8]
    assert sum(hazards) == 154
    for i, found in enumerate(hazards):
        day = dt.date(2025, 1 + i * 11 // 14, 8 + i % 18)
        inspection = save_record(
            Inspection(
                township=township,
                kind=Inspection.Kind.SAFETY,
                title=f"{day.month}月安全隐患排查（{ctx.villages[i % len(ctx.villages)].name}）",
                item=safety_items[i % 3],
                target="辖区生产经营单位、人员密集场所",
                village=ctx.villages[i % len(ctx.villages)],
                planned_on=day,
                done_on=day,
                result=f"排查发现安全隐患{found}处，已当场整改或责令限期整改。",
                hazards_found=found,
                hazards_rectified=found,
                rectify_by=day + dt.timedelta(days=30),
            ),
            user,
            reason="演示数据",
        )
        inspection.officers.set(rng.sample(officers[:18], 2))
    kinds = [Inspection.Kind.ROUTINE, Inspection.Kind.SPECIAL, Inspection.Kind.RANDOM]
    for i in range(18):
        day = dt.date(2025, 1, 15) + dt.timedelta(days=i * 37)
        done = day <= ctx.today - dt.timedelta(days=5)
        found = rng.randint(0, 6) if done and day.year == 2026 else 0
        item = safety_items[3 + i % (len(safety_items) - 3)]
        save_record(
            Inspection(
                township=township,
                kind=kinds[i % 3],
                title=f"{item.name.removeprefix('对').removesuffix('的行政检查')}检查",
                item=item,
                target=item.name.removeprefix("对").removesuffix("的行政检查"),
                planned_on=day,
                done_on=day if done else None,
                result="未发现违法行为。"
                if done and not found
                else (f"发现问题{found}处，已责令整改。" if done else ""),
                hazards_found=found,
                rectify_by=day + dt.timedelta(days=20) if found else None,
                # Older hazards are rectified; the latest ones are still within (or just past) their deadline.
                hazards_rectified=found if day < ctx.today - dt.timedelta(days=60) else found // 2,
            ),
            user,
            reason="演示数据",
        )


def _joint_operations(ctx, rng, user):
    # 2025: vehicles 437, people cautioned 528, overload 4, no helmet 14 (the sample report's sentence).
    rows_2025 = [
        (dt.date(2025, 1, 20), 38, 45, 1, 2),
        (dt.date(2025, 2, 12), 35, 41, 0, 1),
        (dt.date(2025, 3, 18), 41, 50, 1, 1),
        (dt.date(2025, 4, 22), 36, 44, 0, 2),
        (dt.date(2025, 5, 27), 33, 39, 0, 1),
        (dt.date(2025, 6, 24), 40, 47, 1, 1),
        (dt.date(2025, 7, 22), 34, 42, 0, 1),
        (dt.date(2025, 8, 26), 37, 46, 0, 2),
        (dt.date(2025, 9, 23), 36, 43, 0, 1),
        (dt.date(2025, 10, 28), 35, 44, 1, 0),
        (dt.date(2025, 11, 25), 36, 43, 0, 1),
        (dt.date(2025, 12, 23), 36, 44, 0, 1),
    ]
    rows_2026 = [
        (dt.date(2026, m, 21), rng.randint(30, 42), rng.randint(36, 50), rng.randint(0, 1), rng.randint(0, 3))
        for m in range(1, 11)
    ]
    for date, vehicles, people, overload, helmet in rows_2025 + rows_2026:
        five = date.month % 2 == 1
        operation = save_record(
            JointOperation(
                township=ctx.township,
                kind=JointOperation.Kind.FIVE if five else JointOperation.Kind.THREE,
                title=f"{date.year}年{date.month}月道路交通安全{'五' if five else '三'}联动集中整治",
                date=date,
                units="青山派出所、县交警大队青山中队、县运管所、镇综合行政执法大队、各村(社区)"
                if five
                else "青山派出所、镇综合行政执法大队、各村(社区)",
                location="国道G320青山段、镇区主干道",
                vehicles_checked=vehicles,
                people_cautioned=people,
                summary="开展道路交通安全集中整治，对未戴头盔、超载等违法行为当场劝导纠正。",
            ),
            user,
            reason="演示数据",
        )
        passengers = rng.randint(0, 2) if date.year > 2025 else 0
        set_violations(
            operation, {"overload": overload, "no_helmet": helmet, "illegal_passengers": passengers}
        )


def _light(township, rng, user):
    if EnforcementItem.objects.filter(township=township).exists():
        return
    prefix = township.code[:9] or str(township.pk)
    for i, (name, domain, basis) in enumerate(PUNISHMENTS[: 6 + township.pk % 4], start=1):
        _item(township, user, f"{prefix}-CF{i:03d}", name, C.PUNISHMENT, domain, basis)
    for i, (subject, domain) in enumerate(INSPECTION_SUBJECTS[: 10 + township.pk % 6], start=1):
        _inspection_item(township, user, f"{prefix}-JC{i:03d}", subject, domain, "相关领域法律法规")
    for i in range(6 + township.pk % 5):
        save_record(
            EnforcementOfficer(
                township=township,
                name=f"{township.name[:2]}执法员{i + 1}",
                certificate_no=f"江{440000 + township.pk * 50 + i:06d}",
                field=Domain.CITY,
                valid_from=dt.date(2022, 1, 1),
                valid_until=dt.date(2026 + i % 3, 12, 31),
                training_hours=40 + i * 5,
                active=True,
            ),
            user,
            reason="演示数据",
        )
    for m in (3, 6, 9):
        operation = save_record(
            JointOperation(
                township=township,
                kind=JointOperation.Kind.THREE,
                title=f"2025年{m}月道路交通安全三联动",
                date=dt.date(2025, m, 15),
                units="派出所、执法大队、村(社区)",
                vehicles_checked=rng.randint(20, 40),
                people_cautioned=rng.randint(20, 50),
            ),
            user,
            reason="演示数据",
        )
        set_violations(operation, {"no_helmet": rng.randint(0, 5)})
