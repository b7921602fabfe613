"""The calendar the post kinds plan with, and the values the kinds and the outbox share.

Each kind of post the bot makes by itself (the agenda draft, reminders, the report nudge,
overdue items) is one module in ``bot.domain.posts``; what they plan with is here, pure
functions of a group, its meeting and *now*. A lead time in whole days counts working days
back from the meeting's day (weekends and the group's country's public holidays do not
count) and lands at 09:00 local time; any other lead is exact ("15 minutes before"). Every
planned post has a unique key, so the outbox queues it once however many ticks or processes
see it, and an expiry after which it is no longer useful (a reminder after its meeting has
started): a post missed while the bot was down is sent late if still useful, dropped otherwise."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.model import Group, Meeting, Seminar

POST_HOUR = time(9, 0)
DAY = timedelta(days=1)
# Lead times a group may choose; also how far ahead the scheduler looks for meetings.
MAX_LEAD = timedelta(days=30)
# Posts of meetings that started up to this long ago are still looked at, so one missed
# while the bot was down is recorded as dropped rather than silently forgotten.
LOOKBACK = timedelta(days=2)

# Holiday categories per country: in Sweden Midsummer Eve, Christmas Eve and New Year's Eve
# are de facto days off although not public holidays.
_CATEGORIES = {"SE": ("public", "de_facto")}
_ZONE_COUNTRIES = {
    "Europe/Stockholm": "SE",
    "Europe/Oslo": "NO",
    "Arctic/Longyearbyen": "NO",
    "Europe/Copenhagen": "DK",
    "Europe/Helsinki": "FI",
}


# Where a group is, for its calendar: its time zone's name and the country whose holidays it
# skips.
Place = tuple[str, str]


class PostKind(StrEnum):
    """The built-in kinds' names, as the outbox stores them; code that means one kind (the
    outbox's in-place agenda updates) names it by these. The registry is the list of kinds."""

    AGENDA = "agenda"
    REMINDER = "reminder"
    NUDGE = "nudge"
    OVERDUE = "overdue"
    REPLY = "reply"
    SEMINAR = "seminar"
    MINUTES_DRAFT = "minutes_draft"


@dataclass(frozen=True)
class LeadTimes:
    agenda: timedelta
    reminders: tuple[timedelta, ...]

    def for_group(self, group: Group) -> LeadTimes:
        """The group's own lead times where it has set them, these defaults otherwise."""
        return LeadTimes(
            agenda=group.agenda_lead if group.agenda_lead is not None else self.agenda,
            reminders=group.reminder_leads if group.reminder_leads is not None else self.reminders,
        )


@dataclass(frozen=True)
class PlannedPost:
    key: str
    kind: str  # a name in the registry of ``bot.domain.posts``
    group_id: int
    meeting_id: int | None
    due_at: datetime
    expires_at: datetime
    # What the sender needs to compose it later (primitives only: it is stored as JSON).
    payload: dict[str, object]

    def useful_at(self, now: datetime) -> bool:
        return now < self.expires_at


def country_of(group: Group) -> str:
    return country_in(group.timezone, group.country)


def country_in(timezone: str, country: str | None) -> str:
    """The country whose holidays a group in ``timezone`` skips: its own, or its zone's."""
    return country or _ZONE_COUNTRIES.get(timezone, "SE")


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> frozenset[date]:
    import holidays  # a tenth of a second to import with its countries: see ``warm_up``

    categories = _CATEGORIES.get(country, ("public",))
    try:
        found = holidays.country_holidays(country, years=year, categories=categories)
    except NotImplementedError:  # a country the package does not know: weekends only
        return frozenset()
    return frozenset(found)


def warm_up() -> None:
    """Import the holidays package and its countries (any one country's calendar loads all
    200 of them), which the first working day asked would otherwise wait for; the app calls
    this in a thread once it is up (``bot.app``)."""
    import holidays.countries  # noqa: F401


def is_working_day(day: date, country: str) -> bool:
    return day.weekday() < 5 and day not in _holidays(country, day.year)


@lru_cache(maxsize=4096)
def working_days_before(day: date, count: int, country: str) -> date:
    """The ``count``-th working day before ``day``: 2 before Monday 23/11 is Thursday 19/11."""
    return _working_day(day, count, country, -DAY)


@lru_cache(maxsize=4096)
def working_days_after(day: date, count: int, country: str) -> date:
    """The ``count``-th working day after ``day``: 2 after Friday 20/11 is Tuesday 24/11."""
    return _working_day(day, count, country, DAY)


def _working_day(day: date, count: int, country: str, step: timedelta) -> date:
    found = day
    while count > 0:
        found += step
        if is_working_day(found, country):
            count -= 1
    return found


def whole_days(lead: timedelta) -> int | None:
    """The number of days in a lead given in whole days, else None."""
    if lead >= DAY and lead % DAY == timedelta(0):
        return lead // DAY
    return None


