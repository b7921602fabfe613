"""The group's settings: ``inställningar`` shows them and how to change them; with arguments
it changes them (the chair's and the secretary's, recorded in the audit log)."""

from __future__ import annotations

from bot.domain.commands import Keywords
from bot.domain.model import Refusal
from bot.domain.roles import Guarded
from bot.handlers.base import CommandHandler, Feature, Guard, HelpLine, Reply, Services, Turn


async def settings(app: Services, turn: Turn) -> Reply:
    group, args = turn.group, turn.args
    if not args.strip():
        return app.preferences.show(group)
    changed = await app.preferences.change(group, args, turn.actor)
    return changed if isinstance(changed, Refusal) else app.preferences.show(changed)


FEATURE = Feature(
    name="settings",
    commands=(
        CommandHandler(
            "settings",
            settings,
            Keywords(sv=("inställningar",), nb=("innstillinger",), en=("settings",)),
            guard=Guard(Guarded.SETTINGS, only_with_args=True),
        ),
    ),
    help=(HelpLine("help_line_settings", ("settings",)),),
)
