"""The group's seminar series: when each seminar is, which unit leads it and its topic.

``seminarium 7/12 kl 8-9: Fysiologiska kliniken i Linköping`` adds one; the list the group's
minutes write ("7/12, 8–9 – leds av Fysiologiska kliniken i Linköping", one per line, a topic
before "leds av" or after "ämne:") adds several, all or none; a heading copied with the list is
left out. The day and time are read as meeting times are (``meetings.read_span``); a seminar in
the past is refused with an example day ahead. Pasting the list again adds nothing twice.
``seminarier`` lists the coming ones, ``seminarium ta bort 7/12`` removes one (the chair or
secretary, once there is a chair).

Upcoming seminars are on the agenda and in the minutes (under Utvecklingsområde, where the
group's minutes keep "Gemensamma utbildningar/seminarier"), in the group's calendar file, and
the channel is reminded a week and a day before each (``bot.domain.posts.seminar``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.agenda import seminar_line
from bot.domain.capture import check_text
from bot.domain.dates import DateContext, DateError, parse_date
from bot.domain.i18n import format_day
from bot.domain.meetings import (
    MAX_AHEAD,
    MAX_BATCH,
    example_days,
    read_span,
    split_entries,
)
from bot.domain.model import Actor, AuditNote, Group, Refusal, Seminar
from bot.domain.ports import Clock, Transactions
from bot.domain.schedule import country_of
from bot.domain.text import fold, quote

UNIT_LIMIT = 300
# Matched on folded text: "– leds av X", "ledes av X", "led by X", "ansvarig: X".
_LED_BY = re.compile(
    r"(?:^|(?<=[\s,;:–—-]))(?:leds av|ledes av|ledet av|led by|hosted by|"
    r"ansvarig|ansvarlig|responsible)\b\s*:?\s*"
)
_TOPIC = re.compile(r"(?:^|(?<=[\s,;–—-]))(?:amne|tema|topic)\s*:\s*")
_SEPARATORS = " ,.;:-–—"
# The meeting parser's refusals, with a seminar's example instead of a meeting's.
_AS_SEMINAR = {
    "meeting_no_time": "seminar_no_time",
    "meeting_no_day": "seminar_no_day",
    "meeting_unreadable": "seminar_unreadable",
    "date_vague": "seminar_unreadable",
}


@dataclass(frozen=True)
class SeminarTime:
    starts_at: datetime
    ends_at: datetime
    unit: str
    topic: str | None


@dataclass(frozen=True)
class ScheduledSeminars:
    added: list[Seminar]
    # Entries already in the series exactly so.
    already: list[Seminar]


def read_seminar(text: str, context: DateContext) -> SeminarTime | Refusal:
    """ "7/12, 8–9 – leds av Fysiologiska kliniken i Linköping" -> a SeminarTime."""
    read = read_span(text, context)
    if isinstance(read, Refusal):
        return Refusal(_AS_SEMINAR.get(read.key, read.key), read.values)
    starts_at, ends_at, rest = read
    topic: str | None = None
    found = _TOPIC.search(fold(rest))
    if found is not None:
        topic, rest = rest[found.end() :], rest[: found.start()]
    found = _LED_BY.search(fold(rest))
    if found is not None:
        before, rest = rest[: found.start()], rest[found.end() :]
        topic = topic or before
    unit = " ".join(rest.split()).strip(_SEPARATORS)
    topic = " ".join(topic.split()).strip(_SEPARATORS) if topic else None
    topic = topic or None
    if not unit:
        return Refusal("seminar_no_unit", {"entry": quote(text.strip())})
    for part in (unit, topic):
        problem = check_text(part, UNIT_LIMIT) if part is not None else None
        if problem:
            return problem
    return SeminarTime(starts_at, ends_at, unit, topic)


def seminar_when(seminar: Seminar | SeminarTime, group: Group) -> str:
    """ "måndag 7 december kl. 8.00–9.00" (the hour without a leading zero)."""
    zone = ZoneInfo(group.timezone)
    start, end = seminar.starts_at.astimezone(zone), seminar.ends_at.astimezone(zone)
    lang = group.language
    sep, at = (":", "at") if lang == "en" else (".", "kl.")

    def clock(moment: datetime) -> str:
        return f"{moment.hour}{sep}{moment.minute:02d}"

    return f"{format_day(start, lang)} {at} {clock(start)}–{clock(end)}"


class Seminars:
    def __init__(self, transactions: Transactions, clock: Clock) -> None:
        self._transactions = transactions
        self._clock = clock

    def _context(self, group: Group) -> DateContext:
        return DateContext.at(
            self._clock.now(), group.timezone, (), country=country_of(group), group_name=""
        )

    def _refused(self, group: Group, key: str, values: dict[str, object]) -> Refusal:
        """A refusal whose example names a day ahead (``seminarium 11/12 kl 8-9: …``)."""
        return Refusal(key, {**example_days(self._clock.now(), group), **values})

    async def upcoming(self, group: Group) -> list[Seminar]:
        async with self._transactions.reading() as uow:
            return await uow.seminars.upcoming(group.id, self._clock.now())

    async def schedule(self, group: Group, actor: Actor, text: str) -> ScheduledSeminars | Refusal:
        """Read every entry and store them all, or none with the first reason."""
        entries = split_entries(text)
        if len(entries) > 1 and not any(char.isdigit() for char in entries[0]):
            # The list copied with its heading ("- Gemensamma utbildningar/seminarier").
            entries = entries[1:]
        if not entries:
            return self._refused(group, "seminar_usage", {})
        if len(entries) > MAX_BATCH:
            return Refusal("seminar_too_many", {"limit": MAX_BATCH})
        now, context = self._clock.now(), self._context(group)
        wanted: list[SeminarTime] = []
        for entry in entries:
            read = read_seminar(entry, context)
            if isinstance(read, Refusal):
                return self._refused(group, read.key, read.values)
            when = seminar_when(read, group)
            if read.starts_at < now:
                return self._refused(group, "seminar_past", {"when": when})
            if read.starts_at - now > MAX_AHEAD:
                return Refusal("seminar_too_far", {"when": when})
            wanted.append(read)
        async with self._transactions.writing() as uow:
            await uow.groups.lock(group.id)  # the same list pasted twice at once adds it once
            taken = {s.starts_at: s for s in await uow.seminars.upcoming(group.id, now)}
            new: list[SeminarTime] = []
            already: list[Seminar] = []
            for seminar in wanted:
                other = taken.get(seminar.starts_at)
                same = next((s for s in new if s.starts_at == seminar.starts_at), None)
                if other is not None and fold(other.unit) == fold(seminar.unit):
                    already.append(other)
                    continue
                if other is not None or same is not None:
                    return Refusal(
                        "seminar_taken",
                        {
                            "when": seminar_when(seminar, group),
                            "unit": quote(other.unit if other else same.unit if same else ""),
                        },
                    )
                new.append(seminar)
            added = await uow.seminars.add(
                group.id,
                [(s.starts_at, s.ends_at, s.unit, s.topic) for s in new],
                actor.name,
                now,
            )
            if added:
                uow.agenda_changed(group.id)
                uow.posts_replanned(group.id)
            await uow.commit()
        return ScheduledSeminars(added, already)

    async def remove(self, group: Group, actor: Actor, text: str) -> Seminar | Refusal:
        """``seminarium ta bort 7/12`` (``7/12 kl 8`` where two are on one day)."""
        if not text.strip():
            return self._refused(group, "seminar_remove_usage", {})
        now, lang = self._clock.now(), group.language
        day = parse_date(text, self._context(group))
        if isinstance(day, DateError):
            return self._refused(group, "seminar_remove_unreadable", {"phrase": quote(text)})
        zone = ZoneInfo(group.timezone)
        async with self._transactions.writing() as uow:
            await uow.groups.lock(group.id)
            upcoming = await uow.seminars.upcoming(group.id, now)
            that_day = [s for s in upcoming if s.starts_at.astimezone(zone).date() == day.day]
            if day.has_time:
                that_day = [s for s in that_day if s.starts_at == day.start]
            if not that_day:
                listed = "\n".join(f"- {quote(seminar_line(s, group), 400)}" for s in upcoming)
                return Refusal(
                    "seminar_not_found" if upcoming else "seminar_not_found_none",
                    {"day": format_day(day.day, lang), "seminars": listed},
                )
            if len(that_day) > 1:
                listed = "\n".join(f"- {quote(seminar_line(s, group), 400)}" for s in that_day)
                first = that_day[0].starts_at.astimezone(zone)
                return Refusal(
                    "seminar_which",
                    {
                        "seminars": listed,
                        "day": f"{first.day}/{first.month}",
                        "hour": f"{first.hour}" if first.minute == 0 else f"{first:%H.%M}",
                    },
                )
            removed = await uow.seminars.remove(group.id, that_day[0].id)
            assert removed is not None  # the group is locked: it was there a moment ago
            uow.agenda_changed(group.id)
            uow.posts_replanned(group.id)
            uow.audit(
                group.id,
                actor,
                AuditNote.of("seminar_removed", seminar=seminar_line(removed, group)),
            )
            await uow.commit()
        return removed
