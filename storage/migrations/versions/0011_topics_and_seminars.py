"""standing topics and the seminar series

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26 05:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "standing_topics",
        sa.Column("id", _ID, nullable=False),
        sa.Column("group_id", _ID, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("folded", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_standing_topics_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standing_topics")),
    )
    op.create_index(
        "ix_standing_topics_group_folded", "standing_topics", ["group_id", "folded"], unique=False
    )
    op.create_table(
        "seminars",
        sa.Column("id", _ID, nullable=False),
        sa.Column("group_id", _ID, nullable=False),
        sa.Column("starts_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("unit", sa.String(length=300), nullable=False),
        sa.Column("topic", sa.String(length=300), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_seminars_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seminars")),
        sa.UniqueConstraint("group_id", "starts_at", name=op.f("uq_seminars_group_id")),
    )
    op.create_index(op.f("ix_seminars_starts_at"), "seminars", ["starts_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_seminars_starts_at"), table_name="seminars")
    op.drop_table("seminars")
    op.drop_index("ix_standing_topics_group_folded", table_name="standing_topics")
    op.drop_table("standing_topics")
