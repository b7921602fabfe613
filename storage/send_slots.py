"""Teams' message limits kept in PostgreSQL, so that they hold however many replicas send.

Teams allows a tenant 30 posts a second and a conversation 7 in any second, 8 in two and 60 in
thirty. Each replica's own sliding windows (``bot.ratelimit``) would let N replicas send N
times that. Here a post books its slot in one short transaction: it takes an advisory lock per
scope (tenant and conversation, in a fixed order, so two bookings never deadlock), reads the
latest slots of each scope, books the earliest time at or after the scope's latest slot that
keeps every window within its count, for both scopes at once, and sleeps until then. Times are
the database's clock (``clock_timestamp()``), so the replicas' clocks need not agree.
Bookings are first come, first served: one transaction per post, no polling. Each window is
widened by ``margin``: the call reaches Teams a little after its slot, not always equally late.
Slots older than the longest window are pruned now and then.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.selectable import ScalarSelect

from storage.db import Database
from storage.tables import SendSlotRow

log = logging.getLogger(__name__)

Window = tuple[int, float]  # at most this many sends in any window of this many seconds
PRUNE_EVERY = 60.0  # seconds


def lock_key(scope: str) -> int:
    """A stable signed 64-bit advisory lock key for a scope."""
    return int.from_bytes(
        hashlib.blake2b(scope.encode(), digest_size=8).digest(), "big", signed=True
    )


class SqlSendSlots:
    def __init__(
        self,
        database: Database,
        per_tenant: tuple[Window, ...],
        per_conversation: tuple[Window, ...],
        *,
        margin: float = 0.1,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self._database = database
        self._windows = {"tenant": per_tenant, "conversation": per_conversation}
        self._margin = margin
        self._sleep = sleep
        longest = max(seconds for _, seconds in per_tenant + per_conversation)
        self._keep = timedelta(seconds=longest + margin)
        self._pruned_at = -PRUNE_EVERY

    async def wait(self, tenant: str, conversation: str) -> None:
        """Return when one more post to ``conversation`` in ``tenant`` stays within every
        window of both, across all processes; the post is counted."""
        scopes = [
            (f"tenant:{tenant}", self._windows["tenant"]),
            (f"conversation:{conversation}", self._windows["conversation"]),
        ]
        async with self._database.writing() as session:
            for key in sorted(lock_key(scope) for scope, _ in scopes):
                await session.execute(select(func.pg_advisory_xact_lock(key)))
            now: datetime = await session.scalar(select(func.clock_timestamp()))
            at = now
            for scope, windows in scopes:
                earliest = await self._earliest(session, scope, windows)
                if earliest is not None:
                    at = max(at, earliest)
            await session.execute(
                insert(SendSlotRow), [{"scope": scope, "at": at} for scope, _ in scopes]
            )
            await self._prune(session, now)
        delay = (at - now).total_seconds()
        if delay > 0:
            await self._sleep(delay)

    async def _earliest(
        self, session: AsyncSession, scope: str, windows: tuple[Window, ...]
    ) -> datetime | None:
        """The earliest time at or after the scope's latest slot at which one more slot
        keeps each window (count, seconds) within its count: the count-th latest slot plus
        the window. None for a scope with no slots."""

        def latest(nth: int) -> ScalarSelect[datetime]:
            return (
                select(SendSlotRow.at)
                .where(SendSlotRow.scope == scope)
                .order_by(SendSlotRow.at.desc())
                .offset(nth - 1)
                .limit(1)
                .scalar_subquery()
            )

        row = (
            await session.execute(select(latest(1), *(latest(count) for count, _ in windows)))
        ).one()
        last, *nths = row
        earliest = last
        for nth, (_, seconds) in zip(nths, windows, strict=True):
            if nth is not None:
                earliest = max(earliest, nth + timedelta(seconds=seconds + self._margin))
        return earliest

    async def _prune(self, session: AsyncSession, now: datetime) -> None:
        if time.monotonic() - self._pruned_at < PRUNE_EVERY:
            return
        self._pruned_at = time.monotonic()
        result = await session.execute(delete(SendSlotRow).where(SendSlotRow.at < now - self._keep))
        log.debug("pruned %d send slots", result.rowcount)
