"""Repositories: the domain's ports implemented over SQLAlchemy. They return domain
dataclasses; rows never leave this package."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update

from bot.domain.model import (
    ActionItem,
    ActionItemDraft,
    Actor,
    AgendaPoint,
    ConversationAddress,
    ConversationType,
    Decision,
    Group,
    GroupDefaults,
    Meeting,
    MeetingStatus,
    Section,
    StatusReport,
)
from bot.domain.ports import CLAIM_LEASE, HANDLING
from storage.db import Database
from storage.mappers import (
    as_minutes,
    to_action_item,
    to_group,
    to_meeting,
    to_point,
    to_report,
)
from storage.outbox import drop_unsent, mark_agenda_changed
from storage.tables import (
    ActionItemRow,
    AgendaPointRow,
    DecisionRow,
    GroupRow,
    MeetingRow,
    MemberRow,
    OutboxRow,
    ProcessedActivityRow,
    StatusReportRow,
)
from storage.upsert import insert_for


class _Repository:
    def __init__(self, database: Database) -> None:
        self._database = database


class SqlGroupRepository(_Repository):
    async def get(self, group_id: int) -> Group | None:
        async with self._database.reading() as session:
            row = await session.get(GroupRow, group_id)
            return to_group(row) if row else None

    async def get_by_key(self, key: str) -> Group | None:
        async with self._database.reading() as session:
            row = (await session.execute(select(GroupRow).where(GroupRow.key == key))).scalar()
            return to_group(row) if row else None

    async def remember(
        self, address: ConversationAddress, defaults: GroupDefaults, now: datetime
    ) -> tuple[Group, bool]:
        known = await self.get_by_key(address.key)
        if known and known.active and known.reference == address.reference:
            return known, False  # the common case: no write on the message path
        async with self._database.writing() as session:
            inserted = await session.execute(
                insert_for(session, GroupRow)
                .values(
                    key=address.key,
                    conversation_type=address.conversation_type.value,
                    tenant_id=address.tenant_id,
                    team_id=address.team_id,
                    channel_id=address.channel_id,
                    name=address.name,
                    language=defaults.language,
                    timezone=defaults.timezone,
                    regions=[],
                    reference=address.reference,
                    active=True,
                    action_item_seq=0,
                    created_at=now,
                    updated_at=now,
                )
                .on_conflict_do_nothing(index_elements=["key"])
                .returning(GroupRow.id)
            )
            created = inserted.scalar() is not None
            if not created:
                # Teams may move a conversation to another service URL; the newest address wins.
                await session.execute(
                    update(GroupRow)
                    .where(GroupRow.key == address.key)
                    .values(reference=address.reference, active=True, updated_at=now)
                )
            row = (
                await session.execute(select(GroupRow).where(GroupRow.key == address.key))
            ).scalar_one()
            return to_group(row), created

    async def set_regions(self, group_id: int, regions: list[str], now: datetime) -> Group:
        # A posted agenda has one slot per region.
        return await self._change(group_id, now, agenda_changed=True, regions=list(regions))

    async def set_lead_times(
        self,
        group_id: int,
        agenda: timedelta | None,
        reminders: tuple[timedelta, ...] | None,
        now: datetime,
    ) -> Group:
        return await self._change(
            group_id,
            now,
            replan=True,
            agenda_lead_minutes=as_minutes(agenda) if agenda is not None else None,
            reminder_lead_minutes=(
                [as_minutes(lead) for lead in reminders] if reminders is not None else None
            ),
        )

    async def _change(
        self,
        group_id: int,
        now: datetime,
        *,
        replan: bool = False,
        agenda_changed: bool = False,
        **values: Any,
    ) -> Group:
        async with self._database.writing() as session:
            await session.execute(
                update(GroupRow).where(GroupRow.id == group_id).values(updated_at=now, **values)
            )
            if replan:  # queued posts not sent yet were timed by the old lead times
                await drop_unsent(session, OutboxRow.group_id == group_id)
            if agenda_changed:
                await mark_agenda_changed(session, group_id, now)
            await mark_handled(session, now)
            row = await session.get(GroupRow, group_id, populate_existing=True)
            assert row is not None
            return to_group(row)

    async def calendar_token(self, group_id: int, new_token: str) -> str:
        async with self._database.writing() as session:
            await session.execute(
                update(GroupRow)
                .where(GroupRow.id == group_id, GroupRow.calendar_token.is_(None))
                .values(calendar_token=new_token)
            )
            token = await session.scalar(
                select(GroupRow.calendar_token).where(GroupRow.id == group_id)
            )
            assert token is not None
            return token

    async def by_calendar_token(self, token: str) -> Group | None:
        async with self._database.reading() as session:
            row = await session.scalar(select(GroupRow).where(GroupRow.calendar_token == token))
            return to_group(row) if row else None


async def _next_meeting_id(session: Any, group_id: int, now: datetime) -> int | None:
    """The group's next (or ongoing) scheduled meeting."""
    return await session.scalar(
        select(MeetingRow.id)
        .where(
            MeetingRow.group_id == group_id,
            MeetingRow.status == MeetingStatus.SCHEDULED.value,
            MeetingRow.ends_at > now,
        )
        .order_by(MeetingRow.starts_at)
        .limit(1)
    )


