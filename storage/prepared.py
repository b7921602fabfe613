"""Statements built once and run with parameters (issue 15).

Building a SQLAlchemy statement on every call (its WHERE clause, the coercion of each
comparison, its cache key) cost more CPU than SQLite took to run it, and an ORM-enabled
statement adds the ORM's compiling and loading. The statements every turn sends are built
once, on the tables (Core: rows come back as named tuples, which the mappers read as they
read mapped rows), with ``bindparam`` for what varies. ``PerDialect`` builds one per
backend for the few spelled per backend (``INSERT … ON CONFLICT``).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from sqlalchemy import Table, bindparam
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Executable

from storage.upsert import dialect_module


def table(row_class: Any) -> Table:
    """The table of a mapped row class, for Core statements."""
    return row_class.__table__  # type: ignore[no-any-return]


def param(name: str) -> Any:
    """A named parameter of a prepared statement (its type comes from what it is compared
    with or assigned to)."""
    return bindparam(name)


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
