"""The storage ports' contract, one set of tests run against three back-ends: the in-memory
fakes (``tests/support/fakes.py``), and the SQL repositories on SQLite and on PostgreSQL
(``storage.unit_of_work.SqlTransactions``). Use-case tests run on the fakes; this suite is
what makes that trustworthy.

Covered, per repository:

- groups: ``remember`` creates a group with the defaults, or refreshes its reference and
  reactivates it; ``in_tenant`` lists a tenant's active groups but 1:1 chats, newest first;
  regions with their other names, who reports for a region (one each, None
  removes), lead times (None: the defaults); the calendar token is stored
  only if the group has none, and finds the group.
- members: ``seen`` stores the time and refreshes name and Teams id; ``get``; ``latest_group_of`` is
  the active, non-personal group the user spoke in last.
- roles: holders (chair before secretary), one chair and one secretary at a time (the one
  before becomes a member), a role for someone never seen creates them, a person is matched
  by either id; ``member_named`` by full or first name, case and accents aside, the member
  seen last first.
- audit log: newest first (the later written first at equal times), limited, per group.
- meetings: ``add_many`` soonest first, ``get`` within the group only, ``upcoming`` without
  cancelled or finished meetings and the ongoing one first, ``move``, ``cancel``; both only
  persist (what is filed under a meeting moves by ``move_to`` alone).
- status reports: a new report supersedes the region's current one for that meeting (kept,
  and returned); ``current`` per meeting (None: the unscheduled one); ``move_to`` with
  ``except_regions``, superseded reports included.
- action items: numbered per group, numbers never reused; open and all lists; ``close`` once;
  ``update`` of the allowed fields only; ``delete`` returns the item as it was.
- decisions and agenda points: ``add``, ``for_meeting`` (in the order added), ``move_to``
  per group.
- meetings ``started``: the scheduled meetings begun by now, the latest first, limited.
- attendance: the roster is the members seen and the names added, each once (accents and
  case aside), alphabetical, per group; a later mark for a name replaces the earlier one
  (first-marked order kept), per meeting.
- notes: per meeting, oldest first.
- standing topics: oldest first, open and closed; ``close`` stamps an open topic of the group
  once. Seminars: upcoming (not over) soonest first, per group; ``remove`` gives what it
  removed, None for another group's or a removed one.
- meeting events: the minutes-draft delay (None: never, whole minutes) and the start post
  are stored per group; ``by_teams_id`` finds the member seen last with that Teams id, per
  group; ``record_held`` stores the actual start and end given and leaves the other; a Teams
  meeting's link is found by its id and a new link replaces the old; a meeting chat's link
  to a group likewise.
- minutes versions: numbered per meeting from 1; ``approve`` stamps once (a second approval
  and an unknown version give None, the first stamp stays); found by their token.
- minutes archive: ``of_group`` lists every version of the group (by meeting, then number),
  ``new_token`` changes only the secret (the old one finds nothing); the archive keeps the
  first PDF/A stored for a version (a second ``add`` returns the first, bytes unchanged).
- the activity journal's claim in a unit of work: one claim per key; the claim is kept only
  if the unit commits; one left incomplete for the lease is taken over, one a unit's commit
  completed for the running turn (``HANDLING``) never is.
- the unit of work: nothing is stored without ``commit`` (a block left or raising); every
  change is read back inside the unit right after it is made, and other units see it only
  once committed (a reader does not wait for the writer); an audit line is stored with the
  change (stamped at commit) and rolled back with it; a ``reading()`` unit cannot commit;
  what a use case says (``agenda_changed``, ``posts_replanned``) is accepted and committed
  with the rest.

What ``agenda_changed`` and ``posts_replanned`` do to the outbox is SQL-specific and tested
with the SQL side; what the fakes record of them is in ``tests/test_fakes.py``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import timedelta

import pytest
from sqlalchemy import update

from bot.domain.model import (
    ActionItemDraft,
    Actor,
    AuditNote,
    ConversationAddress,
    ConversationType,
    Group,
    GroupDefaults,
    Meeting,
    MeetingStatus,
    Member,
    MinutesArchive,
    Person,
    Role,
    RoleHolder,
    Section,
    TeamsMeetingLink,
)
from bot.domain.ports import CLAIM_LEASE, HANDLING, Handling, Transactions
from storage.db import Database, create_engine
from storage.tables import GroupRow
from tests.support.clock import FakeClock
from tests.support.fakes import FakeTransactions

DEFAULTS = GroupDefaults(language="sv", timezone="Europe/Stockholm")
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
MINUTE = timedelta(minutes=1)
SECOND = timedelta(seconds=1)

SARA = Actor("aad-sara", "Sara Axelsson", teams_id="29:sara")
EDYTA = Actor("aad-edyta", "Edyta Johansson", teams_id="29:edyta")
ASA = Actor("aad-asa", "Åsa Öberg", teams_id="29:asa")


@dataclass
class Backend:
    transactions: Transactions
    # Marks a group inactive the way the back-end does when the bot is removed from it.
    deactivate: Callable[[int], Awaitable[None]]


@pytest.fixture(params=["fake", "sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend_url(request: pytest.FixtureRequest) -> str | None:
    """None for the fakes, else a freshly migrated database's URL."""
    if request.param == "fake":
        return None
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
async def backend(backend_url: str | None, clock: FakeClock) -> AsyncIterator[Backend]:
    if backend_url is None:
        fake = FakeTransactions(clock)

        async def deactivate_fake(group_id: int) -> None:
            fake.deactivate(group_id)

        yield Backend(fake, deactivate_fake)
        return
    # Imported here so the suite runs on the fakes before the SQL unit of work exists.
    from storage.unit_of_work import SqlTransactions

    engine = create_engine(backend_url)
    database = Database(engine)

    async def deactivate_row(group_id: int) -> None:
        async with database.writing() as session:
            await session.execute(
                update(GroupRow).where(GroupRow.id == group_id).values(active=False)
            )

    yield Backend(SqlTransactions(database, clock), deactivate_row)
    await engine.dispose()


@pytest.fixture
def tx(backend: Backend) -> Transactions:
    return backend.transactions


def address(
    key: str = "19:general@thread.tacv2",
    kind: ConversationType = ConversationType.CHANNEL,
    service_url: str = "https://smba.trafficmanager.net/emea/",
) -> ConversationAddress:
    return ConversationAddress(
        key=key,
        conversation_type=kind,
        tenant_id="tenant-1",
        team_id="team-1" if kind is ConversationType.CHANNEL else None,
        channel_id=key if kind is ConversationType.CHANNEL else None,
        name="RAG Väst",
        reference={"serviceUrl": service_url, "conversation": {"id": key}},
    )


async def new_group(
    tx: Transactions,
    clock: FakeClock,
    key: str = "19:general@thread.tacv2",
    kind: ConversationType = ConversationType.CHANNEL,
) -> Group:
    async with tx.writing() as uow:
        group, _ = await uow.groups.remember(address(key, kind), DEFAULTS, clock.now())
        await uow.commit()
    return group


async def new_meetings(
    tx: Transactions, clock: FakeClock, group: Group, *starts: timedelta
) -> list[Meeting]:
    """Two-hour meetings starting at these offsets from now, soonest first."""
    now = clock.now()
    async with tx.writing() as uow:
        meetings = await uow.meetings.add_many(
            group.id, [(now + start, now + start + 2 * HOUR, None) for start in starts], now
        )
        await uow.commit()
    return meetings


# Groups


