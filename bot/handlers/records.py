"""Decisions and agenda points: ``beslut`` records a decision for the current meeting's
minutes, ``punkt`` proposes a point for the next agenda."""

from __future__ import annotations

from bot.domain.commands import Keywords
from bot.domain.model import Refusal
from bot.domain.replies import decision_saved, point_saved
from bot.handlers.base import CommandHandler, Feature, HelpLine, Reply, Services, Turn


async def decision(app: Services, turn: Turn) -> Reply:
    recorded = await app.capture.record_decision(turn.group, turn.args, turn.actor)
    return recorded if isinstance(recorded, Refusal) else decision_saved(*recorded, turn.group)


async def point(app: Services, turn: Turn) -> Reply:
    proposed = await app.capture.propose_point(turn.group, turn.args, turn.actor)
    return proposed if isinstance(proposed, Refusal) else point_saved(proposed, turn.group)


FEATURE = Feature(
    name="decisions and points",
    commands=(
        CommandHandler(
            "decision",
            decision,
            Keywords(sv=("beslut",), nb=("vedtak",), en=("decision",)),
        ),
        CommandHandler(
            "point",
            point,
            Keywords(sv=("punkt",), nb=("punkt",), en=("item",)),
        ),
    ),
    help=(
        HelpLine("help_line_decision", ("decision",)),
        HelpLine("help_line_point", ("point",)),
    ),
)
