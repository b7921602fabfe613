"""Drives the bot through botbuilder's TestAdapter, keeping the Teams activity as sent.

botbuilder's ``TestAdapter.process_activity`` overwrites sender, conversation and id from its
template, which would make every user the same person and every activity new; this adapter
leaves the activity alone. ``Transcript.say(activity)`` returns the texts the bot answered in
that turn, in order.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity

from bot.teams_bot import RagBot


class TeamsTestAdapter(TestAdapter):
    async def process_activity(self, activity: Activity, logic: Any) -> None:
        activity.timestamp = activity.timestamp or datetime.now(UTC)
        await self.run_pipeline(self.create_turn_context(activity), logic)


class Transcript:
    def __init__(self, bot: RagBot) -> None:
        self.bot = bot
        self.adapter = TeamsTestAdapter()
        self.adapter.on_turn_error = bot.on_error

    async def turn(self, activity: dict[str, Any]) -> list[Activity]:
        """Every activity the bot sent in reply to ``activity``."""
        self.adapter.activity_buffer.clear()
        await self.adapter.process_activity(Activity().deserialize(activity), self.bot.on_turn)
        sent = list(self.adapter.activity_buffer)
        self.adapter.activity_buffer.clear()
        return sent

    async def say(self, activity: dict[str, Any]) -> list[str]:
        """The texts of the bot's messages in reply to ``activity``."""
        return [reply.text for reply in await self.turn(activity) if reply.type == "message"]


def turn_context(activity: dict[str, Any]) -> TurnContext:
    """A bare turn context for tests of botbuilder state (no bot involved)."""
    return TurnContext(TeamsTestAdapter(), Activity().deserialize(activity))
