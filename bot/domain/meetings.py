"""Meetings: scheduling them as the group writes them, moving, cancelling and listing them.

``mötestider 23/11 kl 13-14 Teams; 14/12 kl 11-12 Teams`` is the group's own notation, also
as the minutes write it ("23/11, kl. 13-14, Teams", one per line or after "- "). Each entry is
a day, a time range and a place: "Teams", a room, or nothing ("plats meddelas senare"). A batch
is stored whole or not at all; a meeting in the past or overlapping another is refused with
the reason. Moving and cancelling are confirmed first: the edge shows a card and calls
``move``/``cancel`` with what the card carried.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.dates import DateContext, DateError, DateProblem, parse_date, parse_time_range
from bot.domain.i18n import at_time, clock_time, format_day, message
from bot.domain.model import Group, Meeting, Refusal
from bot.domain.periods import example_day, working_day_from
from bot.domain.ports import Clock, Transactions, UnitOfWork
from bot.domain.schedule import country_of
from bot.domain.text import fold, grouped, quote

MAX_PLACE = 300
MAX_BATCH = 24
DEFAULT_LENGTH = timedelta(hours=1)
# How far ahead a meeting may be planned.
MAX_AHEAD = timedelta(days=3 * 366)

# "kl 13-14", "kl. 13.00 – 14.00", "13:00-14:30", "8–9", or "kl 13" alone (an hour long).
_TIME = r"\d{1,2}(?:[:.]\d{2})?"
_TIME_RANGE = re.compile(
    rf"(?<![\w/.:-])(?:(?:kl\.?|klockan|klokka|at)\s*)?{_TIME}\s*[-–—]\s*{_TIME}(?![\w/])"
    rf"|(?<![\w/.:-])(?:kl\.?|klockan|klokka|at)\s*{_TIME}(?![\w/-])",
    re.IGNORECASE,
)
# Ways of writing "Teams" (folded); "digitalt" or "online" are kept as written, they may
# mean another tool.
_TEAMS = {"teams", "teamsmote", "teams-mote", "via teams", "pa teams", "i teams", "ms teams",
          "microsoft teams"}  # fmt: skip
_PLACE_LATER = re.compile(
    r"^(?:plats\s+)?(?:meddelas|meddelas\s+senare|bestams\s+senare|sted\s+kommer|"
    r"sted\s+meddeles\s+senere|meddeles\s+senere|tba|tbd|to be announced|place tba)\b"
)
_ENTRY_SPLIT = re.compile(r"\s*(?:;|\n)\s*")
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_MOVE_SPLIT = re.compile(r"\s+(?:till|to|til)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class MeetingTime:
    """A meeting as typed: when and where, before it is stored."""

    starts_at: datetime
    ends_at: datetime
    place: str | None

    def overlaps(self, other: MeetingTime | Meeting) -> bool:
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at

    def same_as(self, meeting: Meeting) -> bool:
        return (self.starts_at, self.ends_at) == (meeting.starts_at, meeting.ends_at)


@dataclass(frozen=True)
class Scheduled:
    added: list[Meeting]
    # Entries that were already planned exactly so (pasting the list again is harmless).
    already: list[Meeting]


def normalise_place(text: str) -> str | None:
    """ "Teams" for any way of saying it, None for "plats meddelas senare", else as written."""
    place = " ".join(text.split()).strip(" ,.;:-–")
    folded = fold(place)
    if not place or _PLACE_LATER.match(folded):
        return None
    if folded in _TEAMS:
        return "Teams"
    return place


def read_span(text: str, context: DateContext) -> tuple[datetime, datetime, str] | Refusal:
    """An entry's day and time range, and what follows the time: "23/11, kl. 13-14, Teams"
    -> (start, end, ", Teams"), not yet checked for the past. Seminars are read so too."""
    entry = _BULLET.sub("", text).strip()
    found = _TIME_RANGE.search(entry)
    if found is None:
        return Refusal("meeting_no_time", {"entry": quote(entry)})
    day_text = entry[: found.start()].strip(" ,.;:-–")
    if not day_text:
        return Refusal("meeting_no_day", {"entry": quote(entry)})
    day = parse_date(day_text, context)
    if isinstance(day, DateError):
        key = "date_vague" if day.problem is DateProblem.VAGUE else "meeting_unreadable"
        return Refusal(key, {"phrase": quote(day_text), "entry": quote(entry)})
    if day.has_time or day.meeting or day.period:  # a meeting needs its day, not a period
        return Refusal("meeting_unreadable", {"phrase": quote(day_text), "entry": quote(entry)})
    times = parse_time_range(found.group(0))
    if times is None:
        return Refusal("meeting_bad_time", {"phrase": quote(found.group(0).strip())})
    start_time, end_time = times
    zone = context.timezone
    starts_at = datetime.combine(day.day, start_time, zone)
    ends_at = datetime.combine(day.day, end_time, zone) if end_time else starts_at + DEFAULT_LENGTH
    utc = context.now.tzinfo
    return starts_at.astimezone(utc), ends_at.astimezone(utc), entry[found.end() :]


def read_meeting(text: str, context: DateContext) -> MeetingTime | Refusal:
    """One entry: "23/11, kl. 13-14, Teams" -> a MeetingTime (not yet checked for the past)."""
    read = read_span(text, context)
    if isinstance(read, Refusal):
        return read
    starts_at, ends_at, rest = read
    place = normalise_place(rest)
    if place is not None and len(place) > MAX_PLACE:
        return Refusal("too_long", {"length": grouped(len(place)), "limit": grouped(MAX_PLACE)})
    return MeetingTime(starts_at, ends_at, place)


def split_entries(text: str) -> list[str]:
    return [entry for entry in _ENTRY_SPLIT.split(text.strip()) if entry.strip(" -–*•")]


def meeting_when(meeting: Meeting | MeetingTime, group: Group) -> str:
    """ "måndag 23 november kl. 13.00–14.00" in the group's zone and language."""
    zone = ZoneInfo(group.timezone)
    start, end = meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)
    lang = group.language
    span = f"{clock_time(start, lang)}–{clock_time(end, lang)}"
    return f"{format_day(start, lang)} {at_time(lang)} {span}"


