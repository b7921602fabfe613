"""Central capture flows over HTTP, as Teams drives them: the real app on a loopback port and
the fake Bot Connector.

Covers: a status report by card form in the channel (the card arrives at the connector as an
Adaptive Card, the Spara submit is answered); an action item in one message and its Klar
button; a 1:1 report dialog that survives a restart of the app between two messages.
"""

from __future__ import annotations

from bot.app import create_app
from tests.support.connector import FakeConnector
from tests.support.server import serve
from tests.support.teams import EDYTA, TeamsSpace

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
