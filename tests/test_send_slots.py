"""Teams' limits booked in PostgreSQL (``storage.send_slots``), without waiting in real time.

Covers: a burst into an empty tenant is paced and never has more than 30 in any widened
second; a post booked seconds ahead (its conversation was busy) leaves the gap before it to
the tenant's other posts; a conversation's posts are booked in order within 7 a second and 8
in two; two bookers on one database (as two replicas) share one tenant's 30 a second.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.proactive import PER_CONVERSATION, PER_TENANT
from storage.db import Database, create_engine
from storage.send_slots import SqlSendSlots, earliest_fit
from storage.tables import SendSlotRow

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)
TENANT = ((30, SECOND), (1, SECOND / 30))


def most_in_any_window(times: list[datetime], width: timedelta) -> int:
    times = sorted(times)
    return max(sum(1 for t in times if start <= t < start + width) for start in times)


def book(slots: list[datetime], start: datetime, count: int) -> list[datetime]:
    for _ in range(count):
        slots.append(earliest_fit(slots, start, TENANT))
    return slots


def test_a_burst_into_an_empty_tenant_is_paced_within_thirty_a_second():
    slots = book([], T0, 90)

    assert most_in_any_window(slots, SECOND) == 30
    assert slots[:3] == [T0, T0 + SECOND / 30, T0 + SECOND / 30 + SECOND / 30]
    assert max(slots) - T0 < 3 * SECOND


def test_a_post_booked_ahead_leaves_the_gap_before_it_to_other_posts():
    ahead = T0 + 5 * SECOND  # a busy conversation's post, booked five seconds out

    slots = book([ahead], T0, 30)

    assert max(slots[1:]) < T0 + SECOND
    assert most_in_any_window(slots, SECOND) == 30


@pytest.mark.postgres
async def test_two_bookers_share_one_tenant_and_keep_a_conversation_in_order(postgresql_url):
    engine = create_engine(postgresql_url)
    booked: list[float] = []

    async def note(seconds: float) -> None:
        booked.append(seconds)

    replicas = [
        SqlSendSlots(Database(engine), PER_TENANT, PER_CONVERSATION, margin=0.0, sleep=note)
        for _ in range(2)
    ]
    try:
        await asyncio.gather(
            *(
                replica.wait("tenant-1", f"19:channel{n % 20}@thread.tacv2")
                for n in range(60)
                for replica in replicas
            ),
            *(replicas[n % 2].wait("tenant-1", "19:busy@thread.tacv2") for n in range(20)),
        )
        async with engine.connect() as connection:
            rows = (await connection.execute(select(SendSlotRow.scope, SendSlotRow.at))).all()
    finally:
        await engine.dispose()

    tenant = [at for scope, at in rows if scope == "tenant:tenant-1"]
    busy = [at for scope, at in rows if scope == "conversation:19:busy@thread.tacv2"]
    assert len(tenant) == 140
    assert most_in_any_window(tenant, SECOND) <= 30
    assert most_in_any_window(busy, SECOND) <= 7
    assert most_in_any_window(busy, 2 * SECOND) <= 8
