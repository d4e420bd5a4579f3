"""Legal services, disclosure and accountability: the disclosure deadline (across the October holiday),
its workflow guards, village-rule filing, advisors confined to their own work, the public pages
(rate-limited, escaped), masking, figures and sentences, the 法治档案, query counts and the demo."""

import datetime as dt

import pytest

from fazhi.core import board
from fazhi.core.roles import Role
from fazhi.core.workflow import Refused
from fazhi.education.models import Exam, ExamResult, StudySession
from fazhi.indicators.registry import Scope, get
from fazhi.org.models import LegalAdvisor
from fazhi.services import demo
from fazhi.services import models as m
from fazhi.services.actions import receive_request
from fazhi.services.rules import DISCLOSURE_REPLY, VILLAGE_RULE_FILING
from fazhi.services.workflows import DISCLOSURE, VILLAGE_RULE

R = m.DisclosureRequest.State


def value(code, world, year=2025):
    return get(code).value(Scope(world.township, year))


def new_request(world, received=dt.date(2026, 9, 25), **kwargs):
    return receive_request(
        m.DisclosureRequest(
            township=world.township,
            applicant="张三",
            contact="13912345678",
            received_on=received,
            content="申请公开征收补偿方案",
            **kwargs,
        )
    )


# Disclosure deadline and workflow -------------------------------------------------------------------


def test_reply_deadline_counts_working_days_across_national_day(world):
    request = new_request(world)
    # 20 working days from Friday 25 September 2026 skip the 1–7 October holiday and count Saturday 10 October (调休).
    assert request.due_on == dt.date(2026, 10, 29)
    assert DISCLOSURE_REPLY.article == "《政府信息公开条例》第三十三条" and DISCLOSURE_REPLY.count == 20
    assert request.code.startswith("GK20260925-")


def test_extension_adds_twenty_working_days_and_needs_a_reason(world, settings, monkeypatch):
    request = new_request(world)
    office = world.users[Role.OFFICE]
    with pytest.raises(Refused, match="须填写理由"):
        DISCLOSURE.apply(request, "extend", office, {"note": ""})
    request.refresh_from_db()
    assert request.state == R.RECEIVED and request.due_on == dt.date(2026, 10, 29) and request.version == 1
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: dt.date(2026, 10, 20))
    DISCLOSURE.apply(request, "extend", office, {"note": "需会同国土所核实"})
    request.refresh_from_db()
    assert request.state == R.EXTENDED and request.due_on == dt.date(2026, 11, 26)
    assert request.extension_reason == "需会同国土所核实"


def test_extension_refused_once_the_first_period_has_run_out(world, monkeypatch):
    request = new_request(world)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: dt.date(2026, 10, 30))
    with pytest.raises(Refused, match="已于2026-10-29届满"):
        DISCLOSURE.apply(request, "extend", world.users[Role.OFFICE], {"note": "来不及了"})
    request.refresh_from_db()
    assert request.state == R.RECEIVED and request.due_on == dt.date(2026, 10, 29)


def test_reply_needs_a_reply_type_and_counts_on_time(world):
    office = world.users[Role.OFFICE]
    request = new_request(world, received=dt.date(2025, 9, 25))
    with pytest.raises(Refused, match="答复类型"):
        DISCLOSURE.apply(request, "reply", office)
    request.refresh_from_db()
    assert request.state == R.RECEIVED
    request.reply, request.replied_on = m.DisclosureRequest.Reply.DISCLOSED, dt.date(2025, 10, 20)
    request.save()
    DISCLOSURE.apply(request, "reply", office)
    late = new_request(world, received=dt.date(2025, 3, 3))
    late.reply, late.replied_on = m.DisclosureRequest.Reply.DISCLOSED, dt.date(2025, 5, 30)
    late.save()
    DISCLOSURE.apply(late, "reply", office)
    new_request(world, received=dt.date(2025, 12, 1))  # still open: not in the rate
    assert value("disclosure.requests", world) == 3
    assert value("disclosure.requests_on_time", world) == 1
    assert str(value("disclosure.requests_on_time_rate", world)) == "50.0"


def test_transition_by_role_without_rights_is_refused(world, client_for):
    request = new_request(world)
    response = client_for(Role.PETITION).post(
        f"/services/disclosurerequest/{request.pk}/do/extend/", {"note": "x"}
    )
    request.refresh_from_db()
    assert request.state == R.RECEIVED
    assert response.status_code in (302, 404)


