"""Teams meeting events: a meeting's start, end and who joins, as Teams reports them to a bot
that is in the meeting, filling in the meeting's record by themselves.

**Which meeting.** A Teams meeting already placed is the group's meeting it was placed as (a
recurring Teams meeting keeps its id, so a link whose meeting has ended is placed anew for a
later occurrence). Otherwise the group is: the meeting chat's linked group (``koppla``); the
group living where the event came from (the group's own channel, or a chat that is itself a
group) when that is a channel or has a planned meeting then; else the one group of the
tenant whose planned meeting's time contains the event. The meeting is the group's planned
meeting whose time window (from ``EARLY`` before its start to its end) contains the event;
an unplanned meeting of the group starts one with Teams' times (``opened``).

**Start** records the actual start (the meeting is under way, so what is said in its chat
belongs to it) and, if the group wants it, answers with a short post. **Joins** mark each
person present, matched to the group's members by Entra object id, then Teams id, then name
(accents and case aside); guests and people from other tenants by name, added to the roster
when new. A **leave** is no absence: it marks someone present only if nothing was marked for
them yet (their join was missed). **End** records the actual end (an unplanned meeting's end
is moved to it), and the minutes draft post is planned again from it.

Resends change nothing the first event did not (every step is idempotent: a start or end
already recorded is left, a mark already present stays). Odd orders are logged and handled
as far as they can be: a join before the start is recorded, an end without a start records
the end; an event the bot cannot place stores nothing. Nothing here answers a person but
the optional start post.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.i18n import format_when, join_words, message
from bot.domain.model import (
    Actor,
    AuditNote,
    ConversationType,
    Group,
    Meeting,
    Refusal,
    Role,
    TeamsMeetingLink,
)
from bot.domain.ports import Clock, Transactions, UnitOfWork
from bot.domain.proceedings import EARLY, on_roster
from bot.domain.replies import local
from bot.domain.text import fold, quote

log = logging.getLogger(__name__)

# An unplanned meeting's end until Teams says when it ended.
UNPLANNED_LENGTH = timedelta(hours=1)
# Events this long after a placed meeting's end are of a later occurrence.
STALE_AFTER = timedelta(minutes=10)
# Who the attendance marks are by.
MARKED_BY = "Teams"
NAME_LIMIT = 200


class EventKind(StrEnum):
    START = "meetingStart"
    END = "meetingEnd"
    JOIN = "meetingParticipantJoin"
    LEAVE = "meetingParticipantLeave"


@dataclass(frozen=True)
class Participant:
    name: str
    aad_id: str | None = None
    teams_id: str | None = None
    tenant_id: str | None = None


@dataclass(frozen=True)
class MeetingEvent:
    kind: EventKind
    teams_meeting_id: str
    # Teams' start or end time for those; when the bot got it for joins and leaves.
    at: datetime
    participants: tuple[Participant, ...] = ()


@dataclass(frozen=True)
class Handled:
    """What became of an event: the meeting it was placed as (None: unplaceable), and a post
    to answer with (the start post), if any."""

    meeting: Meeting | None
    group: Group | None = None
    post: str | None = None
    note: str = ""


class MeetingEvents:
    def __init__(self, transactions: Transactions, clock: Clock) -> None:
        self._transactions = transactions
        self._clock = clock

    async def handle(self, place: Group, event: MeetingEvent) -> Handled:
        """Record ``event``, which arrived in the conversation where ``place`` lives."""
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            placed = await self._place(uow, place, event, now)
            if placed is None:
                log.info(
                    "%s for Teams meeting %.40s not placed: no group's meeting then",
                    event.kind,
                    event.teams_meeting_id,
                )
                return Handled(None, note="unplaced")
            group, meeting, link = placed
            if event.kind is EventKind.START:
                handled = await self._start(uow, group, meeting, event)
            elif event.kind is EventKind.END:
                handled = await self._end(uow, group, meeting, link, event)
            else:
                handled = await self._attend(uow, group, meeting, event, now)
            await uow.commit()
        return handled

    async def link_chat(self, chat: Group, actor: Actor, name: str) -> str | Refusal:
        """``koppla RAG nuklearmedicin`` in a meeting's chat: the chat (its meeting, what is
        said there) belongs to that group of the tenant from now on; the chair's or the
        secretary's (any member's while the group has neither)."""
        lang = chat.language
        if chat.conversation_type is not ConversationType.GROUP_CHAT:
            return Refusal("link_not_chat")
        wanted = fold(" ".join(name.split()))
        if not wanted:
            return Refusal("link_usage")
        async with self._transactions.writing() as uow:
            tenant = await uow.groups.in_tenant(chat.tenant_id) if chat.tenant_id else []
            groups = [group for group in tenant if group.id != chat.id and group.name]
            matches = [group for group in groups if fold(group.name) == wanted]
            if len(matches) != 1:
                names = join_words([quote(group.name) for group in groups], lang)
                return Refusal(
                    "link_unknown_group",
                    {"name": quote(name), "groups": names or message(lang, "nobody")},
                )
            target = matches[0]
            officers = [
                holder
                for holder in await uow.roles.holders(target.id)
                if holder.role in (Role.CHAIR, Role.SECRETARY)
            ]
            if officers and not any(holder.is_actor(actor) for holder in officers):
                return Refusal("link_forbidden", {"group": quote(target.name)})
            await uow.teams_meetings.link_chat(chat.key, target.id, actor.name, self._clock.now())
            uow.audit(target.id, actor, AuditNote.of("meeting_chat", chat=chat.name or chat.key))
            await uow.commit()
        return message(lang, "link_saved", group=quote(target.name))

    # --- placing ------------------------------------------------------------------------

    async def _place(
        self, uow: UnitOfWork, place: Group, event: MeetingEvent, now: datetime
    ) -> tuple[Group, Meeting, TeamsMeetingLink] | None:
        link = await uow.teams_meetings.meeting_of(event.teams_meeting_id)
        if link is not None:
            group = await uow.groups.get(link.group_id)
            meeting = await uow.meetings.get(link.group_id, link.meeting_id)
            stale = (
                meeting is not None
                and meeting.ended_at is not None
                and event.at > meeting.ended_at + STALE_AFTER
            )
            if group is not None and meeting is not None and not meeting.cancelled and not stale:
                return group, meeting, link
        found = await self._group_of(uow, place, event.at)
        if found is None:
            return None
        group, meeting = found
        opened = False
        if meeting is None:
            if event.kind is not EventKind.START and event.kind is not EventKind.JOIN:
                return None  # an end or a leave of a meeting never seen: nothing to open
            start = event.at
            [meeting] = await uow.meetings.add_many(
                group.id, [(start, start + UNPLANNED_LENGTH, "Teams")], now
            )
            opened = True
            log.info("opened an unplanned meeting %s of group %s", meeting.id, group.id)
        link = TeamsMeetingLink(group.id, meeting.id, opened)
        await uow.teams_meetings.link(event.teams_meeting_id, link, now)
        return group, meeting, link

    async def _group_of(
        self, uow: UnitOfWork, place: Group, at: datetime
    ) -> tuple[Group, Meeting | None] | None:
        """The group (and its planned meeting at ``at``, if any) an unplaced event is for."""
        linked = await uow.teams_meetings.chat_group(place.key)
        if linked is not None:
            group = await uow.groups.get(linked)
            if group is not None and group.active:
                return group, await planned_at(uow, group, at)
        own = await planned_at(uow, place, at)
        if place.conversation_type is ConversationType.CHANNEL or own is not None:
            return place, own
        if place.tenant_id is None:
            return None
        candidates = []
        for group in await uow.groups.in_tenant(place.tenant_id):
            if group.id == place.id:
                continue
            meeting = await planned_at(uow, group, at)
            if meeting is not None:
                candidates.append((group, meeting))
        if len(candidates) != 1:
            if candidates:
                log.info("a meeting chat fits %d groups' meetings; none chosen", len(candidates))
            return None
        return candidates[0]

    # --- the events ---------------------------------------------------------------------

    async def _start(
        self, uow: UnitOfWork, group: Group, meeting: Meeting, event: MeetingEvent
    ) -> Handled:
        if meeting.started_at is not None:
            return Handled(meeting, group, note="already started")
        meeting = await uow.meetings.record_held(group.id, meeting.id, started_at=event.at)
        if meeting.ended_at is not None:
            log.info("meeting %s: a start after its end", meeting.id)
        post = None
        if group.meeting_start_post:
            when = format_when(local(meeting.starts_at, group), group.language)
            post = message(group.language, "meeting_started_post", meeting=when)
        return Handled(meeting, group, post=post, note="started")

    async def _end(
        self,
        uow: UnitOfWork,
        group: Group,
        meeting: Meeting,
        link: TeamsMeetingLink,
        event: MeetingEvent,
    ) -> Handled:
        if meeting.ended_at == event.at:
            return Handled(meeting, group, note="already ended")
        if meeting.started_at is None:
            log.info("meeting %s: an end without a start", meeting.id)
        if link.opened and event.at > meeting.starts_at:
            meeting = await uow.meetings.move(
                group.id, meeting.id, meeting.starts_at, event.at, meeting.place, meeting.updated_at
            )
        meeting = await uow.meetings.record_held(group.id, meeting.id, ended_at=event.at)
        # The minutes draft is planned from the actual end.
        uow.posts_replanned(group.id, meeting)
        return Handled(meeting, group, note="ended")

    async def _attend(
        self, uow: UnitOfWork, group: Group, meeting: Meeting, event: MeetingEvent, now: datetime
    ) -> Handled:
        if meeting.started_at is None:
            log.info("meeting %s: %s before its start", meeting.id, event.kind)
        marks = {
            fold(mark.name): mark for mark in await uow.attendance.for_meeting(group.id, meeting.id)
        }
        roster = {fold(name): name for name in await uow.attendance.roster(group.id)}
        for person in event.participants:
            name = await _roster_name(uow, group, person, roster)
            if name is None:
                continue
            name, _ = await on_roster(uow, group, roster, name, MARKED_BY, now)
            known = marks.get(fold(name))
            if event.kind is EventKind.LEAVE and known is not None:
                continue  # a leave is no absence, and a correction by chat stands
            if known is not None and known.present:
                continue
            await uow.attendance.mark(group.id, meeting.id, name, True, MARKED_BY, now)
        return Handled(meeting, group, note=str(event.kind))


async def planned_at(uow: UnitOfWork, group: Group, at: datetime) -> Meeting | None:
    """The group's meeting whose window (``EARLY`` before its start to its end) holds ``at``."""
    for meeting in await uow.meetings.started(group.id, at + EARLY, 3):
        if meeting.starts_at - EARLY <= at <= meeting.ends_at:
            return meeting
    return None


async def _roster_name(
    uow: UnitOfWork, group: Group, person: Participant, roster: dict[str, str]
) -> str | None:
    """The name a participant has on the group's roster: by their ids where they are of the
    group's tenant (a guest's or another tenant's ids name nobody here), else by name."""
    same_tenant = person.tenant_id is None or person.tenant_id == group.tenant_id
    if same_tenant and person.aad_id:
        member = await uow.members.get(group.id, person.aad_id)
        if member is not None:
            return member.name
    if same_tenant and person.teams_id:
        member = await uow.members.by_teams_id(group.id, person.teams_id)
        if member is not None:
            return member.name
    name = " ".join(person.name.split())[:NAME_LIMIT]
    if not name:
        return None
    return roster.get(fold(name), name)