def meeting_line(meeting: Meeting | MeetingTime, group: Group) -> str:
    """The meeting's time and place: "måndag 23 november kl. 13.00–14.00, Teams"."""
    place = meeting.place or message(group.language, "place_later")
    return f"{meeting_when(meeting, group)}, {place}"


def example_days(now: datetime, group: Group) -> dict[str, str]:
    """The dates examples show, as "d/m": a working day about three weeks ahead (``ex_day``,
    ``periods.example_day``), the working day after it (``ex_moved``) and one about a month
    later (``ex_later``). Never in the past, so the bot never suggests what it would then
    refuse."""
    country = country_of(group)
    first = example_day(now.astimezone(ZoneInfo(group.timezone)).date(), country)
    days = {
        "ex_day": first,
        "ex_moved": working_day_from(first + timedelta(days=1), country),
        "ex_later": working_day_from(first + timedelta(weeks=4), country),
    }
    return {name: f"{day.day}/{day.month}" for name, day in days.items()}


def next_to_begin(upcoming: list[Meeting], now: datetime) -> Meeting | None:
    """The first of ``upcoming`` that has not begun yet."""
    return next((meeting for meeting in upcoming if meeting.starts_at > now), None)


async def follow_the_next_meeting(
    uow: UnitOfWork, group: Group, before: Meeting | None, now: datetime
) -> None:
    """What was filed for "the next meeting" follows the next meeting until it is held: when
    another meeting becomes the next to begin (one planned sooner, or the next moved later),
    the reports, decisions and points filed for the former next one (or, if there was none,
    for no meeting) go to it. A region that already reported for it keeps that report."""
    after = next_to_begin(await uow.meetings.upcoming(group.id, now), now)
    if after is None or (before is not None and before.id == after.id):
        return
    source = before.id if before else None
    reported = frozenset(r.region for r in await uow.reports.current(group.id, after.id))
    await uow.reports.move_to(group.id, source, after.id, except_regions=reported)
    await uow.decisions.move_to(group.id, source, after.id)
    await uow.points.move_to(group.id, source, after.id)


