"""The minutes: ``minnesanteckningar`` is understood and listed in the help; the draft itself is
not built yet, and the answer says so."""

from __future__ import annotations

from bot.domain.commands import Keywords
from bot.domain.services import answer
from bot.handlers.base import CommandHandler, Feature, HelpLine, Reply, Services, Turn


async def draft(app: Services, turn: Turn) -> Reply:
    return answer(turn.command, turn.language)


FEATURE = Feature(
    name="minutes",
    commands=(
        CommandHandler(
            "minutes",
            draft,
            Keywords(sv=("minnesanteckningar",), nb=("referat",), en=("minutes",)),
        ),
    ),
    help=(HelpLine("help_line_minutes", ("minutes",)),),
)
