"""What the in-memory ``FakeTransactions`` records for use-case tests, beyond the contract it
shares with SQL (``tests/test_repository_contract.py``): ``agenda_changed``,
``posts_replanned`` and audit lines reach ``agenda_updates``, ``replans`` and
``audit_lines`` only when their unit of work commits; a ``reading()`` unit refuses to commit;
writers take turns; a commit marks the running activity handled unless it is bookkeeping.
And each fake has its port's methods with the same parameters (no type checker runs on the
tests)."""

from __future__ import annotations

import asyncio
import inspect
from datetime import timedelta

import pytest

from bot.domain import ports
from bot.domain.model import Actor, AuditNote, ConversationAddress, ConversationType, GroupDefaults
from bot.domain.ports import Handling
from tests.support import fakes
from tests.support.clock import FakeClock
from tests.support.fakes import AuditLine, FakeTransactions, ReadOnlyUnitOfWork, Replan

SARA = Actor("aad-sara", "Sara Axelsson", teams_id="29:sara")
ADDRESS = ConversationAddress("19:general@thread.tacv2", ConversationType.CHANNEL)
DEFAULTS = GroupDefaults(language="sv", timezone="Europe/Stockholm")


@pytest.fixture
def transactions(clock: FakeClock) -> FakeTransactions:
    return FakeTransactions(clock)


async def test_what_a_committed_unit_said_is_recorded(transactions, clock):
    async with transactions.writing() as uow:
        group, _ = await uow.groups.remember(ADDRESS, DEFAULTS, clock.now())
        [meeting] = await uow.meetings.add_many(
            group.id, [(clock.now(), clock.now() + timedelta(hours=2), None)], clock.now()
        )
        uow.agenda_changed(group.id)
        uow.posts_replanned(group.id, meeting)
        uow.posts_replanned(group.id)
        uow.audit(group.id, SARA, AuditNote.of("regions", regions="Väst"))
        assert transactions.agenda_updates == []  # not before the commit
        await uow.commit()

    assert transactions.agenda_updates == [group.id]
    assert transactions.replans == [Replan(group.id, meeting), Replan(group.id, None)]
    assert transactions.audit_lines == [
        AuditLine(group.id, SARA, AuditNote("regions", {"regions": "Väst"}), clock.now())
    ]
    assert transactions.commits == 1


async def test_what_a_unit_left_without_commit_said_is_forgotten(transactions, clock):
    async with transactions.writing() as uow:
        group, _ = await uow.groups.remember(ADDRESS, DEFAULTS, clock.now())
        await uow.commit()

    with pytest.raises(RuntimeError):
        async with transactions.writing() as uow:
            uow.agenda_changed(group.id)
            uow.posts_replanned(group.id)
            uow.audit(group.id, SARA, AuditNote("delete"))
            assert uow.agenda_updates == [group.id]  # pending on the unit itself
            raise RuntimeError("refused")

    assert (transactions.agenda_updates, transactions.replans, transactions.audit_lines) == (
        [],
        [],
        [],
    )


async def test_what_follows_a_commit_needs_a_commit_of_its_own(transactions, clock):
    async with transactions.writing() as uow:
        group, _ = await uow.groups.remember(ADDRESS, DEFAULTS, clock.now())
        await uow.commit()
        await uow.groups.set_regions(group.id, ["Väst"], clock.now())
        uow.agenda_changed(group.id)

    async with transactions.reading() as uow:
        assert (await uow.groups.get(group.id)).regions == ()
    assert transactions.agenda_updates == []


async def test_a_reading_unit_refuses_to_commit(transactions):
    async with transactions.reading() as uow:
        with pytest.raises(ReadOnlyUnitOfWork):
            await uow.commit()


async def test_writers_take_turns(transactions, clock):
    order = []

    async def write(name: str) -> None:
        async with transactions.writing():
            order.append(f"{name} opens")
            await asyncio.sleep(0)  # the other writer gets its chance to run here
            order.append(f"{name} closes")

    await asyncio.gather(write("a"), write("b"))

    assert order == ["a opens", "a closes", "b opens", "b closes"]


PORTS = {
    ports.GroupRepository: fakes.FakeGroupRepository,
    ports.MemberRepository: fakes.FakeMemberRepository,
    ports.RoleRepository: fakes.FakeRoleRepository,
    ports.AuditLog: fakes.FakeAuditLog,
    ports.MeetingRepository: fakes.FakeMeetingRepository,
    ports.StatusReportRepository: fakes.FakeStatusReportRepository,
    ports.ActionItemRepository: fakes.FakeActionItemRepository,
    ports.DecisionRepository: fakes.FakeDecisionRepository,
    ports.AgendaPointRepository: fakes.FakeAgendaPointRepository,
    ports.AttendanceRepository: fakes.FakeAttendanceRepository,
    ports.NoteRepository: fakes.FakeNoteRepository,
    ports.MinutesRepository: fakes.FakeMinutesRepository,
    ports.MinutesArchiveRepository: fakes.FakeMinutesArchiveRepository,
    ports.TopicRepository: fakes.FakeTopicRepository,
    ports.SeminarRepository: fakes.FakeSeminarRepository,
    ports.TeamsMeetingRepository: fakes.FakeTeamsMeetingRepository,
    # --- the journal's claim in a unit of work (issue 15) ---
    ports.ActivityClaims: fakes.FakeActivityClaims,
    ports.UnitOfWork: fakes.FakeUnitOfWork,
    ports.Transactions: fakes.FakeTransactions,
}


@pytest.mark.parametrize("port", PORTS, ids=lambda port: port.__name__)
def test_each_fake_has_its_ports_methods_with_the_same_parameters(port):
    """No type checker runs on the tests: a port that gains or changes a method fails here."""
    fake = PORTS[port]
    methods = {
        name: member
        for name, member in vars(port).items()
        if inspect.isfunction(member) and not name.startswith("_")
    }

    def shape(function):
        return [
            (p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()
        ]

    assert methods
    for name, method in methods.items():
        implementation = getattr(fake, name, None)
        assert implementation is not None, f"{fake.__name__} has no {name}"
        assert shape(implementation) == shape(method), f"{fake.__name__}.{name}"
        assert inspect.iscoroutinefunction(implementation) == inspect.iscoroutinefunction(method)


async def test_the_fake_unit_of_work_has_every_repository(transactions):
    async with transactions.writing() as uow:
        for name, port in ports.UnitOfWork.__annotations__.items():
            repository = getattr(uow, name)
            assert type(repository) is PORTS[getattr(ports, port)], name


async def test_a_commit_marks_the_running_activity_handled_unless_bookkeeping(transactions, clock):
    token = ports.HANDLING.set(Handling("activity-1"))
    try:
        async with transactions.writing() as uow:
            await uow.groups.remember(ADDRESS, DEFAULTS, clock.now())
            await uow.commit(handles_activity=False)
        async with transactions.writing() as uow:
            await uow.commit()
    finally:
        ports.HANDLING.reset(token)
    async with transactions.writing() as uow:
        await uow.commit()  # no activity running

    assert (transactions.commits, transactions.handled_activities) == (3, ["activity-1"])
