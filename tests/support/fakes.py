"""In-memory fakes of the storage ports (``bot.domain.ports``): every repository, a unit of
work and ``FakeTransactions``, for use-case tests that need no database.

They keep the real thing's transaction semantics: a unit of work works on a copy of the
stored state (``_Store``), and ``commit()`` puts the copy in place. A block left without
``commit`` (or raising) leaves the stored state as it was; a ``reading()`` unit cannot
commit. Writers queue on one lock, as they do on SQLite, so no commit overwrites another.

What a use case said besides changing data is recorded: ``agenda_changed`` group ids,
``posts_replanned`` calls and audit lines, pending on the unit of work (``agenda_updates``,
``replans``, ``audit_notes``) and, once committed, on ``FakeTransactions``
(``agenda_updates``, ``replans``, ``audit_lines``, and the ``HANDLING`` key of a commit that
handles the running activity in ``handled_activities``). As in SQL, an audit line is written, and
stamped with the clock's time, at commit.

``tests/test_repository_contract.py`` runs the same tests against these fakes and against
the SQL repositories on SQLite and PostgreSQL, so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TypeVar

from bot.domain.model import (
    ActionItem,
    ActionItemDraft,
    Actor,
    AgendaPoint,
    Attendance,
    AuditEntry,
    AuditNote,
    ConversationAddress,
    ConversationType,
    Decision,
    Group,
    GroupDefaults,
    Meeting,
    MeetingNote,
    MeetingStatus,
    Member,
    MinutesArchive,
    MinutesVersion,
    Person,
    Role,
    RoleHolder,
    Section,
    Seminar,
    StandingTopic,
    StatusReport,
    TeamsMeetingLink,
)
from bot.domain.ports import CLAIM_LEASE, HANDLING, Clock
from bot.domain.schedule import PlannedPost
from bot.domain.text import fold, name_order

__all__ = [
    "AuditLine",
    "FakeRoster",
    "FakeTransactions",
    "FakeUnitOfWork",
    "ReadOnlyUnitOfWork",
    "Replan",
]


class ReadOnlyUnitOfWork(RuntimeError):
    """``commit()`` on a unit of work opened with ``reading()``."""


@dataclass(frozen=True)
class AuditLine:
    """An audit line a use case wrote through ``UnitOfWork.audit``."""

    group_id: int
    actor: Actor
    note: AuditNote
    at: datetime


@dataclass(frozen=True)
class Replan:
    """A ``UnitOfWork.posts_replanned`` call."""

    group_id: int
    meeting: Meeting | None = None


@dataclass(frozen=True)
class _MemberRow:
    group_id: int
    user_id: str
    teams_id: str | None
    name: str
    role: Role
    created_at: datetime
    last_seen_at: datetime


@dataclass(frozen=True)
class _AuditRow:
    id: int
    group_id: int
    actor_id: str
    entry: AuditEntry


@dataclass
class _Store:
    """All stored rows. Values are frozen dataclasses, so a shallow copy of every table is a
    snapshot that changes to the copy cannot reach."""

    groups: dict[int, Group] = field(default_factory=dict)
    action_item_seq: dict[int, int] = field(default_factory=dict)
    members: dict[tuple[int, str], _MemberRow] = field(default_factory=dict)
    meetings: dict[int, Meeting] = field(default_factory=dict)
    reports: dict[int, StatusReport] = field(default_factory=dict)
    items: dict[int, ActionItem] = field(default_factory=dict)
    decisions: dict[int, Decision] = field(default_factory=dict)
    points: dict[int, AgendaPoint] = field(default_factory=dict)
    audit: dict[int, _AuditRow] = field(default_factory=dict)
    # (group id, folded name) -> (the name as first added, when).
    roster: dict[tuple[int, str], tuple[str, datetime]] = field(default_factory=dict)
    # (meeting id, folded name) -> (row id, group id, the mark).
    attendance: dict[tuple[int, str], tuple[int, int, Attendance]] = field(default_factory=dict)
    notes: dict[int, MeetingNote] = field(default_factory=dict)
    minutes: dict[int, MinutesVersion] = field(default_factory=dict)
    # The minutes archive: version id -> its PDF/A.
    archive: dict[int, MinutesArchive] = field(default_factory=dict)
    topics: dict[int, StandingTopic] = field(default_factory=dict)
    seminars: dict[int, Seminar] = field(default_factory=dict)
    # Teams meeting id -> (group id, meeting id); chat key -> group id.
    teams_meetings: dict[str, TeamsMeetingLink] = field(default_factory=dict)
    chat_links: dict[str, int] = field(default_factory=dict)
    # The activity journal: key -> (claimed at, completed at).
    activities: dict[str, tuple[datetime, datetime | None]] = field(default_factory=dict)
    last_id: int = 0

    def copy(self) -> _Store:
        return _Store(
            groups=dict(self.groups),
            action_item_seq=dict(self.action_item_seq),
            members=dict(self.members),
            meetings=dict(self.meetings),
            reports=dict(self.reports),
            items=dict(self.items),
            decisions=dict(self.decisions),
            points=dict(self.points),
            audit=dict(self.audit),
            roster=dict(self.roster),
            attendance=dict(self.attendance),
            notes=dict(self.notes),
            minutes=dict(self.minutes),
            archive=dict(self.archive),
            topics=dict(self.topics),
            seminars=dict(self.seminars),
            teams_meetings=dict(self.teams_meetings),
            chat_links=dict(self.chat_links),
            activities=dict(self.activities),
            last_id=self.last_id,
        )

    def next_id(self) -> int:
        self.last_id += 1
        return self.last_id

    def require_group(self, group_id: int) -> None:
        # The SQL tables refer to groups.id: a row for an unknown group fails there too.
        if group_id not in self.groups:
            raise LookupError(f"no group {group_id}")


class _Repository:
    def __init__(self, store: _Store) -> None:
        self._store = store


class FakeGroupRepository(_Repository):
    async def lock(self, group_id: int) -> None:
        """Writers already take turns here (``FakeTransactions.writing``)."""

    async def get(self, group_id: int) -> Group | None:
        return self._store.groups.get(group_id)

    async def get_by_key(self, key: str) -> Group | None:
        return next((group for group in self._store.groups.values() if group.key == key), None)

    async def remember(
        self, address: ConversationAddress, defaults: GroupDefaults, now: datetime
    ) -> tuple[Group, bool]:
        known = await self.get_by_key(address.key)
        if known is not None:
            # Teams may move a conversation to another service URL; the newest address wins.
            group = replace(known, reference=dict(address.reference), active=True)
            self._store.groups[group.id] = group
            return group, False
        group = Group(
            id=self._store.next_id(),
            key=address.key,
            conversation_type=address.conversation_type,
            tenant_id=address.tenant_id,
            team_id=address.team_id,
            channel_id=address.channel_id,
            name=address.name,
            language=defaults.language,
            timezone=defaults.timezone,
            regions=(),
            reference=dict(address.reference),
            active=True,
            created_at=now,
        )
        self._store.groups[group.id] = group
        self._store.action_item_seq[group.id] = 0
        return group, True

    async def set_regions(
        self,
        group_id: int,
        regions: list[str],
        now: datetime,
        aliases: dict[str, list[str]] | None = None,
    ) -> Group:
        return self._change(
            group_id,
            regions=tuple(regions),
            region_aliases={region: tuple(names) for region, names in (aliases or {}).items()},
        )

    async def set_reporter(
        self, group_id: int, region: str, person: Person | None, now: datetime
    ) -> Group:
        reporters = dict(self._store.groups[group_id].reporters)
        reporters.pop(region, None)
        if person is not None:
            reporters[region] = person
        return self._change(group_id, reporters=reporters)

    async def set_lead_times(
        self,
        group_id: int,
        agenda: timedelta | None,
        reminders: tuple[timedelta, ...] | None,
        now: datetime,
    ) -> Group:
        return self._change(
            group_id,
            agenda_lead=_whole_minutes(agenda) if agenda is not None else None,
            reminder_leads=(
                tuple(_whole_minutes(lead) for lead in reminders) if reminders is not None else None
            ),
        )

    async def set_language(self, group_id: int, language: str, now: datetime) -> Group:
        return self._change(group_id, language=language)

    async def set_timezone(self, group_id: int, timezone: str, now: datetime) -> Group:
        return self._change(group_id, timezone=timezone)

    async def set_overdue_posts(self, group_id: int, on: bool, now: datetime) -> Group:
        return self._change(group_id, overdue_posts=on)

    async def set_minutes_draft(
        self, group_id: int, delay: timedelta | None, now: datetime
    ) -> Group:
        return self._change(
            group_id, minutes_draft_delay=_whole_minutes(delay) if delay is not None else None
        )

    async def set_meeting_start_post(self, group_id: int, on: bool, now: datetime) -> Group:
        return self._change(group_id, meeting_start_post=on)

    async def calendar_token(self, group_id: int, new_token: str) -> str:
        group = self._store.groups[group_id]
        if group.calendar_token is None:
            group = self._change(group_id, calendar_token=new_token)
        assert group.calendar_token is not None
        return group.calendar_token

    async def by_calendar_token(self, token: str) -> Group | None:
        return next(
            (group for group in self._store.groups.values() if group.calendar_token == token),
            None,
        )

    async def in_tenant(self, tenant_id: str) -> list[Group]:
        return sorted(
            (
                group
                for group in self._store.groups.values()
                if group.tenant_id == tenant_id
                and group.active
                and group.conversation_type is not ConversationType.PERSONAL
            ),
            key=lambda group: -group.id,
        )

    def deactivate(self, group_id: int) -> None:
        """What ``OutboxRepository.group_gone`` does to the group (tests only)."""
        self._change(group_id, active=False)

    def _change(self, group_id: int, **values: object) -> Group:
        group = replace(self._store.groups[group_id], **values)  # type: ignore[arg-type]
        self._store.groups[group_id] = group
        return group


def _whole_minutes(lead: timedelta) -> timedelta:
    """SQL stores lead times in whole minutes."""
    return timedelta(minutes=int(lead.total_seconds() // 60))


class FakeMemberRepository(_Repository):
    async def get(self, group_id: int, user_id: str) -> Member | None:
        row = self._store.members.get((group_id, user_id))
        return Member(row.user_id, row.name, row.teams_id, row.last_seen_at) if row else None

    async def seen(self, group_id: int, actor: Actor, now: datetime) -> None:
        self._store.require_group(group_id)
        known = self._store.members.get((group_id, actor.id))
        if known is not None:
            row = replace(known, name=actor.name, teams_id=actor.teams_id, last_seen_at=now)
        else:
            row = _MemberRow(group_id, actor.id, actor.teams_id, actor.name, Role.MEMBER, now, now)
        self._store.members[group_id, actor.id] = row

    async def by_teams_id(self, group_id: int, teams_id: str) -> Member | None:
        rows = [
            row
            for row in self._store.members.values()
            if row.group_id == group_id and row.teams_id == teams_id
        ]
        row = max(rows, key=lambda row: row.last_seen_at, default=None)
        return Member(row.user_id, row.name, row.teams_id, row.last_seen_at) if row else None

    async def latest_group_of(self, user_id: str) -> int | None:
        candidates = [
            row
            for row in self._store.members.values()
            if row.user_id == user_id
            and self._store.groups[row.group_id].active
            and self._store.groups[row.group_id].conversation_type is not ConversationType.PERSONAL
        ]
        latest = max(candidates, key=lambda row: row.last_seen_at, default=None)
        return latest.group_id if latest else None


class FakeRoleRepository(_Repository):
    async def holders(self, group_id: int) -> list[RoleHolder]:
        rows = sorted(
            (row for row in self._members(group_id) if row.role is not Role.MEMBER),
            key=lambda row: row.role.value,
        )
        return [RoleHolder(row.user_id, row.teams_id, row.name, row.role) for row in rows]

    async def set_role(self, group_id: int, person: Actor, role: Role, now: datetime) -> None:
        self._store.require_group(group_id)
        ids = {person.id, person.teams_id} - {None}
        members = self._store.members
        if role is not Role.MEMBER:  # one chair, one secretary
            for row in self._members(group_id):
                if row.role is role:
                    members[group_id, row.user_id] = replace(row, role=Role.MEMBER)
        matching = [
            row for row in self._members(group_id) if row.user_id in ids or row.teams_id in ids
        ]
        for row in matching:
            members[group_id, row.user_id] = replace(row, role=role)
        if not matching:  # given a role before the bot has seen them write
            members[group_id, person.id] = _MemberRow(
                group_id, person.id, person.teams_id, person.name, role, now, now
            )

    async def member_named(self, group_id: int, name: str) -> Actor | None:
        wanted = fold(" ".join(name.split()))
        for row in sorted(self._members(group_id), key=lambda row: row.last_seen_at, reverse=True):
            if wanted in (fold(row.name), fold(row.name).split(" ", 1)[0]):
                return Actor(row.user_id, row.name, teams_id=row.teams_id)
        return None

    def _members(self, group_id: int) -> list[_MemberRow]:
        return [row for row in self._store.members.values() if row.group_id == group_id]


class FakeAuditLog(_Repository):
    async def add(self, group_id: int, actor: Actor, entry: AuditNote, now: datetime) -> None:
        self.write(group_id, actor, entry, now)

    def write(self, group_id: int, actor: Actor, entry: AuditNote, now: datetime) -> None:
        self._store.require_group(group_id)
        row_id = self._store.next_id()
        self._store.audit[row_id] = _AuditRow(
            row_id,
            group_id,
            actor.id,
            AuditEntry(now, actor.name, entry.action, dict(entry.detail)),
        )

    async def latest(self, group_id: int, limit: int) -> list[AuditEntry]:
        rows = sorted(
            (row for row in self._store.audit.values() if row.group_id == group_id),
            key=lambda row: (row.entry.at, row.id),
            reverse=True,
        )
        return [row.entry for row in rows[:limit]]


class FakeMeetingRepository(_Repository):
    async def add_many(
        self,
        group_id: int,
        meetings: list[tuple[datetime, datetime, str | None]],
        now: datetime,
    ) -> list[Meeting]:
        self._store.require_group(group_id)
        added = []
        for starts_at, ends_at, place in meetings:
            meeting = Meeting(
                self._store.next_id(),
                group_id,
                starts_at,
                ends_at,
                place,
                MeetingStatus.SCHEDULED,
                now,
            )
            self._store.meetings[meeting.id] = meeting
            added.append(meeting)
        return sorted(added, key=lambda meeting: meeting.starts_at)

    async def get(self, group_id: int, meeting_id: int) -> Meeting | None:
        meeting = self._store.meetings.get(meeting_id)
        return meeting if meeting and meeting.group_id == group_id else None

    async def upcoming(self, group_id: int, now: datetime) -> list[Meeting]:
        return sorted(
            (
                meeting
                for meeting in self._store.meetings.values()
                if meeting.group_id == group_id
                and meeting.status is MeetingStatus.SCHEDULED
                and meeting.ends_at > now
            ),
            key=lambda meeting: (meeting.starts_at, meeting.id),
        )

    async def move(
        self,
        group_id: int,
        meeting_id: int,
        starts_at: datetime,
        ends_at: datetime,
        place: str | None,
        now: datetime,
    ) -> Meeting:
        return self._change(
            group_id, meeting_id, starts_at=starts_at, ends_at=ends_at, place=place, updated_at=now
        )

    async def cancel(self, group_id: int, meeting_id: int, now: datetime) -> Meeting:
        return self._change(group_id, meeting_id, status=MeetingStatus.CANCELLED, updated_at=now)

    async def started(self, group_id: int, now: datetime, limit: int) -> list[Meeting]:
        begun = sorted(
            (
                meeting
                for meeting in self._store.meetings.values()
                if meeting.group_id == group_id
                and meeting.status is MeetingStatus.SCHEDULED
                and meeting.starts_at <= now
            ),
            key=lambda meeting: (meeting.starts_at, meeting.id),
            reverse=True,
        )
        return begun[:limit]

    async def record_held(
        self,
        group_id: int,
        meeting_id: int,
        *,
        started_at: datetime | None = None,
        ended_at: datetime | None = None,
    ) -> Meeting:
        values = {"started_at": started_at, "ended_at": ended_at}
        return self._change(
            group_id, meeting_id, **{k: v for k, v in values.items() if v is not None}
        )

    def _change(self, group_id: int, meeting_id: int, **values: object) -> Meeting:
        meeting = self._store.meetings.get(meeting_id)
        assert meeting is not None and meeting.group_id == group_id
        meeting = replace(meeting, **values)  # type: ignore[arg-type]
        self._store.meetings[meeting_id] = meeting
        return meeting


class FakeStatusReportRepository(_Repository):
    async def add(
        self,
        group_id: int,
        meeting_id: int | None,
        region: str,
        text: str,
        author: Actor,
        now: datetime,
    ) -> tuple[StatusReport, StatusReport | None]:
        self._store.require_group(group_id)
        current = sorted(
            (
                report
                for report in self._of(group_id, meeting_id)
                if report.region == region and report.superseded_at is None
            ),
            key=lambda report: report.id,
            reverse=True,
        )
        superseded = [replace(report, superseded_at=now) for report in current]
        for report in superseded:
            self._store.reports[report.id] = report
        report = StatusReport(
            self._store.next_id(), group_id, meeting_id, region, text, author.id, author.name, now
        )
        self._store.reports[report.id] = report
        return report, (superseded[0] if superseded else None)

    async def current(self, group_id: int, meeting_id: int | None) -> list[StatusReport]:
        return sorted(
            (report for report in self._of(group_id, meeting_id) if report.superseded_at is None),
            key=lambda report: (report.region, report.id),
        )

    async def move_to(
        self,
        group_id: int,
        from_meeting: int | None,
        to_meeting: int | None,
        *,
        except_regions: frozenset[str] = frozenset(),
    ) -> int:
        moving = [
            report
            for report in self._of(group_id, from_meeting)
            if report.region not in except_regions
        ]
        for report in moving:
            self._store.reports[report.id] = replace(report, meeting_id=to_meeting)
        return len(moving)

    def _of(self, group_id: int, meeting_id: int | None) -> list[StatusReport]:
        return _filed(self._store.reports.values(), group_id, meeting_id)


class FakeActionItemRepository(_Repository):
    CHANGEABLE = frozenset({"text", "owner_name", "owner_id", "due_at"})

    async def add(self, group_id: int, draft: ActionItemDraft, now: datetime) -> ActionItem:
        self._store.require_group(group_id)
        number = self._store.action_item_seq[group_id] + 1
        self._store.action_item_seq[group_id] = number
        item = ActionItem(
            id=self._store.next_id(),
            group_id=group_id,
            number=number,
            text=draft.text,
            created_by=draft.created_by,
            created_at=now,
            owner_name=draft.owner_name,
            owner_id=draft.owner_id,
            due_at=draft.due_at,
        )
        self._store.items[item.id] = item
        return item

    async def get(self, group_id: int, number: int) -> ActionItem | None:
        return next(
            (
                item
                for item in self._store.items.values()
                if item.group_id == group_id and item.number == number
            ),
            None,
        )

    async def newest(self, group_id: int) -> ActionItem | None:
        items = await self.list_all(group_id)
        return items[-1] if items else None

    async def list_open(self, group_id: int) -> list[ActionItem]:
        return [item for item in await self.list_all(group_id) if item.is_open]

    async def list_all(self, group_id: int) -> list[ActionItem]:
        return sorted(
            (item for item in self._store.items.values() if item.group_id == group_id),
            key=lambda item: item.number,
        )

    async def close(
        self, group_id: int, number: int, by: str, now: datetime
    ) -> tuple[ActionItem | None, bool]:
        item = await self.get(group_id, number)
        if item is None or not item.is_open:
            return item, False
        item = replace(item, closed_at=now, closed_by=by)
        self._store.items[item.id] = item
        return item, True

    async def update(
        self, group_id: int, number: int, now: datetime, **changes: object
    ) -> ActionItem | None:
        if not set(changes) <= self.CHANGEABLE:
            raise ValueError(f"cannot change {set(changes) - self.CHANGEABLE}")
        item = await self.get(group_id, number)
        if item is None:
            return None
        item = replace(item, **changes)  # type: ignore[arg-type]
        self._store.items[item.id] = item
        return item

    async def delete(self, group_id: int, number: int, now: datetime) -> ActionItem | None:
        item = await self.get(group_id, number)
        if item is not None:
            del self._store.items[item.id]
        return item


class FakeDecisionRepository(_Repository):
    async def add(
        self, group_id: int, meeting_id: int | None, text: str, by: str, now: datetime
    ) -> Decision:
        self._store.require_group(group_id)
        decision = Decision(self._store.next_id(), group_id, meeting_id, text, by, now)
        self._store.decisions[decision.id] = decision
        return decision

    async def newest(self, group_id: int) -> Decision | None:
        return _newest(self._store.decisions.values(), group_id)

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[Decision]:
        return sorted(
            _filed(self._store.decisions.values(), group_id, meeting_id), key=lambda d: d.id
        )

    async def move_to(self, group_id: int, from_meeting: int | None, to_meeting: int) -> int:
        moving = _filed(self._store.decisions.values(), group_id, from_meeting)
        for decision in moving:
            self._store.decisions[decision.id] = replace(decision, meeting_id=to_meeting)
        return len(moving)


class FakeAgendaPointRepository(_Repository):
    async def add(
        self,
        group_id: int,
        meeting_id: int | None,
        section: Section,
        text: str,
        by: str,
        now: datetime,
    ) -> AgendaPoint:
        self._store.require_group(group_id)
        point = AgendaPoint(
            self._store.next_id(), group_id, meeting_id, section.value, text, by, now
        )
        self._store.points[point.id] = point
        return point

    async def newest(self, group_id: int) -> AgendaPoint | None:
        return _newest(self._store.points.values(), group_id)

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[AgendaPoint]:
        return sorted(
            _filed(self._store.points.values(), group_id, meeting_id), key=lambda point: point.id
        )

    async def move_to(self, group_id: int, from_meeting: int | None, to_meeting: int | None) -> int:
        moving = _filed(self._store.points.values(), group_id, from_meeting)
        for point in moving:
            self._store.points[point.id] = replace(point, meeting_id=to_meeting)
        return len(moving)


def _folded(name: str) -> str:
    return fold(" ".join(name.split()))


class FakeAttendanceRepository(_Repository):
    async def roster(self, group_id: int, as_of: datetime | None = None) -> list[str]:
        names: dict[str, str] = {}
        members = [
            row.name
            for row in self._store.members.values()
            if row.group_id == group_id and (as_of is None or row.created_at <= as_of)
        ]
        added = [
            name
            for (group, _), (name, since) in self._store.roster.items()
            if group == group_id and (as_of is None or since <= as_of)
        ]
        for name in [*members, *added]:
            names.setdefault(_folded(name), name)
        return sorted(names.values(), key=name_order)

    async def add_to_roster(self, group_id: int, name: str, by: str, now: datetime) -> None:
        self._store.require_group(group_id)
        self._store.roster.setdefault((group_id, _folded(name)), (name, now))

    async def remove_from_roster(self, group_id: int, name: str) -> str | None:
        removed = self._store.roster.pop((group_id, _folded(name)), None)
        return removed[0] if removed else None

    async def mark(
        self, group_id: int, meeting_id: int, name: str, present: bool, by: str, now: datetime
    ) -> None:
        self._store.require_group(group_id)
        if meeting_id not in self._store.meetings:
            raise LookupError(f"no meeting {meeting_id}")
        key = (meeting_id, _folded(name))
        known = self._store.attendance.get(key)
        row_id = known[0] if known else self._store.next_id()
        self._store.attendance[key] = (row_id, group_id, Attendance(name, present, by, now))

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[Attendance]:
        rows = sorted(
            (row_id, mark)
            for (meeting, _), (row_id, group, mark) in self._store.attendance.items()
            if meeting == meeting_id and group == group_id
        )
        return [mark for _, mark in rows]


class FakeNoteRepository(_Repository):
    async def add(
        self, group_id: int, meeting_id: int, part: str, text: str, by: str, now: datetime
    ) -> MeetingNote:
        self._store.require_group(group_id)
        note = MeetingNote(self._store.next_id(), group_id, meeting_id, part, text, by, now)
        self._store.notes[note.id] = note
        return note

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[MeetingNote]:
        return sorted(
            (
                note
                for note in self._store.notes.values()
                if note.group_id == group_id and note.meeting_id == meeting_id
            ),
            key=lambda note: note.id,
        )


class FakeMinutesRepository(_Repository):
    async def add(
        self,
        group_id: int,
        meeting_id: int,
        content: dict[str, object],
        by: str,
        token: str,
        now: datetime,
    ) -> MinutesVersion:
        self._store.require_group(group_id)
        if any(version.token == token for version in self._store.minutes.values()):
            raise ValueError("token taken")  # unique in SQL
        earlier = await self.versions(group_id, meeting_id)
        version = MinutesVersion(
            id=self._store.next_id(),
            group_id=group_id,
            meeting_id=meeting_id,
            number=len(earlier) + 1,
            content=dict(content),
            created_by=by,
            created_at=now,
            token=token,
        )
        self._store.minutes[version.id] = version
        return version

    async def versions(self, group_id: int, meeting_id: int) -> list[MinutesVersion]:
        return sorted(
            (
                version
                for version in self._store.minutes.values()
                if version.group_id == group_id and version.meeting_id == meeting_id
            ),
            key=lambda version: version.number,
        )

    async def approve(
        self, group_id: int, meeting_id: int, number: int, by: str, now: datetime
    ) -> MinutesVersion | None:
        found = [v for v in await self.versions(group_id, meeting_id) if v.number == number]
        if not found or found[0].approved:
            return None
        version = replace(found[0], approved_by=by, approved_at=now)
        self._store.minutes[version.id] = version
        return version

    async def by_token(self, token: str) -> MinutesVersion | None:
        return next((v for v in self._store.minutes.values() if v.token == token), None)

    async def of_group(self, group_id: int) -> list[MinutesVersion]:
        return sorted(
            (v for v in self._store.minutes.values() if v.group_id == group_id),
            key=lambda v: (v.meeting_id, v.number),
        )

    async def new_token(self, version_id: int, token: str) -> None:
        if any(v.token == token for v in self._store.minutes.values()):
            raise ValueError("token taken")  # unique in SQL
        version = self._store.minutes.get(version_id)
        if version is not None:
            self._store.minutes[version_id] = replace(version, token=token)


class FakeMinutesArchiveRepository(_Repository):
    async def add(self, archive: MinutesArchive) -> MinutesArchive:
        self._store.require_group(archive.group_id)
        if archive.version_id not in self._store.minutes:
            raise ValueError("no such version")  # a foreign key in SQL
        return self._store.archive.setdefault(archive.version_id, archive)

    async def get(self, version_id: int) -> MinutesArchive | None:
        return self._store.archive.get(version_id)


_Filed = TypeVar("_Filed", StatusReport, Decision, AgendaPoint)


def _newest(rows: Iterable[_Filed], group_id: int) -> _Filed | None:
    return max(
        (row for row in rows if row.group_id == group_id), key=lambda row: row.id, default=None
    )


def _filed(rows: Iterable[_Filed], group_id: int, meeting_id: int | None) -> list[_Filed]:
    """The group's rows filed under ``meeting_id`` (None: under no meeting)."""
    return [row for row in rows if row.group_id == group_id and row.meeting_id == meeting_id]


