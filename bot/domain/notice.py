"""A post the bot makes by itself, as the ``Notifier`` is handed it: the one value the post kinds
(``bot.domain.posts``) compose and the edge (``bot.proactive``) sends.

It imports nothing else from the domain, so the ports can name it without an import circle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class Mentioned(Protocol):
    """A person a post @mentions (``bot.domain.capture.Mention`` is one): the text holds
    ``markup``, ``<at>Name</at>``."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def markup(self) -> str: ...


@dataclass(frozen=True)
class Notice:
    """Markdown text, a domain value drawn as its card (``bot.cards.card_for``: an ``Agenda``
    today) or None for text alone, and the people the text @mentions."""

    text: str
    card: object | None = None
    mentions: tuple[Mentioned, ...] = ()
