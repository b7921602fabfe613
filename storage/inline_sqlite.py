"""SQLite for the async engine without a thread per connection.

aiosqlite runs every call on a worker thread and hands the result back to the event loop:
a queue put, a thread wake-up, ``call_soon_threadsafe`` and a write to the loop's self-pipe
for each statement, fetch and commit. On this bot's SQLite (one process, a local file, WAL)
a statement takes microseconds, and the hand-off cost more CPU than the statement: about a
third of a millisecond each, eight of them for an agenda (issue 15).

``connect`` gives an ``aiosqlite.Connection`` whose calls run on the calling (event loop)
thread instead, so SQLAlchemy's aiosqlite dialect drives it unchanged. That is safe here
because nothing waits inside SQLite on the loop thread:

- readers never wait in WAL mode;
- one process writes one transaction at a time (``storage.db.Database``'s write lock), and
  the write lock held by *another* process (a second ``ragbot`` command, a migration) is
  waited for with ``asyncio.sleep`` between attempts (``begin_immediate``), not inside
  SQLite's busy handler, which would stop the loop.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import aiosqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.util import await_only

# How long a write waits for another process's write lock before "database is locked".
WRITE_LOCK_WAIT_SECONDS = 30.0
_RETRY_SECONDS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05)


class _RunNow:
    """Stands in for aiosqlite's queue to its worker thread: runs each call at once."""

    def put_nowait(self, item: tuple[asyncio.Future | None, Callable[[], Any]]) -> None:
        future, function = item
        try:
            result = function()
        except BaseException as error:  # noqa: BLE001 - handed to the awaiting caller
            if future is not None and not future.done():
                future.set_exception(error)
            return
        if future is not None and not future.done():
            future.set_result(result)


class InlineConnection(aiosqlite.Connection):
    """An aiosqlite connection that calls SQLite on the event loop's thread."""

    def __init__(self, connector: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(connector, iter_chunk_size=64)
        self._tx = _RunNow()  # type: ignore[assignment]

    def __await__(self) -> Any:
        return self._connect().__await__()  # no worker thread to start

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        return fn(*args, **kwargs)


def connector(database: str, **options: Any) -> Callable[[], InlineConnection]:
    """The ``async_creator`` for ``create_async_engine``: ``sqlite3.connect`` arguments."""
    options.setdefault("check_same_thread", False)  # the pool may finalize on another thread

    async def connect() -> InlineConnection:
        return await InlineConnection(partial(sqlite3.connect, database, **options))

    return connect


def begin_immediate(connection: Connection, busy_timeout_ms: int) -> None:
    """``BEGIN IMMEDIATE`` on a connection of this module without stopping the loop: SQLite is
    asked not to wait, and a write lock held by another process is waited for in short
    asyncio sleeps (inside SQLAlchemy's greenlet, where ``await_only`` may suspend)."""
    raw = connection.connection.driver_connection._conn  # type: ignore[union-attr]
    deadline = time.monotonic() + WRITE_LOCK_WAIT_SECONDS
    attempt = 0
    raw.execute("PRAGMA busy_timeout=0")
    try:
        while True:
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as error:
                if "locked" not in str(error.orig) or time.monotonic() > deadline:
                    raise
            await_only(asyncio.sleep(_RETRY_SECONDS[min(attempt, len(_RETRY_SECONDS) - 1)]))
            attempt += 1
    finally:
        raw.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
