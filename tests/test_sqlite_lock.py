"""SQLite is called on the event loop's thread (storage.inline_sqlite): a write waiting for
another process's write lock waits in asyncio sleeps, so the bot keeps answering meanwhile,
and stores the message once the lock is free."""

from __future__ import annotations

import asyncio
import sys

from sqlalchemy import select
from sqlalchemy.engine import make_url

from bot.app import create_app
from bot.settings import Settings
from storage.db import Database, create_engine
from storage.tables import StatusReportRow
from tests.support.connector import FakeConnector
from tests.support.server import serve
from tests.support.teams import TeamsSpace

HOLD_THE_WRITE_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
"""


async def test_a_write_waits_for_another_process_without_stopping_the_bot(
    settings: Settings, clock, connector: FakeConnector
):
    channel = TeamsSpace.channel(connector.url)
    async with serve(create_app(settings, clock=clock)) as bot:
        await bot.post_activity(channel.message("regioner Linköping, Jönköping, Kalmar"))
        holder = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            HOLD_THE_WRITE_LOCK,
            make_url(settings.database_url).database or "",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        assert holder.stdin and holder.stdout
        assert await holder.stdout.readline() == b"locked\n"

        report = asyncio.ensure_future(
            bot.post_activity(channel.message("lägesrapport Kalmar: Ny kamera på plats."))
        )
        # The report waits for the lock (given time to reach it); meanwhile the bot answers.
        await asyncio.sleep(0.5)
        async with bot.http.get(bot.url + "healthz") as health:
            assert health.status == 200
        assert not report.done()

        holder.stdin.write(b"done\n")
        await holder.stdin.drain()
        assert await holder.wait() == 0
        assert (await report).status == 200

    assert "Lägesrapporten för **Kalmar** är sparad" in connector.posted[-1].text
    engine = create_engine(settings.database_url)
    async with Database(engine).reading() as session:
        texts = (await session.scalars(select(StatusReportRow.text))).all()
    await engine.dispose()
    assert texts == ["Ny kamera på plats."]
