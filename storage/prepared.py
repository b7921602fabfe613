"""Statements built once and run with parameters (issue 15).

Building a SQLAlchemy statement on every call (its WHERE clause, the coercion of each
comparison, its cache key) cost more CPU than SQLite took to run it, and an ORM-enabled
statement adds the ORM's compiling and loading. The statements every turn sends are built
once, on the tables (Core: rows come back as named tuples, which the mappers read as they
read mapped rows), with ``bindparam`` for what varies. ``PerDialect`` builds one per
backend for the few spelled per backend (``INSERT … ON CONFLICT``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import ModuleType
from typing import Any

from sqlalchemy import ARRAY, Table, any_, bindparam, delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Executable

from storage.db import Database
from storage.upsert import dialect_module


def table(row_class: Any) -> Table:
    """The table of a mapped row class, for Core statements."""
    return row_class.__table__  # type: ignore[no-any-return]


def one_of(column: Any, name: str, element: Any, postgres: bool) -> Any:
    """``column`` is one of the list bound as ``name``: on PostgreSQL one array parameter
    (``= ANY``, one statement to prepare whatever the length), on SQLite an expanding IN."""
    if postgres:
        return column == any_(bindparam(name, type_=ARRAY(element)))
    return column.in_(bindparam(name, expanding=True))


class PerDialect:
    """A statement spelled per backend, built once for each: ``build`` gets the dialect's
    module (``sqlalchemy.dialects.sqlite`` or ``.postgresql``) for its ``insert``."""

    def __init__(self, build: Callable[[ModuleType], Executable]) -> None:
        self._build = build
        self._built: dict[str, Executable] = {}

    def on(self, session: AsyncSession) -> Executable:
        name = session.bind.dialect.name
        statement = self._built.get(name)
        if statement is None:
            statement = self._built[name] = self._build(dialect_module(name))
        return statement


# Rows deleted by one statement of a batched delete (``delete_in_batches``).
DELETE_BATCH = 500


async def delete_in_batches(
    database: Database, key: Any, condition: Any, returning: Any = None
) -> list[Any]:
    """Delete the rows of ``key``'s table that match ``condition``, ``DELETE_BATCH`` at a time,
    each batch its own short write transaction, with the event loop free between them: SQLite
    runs on the loop's thread (``storage.inline_sqlite``), and one statement deleting years of
    history held the loop, and the write lock, for seconds. Returns ``returning`` (else
    ``key``) of every deleted row."""
    chosen = select(key).where(condition).limit(DELETE_BATCH).scalar_subquery()
    statement = (
        delete(key.table)
        .where(key.in_(chosen))
        .returning(returning if returning is not None else key)
    )
    removed: list[Any] = []
    while True:
        async with database.writing() as session:
            batch = (await session.execute(statement)).scalars().all()
        removed.extend(batch)
        if len(batch) < DELETE_BATCH:
            return removed
        await asyncio.sleep(0)
