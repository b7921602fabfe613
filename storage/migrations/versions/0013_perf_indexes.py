"""indexes for the agenda and the items list: a group's open items and its meetings ahead,
read without scanning its closed items and past meetings

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26 05:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_meetings_group_ends", "meetings", ["group_id", "ends_at"])
    op.create_index(
        "ix_action_items_open",
        "action_items",
        ["group_id", "number"],
        sqlite_where=sa.text("closed_at IS NULL"),
        postgresql_where=sa.text("closed_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_action_items_open", table_name="action_items")
    op.drop_index("ix_meetings_group_ends", table_name="meetings")
