"""meetings, lead times and the outbox's in-place updates

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agenda_lead_minutes", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("reminder_lead_minutes", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("country", sa.String(length=2), nullable=True))
        batch_op.add_column(sa.Column("calendar_token", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_groups_calendar_token"), ["calendar_token"]
        )
    # Existing meetings were last changed when they were scheduled.
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("updated_at", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
    op.execute("UPDATE meetings SET updated_at = created_at")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.alter_column(
            "updated_at", existing_type=storage.types.UTCDateTime(timezone=True), nullable=False
        )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("meeting_id", _ID, nullable=True))
        batch_op.add_column(
            sa.Column("expires_at", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))
        batch_op.create_index(batch_op.f("ix_outbox_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_outbox_meeting_id_meetings"),
            "meetings",
            ["meeting_id"],
            ["id"],
            ondelete="CASCADE",
        )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.alter_column("revision", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_outbox_meeting_id_meetings"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_outbox_meeting_id"))
        batch_op.drop_column("revision")
        batch_op.drop_column("expires_at")
        batch_op.drop_column("meeting_id")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_column("updated_at")
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_groups_calendar_token"), type_="unique")
        batch_op.drop_column("calendar_token")
        batch_op.drop_column("country")
        batch_op.drop_column("reminder_lead_minutes")
        batch_op.drop_column("agenda_lead_minutes")
