"""The agenda draft: posted a number of working days before each meeting (the group's agenda
lead), and updated in place whenever what it shows changes, until the meeting starts.

A meeting booked at short notice gets its agenda at once. The post is an Adaptive Card of the
``Agenda`` (``bot.cards`` draws it); a moved or cancelled meeting updates it too, so the
channel sees the new time or "cancelled" where the old agenda stood.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain import schedule
from bot.domain.agenda import Agenda, PreviousMinutes, build_agenda
from bot.domain.i18n import message
from bot.domain.minutes import minutes_url
from bot.domain.model import Group, Meeting
from bot.domain.notice import Notice
from bot.domain.posts.base import MeetingKind, NoticeRepositories
from bot.domain.proceedings import previous_meeting
from bot.domain.schedule import LeadTimes, OutboxEntry, PlannedPost, PostKind


async def current_agenda(
    data: NoticeRepositories,
    group: Group,
    meeting: Meeting,
    now: datetime,
    upcoming: list[Meeting] | None = None,
) -> Agenda:
    """The agenda as it stands now: reports, points, open items, the meetings ahead (``upcoming``
    if the caller has just read them), the previous meeting's minutes, the standing topics and
    the seminars."""
    return build_agenda(
        group,
        meeting,
        await data.reports.current(group.id, meeting.id),
        await data.points.for_meeting(group.id, meeting.id),
        await data.items.list_open(group.id),
        upcoming if upcoming is not None else await data.meetings.upcoming(group.id, now),
        now,
        previous=await previous_minutes(data, group, meeting),
        topics=await data.topics.all(group.id),
        seminars=await data.seminars.upcoming(group.id, meeting.starts_at),
    )


async def previous_minutes(
    data: NoticeRepositories, group: Group, meeting: Meeting
) -> PreviousMinutes | None:
    """The meeting before ``meeting`` and its latest approved minutes version's PDF/A link
    (None while no version is approved); None when there was no meeting before."""
    before = await previous_meeting(data.meetings, group, meeting)
    if before is None:
        return None
    approved = [v for v in await data.minutes.versions(group.id, before.id) if v.approved]
    link = minutes_url(data.public_url, approved[-1].token, "pdf") if approved else None
    return PreviousMinutes(before.starts_at, link)


class AgendaKind(MeetingKind):
    name = PostKind.AGENDA

    def leads_before(self, leads: LeadTimes) -> tuple[timedelta, ...]:
        return (leads.agenda,)

    def meeting_posts(self, group: Group, meeting: Meeting, leads: LeadTimes) -> list[PlannedPost]:
        zone = ZoneInfo(group.timezone)
        due = schedule.post_time(meeting.starts_at, leads.agenda, zone, schedule.country_of(group))
        # An agenda planned after its time (a meeting booked at short notice) goes now.
        due = max(due, meeting.updated_at)
        if due >= meeting.starts_at:
            return []  # a meeting recorded once under way (Teams' unplanned one) has none
        return [self.post(f"agenda:{meeting.id}", group, meeting, due, meeting.starts_at)]

    async def compose(
        self, data: NoticeRepositories, group: Group, entry: OutboxEntry, now: datetime
    ) -> Notice | None:
        if entry.meeting_id is None:
            return None
        meeting = await data.meetings.get(group.id, entry.meeting_id)
        if meeting is None:
            return None
        agenda = await current_agenda(data, group, meeting, now)
        return Notice(message(group.language, "agenda_posted"), card=agenda)


KIND = AgendaKind()
