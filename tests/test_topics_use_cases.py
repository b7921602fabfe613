"""The standing-topic and seminar use cases on the in-memory fakes: what each says to its unit
of work besides the change. Adding or closing a topic updates the posted agendas; adding
seminars updates them and replans the group's posts, pasting the same list again changes
nothing; removing one updates, replans and writes the audit line; a refusal stores nothing
and says nothing. A closed topic can be added again, and is then a new topic."""

from __future__ import annotations

import pytest

from bot.domain.model import AuditNote, Refusal
from bot.domain.seminars import Seminars
from bot.domain.topics import Topics
from tests.date_corpus import local
from tests.support.clock import FakeClock
from tests.support.fakes import AuditLine, FakeTransactions, Replan
from tests.test_use_cases import CHANNEL, DEFAULTS, EDYTA

LIST = "7/12, 8–9 – leds av Fysiologiska kliniken i Linköping\n8/2, 8–9 – leds av Kalmar"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(local("2026-11-20 10:00"))


@pytest.fixture
def transactions(clock: FakeClock) -> FakeTransactions:
    return FakeTransactions(clock)


@pytest.fixture
async def group(transactions, clock):
    async with transactions.writing() as uow:
        group, _ = await uow.groups.remember(CHANNEL, DEFAULTS, clock.now())
        await uow.commit(handles_activity=False)
    return group


@pytest.fixture
def topics(transactions, clock) -> Topics:
    return Topics(transactions, clock)


@pytest.fixture
def seminars(transactions, clock) -> Seminars:
    return Seminars(transactions, clock)


async def test_topics_update_the_agenda_and_a_closed_one_can_come_back(
    topics, transactions, group, clock
):
    first = await topics.add(group, EDYTA, "Radiofarmakaupphandling")
    commits = transactions.commits
    twice = await topics.add(group, EDYTA, "RADIOFARMAKAUPPHANDLING")
    assert transactions.commits == commits
    closed = await topics.close(group, EDYTA, "radiofarmakaupphandling")
    again = await topics.add(group, EDYTA, "Radiofarmakaupphandling")

    assert twice == Refusal("topic_exists", {"name": "Radiofarmakaupphandling"})
    assert not isinstance(first, Refusal) and not isinstance(closed, Refusal)
    assert not isinstance(again, Refusal) and again.id != first.id
    assert closed.closed_at == clock.now()
    assert transactions.agenda_updates == [group.id] * 3
    assert transactions.replans == []
    assert [t.name for t in await topics.open_topics(group)] == ["Radiofarmakaupphandling"]


async def test_seminars_replan_the_posts_and_removal_is_audited(
    seminars, transactions, group, clock
):
    added = await seminars.schedule(group, EDYTA, LIST)
    replans, updates = list(transactions.replans), list(transactions.agenda_updates)
    again = await seminars.schedule(group, EDYTA, LIST)
    unchanged = (list(transactions.replans), list(transactions.agenda_updates))
    removed = await seminars.remove(group, EDYTA, "7/12")

    assert not isinstance(added, Refusal) and len(added.added) == 2
    assert not isinstance(again, Refusal) and (again.added, again.already) == ([], added.added)
    assert (replans, updates) == ([Replan(group.id)], [group.id])
    assert unchanged == (replans, updates)
    assert removed == added.added[0]
    assert transactions.replans == [Replan(group.id)] * 2
    assert transactions.audit_lines == [
        AuditLine(
            group.id,
            EDYTA,
            AuditNote.of(
                "seminar_removed",
                seminar="7/12, kl. 8-9 – leds av Fysiologiska kliniken i Linköping",
            ),
            clock.now(),
        )
    ]
    assert [s.unit for s in await seminars.upcoming(group)] == ["Kalmar"]
