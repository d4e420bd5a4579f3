"""Reconsideration and litigation: answer deadlines with their articles, lost computed from the outcome,
head-appearance rate computed from hearings, guards; stability risk."""

import datetime as dt

import pytest

from fazhi.core.roles import Role
from fazhi.core.workflow import Refused
from fazhi.indicators.registry import Scope, get
from fazhi.litigation import demo, rules
from fazhi.litigation.actions import change_case, file_case
from fazhi.litigation.models import Hearing, LitigationCase, RiskArea, RiskAssessment
from fazhi.litigation.workflows import WORKFLOW


@pytest.fixture
def town(world):
    demo.build(world)
    return world


def case(world, **kwargs):
    values = dict(
        township=world.township,
        case_no="（2026）江0121行初1号",
        kind="litigation",
        organ="江源县人民法院",
        applicant="王小明",
        subject="限期拆除决定",
        copy_received=dt.date(2026, 9, 28),
    )
    values.update(kwargs)
    return file_case(LitigationCase(**values))


def test_answer_deadlines(world):
    # 行政复议: 10 working days; from Mon 28 Sep 2026 the October holiday is skipped and Sat 10 Oct is a make-up day.
    review = case(world, kind="reconsideration")
    assert review.answer_due.date == dt.date(2026, 10, 16)  # 29, 30 Sep; 8, 9, 10, 12–16 Oct
    assert (
        review.answer_rule is rules.RECONSIDERATION_ANSWER and "第四十八条" in review.answer_rule.describe()
    )
    assert "工作日" in review.answer_rule.describe()
    # 行政诉讼: 15 calendar days → 13 October.
    lawsuit = case(world)
    assert lawsuit.answer_due.date == dt.date(2026, 10, 13) and "第六十七条" in lawsuit.answer_rule.article


def test_lost_is_computed_and_a_lost_case_closes_only_when_executed(world):
    user = world.users[Role.HEAD]
    record = case(world)
    WORKFLOW.apply(record, "answer", user)
    with pytest.raises(Refused, match="结果"):
        WORKFLOW.apply(record, "decide", user)
    record.outcome, record.decided_on = "revoked", dt.date(2026, 11, 2)
    change_case(record)
    assert LitigationCase.objects.get(pk=record.pk).lost is True
    WORKFLOW.apply(record, "decide", user)
    version = LitigationCase.objects.get(pk=record.pk).version
    with pytest.raises(Refused, match="履行"):
        WORKFLOW.apply(record, "close", user)
    assert LitigationCase.objects.get(pk=record.pk).version == version
    record.judgment_executed, record.executed_on = True, dt.date(2026, 11, 10)
    change_case(record)
    WORKFLOW.apply(record, "close", user)
    assert LitigationCase.objects.get(pk=record.pk).state == "closed"
    record.outcome = "upheld"
    change_case(record)
    assert LitigationCase.objects.get(pk=record.pk).lost is False


def test_head_appearance_rate_is_computed(world):
    a, b, c = case(world, case_no="a"), case(world, case_no="b"), case(world, case_no="c")
    Hearing.objects.create(
        township=world.township,
        case=a,
        date=dt.date(2026, 10, 20),
        head_appeared=True,
        appeared=world.people["李文华"],
    )
    Hearing.objects.create(
        township=world.township,
        case=a,
        date=dt.date(2026, 10, 27),
        head_appeared=True,
        appeared=world.people["李文华"],
    )
    Hearing.objects.create(
        township=world.township, case=b, date=dt.date(2026, 10, 21), substitute="陈思远", excuse="公务"
    )
    scope = Scope(world.township, 2026)
    assert get("litigation.cases").value(scope) == 3
    assert get("litigation.heard").value(scope) == 2  # c not heard yet
    assert get("litigation.head_appeared").value(scope) == 1  # two hearings of a count once
    assert str(get("litigation.head_appearance_rate").value(scope)) == "50.0"
    assert c.hearings.count() == 0