# --- standing topics and seminar series ------------------------------------------------------


class FakeTopicRepository(_Repository):
    async def add(self, group_id: int, name: str, by: str, now: datetime) -> StandingTopic:
        self._store.require_group(group_id)
        topic = StandingTopic(self._store.next_id(), group_id, name, by, now)
        self._store.topics[topic.id] = topic
        return topic

    async def close(self, group_id: int, topic_id: int, now: datetime) -> StandingTopic | None:
        topic = self._store.topics.get(topic_id)
        if topic is None or topic.group_id != group_id or topic.closed_at is not None:
            return None
        closed = self._store.topics[topic_id] = replace(topic, closed_at=now)
        return closed

    async def all(self, group_id: int) -> list[StandingTopic]:
        return sorted(
            (t for t in self._store.topics.values() if t.group_id == group_id),
            key=lambda t: (t.created_at, t.id),
        )


class FakeSeminarRepository(_Repository):
    async def add(
        self,
        group_id: int,
        seminars: list[tuple[datetime, datetime, str, str | None]],
        by: str,
        now: datetime,
    ) -> list[Seminar]:
        self._store.require_group(group_id)
        taken = {(s.group_id, s.starts_at) for s in self._store.seminars.values()}
        added = []
        for starts_at, ends_at, unit, topic in seminars:
            if (group_id, starts_at) in taken:  # the SQL table's unique constraint
                raise ValueError(f"a seminar at {starts_at} already")
            taken.add((group_id, starts_at))
            seminar = Seminar(
                self._store.next_id(), group_id, starts_at, ends_at, unit, topic, by, now
            )
            self._store.seminars[seminar.id] = seminar
            added.append(seminar)
        return added

    async def get(self, group_id: int, seminar_id: int) -> Seminar | None:
        seminar = self._store.seminars.get(seminar_id)
        return seminar if seminar is not None and seminar.group_id == group_id else None

    async def upcoming(self, group_id: int, now: datetime) -> list[Seminar]:
        return sorted(
            (
                s
                for s in self._store.seminars.values()
                if s.group_id == group_id and s.ends_at > now
            ),
            key=lambda s: s.starts_at,
        )

    async def remove(self, group_id: int, seminar_id: int) -> Seminar | None:
        seminar = await self.get(group_id, seminar_id)
        if seminar is not None:
            del self._store.seminars[seminar_id]
        return seminar