def test_staff_form_computes_code_and_deadline(world, client_for):
    office = client_for(Role.OFFICE)
    response = office.post(
        "/services/disclosurerequest/new/",
        {
            "applicant": "李四",
            "contact": "13800000000",
            "channel": "letter",
            "received_on": "2026-09-25",
            "content": "申请公开低保名单",
        },
    )
    assert response.status_code == 302
    request = m.DisclosureRequest.objects.get(applicant="李四")
    assert request.due_on == dt.date(2026, 10, 29) and request.code.startswith("GK")
    detail = office.get(request.get_absolute_url()).content.decode()
    assert "2026-10-29" in detail and "第三十三条" in detail


# Village rules ----------------------------------------------------------------------------------------


def test_village_rule_filing_deadline_on_the_board(world):
    rule = m.VillageRule.objects.create(
        township=world.township, village=world.villages[0], title="村规民约", adopted_on=dt.date(2026, 9, 24)
    )
    new_request(world)
    items = board.items_of("services", world.township, dt.date(2026, 10, 1))
    filing = next(i for i in items if "村规民约" in i.title)
    # 10 calendar days end on 4 October, a holiday: the period ends on the next working day.
    assert filing.due.date == dt.date(2026, 10, 8) and filing.rule is VILLAGE_RULE_FILING
    assert "第十四条" in filing.rule.describe()
    assert any(i.title.startswith("依申请公开") for i in items)
    VILLAGE_RULE.apply(rule, "file", world.users[Role.VILLAGE])
    assert not [
        i for i in board.items_of("services", world.township, dt.date(2026, 10, 1)) if "村规民约" in i.title
    ]


def test_village_rule_review_guards(world):
    rule = m.VillageRule.objects.create(
        township=world.township,
        village=world.villages[0],
        title="村规民约",
        adopted_on=dt.date(2026, 9, 24),
        state=m.VillageRule.State.FILED,
    )
    advisor = world.users[Role.ADVISOR]
    with pytest.raises(Refused, match="审查意见"):
        VILLAGE_RULE.apply(rule, "approve", advisor)
    with pytest.raises(Refused, match="须填写理由"):
        VILLAGE_RULE.apply(rule, "correct", advisor)
    with pytest.raises(Refused, match="权限"):
        VILLAGE_RULE.apply(rule, "correct", world.users[Role.PETITION], {"note": "第5条违法"})
    rule.refresh_from_db()
    assert rule.state == m.VillageRule.State.FILED and rule.reviewed_on is None
    VILLAGE_RULE.apply(rule, "correct", advisor, {"note": "第5条限制出嫁女土地权益，违反法律"})
    rule.refresh_from_db()
    assert rule.state == m.VillageRule.State.CORRECTION and "出嫁女" in rule.opinion


# Advisors ---------------------------------------------------------------------------------------------


def test_advisor_sees_and_records_only_their_own_work(world, client_for):
    own = LegalAdvisor.objects.get(township=world.township, user=world.users[Role.ADVISOR])
    other = LegalAdvisor.objects.filter(township=world.township).exclude(pk=own.pk).first()
    for advisor, subject in ((own, "本人咨询"), (other, "他人咨询")):
        m.AdvisorWork.objects.create(
            township=world.township, advisor=advisor, date=dt.date(2026, 5, 1), subject=subject
        )
    client = client_for(Role.ADVISOR)
    listing = client.get("/services/advisorwork/").content.decode()
    assert "本人咨询" in listing and "他人咨询" not in listing
    theirs = m.AdvisorWork.objects.get(subject="他人咨询")
    assert client.get(f"/services/advisorwork/{theirs.pk}/").status_code == 404
    form = client.get("/services/advisorwork/new/").context["form"]
    assert list(form.fields["advisor"].queryset) == [own]
    data = {"date": "2026-06-01", "kind": "contract", "quantity": 1, "subject": "代他人登记"}
    client.post("/services/advisorwork/new/", {**data, "advisor": other.pk})
    assert not m.AdvisorWork.objects.filter(subject="代他人登记").exists()
    assert client.post("/services/advisorwork/new/", {**data, "advisor": own.pk}).status_code == 302
    api = client.get("/api/advisor-work/").json()
    assert {r["subject"] for r in api["results"]} == {"本人咨询", "代他人登记"}
    body = {"advisor": other.pk, "date": "2026-06-02", "kind": "meeting", "quantity": 1, "subject": "API代登"}
    assert client.post("/api/advisor-work/", body, content_type="application/json").status_code == 400
    assert not m.AdvisorWork.objects.filter(subject="API代登").exists()
    # The judicial office sees every advisor's work.
    assert "他人咨询" in client_for(Role.JUDICIAL).get("/services/advisorwork/").content.decode()


