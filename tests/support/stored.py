"""Read (and, for what chat cannot do yet, write) what the bot stored, through the real
repositories on the test's database."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from bot.domain.model import Group, Meeting
from storage.db import Database
from storage.repositories import (
    SqlActionItemRepository,
    SqlGroupRepository,
    SqlMeetingRepository,
    SqlStatusReportRepository,
)
from storage.tables import StatusReportRow
from tests.date_corpus import local


class Stored:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.groups = SqlGroupRepository(database)
        self.meetings = SqlMeetingRepository(database)
        self.reports = SqlStatusReportRepository(database)
        self.items = SqlActionItemRepository(database)

    async def group(self, key: str) -> Group:
        group = await self.groups.get_by_key(key)
        assert group is not None, f"no group {key}"
        return group

    async def schedule(
        self, key: str, start: str, hours: float = 1, place: str = "Teams"
    ) -> Meeting:
        """A meeting at ``start`` (Stockholm wall-clock time) for the group at ``key``, as if
        planned a month before."""
        group = await self.group(key)
        begins: datetime = local(start)
        [meeting] = await self.meetings.add_many(
            group.id,
            [(begins, begins + timedelta(hours=hours), place)],
            begins - timedelta(days=30),
        )
        return meeting

    async def report_history(self, key: str) -> list[tuple[str, str, bool]]:
        """Every report row ever stored: (region, text, still current), oldest first."""
        group = await self.group(key)
        async with self.database.reading() as session:
            rows = await session.execute(
                select(StatusReportRow)
                .where(StatusReportRow.group_id == group.id)
                .order_by(StatusReportRow.id)
            )
            return [(r.region, r.text, r.superseded_at is None) for r in rows.scalars()]
