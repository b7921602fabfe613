"""the open-items index as a plain composite one (group, closed_at, number): the same reads
without scanning a group's history, with no dialect-specific clause (a partial index made
every start, on SQLite too, import PostgreSQL's dialect to check its arguments)

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26 08:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_action_items_open", table_name="action_items")
    op.create_index("ix_action_items_open", "action_items", ["group_id", "closed_at", "number"])


def downgrade() -> None:
    op.drop_index("ix_action_items_open", table_name="action_items")
    op.create_index(
        "ix_action_items_open",
        "action_items",
        ["group_id", "number"],
        sqlite_where=sa.text("closed_at IS NULL"),
        postgresql_where=sa.text("closed_at IS NULL"),
    )
