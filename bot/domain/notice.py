"""A post the bot makes by itself, as the ``Notifier`` is handed it: the one value the post kinds
(``bot.domain.posts``) compose and the edge (``bot.proactive``) sends.

It needs only the model, so the ports can name it without an import circle.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.model import Mention


@dataclass(frozen=True)
class Notice:
    """Markdown text, a domain value drawn as its card (``bot.cards.card_for``: an ``Agenda``,
    or a card already drawn) or None for text alone, and the people the text @mentions (the
    text holds their ``<at>Name</at>`` markup)."""

    text: str
    card: object | None = None
    mentions: tuple[Mention, ...] = ()
    # The conversation (a channel thread) to post into, instead of a new thread of its own.
    thread: str | None = None
