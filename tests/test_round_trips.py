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

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import event

from bot.app import build_bot
from storage.db import create_engine
from tests.support.teams import CHANNEL_ID, MATS, TeamsSpace
from tests.support.transcript import Transcript

channel = TeamsSpace.channel()


@dataclass
class Counted:
    transcript: Transcript
    statements: list[str] = field(default_factory=list)

    @property
    def transactions(self) -> int:
        return sum(1 for statement in self.statements if statement.startswith("BEGIN"))

    async def say(self, activity: dict) -> list[str]:
        self.statements.clear()
        return await self.transcript.say(activity)


@pytest.fixture
async def counted(settings, clock, roster) -> AsyncIterator[Counted]:
    engine = create_engine(settings.database_url)
    counted = Counted(Transcript(build_bot(settings, engine, clock, roster)))

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _statement(_conn, _cursor, statement, _params, _context, _many) -> None:
        counted.statements.append(statement)

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
