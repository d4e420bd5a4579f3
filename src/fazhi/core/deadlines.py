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
    excluded: int = 0  # days of excluded periods (third-party opinion, suspension) not counted

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
        text = f"自{self.start:%Y-%m-%d}起{self.count}{UNIT_LABELS[self.unit]}（起算日不计入）"
        return f"{text}，另扣除不计入期限的期间{self.excluded}日" if self.excluded else text


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
class Limit:
    """A statutory bound on a number that is not a time limit (how many members, how many representatives)."""

    code: str
    label: str
    maximum: int
    article: str
    minimum: int | None = None

    def describe(self) -> str:
        if self.minimum is None:
            return f"{self.label}不超过{self.maximum}人，依据{self.article}"
        return f"{self.label}：{self.minimum}至{self.maximum}人，依据{self.article}"


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


def working_days_between(after: dt.date, until: dt.date) -> int:
    """The working days d with after < d <= until (0 when until is not later)."""
    count, day = 0, after
    while day < until:
        day += dt.timedelta(days=1)
        count += calendar.is_workday(day)
    return count


@dataclass(frozen=True)
class Remaining:
    """The time left to a due date, in the unit its rule counts: a period of working days shows the
    working days left (a calendar count would promise days the office does not work)."""

    days: int  # calendar days from today to the due date; negative once overdue
    working: int | None = None  # working days left, for a rule counted in working days

    @property
    def overdue(self) -> bool:
        return self.days < 0

    def __str__(self) -> str:
        if self.days < 0:
            return f"逾期{-self.days}天"
        if self.days == 0:
            return "今日到期"
        if self.working is not None:
            return f"剩余{self.working}个工作日"
        return f"剩余{self.days}天"


def remaining(due: dt.date, unit: str, today: dt.date) -> Remaining:
    days = (due - today).days
    working = working_days_between(today, due) if unit == WORKING_DAYS and days > 0 else None
    return Remaining(days, working)


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


def due_excluding(start: dt.date, count: int, unit: str, periods) -> Due:
    """Like `due_date`, but days inside any (first, last) period are not counted, and a period that
    ends after the due date moves it on by its days (working days: only its working days count)."""
    periods = [(a, b) for a, b in periods if b >= a]
    if not periods or unit == MONTHS:
        return due_date(start, count, unit)
    skipped: set[dt.date] = set()

    def paused(day):
        if any(a <= day <= b for a, b in periods):
            skipped.add(day)
            return True
        return False

    seen: set[int] = set()
    day, left = start, count
    while left:
        day += dt.timedelta(days=1)
        if not calendar.has_data(day.year):
            seen.add(day.year)
        if paused(day) or (unit == WORKING_DAYS and not calendar.is_workday(day)):
            continue
        left -= 1
    while unit == CALENDAR_DAYS and (not calendar.is_workday(day) or paused(day)):
        day += dt.timedelta(days=1)
    return Due(day, start, count, unit, tuple(sorted(seen)), excluded=len(skipped))


@dataclass(frozen=True)
class Deadline:
    """A statutory deadline declared once on its model (`deadlines = (Deadline(...),)`): the rule,
    the field it runs from, the extension, the column it is stored in, when it is open, the office
    that must act, and whether `core.ExcludedPeriod`s of the record pause it (补正 restarts it).
    The deadline board and `fazhi board --rebuild` derive from it (core.board)."""

    label: str  # what must be done by the date: "答复"
    rule: Rule
    start: str  # date field the period runs from
    office: str
    stored: str | None = None  # the date column kept equal to the computed date
    extension: Rule | None = None  # added to the first period's last day once `extended` is true
    extended: str | None = None  # field (or property) that is truthy once extended
    open: dict = field(default_factory=dict)  # filter of the records still running (for the board)
    closed: dict = field(default_factory=dict)  # exclude() of the records no longer running
    pauses: bool = False

    def periods(self, record):
        if not self.pauses:
            return []
        found = getattr(record, "_excluded_periods", None)
        if found is None:
            from django.apps import apps
            from django.contrib.contenttypes.models import ContentType

            model = apps.get_model("core", "ExcludedPeriod")
            kind = ContentType.objects.get_for_model(record)
            found = list(model.objects.filter(content_type=kind, object_id=record.pk)) if record.pk else []
        return found

    def compute(self, record) -> tuple[Rule, Due] | None:
        """(rule, Due) of this record, or None while its start date is unknown."""
        start = getattr(record, self.start)
        if start is None:
            return None
        excluded = []
        for period in self.periods(record):
            if period.kind in type(period).RESTARTS:
                start = max(start, period.end)  # the completed request: the period starts again
            else:
                excluded.append((period.start, period.end))
        due = due_excluding(start, self.rule.effective_count, self.rule.unit, excluded)
        if self.extension is not None and self.extended and getattr(record, self.extended):
            later = [(a, b) for a, b in excluded if b > due.date]
            return self.extension, due_excluding(
                due.date, self.extension.effective_count, self.extension.unit, later
            )
        return self.rule, due

    def refresh(self, record) -> None:
        if self.stored:
            computed = self.compute(record)
            setattr(record, self.stored, computed[1].date if computed else None)
