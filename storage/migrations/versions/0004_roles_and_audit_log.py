"""roles by Teams id, the audit log, and completed activities

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("teams_id", sa.String(length=200), nullable=True))
        batch_op.create_index(batch_op.f("ix_members_teams_id"), ["teams_id"], unique=False)
    op.create_table(
        "audit_log",
        sa.Column("id", _ID, nullable=False),
        sa.Column("group_id", _ID, nullable=False),
        sa.Column("at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("actor_name", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_audit_log_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_group_at", "audit_log", ["group_id", "at"], unique=False)
    # Activities handled before this revision were completed when they were received.
    with op.batch_alter_table("processed_activities", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("completed_at", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
    op.execute("UPDATE processed_activities SET completed_at = received_at")


def downgrade() -> None:
    with op.batch_alter_table("processed_activities", schema=None) as batch_op:
        batch_op.drop_column("completed_at")
    op.drop_index("ix_audit_log_group_at", table_name="audit_log")
    op.drop_table("audit_log")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_members_teams_id"))
        batch_op.drop_column("teams_id")
