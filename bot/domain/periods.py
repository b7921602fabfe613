"""The days that periods, holidays and seasons end on, in a group's working calendar.

A deadline written as a period ("vecka 10", "i slutet av januari", "innan jul", "Q1") means
"by the end of it", and work ends on a working day: the period's last working day in the
group's country (``bot.domain.schedule.is_working_day``: weekends, public holidays and, in
Sweden, the de facto days off such as julafton and nyårsafton). Pure calendar arithmetic,
no phrases: ``bot.domain.dates`` reads the words and asks here for the day.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from bot.domain.schedule import is_working_day

EXAMPLE_AHEAD = timedelta(weeks=3)

DAY = timedelta(days=1)

# Holidays a deadline is set "before", by the first day off they bring.
CHRISTMAS = "christmas"
EASTER = "easter"
MIDSUMMER = "midsummer"
NEW_YEAR = "new_year"

# The last month of each season (meteorological: what "i slutet av sommaren" ends with).
SEASON_LAST_MONTH = {"spring": 5, "summer": 8, "autumn": 11, "winter": 2}


def last_working_day(on_or_before: date, country: str) -> date:
    """The last working day on or before ``on_or_before``."""
    day = on_or_before
    for _ in range(21):  # no holiday run is three weeks long
        if is_working_day(day, country):
            return day
        day -= DAY
    return on_or_before


def week_end(iso_year: int, week: int, country: str) -> date | None:
    """The last working day of ISO week ``week`` (Friday unless a holiday moves it back)."""
    try:
        monday = date.fromisocalendar(iso_year, week, 1)
    except ValueError:
        return None
    friday = monday + 4 * DAY
    found = last_working_day(monday + 6 * DAY, country)
    return found if found >= monday else friday


def month_end(year: int, month: int, country: str) -> date:
    return last_working_day(date(year, month, calendar.monthrange(year, month)[1]), country)


def month_part_end(year: int, month: int, part: str, country: str) -> date:
    """ "start" is the first ten days, "middle" the 15th, "end" the whole month."""
    if part == "end":
        return month_end(year, month, country)
    return last_working_day(date(year, month, 10 if part == "start" else 15), country)


def quarter_end(year: int, quarter: int, country: str) -> date:
    return month_end(year, quarter * 3, country)


def year_end(year: int, country: str) -> date:
    return month_end(year, 12, country)


def easter_sunday(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def _first_day_off(holiday: str, year: int) -> date:
    if holiday == CHRISTMAS:
        return date(year, 12, 24)  # julafton / julaften: the day people stop
    if holiday == EASTER:
        return easter_sunday(year) - 2 * DAY  # långfredag (skärtorsdag in Norway is off too)
    if holiday == MIDSUMMER:
        return date(year, 6, 19) + (4 - date(year, 6, 19).weekday()) % 7 * DAY  # midsommarafton
    return date(year + 1, 1, 1)  # NEW_YEAR


def before_holiday(holiday: str, today: date, country: str) -> date:
    """The last working day before the holiday's first day off: this year's, or next year's
    once this year's is over."""
    for year in (today.year, today.year + 1):
        found = last_working_day(_first_day_off(holiday, year) - DAY, country)
        if found >= today:
            return found
    return found


def season_end(season: str, today: date, country: str) -> date:
    """The last working day of the season now running or next to come."""
    month = SEASON_LAST_MONTH[season]
    found = month_end(today.year, month, country)
    return found if found >= today else month_end(today.year + 1, month, country)


def working_day_from(day: date, country: str) -> date:
    """``day`` if it is a working day, else the first working day after it."""
    while not is_working_day(day, country):
        day += timedelta(days=1)
    return day


def example_day(today: date, country: str) -> date:
    """The day examples in help and refusals show: a working day about three weeks ahead, so
    an example is never a day the bot would refuse as past."""
    return working_day_from(today + EXAMPLE_AHEAD, country)
