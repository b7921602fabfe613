"""Crash safety: the real bot process is killed with SIGKILL in the middle of 1,000 capture
commands and restarted, on SQLite and on PostgreSQL.

The commands (`@RAG åtgärd Uppgift 0042 …`) come concurrently from 20 channels, 40 at a time.
Once 300 have been answered 200 (Teams' acknowledgement), the process is killed; requests in
flight fail. After the restart every command is sent again with its original activity id, as
Teams resends what it did not get an answer to, and once more after the journal's claim lease
(the commands the dead process had claimed but not finished). Then: every acknowledged command
is stored exactly once, no command is stored twice, and all 1,000 are stored. The figures are
printed.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import aiohttp
from sqlalchemy import select

from bot.domain.ports import CLAIM_LEASE
from storage.db import create_engine
from storage.tables import ActionItemRow
from tests.support.connector import FakeConnector
from tests.support.process import BotProcess, bot_environment, free_port
from tests.support.teams import TeamsSpace

COMMANDS = 1000
CHANNELS = 20
IN_FLIGHT = 40
KILL_AFTER = 300


def _channel(number: int, service_url: str) -> TeamsSpace:
    channel_id = f"19:crash{number:02d}channel@thread.tacv2"
    return TeamsSpace.channel(
        service_url,
        conversation_id=channel_id,
        channel_id=channel_id,
        team_id=f"19:crash{number:02d}team@thread.tacv2",
    )


def _commands(service_url: str) -> dict[str, dict]:
    """The item's text -> the activity that files it; each text unique, so what is stored can
    be counted per command."""
    channels = [_channel(number, service_url) for number in range(CHANNELS)]
    return {
        text: channels[index % CHANNELS].message(f"åtgärd {text}")
        for index in range(COMMANDS)
        for text in [f"Uppgift {index:04d} från kanal {index % CHANNELS:02d}"]
    }


async def _send_all(
    http: aiohttp.ClientSession,
    url: str,
    commands: dict[str, dict],
    acknowledged: set[str],
    stop_after: int | None = None,
) -> list[asyncio.Task]:
    """Post every command, IN_FLIGHT at a time, adding the texts answered 200 to
    ``acknowledged``. With ``stop_after`` it returns once that many are acknowledged, the rest
    still being sent; otherwise when all are done."""
    gate = asyncio.Semaphore(IN_FLIGHT)
    enough = asyncio.Event()

    async def post(text: str, activity: dict) -> None:
        async with gate:
            try:
                async with http.post(url + "api/messages", json=activity) as response:
                    if response.status == 200:
                        acknowledged.add(text)
            except (TimeoutError, aiohttp.ClientError):
                return  # the process died under this request: no acknowledgement
            if stop_after is not None and len(acknowledged) >= stop_after:
                enough.set()

    tasks = [asyncio.create_task(post(text, activity)) for text, activity in commands.items()]
    if stop_after is None:
        await asyncio.gather(*tasks)
    else:
        await enough.wait()
    return tasks


async def _stored(database_url: str) -> Counter[str]:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(select(ActionItemRow.text))
            return Counter(row.text for row in rows)
    finally:
        await engine.dispose()


async def test_acknowledged_commands_survive_a_sigkill_exactly_once(database_url):
    database = database_url.split("+", 1)[0]
    connector = await FakeConnector().start()
    env = bot_environment(database_url, free_port(), RAGBOT_SCHEDULER="0")
    commands = _commands(connector.url)
    timeout = aiohttp.ClientTimeout(total=30)
    try:
        async with aiohttp.ClientSession(timeout=timeout) as http:
            bot = await BotProcess(env, int(env["RAGBOT_PORT"])).start()
            acknowledged: set[str] = set()
            sending = await _send_all(http, bot.url, commands, acknowledged, KILL_AFTER)
            await bot.kill()
            killed_at = time.monotonic()
            await asyncio.gather(*sending)  # what was in flight fails against the dead process
            stored_at_kill = await _stored(database_url)

            bot = await BotProcess(env, int(env["RAGBOT_PORT"])).start()
            resent: set[str] = set()
            await _send_all(http, bot.url, commands, resent)
            after_resend = await _stored(database_url)
            lease_left = CLAIM_LEASE.total_seconds() + 1 - (time.monotonic() - killed_at)
            await asyncio.sleep(max(0.0, lease_left))
            await _send_all(http, bot.url, commands, set())
            await bot.stop()
        final = await _stored(database_url)
    finally:
        await connector.close()

    unacknowledged_stored = len(set(stored_at_kill) - acknowledged)
    print(
        f"\n{database}: {COMMANDS} commands; acknowledged before SIGKILL "
        f"{len(acknowledged)}; stored at the kill {sum(stored_at_kill.values())} "
        f"({unacknowledged_stored} of them unacknowledged); after the resend "
        f"{sum(after_resend.values())} stored ({len(resent)} resends answered 200); after the "
        f"claim lease {sum(final.values())} stored, {len(final)} distinct"
    )
    assert len(acknowledged) >= KILL_AFTER
    assert all(stored_at_kill[text] == 1 for text in acknowledged)
    assert max(final.values()) == 1
    assert set(final) == set(commands)
