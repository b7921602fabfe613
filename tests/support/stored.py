"""Read (and, for what chat cannot do yet, write) what the bot stored, through the real
repositories on the test's database."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from bot.domain.model import ActionItem, Group, Meeting
from bot.domain.ports import SystemClock
from storage.db import Database
from storage.tables import StatusReportRow
from storage.unit_of_work import SqlTransactions
from tests.date_corpus import local


class Stored:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.transactions = SqlTransactions(database, SystemClock())

    async def group(self, key: str) -> Group:
        group = await group_by_key(self.database, key)
        assert group is not None, f"no group {key}"
        return group

    async def schedule(
        self, key: str, start: str, hours: float = 1, place: str = "Teams"
    ) -> Meeting:
        """A meeting at ``start`` (Stockholm wall-clock time) for the group at ``key``, as if
        planned a month before."""
        group = await self.group(key)
        begins: datetime = local(start)
        async with self.transactions.writing() as uow:
            [meeting] = await uow.meetings.add_many(
                group.id,
                [(begins, begins + timedelta(hours=hours), place)],
                begins - timedelta(days=30),
            )
            await uow.commit()
        return meeting

    async def open_items(self, key: str) -> list[ActionItem]:
        group = await self.group(key)
        async with self.transactions.reading() as uow:
            return await uow.items.list_open(group.id)

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


async def group_by_key(database: Database, key: str) -> Group | None:
    async with SqlTransactions(database, SystemClock()).reading() as uow:
        return await uow.groups.get_by_key(key)
