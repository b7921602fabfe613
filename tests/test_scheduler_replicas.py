"""Two bot processes (real operating-system processes) on one PostgreSQL database, each running
the scheduler, deliver every due post exactly once.

200 groups, each with a meeting starting in ten minutes that was planned three days ago: per
meeting the agenda, the 15-minute reminder and the nudge are due (600 posts), the day-before
reminder was missed and is dropped, not sent. Both processes tick every 0.2 s against a fake
connector with 20 ms latency; the test counts what reached the connector per channel and what
the outbox says.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from storage.db import Database, create_engine
from storage.tables import OutboxRow
from tests.support.connector import FakeConnector
from tests.support.process import BotProcess, bot_environment, free_port
from tests.support.seed import seed_groups

pytestmark = pytest.mark.postgres

GROUPS = 200


def kind_of(post) -> str:
    if post.attachments:
        return "agenda"
    return "reminder" if post.text.startswith("Påminnelse") else "nudge"


async def test_two_scheduler_processes_deliver_each_post_exactly_once(postgresql_url):
    connector = await FakeConnector(latency=0.02).start()
    processes = []
    try:
        for _ in range(2):
            env = bot_environment(postgresql_url, free_port(), RAGBOT_SCHEDULER_INTERVAL="0.2")
            processes.append(await BotProcess(env, int(env["RAGBOT_PORT"])).start())
        engine = create_engine(postgresql_url)
        now = datetime.now(UTC)
        await seed_groups(
            Database(engine),
            GROUPS,
            service_url=connector.url,
            meeting_at=now + timedelta(minutes=10),
            planned_at=now - timedelta(days=3),
        )
        await connector.wait_for(3 * GROUPS, seconds=120)
        await asyncio.sleep(2)  # ten more ticks each: time for a double post to show
        async with engine.connect() as connection:
            statuses = dict(
                (
                    await connection.execute(
                        select(OutboxRow.status, func.count()).group_by(OutboxRow.status)
                    )
                ).all()
            )
        await engine.dispose()
    finally:
        for process in processes:
            await process.stop()
        await connector.close()

    per_channel = Counter(
        (post.body["channelData"]["channel"]["id"], kind_of(post)) for post in connector.posted
    )
    assert len(connector.posted) == 3 * GROUPS
    assert {count for count in per_channel.values()} == {1}
    assert Counter(kind for _, kind in per_channel) == {
        "agenda": GROUPS,
        "reminder": GROUPS,
        "nudge": GROUPS,
    }
    assert statuses == {"sent": 3 * GROUPS, "dropped": GROUPS}
    posted_by = [sum("posted " in line for line in process.log) for process in processes]
    assert sum(posted_by) == 3 * GROUPS
    assert all(posted_by), f"one process did all the work: {posted_by}"
