"""Two bot processes (real operating-system processes) on one PostgreSQL database keep Teams'
limits together: a tenant gets at most 30 posts in any second, a conversation at most 7 in any
second and 8 in any two, however the posts fall between the processes.

100 groups in ONE tenant, each a channel with a meeting in ten minutes planned three days ago
(the agenda, the 15-minute reminder and the nudge due: 300 posts); the first channel has 12
such meetings (36 posts). Then both processes start, tick every 0.2 s against a fake connector that
records each call as it arrives and answers in 0.05-0.3 s, so together they could send far
faster than Teams allows. The test counts the arrivals in every window. The figures are
printed.
"""

from __future__ import annotations

import asyncio
import gc
import random
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.ports import SystemClock
from bot.proactive import PER_CONVERSATION, PER_TENANT
from storage.db import Database, create_engine
from storage.unit_of_work import SqlTransactions
from tests.support.connector import FakeConnector
from tests.support.process import BotProcess, bot_environment, free_port
from tests.support.seed import seed_groups

pytestmark = pytest.mark.postgres

GROUPS = 100
BUSY_MEETINGS = 12
POSTS = 3 * (GROUPS + BUSY_MEETINGS - 1)


def most_in_any_window(times: list[float], seconds: float) -> int:
    times = sorted(times)
    most, start = 0, 0
    for end, at in enumerate(times):
        while at - times[start] >= seconds:
            start += 1
        most = max(most, end - start + 1)
    return most


async def test_two_processes_keep_the_tenant_and_conversation_limits_together(postgresql_url):
    draw = random.Random(3)
    connector = await FakeConnector(answer_delay=lambda: draw.uniform(0.05, 0.3)).start()
    engine = create_engine(postgresql_url)
    processes = []
    # The connector times arrivals on this process's loop: a full collection of pytest's heap
    # stalls it for a quarter of a second and bunches the arrivals it then takes in.
    gc.disable()
    try:
        database = Database(engine)
        now = datetime.now(UTC)
        meeting_at = now + timedelta(minutes=10)
        planned_at = now - timedelta(days=3)
        keys = await seed_groups(
            database,
            GROUPS,
            service_url=connector.url,
            meeting_at=meeting_at,
            planned_at=planned_at,
            tenants=1,
        )
        async with SqlTransactions(database, SystemClock()).writing() as uow:
            busy = await uow.groups.get_by_key(keys[0])
            assert busy is not None
            await uow.meetings.add_many(
                busy.id,
                [
                    (meeting_at + timedelta(seconds=n), meeting_at + timedelta(hours=1), "Teams")
                    for n in range(1, BUSY_MEETINGS)
                ],
                planned_at,
            )
            await uow.commit()
        # Seeded first: the test's own work must not hold up the connector's clock.
        for _ in range(2):
            env = bot_environment(postgresql_url, free_port(), RAGBOT_SCHEDULER_INTERVAL="0.2")
            processes.append(BotProcess(env, int(env["RAGBOT_PORT"])))
        await asyncio.gather(*(process.start() for process in processes))
        await connector.wait_for(POSTS, seconds=60)
        await asyncio.sleep(1)  # five more ticks each: time for a double post to show
    finally:
        for process in processes:
            await process.stop()
        await engine.dispose()
        await connector.close()
        gc.enable()

    calls = connector.posted + connector.refused
    tenant = [call.at for call in calls]
    busy_channel = [
        call.at for call in calls if call.body["channelData"]["channel"]["id"] == keys[0]
    ]
    peak = most_in_any_window(tenant, 1.0)
    busy_peaks = {
        seconds: most_in_any_window(busy_channel, seconds) for _, seconds in PER_CONVERSATION
    }
    took = max(tenant) - min(tenant)
    posted_by = [sum("posted " in line for line in process.log) for process in processes]
    print(
        f"\n{len(calls)} calls in {took:.1f} s from processes sending {posted_by}; peak "
        f"{peak} in one second for the tenant; the busy channel's {len(busy_channel)} posts: "
        f"peaks {busy_peaks} per window (seconds: posts)"
    )
    assert len(connector.posted) == POSTS
    assert all(posted_by), f"one process did all the work: {posted_by}"
    assert peak <= PER_TENANT[0][0]
    for count, seconds in PER_CONVERSATION:
        assert busy_peaks[seconds] <= count
