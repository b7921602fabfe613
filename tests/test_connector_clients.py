"""Replies and proactive posts reach the Bot Connector through one kept client per service
URL, sent with aiohttp on the event loop: botbuilder's own path built a connector client for
every turn and sent with ``requests`` from a worker thread (bot.connector)."""

from __future__ import annotations

import json

import pytest
import requests
from botframework.connector.aio import ConnectorClient

from bot.app import create_app
from bot.settings import Settings
from tests.support.connector import FakeConnector
from tests.support.server import serve
from tests.support.teams import TeamsSpace


async def test_replies_are_sent_without_requests(
    settings: Settings, clock, connector: FakeConnector, monkeypatch: pytest.MonkeyPatch
):
    def refuse(*args, **kwargs):
        raise AssertionError("a reply went through requests")

    monkeypatch.setattr(requests.Session, "request", refuse)
    channel = TeamsSpace.channel(connector.url)
    async with serve(create_app(settings, clock=clock)) as bot:
        await bot.post_activity(channel.message("hjälp"))
        await bot.post_activity(channel.message("åtgärd Sara följer upp remissen"))

    assert len(connector.posted) == 2
    assert "följer upp remissen" in json.dumps(connector.posted[1].message, ensure_ascii=False)


async def test_one_connector_client_serves_every_turn(
    settings: Settings, clock, connector: FakeConnector, monkeypatch: pytest.MonkeyPatch
):
    built: list[str] = []
    original = ConnectorClient.__init__

    def counting(self, credentials, base_url=None, **kwargs):
        built.append(base_url)
        original(self, credentials, base_url, **kwargs)

    monkeypatch.setattr(ConnectorClient, "__init__", counting)
    channel = TeamsSpace.channel(connector.url)
    async with serve(create_app(settings, clock=clock)) as bot:
        for _ in range(3):
            await bot.post_activity(channel.message("hjälp"))

    assert len(connector.posted) == 3
    assert built == [connector.url]


async def test_a_card_reply_carries_the_card_as_drawn(
    settings: Settings, clock, connector: FakeConnector
):
    """The card's JSON goes into the request as it is (not walked by msrest): the same
    document, with its nulls and non-ASCII text."""
    channel = TeamsSpace.channel(connector.url)
    async with serve(create_app(settings, clock=clock)) as bot:
        await bot.post_activity(channel.message("åtgärd Sara följer upp remissen"))
        await bot.post_activity(channel.message("åtgärder"))

    [card] = connector.posted[-1].attachments
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert "följer upp remissen" in json.dumps(card["content"], ensure_ascii=False)
