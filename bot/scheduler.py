"""The scheduler: a clock-driven tick that queues what is due and delivers the outbox.

Each tick (every ``RAGBOT_SCHEDULER_INTERVAL`` seconds, and once at start-up):

1. **plan**: the post kinds (``bot.domain.posts``) say what the outbox must load and which
   posts are due at *now*; the outbox stores them in the same transaction, once each however
   many replicas tick;
2. **deliver**: claim due posts under a lease, compose each from current data, post or update
   it through the ``Notifier``, and record the result; a post of a kind the registry does not
   know is recorded as failed. Failures are stored, not slept on: a
   429 waits for its Retry-After, 5xx and timeouts back off exponentially with jitter, a
   removed bot marks the group inactive. A post that is no longer useful is dropped with a
   log line.

**Stopping** (a deploy's SIGTERM): ``stop(grace)`` takes no new claims and starts no new
post; calls to Teams already under way get ``grace`` seconds. ``stopped()`` waits for them and
hands back every claim this worker did not start in one UPDATE (attempt undone), so another
replica sends those posts at its next claim instead of after the lease. A call still under way
when the grace runs out is cut, and its post keeps its claim: botbuilder sends from a thread
that goes on after the cut, so Teams may yet get it, and only the lease may send it again.

The clock is injected: tests move time and call ``tick()`` instead of sleeping.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import socket
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from bot.domain.conversations import Conversations
from bot.domain.model import Group
from bot.domain.notices import Notices
from bot.domain.ports import (
    ActivityJournal,
    Clock,
    DeliveryError,
    DeliveryProblem,
    Notifier,
    OutboxRepository,
    PostedMessage,
)
from bot.domain.posts import DuePosts, UnknownPostKind, planning_needs
from bot.domain.records import Retention
from bot.domain.schedule import LeadTimes, OutboxEntry, retry_delay

log = logging.getLogger(__name__)

T = TypeVar("T")

LEASE = timedelta(minutes=2)
CLAIM_BATCH = 100
# Conversations served at once; each conversation's own posts go out in order.
CONCURRENCY = 32
MAX_ATTEMPTS = 12
# Teams resends an activity within minutes; a day's margin costs nothing.
JOURNAL_RETENTION = timedelta(days=1)
PRUNE_EVERY = timedelta(hours=1)


def plain_duration(span: timedelta) -> str:
    """A duration for a log line: "1 day", "730 days", "2 hours", "90 seconds" (the ``str`` of a
    timedelta, "1 day, 0:00:00", says nothing to a reader)."""
    seconds = int(span.total_seconds())
    for unit, size in (("day", 86_400), ("hour", 3_600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'' if count == 1 else 's'}"
    return f"{seconds} second{'' if seconds == 1 else 's'}"


class _Cut(Exception):
    """A call to Teams still under way when the stopping grace ran out."""


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


@dataclass
class TickReport:
    queued: int = 0
    dropped: int = 0
    sent: int = 0
    updated: int = 0
    skipped: int = 0
    retried: int = 0
    failed: int = 0


class Scheduler:
    def __init__(
        self,
        *,
        outbox: OutboxRepository,
        groups: Conversations,
        notices: Notices,
        notifier: Notifier,
        journal: ActivityJournal,
        clock: Clock,
        leads: LeadTimes,
        worker: str | None = None,
        draw: Callable[[], float] = random.random,
        retention: Retention | None = None,
    ) -> None:
        self._outbox = outbox
        self._groups = groups
        self._notices = notices
        self._notifier = notifier
        self._journal = journal
        self._clock = clock
        self._leads = leads
        self._worker = worker or worker_name()
        self._draw = draw
        self._needs = planning_needs(leads)
        self._due = DuePosts(leads)
        self._last_prune: datetime | None = None
        self._retention = retention
        self._stopping = False
        self._cut_at: float | None = None  # loop time at which calls under way are cut
        self._cuts: set[asyncio.Timeout] = set()
        self._cut_posts: set[int] = set()  # outbox ids whose call was cut: they keep the lease
        self._delivering = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def run(self, interval: float) -> None:
        """Tick forever (cancel the task to stop); a failing tick is logged, not fatal."""
        while True:
            try:
                await self.tick()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("scheduler tick failed; trying again in %.0f s", interval)
            await asyncio.sleep(interval)

    def stop(self, grace: float) -> None:
        """Take no new claims and start no new post; cut the calls to Teams still under way
        after ``grace`` seconds. Idempotent: a second call never extends the first grace."""
        cut_at = asyncio.get_running_loop().time() + grace
        if self._cut_at is not None and self._cut_at <= cut_at:
            return
        self._stopping = True
        self._cut_at = cut_at
        for cut in self._cuts:
            cut.reschedule(cut_at)

    async def stopped(self) -> int:
        """Wait until what was under way at ``stop`` has ended and its results are stored,
        then release the claims of the posts this worker did not start; how many."""
        assert self._stopping, "stop() first"
        await self._idle.wait()
        released = await self._outbox.release_all(self._worker, keep=self._cut_posts)
        if released:
            log.info("released %d claimed posts for another replica to send", released)
        if self._cut_posts:
            log.warning(
                "%d posts cut at shutdown keep their claim for %s: Teams may have them",
                len(self._cut_posts),
                LEASE,
            )
        return released

    async def tick(self) -> TickReport:
        report = TickReport()
        await self.plan(report)
        await self.deliver(report)
        await self._prune()
        return report

    async def plan(self, report: TickReport | None = None) -> TickReport:
        report = report or TickReport()
        now = self._clock.now()
        queued, dropped = await self._outbox.enqueue_due(
            now,
            lambda plans: self._due(plans, now),
            self._needs,
        )
        report.queued += len(queued)
        report.dropped += len(dropped)
        return report

    async def deliver(self, report: TickReport | None = None) -> TickReport:
        """Send everything due, batch by batch, until nothing due is left."""
        report = report or TickReport()
        self._delivering += 1
        self._idle.clear()
        try:
            while not self._stopping:
                now = self._clock.now()
                entries = await self._outbox.claim(self._worker, now, CLAIM_BATCH, LEASE)
                if not entries:
                    break
                by_group: dict[int, list[OutboxEntry]] = {}
                for entry in entries:
                    by_group.setdefault(entry.group_id, []).append(entry)
                gate = asyncio.Semaphore(CONCURRENCY)
                await asyncio.gather(
                    *(self._deliver_group(queue, gate, report) for queue in by_group.values())
                )
        finally:
            self._delivering -= 1
            if not self._delivering:
                self._idle.set()
        return report

    async def _deliver_group(
        self, entries: list[OutboxEntry], gate: asyncio.Semaphore, report: TickReport
    ) -> None:
        async with gate:
            for entry in entries:  # one conversation's posts go out in order
                if self._stopping:
                    return  # left claimed: stopped() hands it to another replica
                try:
                    await self._deliver_one(entry, report)
                except Exception:  # noqa: BLE001 - one post's surprise must not stop the rest
                    # Left claimed: after the lease it is tried again like any unsent post.
                    log.exception("delivering %s failed unexpectedly", entry.key)
                    report.failed += 1
                    return

    async def _deliver_one(self, entry: OutboxEntry, report: TickReport) -> None:
        now = self._clock.now()
        group = await self._groups.get(entry.group_id)
        if group is None or not group.active:
            await self._outbox.finish(entry, self._worker, "failed", "group inactive")
            report.failed += 1
            return
        if entry.expires_at is not None and entry.expires_at <= now:
            await self._expired(entry, report)
            return
        try:
            notice = await self._notices.compose(group, entry)
        except UnknownPostKind as error:
            # Never another kind's post in its place: a human has to look at it.
            await self._outbox.finish(entry, self._worker, "failed", str(error))
            log.error("%s not sent: %s", entry.key, error)
            report.failed += 1
            return
        if notice is None:
            await self._outbox.finish(entry, self._worker, "sent" if entry.is_update else "skipped")
            report.skipped += 1
            return
        try:
            if entry.is_update:
                posted = PostedMessage(entry.activity_id or "", entry.conversation_id or "")
                await self._cuttable(self._notifier.update(group, posted, notice))
            else:
                posted = await self._cuttable(self._notifier.post(group, notice))
        except DeliveryError as error:
            await self._failed(entry, group, error, report)
            return
        except _Cut:
            self._cut_posts.add(entry.id)
            log.warning("%s: cut at shutdown; Teams may have it already", entry.key)
            return
        await self._outbox.sent(entry, self._worker, posted, self._clock.now())
        if entry.is_update:
            report.updated += 1
        else:
            report.sent += 1
        verb = "updated" if entry.is_update else "posted"
        log.info("%s %s to group %s", verb, entry.key, group.id)

    async def _cuttable(self, call: Awaitable[T]) -> T:
        """Await a call to Teams, cut when the stopping grace runs out. Only these calls are
        cut, never the writes that record their results: a post sent is recorded sent."""
        try:
            async with asyncio.timeout(self._cut_at) as cut:
                self._cuts.add(cut)
                try:
                    return await call
                finally:
                    self._cuts.discard(cut)
        except TimeoutError:
            if cut.expired():
                raise _Cut from None
            raise

    async def _expired(self, entry: OutboxEntry, report: TickReport) -> None:
        if entry.is_update:  # the post stands as it was; only the late update is dropped
            await self._outbox.finish(entry, self._worker, "sent")
        else:
            await self._outbox.finish(entry, self._worker, "dropped", "no longer useful")
            log.warning("dropped %s: not sent before %s", entry.key, entry.expires_at)
        report.dropped += 1

    async def _failed(
        self, entry: OutboxEntry, group: Group, error: DeliveryError, report: TickReport
    ) -> None:
        if error.problem is DeliveryProblem.GONE:
            failed = await self._outbox.group_gone(group.id, self._clock.now())
            log.warning("bot removed from group %s (%s); %d posts failed", group.id, error, failed)
            report.failed += 1
            return
        if error.problem is DeliveryProblem.REJECTED or entry.attempts >= MAX_ATTEMPTS:
            final = "sent" if entry.is_update else "failed"
            await self._outbox.finish(entry, self._worker, final, str(error))
            log.error("giving up on %s after %d attempts: %s", entry.key, entry.attempts, error)
            report.failed += 1
            return
        delay = (
            error.retry_after
            if error.retry_after is not None
            else retry_delay(entry.attempts, self._draw())
        )
        at = self._clock.now() + timedelta(seconds=delay)
        await self._outbox.retry(entry, self._worker, at, str(error))
        log.info("%s: %s; retrying in %.1f s", entry.key, error, delay)
        report.retried += 1

    async def _prune(self) -> None:
        now = self._clock.now()
        if self._last_prune is not None and now - self._last_prune < PRUNE_EVERY:
            return
        self._last_prune = now
        pruned = await self._journal.prune(now - JOURNAL_RETENTION)
        log.info(
            "pruned %d handled-activity ids older than %s",
            pruned,
            plain_duration(JOURNAL_RETENTION),
        )
        if self._retention is not None:
            purged = await self._retention.purge(now)
            log.info(
                "retention %s: purged %d items and reports, %d dialog drafts, %d finished posts",
                plain_duration(self._retention.period),
                sum(purged.per_group.values()),
                purged.drafts,
                purged.posts,
            )
