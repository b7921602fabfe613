"""The scheduler over HTTP, as Teams sees it: the real app, the fake Bot Connector, a moved clock.

It is Friday 20 November 2026, 10:00 in Stockholm; the group plans a meeting on Thursday 26
November 13:00. Covers: nothing posted before its time; the agenda as a **new channel post**
on Tuesday 09:00, updated **in place** (PUT, same message) after a new report, not posted
twice; the day-before reminder and the nudge (only to regions that have not reported) on
Wednesday 09:00; the 15-minute reminder; nothing after the meeting. A restart between "due"
and "sent" posts once; 429 (Retry-After honoured) and 503 faults deliver every post exactly
once; 403 marks the group inactive until the bot is added again. A group in Oslo gets its
agenda by Norway's holidays. The calendar link serves an
.ics file; a wrong link is 404.
"""

from __future__ import annotations

import re
from datetime import timedelta

import aiohttp
from aiohttp import web
from sqlalchemy import update

from bot.app import SCHEDULER, create_app
from bot.settings import Settings
from storage.db import create_engine
from storage.tables import GroupRow
from tests.date_corpus import local
from tests.support.connector import FakeConnector, Posted
from tests.support.process import free_port
from tests.support.server import serve
from tests.support.teams import CHANNEL_ID, MATS, TeamsSpace

TUESDAY_9 = local("2026-11-24 09:00")
WEDNESDAY_9 = local("2026-11-25 09:00")
THURSDAY_1245 = local("2026-11-26 12:45")


def to(clock, moment) -> None:
    clock.advance(moment - clock.now())


def card_lines(post: Posted) -> list[str]:
    body = post.attachments[0]["content"]["body"]
    return ["".join(run["text"] for run in block["inlines"]) for block in body]


async def plan_meeting(bot, channel) -> None:
    await bot.post_activity(channel.message("regioner Linköping, Jönköping, Kalmar"))
    await bot.post_activity(channel.message("mötestider 26/11 kl 13-14 Teams"))


async def test_agenda_reminders_and_nudge_at_their_times(settings, clock, connector: FakeConnector):
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await plan_meeting(bot, channel)
        scheduler = app[SCHEDULER]
        await connector.wait_for(2)
        early = await scheduler.tick()

        to(clock, TUESDAY_9)
        first = await scheduler.tick()
        [agenda] = connector.posted[2:]
        await bot.post_activity(channel.message("lägesrapport Kalmar: PET-projektet pågår."))
        await connector.wait_for(4)
        second = await scheduler.tick()
        update = connector.posted[-1]
        quiet = await scheduler.tick()

        to(clock, WEDNESDAY_9)
        await scheduler.tick()
        reminder, nudge = connector.posted[-2:]
        to(clock, THURSDAY_1245)
        await scheduler.tick()
        last = connector.posted[-1]
        to(clock, local("2026-11-26 13:30"))
        after = await scheduler.tick()

    assert (early.queued, early.sent) == (0, 0)
    assert (first.sent, second.updated, quiet.sent + quiet.updated) == (1, 1, 0)
    assert agenda.kind == "create"
    assert agenda.body["channelData"]["channel"]["id"] == CHANNEL_ID
    assert agenda.body["bot"]["id"] == "ragbot-local"
    lines = card_lines(agenda)
    assert lines[:3] == [
        "Dagordning RAG nuklearmedicin",
        "Datum 2026-11-26, kl. 13.00 – 14.00",
        "Plats Teams",
    ]
    assert "Kalmar: ej rapporterat" in lines
    assert update.kind == "update"
    assert update.method == "PUT"
    assert update.conversation_id == f"{CHANNEL_ID};messageid={update.activity_id}"
    assert update.activity_id == "1:3"  # the agenda's own message
    assert "Kalmar: ej rapporterat" not in card_lines(update)
    assert "PET-projektet pågår." in card_lines(update)
    assert reminder.text == (
        "Påminnelse: nästa möte är i morgon, torsdag 26 november kl. 13.00–14.00, Teams."
    )
    assert nudge.text == (
        "**Linköping** och **Jönköping** har inte lämnat lägesrapport inför mötet torsdag 26 "
        "november kl. 13.00–14.00, Teams. Skriv till exempel `@RAG lägesrapport Linköping`."
    )
    assert {reminder.kind, nudge.kind} == {"create"}
    assert last.text == (
        "Påminnelse: nästa möte är om 15 minuter, torsdag 26 november kl. 13.00–14.00, Teams."
    )
    assert (after.queued, after.sent, after.updated) == (0, 0, 0)
    assert len(connector.posted) == 8


