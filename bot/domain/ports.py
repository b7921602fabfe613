"""The Protocols the services need from the outside world.

``storage/`` implements the repositories over SQL; tests may implement them in memory. A
clock is injected everywhere time matters, so tests move time instead of sleeping.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection
from contextlib import AbstractAsyncContextManager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from bot.domain.model import (
    ActionItem,
    ActionItemDraft,
    Actor,
    AgendaPoint,
    Attendance,
    AuditEntry,
    AuditNote,
    ConversationAddress,
    Decision,
    Group,
    GroupDefaults,
    Meeting,
    MeetingNote,
    Member,
    MinutesArchive,
    MinutesVersion,
    Person,
    PurgeResult,
    Role,
    RoleHolder,
    Section,
    Seminar,
    StandingTopic,
    StatusReport,
    TeamsMeetingLink,
)
from bot.domain.notice import Notice
from bot.domain.schedule import GroupPlan, OutboxEntry, PlannedPost, PlanningNeeds


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class GroupRepository(Protocol):
    async def get(self, group_id: int) -> Group | None: ...

    async def lock(self, group_id: int) -> None:
        """Take the group for this unit of work: another that locks it waits until this one
        ends, so what this one reads next (the meetings) is not changed under it."""
        ...

    async def get_by_key(self, key: str) -> Group | None: ...

    async def remember(
        self, address: ConversationAddress, defaults: GroupDefaults, now: datetime
    ) -> tuple[Group, bool]:
        """Create the group for ``address`` or refresh where it is; True if it was created."""
        ...

    async def set_regions(
        self,
        group_id: int,
        regions: list[str],
        now: datetime,
        aliases: dict[str, list[str]] | None = None,
    ) -> Group:
        """Store the regions in order and each one's other names (None: none)."""
        ...

    async def set_reporter(
        self, group_id: int, region: str, person: Person | None, now: datetime
    ) -> Group:
        """Store who reports for ``region`` (None: nobody); the other regions' stay."""
        ...

    async def set_lead_times(
        self,
        group_id: int,
        agenda: timedelta | None,
        reminders: tuple[timedelta, ...] | None,
        now: datetime,
    ) -> Group:
        """Store the group's own lead times (None: back to the defaults)."""
        ...

    async def set_language(self, group_id: int, language: str, now: datetime) -> Group: ...

    async def set_timezone(self, group_id: int, timezone: str, now: datetime) -> Group: ...

    async def set_overdue_posts(self, group_id: int, on: bool, now: datetime) -> Group:
        """Turn the group's daily post of overdue action items on or off."""
        ...

    async def set_minutes_draft(
        self, group_id: int, delay: timedelta | None, now: datetime
    ) -> Group:
        """How long after a meeting its minutes draft is posted (whole minutes); None: never."""
        ...

    async def set_meeting_start_post(self, group_id: int, on: bool, now: datetime) -> Group: ...

    async def calendar_token(self, group_id: int, new_token: str) -> str:
        """The group's calendar link secret, storing ``new_token`` if it has none yet."""
        ...

    async def by_calendar_token(self, token: str) -> Group | None: ...

    async def in_tenant(self, tenant_id: str) -> list[Group]:
        """The tenant's active groups that are not 1:1 chats, the newest first."""
        ...


class Roster(Protocol):
    """Who is in the team or chat a group lives in, as Teams lists them (not only who has
    written there): the edge asks the Bot Connector."""

    async def members(self, group: Group) -> list[Actor] | None:
        """The members (Entra id, name, Teams id); None if Teams could not be asked."""
        ...


class MemberRepository(Protocol):
    async def get(self, group_id: int, user_id: str) -> Member | None: ...

    async def seen(self, group_id: int, actor: Actor, now: datetime) -> None:
        """Store that ``actor`` spoke in the group at ``now`` (name and Teams id refreshed)."""
        ...

    async def by_teams_id(self, group_id: int, teams_id: str) -> Member | None:
        """The member with this Teams user id ("29:…"), if the bot has seen them."""
        ...

    async def latest_group_of(self, user_id: str) -> int | None:
        """The active group (not a 1:1 chat) the user was last seen in."""
        ...


class RoleRepository(Protocol):
    async def holders(self, group_id: int) -> list[RoleHolder]:
        """The group's members that have a role other than member."""
        ...

    async def set_role(self, group_id: int, person: Actor, role: Role, now: datetime) -> None:
        """Give ``person`` the role; a chair or secretary before them becomes a member."""
        ...

    async def member_named(self, group_id: int, name: str) -> Actor | None:
        """A member seen in the group whose name matches (accents and case aside)."""
        ...


