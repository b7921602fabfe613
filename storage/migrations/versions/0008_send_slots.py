"""send slots: Teams' message limits shared by the replicas

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 03:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "send_slots",
        sa.Column("id", _ID, nullable=False),
        sa.Column("scope", sa.String(length=500), nullable=False),
        sa.Column("at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_send_slots")),
    )
    op.create_index("ix_send_slots_scope_at", "send_slots", ["scope", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_send_slots_scope_at", table_name="send_slots")
    op.drop_table("send_slots")
