"""The legality review service: deadlines, the workflow and its guards, who sees what, figures."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from fazhi.core.roles import Role
from fazhi.core.workflow import Refused
from fazhi.indicators.registry import Scope, get
from fazhi.org.models import LegalAdvisor, Person, RoleAssignment
from fazhi.reviews import demo, rules
from fazhi.reviews.guards import DELIBERATION_REFUSAL, review_passed
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.services import complete_review, passing_review, request_review
from fazhi.reviews.workflows import workflow

C = LegalityReview.Conclusion


@pytest.fixture
def subject(world):
    # Any ledger record can be reviewed; a person record stands in for a decision here.
    return Person.objects.get(township=world.township, name="王丽")


def test_decision_review_due_counts_working_days_across_october_holiday(world, subject):
    # 2025-09-26 (Fri) + 7 working days: 9/28 (调休 Sunday), 9/29, 9/30, 10/9, 10/10, 10/11 (调休 Saturday), 10/13.
    review = request_review(
        subject,
        kind="decision",
        title="茶园改造方案",
        user=world.users[Role.OFFICE],
        requested_on=dt.date(2025, 9, 26),
    )
    assert review.due_on == dt.date(2025, 10, 13)
    assert review.state == LegalityReview.State.REQUESTED and review.advisor is None
    assert "第二十六条" in review.rule.describe()


def test_document_window_is_an_unverified_setting(world, subject, settings):
    assert not rules.DOCUMENT.verified and "未经核实" in rules.DOCUMENT.describe()
    settings.FAZHI_RULE_OVERRIDES = {"reviews.document": 10}
    review = request_review(
        subject, kind="document", title="文件", user=None, requested_on=dt.date(2026, 3, 2)
    )
    assert review.due_on == dt.date(2026, 3, 16)  # 10 working days, no holiday in between


def test_request_is_idempotent_while_open_and_village_matter_goes_to_village_advisor(world):
    village = world.villages[4]  # 大坪村: advisor 许静
    person = Person.objects.create(township=world.township, village=village, name="村务")
    first = request_review(person, kind="contract", title="大坪村山林承包合同", user=None)
    assert first.advisor.name == "许静" and first.state == LegalityReview.State.ASSIGNED
    assert request_review(person, kind="contract", title="again", user=None).pk == first.pk


def test_guard_refuses_until_a_passing_review_and_latest_conclusion_counts(world, subject):
    judicial = world.users[Role.JUDICIAL]
    assert review_passed(subject, {}) == DELIBERATION_REFUSAL
    review = request_review(subject, kind="decision", title="方案", user=world.users[Role.OFFICE])
    assert review_passed(subject, {}) is not None  # still open
    complete_review(review, judicial, conclusion=C.LAWFUL_AFTER_CHANGES, changes="删除第五条")
    assert passing_review(subject) == review and review_passed(subject, {}) is None
    again = request_review(subject, kind="decision", title="方案（修改稿）", user=judicial)
    complete_review(again, judicial, conclusion=C.UNLAWFUL, changes="超越职权")
    assert passing_review(subject) is None


def test_conclude_guard_refuses_and_changes_nothing(world, subject):
    judicial = world.users[Role.JUDICIAL]
    review = request_review(subject, kind="decision", title="方案", user=judicial)
    with pytest.raises(Refused, match="法律顾问"):
        workflow.apply(review, "assign", judicial)
    review.advisor = LegalAdvisor.objects.get(township=world.township, name="杨明")
    workflow.apply(review, "assign", judicial)
    review.conclusion = C.UNLAWFUL
    with pytest.raises(Refused) as exc:
        workflow.apply(review, "conclude", judicial)
    assert "合法性意见" in str(exc.value) and "修改意见" in str(exc.value)
    stored = LegalityReview.objects.get(pk=review.pk)
    assert (
        stored.state == LegalityReview.State.ASSIGNED
        and stored.concluded_on is None
        and stored.version == review.version
    )
    # An advisor may give the opinion but not conclude.
    review.legality, review.changes = "超越权限", "删除"
    with pytest.raises(Refused, match="权限"):
        workflow.apply(review, "conclude", world.users[Role.ADVISOR])
    workflow.apply(review, "conclude", judicial)
    assert review.concluded_on is not None
    reasons = [h.history_change_reason for h in review.history.all()]
    assert any("出具审查意见" in (r or "") for r in reasons) and any("分派" in (r or "") for r in reasons)


@pytest.fixture
def reviews(world):
    judicial = world.users[Role.JUDICIAL]
    yang = LegalAdvisor.objects.get(township=world.township, name="杨明")
    xu = LegalAdvisor.objects.get(township=world.township, name="许静")
    made = []
    for i in range(30):
        r = LegalityReview(
            township=world.township,
            kind="other",
            subject_title=f"事项{i:02d}",
            requested_on=dt.date(2026, 5, 1),
            advisor=yang if i % 3 else xu,
            state="assigned",
        )
        r.due_on = r.compute_due().date  # 5/13: the May Day holiday runs to 5/5
        r.save()
        made.append(r)
    complete_review(made[0], judicial, conclusion=C.LAWFUL, on=dt.date(2026, 5, 8))
    complete_review(made[1], judicial, conclusion=C.UNLAWFUL, on=dt.date(2026, 5, 20))
    assert made[2].due_on == dt.date(2026, 5, 13)
    return made


def test_advisor_sees_only_what_is_assigned(world, client_for, reviews):
    xu_only = reviews[0]  # assigned to 许静
    advisor = client_for(Role.ADVISOR)  # qs_advisor is 杨明
    listing = advisor.get("/reviews/legalityreview/").content.decode()
    assert "事项01" in listing and "事项00" not in listing
    assert advisor.get(f"/reviews/legalityreview/{xu_only.pk}/").status_code == 404
    assert advisor.get(f"/reviews/legalityreview/{reviews[1].pk}/edit/").status_code == 200
    api = advisor.get("/api/reviews/?page_size=100").json()
    assert api["count"] == 20 and all(r["advisor"] != xu_only.advisor_id for r in api["results"])
    judicial = client_for(Role.JUDICIAL).get("/reviews/legalityreview/?q=事项00").content.decode()
    assert "事项00" in judicial


def test_permission_matrix(world, client_for, reviews, client):
    url = f"/reviews/legalityreview/{reviews[5].pk}/"
    assert client.get(url).status_code == 302
    assert client_for(Role.OFFICE).get(url).status_code == 200  # office reads the queue
    assert client_for(Role.OFFICE).get(url + "edit/").status_code == 403  # but gives no opinion
    county = client_for(Role.COUNTY)
    assert county.get(url).status_code == 200 and county.get(url + "edit/").status_code == 403
    assert county.post(url + "do/withdraw/", {"note": "x"}).status_code == 302
    assert LegalityReview.objects.get(pk=reviews[5].pk).state == "assigned"
    user = get_user_model().objects.create_user("lv_judicial")
    RoleAssignment.objects.create(user=user, role=Role.JUDICIAL, organisation=world.other_townships[0])
    outsider = Client()
    outsider.force_login(user)
    assert outsider.get(url).status_code == 404
    judicial = client_for(Role.JUDICIAL)
    response = judicial.post(url + "do/withdraw/", {"note": ""}, follow=True)
    assert "须填写理由" in response.content.decode()
    judicial.post(url + "do/withdraw/", {"note": "送审单位撤回"})
    assert LegalityReview.objects.get(pk=reviews[5].pk).state == "withdrawn"


def test_due_views_and_list_query_count(world, client_for, reviews, django_assert_max_num_queries, settings):
    judicial = client_for(Role.JUDICIAL)
    overdue = judicial.get("/reviews/legalityreview/?due=overdue").content.decode()
    assert (
        "已逾期" in overdue and "事项02" in overdue and "事项00" not in overdue
    )  # concluded ones are not overdue
    with django_assert_max_num_queries(12):
        response = judicial.get("/reviews/legalityreview/")
    assert response.status_code == 200 and "共 30 条" in response.content.decode()
    export = judicial.get("/reviews/legalityreview/?export=xlsx")
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_create_other_matter_from_the_queue_computes_due(world, client_for):
    judicial = client_for(Role.JUDICIAL)
    response = judicial.post(
        "/reviews/legalityreview/new/",
        {"kind": "decision", "subject_title": "", "requested_on": "2025-09-26"},
    )
    assert "该字段是必填项" in response.content.decode()
    judicial.post(
        "/reviews/legalityreview/new/",
        {"kind": "decision", "subject_title": "信访答复", "requested_on": "2025-09-26"},
    )
    assert LegalityReview.objects.get(subject_title="信访答复").due_on == dt.date(2025, 10, 13)


def test_figures_from_records(world, reviews):
    scope = Scope(world.township, 2026)
    assert get("reviews.total").value(scope) == 30
    assert get("reviews.unlawful_or_changed").value(scope) == 1
    assert str(get("reviews.on_time_rate").value(scope)) == "50.0"  # one of two concluded on time


def test_demo_is_idempotent(world):
    demo.build(world)
    first = LegalityReview.objects.count()
    demo.build(world)
    assert LegalityReview.objects.count() == first >= 12
    open_ = LegalityReview.objects.filter(township=world.township, state__in=LegalityReview.OPEN)
    assert open_.exists()


def test_board_lists_open_reviews(world, reviews):
    from fazhi.core.board import items_of

    items = sorted(items_of("reviews", world.township, dt.date(2026, 5, 14)), key=lambda i: i.due.date)
    assert len(items) == 28 and items[0].state(dt.date(2026, 5, 14)) == "overdue"
    assert items[0].due.date == dt.date(2026, 5, 13)


def test_office_handles_a_public_comment(world, client_for):
    from fazhi.reviews.models import PublicComment

    subject = Person.objects.get(township=world.township, name="王丽")
    comment = PublicComment.objects.create(
        township=world.township,
        content_type_id=1,
        object_id=subject.pk,
        subject_title="草案",
        name="李四",
        contact="13912345678",
        content="建议",
    )
    office = client_for(Role.OFFICE)
    url = f"/reviews/publiccomment/{comment.pk}/edit/"
    response = office.post(url, {"outcome": "adopted", "response": "", "_version": comment.version})
    assert "请填写处理说明" in response.content.decode()
    office.post(url, {"outcome": "adopted", "response": "已采纳", "_version": comment.version})
    comment.refresh_from_db()
    assert comment.handled and comment.outcome == "adopted"
    detail = client_for(Role.PETITION).get(f"/reviews/publiccomment/{comment.pk}/").content.decode()
    assert "139****5678" in detail and "李*" in detail and "13912345678" not in detail
