"""Dialect-specific INSERT … ON CONFLICT, which SQLite and PostgreSQL spell alike."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession


def dialect_module(name: str) -> ModuleType:
    """``sqlalchemy.dialects.postgresql`` or ``.sqlite``, imported when first asked for: a bot
    on SQLite never loads PostgreSQL's dialect (a tenth of its start-up)."""
    return importlib.import_module(
        "sqlalchemy.dialects.postgresql" if name == "postgresql" else "sqlalchemy.dialects.sqlite"
    )


def insert_for(session: AsyncSession, table: Any) -> Any:
    """An ``insert()`` with ``on_conflict_do_*`` for the session's backend."""
    return dialect_module(session.bind.dialect.name).insert(table)
