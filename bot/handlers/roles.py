"""Roles and the log: ``roller`` (and ``roll`` alone) shows who is chair and secretary,
``roll ordförande @namn`` appoints, ``logg`` lists the latest guarded changes."""

from __future__ import annotations

from bot.domain.commands import Keywords
from bot.domain.roles import Guarded
from bot.handlers.base import CommandHandler, Feature, Guard, HelpLine, Reply, Services, Turn


async def overview(app: Services, turn: Turn) -> Reply:
    return await app.roles.overview(turn.group)


async def appoint(app: Services, turn: Turn) -> Reply:
    if not turn.args.strip():
        return await overview(app, turn)
    return await app.roles.change(turn.group, turn.actor, turn.args, list(turn.mentions))


async def log(app: Services, turn: Turn) -> Reply:
    return await app.roles.log(turn.group)


FEATURE = Feature(
    name="roles and log",
    commands=(
        CommandHandler(
            "roles",
            overview,
            Keywords(sv=("roller",), nb=("roller",), en=("roles",)),
        ),
        CommandHandler(
            "role",
            appoint,
            Keywords(sv=("roll",), nb=("rolle",), en=("role",)),
            guard=Guard(Guarded.ROLES, only_with_args=True),
        ),
        CommandHandler(
            "log",
            log,
            Keywords(sv=("logg",), nb=("logg",), en=("log",)),
            guard=Guard(Guarded.LOG),
        ),
    ),
    help=(
        HelpLine("help_line_roles", ("roles", "role")),
        HelpLine("help_line_log", ("log",)),
    ),
)