class FakeTeamsMeetingRepository(_Repository):
    async def meeting_of(self, teams_meeting_id: str) -> TeamsMeetingLink | None:
        return self._store.teams_meetings.get(teams_meeting_id)

    async def link(self, teams_meeting_id: str, link: TeamsMeetingLink, now: datetime) -> None:
        self._store.require_group(link.group_id)
        if link.meeting_id not in self._store.meetings:
            raise LookupError(f"no meeting {link.meeting_id}")
        self._store.teams_meetings[teams_meeting_id] = link

    async def chat_group(self, chat_key: str) -> int | None:
        return self._store.chat_links.get(chat_key)

    async def link_chat(self, chat_key: str, group_id: int, by: str, now: datetime) -> None:
        self._store.require_group(group_id)
        self._store.chat_links[chat_key] = group_id


class FakeActivityClaims(_Repository):
    async def claim(self, key: str, now: datetime) -> bool:
        held = self._store.activities.get(key)
        if held is not None:
            received_at, completed_at = held
            if completed_at is not None or received_at >= now - CLAIM_LEASE:
                return False
        self._store.activities[key] = (now, None)
        return True


class FakeUnitOfWork:
    """One transaction over a copy of the store; ``commit`` hands the copy back."""

    def __init__(self, transactions: FakeTransactions, *, writable: bool) -> None:
        self._transactions = transactions
        self._writable = writable
        self._open()

    def _open(self) -> None:
        store = self._store = self._transactions._store.copy()
        self.groups = FakeGroupRepository(store)
        self.members = FakeMemberRepository(store)
        self.roles = FakeRoleRepository(store)
        self.meetings = FakeMeetingRepository(store)
        self.reports = FakeStatusReportRepository(store)
        self.items = FakeActionItemRepository(store)
        self.decisions = FakeDecisionRepository(store)
        self.points = FakeAgendaPointRepository(store)
        self.attendance = FakeAttendanceRepository(store)
        self.notes = FakeNoteRepository(store)
        self.minutes = FakeMinutesRepository(store)
        self.archive = FakeMinutesArchiveRepository(store)
        self.audit_log = FakeAuditLog(store)
        self.topics = FakeTopicRepository(store)
        self.seminars = FakeSeminarRepository(store)
        self.teams_meetings = FakeTeamsMeetingRepository(store)
        self.journal = FakeActivityClaims(store)
        # Said in this unit of work and not committed yet.
        self.agenda_updates: list[int] = []
        self.replans: list[Replan] = []
        self.audit_notes: list[tuple[int, Actor, AuditNote]] = []

    def agenda_changed(self, group_id: int) -> None:
        self.agenda_updates.append(group_id)

    def posts_replanned(self, group_id: int, meeting: Meeting | None = None) -> None:
        self.replans.append(Replan(group_id, meeting))

    def audit(self, group_id: int, actor: Actor, entry: AuditNote) -> None:
        self._store.require_group(group_id)
        self.audit_notes.append((group_id, actor, entry))

    async def commit(self, *, handles_activity: bool = True) -> None:
        if not self._writable:
            raise ReadOnlyUnitOfWork("a unit of work opened with reading() cannot commit")
        transactions = self._transactions
        now = transactions.clock.now()  # as in SQL, audit lines are written at commit
        for group_id, actor, entry in self.audit_notes:
            self.audit_log.write(group_id, actor, entry, now)
            transactions.audit_lines.append(AuditLine(group_id, actor, entry, now))
        transactions._store = self._store
        transactions.commits += 1
        transactions.agenda_updates.extend(self.agenda_updates)
        transactions.replans.extend(self.replans)
        handling = HANDLING.get() if handles_activity else None
        if handling is not None:  # SQL marks the turn's activity handled in this commit
            claimed = self._store.activities.get(handling.key)
            if claimed is not None and claimed[1] is None:
                self._store.activities[handling.key] = (claimed[0], now)
            transactions.handled_activities.append(handling.key)
            handling.stored = True
        self._open()  # what follows in the block needs a commit of its own


