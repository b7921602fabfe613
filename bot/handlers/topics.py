"""Standing topics: ``ämne <namn>`` adds one to every agenda and every meeting's minutes,
``ämne klart <namn>`` ends it, ``ämnen`` lists the open ones."""

from __future__ import annotations

from bot.domain.commands import Keywords
from bot.domain.i18n import message
from bot.domain.model import Refusal
from bot.domain.text import quote
from bot.handlers.base import CommandHandler, Feature, HelpLine, Reply, Services, Turn


async def add(app: Services, turn: Turn) -> Reply:
    added = await app.topics.add(turn.group, turn.actor, turn.args)
    if isinstance(added, Refusal):
        return added
    return message(turn.language, "topic_added", name=quote(added.name, 200))


async def close(app: Services, turn: Turn) -> Reply:
    closed = await app.topics.close(turn.group, turn.actor, turn.args)
    if isinstance(closed, Refusal):
        return closed
    return message(turn.language, "topic_closed", name=quote(closed.name, 200))


async def listed(app: Services, turn: Turn) -> Reply:
    topics = await app.topics.open_topics(turn.group)
    if not topics:
        return message(turn.language, "topics_none")
    lines = "\n".join(f"- {quote(topic.name, 200)}" for topic in topics)
    return message(turn.language, "topics_listed", topics=lines)


FEATURE = Feature(
    name="topics",
    commands=(
        CommandHandler("topic", add, Keywords(sv=("ämne",), nb=("tema",), en=("topic",))),
        CommandHandler(
            "topic_done",
            close,
            Keywords(
                sv=("ämne klart", "ämne klar", "ämne avslutat"),
                nb=("tema ferdig", "tema avsluttet"),
                en=("topic done", "topic closed"),
            ),
        ),
        CommandHandler("topics", listed, Keywords(sv=("ämnen",), nb=("temaer",), en=("topics",))),
    ),
    help=(HelpLine("help_line_topics", ("topic", "topic_done", "topics")),),
)
