"""The posts the bot makes by itself, one module per kind, and the registry that names them.

A kind (``base.Kind``) plans its posts and composes them; adding one is a module with its
test and a line in ``KINDS`` below. The scheduler asks ``due_posts`` what is due and
``compose`` what a queued post says; the outbox loads what ``planning_needs`` says the kinds
need. A name the registry does not know (a post queued by a newer or older version) is an
error, never another kind's post.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.domain.model import Group, Meeting
from bot.domain.notice import Notice
from bot.domain.posts import agenda, minutes_draft, nudge, overdue, reminder, reply, seminar
from bot.domain.posts.base import Kind, MeetingKind, Needs, NoticeRepositories
from bot.domain.schedule import (
    LOOKBACK,
    MAX_LEAD,
    GroupPlan,
    LeadTimes,
    OutboxEntry,
    PlannedPost,
    PlanningNeeds,
)

# In the order a meeting's posts are queued: its agenda before its reminders.
KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        agenda.KIND,
        reminder.KIND,
        nudge.KIND,
        overdue.KIND,
        reply.KIND,
        seminar.KIND,
        minutes_draft.KIND,
    )
}
# The longest lead times a group may choose: how far ahead to look for one with its own.
LONGEST = LeadTimes(MAX_LEAD, (MAX_LEAD,))


class UnknownPostKind(LookupError):
    """A queued post names a kind the registry does not know."""


def kind_named(name: str, kinds: dict[str, Kind] = KINDS) -> Kind:
    try:
        return kinds[name]
    except KeyError:
        raise UnknownPostKind(f"no post kind {name!r}") from None


async def compose(
    data: NoticeRepositories, group: Group, entry: OutboxEntry, now: datetime
) -> Notice | None:
    """What a queued post says now (None: nothing left to say); ``UnknownPostKind`` for a
    kind not in the registry."""
    return await kind_named(entry.kind).compose(data, group, entry, now)


def due_posts(
    plans: list[GroupPlan], now: datetime, leads: LeadTimes, kinds: dict[str, Kind] = KINDS
) -> list[PlannedPost]:
    """Every post due at ``now``: those still useful are to be sent, the others were missed.

    Posts not yet due are left for a later tick.
    """
    return DuePosts(leads, kinds)(plans, now)


# Meetings whose posts ``DuePosts`` keeps; beyond this it starts again from nothing.
REMEMBERED = 200_000


class DuePosts:
    """``due_posts`` for a scheduler that asks every tick about the same meetings.

    A meeting's posts depend on its group, the meeting and the lead times, never on *now*
    (``MeetingKind.meeting_posts``): each kind's posts of a meeting are kept from one tick to
    the next and planned again only when one of the three is no longer equal to what they
    were planned from. Most ticks plan nothing new, and planning every post of thousands of
    meetings to find that out was most of their time.
    """

    def __init__(self, leads: LeadTimes, kinds: dict[str, Kind] = KINDS) -> None:
        self._leads = leads
        self._kinds = kinds
        self._memo: dict[tuple[str, int], tuple[Group, Meeting, LeadTimes, list[PlannedPost]]] = {}

    def __call__(self, plans: list[GroupPlan], now: datetime) -> list[PlannedPost]:
        due = []
        for plan in plans:
            group_leads = self._leads.for_group(plan.group)
            for kind in self._kinds.values():
                if isinstance(kind, MeetingKind):
                    planned = kind.posts_of(plan, group_leads, self._remembered(kind))
                else:
                    planned = kind.plan(plan, group_leads, now)
                due += [post for post in planned if post.due_at <= now]
        return due

    def _remembered(
        self, kind: MeetingKind
    ) -> Callable[[Group, Meeting, LeadTimes], list[PlannedPost]]:
        memo = self._memo

        def meeting_posts(group: Group, meeting: Meeting, leads: LeadTimes) -> list[PlannedPost]:
            key = (kind.name, meeting.id)
            kept = memo.get(key)
            if kept is not None and kept[1] == meeting and kept[2] == leads and kept[0] == group:
                return kept[3]
            posts = kind.meeting_posts(group, meeting, leads)
            if len(memo) >= REMEMBERED:
                memo.clear()
            memo[key] = (group, meeting, leads, posts)
            return posts

        return meeting_posts


def meeting_posts(group: Group, meeting: Meeting, leads: LeadTimes) -> list[PlannedPost]:
    """Everything the bot will post for one scheduled meeting, each with its time."""
    if meeting.cancelled:
        return []
    return [
        post
        for kind in KINDS.values()
        if isinstance(kind, MeetingKind)
        for post in kind.meeting_posts(group, meeting, leads)
    ]


def planning_needs(leads: LeadTimes, kinds: dict[str, Kind] = KINDS) -> PlanningNeeds:
    """What the outbox must load for the kinds to plan, on the default lead times and on the
    longest a group may choose."""

    def ahead(lead_times: LeadTimes) -> Needs:
        needs = [kind.needs(lead_times) for kind in kinds.values()]
        leads = [need.meeting_leads for need in needs if need.meeting_leads is not None]
        seminars = [need.seminars_ahead for need in needs if need.seminars_ahead is not None]
        return Needs(
            meeting_leads=tuple(sorted({lead for some in leads for lead in some}))
            if leads
            else None,
            earliest_overdue=any(need.earliest_overdue for need in needs),
            seminars_ahead=max(seminars) if seminars else None,
        )

    default, own = ahead(leads), ahead(LONGEST)
    return PlanningNeeds(
        lookback=LOOKBACK,
        meeting_leads=default.meeting_leads,
        own_leads=own.meeting_leads,
        earliest_overdue=default.earliest_overdue,
        seminars_horizon=default.seminars_ahead,
    )


__all__ = [
    "KINDS",
    "DuePosts",
    "Kind",
    "NoticeRepositories",
    "UnknownPostKind",
    "compose",
    "due_posts",
    "kind_named",
    "meeting_posts",
    "planning_needs",
]
