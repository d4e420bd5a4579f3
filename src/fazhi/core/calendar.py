"""The Chinese working-day calendar: statutory holidays and make-up working days (调休).

Years 2004-2026 come from the `chinese-calendar` package; later years from data/holidays.json,
which the project extends when the State Council publishes a new schedule. A year in neither
falls back to "weekends are rest days" and is reported, so callers can warn that a deadline is
approximate.
"""

import datetime as dt
import json
from functools import cache, lru_cache
from pathlib import Path

import chinese_calendar

DATA_FILE = Path(__file__).with_name("data") / "holidays.json"


@cache
def _project_years() -> dict[int, tuple[frozenset, frozenset]]:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))["years"]
    return {
        int(year): (
            frozenset(dt.date.fromisoformat(d) for d in spec.get("holidays", [])),
            frozenset(dt.date.fromisoformat(d) for d in spec.get("workdays", [])),
        )
        for year, spec in raw.items()
    }


def _package_covers(year: int) -> bool:
    try:
        chinese_calendar.is_workday(dt.date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


@cache
def has_data(year: int) -> bool:
    """True when the holiday schedule of `year` is known (package or project data)."""
    return year in _project_years() or _package_covers(year)


@lru_cache(maxsize=8192)
def is_workday(day: dt.date) -> bool:
    """A working day: a weekday that is not a statutory holiday, or a make-up working day (调休)."""
    if day.year in _project_years():
        holidays, workdays = _project_years()[day.year]
        if day in workdays:
            return True
        if day in holidays:
            return False
        return day.weekday() < 5
    if has_data(day.year):
        return chinese_calendar.is_workday(day)
    return day.weekday() < 5


def clear_caches() -> None:
    """After the holiday data changes (tests, a new year added at run time)."""
    _project_years.cache_clear()
    has_data.cache_clear()
    is_workday.cache_clear()
