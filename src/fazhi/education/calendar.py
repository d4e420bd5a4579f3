"""The themed days of legal education (普法主题日) and a suggestion for an activity's date."""

import datetime as dt

from fazhi.education.models import OutreachActivity

Day = OutreachActivity.ThemedDay
Theme = OutreachActivity.Theme

# (month, day) -> (themed day, suggested theme). 12·4 wins over the week it lies in.
FIXED = {
    (3, 15): (Day.CONSUMER, Theme.CONSUMER),
    (4, 15): (Day.SECURITY, Theme.SECURITY),
    (6, 5): (Day.ENVIRONMENT, Theme.ENVIRONMENT),
    (6, 26): (Day.DRUGS, Theme.DRUGS),
    (12, 4): (Day.CONSTITUTION_DAY, Theme.CONSTITUTION),
}
# The 宪法宣传周 is announced each year by the central 普法 office; it has run 12月1日至7日 since 2018.
CONSTITUTION_WEEK = ((12, 1), (12, 7))
# Activities a few days before or after a themed day are usually organised for it.
WINDOW_DAYS = 3


def suggest(date: dt.date) -> tuple[str, str]:
    """(themed day, theme) suggested for an activity on `date`, or ("", "") when none is near.

    The day itself first, then the 宪法宣传周 (so 12月2日 counts for the week, not for 12·4), then a
    themed day within WINDOW_DAYS.
    """
    if (date.month, date.day) in FIXED:
        day, theme = FIXED[(date.month, date.day)]
        return str(day), str(theme)
    (m1, d1), (m2, d2) = CONSTITUTION_WEEK
    if dt.date(date.year, m1, d1) <= date <= dt.date(date.year, m2, d2):
        return str(Day.CONSTITUTION_WEEK), str(Theme.CONSTITUTION)
    for offset in sorted(range(-WINDOW_DAYS, WINDOW_DAYS + 1), key=abs):
        near = date + dt.timedelta(days=offset)
        if (near.month, near.day) in FIXED:
            day, theme = FIXED[(near.month, near.day)]
            return str(day), str(theme)
    return "", ""


def year_calendar(year: int) -> list[dict]:
    """The themed days of a year in date order, for the calendar page."""
    rows = [
        {"date": dt.date(year, m, d), "code": str(day), "label": day.label, "theme": theme.label}
        for (m, d), (day, theme) in FIXED.items()
    ]
    (m1, d1), (m2, d2) = CONSTITUTION_WEEK
    rows.append(
        {
            "date": dt.date(year, m1, d1),
            "end": dt.date(year, m2, d2),
            "code": str(Day.CONSTITUTION_WEEK),
            "label": Day.CONSTITUTION_WEEK.label,
            "theme": Theme.CONSTITUTION.label,
        }
    )
    return sorted(rows, key=lambda r: r["date"])
