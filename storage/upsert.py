"""Dialect-specific INSERT … ON CONFLICT, which SQLite and PostgreSQL spell alike."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession


def insert_for(session: AsyncSession, table: Any) -> Any:
    """An ``insert()`` with ``on_conflict_do_*`` for the session's backend."""
    dialect = session.bind.dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(table)