class AuditLog(Protocol):
    async def add(self, group_id: int, actor: Actor, entry: AuditNote, now: datetime) -> None: ...

    async def latest(self, group_id: int, limit: int) -> list[AuditEntry]: ...


class RecordsRepository(Protocol):
    """A group's records as a whole (retention, export, forgetting a person)."""

    async def purge(self, before: datetime) -> PurgeResult: ...

    async def find_groups(self, query: str) -> list[Group]: ...

    async def export(self, group_id: int) -> dict[str, Any]: ...

    async def forget(self, person: str, now: datetime) -> dict[int, Counter[str]]: ...


class MeetingRepository(Protocol):
    async def add_many(
        self,
        group_id: int,
        meetings: list[tuple[datetime, datetime, str | None]],
        now: datetime,
    ) -> list[Meeting]:
        """Store meetings (start, end, place), soonest first."""
        ...

    async def get(self, group_id: int, meeting_id: int) -> Meeting | None: ...

    async def upcoming(self, group_id: int, now: datetime) -> list[Meeting]:
        """Scheduled meetings not yet over (the ongoing one first), soonest first."""
        ...

    async def move(
        self,
        group_id: int,
        meeting_id: int,
        starts_at: datetime,
        ends_at: datetime,
        place: str | None,
        now: datetime,
    ) -> Meeting: ...

    async def cancel(self, group_id: int, meeting_id: int, now: datetime) -> Meeting: ...

    async def started(self, group_id: int, now: datetime, limit: int) -> list[Meeting]:
        """Up to ``limit`` scheduled meetings that have begun by ``now``, the latest first."""
        ...

    async def record_held(
        self,
        group_id: int,
        meeting_id: int,
        *,
        started_at: datetime | None = None,
        ended_at: datetime | None = None,
    ) -> Meeting:
        """Note when Teams said the meeting actually started or ended (those given)."""
        ...


class TeamsMeetingRepository(Protocol):
    """Which group's meeting a Teams meeting is, and which group a meeting chat belongs to."""

    async def meeting_of(self, teams_meeting_id: str) -> TeamsMeetingLink | None:
        """The meeting the Teams meeting was last placed as."""
        ...

    async def link(self, teams_meeting_id: str, link: TeamsMeetingLink, now: datetime) -> None:
        """Place a Teams meeting as a meeting; a recurring Teams meeting keeps its id, so a
        new occurrence's link replaces the old."""
        ...

    async def chat_group(self, chat_key: str) -> int | None:
        """The group a meeting chat is linked to."""
        ...

    async def link_chat(self, chat_key: str, group_id: int, by: str, now: datetime) -> None:
        """Link a meeting chat to a group (a new link replaces the old)."""
        ...


class StatusReportRepository(Protocol):
    async def add(
        self,
        group_id: int,
        meeting_id: int | None,
        region: str,
        text: str,
        author: Actor,
        now: datetime,
    ) -> tuple[StatusReport, StatusReport | None]:
        """Store a report; the region's current one for that meeting is superseded (kept)."""
        ...

    async def current(self, group_id: int, meeting_id: int | None) -> list[StatusReport]:
        """The regions' latest reports for a meeting (None: the not yet scheduled one)."""
        ...

    async def move_to(
        self,
        group_id: int,
        from_meeting: int | None,
        to_meeting: int | None,
        *,
        except_regions: frozenset[str] = frozenset(),
    ) -> int:
        """File every report of ``from_meeting`` (None: of no meeting) under ``to_meeting``
        instead, but for the regions named; how many."""
        ...


class ActionItemRepository(Protocol):
    async def add(self, group_id: int, draft: ActionItemDraft, now: datetime) -> ActionItem:
        """Store a new item with the group's next number; numbers are never reused."""
        ...

    async def get(self, group_id: int, number: int) -> ActionItem | None: ...

    async def newest(self, group_id: int) -> ActionItem | None:
        """The group's most recently added item, if any (to tell a command sent twice)."""
        ...

    async def list_open(self, group_id: int) -> list[ActionItem]: ...

    async def list_all(self, group_id: int) -> list[ActionItem]: ...

    async def close(
        self, group_id: int, number: int, by: str, now: datetime
    ) -> tuple[ActionItem | None, bool]:
        """Close an open item; the item (None if unknown) and whether this call closed it."""
        ...

    async def update(
        self, group_id: int, number: int, now: datetime, **changes: object
    ) -> ActionItem | None:
        """Change text, owner_name, owner_id or due_at of an item."""
        ...

    async def delete(self, group_id: int, number: int, now: datetime) -> ActionItem | None:
        """Remove an item for good; the item as it was, or None if there is none."""
        ...


