"""the PDF/A archive of approved minutes

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 05:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "minutes_archive",
        sa.Column("id", _ID, nullable=False),
        sa.Column("group_id", _ID, nullable=False),
        sa.Column("version_id", _ID, nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("sidecar", sa.JSON(), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_minutes_archive_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["minutes_versions.id"],
            name=op.f("fk_minutes_archive_version_id_minutes_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_archive")),
        sa.UniqueConstraint("version_id", name=op.f("uq_minutes_archive_version_id")),
    )
    with op.batch_alter_table("minutes_archive", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_minutes_archive_group_id"), ["group_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("minutes_archive", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minutes_archive_group_id"))

    op.drop_table("minutes_archive")