async def test_the_agenda_and_reminders_follow_a_moved_and_a_cancelled_meeting(
    settings, clock, connector
):
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await plan_meeting(bot, channel)
        await bot.post_activity(channel.message("mötestider 10/12 kl 13-14 Teams"))
        await connector.wait_for(3)
        scheduler = app[SCHEDULER]
        to(clock, TUESDAY_9)
        await scheduler.tick()
        agenda = connector.posted[-1]
        await bot.post_activity(channel.message("flytta möte 26/11 till 27/11 kl 10-11"))
        question = (await connector.wait_for(5))[-1]
        move = question.attachments[0]["content"]["actions"][0]["data"]
        await bot.post_activity(channel.card_submit(move))
        await connector.wait_for(6)
        moved = await scheduler.tick()
        moved_agenda = connector.posted[-1]
        to(clock, WEDNESDAY_9)
        wednesday = await scheduler.tick()  # the day-before reminder is Thursday's now
        to(clock, local("2026-11-26 09:00"))
        await scheduler.tick()
        reminder = connector.posted[-2]
        await bot.post_activity(channel.message("ställ in möte 27/11"))
        question = connector.posted[-1]  # the reply arrives within the request
        cancel = question.attachments[0]["content"]["actions"][0]["data"]
        await bot.post_activity(channel.card_submit(cancel))
        cancelled = await scheduler.tick()
        cancelled_agenda = connector.posted[-1]
        to(clock, local("2026-11-27 09:45"))
        silent = await scheduler.tick()

    assert agenda.kind == "create"
    assert (moved.updated, moved_agenda.kind) == (1, "update")
    assert moved_agenda.conversation_id == f"{CHANNEL_ID};messageid={moved_agenda.activity_id}"
    assert cancelled_agenda.activity_id == moved_agenda.activity_id
    assert "Datum 2026-11-27, kl. 10.00 – 11.00" in card_lines(moved_agenda)
    assert (wednesday.sent, wednesday.updated) == (0, 0)
    assert reminder.text == (
        "Påminnelse: nästa möte är i morgon, fredag 27 november kl. 10.00–11.00, Teams."
    )
    assert cancelled.updated == 1
    assert "Mötet är inställt." in card_lines(cancelled_agenda)
    assert (silent.sent, silent.queued) == (0, 0)  # no 15-minute reminder for it


async def queue_agenda_and_stop(settings, clock, connector):
    """A bot that plans the meeting, queues its agenda on Tuesday 09:00 and stops unsent."""
    channel = TeamsSpace.channel(connector.url)
    first = create_app(settings, clock=clock)
    async with serve(first) as bot:
        await plan_meeting(bot, channel)
        await connector.wait_for(2)
        to(clock, TUESDAY_9)
        return await first[SCHEDULER].plan()


async def test_a_restart_between_due_and_sent_posts_once(settings, clock, connector):
    planned = await queue_agenda_and_stop(settings, clock, connector)

    restarted = create_app(settings.model_copy(update={"scheduler": True}), clock=clock)
    async with serve(restarted):
        await connector.wait_for(3)  # sent by the start-up tick, on its own
        again = await restarted[SCHEDULER].tick()

    assert planned.queued == 1
    assert [post.kind for post in connector.posted] == ["reply", "reply", "create"]
    assert (again.queued, again.sent) == (0, 0)


async def test_a_post_missed_while_down_is_dropped_with_a_log_line_once_useless(
    settings, clock, connector, caplog
):
    await queue_agenda_and_stop(settings, clock, connector)  # then the bot is down for days

    to(clock, local("2026-11-26 13:05"))  # the meeting has started
    restarted = create_app(settings, clock=clock)
    async with serve(restarted):
        late = await restarted[SCHEDULER].tick()

    assert (late.sent, late.dropped) == (0, 4)  # the agenda, two reminders and the nudge
    assert len(connector.posted) == 2
    dropped = [r.getMessage() for r in caplog.records if r.getMessage().startswith("dropped")]
    assert len(dropped) == 4
    assert any(line.startswith("dropped agenda:") for line in dropped)


async def test_a_groups_own_agenda_lead_time_is_used(settings, clock, connector):
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await plan_meeting(bot, channel)
        on_defaults = await app[SCHEDULER].tick()  # Tuesday 09:00 is still ahead
        # Four working days before Thursday 26/11 is Friday 20/11, 09:00: already passed.
        await bot.post_activity(channel.message("inställningar dagordning 4 dagar"))
        own = await app[SCHEDULER].tick()

    assert on_defaults.sent == 0
    assert own.sent == 1
    assert card_lines(connector.posted[-1])[0] == "Dagordning RAG nuklearmedicin"


