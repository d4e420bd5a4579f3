"""The case procedure: each guard refuses with a Chinese reason and changes nothing; the full path
from discovery to closing works; decisions with social impact are published masked."""

import datetime as dt

import pytest

from fazhi.core.roles import Role
from fazhi.core.workflow import Refused
from fazhi.enforcement import services
from fazhi.enforcement.models import EnforcementCase, PublicEntry
from fazhi.enforcement.workflows import RECORD_STEPS, workflow
from tests.enforcement.factories import case, officer, upload

S = EnforcementCase.State
pytestmark = pytest.mark.django_db


def refused(record, name, user, data=None, match=""):
    before = (record.state, record.version, record.history.count())
    with pytest.raises(Refused) as exc:
        workflow.apply(record, name, user, data or {})
    fresh = EnforcementCase.objects.get(pk=record.pk)
    assert (fresh.state, fresh.version, fresh.history.count()) == before  # nothing changed
    assert match in str(exc.value)
    return str(exc.value)


def go(record, *names, user, on=dt.date(2026, 9, 2)):
    for name in names:
        workflow.apply(record, name, user, {"date": on})
        record.refresh_from_db()
    return record


def test_two_certified_officers_needed(world):
    user = world.users[Role.ENFORCEMENT]
    lone = case(world, officers=[officer(world, "冯磊")])
    message = refused(lone, "file", user, {"date": dt.date(2026, 9, 2)}, match="第四十二条")
    assert "两名以上" in message and "1名" in message
    expired = officer(world, "何平", valid_until=dt.date(2026, 8, 31))
    lone.officers.add(expired)
    refused(lone, "file", user, {"date": dt.date(2026, 9, 2)}, match="第四十二条")
    # On a day the second certificate was still valid, the same step is allowed.
    go(lone, "file", user=user, on=dt.date(2026, 8, 20))
    assert lone.state == S.FILED and lone.filed_on == dt.date(2026, 8, 20) and lone.number.endswith("1号")


def test_no_item_no_filing(world):
    record = case(world)
    record.item = None
    record.save()
    refused(record, "file", world.users[Role.ENFORCEMENT], match="执法事项")


def test_major_decision_needs_passing_legal_review(world):
    from fazhi.reviews.models import LegalityReview
    from fazhi.reviews.services import complete_review, reviews_of

    user = world.users[Role.ENFORCEMENT]
    record = go(case(world, major=True), "file", "investigate", "notify", user=user)
    refused(record, "decide", user, {"date": dt.date(2026, 9, 3)}, match="第五十八条")
    go(record, "review", user=user)
    review = reviews_of(record).get()
    assert review.kind == "enforcement" and record.state == S.REVIEWING
    refused(record, "decide", user, {"date": dt.date(2026, 9, 3)}, match="法制审核")
    complete_review(
        review,
        world.users[Role.JUDICIAL],
        conclusion=LegalityReview.Conclusion.UNLAWFUL,
        on=dt.date(2026, 9, 3),
    )
    refused(record, "decide", user, {"date": dt.date(2026, 9, 4)}, match="审核未通过")
    # A fresh review that passes lets the decision through.
    from fazhi.reviews.services import request_review

    again = request_review(
        record, kind="enforcement", title="重新审核", user=user, requested_on=dt.date(2026, 9, 4)
    )
    complete_review(
        again, world.users[Role.JUDICIAL], conclusion=LegalityReview.Conclusion.LAWFUL, on=dt.date(2026, 9, 5)
    )
    go(record, "decide", user=user, on=dt.date(2026, 9, 6))
    assert record.state == S.DECIDED and record.decided_on == dt.date(2026, 9, 6)


def test_review_step_only_for_major_cases(world):
    user = world.users[Role.ENFORCEMENT]
    record = go(case(world), "file", "investigate", "notify", user=user)
    refused(record, "review", user, match="无需法制审核")