class DecisionRepository(Protocol):
    async def add(
        self, group_id: int, meeting_id: int | None, text: str, by: str, now: datetime
    ) -> Decision: ...

    async def newest(self, group_id: int) -> Decision | None:
        """The group's most recently recorded decision, if any."""
        ...

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[Decision]:
        """The decisions filed under the meeting, in the order recorded."""
        ...

    async def move_to(self, group_id: int, from_meeting: int | None, to_meeting: int) -> int:
        """File the decisions of ``from_meeting`` (None: of no meeting) under ``to_meeting``."""
        ...


class AgendaPointRepository(Protocol):
    async def add(
        self,
        group_id: int,
        meeting_id: int | None,
        section: Section,
        text: str,
        by: str,
        now: datetime,
    ) -> AgendaPoint: ...

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[AgendaPoint]: ...

    async def newest(self, group_id: int) -> AgendaPoint | None:
        """The group's most recently proposed point, if any."""
        ...

    async def move_to(self, group_id: int, from_meeting: int | None, to_meeting: int | None) -> int:
        """File the points of ``from_meeting`` (None: of no meeting) under ``to_meeting``."""
        ...


class AttendanceRepository(Protocol):
    async def roster(self, group_id: int, as_of: datetime | None = None) -> list[str]:
        """The names the group's attendance is taken from: members the bot has seen and
        names added (by chat, or listed by Teams), each once (accents and case aside), in
        alphabetical order; with ``as_of``, only those on the roster by then (a meeting's
        absent are the members it had, not those who joined later)."""
        ...

    async def add_to_roster(self, group_id: int, name: str, by: str, now: datetime) -> None: ...

    async def remove_from_roster(self, group_id: int, name: str) -> str | None:
        """Take a name added to the roster (by chat, a card, Teams' list or joins) off it,
        accents and case aside; the name as it was, or None if no added name is that. Marks
        at meetings stay."""
        ...

    async def mark(
        self, group_id: int, meeting_id: int, name: str, present: bool, by: str, now: datetime
    ) -> None:
        """Mark ``name`` present or absent at the meeting; a later mark replaces an earlier
        one for the same name (accents and case aside)."""
        ...

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[Attendance]:
        """The meeting's marks, in the order first marked."""
        ...


class NoteRepository(Protocol):
    async def add(
        self, group_id: int, meeting_id: int, part: str, text: str, by: str, now: datetime
    ) -> MeetingNote: ...

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[MeetingNote]:
        """The meeting's notes, oldest first."""
        ...


class MinutesRepository(Protocol):
    async def add(
        self,
        group_id: int,
        meeting_id: int,
        content: dict[str, Any],
        by: str,
        token: str,
        now: datetime,
    ) -> MinutesVersion:
        """Store a new version with the meeting's next number."""
        ...

    async def versions(self, group_id: int, meeting_id: int) -> list[MinutesVersion]:
        """Every version of the meeting's minutes, the first first."""
        ...

    async def approve(
        self, group_id: int, meeting_id: int, number: int, by: str, now: datetime
    ) -> MinutesVersion | None:
        """Stamp a version approved; None if it is unknown or was approved already (an
        approval is never overwritten)."""
        ...

    async def by_token(self, token: str) -> MinutesVersion | None: ...

    async def of_group(self, group_id: int) -> list[MinutesVersion]:
        """Every version of every meeting of the group, by meeting id, then number."""
        ...

    async def new_token(self, version_id: int, token: str) -> None:
        """Give a version a new link secret (the old links stop working)."""
        ...


class MinutesArchiveRepository(Protocol):
    """The PDF/A of approved versions: written once, never changed."""

    async def add(self, archive: MinutesArchive) -> MinutesArchive:
        """Store ``archive`` unless its version has one already; the stored one."""
        ...

    async def get(self, version_id: int) -> MinutesArchive | None: ...


