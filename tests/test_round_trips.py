"""How many database transactions and statements a turn costs (issue 15), counted on SQLite by
a listener on the engine, for the commands `make bench` measures.

A message's turn opens one writing unit for the journal's claim, the group, the note that
the person spoke and the group the command acts for (``Conversations.arrive``); then the
command's own units; a command that stored nothing ends with the journal's ``done``. A
resent message costs one transaction. ``dagordning`` reads its meeting and agenda in one
unit, and neither it nor ``åtgärder`` reads more statements for more items (no query per
item).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import build_bot
from bot.domain.model import GroupDefaults
from bot.settings import Settings
from storage.db import POOL_SIZE, Database, ReadOnly, create_engine
from storage.unit_of_work import SqlTransactions
from tests.support.seed import channel_address
from tests.support.teams import CHANNEL_ID, MATS, TeamsSpace
from tests.support.transcript import Transcript

channel = TeamsSpace.channel()


@dataclass
class Counted:
    transcript: Transcript
    engine: AsyncEngine
    statements: list[str] = field(default_factory=list)

    @property
    def transactions(self) -> int:
        return sum(1 for statement in self.statements if statement.startswith("BEGIN"))

    async def say(self, activity: dict) -> list[str]:
        self.statements.clear()
        return await self.transcript.say(activity)


@pytest.fixture
async def counted(settings, clock, roster) -> AsyncIterator[Counted]:
    async for counted in _counted(settings, clock, roster):
        yield counted


@pytest.fixture
async def counted_on_postgresql(postgresql_url, clock, roster) -> AsyncIterator[Counted]:
    settings = Settings(_env_file=None, database_url=postgresql_url, scheduler=False)
    async for counted in _counted(settings, clock, roster):
        yield counted


async def _counted(settings, clock, roster) -> AsyncIterator[Counted]:
    """The bot with every statement it sends counted: SQLAlchemy's, and on PostgreSQL also
    the transaction control asyncpg sends itself (BEGIN, COMMIT, ROLLBACK)."""
    engine = create_engine(settings.database_url)
    counted = Counted(Transcript(build_bot(settings, engine, clock, roster)), engine)

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _statement(_conn, _cursor, statement, _params, _context, _many) -> None:
        counted.statements.append(statement)

    if engine.dialect.name == "postgresql":

        @event.listens_for(engine.sync_engine, "connect")
        def _log_transactions(dbapi_connection, _record) -> None:
            dbapi_connection.driver_connection.add_query_logger(
                lambda record: counted.statements.append(record.query)
            )

    await counted.say(channel.message("regioner Linköping, Jönköping, Kalmar"))
    await counted.say(channel.message("mötestider 27/11 kl 13-15 Teams"))
    await counted.say(channel.message("lägesrapport Kalmar: Allt lugnt."))
    yield counted
    await engine.dispose()


async def test_a_reply_from_no_data_costs_the_arrival_and_the_journals_done(counted):
    [help_text] = await counted.say(channel.message("hjälp"))

    assert help_text.startswith("Det här kan jag.")
    assert counted.transactions == 2


async def test_a_change_costs_the_arrival_and_its_own_transaction(counted):
    [saved] = await counted.say(channel.message("lägesrapport Jönköping: Två nya kameror."))

    assert saved.startswith("Lägesrapporten för **Jönköping** är sparad")
    assert counted.transactions == 2


async def test_a_resent_message_costs_one_transaction(counted):
    activity = channel.message("lägesrapport Linköping: Som vanligt.")
    await counted.say(activity)

    assert await counted.say(dict(activity)) == []
    assert counted.transactions == 1


async def test_the_first_message_of_a_new_member_is_noted_in_the_arrival(counted, stored):
    await counted.say(channel.message("hjälp", user=MATS))

    assert counted.transactions == 2
    group = await stored.group(CHANNEL_ID)
    async with stored.transactions.reading() as uow:
        member = await uow.members.get(group.id, MATS["aadObjectId"])
    assert member is not None and member.teams_id == MATS["id"]


@pytest.mark.parametrize("command", ["dagordning", "åtgärder"])
async def test_lists_cost_three_transactions_and_no_statement_per_item(counted, command):
    for number in range(3):
        await counted.say(channel.message(f"åtgärd Boka lokal {number} till nästa möte"))
    await counted.say(channel.message(command))
    few = len(counted.statements)
    assert counted.transactions == 3

    for number in range(3, 30):
        await counted.say(channel.message(f"åtgärd Boka lokal {number} till nästa möte"))
    [reply] = await counted.say(channel.message(command))

    assert "Boka lokal 29" in reply
    assert counted.transactions == 3
    assert len(counted.statements) == few


@pytest.mark.postgres
async def test_on_postgresql_only_the_arrival_is_a_transaction_of_a_read_command(
    counted_on_postgresql,
):
    # Under READ COMMITTED every statement reads its own snapshot, in a transaction or not:
    # the agenda's reads go without BEGIN and ROLLBACK. The journal's done is one statement,
    # atomic without BEGIN and COMMIT. Four round trips fewer a turn.
    counted = counted_on_postgresql
    activity = channel.message("dagordning")
    [agenda] = await counted.say(activity)

    assert "Kalmar" in agenda and "Allt lugnt." in agenda
    assert counted.transactions == 1
    assert not any(statement.startswith("ROLLBACK") for statement in counted.statements)
    assert counted.statements[-1].startswith("UPDATE processed_activities SET completed_at")
    async with counted.engine.connect() as connection:
        incomplete = await connection.scalar(
            text("SELECT count(*) FROM processed_activities WHERE completed_at IS NULL")
        )
    assert incomplete == 0


async def test_a_write_or_a_lock_in_a_read_is_refused_and_nothing_stored(database_url, clock):
    # On PostgreSQL a read runs in autocommit: a write would be committed at once (a read's
    # rollback used to drop it); on SQLite it would take the write lock outside the queue.
    engine = create_engine(database_url)
    transactions = SqlTransactions(Database(engine), clock)
    group = channel_address(7, "https://smba.trafficmanager.net/emea/", tenants=1)
    with pytest.raises(ReadOnly):
        async with transactions.reading() as uow:
            await uow.groups.remember(group, GroupDefaults("sv", "Europe/Stockholm"), clock.now())
    with pytest.raises(ReadOnly):
        async with Database(engine).reading() as session:
            await session.execute(text("SELECT id FROM groups FOR UPDATE"))

    async with transactions.reading() as uow:
        assert await uow.groups.get_by_key(group.key) is None
    await engine.dispose()


@pytest.mark.postgres
async def test_on_postgresql_a_burst_of_turns_reuses_the_connections_of_the_one_before(
    postgresql_url, clock
):
    # More turns at once than the pool holds: they wait for a connection, and the next burst
    # finds the same ones (a connection closed and opened again is a new server backend, and
    # every statement prepared again on it).
    engine = create_engine(postgresql_url)
    transactions = SqlTransactions(Database(engine), clock)
    opened: list[int] = []
    event.listen(engine.sync_engine, "connect", lambda *_: opened.append(1))

    async def turn() -> None:
        async with transactions.reading() as uow:
            await uow.groups.get_by_key("19:nobody@thread.tacv2")
            await asyncio.sleep(0.01)

    await asyncio.gather(*(turn() for _ in range(3 * POOL_SIZE)))
    first = len(opened)
    for _ in range(2):
        await asyncio.gather(*(turn() for _ in range(3 * POOL_SIZE)))

    assert first <= POOL_SIZE
    assert len(opened) == first
    await engine.dispose()
