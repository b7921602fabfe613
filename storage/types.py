"""Column types that behave the same on SQLite and PostgreSQL.

SQLite has no time zone support: ``DateTime(timezone=True)`` comes back naive there. Every
timestamp goes in as UTC and comes out aware in UTC, whatever the backend.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

# "2026-11-20 10:00:00.000000": SQLAlchemy's text of a time on SQLite (here always in UTC).
_WRITTEN_LENGTH = 26


class UTCDateTime(TypeDecorator[datetime]):
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: store aware datetimes only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        # Read in one step, without TypeDecorator's two calls a value: lists of hundreds of
        # items read three timestamps a row.
        if dialect.name != "sqlite":
            # asyncpg gives timestamptz aware in UTC already: kept as it is.
            def process_aware(value: datetime | None) -> datetime | None:
                if value is None or value.tzinfo is UTC:
                    return value
                return _in_utc(value)

            return process_aware

        # SQLite keeps the text SQLAlchemy wrote ("2026-11-20 10:00:00.000000", UTC): read
        # with its zone in one parse (``replace(tzinfo=…)`` after it cost six times more).
        def process(value: str | None) -> datetime | None:
            if value is None:
                return None
            if len(value) == _WRITTEN_LENGTH:
                return datetime.fromisoformat(value + "+00:00")
            return _in_utc(datetime.fromisoformat(value))

        return process


def _in_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
