"""The Teams activity handler: the edge where Teams activities become domain commands.

It removes the bot's own @mention, remembers the conversation it was spoken to in (so later
posts know where to go), asks the domain for the answer and sends it. A resent activity
(same id) is handled once. Everything it says comes from ``bot.domain.i18n``.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass

from botbuilder.core import InvokeResponse, MessageFactory, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import (
    Activity,
    ChannelAccount,
    ConversationReference,
)
from botbuilder.schema.teams import TeamInfo

from bot.domain.commands import parse_command
from bot.domain.i18n import message
from bot.domain.model import ConversationAddress, ConversationType, Group, GroupDefaults
from bot.domain.ports import ActivityJournal, Clock, GroupRepository
from bot.domain.services import answer, greeting, remember_conversation

log = logging.getLogger(__name__)

_MESSAGE_ACTIVITY = "application/vnd.microsoft.activity.message"
_SPACES = re.compile(r"[ \t\xa0]+")


@dataclass(frozen=True)
class BotDependencies:
    groups: GroupRepository
    journal: ActivityJournal
    clock: Clock
    defaults: GroupDefaults


def strip_bot_mention(activity: Activity) -> str:
    """The message text without the bot's own ``<at>…</at>`` mention(s).

    botbuilder's ``remove_recipient_mention`` deletes every occurrence of the bot's *name*
    ("RAG-gruppen" would become "-gruppen"); this removes only the mention markup Teams put
    there, as the mention entities name it, and leaves other people's mentions alone.
    """
    text = activity.text or ""
    bot_id = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        if entity.type != "mention":
            continue
        props = entity.additional_properties or {}
        mentioned = props.get("mentioned") or {}
        markup = props.get("text")
        if markup and mentioned.get("id") == bot_id:
            text = text.replace(markup, " ")
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def conversation_address(activity: Activity) -> ConversationAddress:
    """Where this activity came from, as the domain keys groups."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    team = channel_data.get("team") or {}
    channel = channel_data.get("channel") or {}
    tenant = (channel_data.get("tenant") or {}).get("id") or activity.conversation.tenant_id
    # In a channel every reply thread has its own conversation id (";messageid=…"); the
    # group is the channel itself.
    base_id = activity.conversation.id.split(";", 1)[0]
    kind = activity.conversation.conversation_type or "personal"
    try:
        conversation_type = ConversationType(kind)
    except ValueError:
        conversation_type = ConversationType.PERSONAL
    reference = TurnContext.get_conversation_reference(activity)
    reference.conversation.id = base_id
    reference.activity_id = None
    return ConversationAddress(
        key=channel.get("id") or base_id,
        conversation_type=conversation_type,
        tenant_id=tenant,
        team_id=team.get("id"),
        channel_id=channel.get("id"),
        name=team.get("name") or activity.conversation.name or "",
        reference=_reference_json(reference),
    )


def _reference_json(reference: ConversationReference) -> dict:
    """The reference as stored: only what identifies the place, not who spoke last, so it
    stays the same from message to message (and needs no write)."""
    document = reference.serialize()
    for per_message in ("activityId", "user", "locale"):
        document.pop(per_message, None)
    return document


def activity_key(activity: Activity) -> str | None:
    """A fixed-length key for deduplication: the same activity resent has the same key."""
    if not activity.id:
        return None
    conversation = activity.conversation.id if activity.conversation else ""
    raw = f"{activity.channel_id}|{conversation}|{activity.id}"
    return hashlib.sha256(raw.encode()).hexdigest()


class RagBot(TeamsActivityHandler):
    def __init__(self, deps: BotDependencies) -> None:
        self._deps = deps

    async def on_turn(self, turn_context: TurnContext) -> None:
        key = activity_key(turn_context.activity)
        if key and not await self._deps.journal.first_seen(key, self._deps.clock.now()):
            log.info("skipping resent activity %s", turn_context.activity.id)
            return
        try:
            await super().on_turn(turn_context)
        except Exception:
            if key:
                await self._deps.journal.forget(key)
            raise

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        group, _ = await self._remember(turn_context)
        activity = turn_context.activity
        text = strip_bot_mention(activity)
        if not text and activity.value is not None:
            reply = message(group.language, "unknown_action")
        else:
            reply = answer(parse_command(text), group.language)
        await turn_context.send_activity(MessageFactory.text(reply))

    async def on_teams_members_added(
        self,
        teams_members_added: list[ChannelAccount],
        team_info: TeamInfo,
        turn_context: TurnContext,
    ) -> None:
        bot_id = turn_context.activity.recipient.id
        if not any(member.id == bot_id for member in teams_members_added):
            return
        group, created = await self._remember(turn_context)
        log.info("installed in %s (group %s, new=%s)", group.key, group.id, created)
        await turn_context.send_activity(MessageFactory.text(greeting(group)))

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        if turn_context.activity.name != "adaptiveCard/action":
            return await super().on_invoke_activity(turn_context)
        # botbuilder types AdaptiveCardInvokeResponse.value as a dict and cannot serialise the
        # message form (a string), so the Universal Action response is built as plain JSON.
        group, _ = await self._remember(turn_context)
        body = {
            "statusCode": 200,
            "type": _MESSAGE_ACTIVITY,
            "value": message(group.language, "unknown_action"),
        }
        return InvokeResponse(status=200, body=body)

    async def on_error(self, turn_context: TurnContext, error: Exception) -> None:
        """The adapter's turn error handler: log it, and tell the user their message was lost."""
        log.error("turn failed: %s", error, exc_info=error)
        if turn_context.activity.type != "message" or turn_context.responded:
            return
        language = self._deps.defaults.language
        try:
            key = conversation_address(turn_context.activity).key
            group = await self._deps.groups.get_by_key(key)
            language = group.language if group else language
        except Exception:  # noqa: BLE001 - the database may be why the turn failed
            log.warning("could not look up the group's language for the error reply")
        await turn_context.send_activity(MessageFactory.text(message(language, "error")))

    async def _remember(self, turn_context: TurnContext) -> tuple[Group, bool]:
        return await remember_conversation(
            self._deps.groups,
            conversation_address(turn_context.activity),
            self._deps.defaults,
            self._deps.clock.now(),
        )
