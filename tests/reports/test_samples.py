"""Replays of the shared sample reports (shared/samples/reports): the records each report describes
are entered into a fresh township through the write service (core.services.save_record, and
enforcement.violations.set_violations for a joint operation's violations), its report is built, and
every listed fact of the sample appears in the generated text with the same number and unit."""

import datetime as dt

import pytest

from fazhi.core.services import save_record
from fazhi.disputes.models import Dispute, MediationCommittee, Mediator
from fazhi.education.models import Exam, OutreachActivity, StudySession
from fazhi.enforcement.models import Inspection, JointOperation
from fazhi.enforcement.violations import set_violations
from fazhi.litigation.models import RiskArea
from fazhi.org.models import LegalAdvisor, Region, TownshipProfile
from fazhi.petitions.models import Petition
from fazhi.reports import services
from fazhi.reports.compose import compose
from fazhi.reports.wording import render
from fazhi.services.models import LegalAidConsultation, ServiceItem

pytestmark = pytest.mark.slow
DAY = dt.date(2023, 6, 1)


def township(world, name, villages=12, communities=0):
    town = Region.objects.create(name=name, kind=Region.Kind.TOWNSHIP, parent=world.county)
    for i in range(villages):
        Region.objects.create(name=f"{name}{i + 1}村", kind=Region.Kind.VILLAGE, parent=town)
    for i in range(communities):
        Region.objects.create(name=f"{name}{i + 1}社区", kind=Region.Kind.COMMUNITY, parent=town)
    return town


def add(model, user, n=1, **values):
    for _ in range(n):
        save_record(model(**values), user, reason="按样本报告录入")


def report_text(town, year=2023) -> str:
    _, blocks = compose(town, year)
    values = services.values_for(town, year, blocks)
    return "\n".join(render(b["text"], values) for b in services.export_blocks(blocks))


def assert_facts(text: str, facts):
    missing = [fact for fact in facts if fact not in text]
    assert not missing, missing


def test_houshan_2023(world):
    user, town = world.users["judicial"], township(world, "后山镇", villages=10, communities=2)
    TownshipProfile.objects.create(township=town, year=2023, party_members=66)
    for i in range(3):
        add(
            LegalAdvisor,
            user,
            township=town,
            name=f"律师{i}",
            firm="君之合律师事务所",
            contract_start=dt.date(2023, 1, 1),
            contract_end=dt.date(2023, 12, 31),
        )
    add(
        StudySession,
        user,
        8,
        township=town,
        date=DAY,
        kind="central_group",
        topic="学习国家安全法",
        laws="《国家安全法》",
    )
    add(OutreachActivity, user, township=town, date=DAY, title="法治六进", materials=3000, banners=70)
    add(
        Dispute,
        user,
        132,
        township=town,
        received=DAY,
        type="neighbour",
        parties="甲、乙",
        summary="纠纷",
        state="failed",
        outcome="court",
    )
    for channel, n in (("online", 81), ("letter", 5), ("visit", 32)):
        add(
            Petition,
            user,
            n,
            township=town,
            received=DAY,
            channel=channel,
            petitioner="群众",
            subject="诉求",
            content="诉求",
            state="closed",
            accepted_on=DAY,
            closed_on=dt.date(2023, 6, 20),
        )
    text = report_text(town)
    assert_facts(
        text,
        [
            "君之合律师事务所",
            "聘请法律顾问3名",
            "党员66名",
            "党委理论学习中心组专题学法8次",
            "发放宣传资料3000份",
            "悬挂横幅70条",
            "共受理矛盾纠纷132起",
            "调处132起",
            "办结信访118件次",
            "网上投诉81件",
            "来信5件",
            "来访32次",
        ],
    )


