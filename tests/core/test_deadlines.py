import datetime as dt

import pytest
from django.core.management import call_command

from fazhi.core import calendar
from fazhi.core.deadlines import CALENDAR_DAYS, MONTHS, WORKING_DAYS, Rule, due_date, status

D = dt.date


@pytest.mark.parametrize(
    ("start", "count", "unit", "expected"),
    [
        # Issue #2 examples: the National Day week 2026 and its make-up Saturday (10-10).
        (D(2026, 9, 28), 5, WORKING_DAYS, D(2026, 10, 10)),
        (D(2026, 9, 16), 15, CALENDAR_DAYS, D(2026, 10, 8)),
        # A calendar period ending on an ordinary weekend moves to Monday.
        (D(2026, 3, 6), 15, CALENDAR_DAYS, D(2026, 3, 23)),
        # Ending on a working day stays.
        (D(2026, 3, 2), 15, CALENDAR_DAYS, D(2026, 3, 17)),
        # Working days skip the Spring Festival 2026 (02-15..02-23) and count make-up day 02-28 (Sat).
        (D(2026, 2, 12), 3, WORKING_DAYS, D(2026, 2, 24)),
        # Months clamp to the month's end, then the rest-day rule applies (2026-02-28 is a make-up workday).
        (D(2026, 1, 31), 1, MONTHS, D(2026, 2, 28)),
        (D(2026, 5, 20), 0, CALENDAR_DAYS, D(2026, 5, 20)),
    ],
)
def test_due_dates(start, count, unit, expected):
    due = due_date(start, count, unit)
    assert due.date == expected
    assert not due.approximate


def test_year_without_data_falls_back_to_weekends_and_says_so():
    assert calendar.has_data(2026)
    assert not calendar.has_data(2027)
    due = due_date(D(2026, 12, 20), 20, WORKING_DAYS)
    assert due.date == D(2027, 1, 15)  # 2027-01-01 counted as a working day: no data for 2027
    assert due.years_without_data == (2027,)
    assert "2027年节假日安排尚未录入" in due.warning


def test_project_holiday_file_extends_the_package(monkeypatch):
    monkeypatch.setattr(
        calendar, "_project_years", lambda: {2027: (frozenset({D(2027, 1, 1)}), frozenset({D(2027, 1, 2)}))}
    )
    calendar._has_data.cache_clear()
    calendar._is_workday.cache_clear()
    try:
        assert calendar.has_data(2027)
        assert not calendar.is_workday(D(2027, 1, 1))
        assert calendar.is_workday(D(2027, 1, 2))  # a Saturday made a working day
        assert due_date(D(2026, 12, 31), 1, WORKING_DAYS).date == D(2027, 1, 2)
    finally:
        monkeypatch.undo()
        calendar.clear_caches()


def test_rule_overrides_from_settings(settings):
    rule = Rule("test.rule", "测试", 15, CALENDAR_DAYS, "某条例第1条", verified=False)
    assert rule.due(D(2026, 3, 2)).date == D(2026, 3, 17)
    settings.FAZHI_RULE_OVERRIDES = {"test.rule": 10}
    assert rule.due(D(2026, 3, 2)).date == D(2026, 3, 12)
    assert "未经核实" in rule.describe()


def test_status():
    today = D(2026, 5, 1)
    assert status(D(2026, 4, 30), today=today) == "overdue"
    assert status(D(2026, 5, 3), today=today) == "soon"
    assert status(D(2026, 5, 20), today=today) == "ok"
    assert status(D(2026, 4, 30), done=True, today=today) == "done"


def test_command(capsys):
    call_command("deadline", "2026-09-28", "5", "--working")
    assert capsys.readouterr().out.strip() == "2026-10-10"
    call_command("deadline", "2026-09-16", "15")
    assert capsys.readouterr().out.strip() == "2026-10-08"
    call_command("deadline", "2026-12-20", "20", "--working")
    captured = capsys.readouterr()
    assert captured.out.strip() == "2027-01-15"
    assert "警告" in captured.err
