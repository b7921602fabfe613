"""The fake Bot Connector understands botbuilder's own ConnectorClient: every route the
bot will use (create a channel post, send, reply, update in place, members), percent-encoded
conversation ids, and injected faults with Retry-After, which botbuilder passes through to
its caller unretried (so the outbox's retry logic is ours to write and to test)."""

from __future__ import annotations

import pytest
from botbuilder.schema import Activity, ChannelAccount, ConversationParameters
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials
from msrest.exceptions import HttpOperationError

from tests.support.teams import BOT, CHANNEL_ID, EDYTA, TENANT_ID

THREAD = f"{CHANNEL_ID};messageid=1732266000001"


@pytest.fixture
async def client(connector):
    credentials = MicrosoftAppCredentials("", "")
    async with ConnectorClient(credentials, base_url=connector.url.rstrip("/")) as client:
        yield client


async def test_a_new_channel_post_then_an_update_in_place(client, connector):
    created = await client.conversations.create_conversation(
        ConversationParameters(
            is_group=True,
            bot=ChannelAccount(**BOT),
            channel_data={"channel": {"id": CHANNEL_ID}, "tenant": {"id": TENANT_ID}},
            activity=Activity(type="message", text="Dagordning"),
            tenant_id=TENANT_ID,
        )
    )
    await client.conversations.update_activity(
        created.id, created.activity_id, Activity(type="message", text="Dagordning (ny)")
    )

    create, update = await connector.wait_for(2)
    assert (created.id, created.activity_id) == (f"{CHANNEL_ID};messageid=1:1", "1:1")
    assert (create.kind, create.body["activity"]["text"]) == ("create", "Dagordning")
    assert (update.kind, update.conversation_id, update.activity_id) == (
        "update",
        created.id,
        "1:1",
    )
    assert update.text == "Dagordning (ny)"


async def test_send_and_reply_with_percent_encoded_ids(client, connector):
    await client.conversations.send_to_conversation(THREAD, Activity(type="message", text="a"))
    await client.conversations.reply_to_activity(
        THREAD, "1732266000001", Activity(type="message", text="b")
    )

    sent, reply = await connector.wait_for(2)
    assert (sent.kind, sent.conversation_id, sent.text) == ("send", THREAD, "a")
    assert (reply.kind, reply.conversation_id, reply.activity_id) == (
        "reply",
        THREAD,
        "1732266000001",
    )


async def test_injected_faults_reach_the_caller_then_clear(client, connector):
    connector.fail_next(429, retry_after=2, kind="send")
    connector.fail_next(503, times=2, kind="send")

    statuses = []
    for _ in range(4):
        try:
            await client.conversations.send_to_conversation(
                THREAD, Activity(type="message", text="påminnelse")
            )
            statuses.append(200)
        except HttpOperationError as error:
            statuses.append(error.response.status_code)
            if error.response.status_code == 429:
                assert error.response.headers["Retry-After"] == "2"

    assert statuses == [429, 503, 503, 200]
    assert len(connector.refused) == 3
    assert connector.texts() == ["påminnelse"]


async def test_members_are_served_from_the_fixture(client, connector):
    connector.members.append(dict(EDYTA))

    members = await client.conversations.get_conversation_members(CHANNEL_ID)
    member = await client.conversations.get_conversation_member(CHANNEL_ID, EDYTA["id"])

    assert [m.name for m in members] == ["Edyta Johansson"]
    assert member.id == EDYTA["id"]
