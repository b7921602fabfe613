"""Domain dataclasses: the nouns of a working group's meeting cycle, and the value types every
use case shares (``Refusal``, ``Mention``).

Repositories in ``storage/`` return these; ORM rows never leave it. Times are aware
datetimes in UTC; a group's time zone decides only how they are shown.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.i18n import LANGUAGES, Language, message

__all__ = ["LANGUAGES", "Language"]


class ConversationType(StrEnum):
    CHANNEL = "channel"
    GROUP_CHAT = "groupChat"
    PERSONAL = "personal"


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class ConversationAddress:
    """Where a group lives in Teams, as seen on an incoming activity.

    ``key`` identifies the group: the channel id in a team (every thread of the channel is
    the same group), otherwise the conversation id. ``reference`` is the opaque, JSON-ready
    conversation reference the edge needs to post there later.
    """

    key: str
    conversation_type: ConversationType
    tenant_id: str | None = None
    team_id: str | None = None
    channel_id: str | None = None
    name: str = ""
    reference: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class GroupDefaults:
    language: Language
    timezone: str


@dataclass(frozen=True)
class Person:
    """Someone the bot can @mention: their Teams user id ("29:…") and display name."""

    teams_id: str
    name: str


@dataclass(frozen=True)
class Group:
    id: int
    key: str
    conversation_type: ConversationType
    tenant_id: str | None
    team_id: str | None
    channel_id: str | None
    name: str
    language: Language
    timezone: str
    regions: tuple[str, ...]
    reference: dict[str, Any]
    active: bool
    created_at: datetime
    # The group's own lead times (None: the deployment's defaults) and holiday country.
    agenda_lead: timedelta | None = None
    reminder_leads: tuple[timedelta, ...] | None = None
    country: str | None = None
    calendar_token: str | None = None
    # The other names people use for a region ("Region Östergötland" for Linköping).
    region_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Who reports for a region: the report nudge @mentions them.
    reporters: dict[str, Person] = field(default_factory=dict)
    # Whether the daily post of overdue action items goes out (``inställningar försenade``).
    overdue_posts: bool = True
    # How long after a meeting ends its minutes draft is posted (``inställningar utkast``);
    # None: not posted by itself.
    minutes_draft_delay: timedelta | None = timedelta(minutes=30)
    # Whether a short post greets a meeting Teams says has started (``inställningar mötesstart``).
    meeting_start_post: bool = False


@dataclass(frozen=True)
class Actor:
    """Who did something: a Teams user as the message named them."""

    id: str
    name: str
    # The Teams user id ("29:…"), which is what an @mention names; ``id`` is the Entra id.
    teams_id: str | None = None


class Role(StrEnum):
    CHAIR = "chair"
    SECRETARY = "secretary"
    # The justerare: approves the minutes with the chair, nothing else.
    ADJUSTER = "adjuster"
    MEMBER = "member"


@dataclass(frozen=True)
class RoleHolder:
    """A member with a role; matched by either of a person's ids."""

    user_id: str
    teams_id: str | None
    name: str
    role: Role

    def is_actor(self, actor: Actor) -> bool:
        return self.user_id == actor.id or (
            self.teams_id is not None and self.teams_id in (actor.teams_id, actor.id)
        )


@dataclass(frozen=True)
class PurgeResult:
    """What a retention purge removed: per group (closed items, superseded reports), and in
    all (dialog drafts, finished posts)."""

    per_group: dict[int, int]
    drafts: int
    posts: int


@dataclass(frozen=True)
class Member:
    """Someone the bot has seen write in a group."""

    user_id: str
    name: str
    teams_id: str | None
    last_seen_at: datetime