async def _hand_over_reports(
    session: Any, group_id: int, meeting_id: int, successor: int | None
) -> None:
    """A cancelled meeting's reports go on to the next one, for each region that has not
    reported for that one yet (the reports filed for it are newer)."""
    taken = set(
        (
            await session.execute(
                select(StatusReportRow.region).where(
                    StatusReportRow.group_id == group_id,
                    _same_meeting(StatusReportRow.meeting_id, successor),
                )
            )
        ).scalars()
    )
    moving = select(StatusReportRow.id).where(StatusReportRow.meeting_id == meeting_id)
    if taken:
        moving = moving.where(StatusReportRow.region.not_in(taken))
    await session.execute(
        update(StatusReportRow)
        .where(StatusReportRow.id.in_(moving.scalar_subquery()))
        .values(meeting_id=successor)
    )


def _same_meeting(column: Any, meeting_id: int | None) -> Any:
    return column.is_(None) if meeting_id is None else column == meeting_id


async def _lock_group(session: Any, group_id: int) -> None:
    """Serialise writers of one group's rows (PostgreSQL row lock; SQLite is serial anyway)."""
    await session.execute(select(GroupRow.id).where(GroupRow.id == group_id).with_for_update())


class SqlMemberRepository(_Repository):
    # A member's "last seen" moves at most this often: one write per person per hour at most.
    REFRESH = timedelta(hours=1)

    async def seen(self, group_id: int, actor: Actor, now: datetime) -> None:
        async with self._database.reading() as session:
            row = (
                await session.execute(
                    select(MemberRow.last_seen_at, MemberRow.name, MemberRow.teams_id).where(
                        MemberRow.group_id == group_id, MemberRow.user_id == actor.id
                    )
                )
            ).first()
        if (
            row
            and (row.name, row.teams_id) == (actor.name, actor.teams_id)
            and now - row.last_seen_at < self.REFRESH
        ):
            return
        async with self._database.writing() as session:
            await session.execute(
                insert_for(session, MemberRow)
                .values(
                    group_id=group_id,
                    user_id=actor.id,
                    teams_id=actor.teams_id,
                    name=actor.name,
                    role="member",
                    created_at=now,
                    last_seen_at=now,
                )
                .on_conflict_do_update(
                    index_elements=["group_id", "user_id"],
                    set_={"name": actor.name, "teams_id": actor.teams_id, "last_seen_at": now},
                )
            )

    async def latest_group_of(self, user_id: str) -> int | None:
        async with self._database.reading() as session:
            return (
                await session.execute(
                    select(MemberRow.group_id)
                    .join(GroupRow, GroupRow.id == MemberRow.group_id)
                    .where(MemberRow.user_id == user_id, GroupRow.active.is_(True))
                    .where(GroupRow.conversation_type != ConversationType.PERSONAL.value)
                    .order_by(MemberRow.last_seen_at.desc())
                    .limit(1)
                )
            ).scalar()


