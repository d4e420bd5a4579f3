"""Replays of the shared sample reports (shared/samples/reports): the records each report describes
are entered into a fresh township through the write service (core.services.save_record, and
enforcement.violations.set_violations for a joint operation's violations), its report is built, and
every quantitative fact of the sample appears in the generated text with the same number and unit.

Each fact is (the sample's words, what the generated report says). Facts no ledger can hold yet are
listed at the end of each test, with why (a plan period, a date, a document number is no fact).
Where the report's unit differs from the sample's (件/起 for disputes), the registry keeps one unit for
every township and the note says so."""

import datetime as dt

import pytest

from fazhi.core.services import save_record
from fazhi.disputes.models import Dispute, MediationCommittee, Mediator
from fazhi.education.models import Exam, OutreachActivity, StudySession
from fazhi.enforcement.models import EnforcementOfficer, Inspection, JointOperation
from fazhi.enforcement.violations import set_violations
from fazhi.litigation.models import Hearing, LitigationCase, RiskArea
from fazhi.org.models import LegalAdvisor, Region, TownshipProfile
from fazhi.petitions.models import Petition
from fazhi.reports import services
from fazhi.reports.compose import compose
from fazhi.reports.wording import render
from fazhi.services.models import LegalAidConsultation, ServiceItem, ServicePoint

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
    missing = [(said, expected) for said, expected in facts if expected not in text]
    assert not missing, missing


def person(town, name, position):
    from fazhi.org.models import Person

    return Person.objects.create(township=town, name=name, position=position)


def test_houshan_2023(world):
    user, town = world.users["judicial"], township(world, "后山镇", villages=10, communities=2)
    TownshipProfile.objects.create(township=town, year=2023, party_members=66)
    villages = list(Region.objects.filter(parent=town))
    for i in range(3):
        advisor = save_record(
            LegalAdvisor(
                township=town,
                name=f"律师{i}",
                firm="君之合律师事务所",
                serves_township=True,
                contract_start=dt.date(2023, 1, 1),
                contract_end=dt.date(2023, 12, 31),
            ),
            user,
        )
        advisor.villages.set(villages[i::3])
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
    # 法治“六进” (1000 of the 3000 booklets, the banners and screens) and the school term (2000 leaflets).
    add(
        OutreachActivity,
        user,
        township=town,
        date=DAY,
        title="法治六进",
        campaign="six_into",
        materials=1000,
        banners=70,
        led_screens=30,
    )
    for school in ("丁阳中学", "后山小学"):
        add(
            OutreachActivity,
            user,
            township=town,
            date=dt.date(2023, 9, 1),
            title=f"{school}开学第一堂法律课",
            venue="school",
            campaign="school_term",
            materials=1000,
        )
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
            ("聘请君之合律师事务所3名律师", "君之合律师事务所"),
            ("3名律师", "聘请法律顾问3名"),
            ("为镇政府和12个村（居）的法律顾问", "为12个村(社区)担任法律顾问"),
            ("学习国家相关法律法规8次", "党委理论学习中心组专题学法8次"),
            ("66名党员干部", "党员66名"),
            ("辖区12个村、社区全部纳入", "共12个村(社区)"),
            ("累计发放宣传册3000余份", "发放宣传资料3000份"),
            ("悬挂横幅70余条", "悬挂横幅70条"),
            ("30余条LED滚动屏", "30条LED滚动屏循环播放"),
            ("（送法进学校）发放宣传单2000余份", "进学校2000份"),
            ("全年全镇共受理矛盾纠纷132起", "共受理矛盾纠纷132起"),
            ("调处132起", "调处132起"),
            ("办结信访、来访共118件次", "办结信访118件次"),
            ("网上投诉81件", "网上投诉81件"),
            ("信访5 件", "来信5件"),
            ("来访32 次", "来访32次"),
        ],
    )
    # Not figures: 今年9月份 (a date), “八五”普法 and 十九大/二十大 (names), 24小时 (a schedule).


