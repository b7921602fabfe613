"""Use cases: what the bot does with a command, independent of how it arrived.

The Teams edge turns an activity into a ``ConversationAddress`` and a ``Command`` and calls
these; they answer with plain text in the group's language.
"""

from __future__ import annotations

from bot.domain.commands import EMPTY, Command
from bot.domain.i18n import message
from bot.domain.model import Group
from bot.domain.text import quote


def greeting(group: Group) -> str:
    name = group.name or message(group.language, "this_group")
    return message(group.language, "greeting", group=name)


def answer(command: Command, language: str, suggestion: str | None = None) -> str:
    """The reply to a message without a command: empty, or an unknown word (with the keyword
    closest to it, if one is close)."""
    if command.name == EMPTY:
        return message(language, "empty")
    if suggestion:
        return message(language, "unknown_suggest", word=quote(command.word), suggestion=suggestion)
    return message(language, "unknown", word=quote(command.word))
