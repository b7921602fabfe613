"""The outbox: posts the bot makes by itself, stored in the transaction that decides them.

A post is queued once (its ``dedupe_key`` is unique, inserts that collide do nothing), claimed
by one worker at a time (``FOR UPDATE SKIP LOCKED`` on PostgreSQL; SQLite's writers are serial
anyway) under a lease, and marked sent with the Teams activity id it got. A sent agenda whose
content changed gets a new ``revision`` and goes back to pending: the sender then updates the
posted message in place.

The post kinds say what a tick must load for them to plan (``PlanningNeeds``: meetings,
seminars, overdue items); the outbox loads it in chunks of groups, a few set-based queries
per chunk (``storage.planning``), and queues what they decide.

Statuses: pending -> sent | skipped (nothing to say) | dropped (no longer useful) | failed.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Collection
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Integer,
    String,
    bindparam,
    case,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.ports import PostedMessage
from bot.domain.schedule import (
    GroupPlan,
    OutboxEntry,
    PlannedPost,
    PlanningNeeds,
    PostKind,
)
from storage.db import Database
from storage.planning import TickReads
from storage.prepared import one_of, table
from storage.tables import GroupRow, OutboxRow
from storage.types import UTCDateTime
from storage.upsert import insert_for

log = logging.getLogger(__name__)

PENDING, SENT = "pending", "sent"
# Groups planned per transaction. On SQLite a transaction holds every turn while it lasts
# (its calls run on the event loop, and a write holds its one write lock): a fraction of a
# millisecond a group. On PostgreSQL fewer, larger ones make a shorter tick.
PLAN_CHUNK = 500
SQLITE_PLAN_CHUNK = 40


async def drop_unsent(session: AsyncSession, *where: Any) -> None:
    """Forget planned posts never sent (they are planned again from the current data). A
    queued reply is not planned: it stays until it is delivered."""
    await session.execute(
        OutboxRow.__table__.delete().where(
            OutboxRow.status == PENDING,
            OutboxRow.activity_id.is_(None),
            OutboxRow.kind != PostKind.REPLY.value,
            *where,
        )
    )


async def mark_agenda_changed(session: AsyncSession, group_id: int, now: datetime) -> int:
    """Queue an in-place update of the group's agendas whose meeting is still ahead.

    The unit of work calls it when it commits a change a use case said an agenda shows
    (``UnitOfWork.agenda_changed``), in that transaction. An agenda not posted yet counts too:
    its first post may be in flight with content composed before this change, and the moved
    revision makes ``sent`` keep it queued, as an update, instead of marking it done."""
    result = await session.execute(
        update(OutboxRow)
        .where(
            OutboxRow.group_id == group_id,
            OutboxRow.kind == PostKind.AGENDA.value,
            OutboxRow.status.in_((PENDING, SENT)),
            OutboxRow.expires_at > now,
        )
        .values(
            revision=OutboxRow.revision + 1,
            status=PENDING,
            # A pending one keeps its backoff; a sent one is due now.
            next_attempt_at=case((OutboxRow.status == SENT, now), else_=OutboxRow.next_attempt_at),
        )
    )
    return result.rowcount


# A post sent, recorded: built once, as every post ends with it (a statement built and keyed
# per post cost more CPU than running it).
_OUTBOX = table(OutboxRow)
_SENT = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("entry"))
    .values(
        activity_id=bindparam("activity"),
        conversation_id=bindparam("conversation"),
        sent_at=bindparam("now"),
        # Changed while we were sending: stay queued, as an update.
        status=case((_OUTBOX.c.revision == bindparam("sent_revision"), SENT), else_=PENDING),
        attempts=0,
        last_error=None,
        next_attempt_at=bindparam("now"),
        claimed_by=None,
        claimed_until=None,
    )
)


# A new post's row. On PostgreSQL the rows go as one array per column, in one statement
# however many there are: SQLAlchemy's "insertmanyvalues" sent VALUES lists of up to 1,000
# rows, a new statement for PostgreSQL to parse and plan at almost every size (a third of the
# first tick after a start). Each column with its array's element type; times go element by
# element through UTCDateTime, which refuses a naive one as a row insert does, and the
# payload as JSON text.
_NEW_COLUMNS = {
    "group_id": BigInteger,
    "dedupe_key": String,
    "kind": String,
    "meeting_id": BigInteger,
    "payload": String,
    "status": String,
    "due_at": UTCDateTime,
    "expires_at": UTCDateTime,
    "revision": Integer,
    "attempts": Integer,
    "next_attempt_at": UTCDateTime,
    "created_at": UTCDateTime,
}
_NAMES = ", ".join(_NEW_COLUMNS)
_QUEUE_ARRAYS = text(
    f"INSERT INTO outbox ({_NAMES})"
    f" SELECT {', '.join('CAST(payload AS JSON)' if c == 'payload' else c for c in _NEW_COLUMNS)}"
    f" FROM unnest({', '.join(':' + name for name in _NEW_COLUMNS)}) AS new ({_NAMES})"
    " ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key"
).bindparams(*(bindparam(name, type_=ARRAY(kind())) for name, kind in _NEW_COLUMNS.items()))


def _new_row(post: PlannedPost, now: datetime) -> dict[str, Any]:
    return {
        "group_id": post.group_id,
        "dedupe_key": post.key,
        "kind": str(post.kind),
        "meeting_id": post.meeting_id,
        "payload": post.payload,
        "status": PENDING if post.useful_at(now) else "dropped",
        "due_at": post.due_at,
        "expires_at": post.expires_at,
        "revision": 0,
        "attempts": 0,
        "next_attempt_at": post.due_at,
        "created_at": now,
    }


def _entry(row: OutboxRow) -> OutboxEntry:
    return OutboxEntry(
        id=row.id,
        group_id=row.group_id,
        key=row.dedupe_key,
        kind=row.kind,
        meeting_id=row.meeting_id,
        payload=row.payload,
        due_at=row.due_at,
        expires_at=row.expires_at,
        attempts=row.attempts,
        revision=row.revision,
        activity_id=row.activity_id,
        conversation_id=row.conversation_id,
    )


class SqlOutbox:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._postgres = database.engine.dialect.name == "postgresql"
        self._reads = TickReads(self._postgres)
        self._chunk = PLAN_CHUNK if self._postgres else SQLITE_PLAN_CHUNK
        self._known = select(OutboxRow.dedupe_key).where(
            one_of(OutboxRow.dedupe_key, "keys", String, self._postgres)
        )

    async def enqueue_due(
        self,
        now: datetime,
        decide: Callable[[list[GroupPlan]], list[PlannedPost]],
        needs: PlanningNeeds,
    ) -> tuple[list[PlannedPost], list[PlannedPost]]:
        async with self._database.reading() as session:
            window, candidates = await self._reads.candidates(session, now, needs)
        queued: list[PlannedPost] = []
        dropped: list[PlannedPost] = []
        found_new = False
        for start in range(0, len(candidates), self._chunk):
            # Between transactions, the turns waiting for the event loop or the write lock go
            # first (SQLite's calls run on the loop and never wait, see PLAN_CHUNK).
            await asyncio.sleep(0)
            chunk = candidates[start : start + self._chunk]
            # Most ticks find nothing new: decide in a read first, so they take no write lock.
            # After a chunk that had new posts (the first tick, 09:00 local time) the next one
            # likely has too, and the write decides again anyway: it goes straight there.
            if not found_new:
                async with self._database.reading() as session:
                    plans = await self._reads.plans(session, chunk, window)
                    nothing_new = not await self._new(session, decide(plans))
                if nothing_new:
                    continue
            async with self._database.writing() as session:
                posts = decide(await self._reads.plans(session, chunk, window))
                new_queued, new_dropped = await self._insert(session, posts, now)
            queued += new_queued
            dropped += new_dropped
            found_new = bool(new_queued or new_dropped)
        for post in dropped:
            log.warning(
                "dropped %s (due %s): not sent before %s, no longer useful",
                post.key,
                post.due_at.isoformat(),
                post.expires_at.isoformat(),
            )
        return queued, dropped

    async def _insert(
        self, session: AsyncSession, posts: list[PlannedPost], now: datetime
    ) -> tuple[list[PlannedPost], list[PlannedPost]]:
        """Queue the new posts (those no longer useful as dropped); another process may have
        queued some meanwhile: the unique key makes those inserts do nothing."""
        new = await self._new(session, posts)
        if not new:
            return [], []
        rows = [_new_row(post, now) for post in new]
        if self._postgres:
            columns = {c: [row[c] for row in rows] for c in _NEW_COLUMNS}
            columns["payload"] = [json.dumps(payload) for payload in columns["payload"]]
            result = await session.execute(_QUEUE_ARRAYS, columns)
        else:
            # One statement run for many rows (SQLAlchemy's "insertmanyvalues" batches them),
            # not one VALUES list of thousands of bound values, which takes longer to compile
            # than the database takes to insert it.
            statement = (
                insert_for(session, OutboxRow.__table__)
                .on_conflict_do_nothing(index_elements=["dedupe_key"])
                .returning(OutboxRow.dedupe_key)
            )
            result = await session.execute(statement, rows)
        inserted = set(result.scalars())
        queued = [p for p in new if p.key in inserted and p.useful_at(now)]
        dropped = [p for p in new if p.key in inserted and not p.useful_at(now)]
        return queued, dropped

    async def _new(self, session: AsyncSession, posts: list[PlannedPost]) -> list[PlannedPost]:
        """The posts not in the outbox yet."""
        if not posts:
            return []
        result = await session.execute(self._known, {"keys": [post.key for post in posts]})
        known = set(result.scalars())
        return [post for post in posts if post.key not in known]

    async def enqueue(self, posts: list[PlannedPost], now: datetime) -> list[PlannedPost]:
        async with self._database.writing() as session:
            queued, _ = await self._insert(session, posts, now)
        return queued

    async def claim(
        self, worker: str, now: datetime, limit: int, lease: timedelta
    ) -> list[OutboxEntry]:
        async with self._database.writing() as session:
            due = (
                select(OutboxRow.id)
                .join(GroupRow, GroupRow.id == OutboxRow.group_id)
                .where(
                    OutboxRow.status == PENDING,
                    OutboxRow.next_attempt_at <= now,
                    or_(OutboxRow.claimed_until.is_(None), OutboxRow.claimed_until < now),
                    GroupRow.active.is_(True),
                )
                .order_by(OutboxRow.next_attempt_at, OutboxRow.id)
                .limit(limit)
            )
            if self._postgres:
                # Two workers never wait for or take the same rows.
                due = due.with_for_update(of=OutboxRow, skip_locked=True)
            ids = (await session.execute(due)).scalars().all()
            if not ids:
                return []
            rows = await session.execute(
                update(OutboxRow)
                .where(OutboxRow.id.in_(ids))
                .values(
                    claimed_by=worker,
                    claimed_until=now + lease,
                    attempts=OutboxRow.attempts + 1,
                )
                .returning(OutboxRow)
            )
            entries = [_entry(row) for row in rows.scalars()]
        return sorted(entries, key=lambda entry: (entry.due_at, entry.id))

    async def sent(
        self, entry: OutboxEntry, worker: str, message: PostedMessage, now: datetime
    ) -> None:
        async with self._database.writing() as session:
            connection = await session.connection()
            await connection.execute(
                _SENT,
                {
                    "entry": entry.id,
                    "sent_revision": entry.revision,
                    "activity": message.activity_id,
                    "conversation": message.conversation_id,
                    "now": now,
                },
            )

    async def retry(self, entry: OutboxEntry, worker: str, at: datetime, error: str) -> None:
        await self._release(entry, worker, next_attempt_at=at, last_error=error[:2000])

    async def finish(
        self, entry: OutboxEntry, worker: str, status: str, error: str | None = None
    ) -> None:
        await self._release(entry, worker, status=status, last_error=error)

    async def _release(self, entry: OutboxEntry, worker: str, **values: Any) -> None:
        async with self._database.writing() as session:
            await session.execute(
                update(OutboxRow)
                .where(OutboxRow.id == entry.id, OutboxRow.claimed_by == worker)
                .values(claimed_by=None, claimed_until=None, **values)
            )

    async def release_all(self, worker: str, keep: Collection[int] = ()) -> int:
        async with self._database.writing() as session:
            result = await session.execute(
                update(OutboxRow)
                .where(OutboxRow.claimed_by == worker, OutboxRow.id.not_in(list(keep)))
                .values(
                    claimed_by=None,
                    claimed_until=None,
                    attempts=case((OutboxRow.attempts > 0, OutboxRow.attempts - 1), else_=0),
                )
            )
            return result.rowcount

    async def group_gone(self, group_id: int, now: datetime) -> int:
        async with self._database.writing() as session:
            await session.execute(
                update(GroupRow).where(GroupRow.id == group_id).values(active=False, updated_at=now)
            )
            result = await session.execute(
                update(OutboxRow)
                .where(OutboxRow.group_id == group_id, OutboxRow.status == PENDING)
                .values(
                    status="failed",
                    last_error="the bot is no longer in this conversation",
                    claimed_by=None,
                    claimed_until=None,
                )
            )
            return result.rowcount
