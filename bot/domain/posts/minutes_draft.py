"""The minutes draft, posted to the channel by itself once a meeting has ended: the group's
delay (``inställningar utkast 30 minuter``, or ``av``) after its end. The end is the one Teams
reported (meeting events) if it did; else the planned end, but a meeting Teams said has
started and not yet said has ended is waited for up to ``LATE_END`` past its planned end.

Composing builds the draft as ``minnesanteckningar`` does and stores it as a version (the
same one if nothing changed since), so its links work and ``justera`` approves it. A meeting
moved, cancelled or ended differently since the post was planned has nothing to say (its new
post is planned instead), nor has a group that turned the post off.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.domain.i18n import message
from bot.domain.model import Actor, Group, Meeting
from bot.domain.notice import Notice
from bot.domain.ports import UnitOfWork
from bot.domain.posts.base import MeetingKind, NoticeRepositories, unchanged_meeting
from bot.domain.proceedings import previous_meeting, store_draft
from bot.domain.schedule import LeadTimes, OutboxEntry, PlannedPost, PostKind, stamp

# How long past its planned end a meeting under way (per Teams) is waited for.
LATE_END = timedelta(hours=3)
# A draft not posted within this long after it was due is dropped.
USEFUL_FOR = timedelta(hours=12)
# The longest delay a group may choose.
MAX_DELAY = timedelta(hours=24)
BOT_ID = "ragbot"


def draft_end(meeting: Meeting) -> datetime:
    """The end the draft waits for."""
    if meeting.ended_at is not None:
        return meeting.ended_at
    if meeting.started_at is not None:
        return meeting.ends_at + LATE_END
    return meeting.ends_at


class MinutesDraftKind(MeetingKind):
    name = PostKind.MINUTES_DRAFT
    writes = True

    def leads_before(self, leads: LeadTimes) -> tuple[timedelta, ...]:
        return ()  # due after its meeting: the lookback loads it

    def meeting_posts(self, group: Group, meeting: Meeting, leads: LeadTimes) -> list[PlannedPost]:
        delay = group.minutes_draft_delay
        if delay is None:
            return []
        end = draft_end(meeting)
        due = end + delay
        if due < meeting.updated_at:
            return []  # the meeting was recorded after it was over
        key = f"minutes_draft:{meeting.id}:{stamp(meeting.starts_at)}:{stamp(end)}"
        post = self.post(key, group, meeting, due, due + USEFUL_FOR)
        post.payload["end"] = end.isoformat()
        return [post]

    async def compose(
        self, data: NoticeRepositories, group: Group, entry: OutboxEntry, now: datetime
    ) -> Notice | None:
        raise TypeError("the minutes draft stores its version: compose it with compose_in")

    async def compose_in(
        self, uow: UnitOfWork, public_url: str, group: Group, entry: OutboxEntry, now: datetime
    ) -> Notice | None:
        if group.minutes_draft_delay is None:  # turned off after it was queued
            return None
        meeting = await unchanged_meeting(uow, group, entry)
        if meeting is None or draft_end(meeting).isoformat() != entry.payload.get("end"):
            return None
        author = Actor(BOT_ID, message(group.language, "minutes_draft_author"))
        previous = await previous_meeting(uow.meetings, group, meeting)
        view = await store_draft(uow, group, meeting, previous, author, now)
        return Notice(message(group.language, "minutes_draft_post"), card=view)


KIND = MinutesDraftKind()