@dataclass(frozen=True)
class AuditNote:
    """A line for the audit log, as a use case says it: the action and its values."""

    action: str
    detail: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, action: str, **detail: object) -> AuditNote:
        return cls(action, {name: str(value) for name, value in detail.items()})


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log: an i18n ``audit_<action>`` text and its values."""

    at: datetime
    actor_name: str
    action: str
    detail: dict[str, str]


@dataclass(frozen=True)
class Meeting:
    id: int
    group_id: int
    starts_at: datetime
    ends_at: datetime
    place: str | None
    status: MeetingStatus
    # When it was scheduled, moved or cancelled last.
    updated_at: datetime
    # When Teams said it actually started and ended (meeting events); None: not known.
    started_at: datetime | None = None
    ended_at: datetime | None = None

    @property
    def cancelled(self) -> bool:
        return self.status is MeetingStatus.CANCELLED

    @property
    def end(self) -> datetime:
        """When it ended as far as the bot knows: Teams' end if it said one, else the planned."""
        return self.ended_at or self.ends_at

    @property
    def version(self) -> str:
        """Changes whenever the meeting does: a confirmation shown for an older version of it
        is refused."""
        state = f"{self.status}|{self.starts_at}|{self.ends_at}|{self.place}|{self.updated_at}"
        return hashlib.sha256(state.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class TeamsMeetingLink:
    """A Teams meeting (as its events name it) placed as one of a group's meetings; ``opened``
    when the events made that meeting (an unplanned one), so its times are Teams' own."""

    group_id: int
    meeting_id: int
    opened: bool = False


@dataclass(frozen=True)
class StatusReport:
    id: int
    group_id: int
    meeting_id: int | None
    region: str
    text: str
    author_id: str
    author_name: str
    created_at: datetime
    superseded_at: datetime | None = None


@dataclass(frozen=True)
class ActionItemDraft:
    """An action item as captured, before the group has given it a number."""

    text: str
    created_by: str
    owner_name: str | None = None
    owner_id: str | None = None
    due_at: datetime | None = None


@dataclass(frozen=True)
class ActionItem:
    id: int
    group_id: int
    number: int
    text: str
    created_by: str
    created_at: datetime
    owner_name: str | None = None
    owner_id: str | None = None
    due_at: datetime | None = None
    closed_at: datetime | None = None
    closed_by: str | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class Decision:
    id: int
    group_id: int
    meeting_id: int | None
    text: str
    created_by: str
    created_at: datetime


class Section(StrEnum):
    """The sections of the group's agenda and minutes template."""

    OPENING = "opening"
    PREVIOUS_MINUTES = "previous_minutes"
    DEVELOPMENT = "development"
    OTHER = "other"
    NEXT_MEETINGS = "next_meetings"

    @property
    def title_key(self) -> str:
        """The i18n key of the section's heading."""
        return _SECTION_TITLES[self]


_SECTION_TITLES = {
    Section.OPENING: "section_opening",
    Section.PREVIOUS_MINUTES: "section_previous_minutes",
    Section.DEVELOPMENT: "section_development",
    Section.OTHER: "section_other",
    Section.NEXT_MEETINGS: "section_next_meetings",
}


@dataclass(frozen=True)
class AgendaPoint:
    id: int
    group_id: int
    meeting_id: int | None
    section: str
    text: str
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class Attendance:
    """One person's attendance at a meeting, as marked by chat."""

    name: str
    present: bool
    marked_by: str
    marked_at: datetime


@dataclass(frozen=True)
class MeetingNote:
    """The chair's running note during a meeting, filed under a part of the minutes: a
    ``Section`` value, ``region:<name>`` (after that region's report) or ``topic:<name>``
    (a topic of its own under Utvecklingsområde)."""

    id: int
    group_id: int
    meeting_id: int
    part: str
    text: str
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class MinutesVersion:
    """One stored version of a meeting's minutes: the document as built (``content``, the
    JSON form of ``bot.domain.minutes.Minutes``), never changed after it is stored but for
    the approval stamp, which locks it."""

    id: int
    group_id: int
    meeting_id: int
    number: int
    content: dict[str, Any]
    created_by: str
    created_at: datetime
    # The secret in the version's download links.
    token: str
    approved_by: str | None = None
    approved_at: datetime | None = None

    @property
    def approved(self) -> bool:
        return self.approved_at is not None


@dataclass(frozen=True)
class MinutesArchive:
    """The PDF/A of an approved version, made once when it was approved and never changed;
    ``sidecar`` is the JSON served beside it (its ``pdf_sha256`` is ``sha256``)."""

    version_id: int
    group_id: int
    pdf: bytes
    sha256: str
    sidecar: dict[str, Any]
    created_at: datetime


# --- standing topics and seminar series ------------------------------------------------------


@dataclass(frozen=True)
class StandingTopic:
    """A topic the group keeps on every agenda and in every meeting's minutes (under
    Utvecklingsområde) from when it was added until it is closed."""

    id: int
    group_id: int
    name: str  # as the group first wrote it
    created_by: str
    created_at: datetime
    closed_at: datetime | None = None

    def active_for(self, meeting: Meeting) -> bool:
        """On the agenda and in the minutes of ``meeting``: one starting after the topic was
        added and before it was closed."""
        start = meeting.starts_at
        return self.created_at <= start and (self.closed_at is None or start < self.closed_at)


@dataclass(frozen=True)
class Seminar:
    """One seminar of the group's series: when, which unit leads it, and its topic if given."""

    id: int
    group_id: int
    starts_at: datetime
    ends_at: datetime
    unit: str
    topic: str | None
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class Refusal:
    """Why an input was not stored, as an i18n key and the values its text needs."""

    key: str
    values: dict[str, object] = field(default_factory=dict)

    def text(self, language: str) -> str:
        return message(language, self.key, **self.values)


@dataclass(frozen=True)
class Mention:
    """A person @mentioned in a message: Teams puts ``<at>Name</at>`` in the text."""

    id: str
    name: str
    markup: str


def day_over(moment: datetime, group: Group, now: datetime) -> bool:
    """True once the day of ``moment`` is over, in the group's time zone."""
    return _local_day(moment, group.timezone) < _local_day(now, group.timezone)


@lru_cache(maxsize=512)
def _local_day(moment: datetime, timezone: str) -> date:
    # An agenda asks for hundreds of items, due on a handful of days, at one "now".
    return moment.astimezone(ZoneInfo(timezone)).date()


def is_overdue(item: ActionItem, group: Group, now: datetime) -> bool:
    """Open and past its due day, in the group's time zone."""
    return item.is_open and item.due_at is not None and day_over(item.due_at, group, now)
