"""Teams' message limits as sliding windows, on a moved clock (no real waiting).

Covers: a burst of 100 posts to one conversation never has more than 7 in any second, 8 in
any two seconds or 60 in any thirty; the windows are per conversation; the tenant's 30 per
second; the least recently used conversation is forgotten beyond the key limit.
"""

from __future__ import annotations

import asyncio

from bot.proactive import PER_CONVERSATION, PER_TENANT
from bot.ratelimit import SlidingWindows


class MovedTime:
    """A clock that only moves when someone sleeps on it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        await asyncio.sleep(0)


def most_in_any_window(times: list[float], seconds: float) -> int:
    return max(sum(1 for t in times if start <= t < start + seconds) for start in times)


async def sends(limits: SlidingWindows, time: MovedTime, keys: list[str]) -> dict[str, list[float]]:
    sent: dict[str, list[float]] = {key: [] for key in keys}
    for key in keys:
        await limits.wait(key)
        sent[key].append(time.now)
    return sent


async def test_a_burst_to_one_conversation_stays_within_every_window():
    time = MovedTime()
    limits = SlidingWindows(PER_CONVERSATION, clock=time.clock, sleep=time.sleep)

    times = (await sends(limits, time, ["thread"] * 100))["thread"]

    assert len(times) == 100
    assert most_in_any_window(times, 1.0) == 7
    assert most_in_any_window(times, 2.0) == 8
    assert most_in_any_window(times, 30.0) == 60
    # The eighth waits for the one-second window, the ninth for the two-second one.
    assert times[:9] == [1000.0] * 7 + [1001.0, 1002.0]


async def test_conversations_have_their_own_windows_and_a_tenant_has_thirty_a_second():
    time = MovedTime()
    per_conversation = SlidingWindows(PER_CONVERSATION, clock=time.clock, sleep=time.sleep)
    per_tenant = SlidingWindows(PER_TENANT, clock=time.clock, sleep=time.sleep)

    spread = await sends(per_conversation, time, [f"thread-{n}" for n in range(50)])
    tenant = (await sends(per_tenant, time, ["tenant"] * 95))["tenant"]

    assert {t for times in spread.values() for t in times} == {1000.0}  # nobody waited
    assert most_in_any_window(tenant, 1.0) == 30
    assert tenant[-1] - tenant[0] == 3.0


async def test_the_least_recently_used_conversation_is_forgotten():
    time = MovedTime()
    limits = SlidingWindows(((1, 60.0),), keys=2, clock=time.clock, sleep=time.sleep)

    await sends(limits, time, ["a", "b", "c"])  # "a" is forgotten when "c" arrives
    again = await sends(limits, time, ["a"])

    assert again["a"] == [1000.0]
