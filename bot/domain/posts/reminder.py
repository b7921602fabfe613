"""Reminders of a meeting: one per reminder lead of the group ("the day before" lands at 09:00
on the working day before, "15 minutes before" is exact), each useful until the next one is
due, the last until the meeting starts.

A reminder whose time had passed before the meeting was planned as it is now is never sent;
one of a meeting moved or cancelled since it was queued has nothing to say.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain import schedule
from bot.domain.i18n import message
from bot.domain.meetings import meeting_line
from bot.domain.model import Group, Meeting
from bot.domain.notice import Notice
from bot.domain.posts.base import MeetingKind, NoticeRepositories, unchanged_meeting
from bot.domain.schedule import LeadTimes, OutboxEntry, PlannedPost, PostKind, stamp
from bot.domain.text import escape_markdown


def relative(group: Group, start: datetime, now: datetime) -> str:
    """ "om 15 minuter", "i dag", "i morgon" or "på torsdag" from now."""
    left = start - now
    lang = group.language
    if left <= timedelta(hours=2):
        return message(lang, "in_minutes", minutes=max(1, round(left.total_seconds() / 60)))
    zone = ZoneInfo(group.timezone)
    days = (start.astimezone(zone).date() - now.astimezone(zone).date()).days
    if days == 0:
        return message(lang, "today")
    if days == 1:
        return message(lang, "tomorrow")
    return message(lang, "in_days", days=days)


class ReminderKind(MeetingKind):
    name = PostKind.REMINDER

    def leads_before(self, leads: LeadTimes) -> tuple[timedelta, ...]:
        return leads.reminders

    def meeting_posts(self, group: Group, meeting: Meeting, leads: LeadTimes) -> list[PlannedPost]:
        zone = ZoneInfo(group.timezone)
        country = schedule.country_of(group)
        start = meeting.starts_at
        times = sorted({schedule.post_time(start, lead, zone, country) for lead in leads.reminders})
        posts = []
        for index, due in enumerate(times):
            # A reminder is no longer useful once the next one is due.
            expires = times[index + 1] if index + 1 < len(times) else start
            if due < meeting.updated_at or due >= expires:
                continue  # its time had passed before the meeting was planned as it is now
            key = f"reminder:{meeting.id}:{stamp(start)}:{stamp(due)}"
            posts.append(self.post(key, group, meeting, due, expires))
        return posts

    async def compose(
        self, data: NoticeRepositories, group: Group, entry: OutboxEntry, now: datetime
    ) -> Notice | None:
        meeting = await unchanged_meeting(data, group, entry)
        if meeting is None:
            return None
        return Notice(
            message(
                group.language,
                "reminder",
                when=relative(group, meeting.starts_at, now),
                meeting=escape_markdown(meeting_line(meeting, group)),
            )
        )


KIND = ReminderKind()
