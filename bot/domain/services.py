"""Use cases: what the bot does with a command, independent of how it arrived.

The Teams edge turns an activity into a ``ConversationAddress`` and a ``Command`` and calls
these; they answer with plain text in the group's language.
"""

from __future__ import annotations

from bot.domain.commands import EMPTY, UNKNOWN, Command
from bot.domain.i18n import message
from bot.domain.model import Group
from bot.domain.text import quote


def greeting(group: Group) -> str:
    name = group.name or message(group.language, "this_group")
    return message(group.language, "greeting", group=name)


def answer(command: Command, language: str, suggestion: str | None = None) -> str:
    """The reply to a command that needs no stored data (empty, unknown with the keyword
    closest to it, not built yet); the help text is built from the registered commands in
    ``bot/handlers``."""
    if command.name == EMPTY:
        return message(language, "empty")
    if command.name == UNKNOWN:
        if suggestion:
            return message(
                language, "unknown_suggest", word=quote(command.word), suggestion=suggestion
            )
        return message(language, "unknown", word=quote(command.word))
    return message(language, "not_built", word=quote(command.word))
