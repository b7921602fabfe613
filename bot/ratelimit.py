"""Sliding-window rate limits per key: "at most 7 in any second and 8 in any two seconds".

Teams states its limits this way (per conversation: 7 per 1 s, 8 per 2 s, 60 per 30 s; per
tenant: 30 per 1 s). A leaky bucket of 7/s would let 14 through in two seconds, so the windows
are kept exactly: the times of the last sends per key, and a wait until every window has room.
Clock and sleep are injected, so tests move time instead of waiting.

These windows live in one process: right for SQLite (one process by design). Replicas on
PostgreSQL share theirs in the database (``storage.send_slots``); both are ``SendLimits``.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from typing import Protocol

Window = tuple[int, float]  # at most this many sends in any window of this many seconds


class SendLimits(Protocol):
    async def wait(self, tenant: str, conversation: str) -> None:
        """Return when one more post to ``conversation`` in ``tenant`` stays within the
        tenant's and the conversation's limits; the post is counted."""
        ...


class SlidingWindows:
    def __init__(
        self,
        windows: tuple[Window, ...],
        *,
        keys: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self._windows = windows
        self._depth = max(count for count, _ in windows)
        self._keys = keys
        self._clock = clock
        self._sleep = sleep
        # The least recently used key is forgotten beyond ``keys``.
        self._sent: OrderedDict[str, deque[float]] = OrderedDict()

    async def wait(self, key: str) -> None:
        """Return when one more send for ``key`` stays within every window, counting it."""
        while True:
            sent = self._history(key)
            now = self._clock()
            delay = max(
                (sent[-count] + seconds - now for count, seconds in self._windows
                 if len(sent) >= count),
                default=0.0,
            )  # fmt: skip
            if delay <= 0:
                sent.append(now)
                return
            await self._sleep(delay)

    def _history(self, key: str) -> deque[float]:
        sent = self._sent.pop(key, None)
        if sent is None:
            sent = deque(maxlen=self._depth)
        self._sent[key] = sent
        if len(self._sent) > self._keys:
            self._sent.popitem(last=False)
        return sent


class LocalSendLimits:
    """A tenant's and a conversation's windows, in this process."""

    def __init__(
        self, per_tenant: tuple[Window, ...], per_conversation: tuple[Window, ...]
    ) -> None:
        self._per_tenant = SlidingWindows(per_tenant)
        self._per_conversation = SlidingWindows(per_conversation)

    async def wait(self, tenant: str, conversation: str) -> None:
        await self._per_tenant.wait(tenant)
        await self._per_conversation.wait(conversation)