def post_time(start: datetime, lead: timedelta, zone: ZoneInfo, country: str) -> datetime:
    """When a post ``lead`` before a meeting starting at ``start`` goes out, in UTC."""
    days = whole_days(lead)
    if days is None:
        return start - lead
    day = working_days_before(start.astimezone(zone).date(), days, country)
    return datetime.combine(day, POST_HOUR, zone).astimezone(start.tzinfo)


def stamp(moment: datetime) -> str:
    """A UTC moment in a post's key: ``20261124T1200Z``. Written with ``%``, which takes a
    third of the time of the same f-string: a first tick stamps thousands of keys."""
    return "%04d%02d%02dT%02d%02dZ" % (  # noqa: UP031
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
    )


@dataclass(frozen=True)
class OutboxEntry:
    """A queued post as the sender sees it."""

    id: int
    group_id: int
    key: str
    # Whatever the outbox holds, a name the registry may not know any more: composing says so.
    kind: str
    meeting_id: int | None
    payload: dict[str, object]
    due_at: datetime
    expires_at: datetime | None
    attempts: int
    revision: int
    activity_id: str | None = None
    conversation_id: str | None = None

    @property
    def is_update(self) -> bool:
        return self.activity_id is not None


@dataclass(frozen=True)
class GroupPlan:
    """What the planner is told about one group at one tick."""

    group: Group
    meetings: tuple[Meeting, ...]
    # The earliest due time among the group's open action items, if any.
    earliest_due: datetime | None = None
    # Seminars starting after now - lookback and up to the seminar horizon ahead.
    seminars: tuple[Seminar, ...] = ()


def latest_start(now: datetime, lead: timedelta, places: Collection[Place]) -> datetime:
    """The latest start of a meeting whose post ``lead`` before it can be due at ``now``, in
    a group at any of ``places``.

    A lead in whole days is due at 09:00 on the lead-th working day before the meeting's day,
    which is at or before today only for a meeting on or before the lead-th working day after
    today (2 working days before Tuesday 24/11 is Friday 20/11); any other lead is exact.
    """
    days = whole_days(lead)
    if days is None:
        return now + lead
    latest = now
    for timezone, country in places:
        try:
            zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            continue  # a zone this machine does not know: its groups cannot be planned anyway
        last_day = working_days_after(now.astimezone(zone).date(), days, country)
        latest = max(latest, datetime.combine(last_day + DAY, time(0), zone).astimezone(UTC))
    return latest


@dataclass(frozen=True)
class PlanningWindow:
    """What a tick at ``now`` loads about each active group for the kinds to plan."""

    now: datetime
    # Scheduled meetings starting after ``since`` and up to ``meetings_until``
    # (``own_meetings_until`` for a group with its own lead times); None: no meetings.
    since: datetime
    meetings_until: datetime | None
    own_meetings_until: datetime | None
    # Whether the earliest due time among each group's open items already due is loaded.
    earliest_overdue: bool
    # Seminars starting after ``since`` and up to this; None: no seminars.
    seminars_until: datetime | None = None


@dataclass(frozen=True)
class PlanningNeeds:
    """What the outbox must load about each active group for the kinds to plan at a tick."""

    # Meetings that started up to this long ago are planned from too.
    lookback: timedelta
    # The leads before a meeting's start at which the kinds post, on the default lead times
    # and on the longest a group may choose (empty: posts after meetings only); None when no
    # kind plans from meetings.
    meeting_leads: tuple[timedelta, ...] | None
    own_leads: tuple[timedelta, ...] | None
    # The earliest due time among the group's open items already due.
    earliest_overdue: bool
    # Seminars starting after now - lookback and up to now + this; None: no seminars.
    seminars_horizon: timedelta | None = None

    def window(self, now: datetime, places: Collection[Place]) -> PlanningWindow:
        """What to load at ``now`` for groups at ``places`` (those of every active group):
        only meetings that can have a post due, the lead-th working day after today at most
        in each place's calendar, not every meeting a lead could reach."""

        def until(leads: tuple[timedelta, ...] | None) -> datetime | None:
            if leads is None:
                return None
            return max((latest_start(now, lead, places) for lead in leads), default=now)

        meetings, own = until(self.meeting_leads), until(self.own_leads)
        return PlanningWindow(
            now=now,
            since=now - self.lookback,
            meetings_until=meetings,
            own_meetings_until=max(meetings, own) if meetings and own else meetings,
            earliest_overdue=self.earliest_overdue,
            seminars_until=None if self.seminars_horizon is None else now + self.seminars_horizon,
        )


def retry_delay(attempts: int, draw: float, *, base: float = 2.0, cap: float = 900.0) -> float:
    """Seconds before the next try after ``attempts`` failed ones: exponential, full jitter.

    ``draw`` is a random number in [0, 1): the jitter keeps many failed posts from retrying
    in one burst.
    """
    ceiling = min(cap, base * 2 ** max(attempts - 1, 0))
    return max(1.0, ceiling * draw)
