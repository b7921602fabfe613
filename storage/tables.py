"""The database schema as SQLAlchemy 2 typed tables. Alembic migrations must match it
(``tests/test_migrations.py`` compares them on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only autoincrements INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
Id = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[str]: JSON()}


def _group_fk(index: bool = True) -> Mapped[int]:
    return mapped_column(Id, ForeignKey("groups.id", ondelete="CASCADE"), index=index)


class GroupRow(Base):
    """One Teams channel, group chat or personal chat the bot serves."""

    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    conversation_type: Mapped[str] = mapped_column(String(20))
    tenant_id: Mapped[str | None] = mapped_column(String(100))
    team_id: Mapped[str | None] = mapped_column(String(400))
    channel_id: Mapped[str | None] = mapped_column(String(400))
    name: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(5))
    timezone: Mapped[str] = mapped_column(String(64))
    regions: Mapped[list[str]] = mapped_column(default=list)
    # {region: [other names]} and {region: {"teams_id", "name"}} of who reports for it.
    region_aliases: Mapped[dict[str, Any]] = mapped_column(default=dict)
    region_reporters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reference: Mapped[dict[str, Any]]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The last action item number handed out; incremented atomically, never reused.
    action_item_seq: Mapped[int] = mapped_column(Integer, default=0)
    # The group's own lead times in minutes; NULL means the deployment's defaults.
    agenda_lead_minutes: Mapped[int | None] = mapped_column(Integer)
    reminder_lead_minutes: Mapped[list[int] | None] = mapped_column(JSON)
    # ISO 3166 country whose public holidays lead times skip; NULL: from the time zone.
    country: Mapped[str | None] = mapped_column(String(2))
    # The secret part of the group's calendar link; made on first use.
    calendar_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    # False: the group asked for no daily post of overdue action items.
    overdue_posts: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # Minutes after a meeting's end that its minutes draft is posted; NULL: never by itself.
    minutes_draft_minutes: Mapped[int | None] = mapped_column(
        Integer, default=30, server_default="30"
    )
    # True: a short post when Teams says a meeting has started.
    meeting_start_post: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class MemberRow(Base):
    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("group_id", "user_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = _group_fk()
    user_id: Mapped[str] = mapped_column(String(200))
    # The Teams user id ("29:…"): what an @mention names, while user_id is the Entra id.
    teams_id: Mapped[str | None] = mapped_column(String(200), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # "chair", "secretary" or "member".
    role: Mapped[str] = mapped_column(String(20), default="member")
    created_at: Mapped[datetime]
    # When they last spoke in the group; a 1:1 chat acts for the latest one.
    last_seen_at: Mapped[datetime] = mapped_column(index=True)


class MeetingRow(Base):
    __tablename__ = "meetings"
    __table_args__ = (
        Index("ix_meetings_group_starts", "group_id", "starts_at"),
        # Performance: the meetings ahead (ends_at > now) without reading a group's past.
        Index("ix_meetings_group_ends", "group_id", "ends_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = mapped_column(Id, ForeignKey("groups.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    place: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default="scheduled")
    created_at: Mapped[datetime]
    # Set when scheduled, moved or cancelled: reminders due before it are not sent.
    updated_at: Mapped[datetime]
    # When Teams said it actually started and ended (meeting events).
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]


class StatusReportRow(Base):
    """A region's report for a meeting; a newer one supersedes it, the old row is kept."""

    __tablename__ = "status_reports"
    __table_args__ = (Index("ix_status_reports_group_meeting", "group_id", "meeting_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = mapped_column(Id, ForeignKey("groups.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("meetings.id", ondelete="SET NULL")
    )
    region: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str] = mapped_column(String(200))
    author_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    superseded_at: Mapped[datetime | None]


