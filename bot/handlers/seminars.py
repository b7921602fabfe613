"""The seminar series: ``seminarium 7/12 kl 8-9: <enhet>`` (or the minutes' list, one per
line) adds seminars, ``seminarier`` lists the coming ones, ``seminarium ta bort 7/12``
removes one (the chair or secretary, once the group has a chair)."""

from __future__ import annotations

from bot.domain.agenda import seminar_line
from bot.domain.commands import Keywords
from bot.domain.i18n import message
from bot.domain.model import Refusal, Seminar
from bot.domain.roles import Guarded
from bot.domain.seminars import seminar_when
from bot.domain.text import quote
from bot.handlers.base import CommandHandler, Feature, Guard, HelpLine, Reply, Services, Turn


def _lines(seminars: list[Seminar], turn: Turn) -> str:
    return "\n".join(f"- {quote(seminar_line(s, turn.group), 400)}" for s in seminars)


async def add(app: Services, turn: Turn) -> Reply:
    scheduled = await app.seminars.schedule(turn.group, turn.actor, turn.args)
    if isinstance(scheduled, Refusal):
        return scheduled
    lang = turn.language
    if not scheduled.added:
        return message(lang, "seminars_already", seminars=_lines(scheduled.already, turn))
    reply = message(lang, "seminars_added", seminars=_lines(scheduled.added, turn))
    if scheduled.already:
        reply += "\n\n" + message(
            lang, "seminars_also_already", seminars=_lines(scheduled.already, turn)
        )
    return reply


async def listed(app: Services, turn: Turn) -> Reply:
    seminars = await app.seminars.upcoming(turn.group)
    if not seminars:
        return message(turn.language, "seminars_none", **app.meetings.examples(turn.group))
    return message(turn.language, "seminars_listed", seminars=_lines(seminars, turn))


async def remove(app: Services, turn: Turn) -> Reply:
    removed = await app.seminars.remove(turn.group, turn.actor, turn.args)
    if isinstance(removed, Refusal):
        return removed
    return message(
        turn.language,
        "seminar_removed",
        when=seminar_when(removed, turn.group),
        unit=quote(removed.unit, 300),
    )


FEATURE = Feature(
    name="seminars",
    commands=(
        CommandHandler(
            "seminar",
            add,
            Keywords(sv=("seminarium",), nb=("seminar",), en=("seminar",)),
        ),
        CommandHandler(
            "seminars",
            listed,
            Keywords(sv=("seminarier",), nb=("seminarer",), en=("seminars",)),
        ),
        CommandHandler(
            "seminar_remove",
            remove,
            Keywords(
                sv=("seminarium ta bort", "ta bort seminarium", "ta bort seminariet"),
                nb=("seminar slett", "slett seminar", "slett seminaret"),
                en=("seminar remove", "remove seminar", "delete seminar"),
            ),
            guard=Guard(Guarded.SEMINARS),
        ),
    ),
    help=(HelpLine("help_line_seminars", ("seminar", "seminars", "seminar_remove")),),
)
