"""The Chinese working-day calendar: statutory holidays and make-up working days (调休).

Years 2004-2026 come from the `chinese-calendar` package; later years from data/holidays.json and
from what the office enters on the holidays page (`core.HolidayDay`, `save_year`), which wins for
its year. A year in none falls back to "weekends are rest days" and is reported, so callers can warn
that a deadline is approximate. Each process re-reads the entered days when the calendar's data
version changes (checked at most every CHECK_EVERY seconds), so every worker follows an entry.
"""

import datetime as dt
import json
import time
from functools import cache, lru_cache
from pathlib import Path

import chinese_calendar

DATA_FILE = Path(__file__).with_name("data") / "holidays.json"
VERSION_KEY = 1 << 40  # core.DataVersion key of the entered calendar (township keys are region ids)
CHECK_EVERY = 30  # seconds
_seen = {"at": 0.0, "version": None}


def _entered() -> dict[int, tuple[set, set]]:
    """Days entered on the holidays page, by year; nothing when there is no database to read."""
    try:
        from fazhi.core.models import HolidayDay

        rows = list(HolidayDay.objects.values_list("day", "kind"))
    except Exception:  # no database (a unit test, a command before migrate): files and package only
        return {}
    years: dict[int, tuple[set, set]] = {}
    for day, kind in rows:
        holidays, workdays = years.setdefault(day.year, (set(), set()))
        (holidays if kind == "holiday" else workdays).add(day)
    return years


@cache
def _project_years() -> dict[int, tuple[frozenset, frozenset]]:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))["years"]
    years = {
        int(year): (
            frozenset(dt.date.fromisoformat(d) for d in spec.get("holidays", [])),
            frozenset(dt.date.fromisoformat(d) for d in spec.get("workdays", [])),
        )
        for year, spec in raw.items()
    }
    years.update({year: (frozenset(h), frozenset(w)) for year, (h, w) in _entered().items()})
    return years


def _follow_entries() -> None:
    """Drop this process's caches when another process has entered a new schedule."""
    now = time.monotonic()
    if now - _seen["at"] < CHECK_EVERY:
        return
    _seen["at"] = now
    try:
        from fazhi.core.models import DataVersion

        version = DataVersion.objects.filter(key=VERSION_KEY).values_list("version", flat=True).first()
    except Exception:
        return
    if version != _seen["version"]:
        _seen["version"] = version
        clear_caches(keep_seen=True)


def _package_covers(year: int) -> bool:
    try:
        chinese_calendar.is_workday(dt.date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def has_data(year: int) -> bool:
    """True when the holiday schedule of `year` is known (package or project data)."""
    _follow_entries()
    return _has_data(year)


@cache
def _has_data(year: int) -> bool:
    return year in _project_years() or _package_covers(year)


def is_workday(day: dt.date) -> bool:
    """A working day: a weekday that is not a statutory holiday, or a make-up working day (调休)."""
    _follow_entries()
    return _is_workday(day)


@lru_cache(maxsize=8192)
def _is_workday(day: dt.date) -> bool:
    if day.year in _project_years():
        holidays, workdays = _project_years()[day.year]
        if day in workdays:
            return True
        if day in holidays:
            return False
        return day.weekday() < 5
    if _has_data(day.year):
        return chinese_calendar.is_workday(day)
    return day.weekday() < 5


def clear_caches(keep_seen: bool = False) -> None:
    """After the holiday data changes (tests, a new year added at run time)."""
    _project_years.cache_clear()
    _has_data.cache_clear()
    _is_workday.cache_clear()
    if not keep_seen:
        _seen["at"] = 0.0
