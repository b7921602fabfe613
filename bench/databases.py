"""The benches' databases: a fresh SQLite file and a throwaway PostgreSQL database on the
tests' server (``RAGBOT_TEST_POSTGRES_URL``, or the one the tests start), migrated before the
bench's event loop starts (Alembic runs its own) and removed afterwards."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text

from storage.db import Database
from storage.migrate import upgrade


@contextmanager
def fresh_databases(*, sqlite: bool = True, postgres: bool = True) -> Iterator[dict[str, str]]:
    """``{"SQLite": url, "PostgreSQL": url}``, those asked for, migrated."""
    server, created = None, None
    with tempfile.TemporaryDirectory(prefix="ragbot-bench-") as folder:
        urls = {"SQLite": f"sqlite+aiosqlite:///{Path(folder) / 'ragbot.db'}"} if sqlite else {}
        try:
            if postgres:
                from tests.support.postgres import obtain

                server = obtain(os.environ.get("RAGBOT_TEST_POSTGRES_URL"))
                created = server.create_database()
                urls["PostgreSQL"] = server.database_url(created).replace(
                    "postgresql://", "postgresql+asyncpg://", 1
                )
            for url in urls.values():
                upgrade(url)
            yield urls
        finally:
            if server is not None:
                if created:
                    server.drop_database(created)
                server.stop()


async def settle(database: Database) -> None:
    """On PostgreSQL, the tables as autovacuum keeps them in a database that grew over the
    years (the planner's statistics, the visibility map). It runs a minute or so after a bulk
    load like the benches', and would otherwise run during the measurements, on the same
    cores."""
    if database.engine.dialect.name != "postgresql":
        return
    async with database.engine.connect() as connection:
        await connection.execution_options(isolation_level="AUTOCOMMIT")
        await connection.execute(text("VACUUM ANALYZE"))
