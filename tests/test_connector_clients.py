"""Replies and proactive posts reach the Bot Connector through one kept client per service
URL, sent with aiohttp on the event loop: botbuilder's own path built a connector client for
every turn and sent with ``requests`` from a worker thread (bot.connector)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import requests
from aiohttp import ClientSession, web
from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import (
    ActionTypes,
    Activity,
    ActivityTypes,
    CardAction,
    ChannelAccount,
    ConversationAccount,
    ConversationParameters,
    ConversationReference,
    Mention,
)
from botframework.connector import models
from botframework.connector.aio import ConnectorClient
from msrest import Serializer
from msrest.exceptions import DeserializationError

from bot.app import create_app
from bot.connector import plain_json, read_json
from bot.settings import Settings
from tests.support.connector import FakeConnector
from tests.support.server import serve
from tests.support.teams import MATS, TeamsSpace


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


def _replies() -> list[Activity]:
    """Replies of every shape the bot sends: text, a card (nulls, non-ASCII, nested lists),
    a mention, suggested actions, a timestamp, enums, channel data and an update's id."""
    reference = ConversationReference(
        activity_id="1:abc",
        bot=ChannelAccount(id="28:bot", name="RAG-boten"),
        channel_id="msteams",
        conversation=ConversationAccount(id="19:x@thread.tacv2", is_group=True, tenant_id="t"),
        service_url="https://smba.trafficmanager.net/emea/",
        user=ChannelAccount(id="29:sara", name="Sara Lind", aad_object_id="a-1"),
    )
    card = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [{"type": "TextBlock", "text": "Åtgärder – öppna", "wrap": True, "color": None}],
        "actions": [{"type": "Action.Submit", "data": {"ragbot": "action.done", "number": 3}}],
    }
    text = MessageFactory.text("Sparat. Nästa möte **onsdag 14 januari kl. 13.00**.")
    mention = MessageFactory.text("<at>Sara Lind</at> äger punkten.")
    mention.entities = [
        Mention(
            mentioned=ChannelAccount(id="29:sara", name="Sara Lind"),
            text="<at>Sara Lind</at>",
            type="mention",
        )
    ]
    suggested = MessageFactory.suggested_actions(
        [CardAction(type=ActionTypes.im_back, title="Ja", value="ja")], "Menade du Kalmar?"
    )
    stamped = MessageFactory.attachment(CardFactory.adaptive_card(card))
    stamped.timestamp = datetime(2026, 1, 14, 12, 0, 5, 120000, tzinfo=UTC)
    stamped.channel_data = {"notification": {"alert": True}, "tenant": {"id": "t"}}
    stamped.id = "1:posted"
    stamped.type = ActivityTypes.message
    replies = [
        text,
        mention,
        suggested,
        stamped,
        MessageFactory.attachment(CardFactory.adaptive_card(card)),
    ]
    return [TurnContext.apply_conversation_reference(r, reference) for r in replies]


def test_a_reply_is_written_as_msrest_writes_it():
    """``plain_json`` skips msrest's walks; what it writes is what msrest would have sent."""
    msrest = Serializer({k: v for k, v in vars(models).items() if isinstance(v, type)})
    for reply in _replies():
        assert plain_json(reply) == msrest.body(reply, "Activity")
    # A post to a channel starts a conversation (a thread) with the activity in it.
    thread = ConversationParameters(
        is_group=True,
        bot=ChannelAccount(id="28:bot", name="RAG-boten"),
        channel_data={"channel": {"id": "19:x@thread.tacv2"}},
        activity=_replies()[-1],
        tenant_id="t",
    )
    assert plain_json(thread, "ConversationParameters") == msrest.body(
        thread, "ConversationParameters"
    )


def _arrivals() -> list[dict]:
    """What Teams sends: messages in a channel, a group chat and a 1:1 chat (mentions, client
    info), a card's submit, the app installed, meeting events, an invoke; and odd shapes: a
    number where a string belongs, a 7-digit timestamp with an offset, "true" for a bool."""
    channel, chat = TeamsSpace.channel(), TeamsSpace.group_chat()
    personal = TeamsSpace.personal()
    at = datetime(2026, 1, 14, 12, 0, tzinfo=UTC)
    odd = channel.message("hjälp")
    odd.update(
        localTimestamp="2026-01-14T13:00:05.1234567+01:00",
        locale=123,
        historyDisclosed="true",
        attachments=[{"contentType": "text/html", "content": "<p>hjälp</p>"}],
    )
    return [
        channel.message("åtgärd Sara följer upp remissen", mentions=(MATS,)),
        chat.message("dagordning"),
        personal.message("lägesrapport Kalmar: Allt lugnt."),
        channel.card_submit({"ragbot": "action.done", "number": 3}),
        channel.installation(),
        channel.meeting_start(at),
        channel.participants("meetingParticipantJoin", (MATS,)),
        channel.invoke("adaptiveCard/action", {"action": {"type": "Action.Execute"}}),
        odd,
    ]


def test_an_arrival_is_read_as_msrest_reads_it(monkeypatch: pytest.MonkeyPatch):
    """``read_json`` skips msrest's per-value dispatch; what it reads is what msrest reads,
    keys it does not know included."""
    bodies = _arrivals()
    msrest = [Activity.deserialize(body) for body in bodies]

    def unused(*args, **kwargs):
        raise AssertionError("left to msrest")

    monkeypatch.setattr(Activity, "deserialize", unused)
    assert [read_json(Activity, body) for body in bodies] == msrest


def test_an_arrival_msrest_refuses_is_refused():
    """A timestamp that is a day without a time is no activity, as msrest has it."""
    body = TeamsSpace.channel().message("hjälp")
    body["timestamp"] = "2026-01-14"
    with pytest.raises(DeserializationError):
        Activity.deserialize(body)
    with pytest.raises(DeserializationError):
        read_json(Activity, body)


async def test_replies_go_through_the_proxy_the_environment_names(
    settings: Settings, clock, connector: FakeConnector, monkeypatch: pytest.MonkeyPatch
):
    """HTTP_PROXY applies to the connector calls as it did to requests (read once per host,
    not by aiohttp in a worker thread for every call), and NO_PROXY exempts a host."""
    through: list[str] = []

    async def forward(request: web.Request) -> web.Response:
        through.append(str(request.url))
        async with (
            ClientSession() as http,
            http.request(
                request.method, request.url, headers=request.headers, data=await request.read()
            ) as answer,
        ):
            return web.Response(
                status=answer.status,
                body=await answer.read(),
                content_type=answer.content_type,
            )

    proxy = web.Application()
    proxy.router.add_route("*", "/{tail:.*}", forward)
    channel = TeamsSpace.channel(connector.url)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    async with serve(proxy) as proxied:
        monkeypatch.setenv("HTTP_PROXY", proxied.url)
        async with serve(create_app(settings, clock=clock)) as bot:
            await bot.post_activity(channel.message("hjälp"))
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        async with serve(create_app(settings, clock=clock)) as bot:
            await bot.post_activity(channel.message("hjälp"))

    assert len(connector.posted) == 2
    assert [url.startswith(connector.url) for url in through] == [True]
