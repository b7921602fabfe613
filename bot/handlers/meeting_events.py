"""Meeting events' one command: ``koppla RAG nuklearmedicin`` in a Teams meeting's chat links
the chat, and so the meeting's events and what is said there, to that group (its chair's or
secretary's). The events themselves come from Teams, not from a command (``bot.teams_bot``)."""

from __future__ import annotations

from bot.domain.commands import Keywords
from bot.handlers.base import CommandHandler, Feature, HelpLine, Reply, Services, Turn


async def link(app: Services, turn: Turn) -> Reply:
    return await app.meeting_events.link_chat(turn.place or turn.group, turn.actor, turn.args)


FEATURE = Feature(
    name="meeting events",
    commands=(
        CommandHandler(
            "link",
            link,
            Keywords(sv=("koppla",), nb=("koble",), en=("link",)),
        ),
    ),
    help=(HelpLine("help_line_link", ("link",)),),
)