async def test_remember_creates_a_group_with_the_defaults(tx, clock):
    async with tx.writing() as uow:
        group, created = await uow.groups.remember(address(), DEFAULTS, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        assert await uow.groups.get(group.id) == group
        assert await uow.groups.get_by_key(address().key) == group
        assert await uow.groups.get(group.id + 1000) is None
        assert await uow.groups.get_by_key("19:unknown@thread.tacv2") is None
    assert created
    assert (group.key, group.conversation_type, group.name) == (
        address().key,
        ConversationType.CHANNEL,
        "RAG Väst",
    )
    assert (group.tenant_id, group.team_id, group.channel_id) == (
        "tenant-1",
        "team-1",
        address().key,
    )
    assert (group.language, group.timezone, group.regions) == ("sv", "Europe/Stockholm", ())
    assert (group.reference, group.active, group.created_at) == (
        address().reference,
        True,
        clock.now(),
    )
    assert (group.agenda_lead, group.reminder_leads, group.calendar_token) == (None, None, None)
    assert group.overdue_posts is True


async def test_language_time_zone_and_the_overdue_post_are_stored(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        await uow.groups.set_language(group.id, "nb", clock.now())
        await uow.groups.set_timezone(group.id, "Europe/Oslo", clock.now())
        await uow.groups.set_overdue_posts(group.id, False, clock.now())
        await uow.commit()
    async with tx.reading() as uow:
        stored = await uow.groups.get(group.id)

    assert (stored.language, stored.timezone, stored.overdue_posts) == ("nb", "Europe/Oslo", False)


async def test_remember_again_refreshes_the_reference_and_reactivates(tx, clock, backend):
    group = await new_group(tx, clock)
    await backend.deactivate(group.id)
    moved = address(service_url="https://smba.trafficmanager.net/amer/")
    clock.advance(DAY)

    async with tx.writing() as uow:
        again, created = await uow.groups.remember(moved, DEFAULTS, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        stored = await uow.groups.get(group.id)
    assert not created
    assert again == stored
    assert (stored.id, stored.reference, stored.active) == (group.id, moved.reference, True)
    assert stored.created_at == group.created_at


async def test_remember_of_a_known_group_changes_nothing_else(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        await uow.groups.set_regions(group.id, ["Väst"], clock.now())
        await uow.commit()

    async with tx.writing() as uow:
        again, created = await uow.groups.remember(address(), DEFAULTS, clock.now())
        await uow.commit()

    assert not created
    assert (again.id, again.regions) == (group.id, ("Väst",))


async def test_set_regions_stores_them_in_order(tx, clock):
    group = await new_group(tx, clock)

    async with tx.writing() as uow:
        changed = await uow.groups.set_regions(group.id, ["Väst", "Öst", "Norr"], clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        stored = await uow.groups.get(group.id)
    assert changed.regions == stored.regions == ("Väst", "Öst", "Norr")


async def test_set_regions_stores_their_other_names_and_replaces_them(tx, clock):
    group = await new_group(tx, clock)
    aliases = {"Väst": ["Region Väst", "SU"], "Öst": []}

    async with tx.writing() as uow:
        changed = await uow.groups.set_regions(group.id, ["Väst", "Öst"], clock.now(), aliases)
        await uow.commit()
    async with tx.reading() as uow:
        stored = await uow.groups.get(group.id)
    async with tx.writing() as uow:
        cleared = await uow.groups.set_regions(group.id, ["Väst"], clock.now())
        await uow.commit()

    assert (
        changed.region_aliases
        == stored.region_aliases
        == {"Väst": ("Region Väst", "SU"), "Öst": ()}
    )
    assert (cleared.regions, cleared.region_aliases) == (("Väst",), {})


async def test_set_reporter_stores_one_per_region_and_none_removes_it(tx, clock):
    group = await new_group(tx, clock)
    sara = Person("29:sara", "Sara Axelsson")
    asa = Person("29:asa", "Åsa Öberg")

    async with tx.writing() as uow:
        await uow.groups.set_reporter(group.id, "Kalmar", sara, clock.now())
        await uow.groups.set_reporter(group.id, "Linköping", asa, clock.now())
        replaced = await uow.groups.set_reporter(group.id, "Kalmar", asa, clock.now())
        await uow.commit()
    async with tx.reading() as uow:
        stored = await uow.groups.get(group.id)
    async with tx.writing() as uow:
        removed = await uow.groups.set_reporter(group.id, "Kalmar", None, clock.now())
        await uow.commit()

    assert replaced.reporters == stored.reporters == {"Kalmar": asa, "Linköping": asa}
    assert removed.reporters == {"Linköping": asa}
    assert group.reporters == {} and group.region_aliases == {}


async def test_in_tenant_lists_the_active_shared_groups_newest_first(tx, clock, backend):
    west = await new_group(tx, clock, "19:west@thread.tacv2")
    chat = await new_group(tx, clock, "19:chat@thread.v2", ConversationType.GROUP_CHAT)
    await new_group(tx, clock, "a:personal-sara", ConversationType.PERSONAL)
    east = await new_group(tx, clock, "19:east@thread.tacv2")
    async with tx.writing() as uow:
        other, _ = await uow.groups.remember(
            replace(address("19:other@thread.tacv2"), tenant_id="tenant-2"), DEFAULTS, clock.now()
        )
        await uow.commit()
    await backend.deactivate(east.id)

    async with tx.reading() as uow:
        listed = await uow.groups.in_tenant("tenant-1")
        elsewhere = await uow.groups.in_tenant("tenant-2")
        nowhere = await uow.groups.in_tenant("tenant-3")

    assert [group.id for group in listed] == [chat.id, west.id]
    assert ([group.id for group in elsewhere], nowhere) == ([other.id], [])


async def test_set_lead_times_stores_them_and_none_means_the_defaults(tx, clock):
    group = await new_group(tx, clock)

    async with tx.writing() as uow:
        changed = await uow.groups.set_lead_times(group.id, 3 * DAY, (DAY, 2 * HOUR), clock.now())
        await uow.commit()
    async with tx.reading() as uow:
        stored = await uow.groups.get(group.id)
    async with tx.writing() as uow:
        reset = await uow.groups.set_lead_times(group.id, None, None, clock.now())
        await uow.commit()
    async with tx.reading() as uow:
        stored_reset = await uow.groups.get(group.id)

    assert (changed.agenda_lead, changed.reminder_leads) == (3 * DAY, (DAY, 2 * HOUR))
    assert (stored.agenda_lead, stored.reminder_leads) == (3 * DAY, (DAY, 2 * HOUR))
    assert (reset.agenda_lead, reset.reminder_leads) == (None, None)
    assert (stored_reset.agenda_lead, stored_reset.reminder_leads) == (None, None)


async def test_the_calendar_token_is_stored_only_if_the_group_has_none(tx, clock):
    group = await new_group(tx, clock)

    async with tx.writing() as uow:
        first = await uow.groups.calendar_token(group.id, "token-one")
        await uow.commit()
    async with tx.writing() as uow:
        second = await uow.groups.calendar_token(group.id, "token-two")
        await uow.commit()

    async with tx.reading() as uow:
        found = await uow.groups.by_calendar_token("token-one")
        assert await uow.groups.by_calendar_token("token-two") is None
    assert first == second == "token-one"
    assert (found.id, found.calendar_token) == (group.id, "token-one")


# Members


async def test_seen_stores_the_member_and_refreshes_name_and_teams_id(tx, clock):
    group = await new_group(tx, clock)
    first_seen = clock.now()
    async with tx.writing() as uow:
        await uow.members.seen(group.id, SARA, first_seen)
        await uow.commit()
    async with tx.reading() as uow:
        before = await uow.members.get(group.id, SARA.id)

    clock.advance(2 * HOUR)
    renamed = Actor(SARA.id, "Sara Axelsson Berg", teams_id="29:sara-new")
    async with tx.writing() as uow:
        await uow.members.seen(group.id, renamed, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        after = await uow.members.get(group.id, SARA.id)
        assert await uow.members.get(group.id, EDYTA.id) is None
    assert before == Member(SARA.id, SARA.name, SARA.teams_id, first_seen)
    assert after == Member(SARA.id, "Sara Axelsson Berg", "29:sara-new", clock.now())


async def test_seen_moves_last_seen_however_recent_the_last_time(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        await uow.members.seen(group.id, SARA, clock.now())
        await uow.commit()
    clock.advance(timedelta(minutes=1))

    async with tx.writing() as uow:
        await uow.members.seen(group.id, SARA, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        member = await uow.members.get(group.id, SARA.id)
    assert member.last_seen_at == clock.now()


async def test_members_are_per_group(tx, clock):
    west = await new_group(tx, clock, "19:west@thread.tacv2")
    east = await new_group(tx, clock, "19:east@thread.tacv2")
    async with tx.writing() as uow:
        await uow.members.seen(west.id, SARA, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        assert await uow.members.get(west.id, SARA.id) is not None
        assert await uow.members.get(east.id, SARA.id) is None


async def test_latest_group_of_is_the_group_the_user_spoke_in_last(tx, clock):
    west = await new_group(tx, clock, "19:west@thread.tacv2")
    east = await new_group(tx, clock, "19:east@thread.tacv2")
    chat = await new_group(tx, clock, "19:chat@thread.v2", ConversationType.GROUP_CHAT)
    found = []
    for group in (west, east, chat, west):
        clock.advance(2 * HOUR)
        async with tx.writing() as uow:
            await uow.members.seen(group.id, SARA, clock.now())
            await uow.commit()
        async with tx.reading() as uow:
            found.append(await uow.members.latest_group_of(SARA.id))

    async with tx.reading() as uow:
        assert await uow.members.latest_group_of(EDYTA.id) is None
    assert found == [west.id, east.id, chat.id, west.id]


async def test_latest_group_of_ignores_personal_chats_and_inactive_groups(tx, clock, backend):
    west = await new_group(tx, clock, "19:west@thread.tacv2")
    east = await new_group(tx, clock, "19:east@thread.tacv2")
    personal = await new_group(tx, clock, "a:personal-sara", ConversationType.PERSONAL)
    for group in (west, east, personal):
        clock.advance(2 * HOUR)
        async with tx.writing() as uow:
            await uow.members.seen(group.id, SARA, clock.now())
            await uow.commit()

    async with tx.reading() as uow:
        with_east = await uow.members.latest_group_of(SARA.id)
    await backend.deactivate(east.id)
    async with tx.reading() as uow:
        without_east = await uow.members.latest_group_of(SARA.id)
    await backend.deactivate(west.id)
    async with tx.reading() as uow:
        without_any = await uow.members.latest_group_of(SARA.id)

    assert (with_east, without_east, without_any) == (east.id, west.id, None)


# Roles


async def test_holders_are_the_chair_and_the_secretary_not_the_members(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        for person in (SARA, EDYTA, ASA):
            await uow.members.seen(group.id, person, clock.now())
        await uow.roles.set_role(group.id, EDYTA, Role.SECRETARY, clock.now())
        await uow.roles.set_role(group.id, SARA, Role.CHAIR, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        holders = await uow.roles.holders(group.id)
    assert holders == [
        RoleHolder(SARA.id, SARA.teams_id, SARA.name, Role.CHAIR),
        RoleHolder(EDYTA.id, EDYTA.teams_id, EDYTA.name, Role.SECRETARY),
    ]


async def test_a_new_chair_makes_the_one_before_a_member(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        for person in (SARA, EDYTA, ASA):
            await uow.members.seen(group.id, person, clock.now())
        await uow.roles.set_role(group.id, SARA, Role.CHAIR, clock.now())
        await uow.roles.set_role(group.id, ASA, Role.SECRETARY, clock.now())
        await uow.commit()

    async with tx.writing() as uow:
        await uow.roles.set_role(group.id, EDYTA, Role.CHAIR, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        holders = await uow.roles.holders(group.id)
    assert [(holder.user_id, holder.role) for holder in holders] == [
        (EDYTA.id, Role.CHAIR),
        (ASA.id, Role.SECRETARY),
    ]


async def test_the_member_role_takes_a_role_away(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        await uow.members.seen(group.id, SARA, clock.now())
        await uow.roles.set_role(group.id, SARA, Role.CHAIR, clock.now())
        await uow.commit()

    async with tx.writing() as uow:
        await uow.roles.set_role(group.id, SARA, Role.MEMBER, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        assert await uow.roles.holders(group.id) == []
        assert await uow.members.get(group.id, SARA.id) is not None


async def test_a_role_for_someone_never_seen_creates_their_member_row(tx, clock):
    group = await new_group(tx, clock)
    by_mention = Actor("29:edyta", "Edyta Johansson", teams_id="29:edyta")

    async with tx.writing() as uow:
        await uow.roles.set_role(group.id, by_mention, Role.SECRETARY, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        holders = await uow.roles.holders(group.id)
        member = await uow.members.get(group.id, "29:edyta")
        named = await uow.roles.member_named(group.id, "Edyta")
    assert holders == [RoleHolder("29:edyta", "29:edyta", "Edyta Johansson", Role.SECRETARY)]
    assert member == Member("29:edyta", "Edyta Johansson", "29:edyta", clock.now())
    assert named == by_mention


async def test_a_role_finds_the_member_by_their_teams_id(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        await uow.members.seen(group.id, SARA, clock.now())
        await uow.commit()

    by_mention = Actor("29:sara", "Sara Axelsson", teams_id="29:sara")
    async with tx.writing() as uow:
        await uow.roles.set_role(group.id, by_mention, Role.CHAIR, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        [holder] = await uow.roles.holders(group.id)
        assert await uow.members.get(group.id, "29:sara") is None
    assert holder == RoleHolder(SARA.id, SARA.teams_id, SARA.name, Role.CHAIR)
    assert holder.is_actor(SARA) and holder.is_actor(by_mention)


async def test_member_named_matches_full_or_first_name_accents_and_case_aside(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        await uow.members.seen(group.id, ASA, clock.now())
        await uow.members.seen(group.id, SARA, clock.now() + HOUR)
        await uow.commit()

    async with tx.reading() as uow:
        found = {
            name: await uow.roles.member_named(group.id, name)
            for name in ("Åsa Öberg", "asa oberg", "  ÅSA   öberg ", "åsa", "Asa", "sara")
        }
        assert await uow.roles.member_named(group.id, "Öberg") is None
        assert await uow.roles.member_named(group.id, "Åsa Ö") is None
        assert await uow.roles.member_named(group.id, "Edyta") is None
    assert found == {
        "Åsa Öberg": ASA,
        "asa oberg": ASA,
        "  ÅSA   öberg ": ASA,
        "åsa": ASA,
        "Asa": ASA,
        "sara": SARA,
    }


async def test_member_named_prefers_the_member_seen_last(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    anna_west = Actor("aad-anna-w", "Anna Westin", teams_id="29:anna-w")
    anna_lind = Actor("aad-anna-l", "Anna Lind", teams_id="29:anna-l")
    async with tx.writing() as uow:
        await uow.members.seen(group.id, anna_west, clock.now())
        await uow.members.seen(group.id, anna_lind, clock.now() + HOUR)
        await uow.members.seen(other.id, SARA, clock.now())
        await uow.commit()
    async with tx.reading() as uow:
        first = await uow.roles.member_named(group.id, "anna")
        assert await uow.roles.member_named(other.id, "anna") is None

    clock.advance(3 * HOUR)
    async with tx.writing() as uow:
        await uow.members.seen(group.id, anna_west, clock.now())
        await uow.commit()
    async with tx.reading() as uow:
        second = await uow.roles.member_named(group.id, "Anna")

    assert (first, second) == (anna_lind, anna_west)


# The audit log


async def test_the_audit_log_is_newest_first_limited_and_per_group(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    start = clock.now()
    async with tx.writing() as uow:
        await uow.audit_log.add(group.id, SARA, AuditNote.of("role", name="Edyta"), start)
        await uow.audit_log.add(
            group.id, EDYTA, AuditNote.of("delete", number=3, text="Boka ”lokal”"), start + HOUR
        )
        await uow.audit_log.add(group.id, SARA, AuditNote.of("regions"), start + 2 * HOUR)
        await uow.audit_log.add(other.id, SARA, AuditNote.of("regions"), start)
        await uow.commit()

    async with tx.reading() as uow:
        two = await uow.audit_log.latest(group.id, 2)
        everything = await uow.audit_log.latest(group.id, 10)
    assert [(entry.at, entry.actor_name, entry.action, entry.detail) for entry in two] == [
        (start + 2 * HOUR, SARA.name, "regions", {}),
        (start + HOUR, EDYTA.name, "delete", {"number": "3", "text": "Boka ”lokal”"}),
    ]
    assert [entry.action for entry in everything] == ["regions", "delete", "role"]


async def test_audit_lines_at_the_same_time_come_back_last_written_first(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        for action in ("first", "second", "third"):
            await uow.audit_log.add(group.id, SARA, AuditNote(action), clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        entries = await uow.audit_log.latest(group.id, 10)
    assert [entry.action for entry in entries] == ["third", "second", "first"]


# Meetings


async def test_add_many_stores_meetings_and_returns_them_soonest_first(tx, clock):
    group = await new_group(tx, clock)
    now = clock.now()
    later = (now + 14 * DAY, now + 14 * DAY + 2 * HOUR, "Göteborg")
    sooner = (now + 7 * DAY, now + 7 * DAY + 2 * HOUR, None)

    async with tx.writing() as uow:
        meetings = await uow.meetings.add_many(group.id, [later, sooner], now)
        none = await uow.meetings.add_many(group.id, [], now)
        await uow.commit()

    async with tx.reading() as uow:
        stored = [await uow.meetings.get(group.id, meeting.id) for meeting in meetings]
    assert none == []
    assert stored == meetings
    assert [(m.starts_at, m.ends_at, m.place) for m in meetings] == [sooner, later]
    assert {(m.group_id, m.status, m.updated_at) for m in meetings} == {
        (group.id, MeetingStatus.SCHEDULED, now)
    }
    assert not meetings[0].cancelled


async def test_a_meeting_is_found_only_in_its_own_group(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    [meeting] = await new_meetings(tx, clock, group, DAY)

    async with tx.reading() as uow:
        assert await uow.meetings.get(other.id, meeting.id) is None
        assert await uow.meetings.get(group.id, meeting.id + 1000) is None
        assert await uow.meetings.upcoming(other.id, clock.now()) == []


async def test_upcoming_leaves_out_cancelled_and_finished_meetings_ongoing_first(tx, clock):
    group = await new_group(tx, clock)
    finished, ongoing, cancelled, next_week = await new_meetings(
        tx, clock, group, -3 * HOUR, -HOUR, DAY, 7 * DAY
    )
    async with tx.writing() as uow:
        await uow.meetings.cancel(group.id, cancelled.id, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        upcoming = await uow.meetings.upcoming(group.id, clock.now())
        after_it = await uow.meetings.upcoming(group.id, clock.now() + 2 * HOUR)
    assert [meeting.id for meeting in upcoming] == [ongoing.id, next_week.id]
    assert [meeting.id for meeting in after_it] == [next_week.id]
    assert finished.id not in [meeting.id for meeting in upcoming]


async def test_move_changes_time_and_place(tx, clock):
    group = await new_group(tx, clock)
    [meeting] = await new_meetings(tx, clock, group, DAY)
    clock.advance(HOUR)
    starts_at = meeting.starts_at + 2 * DAY

    async with tx.writing() as uow:
        moved = await uow.meetings.move(
            group.id, meeting.id, starts_at, starts_at + 3 * HOUR, "Borås", clock.now()
        )
        await uow.commit()

    async with tx.reading() as uow:
        stored = await uow.meetings.get(group.id, meeting.id)
    assert moved == stored
    assert (stored.starts_at, stored.ends_at, stored.place, stored.updated_at) == (
        starts_at,
        starts_at + 3 * HOUR,
        "Borås",
        clock.now(),
    )
    assert stored.status is MeetingStatus.SCHEDULED
    assert stored.version != meeting.version


async def test_cancel_marks_the_meeting_cancelled(tx, clock):
    group = await new_group(tx, clock)
    [meeting] = await new_meetings(tx, clock, group, DAY)
    clock.advance(HOUR)

    async with tx.writing() as uow:
        cancelled = await uow.meetings.cancel(group.id, meeting.id, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        stored = await uow.meetings.get(group.id, meeting.id)
    assert cancelled == stored
    assert (stored.status, stored.cancelled, stored.updated_at) == (
        MeetingStatus.CANCELLED,
        True,
        clock.now(),
    )
    assert (stored.starts_at, stored.ends_at) == (meeting.starts_at, meeting.ends_at)


async def test_meetings_only_persist_what_is_filed_moves_by_move_to(tx, clock):
    """Scheduling or cancelling files nothing anew: use cases do that with ``move_to``."""
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        await uow.reports.add(group.id, None, "Väst", "Unfiled", SARA, clock.now())
        await uow.points.add(group.id, None, Section.OTHER, "Unfiled", SARA.name, clock.now())
        await uow.decisions.add(group.id, None, "Unfiled", SARA.name, clock.now())
        await uow.commit()
    first, second = await new_meetings(tx, clock, group, DAY, 7 * DAY)
    async with tx.writing() as uow:
        await uow.reports.add(group.id, first.id, "Öst", "For the first", SARA, clock.now())
        await uow.points.add(group.id, first.id, Section.OTHER, "First", SARA.name, clock.now())
        await uow.commit()

    async with tx.writing() as uow:
        await uow.meetings.cancel(group.id, first.id, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        unfiled = await uow.reports.current(group.id, None)
        for_first = await uow.reports.current(group.id, first.id)
        for_second = await uow.reports.current(group.id, second.id)
        points_first = await uow.points.for_meeting(group.id, first.id)
    async with tx.writing() as uow:
        decisions_unfiled = await uow.decisions.move_to(group.id, None, second.id)
    assert [report.text for report in unfiled] == ["Unfiled"]
    assert [report.text for report in for_first] == ["For the first"]
    assert for_second == []
    assert [point.text for point in points_first] == ["First"]
    assert decisions_unfiled == 1


# Status reports


async def test_a_new_report_supersedes_the_regions_current_one(tx, clock):
    group = await new_group(tx, clock)
    [meeting] = await new_meetings(tx, clock, group, 7 * DAY)
    async with tx.writing() as uow:
        first, none_before = await uow.reports.add(
            group.id, meeting.id, "Väst", "Allt lugnt", SARA, clock.now()
        )
        await uow.reports.add(group.id, meeting.id, "Öst", "Inget nytt", EDYTA, clock.now())
        await uow.commit()
    clock.advance(HOUR)

    async with tx.writing() as uow:
        second, previous = await uow.reports.add(
            group.id, meeting.id, "Väst", "Nytt läge", EDYTA, clock.now()
        )
        await uow.commit()

    async with tx.reading() as uow:
        current = await uow.reports.current(group.id, meeting.id)
    assert none_before is None
    assert previous.id == first.id
    assert (previous.text, previous.superseded_at) == ("Allt lugnt", clock.now())
    assert [(r.region, r.text) for r in current] == [("Väst", "Nytt läge"), ("Öst", "Inget nytt")]
    assert current[0] == second
    assert (second.group_id, second.meeting_id, second.author_id, second.author_name) == (
        group.id,
        meeting.id,
        EDYTA.id,
        EDYTA.name,
    )
    assert (second.created_at, second.superseded_at) == (clock.now(), None)


async def test_reports_are_current_per_meeting_none_being_the_unscheduled_one(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    [meeting] = await new_meetings(tx, clock, group, 7 * DAY)
    async with tx.writing() as uow:
        await uow.reports.add(group.id, None, "Väst", "Unscheduled", SARA, clock.now())
        _, previous = await uow.reports.add(
            group.id, meeting.id, "Väst", "Scheduled", SARA, clock.now()
        )
        await uow.reports.add(other.id, None, "Väst", "Other group", SARA, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        unscheduled = await uow.reports.current(group.id, None)
        scheduled = await uow.reports.current(group.id, meeting.id)
    assert previous is None
    assert [report.text for report in unscheduled] == ["Unscheduled"]
    assert [report.text for report in scheduled] == ["Scheduled"]


async def test_move_to_files_reports_under_another_meeting_but_for_the_regions_named(tx, clock):
    group = await new_group(tx, clock)
    cancelled, successor = await new_meetings(tx, clock, group, DAY, 7 * DAY)
    async with tx.writing() as uow:
        for region in ("Norr", "Väst", "Öst"):
            await uow.reports.add(
                group.id, cancelled.id, region, f"Old {region}", SARA, clock.now()
            )
        await uow.reports.add(group.id, successor.id, "Öst", "Newer Öst", EDYTA, clock.now())
        await uow.commit()

    async with tx.writing() as uow:
        moved = await uow.reports.move_to(
            group.id, cancelled.id, successor.id, except_regions=frozenset({"Öst"})
        )
        await uow.commit()

    async with tx.reading() as uow:
        left = await uow.reports.current(group.id, cancelled.id)
        now_filed = await uow.reports.current(group.id, successor.id)
    assert moved == 2
    assert [report.text for report in left] == ["Old Öst"]
    assert [report.text for report in now_filed] == ["Old Norr", "Old Väst", "Newer Öst"]
    assert {report.meeting_id for report in now_filed} == {successor.id}


async def test_move_to_moves_superseded_reports_too_and_may_file_under_none(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    [meeting] = await new_meetings(tx, clock, group, DAY)
    async with tx.writing() as uow:
        await uow.reports.add(group.id, meeting.id, "Väst", "First", SARA, clock.now())
        await uow.reports.add(group.id, meeting.id, "Väst", "Second", SARA, clock.now() + HOUR)
        await uow.reports.add(other.id, None, "Väst", "Other group", SARA, clock.now())
        await uow.commit()

    async with tx.writing() as uow:
        moved = await uow.reports.move_to(group.id, meeting.id, None)
        await uow.commit()
    async with tx.writing() as uow:
        moved_back = await uow.reports.move_to(group.id, None, meeting.id)
        again = await uow.reports.move_to(group.id, None, meeting.id)
        await uow.commit()

    async with tx.reading() as uow:
        filed = await uow.reports.current(group.id, meeting.id)
        other_unfiled = await uow.reports.current(other.id, None)
    assert (moved, moved_back, again) == (2, 2, 0)
    assert [report.text for report in filed] == ["Second"]
    assert [report.text for report in other_unfiled] == ["Other group"]


async def test_a_unit_of_work_that_locks_the_group_waits_for_another_that_did(tx, clock):
    """A report being filed reads the group's meetings only after a meeting being planned at
    the same moment is committed (or before it began): never in between."""
    group = await new_group(tx, clock)
    planned = asyncio.Event()
    seen: list[int] = []

    async def plan() -> None:
        async with tx.writing() as uow:
            await uow.groups.lock(group.id)
            planned.set()
            await asyncio.sleep(0.2)  # the other unit of work tries to start meanwhile
            await uow.meetings.add_many(
                group.id, [(clock.now() + DAY, clock.now() + DAY + HOUR, None)], clock.now()
            )
            await uow.commit()

    async def file() -> None:
        await planned.wait()
        async with tx.writing() as uow:
            await uow.groups.lock(group.id)
            seen.append(len(await uow.meetings.upcoming(group.id, clock.now())))
            await uow.commit()

    await asyncio.wait_for(asyncio.gather(plan(), file()), 10)

    assert seen == [1]


# Action items


async def test_action_items_are_numbered_per_group(tx, clock):
    west = await new_group(tx, clock, "19:west@thread.tacv2")
    east = await new_group(tx, clock, "19:east@thread.tacv2")
    async with tx.writing() as uow:
        numbers = [
            (
                await uow.items.add(group.id, ActionItemDraft("Boka lokal", SARA.name), clock.now())
            ).number
            for group in (west, west, east, west)
        ]
        await uow.commit()

    assert numbers == [1, 2, 1, 3]


async def test_action_item_numbers_are_never_reused(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        for text in ("One", "Two"):
            await uow.items.add(group.id, ActionItemDraft(text, SARA.name), clock.now())
        await uow.commit()
    async with tx.writing() as uow:
        deleted = await uow.items.delete(group.id, 2, clock.now())
        await uow.commit()

    async with tx.writing() as uow:
        third = await uow.items.add(group.id, ActionItemDraft("Three", SARA.name), clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        numbers = [item.number for item in await uow.items.list_all(group.id)]
    assert (deleted.number, deleted.text) == (2, "Two")
    assert third.number == 3
    assert numbers == [1, 3]


async def test_an_action_item_is_stored_as_drafted(tx, clock):
    group = await new_group(tx, clock)
    due = clock.now() + 7 * DAY
    draft = ActionItemDraft("Boka lokal", SARA.name, EDYTA.name, EDYTA.id, due)

    async with tx.writing() as uow:
        added = await uow.items.add(group.id, draft, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        stored = await uow.items.get(group.id, 1)
        assert await uow.items.get(group.id, 2) is None
    assert stored == added
    assert (stored.group_id, stored.number, stored.text, stored.created_by) == (
        group.id,
        1,
        "Boka lokal",
        SARA.name,
    )
    assert (stored.owner_name, stored.owner_id, stored.due_at, stored.created_at) == (
        EDYTA.name,
        EDYTA.id,
        due,
        clock.now(),
    )
    assert (stored.closed_at, stored.closed_by, stored.is_open) == (None, None, True)


async def test_open_and_all_items_in_number_order(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    async with tx.writing() as uow:
        for text in ("One", "Two", "Three"):
            await uow.items.add(group.id, ActionItemDraft(text, SARA.name), clock.now())
        await uow.items.add(other.id, ActionItemDraft("Elsewhere", SARA.name), clock.now())
        await uow.items.close(group.id, 2, SARA.name, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        open_items = await uow.items.list_open(group.id)
        all_items = await uow.items.list_all(group.id)
    assert [item.text for item in open_items] == ["One", "Three"]
    assert [item.text for item in all_items] == ["One", "Two", "Three"]


async def test_an_item_is_closed_once(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        await uow.items.add(group.id, ActionItemDraft("Boka lokal", SARA.name), clock.now())
        await uow.commit()
    closed_at = clock.now() + HOUR

    async with tx.writing() as uow:
        closed, closed_now = await uow.items.close(group.id, 1, EDYTA.name, closed_at)
        await uow.commit()
    async with tx.writing() as uow:
        again, closed_again = await uow.items.close(group.id, 1, SARA.name, closed_at + HOUR)
        unknown, closed_unknown = await uow.items.close(group.id, 9, SARA.name, closed_at)
        await uow.commit()

    async with tx.reading() as uow:
        stored = await uow.items.get(group.id, 1)
    assert (closed_now, closed_again, closed_unknown) == (True, False, False)
    assert closed == again == stored
    assert (stored.closed_at, stored.closed_by, stored.is_open) == (closed_at, EDYTA.name, False)
    assert unknown is None


async def test_update_changes_the_allowed_fields_only(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        draft = ActionItemDraft("Boka lokal", SARA.name, SARA.name, SARA.id)
        await uow.items.add(group.id, draft, clock.now())
        await uow.commit()
    due = clock.now() + 3 * DAY

    async with tx.writing() as uow:
        updated = await uow.items.update(
            group.id,
            1,
            clock.now(),
            text="Boka större lokal",
            owner_name=None,
            owner_id=None,
            due_at=due,
        )
        unknown = await uow.items.update(group.id, 9, clock.now(), text="Nothing")
        with pytest.raises(ValueError):
            await uow.items.update(group.id, 1, clock.now(), created_by="Someone")
        await uow.commit()

    async with tx.reading() as uow:
        stored = await uow.items.get(group.id, 1)
    assert updated == stored
    assert (stored.text, stored.owner_name, stored.owner_id, stored.due_at) == (
        "Boka större lokal",
        None,
        None,
        due,
    )
    assert (stored.created_by, stored.number) == (SARA.name, 1)
    assert unknown is None


async def test_delete_returns_the_item_as_it_was(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        added = await uow.items.add(group.id, ActionItemDraft("Boka lokal", SARA.name), clock.now())
        await uow.commit()

    async with tx.writing() as uow:
        deleted = await uow.items.delete(group.id, 1, clock.now())
        unknown = await uow.items.delete(group.id, 1, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        assert await uow.items.get(group.id, 1) is None
        assert await uow.items.list_all(group.id) == []
    assert deleted == added
    assert unknown is None


async def test_the_newest_item_decision_and_point_are_the_last_added_per_group(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    async with tx.reading() as uow:
        empty = (
            await uow.items.newest(group.id),
            await uow.decisions.newest(group.id),
            await uow.points.newest(group.id),
        )
    async with tx.writing() as uow:
        for text in ("One", "Two"):
            await uow.items.add(group.id, ActionItemDraft(text, SARA.name), clock.now())
            await uow.decisions.add(group.id, None, text, SARA.name, clock.now())
            await uow.points.add(group.id, None, Section.OTHER, text, SARA.name, clock.now())
        await uow.items.add(other.id, ActionItemDraft("Other", SARA.name), clock.now())
        await uow.decisions.add(other.id, None, "Other", SARA.name, clock.now())
        await uow.points.add(other.id, None, Section.OTHER, "Other", SARA.name, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        newest = (
            await uow.items.newest(group.id),
            await uow.decisions.newest(group.id),
            await uow.points.newest(group.id),
        )
    assert empty == (None, None, None)
    assert [found.text for found in newest] == ["Two", "Two", "Two"]
    assert newest[0].number == 2


# Decisions and agenda points


async def test_decisions_are_stored_and_moved_per_group(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    first, second = await new_meetings(tx, clock, group, DAY, 7 * DAY)
    async with tx.writing() as uow:
        decision = await uow.decisions.add(group.id, None, "Vi byter lokal", SARA.name, clock.now())
        await uow.decisions.add(group.id, None, "Vi ses i maj", SARA.name, clock.now())
        await uow.decisions.add(group.id, first.id, "Redan beslutat", SARA.name, clock.now())
        await uow.decisions.add(other.id, None, "Annan grupp", SARA.name, clock.now())
        await uow.commit()

    async with tx.writing() as uow:
        unfiled = await uow.decisions.move_to(group.id, None, second.id)
        again = await uow.decisions.move_to(group.id, None, second.id)
        from_first = await uow.decisions.move_to(group.id, first.id, second.id)
        await uow.commit()
    async with tx.writing() as uow:
        other_unfiled = await uow.decisions.move_to(other.id, None, second.id)

    assert (decision.group_id, decision.meeting_id, decision.text) == (
        group.id,
        None,
        "Vi byter lokal",
    )
    assert (decision.created_by, decision.created_at) == (SARA.name, clock.now())
    assert (unfiled, again, from_first, other_unfiled) == (2, 0, 1, 1)


async def test_agenda_points_are_listed_per_meeting_in_the_order_added(tx, clock):
    group = await new_group(tx, clock)
    first, second = await new_meetings(tx, clock, group, DAY, 7 * DAY)
    async with tx.writing() as uow:
        added = await uow.points.add(
            group.id, first.id, Section.DEVELOPMENT, "Budget", SARA.name, clock.now()
        )
        await uow.points.add(group.id, first.id, Section.OTHER, "Fika", EDYTA.name, clock.now())
        await uow.points.add(group.id, second.id, Section.OTHER, "Later", SARA.name, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        points = await uow.points.for_meeting(group.id, first.id)
    assert points[0] == added
    assert [(p.section, p.text, p.created_by) for p in points] == [
        ("development", "Budget", SARA.name),
        ("other", "Fika", EDYTA.name),
    ]
    assert (added.group_id, added.meeting_id, added.created_at) == (
        group.id,
        first.id,
        clock.now(),
    )


async def test_agenda_points_move_to_another_meeting_or_none(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    first, second = await new_meetings(tx, clock, group, DAY, 7 * DAY)
    async with tx.writing() as uow:
        await uow.points.add(group.id, None, Section.OTHER, "Unfiled", SARA.name, clock.now())
        await uow.points.add(group.id, first.id, Section.OTHER, "First", SARA.name, clock.now())
        await uow.points.add(other.id, None, Section.OTHER, "Elsewhere", SARA.name, clock.now())
        await uow.commit()

    async with tx.writing() as uow:
        unfiled = await uow.points.move_to(group.id, None, second.id)
        from_first = await uow.points.move_to(group.id, first.id, None)
        await uow.commit()

    async with tx.reading() as uow:
        for_second = await uow.points.for_meeting(group.id, second.id)
        for_first = await uow.points.for_meeting(group.id, first.id)
    async with tx.writing() as uow:
        now_unfiled = await uow.points.move_to(group.id, None, first.id)
    assert (unfiled, from_first, now_unfiled) == (1, 1, 1)
    assert [point.text for point in for_second] == ["Unfiled"]
    assert for_first == []


async def test_decisions_are_listed_per_meeting_in_the_order_recorded(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    first, second = await new_meetings(tx, clock, group, DAY, 7 * DAY)
    async with tx.writing() as uow:
        one = await uow.decisions.add(group.id, first.id, "Ett", SARA.name, clock.now())
        await uow.decisions.add(group.id, second.id, "Annat", SARA.name, clock.now())
        await uow.decisions.add(other.id, None, "Elsewhere", SARA.name, clock.now())
        two = await uow.decisions.add(group.id, first.id, "Två", EDYTA.name, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        assert await uow.decisions.for_meeting(group.id, first.id) == [one, two]
        assert await uow.decisions.for_meeting(other.id, first.id) == []


async def test_started_is_the_meetings_begun_by_now_latest_first(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    week_ago, yesterday, cancelled, ongoing, later = await new_meetings(
        tx, clock, group, -7 * DAY, -DAY, -2 * DAY, -HOUR, DAY
    )
    await new_meetings(tx, clock, other, -HOUR)
    async with tx.writing() as uow:
        await uow.meetings.cancel(group.id, cancelled.id, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        assert await uow.meetings.started(group.id, clock.now(), 2) == [ongoing, yesterday]
        everything = await uow.meetings.started(group.id, clock.now(), 10)
        assert everything == [ongoing, yesterday, week_ago]
        assert later not in everything


async def test_the_roster_is_members_and_added_names_each_once(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    async with tx.writing() as uow:
        await uow.members.seen(group.id, SARA, clock.now())
        await uow.members.seen(group.id, ASA, clock.now())
        await uow.members.seen(other.id, EDYTA, clock.now())
        await uow.attendance.add_to_roster(group.id, "Mattias Nickel", SARA.name, clock.now())
        await uow.attendance.add_to_roster(group.id, "mattias  NICKEL", SARA.name, clock.now())
        await uow.attendance.add_to_roster(group.id, "asa oberg", SARA.name, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        # In Nordic order: Å after Z.
        assert await uow.attendance.roster(group.id) == [
            "Mattias Nickel",
            "Sara Axelsson",
            "Åsa Öberg",
        ]
        assert await uow.attendance.roster(other.id) == ["Edyta Johansson"]


async def test_an_added_name_is_taken_off_the_roster_and_a_member_is_not(tx, clock):
    group = await new_group(tx, clock)
    async with tx.writing() as uow:
        await uow.members.seen(group.id, SARA, clock.now())
        await uow.attendance.add_to_roster(group.id, "Åsa Öberg", SARA.name, clock.now())
        await uow.commit()
    async with tx.writing() as uow:
        assert await uow.attendance.remove_from_roster(group.id, "asa  oberg") == "Åsa Öberg"
        assert await uow.attendance.remove_from_roster(group.id, "Åsa Öberg") is None
        assert await uow.attendance.remove_from_roster(group.id, SARA.name) is None
        await uow.commit()
    async with tx.reading() as uow:
        assert await uow.attendance.roster(group.id) == [SARA.name]


async def test_the_roster_as_of_a_time_leaves_out_who_came_later(tx, clock):
    group = await new_group(tx, clock)
    before = clock.now()
    async with tx.writing() as uow:
        await uow.members.seen(group.id, SARA, before)
        await uow.attendance.add_to_roster(group.id, "Mattias Nickel", SARA.name, before)
        await uow.members.seen(group.id, EDYTA, before + HOUR)
        await uow.attendance.add_to_roster(group.id, "Asa Oberg", SARA.name, before + HOUR)
        await uow.commit()

    async with tx.reading() as uow:
        assert await uow.attendance.roster(group.id, as_of=before) == [
            "Mattias Nickel",
            "Sara Axelsson",
        ]
        assert await uow.attendance.roster(group.id, as_of=before + HOUR) == [
            "Asa Oberg",
            "Edyta Johansson",
            "Mattias Nickel",
            "Sara Axelsson",
        ]


async def test_a_later_mark_replaces_the_earlier_per_meeting(tx, clock):
    group = await new_group(tx, clock)
    first, second = await new_meetings(tx, clock, group, -HOUR, DAY)
    now = clock.now()
    async with tx.writing() as uow:
        await uow.attendance.mark(group.id, first.id, "Sara Axelsson", True, EDYTA.name, now)
        await uow.attendance.mark(group.id, first.id, "Mats Boström", True, EDYTA.name, now)
        await uow.attendance.mark(group.id, second.id, "Sara Axelsson", True, EDYTA.name, now)
        await uow.commit()
    clock.advance(HOUR)
    async with tx.writing() as uow:
        await uow.attendance.mark(
            group.id, first.id, "sara axelsson", False, SARA.name, clock.now()
        )
        await uow.commit()

    async with tx.reading() as uow:
        marks = await uow.attendance.for_meeting(group.id, first.id)
        assert [(mark.name, mark.present, mark.marked_by) for mark in marks] == [
            ("sara axelsson", False, SARA.name),
            ("Mats Boström", True, EDYTA.name),
        ]
        assert marks[0].marked_at == clock.now()
        assert [mark.name for mark in await uow.attendance.for_meeting(group.id, second.id)] == [
            "Sara Axelsson"
        ]


async def test_notes_are_per_meeting_oldest_first(tx, clock):
    group = await new_group(tx, clock)
    first, second = await new_meetings(tx, clock, group, -HOUR, DAY)
    async with tx.writing() as uow:
        one = await uow.notes.add(group.id, first.id, "other", "Ett", SARA.name, clock.now())
        await uow.notes.add(group.id, second.id, "other", "Annat möte", SARA.name, clock.now())
        two = await uow.notes.add(
            group.id, first.id, "topic:Mål 2026", "Två", EDYTA.name, clock.now()
        )
        await uow.commit()

    async with tx.reading() as uow:
        assert await uow.notes.for_meeting(group.id, first.id) == [one, two]
    assert (two.part, two.text, two.created_by, two.meeting_id) == (
        "topic:Mål 2026",
        "Två",
        EDYTA.name,
        first.id,
    )


async def test_minutes_versions_are_numbered_per_meeting_and_approved_once(tx, clock):
    group = await new_group(tx, clock)
    first, second = await new_meetings(tx, clock, group, -HOUR, DAY)
    content = {"title": "Minnesanteckningar", "sections": [{"title": "Övrigt"}]}
    async with tx.writing() as uow:
        v1 = await uow.minutes.add(group.id, first.id, content, SARA.name, "t" * 32, clock.now())
        v2 = await uow.minutes.add(group.id, first.id, {}, SARA.name, "u" * 32, clock.now())
        other = await uow.minutes.add(group.id, second.id, {}, SARA.name, "v" * 32, clock.now())
        await uow.commit()
    clock.advance(HOUR)
    async with tx.writing() as uow:
        approved = await uow.minutes.approve(group.id, first.id, 1, EDYTA.name, clock.now())
        await uow.commit()
    clock.advance(HOUR)
    async with tx.writing() as uow:
        again = await uow.minutes.approve(group.id, first.id, 1, SARA.name, clock.now())
        unknown = await uow.minutes.approve(group.id, first.id, 9, SARA.name, clock.now())
        await uow.commit()

    assert (v1.number, v2.number, other.number) == (1, 2, 1)
    assert (again, unknown) == (None, None)
    assert approved is not None
    assert (approved.approved_by, approved.approved_at) == (EDYTA.name, clock.now() - HOUR)
    async with tx.reading() as uow:
        versions = await uow.minutes.versions(group.id, first.id)
        assert versions == [approved, v2]
        assert versions[0].content == content and not versions[1].approved
        assert await uow.minutes.by_token("u" * 32) == v2
        assert await uow.minutes.by_token("w" * 32) is None


async def test_minutes_archive_keeps_the_first_pdf_and_tokens_change_alone(tx, clock):
    group = await new_group(tx, clock)
    other_group = await new_group(tx, clock, key="19:other@thread.tacv2")
    first, second = await new_meetings(tx, clock, group, -DAY, -HOUR)
    [elsewhere] = await new_meetings(tx, clock, other_group, -HOUR)
    async with tx.writing() as uow:
        b1 = await uow.minutes.add(group.id, second.id, {"n": 1}, SARA.name, "a" * 32, clock.now())
        a1 = await uow.minutes.add(group.id, first.id, {"n": 2}, SARA.name, "b" * 32, clock.now())
        a2 = await uow.minutes.add(group.id, first.id, {"n": 3}, SARA.name, "c" * 32, clock.now())
        await uow.minutes.add(other_group.id, elsewhere.id, {}, SARA.name, "d" * 32, clock.now())
        approved = await uow.minutes.approve(group.id, first.id, 2, EDYTA.name, clock.now())
        await uow.commit()
    assert approved is not None
    archive = MinutesArchive(
        a2.id, group.id, b"%PDF-1.7 first", "f" * 64, {"version": 2}, clock.now()
    )
    async with tx.writing() as uow:
        stored = await uow.archive.add(archive)
        again = await uow.archive.add(replace(archive, pdf=b"%PDF-1.7 second", sha256="0" * 64))
        await uow.minutes.new_token(a2.id, "e" * 32)
        await uow.commit()

    assert stored == again == archive
    async with tx.reading() as uow:
        assert await uow.archive.get(a2.id) == archive
        assert await uow.archive.get(a1.id) is None
        listed = await uow.minutes.of_group(group.id)
        assert [(v.meeting_id, v.number) for v in listed] == [
            (first.id, 1),
            (first.id, 2),
            (second.id, 1),
        ]
        assert [v.id for v in listed] == [a1.id, a2.id, b1.id]
        assert await uow.minutes.by_token("c" * 32) is None
        renewed = await uow.minutes.by_token("e" * 32)
        assert renewed == replace(approved, token="e" * 32)


# The unit of work


async def test_nothing_is_stored_without_commit(tx, clock):
    async with tx.writing() as uow:
        group, _ = await uow.groups.remember(address(), DEFAULTS, clock.now())
        inside = await uow.groups.get(group.id)

    async with tx.reading() as uow:
        assert await uow.groups.get_by_key(address().key) is None
    assert inside == group


async def test_a_unit_that_raises_stores_nothing(tx, clock):
    group = await new_group(tx, clock)

    with pytest.raises(ZeroDivisionError):
        async with tx.writing() as uow:
            await uow.items.add(group.id, ActionItemDraft("Boka lokal", SARA.name), clock.now())
            await uow.groups.set_regions(group.id, ["Väst"], clock.now())
            raise ZeroDivisionError

    async with tx.reading() as uow:
        assert await uow.items.list_all(group.id) == []
        assert (await uow.groups.get(group.id)).regions == ()


async def test_changes_are_seen_by_other_units_only_once_committed(tx, clock):
    group = await new_group(tx, clock)

    async def open_items_elsewhere():
        async with tx.reading() as other:
            return await other.items.list_open(group.id)

    async with tx.writing() as uow:
        await uow.items.add(group.id, ActionItemDraft("Boka lokal", SARA.name), clock.now())
        assert [item.text for item in await uow.items.list_open(group.id)] == ["Boka lokal"]
        # A reader must not wait for the writer (a deadlock would otherwise hang the run).
        before_commit = await asyncio.wait_for(open_items_elsewhere(), timeout=10)
        await uow.commit()

    async with tx.reading() as other:
        after_commit = await other.items.list_open(group.id)
    assert before_commit == []
    assert [item.text for item in after_commit] == ["Boka lokal"]


async def test_a_unit_reads_its_own_changes(tx, clock):
    """Every change read back in the same unit, before commit: a session-bound repository
    must not answer from rows it loaded before the change."""
    now = clock.now()
    async with tx.writing() as uow:
        group, _ = await uow.groups.remember(address(), DEFAULTS, now)
        await uow.groups.get(group.id)
        await uow.groups.set_regions(group.id, ["Väst"], now)
        await uow.groups.set_lead_times(group.id, DAY, None, now)
        await uow.groups.calendar_token(group.id, "token")
        stored_group = await uow.groups.get(group.id)
        by_key = await uow.groups.get_by_key(group.key)

        await uow.members.seen(group.id, SARA, now)
        await uow.members.get(group.id, SARA.id)
        await uow.members.seen(group.id, Actor(SARA.id, "Sara B", SARA.teams_id), now + HOUR)
        member = await uow.members.get(group.id, SARA.id)
        await uow.roles.set_role(group.id, SARA, Role.CHAIR, now)
        holders = await uow.roles.holders(group.id)

        [meeting] = await uow.meetings.add_many(
            group.id, [(now + DAY, now + DAY + HOUR, None)], now
        )
        await uow.meetings.get(group.id, meeting.id)
        await uow.meetings.move(group.id, meeting.id, now + DAY, now + DAY + HOUR, "Borås", now)
        moved = await uow.meetings.get(group.id, meeting.id)
        await uow.meetings.cancel(group.id, meeting.id, now)
        cancelled = await uow.meetings.get(group.id, meeting.id)
        upcoming = await uow.meetings.upcoming(group.id, now)

        await uow.reports.add(group.id, None, "Väst", "Unfiled", SARA, now)
        await uow.reports.current(group.id, None)
        await uow.reports.move_to(group.id, None, meeting.id)
        reports = await uow.reports.current(group.id, meeting.id)
        await uow.points.add(group.id, None, Section.OTHER, "Unfiled", SARA.name, now)
        await uow.points.move_to(group.id, None, meeting.id)
        points = await uow.points.for_meeting(group.id, meeting.id)

        await uow.items.add(group.id, ActionItemDraft("Boka lokal", SARA.name), now)
        await uow.items.get(group.id, 1)
        await uow.items.update(group.id, 1, now, text="Boka större lokal")
        updated = await uow.items.get(group.id, 1)
        await uow.items.close(group.id, 1, SARA.name, now)
        open_items = await uow.items.list_open(group.id)
        await uow.items.delete(group.id, 1, now)
        deleted = await uow.items.get(group.id, 1)

        await uow.audit_log.add(group.id, SARA, AuditNote("regions"), now)
        audit = await uow.audit_log.latest(group.id, 10)

    assert stored_group == by_key
    assert (stored_group.regions, stored_group.agenda_lead, stored_group.calendar_token) == (
        ("Väst",),
        DAY,
        "token",
    )
    assert member == Member(SARA.id, "Sara B", SARA.teams_id, now + HOUR)
    assert [(holder.user_id, holder.role) for holder in holders] == [(SARA.id, Role.CHAIR)]
    assert (moved.place, cancelled.status, upcoming) == ("Borås", MeetingStatus.CANCELLED, [])
    assert [report.text for report in reports] == ["Unfiled"]
    assert [point.text for point in points] == ["Unfiled"]
    assert (updated.text, open_items, deleted) == ("Boka större lokal", [], None)
    assert [entry.action for entry in audit] == ["regions"]


async def test_an_audit_line_is_stored_with_the_change(tx, clock):
    group = await new_group(tx, clock)

    async with tx.writing() as uow:
        await uow.reports.add(group.id, None, "Väst", "Allt lugnt", SARA, clock.now())
        uow.audit(group.id, SARA, AuditNote.of("regions", regions="Väst, Öst"))
        await uow.commit()

    async with tx.reading() as uow:
        reports = await uow.reports.current(group.id, None)
        entries = await uow.audit_log.latest(group.id, 10)
    assert [report.text for report in reports] == ["Allt lugnt"]
    assert [(e.at, e.actor_name, e.action, e.detail) for e in entries] == [
        (clock.now(), SARA.name, "regions", {"regions": "Väst, Öst"})
    ]


async def test_an_audit_line_is_stamped_when_committed(tx, clock):
    group = await new_group(tx, clock)

    async with tx.writing() as uow:
        uow.audit(group.id, SARA, AuditNote("regions"))
        clock.advance(timedelta(seconds=5))
        await uow.commit()

    async with tx.reading() as uow:
        [entry] = await uow.audit_log.latest(group.id, 10)
    assert entry.at == clock.now()


async def test_a_rollback_drops_the_audit_line_with_the_change(tx, clock):
    group = await new_group(tx, clock)

    async with tx.writing() as uow:
        await uow.reports.add(group.id, None, "Väst", "Allt lugnt", SARA, clock.now())
        uow.audit(group.id, SARA, AuditNote.of("regions", regions="Väst"))
        await uow.audit_log.add(group.id, SARA, AuditNote("delete"), clock.now())
    with pytest.raises(RuntimeError):
        async with tx.writing() as uow:
            await uow.reports.add(group.id, None, "Öst", "Inget nytt", SARA, clock.now())
            uow.audit(group.id, SARA, AuditNote.of("regions", regions="Öst"))
            raise RuntimeError("refused")

    async with tx.reading() as uow:
        assert await uow.reports.current(group.id, None) == []
        assert await uow.audit_log.latest(group.id, 10) == []


async def test_what_a_use_case_says_is_committed_with_the_change(tx, clock):
    group = await new_group(tx, clock)
    [meeting] = await new_meetings(tx, clock, group, DAY)

    async with tx.writing() as uow:
        moved = await uow.meetings.move(
            group.id, meeting.id, meeting.starts_at + DAY, meeting.ends_at + DAY, None, clock.now()
        )
        uow.agenda_changed(group.id)
        uow.posts_replanned(group.id, moved)
        uow.posts_replanned(group.id)
        uow.audit(group.id, SARA, AuditNote.of("move", meeting=meeting.id))
        await uow.commit()

    async with tx.reading() as uow:
        stored = await uow.meetings.get(group.id, meeting.id)
        [entry] = await uow.audit_log.latest(group.id, 10)
    assert stored == moved
    assert (entry.action, entry.detail) == ("move", {"meeting": str(meeting.id)})


async def test_a_reading_unit_cannot_commit(tx, clock):
    group = await new_group(tx, clock)

    with pytest.raises(Exception):  # noqa: B017, PT011 - each back-end says it its own way
        async with tx.reading() as uow:
            await uow.items.add(group.id, ActionItemDraft("Boka lokal", SARA.name), clock.now())
            await uow.commit()

    async with tx.reading() as uow:
        assert await uow.items.list_all(group.id) == []


# Standing topics and the seminar series


async def test_topics_are_listed_oldest_first_and_closed_once(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    async with tx.writing() as uow:
        procurement = await uow.topics.add(
            group.id, "Radiofarmakaupphandling", EDYTA.name, clock.now()
        )
        await uow.topics.add(other.id, "Annan grupps ämne", SARA.name, clock.now())
        await uow.commit()
    clock.advance(HOUR)
    async with tx.writing() as uow:
        goals = await uow.topics.add(group.id, "Mål 2026", SARA.name, clock.now())
        closed = await uow.topics.close(group.id, procurement.id, clock.now())
        again = await uow.topics.close(group.id, procurement.id, clock.now())
        elsewhere = await uow.topics.close(other.id, goals.id, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        assert await uow.topics.all(group.id) == [closed, goals]
    assert (procurement.name, procurement.created_by, procurement.closed_at) == (
        "Radiofarmakaupphandling",
        EDYTA.name,
        None,
    )
    assert closed == replace(procurement, closed_at=clock.now())
    assert (again, elsewhere, goals.closed_at) == (None, None, None)


async def test_seminars_are_upcoming_soonest_first_until_over_and_removed_per_group(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    now = clock.now()
    async with tx.writing() as uow:
        later, sooner = await uow.seminars.add(
            group.id,
            [
                (now + 2 * DAY, now + 2 * DAY + HOUR, "Fysiologiska kliniken i Kalmar", None),
                (now + DAY, now + DAY + HOUR, "Fysiologiska kliniken i Linköping", "PET-CT"),
            ],
            EDYTA.name,
            now,
        )
        [theirs] = await uow.seminars.add(
            other.id, [(now + DAY, now + DAY + HOUR, "Röntgen i Jönköping", None)], SARA.name, now
        )
        await uow.commit()

    async with tx.reading() as uow:
        assert await uow.seminars.upcoming(group.id, now) == [sooner, later]
        assert await uow.seminars.upcoming(group.id, now + DAY + 2 * HOUR) == [later]
        assert await uow.seminars.get(group.id, sooner.id) == sooner
        assert await uow.seminars.get(group.id, theirs.id) is None
    assert (sooner.unit, sooner.topic, sooner.created_by, sooner.starts_at) == (
        "Fysiologiska kliniken i Linköping",
        "PET-CT",
        EDYTA.name,
        now + DAY,
    )
    async with tx.writing() as uow:
        assert await uow.seminars.remove(group.id, theirs.id) is None
        assert await uow.seminars.remove(group.id, sooner.id) == sooner
        assert await uow.seminars.remove(group.id, sooner.id) is None
        await uow.commit()
    async with tx.reading() as uow:
        assert await uow.seminars.upcoming(group.id, now) == [later]
        assert await uow.seminars.upcoming(other.id, now) == [theirs]


async def test_the_minutes_draft_delay_and_the_start_post_are_stored(tx, clock):
    group = await new_group(tx, clock)
    assert (group.minutes_draft_delay, group.meeting_start_post) == (30 * MINUTE, False)
    async with tx.writing() as uow:
        await uow.groups.set_minutes_draft(group.id, HOUR + 30 * SECOND, clock.now())
        await uow.groups.set_meeting_start_post(group.id, True, clock.now())
        await uow.commit()
    async with tx.reading() as uow:
        changed = await uow.groups.get(group.id)
    async with tx.writing() as uow:
        off = await uow.groups.set_minutes_draft(group.id, None, clock.now())
        await uow.commit()

    assert (changed.minutes_draft_delay, changed.meeting_start_post) == (HOUR, True)
    assert (off.minutes_draft_delay, off.meeting_start_post) == (None, True)


async def test_by_teams_id_finds_the_member_seen_last_in_the_group(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    async with tx.writing() as uow:
        await uow.members.seen(group.id, SARA, clock.now())
        await uow.members.seen(other.id, EDYTA, clock.now())
        await uow.commit()

    async with tx.reading() as uow:
        sara = await uow.members.by_teams_id(group.id, "29:sara")
        assert await uow.members.by_teams_id(group.id, "29:edyta") is None
        assert await uow.members.by_teams_id(group.id, "29:nobody") is None
    assert (sara.user_id, sara.name) == ("aad-sara", "Sara Axelsson")


async def test_record_held_stores_the_actual_start_and_end(tx, clock):
    group = await new_group(tx, clock)
    [meeting] = await new_meetings(tx, clock, group, -HOUR)
    started, ended = clock.now() - 50 * MINUTE, clock.now() + 5 * MINUTE
    async with tx.writing() as uow:
        first = await uow.meetings.record_held(group.id, meeting.id, started_at=started)
        second = await uow.meetings.record_held(group.id, meeting.id, ended_at=ended)
        await uow.commit()
    async with tx.reading() as uow:
        stored = await uow.meetings.get(group.id, meeting.id)

    assert (first.started_at, first.ended_at) == (started, None)
    assert stored == second
    assert (stored.started_at, stored.ended_at, stored.end) == (started, ended, ended)
    assert (stored.starts_at, stored.ends_at, stored.updated_at) == (
        meeting.starts_at,
        meeting.ends_at,
        meeting.updated_at,
    )


async def test_teams_meetings_and_meeting_chats_are_linked_and_relinked(tx, clock):
    group = await new_group(tx, clock)
    other = await new_group(tx, clock, "19:other@thread.tacv2")
    first, second = await new_meetings(tx, clock, group, -HOUR, 7 * DAY)
    async with tx.writing() as uow:
        await uow.teams_meetings.link("MCM-1", TeamsMeetingLink(group.id, first.id), clock.now())
        await uow.teams_meetings.link_chat("19:meeting_a@thread.v2", group.id, "Sara", clock.now())
        await uow.commit()
    async with tx.reading() as uow:
        linked = await uow.teams_meetings.meeting_of("MCM-1")
        chat = await uow.teams_meetings.chat_group("19:meeting_a@thread.v2")
        assert await uow.teams_meetings.meeting_of("MCM-2") is None
        assert await uow.teams_meetings.chat_group("19:meeting_b@thread.v2") is None
    async with tx.writing() as uow:
        again = TeamsMeetingLink(group.id, second.id, opened=True)
        await uow.teams_meetings.link("MCM-1", again, clock.now())
        await uow.teams_meetings.link_chat("19:meeting_a@thread.v2", other.id, "Edyta", clock.now())
        await uow.commit()
    async with tx.reading() as uow:
        relinked = await uow.teams_meetings.meeting_of("MCM-1")
        rechat = await uow.teams_meetings.chat_group("19:meeting_a@thread.v2")

    assert (linked, chat) == (TeamsMeetingLink(group.id, first.id, opened=False), group.id)
    assert (relinked, rechat) == (again, other.id)


# --- the activity journal's claim in a unit of work (issue 15) ---------------------------------


async def _claim(tx: Transactions, key: str, now, *, commit: bool = True) -> bool:
    async with tx.writing() as uow:
        claimed = await uow.journal.claim(key, now)
        if commit:
            await uow.commit(handles_activity=False)
    return claimed


async def test_an_activity_is_claimed_once_and_a_stale_claim_taken_over(tx, clock):
    now = clock.now()
    assert await _claim(tx, "rolled-back", now, commit=False)
    assert await _claim(tx, "rolled-back", now)  # nothing was kept of the first
    assert await _claim(tx, "a", now)
    assert not await _claim(tx, "a", now)
    assert not await _claim(tx, "a", now + CLAIM_LEASE - SECOND)
    assert await _claim(tx, "a", now + CLAIM_LEASE + SECOND)  # its process died
    assert not await _claim(tx, "a", now + CLAIM_LEASE + 2 * SECOND)


async def test_a_claim_completed_by_the_turns_commit_is_never_taken_over(tx, clock):
    group = await new_group(tx, clock)
    assert await _claim(tx, "b", clock.now())
    token = HANDLING.set(Handling("b"))
    try:
        async with tx.writing() as uow:
            await uow.topics.add(group.id, "Remisser", "Sara", clock.now())
            await uow.commit()
    finally:
        HANDLING.reset(token)

    assert not await _claim(tx, "b", clock.now() + 10 * CLAIM_LEASE)
