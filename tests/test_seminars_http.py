"""Seminar reminders and the calendar file over HTTP, as Teams sees them: the real app, the
fake Bot Connector, a moved clock.

It is Friday 20 November 2026, 10:00 in Stockholm; the group adds two seminars, Monday 7
December 8-9 and Monday 14 December 8-9. Covers: nothing posted before its time; a channel
post a week before (Monday 30 November 09:00) and the working day before (Friday 4 December
09:00), each once; the second seminar removed on Saturday 5 December gets no reminder on 7
December; the group's calendar file has one VEVENT per meeting and per seminar, with stable
UIDs (the same in a second download), and no longer the removed seminar. On SQLite and
PostgreSQL.
"""

from __future__ import annotations

import re

from bot.app import SCHEDULER, create_app
from bot.settings import Settings
from tests.date_corpus import local
from tests.support.connector import FakeConnector
from tests.support.server import serve
from tests.support.teams import TeamsSpace
from tests.test_scheduler_http import to


async def calendar(bot, path: str) -> str:
    async with bot.http.get(bot.url.rstrip("/") + path) as response:
        assert (response.status, response.content_type) == (200, "text/calendar")
        return await response.text()


def uids(ics: str) -> list[str]:
    return re.findall(r"^UID:(\S+)", ics, re.MULTILINE)


async def test_reminders_a_week_and_a_day_before_and_the_calendar_file(
    database_url, clock, connector: FakeConnector
):
    channel = TeamsSpace.channel(connector.url)
    settings = Settings(
        _env_file=None, database_url=database_url, scheduler=False, public_url="http://x"
    )
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await bot.post_activity(channel.message("mötestider 26/11 kl 13-14 Teams"))
        await bot.post_activity(
            channel.message(
                "seminarium\n7/12, 8–9 – leds av Fysiologiska kliniken i Linköping\n"
                "14/12 kl 8-9: Röntgen i Jönköping, ämne: PET-CT"
            )
        )
        planned, added = await connector.wait_for(2)
        [path] = re.findall(r"http://x(/calendar/\S+\.ics)", planned.text)
        first_ics = await calendar(bot, path)
        again_ics = await calendar(bot, path)
        scheduler = app[SCHEDULER]
        early = await scheduler.tick()

        to(clock, local("2026-11-30 09:00"))
        await scheduler.tick()  # the meeting is over; the week-before reminder of 7/12
        week = connector.posted[-1]
        quiet = await scheduler.tick()
        to(clock, local("2026-12-04 09:00"))
        await scheduler.tick()
        day = connector.posted[-1]
        to(clock, local("2026-12-05 10:00"))
        await bot.post_activity(channel.message("seminarium ta bort 14/12"))
        # The two replies, the two reminders, the removal's reply.
        removed = (await connector.wait_for(5))[4]
        later_ics = await calendar(bot, path)
        count = len(connector.posted)
        to(clock, local("2026-12-07 09:00"))
        after_removal = await scheduler.tick()

    assert added.text.startswith("Inlagt i seminarieserien:")
    assert (early.queued, early.sent) == (0, 0)
    assert week.kind == "create"
    assert week.text == (
        "Påminnelse: seminarium om en vecka, måndag 7 december kl. 8.00–9.00 – leds av "
        "Fysiologiska kliniken i Linköping."
    )
    assert (quiet.queued, quiet.sent) == (0, 0)
    assert day.text == (
        "Påminnelse: seminarium om 3 dagar, måndag 7 december kl. 8.00–9.00 – leds av "
        "Fysiologiska kliniken i Linköping."
    )
    assert removed.text.startswith("Seminariet måndag 14 december kl. 8.00–9.00")
    assert (after_removal.queued, after_removal.sent) == (0, 0)
    assert len(connector.posted) == count
    assert first_ics.count("BEGIN:VEVENT") == 3
    assert uids(first_ics) == uids(again_ics)
    meeting_uid, *seminar_uids = uids(first_ics)
    assert meeting_uid.startswith("meeting-")
    assert [uid.split("@")[0].split("-")[0] for uid in seminar_uids] == ["seminar", "seminar"]
    assert "DTSTART:20261207T070000Z" in first_ics
    assert "SUMMARY:Seminarium – Fysiologiska kliniken i Linköping" in first_ics
    assert "SUMMARY:PET-CT – Röntgen i Jönköping" in first_ics
    assert uids(later_ics) == [seminar_uids[0]]
