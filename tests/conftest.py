"""Fixtures: migrated databases (a fresh SQLite file per test; one PostgreSQL database per
run, emptied before each test), the fake Bot Connector, a fake clock and bot builders."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import build_bot
from bot.settings import Settings
from storage.db import Database, create_engine
from storage.migrate import upgrade
from storage.tables import Base
from tests.support.clock import FakeClock
from tests.support.connector import FakeConnector
from tests.support.fakes import FakeRoster
from tests.support.postgres import PostgresServer, obtain
from tests.support.stored import Stored
from tests.support.transcript import Transcript


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "ragbot.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "ragbot.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = obtain(os.environ.get("RAGBOT_TEST_POSTGRES_URL"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_database(postgres_server: PostgresServer) -> Iterator[str]:
    name = postgres_server.create_database()
    url = postgres_server.database_url(name).replace("postgresql://", "postgresql+asyncpg://", 1)
    upgrade(url)
    yield url
    postgres_server.drop_database(name)


@pytest.fixture
async def postgresql_url(postgres_database: str) -> str:
    engine = create_engine(postgres_database)
    tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
    async with engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    await engine.dispose()
    return postgres_database


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each test using it runs twice: on SQLite and on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def database(engine: AsyncEngine) -> Database:
    return Database(engine)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(sqlite_url: str) -> Settings:
    # Tests that want posts made by the scheduler call its tick() after moving the clock.
    return Settings(_env_file=None, database_url=sqlite_url, scheduler=False)


@pytest.fixture
def roster() -> FakeRoster:
    """Who Teams lists in the group's team: nobody known unless a test says (then an owner
    or a 1:1 chat is read as before the bot knew rosters)."""
    return FakeRoster()


@pytest.fixture
async def transcript(
    settings: Settings, clock: FakeClock, roster: FakeRoster
) -> AsyncIterator[Transcript]:
    """The bot on a fresh SQLite database, driven turn by turn."""
    engine = create_engine(settings.database_url)
    yield Transcript(build_bot(settings, engine, clock, roster))
    await engine.dispose()


@pytest.fixture
async def stored(settings: Settings) -> AsyncIterator[Stored]:
    """What the bot stored, read through the repositories on the same database."""
    engine = create_engine(settings.database_url)
    yield Stored(Database(engine))
    await engine.dispose()


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    fake = await FakeConnector().start()
    yield fake
    await fake.close()