def test_assessment_shows_the_years_work_and_refuses_a_second(world, client_for):
    advisor = LegalAdvisor.objects.filter(township=world.township).first()
    m.AdvisorWork.objects.create(
        township=world.township,
        advisor=advisor,
        date=dt.date(2025, 5, 1),
        subject="审查",
        kind="contract",
        quantity=3,
    )
    office = client_for(Role.OFFICE)
    data = {"advisor": advisor.pk, "year": 2025, "score": "92", "grade": "excellent"}
    assert office.post("/services/advisorassessment/new/", data).status_code == 302
    response = office.post("/services/advisorassessment/new/", data)
    assert "该法律顾问本年度已有考核记录" in response.content.decode()
    assert m.AdvisorAssessment.objects.count() == 1
    detail = office.get(m.AdvisorAssessment.objects.get().get_absolute_url())
    assert detail.context["work_summary"] == [("合同审查", 3)]


# Public pages -----------------------------------------------------------------------------------------


def test_public_disclosure_list_needs_no_login(world, client):
    m.DisclosureItem.objects.create(
        township=world.township,
        title="宅基地审批结果公示",
        published_on=dt.date(2026, 3, 1),
        category="homestead",
    )
    m.DisclosureItem.objects.create(
        township=world.other_townships[0],
        title="绿水镇预算公开",
        published_on=dt.date(2026, 3, 1),
        category="budget",
    )
    page = client.get(f"/public/services/disclosure/?township={world.township.pk}").content.decode()
    assert "宅基地审批结果公示" in page and "绿水镇预算公开" not in page
    assert "土地承包经营权流转" in page  # the art. 21 categories are offered
    assert "政务公开" in client.get("/public/").content.decode()


def test_public_request_is_registered_escaped_and_tracked(world, client):
    response = client.post(
        "/public/services/request/",
        {
            "township": world.township.pk,
            "applicant": "王小明",
            "contact": "13912345678",
            "content": "<script>alert(1)</script>请公开2026年低保名单",
        },
    )
    assert response.status_code == 302
    request = m.DisclosureRequest.objects.get()
    assert (
        request.channel == "online" and request.state == R.RECEIVED and request.due_on > request.received_on
    )
    page = client.get(response["Location"]).content.decode()
    assert request.code in page and "&lt;script&gt;" in page and "<script>alert(1)" not in page
    assert "王小明" not in page and "13912345678" not in page
    # A stranger with the code sees the progress only, never the content.
    from django.test import Client

    stranger = Client().get(f"/public/services/request/track/?code={request.code}").content.decode()
    assert "已登记" in stranger and "低保名单" not in stranger


def test_public_request_is_rate_limited(world, client):
    data = {
        "township": world.township.pk,
        "applicant": "张三",
        "contact": "138",
        "content": "请公开村务财务收支",
    }
    for _ in range(5):
        assert client.post("/public/services/request/", data).status_code == 302
    response = client.post("/public/services/request/", data)
    assert response.status_code == 200 and "提交过于频繁" in response.content.decode()
    assert m.DisclosureRequest.objects.count() == 5


def test_public_request_form_says_what_is_wrong(world, client):
    response = client.post(
        "/public/services/request/", {"township": "", "applicant": "", "contact": "", "content": "低保"}
    )
    page = response.content.decode()
    assert "至少5个字" in page and ("这个字段是必填项" in page or "该字段是必填项" in page)
    assert not m.DisclosureRequest.objects.exists()


# Masking ----------------------------------------------------------------------------------------------


def test_personal_data_masked_in_lists_exports_and_api(world, client_for):
    m.LegalAidConsultation.objects.create(
        township=world.township,
        date=dt.date(2026, 4, 1),
        applicant="赵大勇",
        phone="13912345678",
        question="工资被拖欠",
    )
    new_request(world)
    county = client_for(Role.COUNTY)
    listing = county.get("/services/legalaidconsultation/").content.decode()
    assert "赵*勇" in listing and "赵大勇" not in listing and "13912345678" not in listing
    export = county.get("/services/legalaidconsultation/?export=xlsx").content
    assert b"13912345678" not in export
    aid = county.get("/api/legal-aid-consultations/").json()["results"][0]
    assert aid["applicant"] == "赵*勇" and "1234" not in aid["phone"]
    req = county.get("/api/disclosure-requests/").json()["results"][0]
    assert req["applicant"] == "张*" and "1234" not in req["contact"]
    detail = county.get(m.DisclosureRequest.objects.get().get_absolute_url()).content.decode()
    assert "张*" in detail and "13912345678" not in detail
    # The office handling the request sees the file in full.
    assert (
        "13912345678"
        in client_for(Role.OFFICE).get(m.DisclosureRequest.objects.get().get_absolute_url()).content.decode()
    )


# Figures, sentences, archive, demo --------------------------------------------------------------------


