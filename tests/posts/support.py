"""What the post-kind tests share: a Swedish group, its Monday meeting and the data a post is
composed from, held in memory (``Stored`` has the repositories a kind reads)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.model import (
    ActionItem,
    AgendaPoint,
    ConversationType,
    Group,
    Meeting,
    MeetingStatus,
    MinutesVersion,
    Seminar,
    StandingTopic,
    StatusReport,
)
from bot.domain.schedule import LeadTimes, OutboxEntry, PlannedPost

STOCKHOLM = ZoneInfo("Europe/Stockholm")
DEFAULTS = LeadTimes(timedelta(days=2), (timedelta(days=1), timedelta(minutes=15)))


def at(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=STOCKHOLM).astimezone(UTC)


def local(moment: datetime) -> str:
    return f"{moment.astimezone(STOCKHOLM):%a %Y-%m-%d %H:%M}"


GROUP = Group(
    id=1,
    key="19:channel",
    conversation_type=ConversationType.CHANNEL,
    tenant_id="t",
    team_id="team",
    channel_id="19:channel",
    name="RAG nuklearmedicin",
    language="sv",
    timezone="Europe/Stockholm",
    regions=("Linköping", "Jönköping", "Kalmar"),
    reference={},
    active=True,
    created_at=at("2026-01-01 09:00"),
)
# Monday 23 November 2026, 13:00-14:00, planned long before.
MEETING = Meeting(
    id=7,
    group_id=1,
    starts_at=at("2026-11-23 13:00"),
    ends_at=at("2026-11-23 14:00"),
    place="Teams",
    status=MeetingStatus.SCHEDULED,
    updated_at=at("2026-01-01 09:00"),
)

# Tuesday 24 November 2026, 8:00-9:00, added long before.
SEMINAR = Seminar(
    id=11,
    group_id=1,
    starts_at=at("2026-11-24 08:00"),
    ends_at=at("2026-11-24 09:00"),
    unit="Fysiologiska kliniken i Linköping",
    topic=None,
    created_by="Edyta Johansson",
    created_at=at("2026-10-01 10:00"),
)


def report(region: str, text: str) -> StatusReport:
    return StatusReport(1, 1, MEETING.id, region, text, "u1", "Mats", at("2026-11-19 10:00"))


def item(number: int, text: str, due: str, owner: tuple[str, str] | None = None) -> ActionItem:
    owner_id, owner_name = owner or (None, None)
    return ActionItem(
        id=number,
        group_id=1,
        number=number,
        text=text,
        created_by="u1",
        created_at=at("2026-11-01 10:00"),
        owner_name=owner_name,
        owner_id=owner_id,
        due_at=at(due),
    )


def queued(post: PlannedPost) -> OutboxEntry:
    """The outbox's entry for a planned post."""
    return OutboxEntry(
        id=1,
        group_id=post.group_id,
        key=post.key,
        kind=post.kind,
        meeting_id=post.meeting_id,
        payload=post.payload,
        due_at=post.due_at,
        expires_at=post.expires_at,
        attempts=1,
        revision=0,
    )


@dataclass
class Stored:
    """The meetings, reports, items and points of group 1 (and no minutes), as the
    repositories return them."""

    meeting_list: list[Meeting] = field(default_factory=lambda: [MEETING])
    report_list: list[StatusReport] = field(default_factory=list)
    item_list: list[ActionItem] = field(default_factory=list)
    point_list: list[AgendaPoint] = field(default_factory=list)
    topic_list: list[StandingTopic] = field(default_factory=list)
    seminar_list: list[Seminar] = field(default_factory=list)

    @property
    def meetings(self) -> Stored:
        return self

    @property
    def topics(self) -> Topics:
        return Topics(self.topic_list)

    @property
    def seminars(self) -> Seminars:
        return Seminars(self.seminar_list)

    reports = items = points = minutes = meetings
    public_url = "https://ragbot.example"

    def moved(self, starts_at: datetime) -> Stored:
        meeting = replace(MEETING, starts_at=starts_at, ends_at=starts_at + timedelta(hours=1))
        return replace(self, meeting_list=[meeting])

    async def get(self, group_id: int, meeting_id: int) -> Meeting | None:
        return next((m for m in self.meeting_list if m.id == meeting_id), None)

    async def upcoming(self, group_id: int, now: datetime) -> list[Meeting]:
        return [m for m in self.meeting_list if m.ends_at > now and not m.cancelled]

    async def current(self, group_id: int, meeting_id: int | None) -> list[StatusReport]:
        return [r for r in self.report_list if r.meeting_id == meeting_id]

    async def list_open(self, group_id: int) -> list[ActionItem]:
        return [i for i in self.item_list if i.is_open]

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[AgendaPoint]:
        return [p for p in self.point_list if p.meeting_id == meeting_id]

    async def started(self, group_id: int, now: datetime, limit: int) -> list[Meeting]:
        begun = [m for m in self.meeting_list if m.starts_at <= now and not m.cancelled]
        return sorted(begun, key=lambda m: m.starts_at, reverse=True)[:limit]

    async def versions(self, group_id: int, meeting_id: int) -> list[MinutesVersion]:
        return []  # no minutes: the agenda's kind tests have no meeting before


@dataclass
class Topics:
    topic_list: list[StandingTopic]

    async def all(self, group_id: int) -> list[StandingTopic]:
        return list(self.topic_list)


@dataclass
class Seminars:
    seminar_list: list[Seminar]

    async def get(self, group_id: int, seminar_id: int) -> Seminar | None:
        return next((s for s in self.seminar_list if s.id == seminar_id), None)

    async def upcoming(self, group_id: int, now: datetime) -> list[Seminar]:
        return sorted((s for s in self.seminar_list if s.ends_at > now), key=lambda s: s.starts_at)
