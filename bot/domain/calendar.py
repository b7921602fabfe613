"""Meetings as iCalendar (.ics), for people's own calendars (the icalendar package).

One file per meeting, or every upcoming meeting of a group in one, with its coming seminars;
a meeting keeps its UID when it moves, and its SEQUENCE grows with each change, so calendar
programs update the event instead of adding a second one. A cancelled meeting is exported
with STATUS:CANCELLED. A seminar's UID is its own (``seminar-<id>``); a removed one is no
longer in the file.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.domain.i18n import message
from bot.domain.model import Group, Meeting, Seminar

if TYPE_CHECKING:
    import icalendar

PRODUCT_ID = "-//RAG-boten//Meetings//SV"


def _event(group: Group, meeting: Meeting, now: datetime, domain: str) -> icalendar.Event:
    import icalendar  # loaded when a calendar is first asked for, not at start-up

    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.id}@{domain}")
    event.add("dtstamp", now)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", group.name or message(group.language, "this_group"))
    event.add("location", meeting.place or message(group.language, "place_later"))
    # Minutes since the epoch at the last change: they grow with every change, as SEQUENCE must.
    event.add("sequence", int(meeting.updated_at.timestamp()) // 60 % 2**31)
    event.add("last-modified", meeting.updated_at)
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    return event


def _seminar_event(group: Group, seminar: Seminar, now: datetime, domain: str) -> icalendar.Event:
    import icalendar

    event = icalendar.Event()
    event.add("uid", f"seminar-{seminar.id}@{domain}")
    event.add("dtstamp", now)
    event.add("dtstart", seminar.starts_at)
    event.add("dtend", seminar.ends_at)
    title = seminar.topic or message(group.language, "seminar_summary")
    event.add("summary", f"{title} – {seminar.unit}")
    # A seminar is never changed, only added or removed: its first version is its only one.
    event.add("sequence", 0)
    event.add("last-modified", seminar.created_at)
    event.add("status", "CONFIRMED")
    return event


def meetings_calendar(
    group: Group,
    meetings: list[Meeting],
    now: datetime,
    domain: str = "ragbot",
    seminars: list[Seminar] | None = None,
) -> bytes:
    """An RFC 5545 calendar with one event per meeting and per seminar."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", group.name or message(group.language, "this_group"))
    for meeting in meetings:
        calendar.add_component(_event(group, meeting, now, domain))
    for seminar in seminars or ():
        calendar.add_component(_seminar_event(group, seminar, now, domain))
    return calendar.to_ical()
