"""member last seen

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 00:59:46.051779
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing members were last seen when they were first seen.
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("last_seen_at", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
    op.execute("UPDATE members SET last_seen_at = created_at")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.alter_column(
            "last_seen_at",
            existing_type=storage.types.UTCDateTime(timezone=True),
            nullable=False,
        )
        batch_op.create_index(batch_op.f("ix_members_last_seen_at"), ["last_seen_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_members_last_seen_at"))
        batch_op.drop_column("last_seen_at")
