"""Server CPU per post the scheduler delivers, against botbuilder's echo bot's CPU per turn
(issue 15: "delivering a post costs no more CPU than an echo turn").

Four processes on loopback, as in ``bench.turns``: this driver, the fake Bot Connector
(``bench.connector_process``), the echo bot (``bench.echo_bot``) and ``ragbot run`` with its
scheduler on a fresh database (a SQLite file, then a throwaway PostgreSQL database). Rounds
alternate: the echo bot answers ``--posts`` messages from 32 conversations at a time (the
scheduler's concurrency); then ``--posts`` channel groups, spread over 100 tenants, get a
meeting in three hours booked a minute ago, so that each one's agenda is due at once (and
nothing else: the reminder and the nudge were due before the meeting was booked), and the
bot's next tick queues, composes and posts them, a new thread each
(``CloudAdapter.create_conversation``). A bot round's CPU is the ``ragbot run`` process's
utime + stime (``/proc``) from the seeding until the outbox has them all sent, divided by
the posts: it includes the planning, the claims, composing each agenda from the database,
the connector calls, recording each as sent, and the idle ticks meanwhile. Each figure is
the median over the rounds, and only the ratio means anything from one machine to another.

``python -m bench.delivery`` (``--rounds``, ``--posts``, ``--no-postgres``, ``--no-sqlite``).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import signal
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta

import aiohttp
from sqlalchemy import func, insert, select

from bench.databases import fresh_databases
from bench.turns import (
    Server,
    bot_server,
    drive,
    echo_server,
    out,
    settled_after_start,
    space,
    start_connector,
)
from storage.db import Database, create_engine
from storage.tables import GroupRow, MeetingRow, OutboxRow
from tests.support.process import free_port
from tests.support.seed import channel_address, group_row

TENANTS = 100
ECHO_CONVERSATIONS = 32  # as many as the scheduler serves at once (bot.scheduler.CONCURRENCY)
INTERVAL = "1.0"  # seconds between the bot's ticks during the benchmark


async def seed_due_agendas(database: Database, numbers: range, service_url: str) -> None:
    """A channel group per number, its meeting in three hours booked a minute ago: its
    agenda is due now, nothing else of it is."""
    now = datetime.now(UTC).replace(microsecond=0)
    booked = now - timedelta(minutes=1)
    async with database.writing() as session:
        ids = (
            await session.execute(
                insert(GroupRow).returning(GroupRow.id),
                [group_row(channel_address(n, service_url, TENANTS), booked) for n in numbers],
            )
        ).scalars()
        start = now + timedelta(hours=3)
        await session.execute(
            insert(MeetingRow),
            [
                {
                    "group_id": group_id,
                    "starts_at": start,
                    "ends_at": start + timedelta(hours=1),
                    "place": "Teams",
                    "status": "scheduled",
                    "created_at": booked,
                    "updated_at": booked,
                }
                for group_id in ids
            ],
        )


async def sent_posts(database: Database) -> tuple[int, int]:
    """Posts sent and posts in the outbox, all statuses."""
    async with database.reading() as session:
        sent = await session.scalar(select(func.count()).where(OutboxRow.status == "sent"))
        every = await session.scalar(select(func.count()).select_from(OutboxRow))
    return sent or 0, every or 0


async def bot_round(bot: Server, database: Database, numbers: range, service_url: str) -> float:
    """Seconds of the bot's CPU to deliver the agendas of ``numbers``' new groups."""
    before, _ = await sent_posts(database)
    cpu = bot.cpu_seconds()
    await seed_due_agendas(database, numbers, service_url)
    deadline = time.monotonic() + 120
    while True:
        sent, every = await sent_posts(database)
        if sent - before >= len(numbers):
            break
        if time.monotonic() > deadline or bot.process.returncode is not None:
            raise RuntimeError(
                f"{sent - before} of {len(numbers)} posts sent ({every} queued):\n"
                + "\n".join(bot.tail)
            )
        await asyncio.sleep(0.05)
    if sent - before != len(numbers) or every != sent:
        raise RuntimeError(f"expected {len(numbers)} agendas, outbox has {every}, {sent} sent")
    return bot.cpu_seconds() - cpu


async def compare(label: str, url: str, echo: Server, service_url: str, options) -> None:
    database = Database(create_engine(url))
    bot = bot_server(url, free_port())
    bot.env["RAGBOT_SCHEDULER_INTERVAL"] = INTERVAL
    await bot.start()
    await settled_after_start()
    numbers = itertools.count(1)
    messages = itertools.count(1)
    talk = space(900_000, service_url)
    per_post: list[float] = []
    per_turn: list[float] = []
    try:
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as http:

            async def echo_round(turns: int) -> float:
                round_ = await drive(
                    http,
                    echo,
                    lambda i: talk.message(f"hej {i}"),
                    messages,
                    turns,
                    ECHO_CONVERSATIONS,
                )
                return round_.cpu

            async def post_round(posts: int) -> float:
                first = next(numbers)
                batch = range(first, first + posts)
                for _ in range(posts - 1):
                    next(numbers)
                return await bot_round(bot, database, batch, service_url)

            # Warm both up (imports, caches, connections) before measuring.
            await echo_round(20)
            await post_round(20)
            for number in range(options.rounds):
                if number % 2 == 0:
                    per_turn.append(await echo_round(options.posts) / options.posts)
                    per_post.append(await post_round(options.posts) / options.posts)
                else:
                    per_post.append(await post_round(options.posts) / options.posts)
                    per_turn.append(await echo_round(options.posts) / options.posts)
    finally:
        await bot.stop()
        await database.engine.dispose()
    post_ms = statistics.median(per_post) * 1000
    turn_ms = statistics.median(per_turn) * 1000
    out(
        f"| {label} | {options.posts} agendas, {TENANTS} tenants | {post_ms:.1f} ms "
        f"| {turn_ms:.1f} ms | **{post_ms / turn_ms:.2f}×** | ≤ 1.00× |"
    )


async def run(urls: dict[str, str], options: argparse.Namespace) -> None:
    connector, service_url = await start_connector()
    echo = echo_server(free_port())
    out(
        f"bench.delivery on {os.cpu_count()} cores, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; "
        f"{options.rounds} alternating rounds of {options.posts}"
    )
    out()
    out("| db | posts a round | CPU per post, bot | CPU per echo turn | ratio | target |")
    out("|---|---|---|---|---|---|")
    try:
        await echo.start()
        for label, url in urls.items():
            await compare(label, url, echo, service_url, options)
    finally:
        await echo.stop()
        connector.terminate()
        await connector.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--posts", type=int, default=300, help="posts (and echo turns) a round")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with fresh_databases(sqlite=not options.no_sqlite, postgres=not options.no_postgres) as urls:
        asyncio.run(run(urls, options))


if __name__ == "__main__":
    main()