class SqlMeetingRepository(_Repository):
    async def add_many(
        self,
        group_id: int,
        meetings: list[tuple[datetime, datetime, str | None]],
        now: datetime,
    ) -> list[Meeting]:
        if not meetings:
            return []
        async with self._database.writing() as session:
            await _lock_group(session, group_id)
            rows = [
                MeetingRow(
                    group_id=group_id,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    place=place,
                    status=MeetingStatus.SCHEDULED.value,
                    created_at=now,
                    updated_at=now,
                )
                for starts_at, ends_at, place in meetings
            ]
            session.add_all(rows)
            await session.flush()
            first = min(rows, key=lambda row: row.starts_at)
            if await _next_meeting_id(session, group_id, now) == first.id:
                # What was filed while no meeting was planned belongs to this one.
                for table in (StatusReportRow, DecisionRow, AgendaPointRow):
                    await session.execute(
                        update(table)
                        .where(table.group_id == group_id, table.meeting_id.is_(None))
                        .values(meeting_id=first.id)
                    )
            await mark_agenda_changed(session, group_id, now)
            await mark_handled(session, now)
            return sorted((to_meeting(row) for row in rows), key=lambda m: m.starts_at)

    async def get(self, group_id: int, meeting_id: int) -> Meeting | None:
        async with self._database.reading() as session:
            row = await session.get(MeetingRow, meeting_id)
            return to_meeting(row) if row and row.group_id == group_id else None

    async def move(
        self,
        group_id: int,
        meeting_id: int,
        starts_at: datetime,
        ends_at: datetime,
        place: str | None,
        now: datetime,
    ) -> Meeting:
        async with self._database.writing() as session:
            await _lock_group(session, group_id)
            row = await session.get(MeetingRow, meeting_id)
            assert row is not None and row.group_id == group_id
            row.starts_at, row.ends_at, row.place, row.updated_at = starts_at, ends_at, place, now
            await drop_unsent(session, OutboxRow.meeting_id == meeting_id)
            # A posted agenda stays useful (and updatable) until the meeting's new start.
            await session.execute(
                update(OutboxRow)
                .where(OutboxRow.meeting_id == meeting_id, OutboxRow.activity_id.is_not(None))
                .values(expires_at=starts_at)
            )
            await mark_agenda_changed(session, group_id, now)
            await mark_handled(session, now)
            return to_meeting(row)

    async def cancel(self, group_id: int, meeting_id: int, now: datetime) -> Meeting:
        async with self._database.writing() as session:
            await _lock_group(session, group_id)
            row = await session.get(MeetingRow, meeting_id)
            assert row is not None and row.group_id == group_id
            row.status, row.updated_at = MeetingStatus.CANCELLED.value, now
            await session.flush()
            await drop_unsent(session, OutboxRow.meeting_id == meeting_id)
            successor = await _next_meeting_id(session, group_id, now)
            await _hand_over_reports(session, group_id, meeting_id, successor)
            await session.execute(
                update(AgendaPointRow)
                .where(AgendaPointRow.meeting_id == meeting_id)
                .values(meeting_id=successor)
            )
            await mark_agenda_changed(session, group_id, now)
            await mark_handled(session, now)
            return to_meeting(row)

    async def upcoming(self, group_id: int, now: datetime) -> list[Meeting]:
        async with self._database.reading() as session:
            rows = await session.execute(
                select(MeetingRow)
                .where(
                    MeetingRow.group_id == group_id,
                    MeetingRow.status == MeetingStatus.SCHEDULED.value,
                    MeetingRow.ends_at > now,
                )
                .order_by(MeetingRow.starts_at)
            )
            return [to_meeting(row) for row in rows.scalars()]