def test_report_sentences_from_demo(world):
    demo.build(world)
    assert get("disclosure.items").render(value("disclosure.items", world)) == "主动公开信息156条"
    assert (
        get("legal_aid.consultations").render(value("legal_aid.consultations", world))
        == "解答群众法律援助咨询75件"
    )
    assert value("services.items", world) == 200 and value("services.online_items", world) == 150
    assert str(value("services.online_rate", world)) == "75.0"
    assert value("disclosure.requests_on_time_rate", world) is not None
    assert value("duties.records", world) > 0 and value("duties.law_reports", world) == 4
    assert value("advisors.services", world) > 0
    measure = m.Measure.objects.get(text="打造宪法宣传教育广场")
    assert str(measure) == "打造宪法宣传教育广场1处"


def test_measure_with_figure_needs_a_unit(world, client_for):
    office = client_for(Role.OFFICE)
    data = {"date": "2026-05-01", "section": "法治宣传教育", "text": "建成法治公园", "quantity": "1"}
    assert "请同时填写单位" in office.post("/services/measure/new/", data).content.decode()
    assert office.post("/services/measure/new/", {**data, "unit": "个"}).status_code == 302
    assert str(m.Measure.objects.get()) == "建成法治公园1个"


def test_archive_assembles_study_exams_and_law_reports(world, client_for):
    secretary = world.people["周建国"]
    session = StudySession.objects.create(
        township=world.township, date=dt.date(2025, 3, 1), topic="学习宪法修正案", laws="《宪法》"
    )
    session.attendees.add(secretary)
    exam = Exam.objects.create(
        township=world.township,
        date=dt.date(2025, 11, 1),
        title="年度法治理论考试",
        expected=1,
        participants=1,
        passed=1,
    )
    ExamResult.objects.create(exam=exam, person=secretary, score=95, passed=True)
    m.LawReport.objects.create(
        township=world.township,
        person=secretary,
        year=2025,
        date=dt.date(2026, 1, 20),
        content="个人学法守法情况",
    )
    m.DutyRecord.objects.create(
        township=world.township,
        person=secretary,
        date=dt.date(2025, 2, 1),
        kind="deploy",
        subject="部署法治政府建设",
    )
    client = client_for(Role.SECRETARY)
    listing = client.get("/services/archive/").content.decode()
    assert "周建国" in listing and "王丽" not in listing
    page = client.get(f"/services/archive/{secretary.pk}/").content.decode()
    for text in ("学习宪法修正案", "年度法治理论考试", "95", "个人学法守法情况", "部署法治政府建设"):
        assert text in page
    assert client_for(Role.COUNTY).get(f"/services/archive/{world.people['王丽'].pk}/").status_code == 200
    other_person = type(secretary).objects.create(township=world.other_townships[0], name="外镇干部")
    assert client.get(f"/services/archive/{other_person.pk}/").status_code == 404


def test_law_report_once_a_year(world, client_for):
    secretary = world.people["周建国"]
    head = client_for(Role.HEAD)
    data = {
        "person": secretary.pk,
        "year": 2025,
        "date": "2026-01-20",
        "content": "述法",
        "rating": "excellent",
    }
    assert head.post("/services/lawreport/new/", data).status_code == 302
    assert "该人员本年度已有述法记录" in head.post("/services/lawreport/new/", data).content.decode()
    assert client_for(Role.PETITION).post("/services/lawreport/new/", data).status_code == 403


def test_list_pages_keep_a_constant_number_of_queries(world, client_for, django_assert_max_num_queries):
    demo.build(world)
    judicial = client_for(Role.JUDICIAL)
    for url in (
        "/services/advisorwork/",
        "/services/disclosurerequest/",
        "/services/villagerule/",
        "/services/legalaidconsultation/",
        "/services/dutyrecord/",
    ):
        judicial.get(url)
        with django_assert_max_num_queries(12):
            assert judicial.get(url).status_code == 200


def test_demo_is_idempotent(world):
    demo.build(world)
    models = (
        m.AdvisorWork,
        m.VillageRule,
        m.DisclosureItem,
        m.DisclosureRequest,
        m.LegalAidConsultation,
        m.DutyRecord,
    )
    counts = [model.objects.count() for model in models]
    demo.build(world)
    assert counts == [model.objects.count() for model in models]
    assert m.DisclosureItem.objects.filter(township=world.other_townships[2]).exists()
    assert not m.DisclosureItem.objects.filter(published_on__gt=world.today).exists()
    assert m.DisclosureRequest.objects.exclude(state=R.REPLIED).exists()  # something on the deadline board


@pytest.mark.parametrize(
    "code",
    [
        "disclosure.items",
        "disclosure.requests_on_time_rate",
        "duties.law_reports",
        "legal_aid.consultations",
        "services.online_rate",
        "advisors.services",
    ],
)
def test_figures_drill_down_to_records(world, client_for, code):
    demo.build(world)
    assert client_for(Role.JUDICIAL).get(f"/indicators/{code}/?year=2025").status_code == 200
