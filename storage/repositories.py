"""Repositories: the domain's ports implemented over SQLAlchemy, inside one unit of work.

Each is bound to the unit of work's session (``storage.unit_of_work``): it reads and writes
in that transaction and never commits, and it only persists. What follows from a change (the
posted agenda, the audit log, the activity journal) is the unit of work's, and which rows move
where when a meeting is planned or cancelled is the domain's. They return domain dataclasses;
rows never leave this package.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

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
    Member,
    Person,
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
from storage.prepared import PerDialect, delete_in_batches, table
from storage.tables import (
    ActionItemRow,
    AgendaPointRow,
    DecisionRow,
    GroupRow,
    MeetingRow,
    MemberRow,
    ProcessedActivityRow,
    StatusReportRow,
)
from storage.upsert import insert_for


class _Repository:
    """Bound to a unit of work's session: reads and writes in its transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session


class SqlGroupRepository(_Repository):
    async def lock(self, group_id: int) -> None:
        await lock_group(self._session, group_id)

    async def get(self, group_id: int) -> Group | None:
        row = (await self._session.execute(_GROUP_BY_ID, {"id": group_id})).first()
        return to_group(row) if row else None

    async def get_by_key(self, key: str) -> Group | None:
        row = (await self._session.execute(_GROUP_BY_KEY, {"key": key})).first()
        return to_group(row) if row else None

    async def remember(
        self, address: ConversationAddress, defaults: GroupDefaults, now: datetime
    ) -> tuple[Group, bool]:
        session = self._session
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
        group = await self.get_by_key(address.key)
        assert group is not None
        return group, created

    async def set_regions(
        self,
        group_id: int,
        regions: list[str],
        now: datetime,
        aliases: dict[str, list[str]] | None = None,
    ) -> Group:
        return await self._change(
            group_id,
            now,
            regions=list(regions),
            region_aliases={region: list(names) for region, names in (aliases or {}).items()},
        )

    async def set_reporter(
        self, group_id: int, region: str, person: Person | None, now: datetime
    ) -> Group:
        reporters = await self._session.scalar(
            select(GroupRow.region_reporters).where(GroupRow.id == group_id)
        )
        changed = {name: value for name, value in (reporters or {}).items() if name != region}
        if person is not None:
            changed[region] = {"teams_id": person.teams_id, "name": person.name}
        return await self._change(group_id, now, region_reporters=changed)

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
            agenda_lead_minutes=as_minutes(agenda) if agenda is not None else None,
            reminder_lead_minutes=(
                [as_minutes(lead) for lead in reminders] if reminders is not None else None
            ),
        )

    async def set_language(self, group_id: int, language: str, now: datetime) -> Group:
        return await self._change(group_id, now, language=language)

    async def set_timezone(self, group_id: int, timezone: str, now: datetime) -> Group:
        return await self._change(group_id, now, timezone=timezone)

    async def set_overdue_posts(self, group_id: int, on: bool, now: datetime) -> Group:
        return await self._change(group_id, now, overdue_posts=on)

    async def set_minutes_draft(
        self, group_id: int, delay: timedelta | None, now: datetime
    ) -> Group:
        minutes = as_minutes(delay) if delay is not None else None
        return await self._change(group_id, now, minutes_draft_minutes=minutes)

    async def set_meeting_start_post(self, group_id: int, on: bool, now: datetime) -> Group:
        return await self._change(group_id, now, meeting_start_post=on)

    async def _change(self, group_id: int, now: datetime, **values: Any) -> Group:
        await self._session.execute(
            update(GroupRow).where(GroupRow.id == group_id).values(updated_at=now, **values)
        )
        group = await self.get(group_id)
        assert group is not None
        return group

    async def calendar_token(self, group_id: int, new_token: str) -> str:
        await self._session.execute(
            update(GroupRow)
            .where(GroupRow.id == group_id, GroupRow.calendar_token.is_(None))
            .values(calendar_token=new_token)
        )
        token = await self._session.scalar(
            select(GroupRow.calendar_token).where(GroupRow.id == group_id)
        )
        assert token is not None
        return token

    async def by_calendar_token(self, token: str) -> Group | None:
        row = await self._session.scalar(select(GroupRow).where(GroupRow.calendar_token == token))
        return to_group(row) if row else None

    async def in_tenant(self, tenant_id: str) -> list[Group]:
        rows = await self._session.scalars(
            select(GroupRow)
            .where(
                GroupRow.tenant_id == tenant_id,
                GroupRow.active.is_(True),
                GroupRow.conversation_type != ConversationType.PERSONAL.value,
            )
            .order_by(GroupRow.id.desc())
        )
        return [to_group(row) for row in rows]


