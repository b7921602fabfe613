"""Central capture flows over HTTP, as Teams drives them: the real app on a loopback port and
the fake Bot Connector.

Covers: a status report by card form in the channel (the card arrives at the connector as an
Adaptive Card, the Spara submit is answered); an action item in one message and its Klar
button; a 1:1 report dialog that survives a restart of the app between two messages; the
team's roster read from the connector (paged, or whole where it has no pages): a member who
never wrote in the channel reports from a 1:1 chat, a first name two members share is asked
back.
"""

from __future__ import annotations

import pytest

from bot.app import create_app
from tests.support.connector import FakeConnector
from tests.support.server import serve
from tests.support.teams import EDYTA, SARA, TEAM, TEAM_ID, TeamsSpace

NO_MEETING = "inför nästa möte, som inte är planerat än"


async def test_a_report_by_card_form_in_the_channel(settings, clock, connector: FakeConnector):
    channel = TeamsSpace.channel(connector.url)
    async with serve(create_app(settings, clock=clock)) as bot:
        await bot.post_activity(channel.message("regioner Linköping, Jönköping, Kalmar"))
        await bot.post_activity(channel.message("lägesrapport Kalmar"))
        submit = channel.card_submit(
            {"ragbot": "report.save", "region": "Kalmar", "text": "PET-projektet pågår."}
        )
        response = await bot.post_activity(submit)
        regions, form, saved = await connector.wait_for(3)

    assert response.status == 200
    assert regions.text == "Gruppens regioner är nu: Linköping, Jönköping och Kalmar."
    [attachment] = form.attachments
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert attachment["content"]["version"] == "1.5"
    assert [a["title"] for a in attachment["content"]["actions"]] == ["Spara", "Avbryt"]
    assert saved.kind == "reply"
    assert saved.activity_id == submit["id"]
    assert saved.text == f"Lägesrapporten för **Kalmar** är sparad, {NO_MEETING}."


async def test_an_action_item_and_its_done_button(settings, clock, connector: FakeConnector):
    channel = TeamsSpace.channel(connector.url)
    async with serve(create_app(settings, clock=clock)) as bot:
        await bot.post_activity(channel.message("åtgärd Mats tar fram statistik vecka 49"))
        await bot.post_activity(channel.card_submit({"ragbot": "action.done", "number": 1}))
        card, done = await connector.wait_for(2)

    body = card.attachments[0]["content"]["body"]
    assert [block["inlines"][0]["text"] for block in body] == [
        "Åtgärd #1",
        "Mats tar fram statistik",
        "Ansvarig: Mats",
        "Senast: fredag 4 december",
        "”vecka 49”: senast fredag 4 december – skriv ett annat datum om du menade något annat.",
    ]
    assert done.text == "Åtgärd #1 är klar: Mats tar fram statistik"


@pytest.mark.parametrize("paged", [True, False], ids=["paged", "whole list"])
async def test_the_teams_roster_is_read_from_the_connector(
    settings, clock, connector: FakeConnector, paged: bool
):
    connector.members, connector.roster_page, connector.paged = list(TEAM), 3, paged
    channel = TeamsSpace.channel(connector.url)
    sara = TeamsSpace.personal(connector.url, user=SARA)
    async with serve(create_app(settings, clock=clock)) as bot:
        await bot.post_activity(channel.message("regioner Linköping, Jönköping, Kalmar"))
        await bot.post_activity(sara.message("lägesrapport Kalmar: Från 1:1.", user=SARA))
        await bot.post_activity(channel.message("åtgärd Mats bokar lokal"))
        _, saved, asked = await connector.wait_for(3)

    assert saved.conversation_id == sara.conversation_id
    assert saved.text == f"Lägesrapporten för **Kalmar** är sparad, {NO_MEETING}."
    assert asked.text == (
        "Vilken ”Mats” menar du: **Mats Boström** eller **Mats Homelius**? Skriv hela namnet "
        "(`åtgärd Mats Boström …`) eller @nämn personen. Inget har sparats."
    )
    # The team's roster, two pages of it (or the whole list once), read once for both.
    assert connector.roster_asked == [TEAM_ID] * (2 if paged else 1)


async def test_a_private_dialog_survives_a_restart(settings, clock, connector: FakeConnector):
    channel = TeamsSpace.channel(connector.url)
    chat = TeamsSpace.personal(connector.url, user=EDYTA)
    async with serve(create_app(settings, clock=clock)) as bot:
        await bot.post_activity(channel.message("regioner Kalmar", user=EDYTA))
        await bot.post_activity(chat.message("lägesrapport Kalmar", user=EDYTA))
        await connector.wait_for(2)
    async with serve(create_app(settings, clock=clock)) as restarted:
        await restarted.post_activity(chat.message("Skriven efter omstart.", user=EDYTA))
        await restarted.post_activity(chat.message("Spara", user=EDYTA))
        *_, question, shown, saved = await connector.wait_for(4)

    assert question.text.startswith("Skriv lägesrapporten för **Kalmar**")
    assert shown.attachments[0]["contentType"] == "application/vnd.microsoft.card.hero"
    assert shown.attachments[0]["content"]["text"].startswith(
        "Så här blir lägesrapporten för **Kalmar**:\n\nSkriven efter omstart."
    )
    assert saved.text == f"Lägesrapporten för **Kalmar** är sparad, {NO_MEETING}."
