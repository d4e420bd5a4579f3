"""Demo reconsideration and litigation cases (1–3 a year), stability risk assessments and the watch list."""

import datetime as dt

from fazhi.core.demo import DemoContext
from fazhi.core.roles import Role
from fazhi.core.services import save_record
from fazhi.litigation.actions import file_case
from fazhi.litigation.models import Hearing, LitigationCase, RiskArea, RiskAssessment, RiskReview


def build(ctx: DemoContext) -> None:
    if LitigationCase.objects.filter(township=ctx.township).exists():
        return
    user = ctx.users[Role.OFFICE]
    t, people = ctx.township, ctx.people

    def save(record):
        if isinstance(record, LitigationCase):  # through its action, like every other creator
            return file_case(record, user, reason="演示数据")
        return save_record(record, user, reason="演示数据")

    c1 = save(
        LitigationCase(
            township=t,
            case_no="江府复〔2025〕12号",
            kind="reconsideration",
            stage="review",
            organ="江源县人民政府",
            applicant="石桥村村民吴某某",
            subject="青山镇人民政府作出的政府信息公开答复",
            copy_received=dt.date(2025, 3, 10),
            answered_on=dt.date(2025, 3, 19),
            state="closed",
            outcome="upheld",
            decided_on=dt.date(2025, 5, 6),
        )
    )
    c2 = save(
        LitigationCase(
            township=t,
            case_no="（2025）江0121行初8号",
            kind="litigation",
            stage="first",
            organ="江源县人民法院",
            applicant="王某某",
            subject="青山镇人民政府限期拆除违法建筑决定",
            copy_received=dt.date(2025, 6, 3),
            answered_on=dt.date(2025, 6, 16),
            state="closed",
            outcome="revoked",
            decided_on=dt.date(2025, 9, 12),
            judgment_executed=True,
            executed_on=dt.date(2025, 10, 20),
            risk_analysis="败诉原因为未依法履行告知程序；已完善执法程序并组织执法人员专题培训。",
        )
    )
    c3 = save(
        LitigationCase(
            township=t,
            case_no="（2026）江0121行初21号",
            kind="litigation",
            stage="first",
            organ="江源县人民法院",
            applicant="江源县宏达建材有限公司",
            subject="青山镇人民政府责令停止违法采砂行为",
            copy_received=dt.date(2026, 7, 6),
            answered_on=dt.date(2026, 7, 17),
            state="answered",
        )
    )
    save(
        LitigationCase(
            township=t,
            case_no="江府复〔2026〕37号",
            kind="reconsideration",
            stage="review",
            organ="江源县人民政府",
            applicant="柳塘村村民赵某某",
            subject="青山镇人民政府不予受理宅基地申请的决定",
            copy_received=ctx.today - dt.timedelta(days=5),
        )
    )
    for case, date, head in (
        (c1, dt.date(2025, 4, 15), True),
        (c2, dt.date(2025, 7, 22), True),
        (c3, dt.date(2026, 9, 9), True),
    ):
        save(
            Hearing(
                township=t,
                case=case,
                date=date,
                head_appeared=head,
                appeared=people["李文华"],
                appeared_title="镇长",
            )
        )
    save(
        Hearing(
            township=t,
            case=c3,
            date=dt.date(2026, 10, 28),
            head_appeared=False,
            substitute="陈思远（司法所所长）",
            excuse="镇长参加县委全会（不可替代公务），已提交书面说明",
        )
    )

    for title, subject, date, level, conclusion in (
        ("青山集镇老街改造项目", "project", dt.date(2025, 3, 18), "medium", "measures"),
        ("柳塘村土地流转规模经营项目", "project", dt.date(2025, 6, 9), "low", "go"),
        ("青山镇农村生活垃圾收费办法", "decision", dt.date(2025, 11, 4), "medium", "measures"),
        ("龙泉村光伏电站建设项目", "project", dt.date(2026, 4, 21), "high", "postpone"),
        ("青山镇村级集体经济组织收益分配指导意见", "policy", dt.date(2026, 8, 13), "low", "go"),
    ):
        save(
            RiskAssessment(
                township=t,
                title=title,
                subject=subject,
                assessed_on=date,
                assessor="镇平安办、司法所、第三方评估机构",
                methods="问卷调查、入户走访、座谈会、专家论证",
                risk_level=level,
                risks="群众对补偿标准和实施进度存在不同意见，可能引发集体上访。",
                measures="公开补偿标准，设立咨询点，包村干部逐户做好解释工作，制定应急处置预案。",
                conclusion=conclusion,
            )
        )

    for name, domain, village, person in (
        ("集镇老街改造征收补偿", "land", None, "钱晓燕"),
        ("工业园区企业欠薪", "labour", None, "马骏"),
        ("龙泉村光伏项目用地", "land", 6, "张卫东"),
        ("非法集资及养老诈骗", "finance", None, "马骏"),
        ("石桥村宗族山林权属争议", "community", 1, "陈思远"),
        ("采砂场安全生产", "safety", None, "赵刚"),
    ):
        area = save(
            RiskArea(
                township=t,
                name=name,
                domain=domain,
                village=ctx.villages[village] if village is not None else None,
                responsible=people[person],
                level="medium",
                measures="落实专人包保，定期走访研判，动态更新台账。",
                listed_on=dt.date(2025, 1, 10),
                review_months=3,
            )
        )
        for date in (
            dt.date(2025, 4, 10),
            dt.date(2025, 7, 10),
            dt.date(2025, 10, 10),
            dt.date(2026, 1, 10),
            dt.date(2026, 4, 10),
            dt.date(2026, 7, 10),
            dt.date(2026, 10, 10),
        ):
            save(
                RiskReview(
                    township=t,
                    area=area,
                    date=date,
                    level="medium" if date.year == 2025 else "low",
                    findings="形势总体平稳，未发现新的不稳定因素。",
                )
            )

    for other in ctx.other_townships[:2]:
        save(
            LitigationCase(
                township=other,
                case_no=f"江府复〔2026〕{other.pk}号",
                kind="reconsideration",
                stage="review",
                organ="江源县人民政府",
                applicant="申请人某某",
                subject="行政处罚决定",
                copy_received=dt.date(2026, 5, 11),
                answered_on=dt.date(2026, 5, 20),
                state="closed",
                outcome="upheld",
                decided_on=dt.date(2026, 7, 1),
            )
        )
        save(
            RiskAssessment(
                township=other,
                title="集镇农贸市场改造项目",
                assessed_on=dt.date(2026, 3, 2),
                assessor="镇平安办",
                risk_level="low",
                risks="摊位调整可能引发经营户不满",
                measures="提前公示方案",
                conclusion="go",
            )
        )
