"""The registry of post kinds: every kind in it plans and composes a post of the same Monday
meeting (or overdue item, or Tuesday's seminar); a queued post of a kind the registry does not
know is an error, never a nudge, and the scheduler records it as failed with a log line
instead of sending."""

from __future__ import annotations

import logging

import pytest

from bot.domain import posts
from bot.domain.notices import Notices
from bot.domain.ports import PostedMessage
from bot.domain.schedule import GroupPlan, OutboxEntry, PostKind
from bot.scheduler import Scheduler
from tests.posts.support import DEFAULTS, GROUP, MEETING, SEMINAR, Stored, at, item, queued
from tests.support.clock import FakeClock
from tests.support.fakes import FakeTransactions

# Monday 12:50: every kind has a post of the meeting (or of the item overdue since Friday, or
# of Tuesday morning's seminar) due.
NOW = at("2026-11-23 12:50")
PLAN = GroupPlan(GROUP, (MEETING,), earliest_due=at("2026-11-20 00:00"), seminars=(SEMINAR,))


def stored() -> Stored:
    return Stored(
        item_list=[item(3, "Beställa kontrastmedel", "2026-11-20 00:00")],
        seminar_list=[SEMINAR],
    )


def digest() -> OutboxEntry:
    """A post of a kind no version of the bot has (or one that was removed)."""
    return OutboxEntry(1, GROUP.id, "digest:7", "digest", MEETING.id, {}, NOW, None, 1, 0)


def test_the_registry_names_each_kind_by_its_outbox_name():
    assert list(posts.KINDS) == [kind.value for kind in PostKind]
    assert all(posts.kind_named(name).name == name for name in posts.KINDS)


# A kind that stores as it composes (the minutes draft) needs a writing unit of work: its own
# tests compose it through one.
@pytest.mark.parametrize(
    "name", [name for name, kind in posts.KINDS.items() if kind.planned and not kind.writes]
)
async def test_each_kind_plans_and_composes(name):
    kind = posts.KINDS[name]

    planned = kind.plan(PLAN, DEFAULTS, NOW)
    notices = [await kind.compose(stored(), GROUP, queued(post), NOW) for post in planned]

    assert planned and all(post.kind == name for post in planned)
    assert all(notice is not None and notice.text for notice in notices)
    assert {post.key for post in posts.due_posts([PLAN], NOW, DEFAULTS)} >= {
        post.key for post in planned if post.due_at <= NOW
    }


async def test_an_unknown_kind_is_an_error_not_a_nudge():
    data = stored()
    notices = Notices(FakeTransactions(FakeClock(NOW)), FakeClock(NOW))

    with pytest.raises(posts.UnknownPostKind, match="digest"):
        await posts.compose(data, GROUP, digest(), NOW)
    with pytest.raises(posts.UnknownPostKind):
        await notices.compose(GROUP, digest())


class OneEntryOutbox:
    """Hands out one claimed entry and records how it was finished."""

    def __init__(self, entry: OutboxEntry) -> None:
        self.waiting = [entry]
        self.finished: list[tuple[str, str, str | None]] = []

    async def claim(self, worker, now, limit, lease):
        claimed, self.waiting = self.waiting, []
        return claimed

    async def finish(self, entry, worker, status, error=None):
        self.finished.append((entry.key, status, error))


class Groups:
    async def get(self, group_id):
        return GROUP


class Notifier:
    def __init__(self) -> None:
        self.posted: list[object] = []

    async def post(self, group, notice):
        self.posted.append(notice)
        return PostedMessage("1", "c")


async def test_the_scheduler_records_a_post_of_an_unknown_kind_as_failed(caplog):
    outbox, notifier = OneEntryOutbox(digest()), Notifier()
    scheduler = Scheduler(
        outbox=outbox,  # type: ignore[arg-type]
        groups=Groups(),  # type: ignore[arg-type]
        notices=Notices(FakeTransactions(FakeClock(NOW)), FakeClock(NOW)),
        notifier=notifier,  # type: ignore[arg-type]
        journal=None,  # type: ignore[arg-type]
        clock=FakeClock(NOW),
        leads=DEFAULTS,
        worker="w",
    )

    with caplog.at_level(logging.ERROR, logger="bot.scheduler"):
        report = await scheduler.deliver()

    assert (report.failed, report.sent, report.skipped) == (1, 0, 0)
    assert outbox.finished == [("digest:7", "failed", "no post kind 'digest'")]
    assert notifier.posted == []
    assert [record.getMessage() for record in caplog.records] == [
        "digest:7 not sent: no post kind 'digest'"
    ]
