"""Run the Alembic migrations programmatically (``ragbot migrate``, tests, the Dockerfile).

The root ``alembic.ini`` points at the same scripts, for developers who want ``alembic
revision --autogenerate``; the database URL then comes from the usual settings.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the database at ``database_url`` to ``revision``; call outside an event loop."""
    command.upgrade(alembic_config(database_url), revision)