def _same_meeting(column: Any, meeting_id: int | None) -> Any:
    return column.is_(None) if meeting_id is None else column == meeting_id


async def lock_group(session: AsyncSession, group_id: int) -> None:
    """Serialise writers of one group's rows (PostgreSQL row lock; SQLite is serial anyway:
    its writers begin ``IMMEDIATE``, holding the database's write lock, so there the
    statement, which SQLite would run without ``FOR UPDATE``, is not sent at all)."""
    if session.bind.dialect.name == "sqlite":
        return
    await session.execute(select(GroupRow.id).where(GroupRow.id == group_id).with_for_update())


class SqlMemberRepository(_Repository):
    async def get(self, group_id: int, user_id: str) -> Member | None:
        found = await self._session.execute(_MEMBER, {"group_id": group_id, "user_id": user_id})
        row = found.first()
        return Member(row.user_id, row.name, row.teams_id, row.last_seen_at) if row else None

    async def seen(self, group_id: int, actor: Actor, now: datetime) -> None:
        session = self._session
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

    async def by_teams_id(self, group_id: int, teams_id: str) -> Member | None:
        row = await self._session.scalar(
            select(MemberRow)
            .where(MemberRow.group_id == group_id, MemberRow.teams_id == teams_id)
            .order_by(MemberRow.last_seen_at.desc())
            .limit(1)
        )
        return Member(row.user_id, row.name, row.teams_id, row.last_seen_at) if row else None

    async def latest_group_of(self, user_id: str) -> int | None:
        return await self._session.scalar(
            select(MemberRow.group_id)
            .join(GroupRow, GroupRow.id == MemberRow.group_id)
            .where(MemberRow.user_id == user_id, GroupRow.active.is_(True))
            .where(GroupRow.conversation_type != ConversationType.PERSONAL.value)
            .order_by(MemberRow.last_seen_at.desc())
            .limit(1)
        )


class SqlMeetingRepository(_Repository):
    async def add_many(
        self,
        group_id: int,
        meetings: list[tuple[datetime, datetime, str | None]],
        now: datetime,
    ) -> list[Meeting]:
        if not meetings:
            return []
        await lock_group(self._session, group_id)
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
        self._session.add_all(rows)
        await self._session.flush()
        return sorted((to_meeting(row) for row in rows), key=lambda m: m.starts_at)

    async def get(self, group_id: int, meeting_id: int) -> Meeting | None:
        found = await self._session.execute(_MEETING, {"group_id": group_id, "id": meeting_id})
        row = found.first()
        return to_meeting(row) if row else None

    async def move(
        self,
        group_id: int,
        meeting_id: int,
        starts_at: datetime,
        ends_at: datetime,
        place: str | None,
        now: datetime,
    ) -> Meeting:
        return await self._change(
            group_id, meeting_id, starts_at=starts_at, ends_at=ends_at, place=place, updated_at=now
        )

    async def cancel(self, group_id: int, meeting_id: int, now: datetime) -> Meeting:
        return await self._change(
            group_id, meeting_id, status=MeetingStatus.CANCELLED.value, updated_at=now
        )

    async def started(self, group_id: int, now: datetime, limit: int) -> list[Meeting]:
        rows = await self._session.execute(
            _STARTED, {"group_id": group_id, "now": now, "limit": limit}
        )
        return [to_meeting(row) for row in rows]

    async def record_held(
        self,
        group_id: int,
        meeting_id: int,
        *,
        started_at: datetime | None = None,
        ended_at: datetime | None = None,
    ) -> Meeting:
        values = {"started_at": started_at, "ended_at": ended_at}
        return await self._change(
            group_id, meeting_id, **{k: v for k, v in values.items() if v is not None}
        )

    async def _change(self, group_id: int, meeting_id: int, **values: Any) -> Meeting:
        await lock_group(self._session, group_id)
        row = await self._session.get(MeetingRow, meeting_id)
        assert row is not None and row.group_id == group_id
        for name, value in values.items():
            setattr(row, name, value)
        await self._session.flush()
        return to_meeting(row)

    async def upcoming(self, group_id: int, now: datetime) -> list[Meeting]:
        rows = await self._session.execute(_UPCOMING, {"group_id": group_id, "now": now})
        return [to_meeting(row) for row in rows]


