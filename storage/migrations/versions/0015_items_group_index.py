"""no index on action_items.group_id alone: the unique (group, number) and the open-items
index begin with it, and PostgreSQL's generic plan for a group's open items (the one a
prepared statement keeps after five runs) went through it, reading every closed item

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-26 16:50:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_action_items_group_id", table_name="action_items")


def downgrade() -> None:
    op.create_index("ix_action_items_group_id", "action_items", ["group_id"])