def test_pingan_2021(world):
    user, town = world.users["judicial"], township(world, "平安镇", villages=6, communities=1)
    for i in range(7):
        add(MediationCommittee, user, township=town, name=f"调委会{i}", term_start=dt.date(2021, 1, 1))
    committee = MediationCommittee.objects.filter(township=town).first()
    add(Mediator, user, 80, township=town, name="调解员", committee=committee)
    add(RiskArea, user, 15, township=town, name="风险领域", listed_on=dt.date(2021, 2, 1))
    add(ServiceItem, user, 207, township=town, name="审批事项", domain="行政审批", online=True)
    add(
        Exam,
        user,
        township=town,
        date=dt.date(2021, 11, 1),
        title="法治理论考试",
        expected=40,
        participants=40,
        passed=40,
    )
    for _ in range(5):
        add(
            Petition,
            user,
            township=town,
            received=dt.date(2021, 3, 1),
            channel="visit",
            petitioner="群众",
            subject="积案",
            content="积案",
            backlog=True,
            backlog_resolved_on=dt.date(2021, 9, 1),
        )
    text = report_text(town, 2021)
    assert_facts(
        text,
        [
            "建立人民调解委员会7个",
            "有人民调解员80名",
            "梳理风险隐患排查领域15个",
            "其中207项实现网上办理",
            "参考率达100%",
            "合格率达100%",
            "化解信访积案5件",
        ],
    )


def test_fangdong_2023(world):
    user, town = world.users["judicial"], township(world, "方洞镇", villages=12, communities=2)
    five = {
        "overload": 4,
        "no_helmet": 14,
        "illegal_operation": 16,
        "no_seatbelt": 1,
        "modified": 1,
        "unlicensed": 3,
        "overweight": 1,
        "speeding": 4,
    }
    three = {
        "no_helmet": 74,
        "drunk_driving": 2,
        "no_seatbelt": 7,
        "umbrella": 8,
        "overload": 23,
        "wrong_class": 4,
        "overdue_inspection": 2,
        "speeding": 8,
        "illegal_operation": 4,
        "unregistered": 1,
    }
    for kind, times, vehicles, people, violations in (
        ("five", 10, 400, 500, five),
        ("three", 40, 1200, 1500, three),
    ):
        for i in range(times):
            op = save_record(
                JointOperation(
                    township=town,
                    kind=kind,
                    title=f"道路交通{kind}{i}",
                    date=DAY,
                    units="派出所、交警",
                    vehicles_checked=vehicles // times + (vehicles % times if i == 0 else 0),
                    people_cautioned=people // times + (people % times if i == 0 else 0),
                ),
                user,
            )
            set_violations(op, violations if i == 0 else {})
    add(Inspection, user, 132, township=town, title="日常安全检查", planned_on=DAY)
    add(
        Inspection,
        user,
        township=town,
        title="燃气检查",
        planned_on=DAY,
        hazards_found=154,
        hazards_rectified=154,
    )
    add(ServiceItem, user, 200, township=town, name="便民事项", domain="社会救助")
    for i in range(75):
        add(LegalAidConsultation, user, township=town, date=DAY, applicant=f"群众{i}", question="咨询")
    add(
        StudySession,
        user,
        12,
        township=town,
        date=DAY,
        kind="pre_meeting",
        topic="会前学法",
        laws="《民法典》",
    )
    add(
        OutreachActivity,
        user,
        4,
        township=town,
        date=DAY,
        title="时间节点宣传",
        themed_day="constitution_day",
    )
    add(OutreachActivity, user, 26, township=town, date=DAY, title="普法宣传")
    OutreachActivity.objects.filter(township=town).update(materials=0)
    OutreachActivity.objects.filter(pk=OutreachActivity.objects.filter(township=town).first().pk).update(
        materials=17500, questions=32, people_reached=8000
    )
    text = report_text(town)
    assert_facts(
        text,
        [
            "开展会前学法12次",
            "开展五联动10次，共查车辆400辆",
            "劝导人数500人，其中超载4起、超重1起、未戴头盔14起、未系安全带1起、无证驾驶3起、超速4起、非法营运16起、非法改装1起",
            "开展三联动40次，共查车辆1200辆",
            "劝导人数1500人，其中超载23起、未戴头盔74起、未系安全带7起、准驾不符4起、饮酒驾驶2起、超速8起、非法营运4起、非法安装雨伞8起、逾期未检2起、未上牌1起",
            "开展执法检查133次",
            "排查各类安全隐患154处",
            "进驻镇便民服务中心受理的各类事项共计200个",
            "辖12个行政村，2个社区",
            "解答群众法律援助咨询75件",
            "涉及群众75人",
            "开展各类法治宣传活动30场次",
            "利用时间节点开展法治宣传4次",
            "发放宣传资料17500份",
            "解答群众法律咨询32人次",
            "受教育干部群众8000人",
        ],
    )
