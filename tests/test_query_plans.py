"""The plans PostgreSQL keeps for the statements whose cost must not grow with a group's
history (issue 15: the agenda composed from its open items and its meeting's points, however
many it closed or had before).

A prepared statement (asyncpg prepares every statement, and SQLAlchemy keeps them per
connection) is planned for its parameters five times; then PostgreSQL may keep one generic
plan, made without knowing which group. That plan is the one a bot in use runs; it is read
here with ``EXPLAIN`` under ``plan_cache_mode = force_generic_plan``, for the very statement
the repository sends, on groups of the shapes that made it go through the group's history.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, insert, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import Database, create_engine
from storage.tables import GroupRow, MeetingRow
from tests.support.each import Each
from tests.support.seed import channel_address, group_row

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)

_ITEMS = text(
    "INSERT INTO action_items (group_id, number, text, created_by, created_at, closed_at,"
    " closed_by) SELECT g, n, 'Boka lokal', 'Sara', :now,"
    " CASE WHEN n <= :closed THEN CAST(:now AS timestamptz) END,"
    " CASE WHEN n <= :closed THEN 'Sara' END"
    " FROM generate_series(CAST(:first AS int), CAST(:last AS int)) AS g,"
    " generate_series(1, CAST(:items AS int)) AS n"
)


async def _groups(engine: AsyncEngine, count: int) -> None:
    async with engine.begin() as connection:
        await connection.execute(
            insert(GroupRow),
            [
                {"id": n, **group_row(channel_address(n, "https://a/", tenants=1), NOW)}
                for n in range(1, count + 1)
            ],
        )


async def _analyzed_plan(
    engine: AsyncEngine, read: Callable[[], Awaitable[Any]], marks: tuple[str, ...]
) -> tuple[Any, str]:
    """What ``read`` returns, and the generic plan of the statement it sent that has ``marks``
    in it, for group 1 (and meeting 1)."""
    async with engine.connect() as connection:
        await connection.execution_options(isolation_level="AUTOCOMMIT")
        await connection.execute(text("ANALYZE"))
    sent: list[str] = []
    listener = lambda *args: sent.append(args[2])  # noqa: E731
    event.listen(engine.sync_engine, "before_cursor_execute", listener)
    try:
        result = await read()
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", listener)
    statement = next(s for s in sent if all(mark in s for mark in marks))
    arguments = ", ".join("1" for _ in set(re.findall(r"\$\d+", statement)))
    async with engine.connect() as connection:
        await connection.execute(text("SET plan_cache_mode = force_generic_plan"))
        await connection.exec_driver_sql(f"PREPARE kept AS {statement}")
        explained = await connection.exec_driver_sql(f"EXPLAIN EXECUTE kept({arguments})")
        plan = "\n".join(line for (line,) in explained)
    return result, plan


# (closed, open) items of group 1 with long history, and the other groups: as in `make bench`
# (one with many open items, one with three years of history), and many small groups.
SHAPES = {
    "a group with many open items": [((45_000, 200), 1), ((0, 15_000), 1), ((450, 200), 1)],
    "many small groups": [((45_000, 200), 1), ((0, 40), 2_000)],
}


@pytest.mark.postgres
@pytest.mark.parametrize("shape", SHAPES)
async def test_a_groups_open_items_are_read_without_its_closed_ones(postgresql_url, shape):
    engine = create_engine(postgresql_url)
    groups = SHAPES[shape]
    await _groups(engine, sum(count for _, count in groups))
    async with engine.begin() as connection:
        first = 1
        for (closed, open_), count in groups:
            await connection.execute(
                _ITEMS,
                {
                    "now": NOW,
                    "closed": closed,
                    "items": closed + open_,
                    "first": first,
                    "last": first + count - 1,
                },
            )
            first += count

    items, plan = await _analyzed_plan(
        engine, lambda: Each(Database(engine)).items.list_open(1), ("action_items", "IS NULL")
    )
    await engine.dispose()

    assert len(items) == 200
    assert "ix_action_items_open" in plan, plan
    assert "Filter" not in plan, plan


@pytest.mark.postgres
async def test_a_meetings_agenda_points_are_read_without_the_groups_others(postgresql_url):
    """Three points a meeting, every other week for three hundred years."""
    engine = create_engine(postgresql_url)
    await _groups(engine, 1)
    meetings = [
        {
            "group_id": 1,
            "starts_at": NOW - timedelta(weeks=2 * n),
            "ends_at": NOW - timedelta(weeks=2 * n, hours=-1),
            "place": "Teams",
            "status": "scheduled" if n == 0 else "held",
            "created_at": NOW,
            "updated_at": NOW,
        }
        for n in range(7_800)
    ]
    async with engine.begin() as connection:
        await connection.execute(insert(MeetingRow), meetings)
        await connection.execute(
            text(
                "INSERT INTO agenda_points (group_id, meeting_id, section, text, created_by,"
                " created_at) SELECT 1, m.id, 'other', 'Remissflödet', 'Sara', :now"
                " FROM meetings AS m, generate_series(1, 3)"
            ),
            {"now": NOW},
        )

    points, plan = await _analyzed_plan(
        engine,
        lambda: Each(Database(engine)).points.for_meeting(1, 1),
        ("agenda_points", "meeting_id ="),
    )
    await engine.dispose()

    assert len(points) == 3
    assert "ix_agenda_points_group_meeting" in plan, plan
    assert "Filter" not in plan, plan
