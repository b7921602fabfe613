"""The ``Roster`` port over Bot Framework: who is in the team or chat a group lives in.

Teams knows every member of the team (or group chat) the bot is installed in, including
people who have never written there. botbuilder's ``TeamsInfo`` reads the Bot Connector's
members endpoint in a proactive turn on the group's own conversation: paged
(``/pagedmembers``), or the whole list where a connector serves only that (Agents
Playground). A roster is kept for a few minutes, so a busy meeting asks once; a connector
that cannot answer makes the roster unknown (None), never an error in the user's turn.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import ConversationReference
from msrest.exceptions import HttpOperationError

from bot.domain.model import Actor, ConversationType, Group
from bot.domain.ports import Clock

log = logging.getLogger(__name__)

KEEP_FOR = 300.0  # seconds a roster is reused
ASK_WITHIN = 5.0  # seconds a connector gets to answer, every page together
PAGE_SIZE = 200
MAX_PAGES = 50


class TeamsRoster:
    def __init__(self, adapter: CloudAdapter, bot_id: str, clock: Clock) -> None:
        self._adapter = adapter
        self._bot_id = bot_id
        self._clock = clock
        self._kept: dict[int, tuple[float, list[Actor] | None]] = {}

    async def members(self, group: Group) -> list[Actor] | None:
        now = self._clock.now().timestamp()
        kept = self._kept.get(group.id)
        if kept is not None and now - kept[0] < KEEP_FOR:
            return kept[1]
        try:
            people: list[Actor] | None = await asyncio.wait_for(self._ask(group), ASK_WITHIN)
        except Exception as error:  # noqa: BLE001 - any failure only means "not known now"
            log.warning("could not read the roster of group %s: %s", group.id, error)
            people = None
        self._kept[group.id] = (now, people)
        return people

    async def _ask(self, group: Group) -> list[Actor]:
        reference = ConversationReference().deserialize(group.reference)
        found: list[Actor] = []
        failure: list[BaseException] = []

        async def read(context: TurnContext) -> None:
            try:
                if group.conversation_type is ConversationType.CHANNEL and group.team_id:
                    # TeamsInfo asks for the team's members when the turn names the team.
                    context.activity.channel_data = {"team": {"id": group.team_id}}
                found.extend(_actor(account) for account in await _accounts(context))
            except Exception as error:  # noqa: BLE001 - re-raised below, outside the turn
                failure.append(error)

        await self._adapter.continue_conversation(reference, read, self._bot_id)
        if failure:
            raise failure[0]
        return found


async def _accounts(context: TurnContext) -> list[Any]:
    """Every member, page by page; the whole list where there are no pages."""
    accounts: list[Any] = []
    token: str | None = None
    try:
        for _ in range(MAX_PAGES):
            page = await TeamsInfo.get_paged_members(context, token, PAGE_SIZE)
            accounts += page.members or []
            token = page.continuation_token
            if not token:
                break
    except HttpOperationError as error:
        if getattr(error.response, "status_code", None) not in (404, 405, 501):
            raise
        # Not TeamsInfo.get_members: for a team it lists the conversation's id, not the team's.
        client = context.turn_state[BotAdapter.BOT_CONNECTOR_CLIENT_KEY]
        whole = TeamsInfo.get_team_id(context) or context.activity.conversation.id
        return list(await client.conversations.get_conversation_members(whole))
    return accounts


def _actor(account: Any) -> Actor:
    """A roster entry as the domain names people: the Entra id, the name, the Teams id."""
    teams_id = getattr(account, "id", None)
    entra_id = getattr(account, "aad_object_id", None) or teams_id or "unknown"
    return Actor(entra_id, getattr(account, "name", None) or "?", teams_id=teams_id)
