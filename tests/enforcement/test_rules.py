"""Deadlines: 90 days from 立案 with excluded time, the per-domain 立案 limit, certificate expiry."""

import datetime as dt

import pytest

from fazhi.core.board import items_of
from fazhi.core.roles import Role
from fazhi.core.workflow import Refused
from fazhi.enforcement import rules, services
from fazhi.enforcement.models import Domain, EnforcementOfficer, ExcludedPeriod
from tests.enforcement.factories import case, officer

pytestmark = pytest.mark.django_db


def test_every_rule_cites_an_article():
    for rule in rules.RULES:
        assert rule.article and rule.count > 0
    assert (
        rules.DECISION.count == 90
        and rules.DECISION.unit == "calendar_day"
        and "第六十条" in rules.DECISION.article
    )
    assert (
        rules.HEARING_REQUEST.unit == rules.HEARING_NOTICE.unit == rules.WITHDRAW.unit == "working_day"
    )  # art. 85
    assert not rules.FILING.verified and "未经核实" in rules.FILING.describe()


def test_decision_due_90_days_plus_excluded_time(world):
    record = case(world, filed_on=dt.date(2026, 3, 2))
    assert rules.decision_due(record).date == dt.date(
        2026, 6, 1
    )  # 3-2 + 90 days is Sunday 5-31: next working day
    user = world.users[Role.ENFORCEMENT]
    services.add_excluded_period(
        record, user, kind=ExcludedPeriod.Kind.HEARING, start=dt.date(2026, 4, 1), end=dt.date(2026, 4, 3)
    )
    services.add_excluded_period(
        record, user, kind=ExcludedPeriod.Kind.APPRAISAL, start=dt.date(2026, 4, 3), end=dt.date(2026, 4, 12)
    )
    record.refresh_from_db()
    assert rules.excluded_days(record) == 12  # 4-1..4-12, the overlapping 4-3 counted once
    due = rules.decision_due(record)
    assert due.date == dt.date(2026, 6, 12)  # 102 calendar days after 3-2, a Friday
    assert "扣除听证、鉴定等不计入期间12日" in rules.explain_decision_due(record)
    assert "登记不计入办案期限的期间" in record.history.first().history_change_reason


def test_decision_due_lands_after_the_national_day_holiday(world):
    # 90 days after 2026-07-04 is 10-02, inside the holiday: the period ends on the next working day.
    assert rules.decision_due(case(world, filed_on=dt.date(2026, 7, 4))).date == dt.date(2026, 10, 8)


def test_excluded_period_refusals_change_nothing(world):
    record = case(world, filed_on=dt.date(2026, 3, 2))
    user = world.users[Role.ENFORCEMENT]
    for start, end in (
        (dt.date(2026, 4, 5), dt.date(2026, 4, 1)),
        (dt.date(2026, 2, 1), dt.date(2026, 2, 5)),
    ):
        with pytest.raises(Refused):
            services.add_excluded_period(record, user, kind="hearing", start=start, end=end)
    assert not record.excluded_periods.exists()


def test_filing_limit_is_a_setting_per_domain(world, settings):
    assert rules.filing_rule(Domain.MARKET) is rules.FILING
    settings.FAZHI_ENFORCEMENT_FILING_DAYS = {Domain.LAND: 7}
    land = rules.filing_rule(Domain.LAND)
    assert land.count == 7 and "自然资源" in land.label and land.article == rules.FILING.article
    assert rules.filing_rule(Domain.MARKET).count == 15


def test_certificate_validity_and_reminder(world):
    today = dt.date(2026, 11, 20)
    soon = officer(world, "邹建军", valid_until=today + dt.timedelta(days=40))
    later = officer(world, "谭文", valid_until=today + dt.timedelta(days=61))
    gone = officer(world, "秦海涛", valid_until=today - dt.timedelta(days=1))
    assert soon.certified_on(today) and not gone.certified_on(today)
    assert soon.certified_on(soon.valid_until) and not soon.certified_on(
        soon.valid_until + dt.timedelta(days=1)
    )
    assert not EnforcementOfficer(name="无证", active=True, valid_until=dt.date(2030, 1, 1)).certified_on(
        today
    )
    titles = [item.title for item in items_of("enforcement", world.township, today)]
    assert any("邹建军" in t for t in titles) and not any("谭文" in t for t in titles)
    assert rules.certificate_reminder_from(soon.valid_until) == soon.valid_until - dt.timedelta(days=60)
    summary = services.officers_summary(world.township, today)
    assert summary == {**summary, "actual": 3, "certified": 2, "expiring": 1, "quota": 20}
    assert later.training_met


def test_training_target_is_a_setting(world, settings):
    record = officer(world, "蒋卫", training_hours=45)
    assert not record.training_met
    settings.FAZHI_ENFORCEMENT_TRAINING_HOURS = 40
    assert record.training_met


def test_board_lists_open_case_deadlines(world):
    record = case(world, filed_on=dt.date(2026, 9, 1), state="filed", number="青山综执〔2026〕9号")
    fined = case(
        world, state="served", number="青山综执〔2026〕3号", fine=500, served_on=dt.date(2026, 11, 2)
    )
    items = {item.title: item for item in items_of("enforcement", world.township, dt.date(2026, 11, 20))}
    assert items["执法案件 青山综执〔2026〕9号：作出处罚决定"].due.date == dt.date(2026, 11, 30)
    assert items["执法案件 青山综执〔2026〕3号：缴纳罚款"].due.date == dt.date(2026, 11, 17)
    assert items["执法案件 青山综执〔2026〕3号：缴纳罚款"].state(dt.date(2026, 11, 20)) == "overdue"
    fined.paid_on = dt.date(2026, 11, 10)
    fined.save()
    assert not any(
        "缴纳罚款" in i.title for i in items_of("enforcement", world.township, dt.date(2026, 11, 20))
    )
    assert record.pk
