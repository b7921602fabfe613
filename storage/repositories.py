"""Repositories: the domain's ports implemented over SQLAlchemy. They return domain
dataclasses; rows never leave this package."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update

from bot.domain.model import (
    ActionItem,
    ActionItemDraft,
    ConversationAddress,
    ConversationType,
    Group,
    GroupDefaults,
)
from storage.db import Database
from storage.tables import ActionItemRow, GroupRow, ProcessedActivityRow
from storage.upsert import insert_for


def _group(row: GroupRow) -> Group:
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
    )


def _action_item(row: ActionItemRow) -> ActionItem:
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


class SqlGroupRepository:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def get(self, group_id: int) -> Group | None:
        async with self._database.reading() as session:
            row = await session.get(GroupRow, group_id)
            return _group(row) if row else None

    async def get_by_key(self, key: str) -> Group | None:
        async with self._database.reading() as session:
            row = (await session.execute(select(GroupRow).where(GroupRow.key == key))).scalar()
            return _group(row) if row else None

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
            return _group(row), created


class SqlActionItemRepository:
    def __init__(self, database: Database) -> None:
        self._database = database

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
            return _action_item(row)

    async def list_open(self, group_id: int) -> list[ActionItem]:
        async with self._database.reading() as session:
            rows = await session.execute(
                select(ActionItemRow)
                .where(ActionItemRow.group_id == group_id, ActionItemRow.closed_at.is_(None))
                .order_by(ActionItemRow.number)
            )
            return [_action_item(row) for row in rows.scalars()]


class SqlActivityJournal:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def first_seen(self, key: str, now: datetime) -> bool:
        async with self._database.writing() as session:
            inserted = await session.execute(
                insert_for(session, ProcessedActivityRow)
                .values(key=key, received_at=now)
                .on_conflict_do_nothing(index_elements=["key"])
                .returning(ProcessedActivityRow.key)
            )
            return inserted.scalar() is not None

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
