"""Storage on real databases, each test on SQLite and on PostgreSQL.

Covers: UTC timestamps round-trip (SQLite drops the zone), naive ones refused; a group is
created once per conversation, even when many turns race, and follows a moved service URL;
action item numbers are unique and gapless per group under concurrent adds; the activity
journal lets exactly one of many racing handlers through.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.domain.model import ActionItemDraft, ConversationAddress, ConversationType, GroupDefaults
from storage.repositories import SqlActionItemRepository, SqlActivityJournal, SqlGroupRepository
from storage.tables import ActionItemRow

DEFAULTS = GroupDefaults(language="sv", timezone="Europe/Stockholm")
NOW = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # the night Sweden moves to summer time


def address(
    key: str = "19:channel@thread.tacv2", service_url: str = "https://a/"
) -> ConversationAddress:
    return ConversationAddress(
        key=key,
        conversation_type=ConversationType.CHANNEL,
        tenant_id="tenant",
        team_id="19:team@thread.tacv2",
        channel_id=key,
        name="RAG nuklearmedicin",
        reference={"serviceUrl": service_url, "conversation": {"id": key}},
    )


async def test_timestamps_come_back_aware_and_in_utc(database):
    groups = SqlGroupRepository(database)
    group, _ = await groups.remember(address(), DEFAULTS, NOW)
    items = SqlActionItemRepository(database)
    stockholm = timezone(timedelta(hours=2))
    due = datetime(2026, 3, 30, 13, 0, tzinfo=stockholm)

    await items.add(group.id, ActionItemDraft("Boka lokal", created_by="Edyta", due_at=due), NOW)

    [item] = await items.list_open(group.id)
    assert item.due_at == due
    assert item.due_at.tzinfo == UTC
    assert item.due_at.hour == 11
    assert item.created_at == NOW


async def test_a_naive_timestamp_is_refused_and_nothing_is_stored(database):
    groups = SqlGroupRepository(database)
    group, _ = await groups.remember(address(), DEFAULTS, NOW)
    items = SqlActionItemRepository(database)
    naive = ActionItemDraft("x", created_by="Edyta", due_at=datetime(2026, 4, 1, 12, 0))

    with pytest.raises(Exception, match="naive datetime"):
        await items.add(group.id, naive, NOW)

    assert await items.list_open(group.id) == []


async def test_a_group_is_created_once_and_follows_its_address(database):
    groups = SqlGroupRepository(database)

    first, created = await groups.remember(address(), DEFAULTS, NOW)
    same, created_again = await groups.remember(address(), DEFAULTS, NOW)
    moved, _ = await groups.remember(address(service_url="https://b/"), DEFAULTS, NOW)

    assert (created, created_again) == (True, False)
    assert same == first
    assert moved.id == first.id
    assert moved.reference["serviceUrl"] == "https://b/"
    assert await groups.get(first.id) == moved
    assert await groups.get_by_key("19:other@thread.tacv2") is None


async def test_racing_turns_in_a_new_conversation_make_one_group(database):
    groups = SqlGroupRepository(database)

    results = await asyncio.gather(*(groups.remember(address(), DEFAULTS, NOW) for _ in range(12)))

    assert len({group.id for group, _ in results}) == 1
    assert sum(created for _, created in results) == 1


async def test_action_item_numbers_are_unique_per_group_under_concurrency(database):
    groups = SqlGroupRepository(database)
    rag, _ = await groups.remember(address("19:rag@thread.tacv2"), DEFAULTS, NOW)
    other, _ = await groups.remember(address("19:other@thread.tacv2"), DEFAULTS, NOW)
    items = SqlActionItemRepository(database)

    added = await asyncio.gather(
        *(
            items.add(group.id, ActionItemDraft(f"punkt {n}", created_by="Edyta"), NOW)
            for n in range(25)
            for group in (rag, other)
        )
    )

    for group in (rag, other):
        numbers = sorted(item.number for item in added if item.group_id == group.id)
        assert numbers == list(range(1, 26))
        assert [item.number for item in await items.list_open(group.id)] == numbers
    async with database.reading() as session:
        stored = (await session.execute(select(ActionItemRow.number))).scalars().all()
    assert len(stored) == 50


async def test_the_journal_lets_one_of_many_racing_handlers_through(database):
    journal = SqlActivityJournal(database)

    results = await asyncio.gather(*(journal.first_seen("a" * 64, NOW) for _ in range(10)))
    await journal.forget("a" * 64)
    after_forget = await journal.first_seen("a" * 64, NOW)

    assert results.count(True) == 1
    assert after_forget is True


async def test_the_journal_forgets_old_activities_only(database, clock):
    journal = SqlActivityJournal(database)
    await journal.first_seen("old", NOW - timedelta(days=3))
    await journal.first_seen("new", NOW)

    assert await journal.prune(NOW - timedelta(days=1)) == 1

    assert await journal.first_seen("old", NOW) is True
    assert await journal.first_seen("new", NOW) is False
