"""What a post kind is: an object that both plans its posts (when each is due and until when it
is useful, from a group, its meetings or items and *now*) and composes them at sending time
from current data, or None when there is nothing left to say.

A kind also says what the outbox must load for it to plan (``Needs``): meetings or seminars
up to some way ahead, or the earliest due time of a group's overdue items. Composing reads
through ``NoticeRepositories``: the repositories of a reading unit of work, and the public URL
the links in a post point to.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.model import Group, Meeting
from bot.domain.notice import Notice
from bot.domain.ports import (
    ActionItemRepository,
    AgendaPointRepository,
    MeetingRepository,
    MinutesRepository,
    SeminarRepository,
    StatusReportRepository,
    TopicRepository,
    UnitOfWork,
)
from bot.domain.schedule import GroupPlan, LeadTimes, OutboxEntry, PlannedPost


@dataclass(frozen=True)
class NoticeRepositories:
    """The data a post is composed from: a unit of work's repositories, and where the links
    in a post point (the deployment's public URL)."""

    meetings: MeetingRepository
    reports: StatusReportRepository
    items: ActionItemRepository
    points: AgendaPointRepository
    minutes: MinutesRepository
    topics: TopicRepository
    seminars: SeminarRepository
    public_url: str

    @classmethod
    def of(cls, uow: UnitOfWork, public_url: str) -> NoticeRepositories:
        return cls(
            uow.meetings,
            uow.reports,
            uow.items,
            uow.points,
            uow.minutes,
            uow.topics,
            uow.seminars,
            public_url,
        )


@dataclass(frozen=True)
class Needs:
    """What one kind needs loaded about a group to plan."""

    # Scheduled meetings, for posts these leads before their start (empty: posts after
    # meetings only); None: no meetings.
    meeting_leads: tuple[timedelta, ...] | None = None
    # The earliest due time among the group's open items already due.
    earliest_overdue: bool = False
    # Seminars starting up to this far ahead of now; None: no seminars.
    seminars_ahead: timedelta | None = None


class Kind(ABC):
    """One kind of post; ``name`` is its key in the registry and in the outbox."""

    name: str
    # False for a kind the bot queues itself (a reply) instead of planning it.
    planned = True
    # True for a kind that stores something as it composes (the minutes draft stores the
    # version it posts): ``compose_in`` is handed a writing unit of work, committed after.
    writes = False

    @abstractmethod
    def needs(self, leads: LeadTimes) -> Needs:
        """What the outbox must load for ``plan`` on these lead times."""

    @abstractmethod
    def plan(self, plan: GroupPlan, leads: LeadTimes, now: datetime) -> list[PlannedPost]:
        """The group's posts of this kind known at ``now``; the caller keeps those due."""

    @abstractmethod
    async def compose(
        self, data: NoticeRepositories, group: Group, entry: OutboxEntry, now: datetime
    ) -> Notice | None:
        """What the queued ``entry`` says now, or None when nothing is left to say."""

    async def compose_in(
        self, uow: UnitOfWork, public_url: str, group: Group, entry: OutboxEntry, now: datetime
    ) -> Notice | None:
        """``compose`` in a unit of work: a kind that ``writes`` stores through it."""
        return await self.compose(NoticeRepositories.of(uow, public_url), group, entry, now)


class MeetingKind(Kind):
    """A kind planned per scheduled meeting, its posts keyed and timed from the meeting's start."""

    @abstractmethod
    def leads_before(self, leads: LeadTimes) -> tuple[timedelta, ...]:
        """How long before a meeting's start its posts of this kind are due (whole days:
        working days, at 09:00); none for a kind that posts after the meeting."""

    @abstractmethod
    def meeting_posts(self, group: Group, meeting: Meeting, leads: LeadTimes) -> list[PlannedPost]:
        """This kind's posts for one meeting that is not cancelled."""

    def needs(self, leads: LeadTimes) -> Needs:
        return Needs(meeting_leads=self.leads_before(leads))

    def plan(self, plan: GroupPlan, leads: LeadTimes, now: datetime) -> list[PlannedPost]:
        return self.posts_of(plan, leads, self.meeting_posts)

    @staticmethod
    def posts_of(
        plan: GroupPlan,
        leads: LeadTimes,
        meeting_posts: Callable[[Group, Meeting, LeadTimes], list[PlannedPost]],
    ) -> list[PlannedPost]:
        """The posts of the plan's meetings that are not cancelled, each meeting's from
        ``meeting_posts``: the kind's own, or a memory of them (``posts.DuePosts``)."""
        return [
            post
            for meeting in plan.meetings
            if not meeting.cancelled
            for post in meeting_posts(plan.group, meeting, leads)
        ]

    def post(
        self, key: str, group: Group, meeting: Meeting, due: datetime, expires: datetime
    ) -> PlannedPost:
        # The start it was planned for: composing tells a moved meeting by it.
        payload: dict[str, object] = {"starts_at": meeting.starts_at.isoformat()}
        return PlannedPost(key, self.name, group.id, meeting.id, due, expires, payload)


async def unchanged_meeting(
    data: NoticeRepositories, group: Group, entry: OutboxEntry
) -> Meeting | None:
    """The entry's meeting if it is still as planned when the post was queued: a moved or
    cancelled meeting has new posts planned, so the old ones have nothing to say."""
    if entry.meeting_id is None:
        return None
    meeting = await data.meetings.get(group.id, entry.meeting_id)
    if meeting is None or meeting.cancelled:
        return None
    if meeting.starts_at.isoformat() != entry.payload.get("starts_at"):
        return None
    return meeting
