"""Holidays as data: the office enters a year's 放假安排 (holidays and 调休 working days), sees how it
moves the township's open deadlines, and saves; the stored due dates and the deadline board are then
recomputed by themselves.

Lines are a day or a range and an optional name: "2027-02-06 至 2027-02-13 春节", "2027-02-14".
"""

import datetime as dt
import re
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core import calendar

_LINE = re.compile(
    r"^\s*(\d{4}-\d{1,2}-\d{1,2})\s*(?:(?:至|到|~|－|—|-{2}|～)\s*(\d{4}-\d{1,2}-\d{1,2}))?\s*(.*?)\s*$"
)
MAX_DAYS = 60  # a year's schedule has ~30 holidays; more is a typing error


def parse_days(text: str, year: int, label: str) -> dict[dt.date, str]:
    """{day: name} from the lines of a text area; a ValidationError naming every bad line."""
    days, errors = {}, []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        try:
            first = dt.date.fromisoformat(_pad(match.group(1))) if match else None
            last = dt.date.fromisoformat(_pad(match.group(2))) if match and match.group(2) else first
        except ValueError:
            first = last = None
        if first is None:
            errors.append(
                f"{label}第{number}行“{line.strip()}”不是日期（格式：2027-02-06 或 2027-02-06 至 2027-02-13 春节）"
            )
            continue
        if last < first or first.year != year or last.year != year:
            errors.append(f"{label}第{number}行“{line.strip()}”不在{year}年内或起止颠倒")
            continue
        day = first
        while day <= last:
            days[day] = match.group(3)[:20]
            day += dt.timedelta(days=1)
    if len(days) > MAX_DAYS:
        errors.append(f"{label}共{len(days)}天，超过{MAX_DAYS}天，请检查")
    if errors:
        raise ValidationError(errors)
    return days


def _pad(text: str) -> str:
    y, m, d = text.split("-")
    return f"{y}-{int(m):02d}-{int(d):02d}"


def clean_schedule(year: int, holidays_text: str, workdays_text: str):
    errors, parsed = [], []
    for text, label in ((holidays_text, "放假日期"), (workdays_text, "调休上班日期")):
        try:
            parsed.append(parse_days(text, year, label))
        except ValidationError as exc:  # every bad line of both boxes at once
            errors += exc.messages
            parsed.append({})
    holidays, workdays = parsed
    errors += [f"{d:%Y-%m-%d} 同时填为放假和调休上班" for d in sorted(set(holidays) & set(workdays))]
    errors += [f"{d:%Y-%m-%d} 是工作日，不需要填为调休上班" for d in sorted(workdays) if d.weekday() < 5]
    if not holidays and not errors:
        errors.append("请填写放假日期")
    if errors:
        raise ValidationError(errors)
    return holidays, workdays


@contextmanager
def trying(year: int, holidays, workdays):
    """The calendar as if this year's schedule were saved (for the preview), in this process only."""
    original = calendar._project_years
    years = dict(original())
    years[year] = (frozenset(holidays), frozenset(workdays))
    calendar._project_years = lambda: years
    calendar._has_data.cache_clear()
    calendar._is_workday.cache_clear()
    try:
        yield
    finally:
        calendar._project_years = original
        calendar.clear_caches()


def preview(township, year: int, holidays, workdays, today: dt.date) -> list[dict]:
    """The township's open deadlines that the schedule moves: title, url, before and after."""
    from fazhi.core.board import collect

    before = {(i.title, i.url): i.due.date for i in collect(township, today)}
    with trying(year, holidays, workdays):
        after = [(i.title, i.url, i.due.date) for i in collect(township, today)]
    return [
        {"title": title, "url": url, "before": before[(title, url)], "after": due}
        for title, url, due in after
        if (title, url) in before and before[(title, url)] != due
    ]


def save_year(year: int, holidays: dict, workdays: dict, user, source: str = "") -> int:
    """Replace the year's entered schedule; recompute stored due dates and the whole board."""
    from fazhi.core import board, freshness
    from fazhi.core.models import HolidayDay

    with transaction.atomic():
        for old in HolidayDay.objects.filter(day__year=year):
            old._history_user, old._change_reason = user, f"{year}年放假安排更新"
            old.delete()
        for day, name in sorted(holidays.items()):
            _create(HolidayDay(day=day, kind="holiday", name=name, source=source), user)
        for day, name in sorted(workdays.items()):
            _create(HolidayDay(day=day, kind="workday", name=name, source=source), user)
        freshness.touch(calendar.VERSION_KEY)
    calendar.clear_caches()
    return board.rebuild()  # stored due dates first, then the board


def _create(day, user):
    day._history_user = user
    day._change_reason = "录入放假安排"
    day.save()