class Meetings:
    def __init__(self, transactions: Transactions, clock: Clock) -> None:
        self._transactions = transactions
        self._clock = clock

    async def calendar_url(
        self, group: Group, public_url: str, meeting: Meeting | None = None
    ) -> str:
        """The link to the group's calendar file, or to one meeting's; the secret in it is
        made the first time it is asked for."""
        token = group.calendar_token
        if token is None:
            async with self._transactions.writing() as uow:
                token = await uow.groups.calendar_token(group.id, secrets.token_urlsafe(24))
                await uow.commit(handles_activity=False)
        one = f"/{meeting.id}" if meeting else ""
        return f"{public_url.rstrip('/')}/calendar/{token}{one}.ics"

    def examples(self, group: Group) -> dict[str, str]:
        """Today's example dates for the group (see ``example_days``)."""
        return example_days(self._clock.now(), group)

    async def get(self, group: Group, meeting_id: int) -> Meeting | None:
        async with self._transactions.reading() as uow:
            return await uow.meetings.get(group.id, meeting_id)

    async def group_of_calendar(self, token: str) -> Group | None:
        async with self._transactions.reading() as uow:
            return await uow.groups.by_calendar_token(token)

    def _context(self, group: Group, upcoming: list[Meeting]) -> DateContext:
        return DateContext.at(
            self._clock.now(),
            group.timezone,
            (m.starts_at for m in upcoming),
            country=country_of(group),
            group_name=group.name,
        )

    async def upcoming(self, group: Group) -> list[Meeting]:
        async with self._transactions.reading() as uow:
            return await uow.meetings.upcoming(group.id, self._clock.now())

    async def schedule(self, group: Group, text: str) -> Scheduled | Refusal:
        """Read every entry and store them all, or none with the first reason."""
        entries = split_entries(text)
        if not entries:
            return Refusal("meeting_none_given")
        if len(entries) > MAX_BATCH:
            return Refusal("meeting_too_many", {"limit": MAX_BATCH})
        upcoming = await self.upcoming(group)
        context = self._context(group, upcoming)
        wanted: list[MeetingTime] = []
        already: list[Meeting] = []
        for entry in entries:
            read = read_meeting(entry, context)
            if isinstance(read, Refusal):
                return read
            problem = self._check(group, read, upcoming, wanted)
            if isinstance(problem, Meeting):
                already.append(problem)
            elif problem is not None:
                return problem
            else:
                wanted.append(read)
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            await uow.groups.lock(group.id)  # see Capture.submit_report
            before = next_to_begin(await uow.meetings.upcoming(group.id, now), now)
            added = await uow.meetings.add_many(
                group.id, [(m.starts_at, m.ends_at, m.place) for m in wanted], now
            )
            await follow_the_next_meeting(uow, group, before, now)
            uow.agenda_changed(group.id)
            await uow.commit()
        return Scheduled(added, already)

    def _check(
        self,
        group: Group,
        wanted: MeetingTime,
        upcoming: list[Meeting],
        batch: list[MeetingTime],
        moving: Meeting | None = None,
    ) -> Refusal | Meeting | None:
        """Why ``wanted`` cannot be planned, the meeting it already is, or None if it can."""
        now = self._clock.now()
        if wanted.starts_at < now:
            return Refusal("meeting_past", {"when": meeting_when(wanted, group)})
        if wanted.starts_at - now > MAX_AHEAD:
            return Refusal("meeting_too_far", {"when": meeting_when(wanted, group)})
        for other in upcoming:
            if moving is not None and other.id == moving.id:
                continue
            if moving is None and wanted.same_as(other):
                return other
            if wanted.overlaps(other):
                return Refusal(
                    "meeting_overlap",
                    {"when": meeting_when(wanted, group), "other": meeting_when(other, group)},
                )
        for other_wanted in batch:
            if wanted.overlaps(other_wanted):
                return Refusal(
                    "meeting_overlap",
                    {
                        "when": meeting_when(wanted, group),
                        "other": meeting_when(other_wanted, group),
                    },
                )
        return None

    async def find(self, group: Group, day_text: str) -> Meeting | Refusal:
        """The upcoming meeting on the day ``day_text`` names ("23/11", "måndag")."""
        upcoming = await self.upcoming(group)
        if not day_text.strip():
            return Refusal("meeting_which")
        context = self._context(group, upcoming)
        day = parse_date(day_text, context)
        if isinstance(day, DateError):
            return Refusal("date_unreadable", {"phrase": quote(day_text)})
        zone = context.timezone
        for meeting in upcoming:
            if meeting.starts_at.astimezone(zone).date() == day.day:
                return meeting
        return Refusal(
            "meeting_not_found",
            {"day": format_day(datetime.combine(day.day, datetime.min.time()), group.language)},
        )

    async def plan_move(self, group: Group, args: str) -> tuple[Meeting, MeetingTime] | Refusal:
        """ "23/11 till 24/11 kl 13-14": the meeting and where it would go, checked."""
        parts = _MOVE_SPLIT.split(args.strip(), maxsplit=1)
        if len(parts) != 2 or not parts[1].strip():
            return Refusal("meeting_move_how")
        meeting = await self.find(group, parts[0])
        if isinstance(meeting, Refusal):
            return meeting
        upcoming = await self.upcoming(group)
        target = self._read_target(group, meeting, parts[1], self._context(group, upcoming))
        if isinstance(target, Refusal):
            return target
        problem = self._check(group, target, upcoming, [], moving=meeting)
        if isinstance(problem, Refusal):
            return problem
        return meeting, target

    def _read_target(
        self, group: Group, meeting: Meeting, text: str, context: DateContext
    ) -> MeetingTime | Refusal:
        """The new time: a whole entry, a day only (same time) or a time only (same day)."""
        zone = context.timezone
        start, end = meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)
        if _TIME_RANGE.search(text) is None:  # a day only: keep the time and place
            day = parse_date(text.strip(" ,."), context)
            if isinstance(day, DateError) or day.has_time:
                return Refusal("date_unreadable", {"phrase": quote(text)})
            new_start = datetime.combine(day.day, start.timetz().replace(tzinfo=None), zone)
            return MeetingTime(
                new_start.astimezone(context.now.tzinfo),
                (new_start + (end - start)).astimezone(context.now.tzinfo),
                meeting.place,
            )
        if _TIME_RANGE.match(text.strip()):  # a time only: the same day
            text = f"{start:%d/%m/%Y} {text}"
        target = read_meeting(text, context)
        if isinstance(target, MeetingTime) and target.place is None and meeting.place:
            target = MeetingTime(target.starts_at, target.ends_at, meeting.place)
        return target

    async def move(
        self, group: Group, meeting_id: int, target: MeetingTime, seen_version: str
    ) -> tuple[Meeting, Meeting] | Refusal:
        """Apply a confirmed move; refused if the meeting changed since it was shown."""
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            await uow.groups.lock(group.id)
            meeting = await uow.meetings.get(group.id, meeting_id)
            if meeting is None or meeting.cancelled or meeting.version != seen_version:
                return Refusal("meeting_changed")
            upcoming = await uow.meetings.upcoming(group.id, now)
            problem = self._check(group, target, upcoming, [], moving=meeting)
            if isinstance(problem, Refusal):
                return problem
            before = next_to_begin(upcoming, now)
            moved = await uow.meetings.move(
                group.id, meeting_id, target.starts_at, target.ends_at, target.place, now
            )
            await follow_the_next_meeting(uow, group, before, now)
            uow.posts_replanned(group.id, moved)
            uow.agenda_changed(group.id)
            await uow.commit()
        return meeting, moved

    async def cancel(self, group: Group, meeting_id: int, seen_version: str) -> Meeting | Refusal:
        """Cancel a confirmed meeting; its reports and points go on to the next meeting (a
        region that already reported for that one keeps its newer report)."""
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            await uow.groups.lock(group.id)
            meeting = await uow.meetings.get(group.id, meeting_id)
            if meeting is None or meeting.cancelled or meeting.version != seen_version:
                return Refusal("meeting_changed")
            cancelled = await uow.meetings.cancel(group.id, meeting_id, now)
            upcoming = await uow.meetings.upcoming(group.id, now)
            successor = upcoming[0].id if upcoming else None
            reported = frozenset(r.region for r in await uow.reports.current(group.id, successor))
            await uow.reports.move_to(group.id, meeting_id, successor, except_regions=reported)
            await uow.points.move_to(group.id, meeting_id, successor)
            uow.posts_replanned(group.id, cancelled)
            uow.agenda_changed(group.id)
            await uow.commit()
        return cancelled
