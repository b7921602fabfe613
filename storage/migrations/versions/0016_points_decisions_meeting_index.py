"""a meeting's agenda points and decisions by (group, meeting), in id order: read without the
group's points and decisions of every other meeting

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-26 17:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_agenda_points_group_meeting", "agenda_points", ["group_id", "meeting_id", "id"]
    )
    op.create_index("ix_decisions_group_meeting", "decisions", ["group_id", "meeting_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_decisions_group_meeting", table_name="decisions")
    op.drop_index("ix_agenda_points_group_meeting", table_name="agenda_points")
