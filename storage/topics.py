"""Standing topics and the seminar series over SQL (the ``TopicRepository`` and
``SeminarRepository`` ports)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, select, update

from bot.domain.model import Seminar, StandingTopic
from bot.domain.text import fold
from storage.prepared import table
from storage.repositories import _Repository
from storage.tables import SeminarRow, StandingTopicRow


def _topic(row: StandingTopicRow) -> StandingTopic:
    return StandingTopic(
        id=row.id,
        group_id=row.group_id,
        name=row.name,
        created_by=row.created_by,
        created_at=row.created_at,
        closed_at=row.closed_at,
    )


def to_seminar(row: SeminarRow) -> Seminar:
    return Seminar(
        id=row.id,
        group_id=row.group_id,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        unit=row.unit,
        topic=row.topic,
        created_by=row.created_by,
        created_at=row.created_at,
    )


class SqlTopicRepository(_Repository):
    async def add(self, group_id: int, name: str, by: str, now: datetime) -> StandingTopic:
        row = StandingTopicRow(
            group_id=group_id,
            name=name,
            folded=fold(" ".join(name.split())),
            created_by=by,
            created_at=now,
        )
        self._session.add(row)
        await self._session.flush()
        return _topic(row)

    async def close(self, group_id: int, topic_id: int, now: datetime) -> StandingTopic | None:
        row = await self._session.scalar(
            update(StandingTopicRow)
            .where(
                StandingTopicRow.group_id == group_id,
                StandingTopicRow.id == topic_id,
                StandingTopicRow.closed_at.is_(None),
            )
            .values(closed_at=now)
            .returning(StandingTopicRow)
            .execution_options(populate_existing=True)
        )
        return _topic(row) if row is not None else None

    async def all(self, group_id: int) -> list[StandingTopic]:
        rows = await self._session.execute(_TOPICS_OF_GROUP, {"group_id": group_id})
        return [_topic(row) for row in rows]


class SqlSeminarRepository(_Repository):
    async def add(
        self,
        group_id: int,
        seminars: list[tuple[datetime, datetime, str, str | None]],
        by: str,
        now: datetime,
    ) -> list[Seminar]:
        rows = [
            SeminarRow(
                group_id=group_id,
                starts_at=starts_at,
                ends_at=ends_at,
                unit=unit,
                topic=topic,
                created_by=by,
                created_at=now,
            )
            for starts_at, ends_at, unit, topic in seminars
        ]
        self._session.add_all(rows)
        await self._session.flush()
        return [to_seminar(row) for row in rows]

    async def get(self, group_id: int, seminar_id: int) -> Seminar | None:
        row = await self._session.scalar(
            select(SeminarRow).where(SeminarRow.group_id == group_id, SeminarRow.id == seminar_id)
        )
        return to_seminar(row) if row is not None else None

    async def upcoming(self, group_id: int, now: datetime) -> list[Seminar]:
        rows = await self._session.execute(_SEMINARS_AHEAD, {"group_id": group_id, "now": now})
        return [to_seminar(row) for row in rows]

    async def remove(self, group_id: int, seminar_id: int) -> Seminar | None:
        row = await self._session.scalar(
            select(SeminarRow).where(SeminarRow.group_id == group_id, SeminarRow.id == seminar_id)
        )
        if row is None:
            return None
        removed = to_seminar(row)
        await self._session.delete(row)
        await self._session.flush()
        return removed


_TOPICS = table(StandingTopicRow)
_TOPICS_OF_GROUP = (
    select(_TOPICS)
    .where(_TOPICS.c.group_id == bindparam("group_id"))
    .order_by(_TOPICS.c.created_at, _TOPICS.c.id)
)
_SEMINARS = table(SeminarRow)
_SEMINARS_AHEAD = (
    select(_SEMINARS)
    .where(_SEMINARS.c.group_id == bindparam("group_id"), _SEMINARS.c.ends_at > bindparam("now"))
    .order_by(_SEMINARS.c.starts_at)
)
