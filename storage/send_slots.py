"""Teams' message limits kept in PostgreSQL, so that they hold however many replicas send.

Teams allows a tenant 30 posts a second and a conversation 7 in any second, 8 in two and 60 in
thirty. Each replica's own sliding windows (``bot.ratelimit``) would let N replicas send N
times that. Here a post books its slot in one short transaction and sleeps until it: the
transaction takes an advisory lock per scope (tenant and conversation, in a fixed order, so
two bookings never deadlock), reads the scopes' slots and books one time for both.

A conversation's posts go out in the order booked: its slot is the earliest at or after its
latest one that keeps each window (the count-th latest slot plus the window; a few indexed
rows). A tenant's slot fills the earliest gap from there on: a post that waits seconds for
its busy conversation must not hold up the tenant's other conversations behind it.

Times are the database's clock (``clock_timestamp()``), so the replicas' clocks need not
agree. A call reaches Teams a little after its slot, not always equally late: each window is
widened by ``margin``; the slots are paced (30 a second is one every 1/30 s, not 30 at once);
and a process that wakes up later than ``LATE`` for its slot (its event loop was busy) books
another rather than send in a bunch with the next slots' posts. Slots older than the longest
window are pruned now and then.
"""

from __future__ import annotations

import asyncio
import bisect
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import BigInteger, String, bindparam, delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.selectable import ScalarSelect

from storage.db import Database
from storage.tables import SendSlotRow

log = logging.getLogger(__name__)

Window = tuple[int, float]  # at most this many sends in any window of this many seconds
Span = tuple[int, timedelta]
PRUNE_EVERY = 60.0  # seconds
# Seconds late for its slot after which a post books another instead of going out.
LATE = 0.05


