"""Statutory deadlines: one function computes a due date, rules are data with their article.

Counting follows the general rule of Chinese procedural law (民法典 art. 201-203; 民事诉讼法 art. 85):
the start day is not counted; a period counted in calendar days or months whose last day is a rest
day (weekend or statutory holiday) ends on the next working day instead. Working-day periods count
only working days, so make-up working days (调休) count and holidays do not.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings

from fazhi.core import calendar

CALENDAR_DAYS = "calendar_day"
WORKING_DAYS = "working_day"
MONTHS = "month"
UNIT_LABELS = {CALENDAR_DAYS: "日", WORKING_DAYS: "个工作日", MONTHS: "个月"}
SOON = 3  # days: "due soon" on the dashboard and the board


@dataclass(frozen=True)
class Due:
    """A computed due date, with how it was computed (shown to users beside the date)."""

    date: dt.date
    start: dt.date
    count: int
    unit: str
    years_without_data: tuple[int, ...] = ()

    @property
    def approximate(self) -> bool:
        return bool(self.years_without_data)

    @property
    def warning(self) -> str:
        if not self.approximate:
            return ""
        years = "、".join(str(y) for y in self.years_without_data)
        return f"{years}年节假日安排尚未录入，按仅周末休息估算，请核对。"

    def explain(self) -> str:
        return f"自{self.start:%Y-%m-%d}起{self.count}{UNIT_LABELS[self.unit]}（起算日不计入）"


def _add_months(start: dt.date, months: int) -> dt.date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - dt.timedelta(days=1)).day
    return dt.date(year, month, min(start.day, last_day))


def due_date(start: dt.date, count: int, unit: str = CALENDAR_DAYS) -> Due:
    """The last day of a period of `count` units beginning the day after `start`."""
    if count < 0:
        raise ValueError("count must not be negative")
    seen: set[int] = set()

    def workday(day: dt.date) -> bool:
        if not calendar.has_data(day.year):
            seen.add(day.year)
        return calendar.is_workday(day)

    if unit == WORKING_DAYS:
        day, left = start, count
        while left:
            day += dt.timedelta(days=1)
            if workday(day):
                left -= 1
    elif unit in (CALENDAR_DAYS, MONTHS):
        day = start + dt.timedelta(days=count) if unit == CALENDAR_DAYS else _add_months(start, count)
        while count and not workday(day):
            day += dt.timedelta(days=1)
    else:
        raise ValueError(f"unknown unit {unit!r}")
    return Due(day, start, count, unit, tuple(sorted(seen)))


@dataclass(frozen=True)
class Rule:
    """A statutory time limit: how many of which unit, and where the law says so.

    `verified` is False for numbers statutes.md marks ❓/⚠️: the UI marks them and settings may
    override the count (FAZHI_RULE_OVERRIDES = {code: count}).
    """

    code: str
    label: str
    count: int
    unit: str
    article: str
    verified: bool = True
    note: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def effective_count(self) -> int:
        return settings.FAZHI_RULE_OVERRIDES.get(self.code, self.count)

    def due(self, start: dt.date) -> Due:
        return due_date(start, self.effective_count, self.unit)

    def describe(self) -> str:
        mark = "" if self.verified else "（未经核实，可在设置中调整）"
        return f"{self.label}：{self.effective_count}{UNIT_LABELS[self.unit]}，依据{self.article}{mark}"


def days_left(due: dt.date, today: dt.date | None = None) -> int:
    return (due - (today or dt.date.today())).days


def status(due: dt.date | None, done: bool = False, today: dt.date | None = None, soon: int = 3) -> str:
    """'done', 'overdue', 'soon' (within `soon` days) or 'ok' — used for badges and the deadline board."""
    if done:
        return "done"
    if due is None:
        return "ok"
    left = days_left(due, today)
    if left < 0:
        return "overdue"
    return "soon" if left <= soon else "ok"