class SqlStatusReportRepository(_Repository):
    async def add(
        self,
        group_id: int,
        meeting_id: int | None,
        region: str,
        text: str,
        author: Actor,
        now: datetime,
    ) -> tuple[StatusReport, StatusReport | None]:
        async with self._database.writing() as session:
            await _lock_group(session, group_id)
            current = (
                (
                    await session.execute(
                        select(StatusReportRow)
                        .where(
                            StatusReportRow.group_id == group_id,
                            StatusReportRow.region == region,
                            _same_meeting(StatusReportRow.meeting_id, meeting_id),
                            StatusReportRow.superseded_at.is_(None),
                        )
                        .order_by(StatusReportRow.id.desc())
                    )
                )
                .scalars()
                .all()
            )
            for old in current:
                old.superseded_at = now
            row = StatusReportRow(
                group_id=group_id,
                meeting_id=meeting_id,
                region=region,
                text=text,
                author_id=author.id,
                author_name=author.name,
                created_at=now,
            )
            session.add(row)
            await session.flush()
            await mark_agenda_changed(session, group_id, now)
            await mark_handled(session, now)
            return to_report(row), (to_report(current[0]) if current else None)

    async def current(self, group_id: int, meeting_id: int | None) -> list[StatusReport]:
        async with self._database.reading() as session:
            rows = await session.execute(
                select(StatusReportRow)
                .where(
                    StatusReportRow.group_id == group_id,
                    _same_meeting(StatusReportRow.meeting_id, meeting_id),
                    StatusReportRow.superseded_at.is_(None),
                )
                .order_by(StatusReportRow.region, StatusReportRow.id)
            )
            return [to_report(row) for row in rows.scalars()]


class SqlActionItemRepository(_Repository):
    async def add(self, group_id: int, draft: ActionItemDraft, now: datetime) -> ActionItem:
        async with self._database.writing() as session:
            # One atomic statement hands out the number: it locks the group row until commit,
            # so concurrent adds queue up instead of reading the same counter.
            number = (
                await session.execute(
                    update(GroupRow)
                    .where(GroupRow.id == group_id)
                    .values(action_item_seq=GroupRow.action_item_seq + 1)
                    .returning(GroupRow.action_item_seq)
                )
            ).scalar_one()
            row = ActionItemRow(
                group_id=group_id,
                number=number,
                text=draft.text,
                owner_name=draft.owner_name,
                owner_id=draft.owner_id,
                due_at=draft.due_at,
                created_by=draft.created_by,
                created_at=now,
            )
            session.add(row)
            await session.flush()
            await mark_agenda_changed(session, group_id, now)
            await mark_handled(session, now)
            return to_action_item(row)

    async def get(self, group_id: int, number: int) -> ActionItem | None:
        async with self._database.reading() as session:
            row = await self._row(session, group_id, number)
            return to_action_item(row) if row else None

    async def list_open(self, group_id: int) -> list[ActionItem]:
        return await self._list(group_id, ActionItemRow.closed_at.is_(None))

    async def list_all(self, group_id: int) -> list[ActionItem]:
        return await self._list(group_id)

    async def close(
        self, group_id: int, number: int, by: str, now: datetime
    ) -> tuple[ActionItem | None, bool]:
        async with self._database.writing() as session:
            closed = await session.execute(
                update(ActionItemRow)
                .where(
                    ActionItemRow.group_id == group_id,
                    ActionItemRow.number == number,
                    ActionItemRow.closed_at.is_(None),
                )
                .values(closed_at=now, closed_by=by)
                .returning(ActionItemRow.id)
            )
            closed_now = closed.scalar() is not None
            if closed_now:
                await mark_agenda_changed(session, group_id, now)
                await mark_handled(session, now)
            row = await self._row(session, group_id, number)
            return (to_action_item(row) if row else None), closed_now

    async def update(
        self, group_id: int, number: int, now: datetime, **changes: object
    ) -> ActionItem | None:
        allowed = {"text", "owner_name", "owner_id", "due_at"}
        if not set(changes) <= allowed:
            raise ValueError(f"cannot change {set(changes) - allowed}")
        async with self._database.writing() as session:
            await session.execute(
                update(ActionItemRow)
                .where(ActionItemRow.group_id == group_id, ActionItemRow.number == number)
                .values(**changes)
            )
            await mark_agenda_changed(session, group_id, now)
            await mark_handled(session, now)
            row = await self._row(session, group_id, number)
            return to_action_item(row) if row else None

    async def delete(self, group_id: int, number: int, now: datetime) -> ActionItem | None:
        async with self._database.writing() as session:
            row = await self._row(session, group_id, number)
            if row is None:
                return None
            item = to_action_item(row)
            await session.delete(row)
            await mark_agenda_changed(session, group_id, now)
            await mark_handled(session, now)
            return item

    async def _list(self, group_id: int, *conditions: Any) -> list[ActionItem]:
        async with self._database.reading() as session:
            rows = await session.execute(
                select(ActionItemRow)
                .where(ActionItemRow.group_id == group_id, *conditions)
                .order_by(ActionItemRow.number)
            )
            return [to_action_item(row) for row in rows.scalars()]

    @staticmethod
    async def _row(session: Any, group_id: int, number: int) -> ActionItemRow | None:
        return (
            await session.execute(
                select(ActionItemRow)
                .where(ActionItemRow.group_id == group_id, ActionItemRow.number == number)
                .execution_options(populate_existing=True)
            )
        ).scalar()


