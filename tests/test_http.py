"""The bot over HTTP, as Teams talks to it: real app on a loopback port, fake Bot Connector.

Covers: `@RAG hjälp` in a channel answered at the connector in the right thread; install
greeting; `/healthz`; garbage bodies (not JSON, not an activity, wrong content type, too
large, no conversation) refused with 4xx; an Adaptive Card invoke answered 200; a resent
activity answered once; a tenant outside the allow-list refused; with credentials set, an
unauthenticated request refused; a reply the connector refused once sent again, and the resend
skipped.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from bot.app import create_app
from bot.settings import Settings
from tests.support.connector import FakeConnector
from tests.support.server import RunningBot, serve
from tests.support.teams import CHANNEL_ID, OTHER_TENANT_ID, TENANT_ID, TeamsSpace

HELP_FIRST_LINE = "Det här kan jag. Skriv @RAG före kommandot när du skriver i en kanal."


@pytest.fixture
async def bot(settings: Settings, clock) -> AsyncIterator[RunningBot]:
    async with serve(create_app(settings, clock=clock)) as running:
        yield running


async def test_help_in_a_channel_is_answered_in_its_thread(bot, connector: FakeConnector):
    channel = TeamsSpace.channel(connector.url)
    activity = channel.message("hjälp")

    response = await bot.post_activity(activity)

    assert response.status == 200
    [reply] = await connector.wait_for(1)
    assert reply.kind == "reply"
    assert reply.conversation_id == f"{CHANNEL_ID};messageid={activity['id']}"
    assert reply.activity_id == activity["id"]
    assert reply.text.split("\n")[0] == HELP_FIRST_LINE
    assert reply.body["replyToId"] == activity["id"]
    assert reply.body["from"]["id"] == "28:ragbot-local"
    assert "Authorization" not in reply.headers  # local mode: no credentials to send


async def test_installation_is_greeted_at_the_connector(bot, connector: FakeConnector):
    channel = TeamsSpace.channel(connector.url)

    response = await bot.post_activity(channel.installation())

    assert response.status == 200
    [greeting] = await connector.wait_for(1)
    assert greeting.conversation_id == CHANNEL_ID
    assert greeting.text.startswith("Hej! Jag är RAG-boten. Jag hjälper RAG nuklearmedicin")


async def test_health_check_reports_the_database(bot):
    async with bot.http.get(bot.url + "healthz") as response:
        assert response.status == 200
        assert await response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"\xff\xfe\x00", "application/json", 400),
        (b"[1, 2, 3]", "application/json", 400),
        (b'"message"', "application/json", 400),
        (b'{"text": "hej"}', "application/json", 400),
        (b'{"type": ""}', "application/json", 400),
        (b'{"type": "message", "text": "hej"}', "application/json", 400),
        (b'{"type": "message", "conversation": "x"}', "application/json", 400),
        (b"type=message", "application/x-www-form-urlencoded", 415),
    ],
)
async def test_garbage_bodies_are_refused_with_4xx(bot, connector, body, content_type, status):
    assert await bot.post_raw(body, content_type) == status
    assert connector.posted == []


async def test_an_oversized_body_is_refused(bot, connector):
    channel = TeamsSpace.channel(connector.url)
    activity = channel.message("hjälp " + "x" * 600_000)

    assert await bot.post_raw(json.dumps(activity).encode()) == 413
    assert connector.posted == []


async def test_an_adaptive_card_action_invoke_gets_200(bot, connector):
    channel = TeamsSpace.channel(connector.url)
    invoke = channel.invoke(
        "adaptiveCard/action",
        {"action": {"type": "Action.Execute", "verb": "okänd", "data": {}}, "trigger": "manual"},
    )

    async with bot.http.post(bot.url + "api/messages", json=invoke) as response:
        assert response.status == 200
        assert await response.json() == {
            "statusCode": 200,
            "type": "application/vnd.microsoft.activity.message",
            "value": "Den knappen känner jag inte igen längre. Inget har ändrats.",
        }


async def test_a_resent_activity_is_answered_once(bot, connector):
    channel = TeamsSpace.channel(connector.url)
    activity = channel.message("hjälp")

    first = await bot.post_activity(activity)
    again = await bot.post_activity(activity)
    await bot.post_activity(channel.message("blaha"))  # a later message still gets through

    assert (first.status, again.status) == (200, 200)
    replies = await connector.wait_for(2)
    assert [reply.text.split("\n")[0] for reply in replies] == [
        HELP_FIRST_LINE,
        "Det kommandot känner jag inte till: ”blaha”. Skriv @RAG hjälp för en lista.",
    ]


async def test_a_tenant_outside_the_allow_list_is_refused(sqlite_url, clock, connector, caplog):
    settings = Settings(_env_file=None, database_url=sqlite_url, allowed_tenants=TENANT_ID)
    outsider = TeamsSpace.channel(connector.url, tenant_id=OTHER_TENANT_ID)
    member = TeamsSpace.channel(connector.url)

    async with serve(create_app(settings, clock=clock)) as bot:
        refused = await bot.post_activity(outsider.message("hjälp"))
        allowed = await bot.post_activity(member.message("hjälp"))

    assert (refused.status, allowed.status) == (403, 200)
    assert [post.conversation_id.split(";")[0] for post in connector.posted] == [CHANNEL_ID]
    assert f"refused activity from tenant {OTHER_TENANT_ID} (not in the allow-list)" in (
        caplog.text
    )


async def test_with_credentials_set_an_unauthenticated_request_is_refused(
    sqlite_url, clock, connector
):
    settings = Settings(
        _env_file=None,
        database_url=sqlite_url,
        MicrosoftAppId="0c8e8b3a-1111-4222-8333-444455556666",
        MicrosoftAppPassword="not-a-real-secret",
    )
    channel = TeamsSpace.channel(connector.url)

    async with serve(create_app(settings, clock=clock)) as bot:
        no_token = await bot.post_activity(channel.message("hjälp"))
        forged = await bot.post_activity(
            channel.message("hjälp"), headers={"Authorization": "Bearer not.a.jwt"}
        )

    assert (no_token.status, forged.status) == (401, 401)
    assert connector.posted == []


async def test_a_reply_refused_once_is_sent_again_and_the_resend_is_skipped(bot, connector):
    channel = TeamsSpace.channel(connector.url)
    activity = channel.message("hjälp")
    connector.fail_next(503, times=1, kind="reply")

    await bot.post_activity(activity)
    await bot.post_activity(activity)  # Teams resends what it thinks timed out

    [help_reply] = connector.posted
    assert [post.text for post in connector.refused] == [help_reply.text]
    assert help_reply.text.split("\n")[0] == HELP_FIRST_LINE
