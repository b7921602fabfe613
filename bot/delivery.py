"""Replies that are delivered or queued, never lost and never a reason to say "not processed".

botbuilder's ``CloudAdapter`` sends a turn's replies once: a 429 or a 5xx from the Bot
Connector fails the whole turn, although what the message asked for may already be stored.
``ReliableAdapter`` retries a reply refused with 429 or 503 (not posted, so a retry cannot
double it) within one budget for the whole turn, Retry-After honoured; a reply that still
cannot go out, or whose failure leaves open whether it was posted (another 5xx, a timeout),
is handed to ``queue``, which stores it in the outbox for the scheduler to deliver in the
same conversation later.
A reply too large for Teams (over ``MESSAGE_LIMIT``, or refused with 413) is never sent or
retried as it is: the user is told so in a short message instead. The bot keeps what it sends
within the limit (lists are paged, agendas shortened); this is the net under that.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, ActivityTypes, ResourceResponse
from botframework.connector.auth import BotFrameworkAuthentication
from msrest.exceptions import ClientRequestError, HttpOperationError

from bot.cards import MESSAGE_LIMIT, teams_size
from bot.connector import plain_json

log = logging.getLogger(__name__)

# Teams gives up on a turn after 15 s; the retries of a turn's replies stay well inside that.
REPLY_BUDGET = 6.0
# Refusals that say the message was not posted, so trying again cannot double it.
_REFUSED_UNSENT = frozenset({429, 503})
_DEADLINE = "ragbot.reply_deadline"
_QUEUEING = "ragbot.replies_queued"
FIRST_BACKOFF = 0.5
MAX_WAIT = 3.0


@dataclass(frozen=True)
class Undelivered:
    """What the bot does with a reply the connector would not take."""

    # Store the reply to be delivered later in the same conversation.
    queue: Callable[[TurnContext, Activity], Awaitable[None]]
    # The short message that replaces a reply too large for Teams, in the group's language.
    too_large: Callable[[TurnContext], Awaitable[str]]


class ReliableAdapter(CloudAdapter):
    def __init__(
        self,
        authentication: BotFrameworkAuthentication,
        undelivered: Undelivered,
        *,
        budget: float = REPLY_BUDGET,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        super().__init__(authentication)
        self._undelivered = undelivered
        self._budget = budget
        self._sleep = sleep

    async def send_activities(
        self, context: TurnContext, activities: list[Activity]
    ) -> list[ResourceResponse]:
        return [await self._send_one(context, activity) for activity in activities]

    async def _send_one(self, context: TurnContext, activity: Activity) -> ResourceResponse:
        if activity.type not in (ActivityTypes.message, None):
            [response] = await super().send_activities(context, [activity])
            return response
        if teams_size(plain_json(activity)) > MESSAGE_LIMIT:  # Teams would answer 413
            return await self._too_large(context, activity)
        loop = asyncio.get_running_loop()
        # One budget for the whole turn, and once a reply is queued the later ones follow it
        # into the queue, so they arrive in the order they were written.
        deadline = context.turn_state.setdefault(_DEADLINE, loop.time() + self._budget)
        if context.turn_state.get(_QUEUEING):
            return await self._queue(context, activity)
        backoff = FIRST_BACKOFF
        while True:
            try:
                [response] = await super().send_activities(context, [activity])
                return response
            except HttpOperationError as error:
                status = getattr(error.response, "status_code", 0) or 0
                if status == 413:
                    return await self._too_large(context, activity)
                if status not in _REFUSED_UNSENT:
                    if status < 500:
                        raise
                    # The connector may have posted it: no second try now, one later.
                    log.warning("reply failed with %s: queued", status)
                    return await self._queue(context, activity)
                wait = _retry_after(error) or backoff
            except (ClientRequestError, OSError) as error:
                log.warning("reply failed (%s): queued", type(error).__name__)
                return await self._queue(context, activity)
            if loop.time() + wait > deadline:
                log.warning("reply refused (%s) for longer than the turn allows: queued", status)
                return await self._queue(context, activity)
            await self._sleep(wait)
            backoff = min(backoff * 2, MAX_WAIT)

    async def _queue(self, context: TurnContext, activity: Activity) -> ResourceResponse:
        context.turn_state[_QUEUEING] = True
        await self._undelivered.queue(context, activity)
        return ResourceResponse(id="")

    async def _too_large(self, context: TurnContext, activity: Activity) -> ResourceResponse:
        log.error("reply too large for Teams; a short note sent instead")
        note = MessageFactory.text(await self._undelivered.too_large(context))
        note.conversation, note.reply_to_id = activity.conversation, activity.reply_to_id
        note.from_property, note.recipient = activity.from_property, activity.recipient
        note.service_url, note.channel_id = activity.service_url, activity.channel_id
        [response] = await super().send_activities(context, [note])
        return response


def _retry_after(error: HttpOperationError) -> float | None:
    headers = getattr(error.response, "headers", None) or {}
    value = headers.get("Retry-After") if hasattr(headers, "get") else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None