class SqlDecisionRepository(_Repository):
    async def add(
        self, group_id: int, meeting_id: int | None, text: str, by: str, now: datetime
    ) -> Decision:
        async with self._database.writing() as session:
            row = DecisionRow(
                group_id=group_id, meeting_id=meeting_id, text=text, created_by=by, created_at=now
            )
            session.add(row)
            await session.flush()
            await mark_handled(session, now)
            return Decision(row.id, group_id, meeting_id, text, by, now)


class SqlAgendaPointRepository(_Repository):
    async def add(
        self,
        group_id: int,
        meeting_id: int | None,
        section: Section,
        text: str,
        by: str,
        now: datetime,
    ) -> AgendaPoint:
        async with self._database.writing() as session:
            row = AgendaPointRow(
                group_id=group_id,
                meeting_id=meeting_id,
                section=section.value,
                text=text,
                created_by=by,
                created_at=now,
            )
            session.add(row)
            await session.flush()
            await mark_agenda_changed(session, group_id, now)
            await mark_handled(session, now)
            return to_point(row)

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[AgendaPoint]:
        async with self._database.reading() as session:
            rows = await session.execute(
                select(AgendaPointRow)
                .where(AgendaPointRow.group_id == group_id, AgendaPointRow.meeting_id == meeting_id)
                .order_by(AgendaPointRow.id)
            )
            return [to_point(row) for row in rows.scalars()]


async def mark_handled(session: Any, now: datetime) -> None:
    """Inside a transaction that stores what the running turn's activity asked for: mark the
    activity handled in the same commit (see ``HANDLING``)."""
    key = HANDLING.get()
    if key is not None:
        await _complete(session, key, now)


async def _complete(session: Any, key: str, now: datetime) -> None:
    await session.execute(
        update(ProcessedActivityRow)
        .where(ProcessedActivityRow.key == key, ProcessedActivityRow.completed_at.is_(None))
        .values(completed_at=now)
    )


class SqlActivityJournal(_Repository):
    async def claim(self, key: str, now: datetime) -> bool:
        async with self._database.writing() as session:
            inserted = await session.execute(
                insert_for(session, ProcessedActivityRow)
                .values(key=key, received_at=now)
                .on_conflict_do_nothing(index_elements=["key"])
                .returning(ProcessedActivityRow.key)
            )
            if inserted.scalar() is not None:
                return True
            # Taken over only if the claim is stale; one conditional UPDATE, so of two
            # resends racing for it only one wins.
            taken = await session.execute(
                update(ProcessedActivityRow)
                .where(
                    ProcessedActivityRow.key == key,
                    ProcessedActivityRow.completed_at.is_(None),
                    ProcessedActivityRow.received_at < now - CLAIM_LEASE,
                )
                .values(received_at=now)
            )
            return taken.rowcount == 1

    async def done(self, key: str, now: datetime) -> None:
        async with self._database.writing() as session:
            await _complete(session, key, now)

    async def forget(self, key: str) -> None:
        async with self._database.writing() as session:
            await session.execute(
                delete(ProcessedActivityRow).where(ProcessedActivityRow.key == key)
            )

    async def prune(self, before: datetime) -> int:
        async with self._database.writing() as session:
            result = await session.execute(
                delete(ProcessedActivityRow).where(ProcessedActivityRow.received_at < before)
            )
            return result.rowcount
