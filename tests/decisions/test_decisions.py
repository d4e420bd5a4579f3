"""Major decisions: the guards of the statutory procedures, the history of every step, pages, figures."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from fazhi.core.roles import Role
from fazhi.core.workflow import Refused
from fazhi.decisions import demo
from fazhi.decisions.models import DecisionCatalogue, DecisionStep, MajorDecision
from fazhi.decisions.services import mark_step
from fazhi.decisions.workflows import workflow
from fazhi.indicators.registry import Scope, get
from fazhi.org.models import RoleAssignment
from fazhi.reviews.models import LegalityReview, PublicComment
from fazhi.reviews.services import complete_review

C = LegalityReview.Conclusion


@pytest.fixture
def catalogue(world):
    return DecisionCatalogue.objects.create(
        township=world.township, year=2026, party_approved_on=dt.date(2026, 2, 1)
    )


@pytest.fixture
def decision(world, catalogue):
    return MajorDecision.objects.create(
        township=world.township,
        catalogue=catalogue,
        title="青山镇停车管理办法",
        category="policy",
        sponsor="党政办",
        comment_start=dt.date(2026, 3, 1),
        comment_end=dt.date(2026, 3, 31),
    )


def settle_steps(decision, user):
    mark_step(decision, "participation", "done", user, note="网站征求意见", done_on=dt.date(2026, 4, 1))
    mark_step(decision, "experts", "na", user, note="技术性不强")
    mark_step(decision, "risk", "done", user, note="低风险")


def test_submit_without_review_is_refused_and_changes_nothing(world, decision):
    office = world.users[Role.OFFICE]
    settle_steps(decision, office)
    decision.refresh_from_db()
    version = decision.version
    with pytest.raises(Refused, match="未经合法性审查.*第二十五条"):
        workflow.apply(decision, "submit", office)
    decision.refresh_from_db()
    assert decision.state == "drafting" and decision.version == version


def test_unlawful_review_still_blocks_and_lawful_one_opens_the_way(world, decision):
    office, judicial = world.users[Role.OFFICE], world.users[Role.JUDICIAL]
    settle_steps(decision, office)
    workflow.apply(decision, "send_review", office, {"user": office})
    review = LegalityReview.objects.get(object_id=decision.pk, kind="decision")
    assert review.created_by == office and review.due_on > review.requested_on
    complete_review(review, judicial, conclusion=C.UNLAWFUL)
    with pytest.raises(Refused, match="不合法"):
        workflow.apply(decision, "submit", office)
    workflow.apply(decision, "send_back", office, {"note": "按审查意见修改"})
    workflow.apply(decision, "send_review", office, {"user": office})
    complete_review(
        LegalityReview.objects.get(object_id=decision.pk, state="requested"), judicial, conclusion=C.LAWFUL
    )
    workflow.apply(decision, "submit", office)
    assert decision.state == "discussion"


def test_procedures_must_be_settled_and_mandatory_ones_never_skipped(world, decision):
    office = world.users[Role.OFFICE]
    with pytest.raises(Refused, match="专家论证.*风险评估"):
        workflow.apply(decision, "submit", office)
    with pytest.raises(Refused, match="须说明理由"):
        mark_step(decision, "experts", "na", office)
    for code in ("legality", "discussion"):
        with pytest.raises(Refused, match="必经程序"):
            mark_step(decision, code, "na", office, note="不需要")
    assert not DecisionStep.objects.filter(decision=decision).exists()


def test_adopt_needs_the_meeting_recorded_and_history_shows_every_step(world, decision, client_for):
    office, judicial = world.users[Role.OFFICE], world.users[Role.JUDICIAL]
    settle_steps(decision, office)
    workflow.apply(decision, "send_review", office, {"user": office})
    complete_review(LegalityReview.objects.get(object_id=decision.pk), judicial, conclusion=C.LAWFUL)
    workflow.apply(decision, "submit", office)
    with pytest.raises(Refused, match="审议会议.*会议日期.*出席人员"):
        workflow.apply(decision, "adopt", office)
    decision.meeting, decision.meeting_date, decision.attendees = (
        "镇党政联席会议",
        dt.date(2026, 5, 6),
        "班子成员9人",
    )
    decision.dissent = "张卫东对收费标准有不同意见"
    workflow.apply(decision, "adopt", office)
    with pytest.raises(Refused, match="第三十一条"):
        workflow.apply(decision, "publish", office)
    decision.party_reported_on = dt.date(2026, 5, 1)
    workflow.apply(decision, "publish", office)
    assert decision.published_on is not None
    page = client_for(Role.OFFICE).get(decision.get_absolute_url()).content.decode()
    for text in (
        "公众参与：已完成",
        "专家论证：不适用（技术性不强）",
        "送合法性审查",
        "提交集体讨论",
        "集体讨论通过",
        "公布决策",
        "张卫东对收费标准有不同意见",
    ):
        assert text in page, text
    assert "王丽" in page  # who did it


def test_comment_window_under_30_days_needs_a_reason(world, catalogue, client_for):
    office = client_for(Role.OFFICE)
    data = {
        "catalogue": catalogue.pk,
        "title": "短期征求",
        "category": "policy",
        "sponsor": "党政办",
        "comment_start": "2026-03-01",
        "comment_end": "2026-03-20",
        "offline_comments": 0,
    }
    response = office.post("/decisions/majordecision/new/", data)
    assert "征求意见期限不足30日" in response.content.decode()
    assert not MajorDecision.objects.filter(title="短期征求").exists()
    response = office.post("/decisions/majordecision/new/", {**data, "comment_short_reason": "防汛工作紧急"})
    assert response.status_code == 302 and MajorDecision.objects.filter(title="短期征求").exists()


def test_step_form_refusal_is_shown(world, decision, client_for):
    office = client_for(Role.OFFICE)
    response = office.post(
        f"/decisions/majordecision/{decision.pk}/step/", {"procedure": "risk", "status": "na"}, follow=True
    )
    assert "须说明理由" in response.content.decode()
    assert (
        client_for(Role.PETITION)
        .post(f"/decisions/majordecision/{decision.pk}/step/", {"procedure": "risk", "status": "done"})
        .status_code
        == 403
    )


def test_permissions(world, decision, client_for, client):
    url = decision.get_absolute_url()
    assert client.get(url).status_code == 302
    assert client_for(Role.JUDICIAL).get(url + "edit/").status_code == 200
    assert client_for(Role.ENFORCEMENT).get(url).status_code == 200
    assert client_for(Role.ENFORCEMENT).get(url + "edit/").status_code == 403
    county = client_for(Role.COUNTY)
    assert county.get(url).status_code == 200 and county.get(url + "edit/").status_code == 403
    county.post(url + "do/send_review/")
    assert MajorDecision.objects.get(pk=decision.pk).state == "drafting"
    user = get_user_model().objects.create_user("lv_office")
    RoleAssignment.objects.create(user=user, role=Role.OFFICE, organisation=world.other_townships[0])
    outsider = Client()
    outsider.force_login(user)
    assert outsider.get(url).status_code == 404


def test_demo_figures_public_pages_and_list_queries(world, client, client_for, django_assert_max_num_queries):
    demo.build(world)
    demo.build(world)
    assert MajorDecision.objects.filter(township=world.township).count() == 7
    assert DecisionCatalogue.objects.filter(township=world.township).count() == 2
    assert get("decisions.major.total").value(Scope(world.township, 2025)) == 4
    assert get("decisions.major.adopted").value(Scope(world.township, 2026)) == 1
    evaluated = MajorDecision.objects.get(title__startswith="青山镇农村生活污水")
    assert evaluated.state == "evaluated" and evaluated.history.count() > 8
    office = client_for(Role.OFFICE)
    with django_assert_max_num_queries(12):
        listing = office.get("/decisions/majordecision/")
    assert "共 7 条" in listing.content.decode()
    assert "共 4 条" in office.get("/decisions/majordecision/?year=2025").content.decode()
    public = client.get("/public/decisions/").content.decode()
    assert "2026年度重大行政决策事项目录" in public
    catalogue = DecisionCatalogue.objects.get(township=world.township, year=2026)
    page = client.get(f"/public/decisions/catalogue/{catalogue.pk}/").content.decode()
    assert "青山镇乡村旅游发展规划" in page and "已决定" in page and "班子成员" not in page
    draft = MajorDecision.objects.get(state="drafting", township=world.township)
    assert draft.title in client.get("/public/decisions/consultations/").content.decode()


def test_public_comment_is_stored_escaped_and_rate_limited(world, decision, client, client_for, settings):
    today = dt.date.today()
    MajorDecision.objects.filter(pk=decision.pk).update(
        comment_start=today - dt.timedelta(days=1), comment_end=today + dt.timedelta(days=29)
    )
    url = f"/public/decisions/consultations/{decision.pk}/"
    assert "请填写意见内容" in client.post(url, {"content": ""}).content.decode()
    response = client.post(
        url, {"name": "张三丰", "content": "<script>alert(1)</script>建议增加车位"}, follow=True
    )
    assert "您的意见已提交" in response.content.decode()
    comment = PublicComment.objects.get()
    assert comment.township == world.township and comment.subject == decision
    office_page = client_for(Role.OFFICE).get("/reviews/publiccomment/").content.decode()
    assert "&lt;script&gt;" in office_page and "<script>alert" not in office_page and "张*丰" in office_page
    for _ in range(5):
        last = client.post(url, {"content": "再提一条"})
    assert "提交过于频繁" in last.content.decode()
    assert PublicComment.objects.count() == 5
    closed = MajorDecision.objects.create(
        township=world.township, catalogue=decision.catalogue, title="x", category="plan", sponsor="x"
    )
    assert client.get(f"/public/decisions/consultations/{closed.pk}/").status_code == 404
