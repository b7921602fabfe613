"""Posts to a group's conversation from outside a turn: the ``Notifier`` port over Bot Framework.

In a team channel a post is a **new conversation** (a new thread in the channel, not a reply
in an old one): ``create_conversation`` with the channel id, which needs a non-empty bot id
even in local mode. In a group or personal chat it is a message sent into the conversation.
An update is a PUT to the message's activity id, so an agenda changes in place.

Teams allows a conversation 7 messages in any second (8 in two, 60 in thirty) and a tenant 30
per second; the ``SendLimits`` given keep the posts under them: this process's own sliding
windows (``bot.ratelimit``, the default) or the replicas' shared ones (``storage.send_slots``).
Connector failures become ``DeliveryError``s: 429 with its Retry-After, 5xx and timeouts to
retry, 403 (and 404 for a post) for a conversation the bot was removed from, other 4xx (and 404
for an update: the message was deleted) as rejected.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp
from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import (
    Activity,
    ChannelAccount,
    ConversationParameters,
    ConversationReference,
    Mention,
)
from msrest.exceptions import ClientRequestError, DeserializationError, HttpOperationError

from bot import cards
from bot.domain.model import ConversationType, Group
from bot.domain.notice import Notice
from bot.domain.ports import DeliveryError, DeliveryProblem, PostedMessage
from bot.ratelimit import LocalSendLimits, SendLimits

log = logging.getLogger(__name__)

# Teams' limits on a bot's messages: per conversation (thread) and per tenant.
PER_CONVERSATION = ((7, 1.0), (8, 2.0), (60, 30.0), (1800, 3600.0))
PER_TENANT = ((30, 1.0),)
SEND_TIMEOUT = 30.0  # seconds for one connector call


def render(notice: Notice) -> Activity:
    """The Teams message for a notice: its card, or text with its @mentions."""
    if notice.card is not None:
        activity = MessageFactory.attachment(CardFactory.adaptive_card(cards.card_for(notice.card)))
        activity.text = notice.text
        return activity
    activity = MessageFactory.text(notice.text)
    activity.text_format = "markdown"
    activity.entities = [
        Mention(
            mentioned=ChannelAccount(id=mention.id, name=mention.name),
            text=mention.markup,
            type="mention",
        )
        for mention in notice.mentions
    ]
    return activity


class TeamsNotifier:
    def __init__(
        self, adapter: CloudAdapter, bot_id: str, limits: SendLimits | None = None
    ) -> None:
        self._adapter = adapter
        self._bot_id = bot_id
        self._limits = limits or LocalSendLimits(PER_TENANT, PER_CONVERSATION)

    async def post(self, group: Group, notice: Notice) -> PostedMessage:
        activity = render(notice)
        reference = ConversationReference().deserialize(group.reference)
        await self._slot(group)
        if notice.thread:
            reference.conversation.id = notice.thread
            return await self._call(self._send(reference, activity))
        if group.conversation_type is ConversationType.CHANNEL and group.channel_id:
            return await self._call(self._new_thread(group, reference, activity))
        return await self._call(self._send(reference, activity))

    async def update(self, group: Group, posted: PostedMessage, notice: Notice) -> None:
        activity = render(notice)
        activity.id = posted.activity_id
        reference = ConversationReference().deserialize(group.reference)
        reference.conversation.id = posted.conversation_id
        activity.conversation = reference.conversation

        async def put(context: TurnContext) -> None:
            await context.update_activity(activity)

        await self._slot(group)
        await self._call(self._continue(reference, put), updating=True)

    async def _slot(self, group: Group) -> None:
        """Wait until Teams' limits for the tenant and the conversation allow one more."""
        await self._limits.wait(group.tenant_id or "-", group.key)

    async def _new_thread(
        self, group: Group, reference: ConversationReference, activity: Activity
    ) -> PostedMessage:
        parameters = ConversationParameters(
            is_group=True,
            bot=ChannelAccount(id=self._bot_id),
            channel_data={"channel": {"id": group.channel_id}},
            activity=activity,
            tenant_id=group.tenant_id,
        )
        created: dict[str, str] = {}

        async def note(context: TurnContext) -> None:
            created["activity_id"] = context.activity.id
            created["conversation_id"] = context.activity.conversation.id

        await self._adapter.create_conversation(
            self._bot_id, note, parameters, "msteams", reference.service_url, None
        )
        return PostedMessage(created["activity_id"], created["conversation_id"])

    async def _send(self, reference: ConversationReference, activity: Activity) -> PostedMessage:
        posted: dict[str, str] = {}

        async def send(context: TurnContext) -> None:
            response = await context.send_activity(activity)
            posted["activity_id"] = response.id if response else ""

        await self._continue(reference, send)
        return PostedMessage(posted["activity_id"], reference.conversation.id)

    async def _continue(self, reference: ConversationReference, logic: Any) -> None:
        """Run ``logic`` in a proactive turn; its errors come back to us, not to a user."""
        failure: list[BaseException] = []

        async def guarded(context: TurnContext) -> None:
            try:
                await logic(context)
            except Exception as error:  # noqa: BLE001 - re-raised below, outside the turn
                failure.append(error)

        await self._adapter.continue_conversation(reference, guarded, self._bot_id)
        if failure:
            raise failure[0]

    async def _call(self, call: Any, *, updating: bool = False) -> Any:
        try:
            return await asyncio.wait_for(call, SEND_TIMEOUT)
        except HttpOperationError as error:
            raise _delivery_error(error, updating) from error
        except (TimeoutError, ClientRequestError, aiohttp.ClientError, OSError) as error:
            detail = f"connector unreachable: {error!r}"
            raise DeliveryError(DeliveryProblem.RETRY, detail) from error
        except DeserializationError as error:
            # An answer that is not the connector's JSON: an HTML error page from a proxy or
            # gateway in between. Worth another try, like any gateway error.
            detail = f"connector answer unreadable: {error}"
            raise DeliveryError(DeliveryProblem.RETRY, detail) from error


def _delivery_error(error: HttpOperationError, updating: bool) -> DeliveryError:
    response = error.response
    status = getattr(response, "status_code", None) or 0
    headers = getattr(response, "headers", None) or {}
    detail = f"connector answered {status}: {error.message}"
    if status == 429:
        return DeliveryError(DeliveryProblem.RETRY, detail, _retry_after(headers))
    if status == 403 or (status == 404 and not updating):
        return DeliveryError(DeliveryProblem.GONE, detail)
    if status >= 500 or status in (408, 412):
        return DeliveryError(DeliveryProblem.RETRY, detail, _retry_after(headers))
    return DeliveryError(DeliveryProblem.REJECTED, detail)


def _retry_after(headers: Any) -> float | None:
    value = headers.get("Retry-After") if hasattr(headers, "get") else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None  # an HTTP date: the backoff decides instead