class FakeTransactions:
    """``Transactions`` over an in-memory store, with what the committed units said."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._store = _Store()
        self._write_lock = asyncio.Lock()
        self.commits = 0
        # The journal keys (``HANDLING``) of the activities whose change was committed.
        self.handled_activities: list[str] = []
        self.agenda_updates: list[int] = []
        self.replans: list[Replan] = []
        self.audit_lines: list[AuditLine] = []

    @asynccontextmanager
    async def writing(self) -> AsyncIterator[FakeUnitOfWork]:
        async with self._write_lock:
            yield FakeUnitOfWork(self, writable=True)

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[FakeUnitOfWork]:
        yield FakeUnitOfWork(self, writable=False)

    def deactivate(self, group_id: int) -> None:
        """Mark a group inactive, as the outbox does when the bot was removed from it."""
        FakeGroupRepository(self._store).deactivate(group_id)


class FakeRoster:
    """The members Teams lists for each group's team or chat: ``people`` for every group,
    ``by_group`` where one differs; None (Teams unreachable) if ``unreachable``. Counts the
    questions asked."""

    def __init__(self, people: list[Actor] | None = None) -> None:
        self.people = list(people or [])
        self.by_group: dict[int, list[Actor]] = {}
        self.unreachable = False
        self.asked: list[int] = []

    async def members(self, group: Group) -> list[Actor] | None:
        self.asked.append(group.id)
        if self.unreachable:
            return None
        return list(self.by_group.get(group.id, self.people))


def roster_of(*accounts: dict[str, str]) -> list[Actor]:
    """Teams accounts (``tests.support.teams``) as a roster lists them."""
    return [Actor(a["aadObjectId"], a["name"], teams_id=a["id"]) for a in accounts]


class FakeOutbox:
    """The outbox as the use cases use it outside the scheduler: what they queued, by key."""

    def __init__(self) -> None:
        self.queued: dict[str, PlannedPost] = {}

    async def enqueue(self, posts: list[PlannedPost], now: datetime) -> list[PlannedPost]:
        new = [post for post in posts if post.key not in self.queued]
        self.queued.update((post.key, post) for post in new)
        return new