def test_hearing_form_requires_who_appeared(world, client_for):
    record = case(world)
    head = client_for(Role.HEAD)
    response = head.post("/litigation/hearing/new/", {"case": record.pk, "date": "2026-10-20"})
    assert "不得仅委托律师" in response.content.decode()
    response = head.post(
        "/litigation/hearing/new/", {"case": record.pk, "date": "2026-10-20", "head_appeared": "on"}
    )
    assert "须选择出庭负责人" in response.content.decode()
    assert not Hearing.objects.exists()
    ok = head.post(
        "/litigation/hearing/new/",
        {
            "case": record.pk,
            "date": "2026-10-20",
            "head_appeared": "on",
            "appeared": world.people["李文华"].pk,
            "appeared_title": "镇长",
        },
    )
    assert ok.status_code == 302 and Hearing.objects.get().appeared.name == "李文华"


def test_high_risk_cannot_simply_go_ahead(world, client_for):
    data = {
        "title": "光伏项目",
        "subject": "project",
        "assessed_on": "2026-05-01",
        "assessor": "平安办",
        "risk_level": "high",
        "risks": "征地",
        "measures": "公开",
        "conclusion": "go",
    }
    response = client_for(Role.HEAD).post("/litigation/riskassessment/new/", data)
    assert "高风险事项" in response.content.decode() and not RiskAssessment.objects.exists()
    assert (
        client_for(Role.HEAD)
        .post("/litigation/riskassessment/new/", {**data, "conclusion": "postpone"})
        .status_code
        == 302
    )


def test_pages_masking_and_query_counts(town, client_for, django_assert_max_num_queries):
    office = client_for(Role.OFFICE)
    office.get("/litigation/litigationcase/")
    for url in (
        "/litigation/litigationcase/",
        "/litigation/hearing/",
        "/litigation/riskassessment/",
        "/litigation/riskarea/",
        "/litigation/riskreview/",
    ):
        with django_assert_max_num_queries(12):
            response = office.get(url)
        assert response.status_code == 200, url
    case(world=town, applicant="王小明")
    listing = office.get("/litigation/litigationcase/").content.decode()
    assert "王*明" in listing and "王小明" not in listing
    assert "王*明" in str(office.get("/api/litigation-cases/").json())
    first = LitigationCase.objects.filter(township=town.township).first()
    page = office.get(f"/litigation/litigationcase/{first.pk}/").content.decode()
    assert "deadlines" in page and "hearings" in page
    area = RiskArea.objects.filter(township=town.township).first()
    assert "下次研判" in office.get(f"/litigation/riskarea/{area.pk}/").content.decode()
    assert client_for(Role.MEDIATOR).get(f"/litigation/litigationcase/{first.pk}/edit/").status_code == 403


def test_demo_and_board(town):
    from fazhi.core.board import items_of

    counts = (LitigationCase.objects.count(), RiskArea.objects.count())
    demo.build(town)
    assert (LitigationCase.objects.count(), RiskArea.objects.count()) == counts
    for year in (2025, 2026):
        assert 1 <= get("litigation.cases").value(Scope(town.township, year)) <= 3
    assert get("litigation.lost").value(Scope(town.township, 2025)) == 1
    assert get("risk.areas").value(Scope(town.township, 2026)) == 6
    items = items_of("litigation", town.township, town.today)
    assert [i.rule for i in items] == [rules.RECONSIDERATION_ANSWER]


def test_every_page_opens_for_an_editor_and_a_reader(town, client_for):
    from fazhi.litigation.models import RiskReview

    office, county = client_for(Role.OFFICE), client_for(Role.COUNTY)
    for model in (LitigationCase, Hearing, RiskAssessment, RiskArea, RiskReview):
        name = model._meta.model_name
        record = model.objects.filter(township=town.township).first()
        for client in (office, county):
            assert client.get(f"/litigation/{name}/{record.pk}/").status_code == 200, name
        assert office.get(f"/litigation/{name}/{record.pk}/edit/").status_code == 200, name
        assert office.get(f"/litigation/{name}/new/").status_code == 200, name