async def _move_rows(
    session: AsyncSession,
    table: Any,
    group_id: int,
    from_meeting: int | None,
    to_meeting: int | None,
    *where: Any,
) -> int:
    result = await session.execute(
        update(table)
        .where(table.group_id == group_id, _same_meeting(table.meeting_id, from_meeting), *where)
        .values(meeting_id=to_meeting)
    )
    return result.rowcount


async def _newest(session: AsyncSession, table: Any, group_id: int) -> Any:
    return await session.scalar(
        select(table).where(table.group_id == group_id).order_by(table.id.desc()).limit(1)
    )


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
        session = self._session
        await lock_group(session, group_id)
        of_region = {"group_id": group_id, "region": region, "meeting_id": meeting_id}
        current = (
            await session.execute(
                _REGION_REPORTS if meeting_id is not None else _REGION_REPORTS_UNPLANNED,
                of_region,
            )
        ).all()
        if current:
            await session.execute(_SUPERSEDE, [{"report_id": old.id, "at": now} for old in current])
        values = {
            **of_region,
            "text": text,
            "author_id": author.id,
            "author_name": author.name,
            "created_at": now,
            "superseded_at": None,
        }
        report_id = (await session.execute(_ADD_REPORT, values)).scalar_one()
        added = StatusReport(
            id=report_id,
            group_id=group_id,
            meeting_id=meeting_id,
            region=region,
            text=text,
            author_id=author.id,
            author_name=author.name,
            created_at=now,
            superseded_at=None,
        )
        replaced = replace(to_report(current[0]), superseded_at=now) if current else None
        return added, replaced

    async def current(self, group_id: int, meeting_id: int | None) -> list[StatusReport]:
        statement = _CURRENT_REPORTS if meeting_id is not None else _CURRENT_REPORTS_UNPLANNED
        rows = await self._session.execute(
            statement, {"group_id": group_id, "meeting_id": meeting_id}
        )
        return [to_report(row) for row in rows]

    async def move_to(
        self,
        group_id: int,
        from_meeting: int | None,
        to_meeting: int | None,
        *,
        except_regions: frozenset[str] = frozenset(),
    ) -> int:
        where = [StatusReportRow.region.not_in(except_regions)] if except_regions else []
        return await _move_rows(
            self._session, StatusReportRow, group_id, from_meeting, to_meeting, *where
        )