class ActionItemRow(Base):
    __tablename__ = "action_items"
    __table_args__ = (
        UniqueConstraint("group_id", "number"),
        # Performance: a group's open items (closed_at IS NULL) in number order, however many
        # it has closed. Not a partial index: its dialect-specific clause made every start
        # import PostgreSQL's dialect to check it, on SQLite too.
        Index("ix_action_items_open", "group_id", "closed_at", "number"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    # No index of its own: the two above begin with it (the open items are read in the
    # open-items index's order, see storage.repositories, so no plan needs another).
    group_id: Mapped[int] = _group_fk(index=False)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    owner_name: Mapped[str | None] = mapped_column(String(200))
    owner_id: Mapped[str | None] = mapped_column(String(200))
    due_at: Mapped[datetime | None]
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(200))


class DecisionRow(Base):
    __tablename__ = "decisions"
    # A meeting's decisions, read without the group's others.
    __table_args__ = (Index("ix_decisions_group_meeting", "group_id", "meeting_id", "id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = _group_fk()
    meeting_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("meetings.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class AgendaPointRow(Base):
    __tablename__ = "agenda_points"
    # A meeting's points (an agenda's), read without the group's others.
    __table_args__ = (Index("ix_agenda_points_group_meeting", "group_id", "meeting_id", "id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = _group_fk()
    meeting_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("meetings.id", ondelete="SET NULL")
    )
    section: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class RosterNameRow(Base):
    """A name added to the group's attendance roster by chat (someone who has not written)."""

    __tablename__ = "roster_names"
    __table_args__ = (UniqueConstraint("group_id", "folded"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = mapped_column(Id, ForeignKey("groups.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    # The name folded (``bot.domain.text.fold``): one row per person, accents and case aside.
    folded: Mapped[str] = mapped_column(String(200))
    added_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class AttendanceRow(Base):
    """Present or absent at a meeting; a later mark for the same name replaces this one."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "folded"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = _group_fk()
    meeting_id: Mapped[int] = mapped_column(Id, ForeignKey("meetings.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    folded: Mapped[str] = mapped_column(String(200))
    present: Mapped[bool] = mapped_column(Boolean)
    marked_by: Mapped[str] = mapped_column(String(200))
    marked_at: Mapped[datetime]


class MeetingNoteRow(Base):
    """A running note under a part of the minutes (a section, a region or a topic)."""

    __tablename__ = "meeting_notes"
    __table_args__ = (Index("ix_meeting_notes_group_meeting", "group_id", "meeting_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = mapped_column(Id, ForeignKey("groups.id", ondelete="CASCADE"))
    meeting_id: Mapped[int] = mapped_column(Id, ForeignKey("meetings.id", ondelete="CASCADE"))
    part: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class MinutesVersionRow(Base):
    """One version of a meeting's minutes, as built; only the approval stamp is ever set
    later, and an approved row is never changed again."""

    __tablename__ = "minutes_versions"
    __table_args__ = (UniqueConstraint("meeting_id", "number"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = _group_fk()
    meeting_id: Mapped[int] = mapped_column(Id, ForeignKey("meetings.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]]
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    # The secret in the version's download links (.docx, .md, .pdf, .json); revoking the
    # group's links gives it a new one, the only change an approved row ever sees.
    token: Mapped[str] = mapped_column(String(64), unique=True)
    approved_by: Mapped[str | None] = mapped_column(String(200))
    approved_at: Mapped[datetime | None]


class MinutesArchiveRow(Base):
    """The PDF/A of an approved minutes version, made once at approval and never changed:
    its bytes, their SHA-256 and the JSON sidecar served beside it."""

    __tablename__ = "minutes_archive"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = _group_fk()
    version_id: Mapped[int] = mapped_column(
        Id, ForeignKey("minutes_versions.id", ondelete="CASCADE"), unique=True
    )
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    sidecar: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


class TeamsMeetingRow(Base):
    """A Teams meeting (its id in the events Teams sends) and the group's meeting it is."""

    __tablename__ = "teams_meetings"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    teams_meeting_id: Mapped[str] = mapped_column(String(400), unique=True)
    group_id: Mapped[int] = _group_fk()
    meeting_id: Mapped[int] = mapped_column(Id, ForeignKey("meetings.id", ondelete="CASCADE"))
    # True: the events made the meeting (it was not planned), so its times are Teams' own.
    opened: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]


class MeetingChatLinkRow(Base):
    """A meeting's own chat linked to the group it is a meeting of (``koppla <group>``)."""

    __tablename__ = "meeting_chat_links"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    # The chat's group key (its conversation id).
    chat_key: Mapped[str] = mapped_column(String(400), unique=True)
    group_id: Mapped[int] = _group_fk()
    linked_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class OutboxRow(Base):
    """A post to send to a group's conversation; written in the transaction that decides it."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = _group_fk()
    # What makes the post unique ("agenda:<meeting id>"): the same post is never queued twice.
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    meeting_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    payload: Mapped[dict[str, Any]]
    status: Mapped[str] = mapped_column(String(20), default="pending")
    due_at: Mapped[datetime]
    # After this the post is no longer useful (the meeting has started): dropped, not sent.
    expires_at: Mapped[datetime | None]
    # Bumped when what the post shows changed; a sent post whose revision moved is updated
    # in place (PUT to activity_id).
    revision: Mapped[int] = mapped_column(Integer, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_until: Mapped[datetime | None]
    # The Teams activity id once posted, so a changed post is updated in place.
    activity_id: Mapped[str | None] = mapped_column(String(200))
    conversation_id: Mapped[str | None] = mapped_column(String(400))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class AuditRow(Base):
    """Who changed what, for the chair: settings, roles, deletions, approvals."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_group_at", "group_id", "at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = mapped_column(Id, ForeignKey("groups.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    actor_id: Mapped[str] = mapped_column(String(200))
    actor_name: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any]]


class BotStateRow(Base):
    """botbuilder state documents (conversation, user, dialog) keyed as botbuilder keys them."""

    __tablename__ = "bot_state"

    key: Mapped[str] = mapped_column(String(500), primary_key=True)
    document: Mapped[dict[str, Any]]
    e_tag: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime]


class ProcessedActivityRow(Base):
    """Inbound activities already handled; Teams resends one it thinks timed out."""

    __tablename__ = "processed_activities"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(index=True)
    # NULL while a process is handling it; a claim left NULL past its lease was a crash.
    completed_at: Mapped[datetime | None]


class SendSlotRow(Base):
    """A post taken (or booked ahead) under Teams' limits, per scope ("tenant:<id>",
    "conversation:<key>"): shared by the replicas on PostgreSQL; an hour's worth is kept."""

    __tablename__ = "send_slots"
    __table_args__ = (Index("ix_send_slots_scope_at", "scope", "at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    scope: Mapped[str] = mapped_column(String(500))
    at: Mapped[datetime]


# --- standing topics and seminar series ------------------------------------------------------


class StandingTopicRow(Base):
    """A topic on every agenda and in every meeting's minutes while open (closed_at NULL)."""

    __tablename__ = "standing_topics"
    __table_args__ = (Index("ix_standing_topics_group_folded", "group_id", "folded"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = mapped_column(Id, ForeignKey("groups.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    # The name folded (case and accents aside): notes and ``klart`` find the topic by it.
    folded: Mapped[str] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]


class SeminarRow(Base):
    """One seminar of the group's series; one per start time in a group."""

    __tablename__ = "seminars"
    __table_args__ = (UniqueConstraint("group_id", "starts_at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    group_id: Mapped[int] = mapped_column(Id, ForeignKey("groups.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    unit: Mapped[str] = mapped_column(String(300))
    topic: Mapped[str | None] = mapped_column(String(300))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
