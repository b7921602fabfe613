"""Who reports for each region: ``rapportör`` lists them, ``rapportör Kalmar @Sara`` (or
``mig``, or ``ingen``) sets one, whom the report nudge @mentions (the chair's and the
secretary's, like the regions, recorded in the audit log)."""

from __future__ import annotations

from bot.domain.commands import Keywords
from bot.domain.i18n import message
from bot.domain.model import Refusal
from bot.domain.roles import Guarded
from bot.handlers.base import CommandHandler, Feature, Guard, HelpLine, Reply, Services, Turn


async def reporters(app: Services, turn: Turn) -> Reply:
    group, lang = turn.group, turn.language
    if not group.regions:
        return message(lang, "no_regions")
    if not turn.args.strip():
        nobody = message(lang, "nobody")
        listed = ", ".join(
            f"{region}: {group.reporters[region].name if region in group.reporters else nobody}"
            for region in group.regions
        )
        return message(lang, "reporters_show", reporters=listed, example=group.regions[-1])
    changed = await app.capture.set_reporter(group, turn.args, list(turn.mentions), turn.actor)
    if isinstance(changed, Refusal):
        return changed
    _, region, person = changed
    if person is None:
        return message(lang, "reporter_removed", region=region)
    return message(lang, "reporter_set", region=region, name=person.name)


FEATURE = Feature(
    name="reporters",
    commands=(
        CommandHandler(
            "reporter",
            reporters,
            Keywords(
                sv=("rapportör", "rapportörer"),
                nb=("rapportør", "rapportører"),
                en=("reporter", "reporters"),
            ),
            guard=Guard(Guarded.REGIONS, only_with_args=True),
        ),
    ),
    help=(HelpLine("help_line_reporters", ("reporter",)),),
)
