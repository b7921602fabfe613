"""The agenda: ``dagordning`` shows the draft for the next (or ongoing) meeting as a card."""

from __future__ import annotations

from bot import cards
from bot.domain.commands import Keywords
from bot.domain.i18n import message
from bot.handlers.base import CommandHandler, Feature, HelpLine, Reply, Services, ShowCard, Turn


async def draft(app: Services, turn: Turn) -> Reply:
    agenda = await app.notices.next_agenda(turn.group)
    if agenda is None:
        return message(turn.language, "agenda_no_meeting", **app.meetings.examples(turn.group))
    return ShowCard(cards.fitted_agenda_card(agenda))


FEATURE = Feature(
    name="agenda",
    commands=(
        CommandHandler(
            "agenda",
            draft,
            Keywords(sv=("dagordning",), nb=("dagsorden",), en=("agenda",)),
        ),
    ),
    help=(HelpLine("help_line_agenda", ("agenda",)),),
)