class SqlActionItemRepository(_Repository):
    async def add(self, group_id: int, draft: ActionItemDraft, now: datetime) -> ActionItem:
        session = self._session
        # One atomic statement hands out the number: it locks the group row until commit,
        # so concurrent adds queue up instead of reading the same counter.
        number = (await session.execute(_NEXT_ITEM_NUMBER, {"group_id": group_id})).scalar_one()
        item = ActionItem(
            id=0,
            group_id=group_id,
            number=number,
            text=draft.text,
            created_by=draft.created_by,
            created_at=now,
            owner_name=draft.owner_name,
            owner_id=draft.owner_id,
            due_at=draft.due_at,
        )
        values = {name: getattr(item, name) for name in _ITEM_FIELDS if name != "id"}
        item_id = (await session.execute(_ADD_ITEM, values)).scalar_one()
        return replace(item, id=item_id)

    async def get(self, group_id: int, number: int) -> ActionItem | None:
        found = await self._session.execute(_ITEM, {"group_id": group_id, "number": number})
        row = found.first()
        return ActionItem(*row) if row else None

    async def newest(self, group_id: int) -> ActionItem | None:
        row = (await self._session.execute(_NEWEST_ITEM, {"group_id": group_id})).first()
        return ActionItem(*row) if row else None

    async def list_open(self, group_id: int) -> list[ActionItem]:
        rows = await self._session.execute(_OPEN_ITEMS, {"group_id": group_id})
        return [ActionItem(*row) for row in rows]

    async def list_all(self, group_id: int) -> list[ActionItem]:
        rows = await self._session.execute(_ALL_ITEMS, {"group_id": group_id})
        return [ActionItem(*row) for row in rows]

    async def close(
        self, group_id: int, number: int, by: str, now: datetime
    ) -> tuple[ActionItem | None, bool]:
        closed = await self._session.execute(
            _CLOSE_ITEM, {"of_group": group_id, "of_number": number, "now": now, "by": by}
        )
        closed_now = closed.scalar() is not None
        return await self.get(group_id, number), closed_now

    async def update(
        self, group_id: int, number: int, now: datetime, **changes: object
    ) -> ActionItem | None:
        allowed = {"text", "owner_name", "owner_id", "due_at"}
        if not set(changes) <= allowed:
            raise ValueError(f"cannot change {set(changes) - allowed}")
        await self._session.execute(
            update(ActionItemRow)
            .where(ActionItemRow.group_id == group_id, ActionItemRow.number == number)
            .values(**changes)
        )
        return await self.get(group_id, number)

    async def delete(self, group_id: int, number: int, now: datetime) -> ActionItem | None:
        row = await self._row(group_id, number)
        if row is None:
            return None
        item = to_action_item(row)
        await self._session.delete(row)
        await self._session.flush()
        return item

    async def _row(self, group_id: int, number: int) -> ActionItemRow | None:
        return await self._session.scalar(
            select(ActionItemRow)
            .where(ActionItemRow.group_id == group_id, ActionItemRow.number == number)
            .execution_options(populate_existing=True)
        )


class SqlDecisionRepository(_Repository):
    async def add(
        self, group_id: int, meeting_id: int | None, text: str, by: str, now: datetime
    ) -> Decision:
        row = DecisionRow(
            group_id=group_id, meeting_id=meeting_id, text=text, created_by=by, created_at=now
        )
        self._session.add(row)
        await self._session.flush()
        return Decision(row.id, group_id, meeting_id, text, by, now)

    async def newest(self, group_id: int) -> Decision | None:
        row = await _newest(self._session, DecisionRow, group_id)
        return (
            Decision(row.id, row.group_id, row.meeting_id, row.text, row.created_by, row.created_at)
            if row
            else None
        )

    async def move_to(self, group_id: int, from_meeting: int | None, to_meeting: int) -> int:
        return await _move_rows(self._session, DecisionRow, group_id, from_meeting, to_meeting)

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[Decision]:
        rows = await self._session.scalars(
            select(DecisionRow)
            .where(DecisionRow.group_id == group_id, DecisionRow.meeting_id == meeting_id)
            .order_by(DecisionRow.id)
        )
        return [
            Decision(row.id, row.group_id, row.meeting_id, row.text, row.created_by, row.created_at)
            for row in rows
        ]


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
        row = AgendaPointRow(
            group_id=group_id,
            meeting_id=meeting_id,
            section=section.value,
            text=text,
            created_by=by,
            created_at=now,
        )
        self._session.add(row)
        await self._session.flush()
        return to_point(row)

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[AgendaPoint]:
        rows = await self._session.execute(
            _MEETING_POINTS, {"group_id": group_id, "meeting_id": meeting_id}
        )
        return [to_point(row) for row in rows]

    async def move_to(self, group_id: int, from_meeting: int | None, to_meeting: int | None) -> int:
        return await _move_rows(self._session, AgendaPointRow, group_id, from_meeting, to_meeting)

    async def newest(self, group_id: int) -> AgendaPoint | None:
        row = await _newest(self._session, AgendaPointRow, group_id)
        return to_point(row) if row else None