def test_pingan_2021(world):
    user, town = world.users["judicial"], township(world, "平安镇", villages=6, communities=1)
    for i in range(7):
        add(MediationCommittee, user, township=town, name=f"调委会{i}", term_start=dt.date(2021, 1, 1))
    committee = MediationCommittee.objects.filter(township=town).first()
    add(Mediator, user, 80, township=town, name="调解员", committee=committee)
    add(RiskArea, user, 15, township=town, name="风险领域", listed_on=dt.date(2021, 2, 1))
    add(ServiceItem, user, 207, township=town, name="审批事项", domain="行政审批", online=True)
    add(
        EnforcementOfficer,
        user,
        5,
        township=town,
        name="新进执法人员",
        certificate_applied_on=dt.date(2021, 5, 10),
    )
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
    head = person(town, "镇长", "镇长")
    for i in range(2):
        case = save_record(
            LitigationCase(
                township=town,
                case_no=f"（2021）渝0101行初{i + 1}号",
                kind="litigation",
                organ="区人民法院",
                applicant="原告",
                subject="行政行为",
                copy_received=dt.date(2021, 4, 1),
            ),
            user,
        )
        save_record(
            Hearing(
                township=town, case=case, date=dt.date(2021, 6, 1 + i), head_appeared=True, appeared=head
            ),
            user,
        )
    text = report_text(town, 2021)
    assert_facts(
        text,
        [
            ("5人申办行政执法证件", "5人申办行政执法证件"),
            ("全镇7个调委会", "建立人民调解委员会7个"),
            ("80余名人民调解员", "有人民调解员80名"),
            ("细化明确15个重大风险隐患排查领域", "梳理风险隐患排查领域15个"),
            ("（信访积案）成功调处5件", "化解信访积案5件"),
            ("207项行政事务审批项目实现网上审批", "其中207项实现网上办理"),
            ("参考率、合格率均达100%", "参考率达100%"),
            ("参考率、合格率均达100%", "合格率达100%"),
            ("2021年度出庭应诉2次", "负责人出庭应诉2次"),
        ],
    )
    # Not figures: 平安委发〔2021〕31号 (a document number), “三项制度”/“三治结合” (names),
    # “6.5”“6.26”“12.4” (dates), “十四五” (a plan period).


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
        title="日常燃气检查",
        planned_on=DAY,
        hazards_found=154,
        hazards_rectified=154,
    )
    add(Inspection, user, 2, township=town, kind="special", title="燃气、微小企业地毯式检查", planned_on=DAY)
    add(ServiceItem, user, 200, township=town, name="便民事项", domain="社会救助")
    places = list(Region.objects.filter(parent=town).order_by("kind", "name"))  # 2 communities, 12 villages
    add(
        ServicePoint,
        user,
        township=town,
        name="便民服务中心",
        kind="service_centre",
        demonstration="市级示范便民服务中心",
    )
    for place in places[:13]:
        add(
            ServicePoint,
            user,
            township=town,
            village=place,
            name=f"{place.name}便民服务室",
            kind="service_room",
            demonstration="市级示范便民服务室",
        )
    add(ServicePoint, user, township=town, name="公共法律服务工作站", kind="legal_station")
    add(ServicePoint, user, township=town, name="方洞镇社会治理中心", kind="governance")
    add(
        ServicePoint,
        user,
        township=town,
        name="方洞司法所",
        kind="judicial_office",
        demonstration="市级“枫桥式”司法所",
    )
    add(ServicePoint, user, township=town, name="方洞镇宪法广场", kind="law_square")
    for place in places:
        add(ServicePoint, user, township=town, village=place, name=f"{place.name}工作室", kind="legal_room")
    advisor = save_record(
        LegalAdvisor(
            township=town,
            name="张钟",
            firm="福集法律服务所",
            serves_township=True,
            contract_start=dt.date(2023, 1, 1),
            contract_end=dt.date(2023, 12, 31),
        ),
        user,
    )
    advisor.villages.set(places)
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
    for level, n in (("township", 61), ("village", 1)):
        add(
            Dispute,
            user,
            n,
            township=town,
            received=DAY,
            type="neighbour",
            parties="甲、乙",
            summary="纠纷",
            state="settled",
            level=level,
            outcome="written",
        )
    for _ in range(2):
        add(
            Petition,
            user,
            township=town,
            received=dt.date(2022, 3, 1),
            channel="visit",
            petitioner="群众",
            subject="积案",
            content="积案",
            backlog=True,
            backlog_resolved_on=dt.date(2023, 9, 1),
        )
    # 30 activities: 民法典 lectures 6, drivers 3, 一月一主题 12, time nodes 4, others 5. The 民法典 ones
    # (the first 25) reached 8000 of the 17500 materials and 5500 of the 8000 people.
    for campaign, n, themed_day in (
        ("civil_code", 6, ""),
        ("drivers", 3, ""),
        ("monthly", 12, ""),
        ("", 4, "1204"),
        ("", 5, ""),
    ):
        add(
            OutreachActivity,
            user,
            n,
            township=town,
            date=DAY,
            title="普法宣传",
            campaign=campaign,
            themed_day=themed_day,
            theme="civil_code" if campaign or themed_day else "other",
            materials=0,
        )
    activities = OutreachActivity.objects.filter(township=town).order_by("id")
    activities.filter(pk=activities[0].pk).update(materials=8000, people_reached=5500, questions=32)
    activities.filter(pk=activities.last().pk).update(materials=9500, people_reached=2500)
    text = report_text(town)
    assert_facts(
        text,
        [
            ("全年开展会前学法12次", "开展会前学法12次"),
            ("开展五联动10次,共查车辆400余辆", "开展五联动10次，共查车辆400辆"),
            (
                "劝导人数500余人,其中超载4起,未戴头盔14起,非法营运16起,未系安全带1起,非法改装1起,无证驾驶3起,超重1起,超速4起",
                "劝导人数500人，其中超载4起、超重1起、未戴头盔14起、未系安全带1起、无证驾驶3起、超速4起、非法营运16起、非法改装1起",
            ),
            ("三联动40次,共查车辆1200余辆", "开展三联动40次，共查车辆1200辆"),
            (
                "劝导人数1500余人,未戴头盔74起,饮酒驾驶2起,未系安全带7起,非法安装雨伞8起,超载23起,准驾不符4起,逾期未检2起,超速8起,非法营运4起,未上牌1起",
                "劝导人数1500人，其中超载23起、未戴头盔74起、未系安全带7起、准驾不符4起、饮酒驾驶2起、超速8起、非法营运4起、非法安装雨伞8起、逾期未检2起、未上牌1起",
            ),
            ("燃气、微小企业全覆盖地毯式检查2次", "专项检查2次"),
            ("开展日常安全工作检查133次", "日常检查133次"),
            ("排查页岩气、城镇燃气、工贸行业、小水电等安全隐患154处", "排查各类安全隐患154处"),
            ("进驻镇便民服务中心受理的各类事项共计200个", "进驻镇便民服务中心受理的各类事项共计200个"),
            ("成功创建2个社区,11个村", "其中社区2个、村11个"),
            ("14个村(社区)均建立了公共法律服务工作室", "公共法律服务工作室14个"),
            ("聘请福集法律服务所法律工作者张钟担任政府法律顾问", "福集法律服务所"),
            ("全镇2个社区、12个村均配有法律顾问", "其中行政村12个、社区2个"),
            ("全镇2个社区、12个村", "辖12个行政村，2个社区"),
            ("全年解答群众法律援助咨询75件", "解答群众法律援助咨询75件"),
            ("75人", "涉及群众75人"),
            ("2023年化解信访积案2件", "化解信访积案2件"),
            ("今年以来共计成功调解62件（报告用“起”）", "成功化解62起"),
            ("其中镇调委会调解61件（报告用“起”）", "在镇级化解61起"),
            ("《中华人民共和国民法典》专题讲座6场次", "开展《民法典》专题讲座6场次"),
            ("组织开展驾驶员安全教育3场次", "组织开展驾驶员安全教育3场次"),
            ("“一月一主题宣传”活动12次", "扎实开展“一月一主题宣传”活动12次"),
            ("利用时间节点开展法治宣传4次", "利用时间节点开展法治宣传4次"),
            ("（民法典）累计发放宣传资料8000余份", "民法典主题宣传发放资料8000份"),
            ("受教育群众5500余人", "受教育群众5500人"),
            ("全年共开展各类法治宣传活动30场次", "开展各类法治宣传活动30场次"),
            ("发放宣传资料17500余份", "发放宣传资料17500份"),
            ("解答群众法律咨询32人次", "解答群众法律咨询32人次"),
            ("受教育干部群众8000余人", "受教育干部群众8000人"),
            ("建成一体化社会治理中心阵地1处", "建成一体化社会治理中心阵地1处"),
            ("建成市级“枫桥式”司法所1处", "建成“枫桥式”司法所1处"),
            ("打造宪法宣传教育广场1处", "打造宪法宣传教育广场1处"),
        ],
    )
    # A target, not a count: 各村(社区)均有5名以上“法律明白人”.
    # Not figures: 40周年, “12·4”, 八类人员, “四个亲自”“五个同” (names and dates).