async def test_a_norwegian_groups_agenda_before_17_may_goes_out_on_its_own_calendar(
    settings, clock, connector
):
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await bot.post_activity(channel.message("inställningar tidszon Europe/Oslo"))
        await bot.post_activity(channel.message("mötestider 19/5 kl 13-14 Teams"))
        await connector.wait_for(2)
        # Two working days before Wednesday 19 May 2027 in Norway: Tuesday the 18th and,
        # Monday the 17th being Constitution Day, Friday the 14th (in Sweden: Monday).
        to(clock, local("2027-05-13 09:30"))
        thursday = await app[SCHEDULER].tick()
        to(clock, local("2027-05-14 09:30"))
        friday = await app[SCHEDULER].tick()

    assert (thursday.sent, friday.sent) == (0, 1)
    assert card_lines(connector.posted[-1])[:2] == [
        "Dagordning RAG nuklearmedicin",
        "Datum 2027-05-19, kl. 13.00 – 14.00",
    ]


async def test_throttling_and_server_errors_deliver_every_post_once(settings, clock, connector):
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await plan_meeting(bot, channel)
        await connector.wait_for(2)
        scheduler = app[SCHEDULER]
        to(clock, TUESDAY_9)
        connector.fail_next(429, retry_after=2, kind="create")
        throttled = await scheduler.tick()
        too_soon = await scheduler.tick()
        clock.advance(timedelta(seconds=2))
        delivered = await scheduler.tick()

        to(clock, WEDNESDAY_9)
        connector.fail_next(503, times=3, kind="create")
        ticks = []
        for _ in range(6):
            ticks.append(await scheduler.tick())
            clock.advance(timedelta(minutes=16))

    assert (throttled.retried, throttled.sent) == (1, 0)
    assert (too_soon.retried, too_soon.sent) == (0, 0)  # Retry-After is honoured
    assert delivered.sent == 1
    assert sum(t.retried for t in ticks) == 3
    assert sum(t.sent for t in ticks) == 2
    creates = [post for post in connector.posted if post.kind == "create"]
    texts = [post.text for post in creates]
    assert len(creates) == 3  # agenda, reminder, nudge: each exactly once
    assert len(set(texts)) == 3
    assert len(connector.refused) == 4


async def test_an_html_error_page_instead_of_the_connector_is_retried(settings, clock, connector):
    """An HTML page instead of the connector's JSON (a proxy's 404, as the Agents Playground
    answers updates) is a failed delivery to retry, not a failed tick: the connector client
    cannot read HTML and its error went past the sender and stopped the whole tick."""
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await plan_meeting(bot, channel)
        await connector.wait_for(2)
        scheduler = app[SCHEDULER]
        to(clock, TUESDAY_9)
        await scheduler.tick()
        await bot.post_activity(channel.message("lägesrapport Kalmar: PET-projektet pågår."))
        await connector.wait_for(4)
        connector.fail_next(404, kind="update", html=True)
        failed = await scheduler.tick()
        clock.advance(timedelta(minutes=16))
        retried = await scheduler.tick()

    assert (failed.retried, failed.updated) == (1, 0)
    assert retried.updated == 1
    [update] = [post for post in connector.posted if post.kind == "update"]
    assert "PET-projektet pågår." in card_lines(update)


async def test_one_groups_unexpected_failure_does_not_stop_the_others(settings, clock, connector):
    """A group whose stored conversation reference is damaged fails on its own; the other
    group's agenda still goes out in the same tick, and the damaged one is logged."""
    first = TeamsSpace.channel(connector.url)
    second = TeamsSpace.channel(
        connector.url, conversation_id="19:second@thread.tacv2", channel_id="19:second@thread.tacv2"
    )
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await plan_meeting(bot, first)
        await plan_meeting(bot, second)
        await connector.wait_for(4)
        engine = create_engine(settings.database_url)
        async with engine.begin() as connection:
            await connection.execute(
                update(GroupRow).where(GroupRow.key == CHANNEL_ID).values(reference={})
            )
        await engine.dispose()
        to(clock, TUESDAY_9)
        report = await app[SCHEDULER].tick()

    [agenda] = [post for post in connector.posted if post.kind == "create"]
    assert agenda.body["channelData"]["channel"]["id"] == "19:second@thread.tacv2"
    assert (report.sent, report.failed) == (1, 1)