class MinutesPrinter(Protocol):
    """Draws the approved minutes as an archival PDF (``bot.minutes_pdf.WeasyPrinter``)."""

    async def archival_pdf(
        self,
        content: dict[str, Any],
        stamp: str,
        language: str,
        created_at: datetime,
        sidecar: dict[str, Any],
    ) -> bytes:
        """PDF/A-3b of the minutes (``content``: a version's stored form), with ``sidecar``
        embedded as an associated file."""
        ...


# --- standing topics and seminar series ------------------------------------------------------


class TopicRepository(Protocol):
    async def add(self, group_id: int, name: str, by: str, now: datetime) -> StandingTopic: ...

    async def close(self, group_id: int, topic_id: int, now: datetime) -> StandingTopic | None:
        """Close an open topic; None if there is no such open topic."""
        ...

    async def all(self, group_id: int) -> list[StandingTopic]:
        """Every topic of the group, open and closed, oldest first."""
        ...


class SeminarRepository(Protocol):
    async def add(
        self,
        group_id: int,
        seminars: list[tuple[datetime, datetime, str, str | None]],
        by: str,
        now: datetime,
    ) -> list[Seminar]:
        """Store (start, end, unit, topic) entries, in the order given."""
        ...

    async def get(self, group_id: int, seminar_id: int) -> Seminar | None: ...

    async def upcoming(self, group_id: int, now: datetime) -> list[Seminar]:
        """The seminars not yet over, soonest first."""
        ...

    async def remove(self, group_id: int, seminar_id: int) -> Seminar | None:
        """Delete a seminar; None if there was none."""
        ...


class ActivityClaims(Protocol):
    """The activity journal's claim inside a unit of work, so the edge takes it in the same
    transaction as its own bookkeeping (where the group lives, who spoke) instead of one of
    its own (see ``ActivityJournal.claim``)."""

    async def claim(self, key: str, now: datetime) -> bool:
        """Take the activity ``key`` for handling; True only for one caller, across
        processes; a claim left incomplete for ``CLAIM_LEASE`` is taken over."""
        ...


class UnitOfWork(Protocol):
    """One transaction of a use case: the repositories inside it, and what must happen with
    the change when it commits.

    A use case opens one (``Transactions.writing()``), changes what it needs through the
    repositories, says what follows from the change (``agenda_changed``, ``posts_replanned``,
    ``audit``) and calls ``commit``. All of it is stored in that one commit, together with
    the note that the running turn's activity is handled (``HANDLING``), or none of it: a
    block left without ``commit`` (a refusal, an exception) is rolled back.
    """

    groups: GroupRepository
    members: MemberRepository
    roles: RoleRepository
    meetings: MeetingRepository
    reports: StatusReportRepository
    items: ActionItemRepository
    decisions: DecisionRepository
    points: AgendaPointRepository
    attendance: AttendanceRepository
    notes: NoteRepository
    minutes: MinutesRepository
    archive: MinutesArchiveRepository
    audit_log: AuditLog
    topics: TopicRepository
    seminars: SeminarRepository
    teams_meetings: TeamsMeetingRepository
    journal: ActivityClaims

    def agenda_changed(self, group_id: int) -> None:
        """What a posted agenda of the group shows has changed: update it in place."""
        ...

    def posts_replanned(self, group_id: int, meeting: Meeting | None = None) -> None:
        """The group's posts (or one meeting's) not sent yet are planned again from the new
        data; for a moved meeting, its posted agenda stays updatable until the new start."""
        ...

    def audit(self, group_id: int, actor: Actor, entry: AuditNote) -> None:
        """Write this line to the group's audit log with the change."""
        ...

    async def commit(self, *, handles_activity: bool = True) -> None:
        """Store the change and what follows from it. ``handles_activity=False`` for the
        bot's own bookkeeping (where a group lives, who was seen), which is not what the
        running turn's activity asked for: a crash after it must not skip the resend."""
        ...


class Transactions(Protocol):
    """Opens units of work: ``writing()`` for a change, ``reading()`` for queries only (it
    takes no write lock and cannot commit)."""

    def writing(self) -> AbstractAsyncContextManager[UnitOfWork]: ...

    def reading(self) -> AbstractAsyncContextManager[UnitOfWork]: ...


@dataclass
class Handling:
    """The inbound activity whose turn is running, as the unit of work sees it: its journal
    key, and whether a change it asked for has been committed."""

    key: str
    stored: bool = False