def lock_key(scope: str) -> int:
    """A stable signed 64-bit advisory lock key for a scope."""
    digest = hashlib.blake2b(scope.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def earliest_fit(slots: Sequence[datetime], start: datetime, windows: Sequence[Span]) -> datetime:
    """The earliest time from ``start`` at which one more slot keeps every window: at most
    ``count`` slots in any span shorter than its width, i.e. any ``count + 1`` slots in a row
    span at least the width. The slots are assumed to keep the windows already."""
    points = sorted(slots)
    # A slot becomes possible where the start allows it or where an older slot leaves a window.
    candidates = sorted({start} | {p + width for p in points for _, width in windows})
    for at in candidates:
        if at >= start and _fits(points, at, windows):
            return at
    raise AssertionError("unreachable: after the last slot plus the widest window it fits")


def _fits(points: list[datetime], at: datetime, windows: Sequence[Span]) -> bool:
    index = bisect.bisect_right(points, at)
    merged = [*points[:index], at, *points[index:]]
    for count, width in windows:
        # Every run of count + 1 slots that holds the new one.
        for first in range(max(0, index - count), min(index, len(merged) - count - 1) + 1):
            if merged[first + count] - merged[first] < width:
                return False
    return True


class _Statements:
    """The booking's statements, built once per ``SqlSendSlots``.

    ``lock[n]`` takes n advisory locks in the order of its parameters key0..key<n-1> (a select list
    is evaluated left to right), in one round trip. ``read`` is the database's clock, the
    conversation's latest slot and its count-th latest per window, and the tenant's slots
    within its widest window (as one array), in one statement after the locks: it sees what
    the booking that held them wrote.
    """

    def __init__(self, per_tenant: Sequence[Span], per_conversation: Sequence[Span]) -> None:
        self.lock = {
            n: select(
                *(
                    func.pg_advisory_xact_lock(bindparam(f"key{i}", type_=BigInteger))
                    for i in range(n)
                )
            )
            for n in (1, 2)
        }
        conversation = bindparam("conversation", type_=String)
        tenant = bindparam("tenant", type_=String)

        def latest(nth: int) -> ScalarSelect[datetime]:
            return (
                select(SendSlotRow.at)
                .where(SendSlotRow.scope == conversation)
                .order_by(SendSlotRow.at.desc())
                .offset(nth - 1)
                .limit(1)
                .scalar_subquery()
            )

        widest = max(width for _, width in per_tenant)
        now = func.clock_timestamp()
        tenant_slots = (
            select(func.array_agg(SendSlotRow.at))
            .where(SendSlotRow.scope == tenant, SendSlotRow.at > now - widest)
            .scalar_subquery()
        )
        self.read = select(
            now,
            latest(1),
            *(latest(count) for count, _ in per_conversation),
            tenant_slots,
        )
        self.insert = insert(SendSlotRow)


class SqlSendSlots:
    def __init__(
        self,
        database: Database,
        per_tenant: Sequence[Window],
        per_conversation: Sequence[Window],
        *,
        margin: float = 0.2,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._database = database
        self._per_tenant = _spans(per_tenant, margin)
        self._per_conversation = _spans(per_conversation, margin)
        self._sleep = sleep
        self._clock = clock
        self._keep = max(width for _, width in self._per_tenant + self._per_conversation)
        self._pruned_at = -PRUNE_EVERY
        self._statements = _Statements(self._per_tenant, self._per_conversation)

    async def wait(self, tenant: str, conversation: str) -> None:
        """Return when one more post to ``conversation`` in ``tenant`` stays within every
        window of both, across all processes; the post is counted. A process that wakes up
        late for its slot (a busy event loop) books another: late posts would bunch up."""
        while True:
            due = await self._book(f"tenant:{tenant}", f"conversation:{conversation}")
            await self._sleep(max(0.0, due - self._clock()))
            late = self._clock() - due
            if late <= LATE:
                return
            log.debug("woke %.3f s late for a send slot: booking another", late)

    async def _book(self, tenant_scope: str, conversation_scope: str) -> float:
        """Book one slot for both scopes; when it is, on this process's clock."""
        keys = sorted({lock_key(tenant_scope), lock_key(conversation_scope)})
        async with self._database.writing() as session:
            # Statements built once (``_Statements``): building and keying a statement per
            # booking cost more CPU than the database took to run it.
            connection = await session.connection()
            statements = self._statements
            await connection.execute(
                statements.lock[len(keys)], {f"key{i}": key for i, key in enumerate(keys)}
            )
            read = (
                await connection.execute(
                    statements.read,
                    {"conversation": conversation_scope, "tenant": tenant_scope},
                )
            ).one()
            now, last, *nths = read[:-1]
            local_now = self._clock()
            start = max(now, self._in_order(last, nths) or now)
            widest = max(width for _, width in self._per_tenant)
            booked = [slot for slot in read[-1] or () if slot > start - widest]
            at = earliest_fit(booked, start, self._per_tenant)
            await connection.execute(
                statements.insert,
                [{"scope": tenant_scope, "at": at}, {"scope": conversation_scope, "at": at}],
            )
            await self._prune(session, now)
        return local_now + (at - now).total_seconds()

    def _in_order(self, last: datetime | None, nths: Sequence[datetime | None]) -> datetime | None:
        """The earliest time at or after the conversation's latest slot that keeps each of
        its windows: the count-th latest slot plus the width. None for a new conversation."""
        earliest = last
        for nth, (_, width) in zip(nths, self._per_conversation, strict=True):
            if nth is not None:
                earliest = max(earliest, nth + width)
        return earliest

    async def _prune(self, session: AsyncSession, now: datetime) -> None:
        if time.monotonic() - self._pruned_at < PRUNE_EVERY:
            return
        self._pruned_at = time.monotonic()
        result = await session.execute(delete(SendSlotRow).where(SendSlotRow.at < now - self._keep))
        log.debug("pruned %d send slots", result.rowcount)


def _spans(windows: Sequence[Window], margin: float) -> tuple[Span, ...]:
    """The windows widened by the margin, and a pace: the shortest window's posts spread
    evenly over it, not sent in one burst at its start. A burst is what a few late calls
    push into the next window's burst."""
    spans = [(count, timedelta(seconds=seconds + margin)) for count, seconds in windows]
    count, width = min(spans, key=lambda span: span[1])
    return (*spans, (1, width / count))
