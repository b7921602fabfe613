"""Row -> domain dataclass mappers, shared by the repositories and the outbox."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.model import (
    ActionItem,
    AgendaPoint,
    ConversationType,
    Group,
    Meeting,
    MeetingStatus,
    Person,
    StatusReport,
)
from storage.tables import ActionItemRow, AgendaPointRow, GroupRow, MeetingRow, StatusReportRow


def to_group(row: GroupRow) -> Group:
    return Group(
        id=row.id,
        key=row.key,
        conversation_type=ConversationType(row.conversation_type),
        tenant_id=row.tenant_id,
        team_id=row.team_id,
        channel_id=row.channel_id,
        name=row.name,
        language=row.language,  # type: ignore[arg-type]
        timezone=row.timezone,
        regions=tuple(row.regions),
        reference=row.reference,
        active=row.active,
        created_at=row.created_at,
        agenda_lead=to_timedelta(row.agenda_lead_minutes),
        reminder_leads=(
            tuple(timedelta(minutes=m) for m in row.reminder_lead_minutes)
            if row.reminder_lead_minutes is not None
            else None
        ),
        country=row.country,
        calendar_token=row.calendar_token,
        region_aliases={region: tuple(names) for region, names in row.region_aliases.items()},
        reporters={
            region: Person(person["teams_id"], person["name"])
            for region, person in row.region_reporters.items()
        },
        overdue_posts=row.overdue_posts,
        minutes_draft_delay=to_timedelta(row.minutes_draft_minutes),
        meeting_start_post=row.meeting_start_post,
    )


def to_timedelta(value: int | None) -> timedelta | None:
    return timedelta(minutes=value) if value is not None else None


def as_minutes(lead: timedelta) -> int:
    return int(lead.total_seconds() // 60)


def to_action_item(row: ActionItemRow) -> ActionItem:
    return ActionItem(
        id=row.id,
        group_id=row.group_id,
        number=row.number,
        text=row.text,
        created_by=row.created_by,
        created_at=row.created_at,
        owner_name=row.owner_name,
        owner_id=row.owner_id,
        due_at=row.due_at,
        closed_at=row.closed_at,
        closed_by=row.closed_by,
    )


def to_meeting(row: MeetingRow) -> Meeting:
    return Meeting(
        id=row.id,
        group_id=row.group_id,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        place=row.place,
        status=MeetingStatus(row.status),
        updated_at=row.updated_at,
        started_at=row.started_at,
        ended_at=row.ended_at,
    )


def to_report(row: StatusReportRow) -> StatusReport:
    return StatusReport(
        id=row.id,
        group_id=row.group_id,
        meeting_id=row.meeting_id,
        region=row.region,
        text=row.text,
        author_id=row.author_id,
        author_name=row.author_name,
        created_at=row.created_at,
        superseded_at=row.superseded_at,
    )


def to_point(row: AgendaPointRow) -> AgendaPoint:
    return AgendaPoint(
        row.id, row.group_id, row.meeting_id, row.section, row.text, row.created_by, row.created_at
    )
