"""The posts the bot makes by itself, one module per kind, and the registry that names them.

A kind (``base.Kind``) plans its posts and composes them; adding one is a module with its
test and a line in ``KINDS`` below. The scheduler asks ``due_posts`` what is due and
``compose`` what a queued post says; the outbox loads what ``planning_needs`` says the kinds
need. A name the registry does not know (a post queued by a newer or older version) is an
error, never another kind's post.
"""

from __future__ import annotations

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
    due = []
    for plan in plans:
        group_leads = leads.for_group(plan.group)
        for kind in kinds.values():
            due += [post for post in kind.plan(plan, group_leads, now) if post.due_at <= now]
    return due


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
        reaches = [need.meetings_ahead for need in needs if need.meetings_ahead is not None]
        seminars = [need.seminars_ahead for need in needs if need.seminars_ahead is not None]
        return Needs(
            meetings_ahead=max(reaches) if reaches else None,
            earliest_overdue=any(need.earliest_overdue for need in needs),
            seminars_ahead=max(seminars) if seminars else None,
        )

    default, own = ahead(leads), ahead(LONGEST)
    return PlanningNeeds(
        lookback=LOOKBACK,
        horizon=default.meetings_ahead,
        own_horizon=own.meetings_ahead,
        earliest_overdue=default.earliest_overdue,
        seminars_horizon=default.seminars_ahead,
    )


__all__ = [
    "KINDS",
    "Kind",
    "NoticeRepositories",
    "UnknownPostKind",
    "compose",
    "due_posts",
    "kind_named",
    "meeting_posts",
    "planning_needs",
]
