"""Scheduler figures: how long a tick takes for 10,000 groups, and how long 1,000 agenda posts
take to deliver against a fake connector answering in 50 ms.

The tick: 10,000 channel groups on a migrated SQLite file and on PostgreSQL (a throwaway
database on the server the tests use),
each with a meeting on one of the next 30 days; the first tick queues what is due, the next
ones find nothing new (the steady state, every 30 s). The first tick is timed after the
imports the app's warm-up makes before its first tick (the holidays package), which are timed
apart. A turn's write (an action item's number handed out) falls due every 10 ms alongside
the ticks, and how late each began (waiting for the event loop, or on SQLite for the write
lock) is printed, beside the same writes with no tick running (the ticks' times include
those writes). Delivery: 1,000 groups whose agenda is due, spread over 100 tenants (Teams
allows 30 posts/s per tenant), and the same 1,000 in one tenant, where that limit alone makes
it at least 33 s.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import tempfile
import time
from collections.abc import Awaitable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy import insert, update

from bench.databases import settle
from bot.app import build_dependencies, build_scheduler, warm_imports
from bot.connector import ConnectorClients
from bot.settings import Settings
from storage.db import Database, create_engine
from storage.migrate import upgrade
from storage.tables import GroupRow, MeetingRow
from tests.support.clock import FakeClock
from tests.support.connector import FakeConnector
from tests.support.postgres import obtain
from tests.support.seed import channel_address, group_row

T = TypeVar("T")
NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)  # Friday 09:00 in Stockholm


async def bulk_seed(
    database: Database, count: int, *, url: str, tenants: int, days: int, first_day: int = 1
) -> None:
    """``count`` groups; meeting ``n`` at 13:00 on day ``first_day + n % days`` from now,
    planned long ago."""
    planned = NOW - timedelta(days=60)
    groups, meetings = [], []
    for number in range(count):
        address = channel_address(number, url, tenants)
        groups.append({"id": number + 1, **group_row(address, planned)})
        start = NOW + timedelta(days=first_day + number % days, hours=4)
        meetings.append(
            {
                "group_id": number + 1,
                "starts_at": start,
                "ends_at": start + timedelta(hours=1),
                "place": "Teams",
                "status": "scheduled",
                "created_at": planned,
                "updated_at": planned,
            }
        )
    async with database.writing() as session:
        for start in range(0, count, 2000):
            await session.execute(insert(GroupRow), groups[start : start + 2000])
            await session.execute(insert(MeetingRow), meetings[start : start + 2000])
    await settle(database)


def scheduler_for(
    database_url: str, clock: FakeClock, database: Database, clients: ConnectorClients | None = None
):
    settings = Settings(_env_file=None, database_url=database_url, scheduler=False)
    deps = build_dependencies(settings, database, clock, clients=clients)
    return build_scheduler(settings, database, deps, clients=clients)


async def turn_writes(database: Database, stop: asyncio.Event) -> list[float]:
    """How late each of a turn's writes began, one falling due 10 ms after the last until
    ``stop``: waiting for the event loop (a tick that does not let go of it) or for the
    write lock (a tick's write transaction) both count."""
    statement = (
        update(GroupRow)
        .where(GroupRow.id == 1)
        .values(action_item_seq=GroupRow.action_item_seq + 1)
    )
    waits = []
    due = time.perf_counter()
    while not stop.is_set():
        async with database.writing() as session:
            waits.append(time.perf_counter() - due)
            await session.execute(statement)
        due = time.perf_counter() + 0.01
        await asyncio.sleep(0.01)
    return waits


async def alongside(database: Database, work: Awaitable[T]) -> tuple[T, float, list[float]]:
    """``work``'s result and seconds, and how late the turn's writes made meanwhile began (the
    writes start first: they wait from the moment the work does)."""
    stop = asyncio.Event()
    writes = asyncio.create_task(turn_writes(database, stop))
    await asyncio.sleep(0)
    started = time.perf_counter()
    try:
        result = await work
        seconds = time.perf_counter() - started
    finally:
        stop.set()
        waits = await writes
    return result, seconds, waits


def waited(waits: list[float]) -> str:
    return (
        f"at most {max(waits) * 1000:.1f} ms, median {statistics.median(waits) * 1000:.1f} ms "
        f"({len(waits)} writes)"
    )


async def tick_figures(database_url: str, groups: int) -> str:
    engine = create_engine(database_url)
    database = Database(engine)
    await bulk_seed(database, groups, url="http://127.0.0.1:9/", tenants=100, days=30)
    clock = FakeClock(NOW)
    scheduler = scheduler_for(database_url, clock, database)
    # The app's first tick comes after its warm-up thread's imports (holidays): timed apart.
    started = time.perf_counter()
    warm_imports()
    warm_seconds = time.perf_counter() - started
    # The bot's cyclic collector does not walk what it holds from start-up (frozen in
    # bot.__main__); here that is the bench's own objects, the seeding's among them, whose
    # full collections otherwise stalled the loop 65 ms in the middle of a tick.
    gc.collect()
    gc.freeze()
    _, _, alone = await alongside(database, asyncio.sleep(0.5))
    first, first_seconds, during_first = await alongside(database, scheduler.plan())

    async def steady_ticks() -> list[float]:
        seconds = []
        for _ in range(5):
            started = time.perf_counter()
            await scheduler.plan()
            seconds.append(time.perf_counter() - started)
        return seconds

    steady, _, during_steady = await alongside(database, steady_ticks())
    gc.unfreeze()
    await engine.dispose()
    return (
        f"tick, {groups:,} groups: first {first_seconds * 1000:.0f} ms "
        f"(queued {first.queued:,}, dropped {first.dropped:,}), "
        f"steady state median {statistics.median(steady) * 1000:.0f} ms; "
        f"the warm-up's imports before the first tick {warm_seconds * 1000:.0f} ms; "
        f"a turn's write due every 10 ms began late: during the first tick "
        f"{waited(during_first)}, during steady ticks {waited(during_steady)}, "
        f"with no tick {waited(alone)}"
    )


async def delivery_figures(database_url: str, posts: int, tenants: int) -> str:
    connector = await FakeConnector(latency=0.05).start()
    engine = create_engine(database_url)
    database = Database(engine)
    # Every meeting on Tuesday at 13:00: the agendas are due (two working days before),
    # nothing else yet.
    await bulk_seed(database, posts, url=connector.url, tenants=tenants, days=1, first_day=4)
    clock = FakeClock(NOW)
    clients = ConnectorClients()
    scheduler = scheduler_for(database_url, clock, database, clients)
    queued = await scheduler.plan()
    started = time.perf_counter()
    report = await scheduler.deliver()
    seconds = time.perf_counter() - started
    await clients.close()
    await engine.dispose()
    await connector.close()
    assert report.sent == queued.queued == len(connector.posted), (report, queued)
    return (
        f"deliver {report.sent:,} agenda posts, 50 ms connector, {tenants} tenant(s): "
        f"{seconds:.1f} s ({report.sent / seconds:.0f} posts/s)"
    )


def _fresh_sqlite(folder: Path, name: str) -> str:
    url = f"sqlite+aiosqlite:///{folder / name}"
    upgrade(url)
    return url


FIGURES = (("tick", 10_000, 0), ("spread", 1_000, 100), ("one", 1_000, 1))


async def run(databases: dict[tuple[str, str], str]) -> None:
    for backend in ("SQLite", "PostgreSQL"):
        for name, count, tenants in FIGURES:
            url = databases.get((backend, name))
            if url is None:
                continue
            figure = (
                await tick_figures(url, count)
                if name == "tick"
                else await delivery_figures(url, count, tenants)
            )
            print(f"{figure} [{backend}]", flush=True)


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    server = obtain(os.environ.get("RAGBOT_TEST_POSTGRES_URL"))
    created = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            # Alembic runs its own event loop: migrate before ours starts.
            databases = {
                ("SQLite", name): _fresh_sqlite(Path(folder), f"{name}.db")
                for name, _, _ in FIGURES
            }
            for name, _, _ in FIGURES:
                created.append(server.create_database())
                url = server.database_url(created[-1]).replace(
                    "postgresql://", "postgresql+asyncpg://", 1
                )
                upgrade(url)
                databases["PostgreSQL", name] = url
            asyncio.run(run(databases))
    finally:
        for name in created:
            server.drop_database(name)
        server.stop()


if __name__ == "__main__":
    main()
