"""Storage on real databases, each test on SQLite and on PostgreSQL.

Covers: UTC timestamps round-trip (SQLite drops the zone), also as written outside
SQLAlchemy, naive ones refused (in an item and in a queued post); a group is
created once per conversation, even when many turns race, and follows a moved service URL;
action item numbers are unique and gapless per group under concurrent adds; the activity
journal lets exactly one of many racing handlers through and forgets old ids; a newer status
report supersedes the current one (kept), racing reports leave one current, reports belong
to their meeting; upcoming meetings; an item closed once when several press Klar, updated
field by field; the group a member last wrote in; regions; a tick queues each due post once,
as planned.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select, text, update

from bot.domain.model import (
    ActionItemDraft,
    Actor,
    ConversationAddress,
    ConversationType,
    GroupDefaults,
)
from bot.domain.posts import due_posts, planning_needs
from bot.domain.schedule import LeadTimes, PlannedPost
from storage.db import Database, create_engine
from storage.outbox import SqlOutbox
from storage.repositories import SqlActivityJournal
from storage.tables import ActionItemRow, GroupRow, MeetingRow, OutboxRow, StatusReportRow
from tests.support.each import Each
from tests.support.seed import seed_groups

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
    groups = Each(database).groups
    group, _ = await groups.remember(address(), DEFAULTS, NOW)
    items = Each(database).items
    stockholm = timezone(timedelta(hours=2))
    due = datetime(2026, 3, 30, 13, 0, tzinfo=stockholm)

    await items.add(group.id, ActionItemDraft("Boka lokal", created_by="Edyta", due_at=due), NOW)

    [item] = await items.list_open(group.id)
    assert item.due_at == due
    assert item.due_at.tzinfo == UTC
    assert item.due_at.hour == 11
    assert item.created_at == NOW


async def test_a_timestamp_written_outside_sqlalchemy_comes_back_in_utc(database):
    # A migration's copy or CURRENT_TIMESTAMP writes SQLite's text without microseconds.
    groups = Each(database).groups
    group, _ = await groups.remember(address(), DEFAULTS, NOW)
    items = Each(database).items
    await items.add(group.id, ActionItemDraft("Boka lokal", created_by="Edyta"), NOW)
    plain = "2026-03-30 11:00:00" + ("+00" if database.engine.dialect.name == "postgresql" else "")
    for written in (plain, "2026-03-30 13:00:00+02:00"):
        async with database.writing() as session:
            await session.execute(text(f"UPDATE action_items SET due_at = '{written}'"))

        [item] = await items.list_open(group.id)
        assert item.due_at == datetime(2026, 3, 30, 11, 0, tzinfo=UTC)
        assert item.due_at.tzinfo == UTC


async def test_a_naive_timestamp_is_refused_and_nothing_is_stored(database):
    groups = Each(database).groups
    group, _ = await groups.remember(address(), DEFAULTS, NOW)
    items = Each(database).items
    naive = ActionItemDraft("x", created_by="Edyta", due_at=datetime(2026, 4, 1, 12, 0))

    queued = PlannedPost("agenda:9", "agenda", group.id, None, naive.due_at, NOW, {})

    with pytest.raises(Exception, match="naive datetime"):
        await items.add(group.id, naive, NOW)
    with pytest.raises(Exception, match="naive datetime"):
        await SqlOutbox(database).enqueue([queued], NOW)

    assert await items.list_open(group.id) == []
    async with database.reading() as session:
        assert (await session.execute(select(OutboxRow.id))).all() == []


async def test_a_group_is_created_once_and_follows_its_address(database):
    groups = Each(database).groups

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
    groups = Each(database).groups

    results = await asyncio.gather(*(groups.remember(address(), DEFAULTS, NOW) for _ in range(12)))

    assert len({group.id for group, _ in results}) == 1
    assert sum(created for _, created in results) == 1


async def test_action_item_numbers_are_unique_per_group_under_concurrency(database):
    groups = Each(database).groups
    rag, _ = await groups.remember(address("19:rag@thread.tacv2"), DEFAULTS, NOW)
    other, _ = await groups.remember(address("19:other@thread.tacv2"), DEFAULTS, NOW)
    items = Each(database).items

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

    results = await asyncio.gather(*(journal.claim("a" * 64, NOW) for _ in range(10)))
    await journal.forget("a" * 64)
    after_forget = await journal.claim("a" * 64, NOW)

    assert results.count(True) == 1
    assert after_forget is True


async def test_the_journal_forgets_old_activities_only(database, clock):
    journal = SqlActivityJournal(database)
    await journal.claim("old", NOW - timedelta(days=3))
    await journal.claim("new", NOW)

    assert await journal.prune(NOW - timedelta(days=1)) == 1

    assert await journal.claim("old", NOW) is True
    assert await journal.claim("new", NOW) is False


async def test_a_claim_left_by_a_crashed_process_is_taken_over_after_its_lease(database):
    """A process killed mid-turn never completes its claim: Teams' resend must be handled
    then, but not while the first process may still be working on it, and never twice."""
    journal = SqlActivityJournal(database)
    await journal.claim("crashed", NOW)
    await journal.claim("handled", NOW)
    await journal.done("handled", NOW + timedelta(seconds=1))

    within_lease = await journal.claim("crashed", NOW + timedelta(seconds=10))
    after_lease = NOW + timedelta(seconds=25)
    racing = await asyncio.gather(*(journal.claim("crashed", after_lease) for _ in range(6)))
    handled_resend = await journal.claim("handled", NOW + timedelta(minutes=5))

    assert within_lease is False
    assert racing.count(True) == 1
    assert handled_resend is False


async def test_a_newer_report_supersedes_the_current_one_and_keeps_it(database):
    group, _ = await Each(database).groups.remember(address(), DEFAULTS, NOW)
    reports = Each(database).reports
    edyta, sara = Actor("e", "Edyta"), Actor("s", "Sara")

    first, replaced_nothing = await reports.add(group.id, None, "Kalmar", "Först", edyta, NOW)
    later = NOW + timedelta(hours=1)
    second, replaced = await reports.add(group.id, None, "Kalmar", "Sedan", sara, later)
    await reports.add(group.id, None, "Linköping", "Annat", edyta, later)

    assert replaced_nothing is None
    assert replaced is not None and (replaced.id, replaced.text) == (first.id, "Först")
    current = await reports.current(group.id, None)
    assert [(r.region, r.text, r.author_name) for r in current] == [
        ("Kalmar", "Sedan", "Sara"),
        ("Linköping", "Annat", "Edyta"),
    ]
    async with database.reading() as session:
        rows = (
            await session.execute(select(StatusReportRow).order_by(StatusReportRow.id))
        ).scalars()
        assert [(r.text, r.superseded_at) for r in rows] == [
            ("Först", later),
            ("Sedan", None),
            ("Annat", None),
        ]


async def test_racing_reports_for_one_region_leave_exactly_one_current(database):
    group, _ = await Each(database).groups.remember(address(), DEFAULTS, NOW)
    reports = Each(database).reports

    await asyncio.gather(
        *(
            reports.add(group.id, None, "Kalmar", f"Rapport {n}", Actor(str(n), "X"), NOW)
            for n in range(12)
        )
    )

    assert len(await reports.current(group.id, None)) == 1


async def test_reports_belong_to_their_meeting(database):
    group, _ = await Each(database).groups.remember(address(), DEFAULTS, NOW)
    [meeting] = await Each(database).meetings.add_many(
        group.id, [(NOW + timedelta(days=1), NOW + timedelta(days=1, hours=1), "Teams")], NOW
    )
    reports = Each(database).reports

    await reports.add(group.id, meeting.id, "Kalmar", "Till mötet", Actor("e", "E"), NOW)
    await reports.add(group.id, None, "Kalmar", "Utan möte", Actor("e", "E"), NOW)

    assert [r.text for r in await reports.current(group.id, meeting.id)] == ["Till mötet"]
    assert [r.text for r in await reports.current(group.id, None)] == ["Utan möte"]


async def plan(meetings, group_id, starts, ends, place):
    [meeting] = await meetings.add_many(group_id, [(starts, ends, place)], NOW)
    return meeting


async def test_upcoming_meetings_leave_out_ended_and_cancelled_ones(database):
    group, _ = await Each(database).groups.remember(address(), DEFAULTS, NOW)
    meetings = Each(database).meetings
    hour = timedelta(hours=1)
    await plan(meetings, group.id, NOW - 3 * hour, NOW - 2 * hour, "Teams")  # ended
    ongoing = await plan(meetings, group.id, NOW - hour, NOW + hour, "Teams")
    later = await plan(meetings, group.id, NOW + 48 * hour, NOW + 49 * hour, None)
    cancelled = await plan(meetings, group.id, NOW + 24 * hour, NOW + 25 * hour, "Teams")
    async with database.writing() as session:
        await session.execute(
            update(MeetingRow).where(MeetingRow.id == cancelled.id).values(status="cancelled")
        )

    assert [m.id for m in await meetings.upcoming(group.id, NOW)] == [ongoing.id, later.id]


async def test_an_item_is_closed_once_even_when_two_press_klar(database):
    group, _ = await Each(database).groups.remember(address(), DEFAULTS, NOW)
    items = Each(database).items
    await items.add(group.id, ActionItemDraft("Boka lokal", created_by="Edyta"), NOW)

    results = await asyncio.gather(
        *(items.close(group.id, 1, who, NOW) for who in ("Edyta", "Mats", "Sara"))
    )
    unknown = await items.close(group.id, 99, "Edyta", NOW)

    assert sum(closed_now for _, closed_now in results) == 1
    closers = {item.closed_by for item, _ in results}
    assert len(closers) == 1 and closers <= {"Edyta", "Mats", "Sara"}
    assert unknown == (None, False)
    assert await items.list_open(group.id) == []
    assert [i.number for i in await items.list_all(group.id)] == [1]


async def test_an_item_update_changes_only_what_is_named(database):
    group, _ = await Each(database).groups.remember(address(), DEFAULTS, NOW)
    items = Each(database).items
    await items.add(group.id, ActionItemDraft("Boka lokal", created_by="Edyta"), NOW)
    due = NOW + timedelta(days=3)

    updated = await items.update(group.id, 1, NOW, owner_name="Sara", due_at=due)

    assert (updated.text, updated.owner_name, updated.due_at) == ("Boka lokal", "Sara", due)
    assert await items.get(group.id, 1) == updated
    assert await items.update(group.id, 2, NOW, text="x") is None
    with pytest.raises(ValueError, match="cannot change"):
        await items.update(group.id, 1, NOW, closed_by="Mats")


async def test_a_member_belongs_to_the_group_last_written_in(database):
    groups = Each(database).groups
    members = Each(database).members
    rag, _ = await groups.remember(address("19:rag@thread.tacv2"), DEFAULTS, NOW)
    other, _ = await groups.remember(address("19:other@thread.tacv2"), DEFAULTS, NOW)
    edyta = Actor("aad-edyta", "Edyta Johansson")

    assert await members.latest_group_of(edyta.id) is None
    await members.seen(rag.id, edyta, NOW)
    await members.seen(other.id, edyta, NOW + timedelta(hours=2))
    assert await members.latest_group_of(edyta.id) == other.id
    await members.seen(rag.id, edyta, NOW + timedelta(hours=4))
    assert await members.latest_group_of(edyta.id) == rag.id


async def test_regions_are_stored_in_order(database):
    groups = Each(database).groups
    group, _ = await groups.remember(address(), DEFAULTS, NOW)

    updated = await groups.set_regions(group.id, ["Linköping", "Jönköping", "Kalmar"], NOW)

    assert updated.regions == ("Linköping", "Jönköping", "Kalmar")
    assert (await groups.get(group.id)).regions == updated.regions


async def test_a_tick_queues_each_due_post_once_as_planned(database):
    """What the outbox stores (on PostgreSQL one statement of arrays for all new posts) is
    each post as planned, a missed one as dropped; the next tick queues nothing again."""
    group, _ = await Each(database).groups.remember(address(), DEFAULTS, NOW)
    now = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)  # Friday 09:30 in Stockholm
    tuesday = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # its agenda is due at 09:00 today
    started = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)  # its posts were all missed
    meetings = [(start, start + timedelta(hours=1), "Teams") for start in (tuesday, started)]
    await Each(database).meetings.add_many(group.id, meetings, NOW)
    outbox, leads = SqlOutbox(database), LeadTimes(timedelta(days=2), (timedelta(days=1),))

    def tick():
        return outbox.enqueue_due(
            now, lambda plans: due_posts(plans, now, leads), planning_needs(leads)
        )

    queued, dropped = await tick()
    again = await tick()
    async with database.reading() as session:
        rows = (
            (await session.execute(select(OutboxRow).order_by(OutboxRow.dedupe_key)))
            .scalars()
            .all()
        )

    assert [post.key for post in queued] == ["agenda:1"]
    assert sorted(post.key for post in dropped) == [
        "agenda:2",
        "reminder:2:20261120T0800Z:20261119T0800Z",
    ]
    assert again == ([], [])
    assert [(row.dedupe_key, row.status) for row in rows] == [
        ("agenda:1", "pending"),
        ("agenda:2", "dropped"),
        ("reminder:2:20261120T0800Z:20261119T0800Z", "dropped"),
    ]
    agenda = rows[0]
    assert (agenda.group_id, agenda.kind, agenda.meeting_id) == (group.id, "agenda", 1)
    assert agenda.payload == {"starts_at": "2026-11-24T12:00:00+00:00"}
    assert agenda.due_at == agenda.next_attempt_at == datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    assert agenda.expires_at == tuesday
    assert (agenda.revision, agenda.attempts, agenda.created_at) == (0, 0, now)


async def test_a_turn_writes_between_the_transactions_of_a_tick_queuing_many_posts(sqlite_url):
    """SQLite has one write lock and runs its calls on the event loop: a tick queuing posts
    for many groups lets a turn's write in between its transactions, not only at its end."""
    database = Database(create_engine(sqlite_url))
    now = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)  # Friday 09:30 in Stockholm
    tuesday = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # their agendas are due
    groups = 120
    await seed_groups(
        database, groups, service_url="https://a/", meeting_at=tuesday, planned_at=NOW
    )
    outbox, leads = SqlOutbox(database), LeadTimes(timedelta(days=2), (timedelta(days=1),))
    queued_when_the_turn_wrote: list[int] = []
    ticking = True

    async def turn() -> None:
        while ticking:
            async with database.writing() as session:
                queued = select(func.count()).select_from(OutboxRow)
                queued_when_the_turn_wrote.append(await session.scalar(queued))
                await session.execute(
                    update(GroupRow)
                    .where(GroupRow.id == 1)
                    .values(action_item_seq=GroupRow.action_item_seq + 1)
                )
            await asyncio.sleep(0)

    turns = asyncio.create_task(turn())
    await asyncio.sleep(0)
    try:
        queued, _ = await outbox.enqueue_due(
            now, lambda plans: due_posts(plans, now, leads), planning_needs(leads)
        )
    finally:
        ticking = False
        await turns
        await database.engine.dispose()

    assert len(queued) == groups
    assert any(0 < count < groups for count in queued_when_the_turn_wrote)
