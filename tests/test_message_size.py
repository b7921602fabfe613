"""Every message fits in Teams (40 KB, counted as UTF-16), with the largest realistic data: a
group with six regions, an 8,000-character report from each, and 3,000 action items (2,000
open). Over HTTP with the fake Bot Connector; it is Friday 20 November 2026.

Covers: `åtgärder` shows the newest page with a count and how to see older ones, page by page
to the oldest; `åtgärder alla` likewise; `dagordning` and the agenda the scheduler posts cut
each report and list only some items, saying where the rest is; `lägesrapporter Kalmar`
shows Kalmar's whole report; the report form opens with the whole text.
"""

from __future__ import annotations

import json
import re

from bot.app import SCHEDULER, create_app
from bot.domain.model import ActionItemDraft, Actor
from tests.date_corpus import local
from tests.support.connector import FakeConnector, Posted
from tests.support.server import serve
from tests.support.stored import Stored
from tests.support.teams import CHANNEL_ID, TeamsSpace

LIMIT = 40_000
REGIONS = ["Linköping", "Jönköping", "Kalmar", "Östergötland", "Västra Götaland", "Skåne"]
SARA = Actor("aad-sara", "Sara Axelsson", teams_id="29:sara")


def teams_bytes(post: Posted) -> int:
    """The message as the connector received it, in UTF-16 (non-ASCII escaped as sent)."""
    return len(json.dumps(post.body)) * 2


def report_text(region: str) -> str:
    """8,000 characters as a region writes them: paragraphs, lists, Swedish letters."""
    paragraph = (
        f"{region}: Läget på kliniken är oförändrat sedan förra mötet. Rekryteringen av "
        "specialistläkare pågår och två sjuksköterskor börjar i februari. SSM genomför "
        "inspektion under våren; förberedelserna är i gång.\n- PET/CT: fullt belagt\n"
        "- Radiofarmaka: leveranserna fungerar\n\n"
    )
    return (paragraph * 40)[:8000]


async def seed(stored: Stored, count: int = 3000) -> None:
    """``count`` action items, every third one closed."""
    group = await stored.group(CHANNEL_ID)
    async with stored.transactions.writing() as uow:
        now = local("2026-11-01 09:00")
        for number in range(count):
            text = f"Åtgärd {number + 1}: " + "följ upp remissflödet med regionen " * 3
            await uow.items.add(group.id, ActionItemDraft(text.strip(), SARA.name), now)
        for number in range(1, count // 3 + 1):
            await uow.items.close(group.id, number * 3, SARA.name, now)
        await uow.commit()


async def test_every_message_fits_with_the_largest_realistic_data(
    settings, clock, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await bot.post_activity(channel.message("regioner " + ", ".join(REGIONS)))
        await bot.post_activity(channel.message("mötestider 26/11 kl 13-14 Teams"))
        await seed(stored)
        for region in REGIONS:
            await bot.post_activity(
                channel.message(f"lägesrapport {region}: {report_text(region)}")
            )
        start = len(connector.posted)
        replies = {}
        for command in (
            "åtgärder",
            "åtgärder sida 2",
            "åtgärder alla",
            "dagordning",
            "lägesrapporter Kalmar",
            "lägesrapport Kalmar",
        ):
            await bot.post_activity(channel.message(command))
            replies[command] = connector.posted[-1]
        clock.advance(local("2026-11-24 09:00") - clock.now())
        await app[SCHEDULER].tick()
        posted_agenda = connector.posted[-1]

    sizes = {command: teams_bytes(post) for command, post in replies.items()}
    sizes["posted agenda"] = teams_bytes(posted_agenda)
    assert max(sizes.values()) < LIMIT, sizes
    assert all(teams_bytes(post) < LIMIT for post in connector.posted[start:])

    first = json.dumps(replies["åtgärder"].attachments[0]["content"], ensure_ascii=False)
    assert "Öppna åtgärder (2 000)" in first
    assert "#2999 " in first and "#1 " not in first  # the newest open ones (3000 is closed)
    assert re.search(r"Visar nr \d+–2999 av 2 000\. Äldre: @RAG åtgärder sida 2", first)
    second = json.dumps(replies["åtgärder sida 2"].attachments[0]["content"], ensure_ascii=False)
    assert "#2999 " not in second and "sida 3" in second
    every = json.dumps(replies["åtgärder alla"].attachments[0]["content"], ensure_ascii=False)
    assert "Alla åtgärder (3 000)" in every and "@RAG åtgärder alla sida 2" in every

    for agenda in (replies["dagordning"], posted_agenda):
        card = json.dumps(agenda.attachments[0]["content"], ensure_ascii=False)
        for region in REGIONS:
            assert f"Hela texten: @RAG lägesrapporter {region}" in card
        assert re.search(r"… och [\d ]+ till\. Alla: @RAG åtgärder", card)

    whole = replies["lägesrapporter Kalmar"].text
    assert whole.startswith("**Lägesrapport Kalmar** (inför mötet torsdag 26 november")
    assert whole.count("Kalmar: Läget på kliniken") == report_text("Kalmar").count(
        "Kalmar: Läget på kliniken"
    )
    form = replies["lägesrapport Kalmar"].attachments[0]["content"]
    assert form["body"][2]["value"] == report_text("Kalmar").strip()


async def test_the_last_page_says_it_is_the_oldest_and_a_page_past_it_is_named(
    settings, clock, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    async with serve(create_app(settings, clock=clock)) as bot:
        await bot.post_activity(channel.message("åtgärd Boka lokal"))
        await seed(stored, 300)
        pages = []
        for page in range(1, 200):
            await bot.post_activity(channel.message(f"åtgärder sida {page}"))
            pages.append(connector.posted[-1])
            if pages[-1].text and pages[-1].text.startswith("Det finns bara"):
                break

    last = json.dumps(pages[-2].attachments[0]["content"], ensure_ascii=False)
    assert "Det här är de äldsta." in last and "#1 " in last
    assert pages[-1].text == (
        f"Det finns bara {len(pages) - 1} sidor med åtgärder. Skriv `@RAG åtgärder` för den första."
    )
    shown = sum(
        len(re.findall(r'"#\d+ "', json.dumps(post.attachments[0]["content"], ensure_ascii=False)))
        for post in pages[:-1]
    )
    assert shown == 201  # every open item once, over all pages


async def test_an_agenda_with_many_long_points_fits(settings, clock, connector: FakeConnector):
    channel = TeamsSpace.channel(connector.url)
    async with serve(create_app(settings, clock=clock)) as bot:
        await bot.post_activity(channel.message("regioner " + ", ".join(REGIONS)))
        await bot.post_activity(channel.message("mötestider 26/11 kl 13-14 Teams"))
        for number in range(12):
            section = "Utvecklingsområde: " if number % 2 else ""
            text = f"Punkt {number}: " + "diskussion om remissflöden och upphandling " * 22
            await bot.post_activity(channel.message(f"punkt {section}{text[:980]}"))
        await bot.post_activity(channel.message("dagordning"))
        await bot.post_activity(channel.message("åtgärder sida ²"))

    agenda, odd_page = connector.posted[-2:]
    assert agenda.attachments and teams_bytes(agenda) < LIMIT
    assert odd_page.text == "Inga öppna åtgärder. Lägg till en med: åtgärd <text>"
