"""The minutes: ``minnesanteckningar`` is understood and listed in the help, but the draft is
posted after each meeting by the scheduler; on demand it is not built yet, and says so."""

from __future__ import annotations

from bot.domain.commands import CommandName
from bot.domain.services import answer
from bot.handlers.base import CommandHandler, Feature, HelpLine, Reply, Services, Turn


async def draft(app: Services, turn: Turn) -> Reply:
    return answer(turn.command, turn.language)


FEATURE = Feature(
    name="minutes",
    commands=(CommandHandler(CommandName.MINUTES, draft),),
    help=(HelpLine("help_line_minutes", (CommandName.MINUTES,)),),
)
