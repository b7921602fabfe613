"""Alembic migrations on SQLite and PostgreSQL: they build exactly the schema the code
declares (no drift between ``storage/tables.py`` and the scripts) and downgrade cleanly."""

from __future__ import annotations

import asyncio

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from storage.db import create_engine
from storage.migrate import alembic_config, upgrade
from storage.tables import Base


def _drift(connection) -> list:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return compare_metadata(context, Base.metadata)


def _tables(connection) -> set[str]:
    return set(inspect(connection).get_table_names())


async def _inspect(url: str, check) -> object:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(check)
    finally:
        await engine.dispose()


def _check(url: str) -> None:
    upgrade(url)
    assert asyncio.run(_inspect(url, _drift)) == []
    assert asyncio.run(_inspect(url, _tables)) >= {"groups", "outbox", "bot_state", "meetings"}
    command.downgrade(alembic_config(url), "base")
    assert asyncio.run(_inspect(url, _tables)) == {"alembic_version"}
    upgrade(url)  # and up again, as a redeploy after a rollback would


def test_sqlite_migrations_match_the_declared_schema_and_downgrade(tmp_path):
    _check(f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}")


@pytest.mark.postgres
def test_postgresql_migrations_match_the_declared_schema_and_downgrade(postgres_server):
    name = postgres_server.create_database()
    try:
        url = postgres_server.database_url(name)
        _check(url.replace("postgresql://", "postgresql+asyncpg://", 1))
    finally:
        postgres_server.drop_database(name)