def test_hearing_right_waits_five_working_days_and_for_the_hearing(world):
    user = world.users[Role.ENFORCEMENT]
    record = go(case(world, hearing_right=True), "file", "investigate", user=user)
    go(record, "notify", user=user, on=dt.date(2026, 9, 25))  # Friday before the National Day holiday
    # 5 working days after 9-25 skip the 10-1..10-7 holiday: 9-28, 9-29, 9-30, 10-8, 10-9.
    message = refused(record, "decide", user, {"date": dt.date(2026, 10, 9)}, match="第六十四条")
    assert "申请期至2026-10-09届满" in message
    record.hearing_requested_on = dt.date(2026, 9, 28)
    record.save()
    refused(record, "decide", user, {"date": dt.date(2026, 10, 20)}, match="须举行听证")
    record.hearing_on = dt.date(2026, 10, 16)
    record.save()
    go(record, "decide", user=user, on=dt.date(2026, 10, 20))
    assert record.state == S.DECIDED


def test_decision_text_required(world):
    user = world.users[Role.ENFORCEMENT]
    record = go(case(world, decision=""), "file", "investigate", "notify", user=user)
    refused(record, "decide", user, match="处理决定")


def test_closing_needs_full_process_record(world):
    user = world.users[Role.ENFORCEMENT]
    record = go(case(world), "file", "investigate", "notify", "decide", "serve", "execute", user=user)
    message = refused(record, "close", user, match="第四十七条")
    for label in ("立案", "调查取证", "告知", "决定", "送达", "执行"):
        assert label in message
    assert "法制审核" not in message  # a step the case never went through is not demanded
    for step, _ in RECORD_STEPS:
        if step != S.REVIEWING:
            upload(record, user, step, "doc")
    message = refused(record, "close", user, match="缺音像记录")
    assert "缺文字记录" not in message
    for step, _ in RECORD_STEPS:
        if step not in (S.REVIEWING, S.EXECUTING):
            upload(record, user, step, "photo")
    message = refused(record, "close", user, match="执行（缺音像记录）")
    upload(record, user, S.EXECUTING, "video")
    go(record, "close", user=user, on=dt.date(2026, 9, 20))
    assert record.state == S.CLOSED and record.closed_on == dt.date(2026, 9, 20)


def test_wrong_role_cannot_move_a_case(world):
    record = case(world)
    refused(record, "file", world.users[Role.PETITION], match="没有执行")
    refused(record, "file", world.users[Role.COUNTY], match="没有执行")


def test_drop_needs_a_reason(world):
    user = world.users[Role.ENFORCEMENT]
    record = case(world)
    refused(record, "drop", user, match="须填写理由")
    workflow.apply(record, "drop", user, {"note": "违法事实不成立"})
    assert EnforcementCase.objects.get(pk=record.pk).state == S.DROPPED


def test_decision_with_social_impact_is_published_masked_and_withdrawn(world):
    user = world.users[Role.ENFORCEMENT]
    record = case(
        world,
        social_impact=True,
        decision="张建华（身份证11010519491231002X，电话13912345678）责令改正，罚款500元。",
    )
    go(record, "file", "investigate", "notify", "decide", user=user)
    entry = PublicEntry.objects.get(case=record)
    assert entry.kind == PublicEntry.Kind.DECISION
    assert "张建华" not in entry.content and "张*华" in entry.content
    assert "11010519491231002X" not in entry.content and "13912345678" not in entry.content
    services.revoke_decision(record, user, on=dt.date(2026, 9, 30), reason="复议撤销")
    due = services.withdraw_due(entry)
    # 3 working days after 9-30: the National Day holiday 10-1..10-7 does not count, the make-up Saturday 10-10 does.
    assert due.date == dt.date(2026, 10, 10)
    services.withdraw(entry, user, on=dt.date(2026, 10, 9))
    with pytest.raises(Refused):
        services.withdraw(PublicEntry.objects.get(pk=entry.pk), user)
