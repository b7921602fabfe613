"""Engine and sessions for SQLite (embedded default) and PostgreSQL (production).

``Database.reading()`` gives a session for queries, ``Database.writing()`` one write
transaction, committed on exit. On SQLite (WAL mode) readers never wait, and writers take the
write lock up front (``BEGIN IMMEDIATE``): a deferred transaction that reads and then writes
can fail at once with "database is locked" instead of waiting. Writers in one process also
queue on an asyncio lock, because SQLite's own busy wait sleeps in steps of up to 100 ms and
made concurrent commands take seconds (see bench/startup.py).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.dialects.sqlite.aiosqlite import SQLiteDialect_aiosqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.sql import Executable

from storage import inline_sqlite

_IMMEDIATE = "ragbot_sqlite_immediate"
_READING = "ragbot_reading"
BUSY_TIMEOUT_MS = 30_000
PAGE_CACHE_KIB = 512


# PostgreSQL connections per process: more turns at once wait for one. With SQLAlchemy's
# default (5, and 10 more for a burst, closed when returned) fifty turns at once opened and
# closed a connection every few turns: a new backend on the server, and every statement
# prepared again on it. No unit of work opens another inside it (a turn never needs two).
POOL_SIZE = 20
POOL_OVERFLOW = 0


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        kwargs = {
            "pool_size": POOL_SIZE,
            "max_overflow": POOL_OVERFLOW,
            # What ``Database.reading`` relies on, whatever the server's default.
            "isolation_level": "READ COMMITTED",
            **kwargs,
        }
        engine = create_async_engine(url, **kwargs)
        _ping_when_idle(engine)
        return engine
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    # Calls run on the loop's thread (storage.inline_sqlite); the URL's own connect
    # arguments (a file URI, read-only mode...) are read the way the dialect reads them.
    arguments, options = SQLiteDialect_aiosqlite().create_connect_args(parsed)
    options.update(timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    engine = create_async_engine(
        url, async_creator=inline_sqlite.connector(*arguments, **options), **kwargs
    )
    _configure_sqlite(engine)
    return engine


# A pooled PostgreSQL connection unused for this many seconds is pinged before it is handed
# out (a server restart or a dropped connection is then found before a turn uses it).
# ``pool_pre_ping`` pinged at every checkout: a round trip for each of a turn's transactions.
IDLE_PING_SECONDS = 10.0
_RETURNED = "ragbot_returned_at"


def _ping_when_idle(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info[_RETURNED] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        returned = record.info.get(_RETURNED)
        if returned is not None and time.monotonic() - returned < IDLE_PING_SECONDS:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as error:  # noqa: BLE001 - any failure: a fresh connection instead
            raise DisconnectionError(str(error)) from error
        if not alive:
            raise DisconnectionError("connection did not answer a ping")


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver connects with isolation_level=None: SQLAlchemy, not the driver, decides
        # when transactions begin (see "begin" below).
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        mode = cursor.fetchone()[0]
        if mode not in ("wal", "memory"):
            # Outside WAL a commit waits for readers, and on the loop's thread (inline_sqlite)
            # it would wait for readers of this same process: refuse to run instead.
            raise RuntimeError(f"SQLite stays in {mode} mode, not WAL: use a local file system")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # SQLite's own page cache, per connection (its default is 2 MiB, and it filled as the
        # database grew: the process's memory grew with it). The file is local and in WAL
        # mode: the operating system's file cache holds the rest of the pages.
        cursor.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        if connection.get_execution_options().get(_IMMEDIATE):
            inline_sqlite.begin_immediate(connection, BUSY_TIMEOUT_MS)
        else:
            connection.exec_driver_sql("BEGIN")


class ReadOnly(RuntimeError):
    """A statement that writes, run in a read (``Database.reading``)."""


_WRITING = ("INSERT", "UPDATE", "DELETE", "MERGE")


def _refuse_writes(
    _connection: Any, _cursor: Any, statement: str, _params: Any, context: Any, _many: bool
) -> None:
    if (
        context.isinsert
        or context.isupdate
        or context.isdelete
        or statement.lstrip()[:6].upper().startswith(_WRITING)
        or " FOR UPDATE" in statement
    ):
        raise ReadOnly(f"a read cannot write or lock: {statement[:60]}")


class Database:
    """The engine plus the two ways to use it: reading and writing."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        # On PostgreSQL a read runs its statements in autocommit. Under READ COMMITTED (set in
        # ``create_engine``) each statement of a transaction takes its own snapshot all the
        # same, so a read's BEGIN and ROLLBACK were two round trips that changed nothing it
        # sees. On SQLite a read's transaction is what keeps its statements on one snapshot.
        # A write or a lock in a read is refused on both: on PostgreSQL it would be committed
        # at once, on SQLite it would take the write lock outside the writers' queue.
        self._alone: AsyncEngine | None = None
        if engine.dialect.name == "postgresql":
            readers = engine.execution_options(isolation_level="AUTOCOMMIT")
            self._alone = engine.execution_options(isolation_level="AUTOCOMMIT")
        else:  # an engine of its own, for the guard below only (the option itself is a mark)
            readers = engine.execution_options(**{_READING: True})
        event.listen(readers.sync_engine, "before_cursor_execute", _refuse_writes)
        self._readers = async_sessionmaker(readers, expire_on_commit=False)
        self._write_lock = asyncio.Lock() if engine.dialect.name == "sqlite" else None

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncSession]:
        async with self._readers() as session:
            yield session

    @asynccontextmanager
    async def writing(self) -> AsyncIterator[AsyncSession]:
        """One transaction, committed when the block ends and rolled back if it raises."""
        async with self.write_transaction() as session:
            yield session
            await session.commit()

    async def write_alone(self, statement: Executable, parameters: dict[str, Any]) -> None:
        """One statement that writes, a transaction by itself: on PostgreSQL sent alone in
        autocommit (one statement is atomic; a BEGIN and a COMMIT around it were two more
        round trips), on SQLite through the write lock like every write."""
        if self._alone is None:
            async with self.writing() as session:
                await session.execute(statement, parameters)
            return
        async with self._alone.connect() as connection:
            await connection.execute(statement, parameters)

    @asynccontextmanager
    async def write_transaction(self) -> AsyncIterator[AsyncSession]:
        """One write transaction that the caller commits; rolled back if it does not."""
        if self._write_lock is None:
            async with self._sessions() as session:
                yield session
            return
        async with self._write_lock, self._sessions() as session:
            await session.connection(execution_options={_IMMEDIATE: True})
            yield session


async def database_answers(engine: AsyncEngine) -> bool:
    """True when a trivial query succeeds: the health check."""
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        return False
    return True