async def complete_claim(session: AsyncSession, key: str, now: datetime) -> None:
    """Mark the activity ``key`` handled, in the caller's transaction."""
    await session.execute(_COMPLETE_CLAIM, {"claim": key, "now": now})


async def claim_activity(session: AsyncSession, key: str, now: datetime) -> bool:
    """Take the activity ``key`` for handling in the caller's (writing) transaction; False if
    another holds it or handled it. A claim left incomplete past ``CLAIM_LEASE`` is taken
    over: one conditional UPDATE, so of two resends racing for it only one wins."""
    inserted = await session.execute(_CLAIM.on(session), {"key": key, "received_at": now})
    if inserted.scalar() is not None:
        return True
    taken = await session.execute(
        update(_JOURNAL)
        .where(
            _JOURNAL.c.key == key,
            _JOURNAL.c.completed_at.is_(None),
            _JOURNAL.c.received_at < now - CLAIM_LEASE,
        )
        .values(received_at=now)
    )
    return taken.rowcount == 1


class SqlActivityClaims(_Repository):
    """The journal's claim inside a unit of work (``ActivityClaims``)."""

    async def claim(self, key: str, now: datetime) -> bool:
        return await claim_activity(self._session, key, now)


class SqlActivityJournal:
    """The journal of inbound activities; a claim taken here is a transaction of its own
    (the edge takes a message's in its first unit of work, ``SqlActivityClaims``), and a
    turn's unit of work completes the claim with its change."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def claim(self, key: str, now: datetime) -> bool:
        async with self._database.writing() as session:
            return await claim_activity(session, key, now)

    async def done(self, key: str, now: datetime) -> None:
        handling = HANDLING.get()
        if handling is not None and handling.key == key and handling.stored:
            return  # the turn's unit of work completed the claim with its change
        await self._database.write_alone(_COMPLETE_CLAIM, {"claim": key, "now": now})

    async def forget(self, key: str) -> None:
        async with self._database.writing() as session:
            await session.execute(
                delete(ProcessedActivityRow).where(ProcessedActivityRow.key == key)
            )

    async def prune(self, before: datetime) -> int:
        pruned = await delete_in_batches(
            self._database, ProcessedActivityRow.key, ProcessedActivityRow.received_at < before
        )
        return len(pruned)


# Prepared statements (storage.prepared) -----------------------------------------------------
# An UPDATE's parameters are not named as its table's columns (SQLAlchemy reserves those).

_GROUPS = table(GroupRow)
_GROUP_BY_ID = select(_GROUPS).where(_GROUPS.c.id == bindparam("id"))
_GROUP_BY_KEY = select(_GROUPS).where(_GROUPS.c.key == bindparam("key"))

_MEMBERS = table(MemberRow)
_MEMBER = select(_MEMBERS).where(
    _MEMBERS.c.group_id == bindparam("group_id"), _MEMBERS.c.user_id == bindparam("user_id")
)

_MEETINGS = table(MeetingRow)
_SCHEDULED = _MEETINGS.c.status == MeetingStatus.SCHEDULED.value
_MEETING = select(_MEETINGS).where(
    _MEETINGS.c.id == bindparam("id"), _MEETINGS.c.group_id == bindparam("group_id")
)
_UPCOMING = (
    select(_MEETINGS)
    .where(
        _MEETINGS.c.group_id == bindparam("group_id"),
        _SCHEDULED,
        _MEETINGS.c.ends_at > bindparam("now"),
    )
    .order_by(_MEETINGS.c.starts_at)
)
_STARTED = (
    select(_MEETINGS)
    .where(
        _MEETINGS.c.group_id == bindparam("group_id"),
        _SCHEDULED,
        _MEETINGS.c.starts_at <= bindparam("now"),
    )
    .order_by(_MEETINGS.c.starts_at.desc(), _MEETINGS.c.id.desc())
    .limit(bindparam("limit"))
)

_REPORTS = table(StatusReportRow)
_OPEN_REPORTS = (_REPORTS.c.group_id == bindparam("group_id"), _REPORTS.c.superseded_at.is_(None))
_CURRENT_REPORTS, _CURRENT_REPORTS_UNPLANNED = (
    select(_REPORTS).where(*_OPEN_REPORTS, meeting).order_by(_REPORTS.c.region, _REPORTS.c.id)
    for meeting in (
        _REPORTS.c.meeting_id == bindparam("meeting_id"),
        _REPORTS.c.meeting_id.is_(None),
    )
)
_REGION_REPORTS, _REGION_REPORTS_UNPLANNED = (
    select(_REPORTS)
    .where(*_OPEN_REPORTS, meeting, _REPORTS.c.region == bindparam("region"))
    .order_by(_REPORTS.c.id.desc())
    for meeting in (
        _REPORTS.c.meeting_id == bindparam("meeting_id"),
        _REPORTS.c.meeting_id.is_(None),
    )
)
_SUPERSEDE = (
    update(_REPORTS)
    .where(_REPORTS.c.id == bindparam("report_id"))
    .values(superseded_at=bindparam("at"))
)
_ADD_REPORT = insert(_REPORTS).returning(_REPORTS.c.id)

_ITEMS = table(ActionItemRow)
# ``ActionItem``'s fields in order, as columns: rows become items with ``ActionItem(*row)``.
_ITEM_FIELDS = tuple(ActionItem.__dataclass_fields__)
_ITEM_COLUMNS = [_ITEMS.c[name] for name in _ITEM_FIELDS]
_OF_GROUP = _ITEMS.c.group_id == bindparam("group_id")
_ITEM = select(*_ITEM_COLUMNS).where(_OF_GROUP, _ITEMS.c.number == bindparam("number"))
_NEWEST_ITEM = select(*_ITEM_COLUMNS).where(_OF_GROUP).order_by(_ITEMS.c.number.desc()).limit(1)
_ALL_ITEMS = select(*_ITEM_COLUMNS).where(_OF_GROUP).order_by(_ITEMS.c.number)
# In the open-items index's order: every closed_at read is NULL, so the rows come in number
# order all the same, and PostgreSQL reads that index with no sort in any plan. Ordered by
# number alone, a plan could instead walk the unique (group, number) index, in order, and
# filter out every item the group ever closed.
_OPEN_ITEMS = (
    select(*_ITEM_COLUMNS)
    .where(_OF_GROUP, _ITEMS.c.closed_at.is_(None))
    .order_by(_ITEMS.c.closed_at, _ITEMS.c.number)
)
_NEXT_ITEM_NUMBER = (
    update(_GROUPS)
    .where(_GROUPS.c.id == bindparam("group_id"))
    .values(action_item_seq=_GROUPS.c.action_item_seq + 1)
    .returning(_GROUPS.c.action_item_seq)
)
_ADD_ITEM = insert(_ITEMS).returning(_ITEMS.c.id)
_CLOSE_ITEM = (
    update(_ITEMS)
    .where(
        _ITEMS.c.group_id == bindparam("of_group"),
        _ITEMS.c.number == bindparam("of_number"),
        _ITEMS.c.closed_at.is_(None),
    )
    .values(closed_at=bindparam("now"), closed_by=bindparam("by"))
    .returning(_ITEMS.c.id)
)

_POINTS = table(AgendaPointRow)
_MEETING_POINTS = (
    select(_POINTS)
    .where(
        _POINTS.c.group_id == bindparam("group_id"), _POINTS.c.meeting_id == bindparam("meeting_id")
    )
    .order_by(_POINTS.c.id)
)

# The activity journal, on every turn.
_JOURNAL = table(ProcessedActivityRow)
_CLAIM = PerDialect(
    lambda dialect: (
        dialect.insert(_JOURNAL)
        .on_conflict_do_nothing(index_elements=["key"])
        .returning(_JOURNAL.c.key)
    )
)
_COMPLETE_CLAIM = (
    update(_JOURNAL)
    .where(_JOURNAL.c.key == bindparam("claim"), _JOURNAL.c.completed_at.is_(None))
    .values(completed_at=bindparam("now"))
)
