"""Posts to a group's conversation from outside a turn: the ``Notifier`` port over Bot Framework.

In a team channel a post is a **new conversation** (a new thread in the channel, not a reply
in an old one): ``create_conversation`` with the channel id, which needs a non-empty bot id
even in local mode. In a group or personal chat it is a message sent into the conversation.
An update is a PUT to the message's activity id, so an agenda changes in place.

Teams allows 7 messages per second per conversation and 30 per tenant; two leaky buckets
(aiolimiter) keep this process under both. Connector failures become ``DeliveryError``s: 429
with its Retry-After, 5xx and timeouts to retry, 403/404 for a conversation the bot was
removed from, other 4xx (and 404 for an update: the message was deleted) as rejected.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from typing import Any

import aiohttp
from aiolimiter import AsyncLimiter
from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import (
    Activity,
    ChannelAccount,
    ConversationParameters,
    ConversationReference,
    Mention,
)
from msrest.exceptions import ClientRequestError, HttpOperationError

from bot import cards
from bot.domain.model import ConversationType, Group
from bot.domain.notices import Notice
from bot.domain.ports import DeliveryError, DeliveryProblem, PostedMessage

log = logging.getLogger(__name__)

PER_CONVERSATION = 7  # messages per second, Teams' limit per conversation
PER_TENANT = 30  # messages per second, Teams' limit per tenant
SEND_TIMEOUT = 30.0  # seconds for one connector call


def render(notice: Notice) -> Activity:
    """The Teams message for a notice: the agenda card, or text with its @mentions."""
    if notice.agenda is not None:
        activity = MessageFactory.attachment(
            CardFactory.adaptive_card(cards.agenda_card(notice.agenda))
        )
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


class _Limiters:
    """One leaky bucket per key, the least recently used forgotten beyond ``size``."""

    def __init__(self, rate: float, size: int = 10_000) -> None:
        self._rate = rate
        self._size = size
        self._buckets: OrderedDict[str, AsyncLimiter] = OrderedDict()

    def __call__(self, key: str) -> AsyncLimiter:
        bucket = self._buckets.pop(key, None) or AsyncLimiter(self._rate, 1)
        self._buckets[key] = bucket
        if len(self._buckets) > self._size:
            self._buckets.popitem(last=False)
        return bucket


class TeamsNotifier:
    def __init__(self, adapter: CloudAdapter, bot_id: str) -> None:
        self._adapter = adapter
        self._bot_id = bot_id
        self._per_conversation = _Limiters(PER_CONVERSATION)
        self._per_tenant = _Limiters(PER_TENANT)

    async def post(self, group: Group, notice: Notice) -> PostedMessage:
        activity = render(notice)
        reference = ConversationReference().deserialize(group.reference)
        async with self._slot(group):
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

        async with self._slot(group):
            await self._call(self._continue(reference, put), updating=True)

    def _slot(self, group: Group) -> Any:
        return _Both(self._per_tenant(group.tenant_id or "-"), self._per_conversation(group.key))

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


class _Both:
    """Enter two limiters as one: wait for the tenant's bucket, then the conversation's."""

    def __init__(self, first: AsyncLimiter, second: AsyncLimiter) -> None:
        self._first, self._second = first, second

    async def __aenter__(self) -> None:
        await self._first.acquire()
        await self._second.acquire()

    async def __aexit__(self, *exc: object) -> None:
        return None


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