async def test_a_removed_bot_marks_the_group_inactive(settings, clock, connector, stored):
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await plan_meeting(bot, channel)
        await connector.wait_for(2)
        to(clock, TUESDAY_9)
        connector.fail_next(403, kind="create")
        gone = await app[SCHEDULER].tick()
        inactive = await stored.group(CHANNEL_ID)
        to(clock, WEDNESDAY_9)
        silent = await app[SCHEDULER].tick()
        await bot.post_activity(channel.installation())
        await connector.wait_for(3)
        back = await stored.group(CHANNEL_ID)

    assert gone.failed == 1
    assert not inactive.active
    assert (silent.queued, silent.sent) == (0, 0)
    assert back.active


async def test_the_calendar_link_serves_an_ics_file(settings, clock, connector):
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings.model_copy(update={"public_url": "http://x"}), clock=clock)
    async with serve(app) as bot:
        await bot.post_activity(channel.message("mötestider 23/11 kl 13-14 Teams; 14/12 kl 11-12"))
        [reply] = await connector.wait_for(1)
        [path] = re.findall(r"http://x(/calendar/\S+\.ics)", reply.text)
        async with bot.http.get(bot.url.rstrip("/") + path) as response:
            status, kind, body = response.status, response.content_type, await response.text()
        async with bot.http.get(bot.url + "calendar/not-the-right-token-at-all.ics") as wrong:
            wrong_status = wrong.status

    assert (status, kind) == (200, "text/calendar")
    assert body.count("BEGIN:VEVENT") == 2
    assert "DTSTART:20261123T120000Z" in body
    assert "LOCATION:plats meddelas senare" in body
    assert wrong_status == 404


async def test_in_local_mode_the_calendar_link_opens_on_this_machine(clock, connector, sqlite_url):
    """No RAGBOT_PUBLIC_URL and no credentials: the link is the address the bot listens on."""
    settings = Settings(_env_file=None, database_url=sqlite_url, scheduler=False, port=free_port())
    channel = TeamsSpace.channel(connector.url)
    runner = web.AppRunner(create_app(settings, clock=clock), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, settings.host, settings.port).start()
    try:
        async with aiohttp.ClientSession() as http:
            await http.post(
                settings.local_url + "/api/messages",
                json=channel.message("mötestider 23/11 kl 13-14 Teams"),
            )
            [reply] = await connector.wait_for(1)
            [link] = re.findall(r"http\S+\.ics", reply.text)
            async with http.get(link) as response:
                status, kind = response.status, response.content_type
    finally:
        await runner.cleanup()

    assert link.startswith(f"http://127.0.0.1:{settings.port}/calendar/")
    assert (status, kind) == (200, "text/calendar")


async def test_overdue_items_are_posted_with_the_owner_mentioned(settings, clock, connector):
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await bot.post_activity(
            channel.message(
                "åtgärd <at>Mats Homelius</at> tar fram statistik i morgon", mentions=(MATS,)
            )
        )
        await connector.wait_for(1)
        to(clock, local("2026-11-23 08:00"))
        early = await app[SCHEDULER].tick()
        to(clock, local("2026-11-23 09:00"))
        await app[SCHEDULER].tick()
        to(clock, local("2026-11-23 15:00"))
        same_day = await app[SCHEDULER].tick()
        overdue = connector.posted[-1]

    assert early.sent == 0
    assert same_day.sent == 0
    assert overdue.text.split("\n\n") == [
        "**Försenade åtgärdspunkter**",
        "#1 Mats Homelius tar fram statistik – ansvarig <at>Mats Homelius</at>, skulle vara "
        "klar lördag 21 november",
        "Skriv `@RAG klar <nr>` när en punkt är klar, eller `@RAG ändra <nr> <nytt datum>`.",
    ]
    [mention] = [e for e in overdue.message["entities"] if e["type"] == "mention"]
    assert mention["mentioned"] == {"id": MATS["id"], "name": "Mats Homelius"}


async def test_the_prune_log_line_says_how_old_in_words(settings, clock, connector, caplog):
    caplog.set_level("INFO", logger="bot.scheduler")
    app = create_app(settings.model_copy(update={"retention": timedelta(days=730)}), clock=clock)
    async with serve(app):
        await app[SCHEDULER].tick()

    logged = [r.getMessage() for r in caplog.records if r.name == "bot.scheduler"]
    assert "pruned 0 handled-activity ids older than 1 day" in logged
    assert any(line.startswith("retention 730 days: purged 0 items") for line in logged)
    assert not any("0:00:00" in line for line in logged)
