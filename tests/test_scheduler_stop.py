"""Stopping the scheduler (a deploy's SIGTERM) in the real app on SQLite, a moved clock and a
connector that takes two seconds to answer.

It is Wednesday 25 November 2026, 09:00 in Stockholm; the channel's meeting on Thursday has
its agenda, day-before reminder and nudge due, to go out in order. The first is under way
when the scheduler is told to stop with a grace of 0.2 s: the call is cut, and its post keeps
its claim (Teams may have it: only the lease may send it again); the two posts not started
are handed back at once, their attempt undone; no new claim is taken.
"""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from bot.app import SCHEDULER, create_app
from storage.db import create_engine
from storage.tables import OutboxRow
from tests.date_corpus import local
from tests.support.connector import FakeConnector
from tests.support.server import serve
from tests.support.teams import TeamsSpace


async def test_stopping_cuts_the_call_under_way_and_hands_back_the_posts_not_started(
    settings, clock
):
    answer_in = [0.0]  # seconds; the replies to the set-up commands come at once
    connector = await FakeConnector(answer_delay=lambda: answer_in[0]).start()
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings, clock=clock)
    try:
        async with serve(app) as bot:
            await bot.post_activity(channel.message("regioner Linköping, Jönköping, Kalmar"))
            await bot.post_activity(channel.message("mötestider 26/11 kl 13-14 Teams"))
            await connector.wait_for(2)
            clock.advance(local("2026-11-25 09:00") - clock.now())
            scheduler = app[SCHEDULER]
            answer_in[0] = 2.0

            ticking = asyncio.create_task(scheduler.tick())
            await connector.wait_for(3)  # the first post has reached Teams
            scheduler.stop(0.2)
            released = await scheduler.stopped()
            report = await ticking
            again = await scheduler.deliver()

            engine = create_engine(settings.database_url)
            async with engine.connect() as connection:
                rows = (
                    await connection.execute(
                        select(OutboxRow.kind, OutboxRow.status, OutboxRow.claimed_by,
                               OutboxRow.attempts)
                        .where(OutboxRow.status == "pending")
                        .order_by(OutboxRow.id)
                    )
                ).all()  # fmt: skip
            await engine.dispose()
    finally:
        await connector.close()

    assert released == 2
    assert (report.sent, report.retried, report.failed) == (0, 0, 0)
    assert (again.sent, again.retried) == (0, 0)
    assert len(connector.posted) == 3
    cut, *handed_back = rows
    assert cut.claimed_by is not None and cut.attempts == 1
    assert [(row.claimed_by, row.attempts) for row in handed_back] == [(None, 0), (None, 0)]
