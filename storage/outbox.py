"""The outbox: posts the bot makes by itself, stored in the transaction that decides them.

A post is queued once (its ``dedupe_key`` is unique, inserts that collide do nothing), claimed
by one worker at a time (``FOR UPDATE SKIP LOCKED`` on PostgreSQL; SQLite's writers are serial
anyway) under a lease, and marked sent with the Teams activity id it got. A sent agenda whose
content changed gets a new ``revision`` and goes back to pending: the sender then updates the
posted message in place.

The post kinds say what a tick must load for them to plan (``PlanningNeeds``: meetings,
seminars, overdue items); the outbox loads it in chunks of groups, a few set-based queries
per chunk, and queues what they decide.

Statuses: pending -> sent | skipped (nothing to say) | dropped (no longer useful) | failed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, case, false, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.model import Group, MeetingStatus
from bot.domain.ports import PostedMessage
from bot.domain.schedule import GroupPlan, OutboxEntry, PlannedPost, PlanningNeeds, PostKind
from storage.db import Database
from storage.mappers import to_group, to_meeting
from storage.prepared import table
from storage.tables import ActionItemRow, GroupRow, MeetingRow, OutboxRow, SeminarRow
from storage.topics import to_seminar
from storage.upsert import insert_for

log = logging.getLogger(__name__)

PENDING, SENT = "pending", "sent"
# Groups planned per transaction: short write transactions keep SQLite's writers moving.
PLAN_CHUNK = 500
REMEMBERED_GROUPS = 100_000


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
        # The groups planned at earlier ticks, by id, with the row each was read from: a row
        # read again unchanged gives the same Group without mapping its JSON columns again.
        self._planned_groups: dict[int, tuple[Any, Group]] = {}

    async def enqueue_due(
        self,
        now: datetime,
        decide: Callable[[list[GroupPlan]], list[PlannedPost]],
        needs: PlanningNeeds,
    ) -> tuple[list[PlannedPost], list[PlannedPost]]:
        candidates = await self._candidate_groups(now, needs)
        queued: list[PlannedPost] = []
        dropped: list[PlannedPost] = []
        found_new = False
        for start in range(0, len(candidates), PLAN_CHUNK):
            chunk = candidates[start : start + PLAN_CHUNK]
            # Most ticks find nothing new: decide in a read first, so they take no write lock.
            # After a chunk that had new posts (the first tick, 09:00 local time) the next one
            # likely has too, and the write decides again anyway: it goes straight there.
            if not found_new:
                async with self._database.reading() as session:
                    plans = await self._plans(session, chunk, now, needs)
                    nothing_new = not await self._new(session, decide(plans))
                if nothing_new:
                    continue
            async with self._database.writing() as session:
                posts = decide(await self._plans(session, chunk, now, needs))
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

    @staticmethod
    def _meetings_needed(now: datetime, needs: PlanningNeeds, *, per_group: bool) -> Any:
        """The scheduled meetings the kinds plan from. A group with its own lead times may
        have posts due further ahead: ``per_group`` tells the groups apart (a join with the
        groups), else the widest window is taken and the kinds leave what is not due."""
        if needs.horizon is None:
            return false()
        own_horizon = max(needs.horizon, needs.own_horizon or needs.horizon)
        if per_group:
            own_leads = or_(
                GroupRow.agenda_lead_minutes.is_not(None),
                GroupRow.reminder_lead_minutes.is_not(None),
            )
            ahead = or_(
                MeetingRow.starts_at <= now + needs.horizon,
                own_leads & (MeetingRow.starts_at <= now + own_horizon),
            )
        else:
            ahead = MeetingRow.starts_at <= now + own_horizon
        return (
            (MeetingRow.status == MeetingStatus.SCHEDULED.value)
            & (MeetingRow.starts_at > now - needs.lookback)
            & ahead
        )

    @staticmethod
    def _seminars_needed(now: datetime, needs: PlanningNeeds) -> Any:
        """The seminars the kinds plan from."""
        if needs.seminars_horizon is None:
            return false()
        return (SeminarRow.starts_at > now - needs.lookback) & (
            SeminarRow.starts_at <= now + needs.seminars_horizon
        )

    @staticmethod
    def _overdue_needed(now: datetime, needs: PlanningNeeds) -> Any:
        """The open items already due, when a kind plans from them."""
        if not needs.earliest_overdue:
            return false()
        return ActionItemRow.closed_at.is_(None) & (ActionItemRow.due_at < now)

    async def _plans(
        self, session: AsyncSession, chunk: list[int], now: datetime, needs: PlanningNeeds
    ) -> list[GroupPlan]:
        """What the kinds need to know about these groups at ``now``. Read as plain rows, not
        ORM objects: a tick reads thousands, and nothing here is changed through them."""
        groups = (
            await session.execute(
                select(*GroupRow.__table__.c).where(
                    GroupRow.id.in_(chunk), GroupRow.active.is_(True)
                )
            )
        ).all()
        meetings: dict[int, list[Any]] = {}
        if needs.horizon is not None:
            for row in await session.execute(
                select(*MeetingRow.__table__.c)
                .where(
                    MeetingRow.group_id.in_(chunk),
                    self._meetings_needed(now, needs, per_group=False),
                )
                .order_by(MeetingRow.starts_at)
            ):
                meetings.setdefault(row.group_id, []).append(to_meeting(row))
        earliest: dict[int, datetime] = {}
        if needs.earliest_overdue:
            earliest = dict(
                (
                    await session.execute(
                        select(ActionItemRow.group_id, func.min(ActionItemRow.due_at))
                        .where(ActionItemRow.group_id.in_(chunk), self._overdue_needed(now, needs))
                        .group_by(ActionItemRow.group_id)
                    )
                ).all()
            )
        seminars: dict[int, list[Any]] = {}
        if needs.seminars_horizon is not None:
            for seminar in await session.execute(
                select(*SeminarRow.__table__.c)
                .where(SeminarRow.group_id.in_(chunk), self._seminars_needed(now, needs))
                .order_by(SeminarRow.starts_at)
            ):
                seminars.setdefault(seminar.group_id, []).append(to_seminar(seminar))
        return [
            GroupPlan(
                self._group(row),
                tuple(meetings.get(row.id, ())),
                earliest.get(row.id),
                tuple(seminars.get(row.id, ())),
            )
            for row in groups
        ]

    def _group(self, row: Any) -> Group:
        kept = self._planned_groups.get(row.id)
        if kept is not None and kept[0] == row:
            return kept[1]
        if len(self._planned_groups) >= REMEMBERED_GROUPS:
            self._planned_groups.clear()
        group = to_group(row)
        self._planned_groups[row.id] = (row, group)
        return group

    @staticmethod
    async def _new(session: AsyncSession, posts: list[PlannedPost]) -> list[PlannedPost]:
        """The posts not in the outbox yet."""
        if not posts:
            return []
        known = set(
            (
                await session.execute(
                    select(OutboxRow.dedupe_key).where(
                        OutboxRow.dedupe_key.in_([post.key for post in posts])
                    )
                )
            ).scalars()
        )
        return [post for post in posts if post.key not in known]

    async def _candidate_groups(self, now: datetime, needs: PlanningNeeds) -> list[int]:
        """The active groups with any of the data the kinds need: the others have nothing
        due, and 10,000 groups are not loaded every tick to learn it."""
        async with self._database.reading() as session:
            with_meetings = (
                select(MeetingRow.group_id)
                .join(GroupRow, GroupRow.id == MeetingRow.group_id)
                .where(GroupRow.active.is_(True), self._meetings_needed(now, needs, per_group=True))
            )
            with_overdue = (
                select(ActionItemRow.group_id)
                .join(GroupRow, GroupRow.id == ActionItemRow.group_id)
                .where(GroupRow.active.is_(True), self._overdue_needed(now, needs))
            )
            with_seminars = (
                select(SeminarRow.group_id)
                .join(GroupRow, GroupRow.id == SeminarRow.group_id)
                .where(GroupRow.active.is_(True), self._seminars_needed(now, needs))
            )
            ids = (
                (await session.execute(with_meetings.union(with_overdue, with_seminars)))
                .scalars()
                .all()
            )
        return sorted(ids)

    async def _insert(
        self, session: AsyncSession, posts: list[PlannedPost], now: datetime
    ) -> tuple[list[PlannedPost], list[PlannedPost]]:
        """Queue the new posts (those no longer useful as dropped); another process may have
        queued some meanwhile: the unique key makes those inserts do nothing."""
        new = await self._new(session, posts)
        if not new:
            return [], []
        # One statement run for many rows (SQLAlchemy's "insertmanyvalues" batches them), not
        # one VALUES list of thousands of bound values, which takes longer to compile than
        # the database takes to insert it.
        statement = (
            insert_for(session, OutboxRow.__table__)
            .on_conflict_do_nothing(index_elements=["dedupe_key"])
            .returning(OutboxRow.dedupe_key)
        )
        rows = [
            {
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
            for post in new
        ]
        inserted = set((await session.execute(statement, rows)).scalars())
        queued = [p for p in new if p.key in inserted and p.useful_at(now)]
        dropped = [p for p in new if p.key in inserted and not p.useful_at(now)]
        return queued, dropped

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
