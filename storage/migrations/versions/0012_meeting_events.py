"""meeting events: Teams meetings linked to the group's meetings, meeting chats linked to
groups, a meeting's actual start and end, and the minutes-draft and meeting-start settings

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TIME = storage.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("minutes_draft_minutes", sa.Integer(), server_default="30", nullable=True)
        )
        batch_op.add_column(
            sa.Column("meeting_start_post", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("started_at", _TIME, nullable=True))
        batch_op.add_column(sa.Column("ended_at", _TIME, nullable=True))

    op.create_table(
        "teams_meetings",
        sa.Column("id", _ID, nullable=False),
        sa.Column("teams_meeting_id", sa.String(length=400), nullable=False),
        sa.Column("group_id", _ID, nullable=False),
        sa.Column("meeting_id", _ID, nullable=False),
        sa.Column("opened", sa.Boolean(), nullable=False),
        sa.Column("created_at", _TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_teams_meetings_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_teams_meetings_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams_meetings")),
        sa.UniqueConstraint("teams_meeting_id", name=op.f("uq_teams_meetings_teams_meeting_id")),
    )
    with op.batch_alter_table("teams_meetings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_teams_meetings_group_id"), ["group_id"], unique=False)

    op.create_table(
        "meeting_chat_links",
        sa.Column("id", _ID, nullable=False),
        sa.Column("chat_key", sa.String(length=400), nullable=False),
        sa.Column("group_id", _ID, nullable=False),
        sa.Column("linked_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", _TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_meeting_chat_links_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_chat_links")),
        sa.UniqueConstraint("chat_key", name=op.f("uq_meeting_chat_links_chat_key")),
    )
    with op.batch_alter_table("meeting_chat_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_chat_links_group_id"), ["group_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("meeting_chat_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_chat_links_group_id"))
    op.drop_table("meeting_chat_links")
    with op.batch_alter_table("teams_meetings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_teams_meetings_group_id"))
    op.drop_table("teams_meetings")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_column("ended_at")
        batch_op.drop_column("started_at")
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_column("meeting_start_post")
        batch_op.drop_column("minutes_draft_minutes")
