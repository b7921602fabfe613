"""The group's regions: ``regioner`` shows them, ``regioner A, B, C`` sets them (the chair's
and the secretary's, recorded in the audit log)."""

from __future__ import annotations

from bot.domain.commands import Keywords
from bot.domain.i18n import message
from bot.domain.model import Refusal
from bot.domain.replies import regions_line
from bot.domain.roles import Guarded
from bot.handlers.base import CommandHandler, Feature, Guard, HelpLine, Reply, Services, Turn


async def regions(app: Services, turn: Turn) -> Reply:
    group, lang = turn.group, turn.language
    if not turn.args.strip():
        if not group.regions:
            return message(lang, "no_regions")
        return message(lang, "regions_show", regions=regions_line(group))
    updated = await app.capture.set_regions(group, turn.args, turn.actor)
    if isinstance(updated, Refusal):
        return updated
    return message(lang, "regions_set", regions=regions_line(updated))


FEATURE = Feature(
    name="regions",
    commands=(
        CommandHandler(
            "regions",
            regions,
            Keywords(sv=("regioner",), nb=("regioner",), en=("regions",)),
            guard=Guard(Guarded.REGIONS, only_with_args=True),
        ),
    ),
    help=(HelpLine("help_line_regions", ("regions",)),),
)
