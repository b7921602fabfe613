"""Replies that are delivered or queued, and never a false word, over HTTP with the fake Bot
Connector. It is Friday 20 November 2026, 10:00 in Stockholm.

Covers: an action item whose reply the connector keeps refusing (429) is stored once, nobody
is told it was not handled, and the reply is delivered later in the same thread by the
scheduler; a turn that fails after storing says so truthfully, and Teams' resend stores
nothing more; a reply too large for Teams (413) is replaced by a short note, not retried; the
same command typed again within minutes gives the item stored the first time back.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.app import SCHEDULER, create_app
from bot.settings import Settings
from tests.support.connector import FakeConnector
from tests.support.server import RunningBot, serve
from tests.support.stored import Stored
from tests.support.teams import CHANNEL_ID, TeamsSpace

NOT_HANDLED = "Något gick fel hos mig och ditt meddelande blev inte behandlat. Försök igen strax."


@pytest.fixture
def app(settings: Settings, clock):
    return create_app(settings.model_copy(update={"reply_budget": 1.0}), clock=clock)


@pytest.fixture
async def bot(app) -> AsyncIterator[RunningBot]:
    async with serve(app) as running:
        yield running


def card_texts(post) -> str:
    return str(post.attachments[0]["content"]) if post.attachments else post.text or ""


async def test_a_reply_the_connector_keeps_refusing_is_queued_and_delivered_later(
    app, bot, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    activity = channel.message("åtgärd Karin testar dubbletter senast 30/11")
    connector.fail_next(429, times=20, retry_after=0.3, kind="reply")

    response = await bot.post_activity(activity)
    refused_in_turn = len(connector.refused)
    connector.recover()
    await app[SCHEDULER].tick()

    assert response.status == 200
    assert refused_in_turn >= 2  # retried within the turn before it was queued
    [late] = connector.posted
    assert late.conversation_id == f"{CHANNEL_ID};messageid={activity['id']}"
    assert "Karin testar dubbletter" in card_texts(late)
    assert NOT_HANDLED not in [post.text for post in connector.posted + connector.refused]
    assert [item.text for item in await stored.open_items(CHANNEL_ID)] == [
        "Karin testar dubbletter"
    ]


async def test_a_turn_that_fails_after_storing_says_so_and_the_resend_stores_nothing(
    bot, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    activity = channel.message("åtgärd Boka lokal")
    connector.fail_next(400, times=1, kind="reply")  # a reply refused for good

    await bot.post_activity(activity)
    await bot.post_activity(activity)  # Teams resends after the failed turn

    [note] = connector.posted
    assert note.text == (
        "Det du skrev är sparat, men något gick fel hos mig när jag skulle svara. "
        "Du behöver inte skicka det igen."
    )
    assert [item.text for item in await stored.open_items(CHANNEL_ID)] == ["Boka lokal"]


async def test_a_reply_too_large_for_teams_becomes_a_short_note(bot, connector: FakeConnector):
    channel = TeamsSpace.channel(connector.url)
    connector.fail_next(413, times=1, kind="reply")

    await bot.post_activity(channel.message("hjälp"))

    [note] = connector.posted
    assert len(connector.refused) == 1
    assert note.text == (
        "Svaret blev för stort för Teams och kunde inte visas. Inget av det du skrev har "
        "gått förlorat."
    )


async def test_the_same_command_typed_again_gives_the_first_item_back(
    bot, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)

    await bot.post_activity(channel.message("åtgärd Karin testar dubbletter senast 30/11"))
    await bot.post_activity(channel.message("åtgärd Karin testar dubbletter senast 30/11"))
    await bot.post_activity(channel.message("åtgärd Karin testar något annat"))

    first, again, other = connector.posted
    assert "Karin testar dubbletter" in card_texts(again)
    assert "Det här var redan sparat alldeles nyss" in card_texts(again)
    assert "Det här var redan sparat" not in card_texts(first) + card_texts(other)
    assert [item.number for item in await stored.open_items(CHANNEL_ID)] == [1, 2]


async def test_a_queued_reply_survives_a_change_of_settings(
    app, bot, connector: FakeConnector, stored: Stored
):
    """Changing settings plans the group's posts again; a queued reply is not a planned post."""
    channel = TeamsSpace.channel(connector.url)
    connector.fail_next(429, times=20, retry_after=0.3, kind="reply")
    await bot.post_activity(channel.message("åtgärd Karin testar dubbletter senast 30/11"))
    connector.recover()

    await bot.post_activity(channel.message("inställningar dagordning 3 arbetsdagar före"))
    await app[SCHEDULER].tick()

    assert any("Karin testar dubbletter" in card_texts(post) for post in connector.posted)
