"""The SQL unit of work: one transaction per use case, and what follows from its change.

``SqlTransactions.writing()`` opens a write transaction (on SQLite it takes the write lock up
front, see ``storage.db``) with every repository bound to it. The use case says what follows
from its change; ``commit`` then writes it in the same transaction, in this order: posts to be
planned again, the posted agendas to update, the audit lines, and the note that the running
turn's activity is handled (``HANDLING``), so a crash loses all of it or none. ``reading()``
is the same repositories on a read-only session.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.model import Actor, AuditNote, Meeting
from bot.domain.ports import HANDLING, Clock
from storage.db import Database
from storage.governance import SqlAuditLog, SqlRoleRepository
from storage.meeting_events import SqlTeamsMeetingRepository
from storage.minutes import (
    SqlAttendanceRepository,
    SqlMinutesArchiveRepository,
    SqlMinutesRepository,
    SqlNoteRepository,
)
from storage.outbox import drop_unsent, mark_agenda_changed
from storage.repositories import (
    SqlActionItemRepository,
    SqlActivityClaims,
    SqlAgendaPointRepository,
    SqlDecisionRepository,
    SqlGroupRepository,
    SqlMeetingRepository,
    SqlMemberRepository,
    SqlStatusReportRepository,
    complete_claim,
)
from storage.tables import OutboxRow
from storage.topics import SqlSeminarRepository, SqlTopicRepository


@dataclass(frozen=True)
class _AuditLine:
    group_id: int
    actor: Actor
    note: AuditNote


class SqlUnitOfWork:
    def __init__(self, session: AsyncSession, clock: Clock, *, writable: bool) -> None:
        self._session = session
        self._clock = clock
        self._writable = writable
        self.groups = SqlGroupRepository(session)
        self.members = SqlMemberRepository(session)
        self.roles = SqlRoleRepository(session)
        self.meetings = SqlMeetingRepository(session)
        self.reports = SqlStatusReportRepository(session)
        self.items = SqlActionItemRepository(session)
        self.decisions = SqlDecisionRepository(session)
        self.points = SqlAgendaPointRepository(session)
        self.attendance = SqlAttendanceRepository(session)
        self.notes = SqlNoteRepository(session)
        self.minutes = SqlMinutesRepository(session)
        self.archive = SqlMinutesArchiveRepository(session)
        self.audit_log = SqlAuditLog(session)
        self.topics = SqlTopicRepository(session)
        self.seminars = SqlSeminarRepository(session)
        self.teams_meetings = SqlTeamsMeetingRepository(session)
        self.journal = SqlActivityClaims(session)
        self._agendas: set[int] = set()
        self._replans: list[tuple[int, Meeting | None]] = []
        self._audit: list[_AuditLine] = []

    def agenda_changed(self, group_id: int) -> None:
        self._agendas.add(group_id)

    def posts_replanned(self, group_id: int, meeting: Meeting | None = None) -> None:
        self._replans.append((group_id, meeting))

    def audit(self, group_id: int, actor: Actor, entry: AuditNote) -> None:
        self._audit.append(_AuditLine(group_id, actor, entry))

    async def commit(self, *, handles_activity: bool = True) -> None:
        if not self._writable:
            raise RuntimeError("a reading unit of work cannot commit")
        session, now = self._session, self._clock.now()
        for group_id, meeting in self._replans:
            if meeting is None:
                await drop_unsent(session, OutboxRow.group_id == group_id)
                continue
            await drop_unsent(session, OutboxRow.meeting_id == meeting.id)
            # A posted agenda stays useful (and updatable) until the meeting's new start.
            await session.execute(
                update(OutboxRow)
                .where(OutboxRow.meeting_id == meeting.id, OutboxRow.activity_id.is_not(None))
                .values(expires_at=meeting.starts_at)
            )
        for group_id in sorted(self._agendas):
            await mark_agenda_changed(session, group_id, now)
        for line in self._audit:
            await self.audit_log.add(line.group_id, line.actor, line.note, now)
        handling = HANDLING.get() if handles_activity else None
        if handling is not None:
            await complete_claim(session, handling.key, now)
        await session.commit()
        if handling is not None:
            handling.stored = True
        self._agendas.clear()
        self._replans.clear()
        self._audit.clear()


class SqlTransactions:
    """Opens the units of work of one database (the ``Transactions`` port)."""

    def __init__(self, database: Database, clock: Clock) -> None:
        self.database = database
        self._clock = clock

    @asynccontextmanager
    async def writing(self) -> AsyncIterator[SqlUnitOfWork]:
        async with self.database.write_transaction() as session:
            yield SqlUnitOfWork(session, self._clock, writable=True)

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[SqlUnitOfWork]:
        async with self.database.reading() as session:
            yield SqlUnitOfWork(session, self._clock, writable=False)
