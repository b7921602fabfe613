"""The posted agenda always ends up showing every change, however a change and the post race.

It is Friday 20 November 2026; the group meets on Thursday 26 November 13:00 and the agenda is
due on Tuesday 09:00. Covers: a report saved while the agenda's first post is still in flight
(the connector holds its answer) leads to an update of that post; a report saved while an
update is in flight leads to one more update; and 200 groups whose reports race their first
post through a slow connector all end with every report on their agenda.
"""

from __future__ import annotations

import asyncio
import random

from bot.app import SCHEDULER, create_app
from tests.support.connector import FakeConnector, Posted
from tests.support.server import serve
from tests.support.teams import TeamsSpace
from tests.test_scheduler_http import TUESDAY_9, card_lines, plan_meeting, to


def _final_agenda(connector: FakeConnector, conversation: str) -> list[str]:
    """The lines of the group's agenda as Teams shows it last: the first post, or the
    latest update of it."""
    versions: list[Posted] = [
        post
        for post in connector.posted
        if post.attachments
        and (
            (post.kind == "create" and post.body["channelData"]["channel"]["id"] == conversation)
            or (post.kind == "update" and post.conversation_id.startswith(conversation))
        )
    ]
    return card_lines(versions[-1])


async def test_a_report_saved_while_the_first_post_is_in_flight_updates_it(
    settings, clock, connector: FakeConnector
):
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await plan_meeting(bot, channel)
        await connector.wait_for(2)
        scheduler = app[SCHEDULER]
        to(clock, TUESDAY_9)
        held = connector.hold_next("create")
        tick = asyncio.create_task(scheduler.tick())
        await held.arrived.wait()  # composed and sent, not yet answered
        await bot.post_activity(channel.message("lägesrapport Kalmar: PET-projektet pågår."))
        held.release()
        first = await tick
        second = await scheduler.tick()
        quiet = await scheduler.tick()

    assert (first.sent, first.updated + second.updated, quiet.sent + quiet.updated) == (1, 1, 0)
    assert "Kalmar: ej rapporterat" in card_lines(connector.posted[2])
    assert "PET-projektet pågår." in _final_agenda(connector, channel.channel_id)


async def test_a_report_saved_while_an_update_is_in_flight_updates_it_again(
    settings, clock, connector: FakeConnector
):
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await plan_meeting(bot, channel)
        await connector.wait_for(2)
        scheduler = app[SCHEDULER]
        to(clock, TUESDAY_9)
        await scheduler.tick()
        await bot.post_activity(channel.message("lägesrapport Kalmar: Första."))
        held = connector.hold_next("update")
        tick = asyncio.create_task(scheduler.tick())
        await held.arrived.wait()
        await bot.post_activity(channel.message("lägesrapport Jönköping: Andra."))
        held.release()
        during = await tick
        last = await scheduler.tick()

    assert during.updated + last.updated == 2
    lines = _final_agenda(connector, channel.channel_id)
    assert "Första." in lines and "Andra." in lines


async def test_every_agenda_ends_with_every_report_when_reports_race_the_first_posts(
    settings, clock
):
    """Two hundred groups, a connector answering in 0.3 s, each group's report sent at a
    random moment 0–1.5 s into the scheduler posting the agendas; then the scheduler runs
    until quiet."""
    connector = await FakeConnector().start()
    rng = random.Random(17)
    channels = [
        TeamsSpace.channel(
            connector.url,
            conversation_id=f"19:race{n:03d}@thread.tacv2",
            channel_id=f"19:race{n:03d}@thread.tacv2",
        )
        for n in range(200)
    ]
    app = create_app(settings, clock=clock)
    try:
        async with serve(app) as bot:
            for channel in channels:
                await plan_meeting(bot, channel)
            connector.latency = 0.3  # from here on: the race
            scheduler = app[SCHEDULER]
            to(clock, TUESDAY_9)

            async def report(number: int, channel: TeamsSpace) -> None:
                await asyncio.sleep(rng.uniform(0, 1.5))
                text = f"lägesrapport Kalmar: Rapport {number}."
                await bot.post_activity(channel.message(text))

            await asyncio.gather(scheduler.tick(), *(report(n, c) for n, c in enumerate(channels)))
            for _ in range(10):
                done = await scheduler.tick()
                if done.sent + done.updated == 0:
                    break
    finally:
        await connector.close()

    missing = [
        number
        for number, channel in enumerate(channels)
        if f"Rapport {number}." not in _final_agenda(connector, channel.channel_id)
    ]
    assert missing == []