# Set by the bot's edge for the length of a turn. A unit of work that commits what the
# activity asked for marks it handled in the same transaction (a process killed after that
# commit is not replayed into a duplicate, one killed before it is: ``ActivityJournal.claim``)
# and notes ``stored``, so the edge never tells the user that nothing was stored when it was.
HANDLING: ContextVar[Handling | None] = ContextVar("handling", default=None)

# Longer than any turn takes (Bot Framework gives up on a request after 15 s), shorter than
# Teams keeps resending.
CLAIM_LEASE = timedelta(seconds=20)


class ActivityJournal(Protocol):
    """Remembers which inbound activities were handled, so a resent one is handled once."""

    async def claim(self, key: str, now: datetime) -> bool:
        """Take the activity ``key`` for handling; True only for one caller, across processes.
        A claim never completed within ``CLAIM_LEASE`` belonged to a process that died: the
        resend takes it over, so a crash loses no message."""
        ...

    async def done(self, key: str, now: datetime) -> None:
        """The activity was handled: every later resend of it is skipped."""
        ...

    async def forget(self, key: str) -> None:
        """Undo ``claim`` for an activity whose handling failed, so a resend is handled."""
        ...

    async def prune(self, before: datetime) -> int:
        """Drop keys first seen before ``before`` (Teams resends within minutes); how many."""
        ...


class OutboxRepository(Protocol):
    """Posts the bot makes by itself, stored before they are sent."""

    async def enqueue_due(
        self,
        now: datetime,
        decide: Callable[[list[GroupPlan]], list[PlannedPost]],
        needs: PlanningNeeds,
    ) -> tuple[list[PlannedPost], list[PlannedPost]]:
        """Load what ``needs`` says about the active groups that have any of it (their
        meetings from ``lookback`` before ``now`` to the last that can have a post due at
        ``now`` in the calendars of the places the active groups are at, further for groups
        with their own lead times; the earliest due time of their overdue items), let
        ``decide`` say what is due, and queue it in the same transaction; posts no longer
        useful are recorded as dropped. Each post is queued once, however many processes run
        this. Returns the newly queued and the newly dropped posts."""
        ...

    async def enqueue(self, posts: list[PlannedPost], now: datetime) -> list[PlannedPost]:
        """Queue posts the bot decided on outside a tick (a reply it could not deliver in its
        turn); those already queued under their key are left alone. Returns the new ones."""
        ...

    async def claim(
        self, worker: str, now: datetime, limit: int, lease: timedelta
    ) -> list[OutboxEntry]:
        """Take up to ``limit`` posts due for sending; no other worker gets them until the
        lease runs out."""
        ...

    async def sent(
        self, entry: OutboxEntry, worker: str, message: PostedMessage, now: datetime
    ) -> None:
        """Record a delivery; if the post changed meanwhile it stays queued (as an update)."""
        ...

    async def retry(self, entry: OutboxEntry, worker: str, at: datetime, error: str) -> None: ...

    async def finish(
        self, entry: OutboxEntry, worker: str, status: str, error: str | None = None
    ) -> None:
        """Close a post that will not be sent: "skipped", "dropped" or "failed"."""
        ...

    async def release_all(self, worker: str, keep: Collection[int] = ()) -> int:
        """Hand back every post ``worker`` still holds but those in ``keep`` (by id), as if
        it had never claimed them (the attempt undone), for another worker to take at once;
        how many."""
        ...

    async def group_gone(self, group_id: int, now: datetime) -> int:
        """The bot was removed from the group's conversation: mark it inactive and fail its
        queued posts; how many."""
        ...


class DeliveryProblem(StrEnum):
    RETRY = "retry"  # throttled, a server error or a timeout: try again later
    GONE = "gone"  # the bot is no longer in the conversation
    REJECTED = "rejected"  # the connector refused this post; retrying will not help


class DeliveryError(Exception):
    def __init__(self, problem: DeliveryProblem, detail: str, retry_after: float | None = None):
        super().__init__(detail)
        self.problem = problem
        self.retry_after = retry_after


@dataclass(frozen=True)
class PostedMessage:
    """Where a post landed, so it can be updated in place."""

    activity_id: str
    conversation_id: str


class Notifier(Protocol):
    """Posts to a group's conversation from outside a turn; raises ``DeliveryError``."""

    async def post(self, group: Group, notice: Notice) -> PostedMessage:
        """A new post: in a channel a new conversation (thread), elsewhere a message."""
        ...

    async def update(self, group: Group, posted: PostedMessage, notice: Notice) -> None: ...
