"""The plans PostgreSQL keeps for the statements whose cost must not grow with a group's
history (issue 15: the agenda composed from its open items however many it closed).

A prepared statement (asyncpg prepares every statement, and SQLAlchemy keeps them per
connection) is planned for its parameters five times; then PostgreSQL may keep one generic
plan, made without knowing which group. That plan is the one a bot in use runs.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import event, insert, text

from storage.db import Database, create_engine
from storage.tables import GroupRow
from tests.support.each import Each
from tests.support.seed import channel_address, group_row

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)

# (closed, open) items of three groups, as in `make bench`: 100 years of history, a group with
# many open items, three years of history.
GROUPS = ((45_000, 200), (0, 5_000), (450, 200))


@pytest.mark.postgres
async def test_a_groups_open_items_are_read_without_its_closed_ones_in_the_kept_plan(
    postgresql_url,
):
    engine = create_engine(postgresql_url)
    database = Database(engine)
    async with engine.begin() as connection:
        for number, (closed, open_) in enumerate(GROUPS, start=1):
            row = group_row(channel_address(number, "https://a/", tenants=1), NOW)
            await connection.execute(insert(GroupRow).values(id=number, **row))
            await connection.execute(
                text(
                    "INSERT INTO action_items (group_id, number, text, created_by, created_at,"
                    " closed_at, closed_by) SELECT :group_id, n, 'Boka lokal', 'Sara', :now,"
                    " CASE WHEN n <= :closed THEN CAST(:now AS timestamptz) END,"
                    " CASE WHEN n <= :closed THEN 'Sara' END"
                    " FROM generate_series(1, :items) AS n"
                ),
                {"group_id": number, "now": NOW, "closed": closed, "items": closed + open_},
            )
    async with engine.connect() as connection:
        await connection.execution_options(isolation_level="AUTOCOMMIT")
        await connection.execute(text("ANALYZE action_items"))
    sent: list[str] = []
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *a: sent.append(a[2]))

    open_items = await Each(database).items.list_open(1)
    statement = next(s for s in sent if "action_items" in s and "closed_at IS NULL" in s)

    async with engine.connect() as connection:
        await connection.execute(text("SET plan_cache_mode = force_generic_plan"))
        await connection.exec_driver_sql(f"PREPARE open_items AS {statement}")
        plan = "\n".join(
            line for (line,) in await connection.exec_driver_sql("EXPLAIN EXECUTE open_items(1)")
        )
    await engine.dispose()

    assert len(open_items) == 200
    assert "ix_action_items_open" in plan, plan
    assert "Filter: (closed_at IS NULL)" not in plan, plan
