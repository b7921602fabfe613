"""Drives the bot through botbuilder's TestAdapter, keeping the Teams activity as sent.

botbuilder's ``TestAdapter.process_activity`` overwrites sender, conversation and id from its
template, which would make every user the same person and every activity new; this adapter
leaves the activity alone. ``Transcript.say(activity)`` returns the texts the bot answered in
that turn, in order; ``Transcript.updated`` the messages it replaced in that turn (a pressed
card showing what happened), described the same way.
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
        # The bot's own messages replaced during the last turn: (message id, as read).
        self.updated: list[tuple[str, str]] = []

    async def turn(self, activity: dict[str, Any]) -> list[Activity]:
        """Every activity the bot sent in reply to ``activity``."""
        self.adapter.activity_buffer.clear()
        self.adapter.updated_activities.clear()
        await self.adapter.process_activity(Activity().deserialize(activity), self.bot.on_turn)
        sent = list(self.adapter.activity_buffer)
        self.adapter.activity_buffer.clear()
        self.updated = [(update.id, describe(update)) for update in self.adapter.updated_activities]
        return sent

    async def say(self, activity: dict[str, Any]) -> list[str]:
        """The bot's messages in reply to ``activity``, cards described as text."""
        return [describe(reply) for reply in await self.turn(activity) if reply.type == "message"]


def describe(activity: Activity) -> str:
    """A message as a person reads it: its text, then each card as lines, buttons in []."""
    parts = [activity.text] if activity.text else []
    for attachment in activity.attachments or []:
        content = attachment.content
        if hasattr(content, "serialize"):
            content = content.serialize()
        parts.append("\n".join(_card_lines(content)))
    return "\n".join(parts)


def _card_lines(element: Any) -> list[str]:
    if isinstance(element, list):
        return [line for item in element for line in _card_lines(item)]
    if not isinstance(element, dict):
        return []
    kind = element.get("type")
    if kind == "TextBlock":
        return [element["text"]]
    if kind == "RichTextBlock":
        return ["".join(run["text"] for run in element["inlines"])]
    if kind == "Input.Text":
        label = element.get("label") or element["id"]
        return [f"<{label}: {element.get('value', '')}>"]
    if kind == "Input.ChoiceSet":
        chosen = set(str(element.get("value", "")).split(","))
        return [
            f"[{'x' if choice['value'] in chosen else ' '}] {choice['title']}"
            for choice in element["choices"]
        ]
    if kind in ("Action.Submit", "Action.Execute", "imBack", "messageBack"):
        return [f"[{element['title']}]"]
    lines = []
    if "title" in element and kind is None:  # a hero card
        lines.append(element["title"])
    if "text" in element and kind is None:
        lines.append(element["text"])
    for key in ("body", "items", "columns", "actions", "buttons"):
        lines += _card_lines(element.get(key))
    return lines


def turn_context(activity: dict[str, Any]) -> TurnContext:
    """A bare turn context for tests of botbuilder state (no bot involved)."""
    return TurnContext(TeamsTestAdapter(), Activity().deserialize(activity))
