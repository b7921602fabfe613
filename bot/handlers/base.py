"""What every feature handler shares: what it is given, what it answers, how it declares itself.

A handler is a small async function ``(Services, Turn) -> Reply`` that calls one use case and
says what to show; it never touches the Teams turn. A ``Reply`` is text, a card, a dialog to
start, a ``Refusal``, or ``Finished`` (the pressed card replaced by what happened), and
``bot/teams_bot.py`` renders every kind in one place. A ``Feature`` is one module's
declaration: its commands (with the permission each needs), its card actions and its help
lines; ``bot/handlers/registry.py`` collects them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot import cards
from bot.card_actions import CardAction
from bot.domain.capture import Capture
from bot.domain.commands import EMPTY, Command, Keywords, Vocabulary
from bot.domain.i18n import message
from bot.domain.meeting_events import MeetingEvents
from bot.domain.meetings import Meetings
from bot.domain.model import Actor, Group, Mention, Refusal
from bot.domain.notices import Notices
from bot.domain.ports import Clock
from bot.domain.preferences import Preferences
from bot.domain.proceedings import Proceedings
from bot.domain.roles import Guarded, Roles
from bot.domain.seminars import Seminars
from bot.domain.topics import Topics


@dataclass(frozen=True)
class ShowCard:
    """An Adaptive Card (a ``bot/cards.py`` dict) to post."""

    card: dict[str, Any]


@dataclass(frozen=True)
class StartDialog:
    """A 1:1 text dialog to begin, with its (primitives-only) options."""

    dialog_id: str
    options: dict[str, Any]


@dataclass(frozen=True)
class Finished:
    """A card press that finished what its card was for: the pressed card is replaced in
    place by ``card`` (what happened, no live buttons left), and ``then`` is said as well
    (a change the group should see in the thread). Where the card cannot be replaced (the
    press names no message), ``then`` is said, or else ``card`` is posted."""

    card: dict[str, Any]
    then: str | ShowCard | None = None


Reply = str | ShowCard | StartDialog | Refusal | Finished


@dataclass(frozen=True)
class Services:
    """The use cases handlers call, and what they need besides (the clock, the public URL)."""

    capture: Capture
    meetings: Meetings
    notices: Notices
    roles: Roles
    preferences: Preferences
    proceedings: Proceedings
    topics: Topics
    seminars: Seminars
    clock: Clock
    meeting_events: MeetingEvents
    # Where people reach the bot's own pages (calendar links).
    public_url: str
    # The help text in a language, built from every registered feature, with the example
    # dates to show (``Meetings.examples``).
    help_text: Callable[[str, Mapping[str, str]], str]
    # Every registered command's keywords (for the keyword closest to a mistyped one).
    vocabulary: Vocabulary


@dataclass(frozen=True)
class Turn:
    """One message or card press, as the handlers see it."""

    # The group acted for; for a command that needs none, the place it was said in.
    group: Group
    actor: Actor
    personal: bool
    command: Command = Command(EMPTY)
    mentions: tuple[Mention, ...] = ()
    # A card press's data (``{"ragbot": action, ...inputs}``); empty for a typed command.
    value: Mapping[str, Any] = field(default_factory=dict)
    # The group living where it was said, if not ``group`` (a meeting chat linked to a group).
    place: Group | None = None

    @property
    def language(self) -> str:
        return self.group.language

    @property
    def args(self) -> str:
        return self.command.args


Handler = Callable[[Services, Turn], Awaitable[Reply]]


@dataclass(frozen=True)
class Guard:
    """The guarded action a command needs; some commands only read without arguments
    (``regioner`` shows the regions, ``regioner A, B`` changes them)."""

    action: Guarded
    only_with_args: bool = False

    def needed(self, args: str) -> Guarded | None:
        return None if self.only_with_args and not args.strip() else self.action


@dataclass(frozen=True)
class CommandHandler:
    """A command: its name, the function that answers it, its keywords per language (None for
    what has no keyword: an empty or unknown message) and the permission it needs."""

    name: str
    run: Handler
    keywords: Keywords | None = None
    guard: Guard | None = None
    # Help, empty and unknown are answered anywhere; the rest act for a group.
    needs_group: bool = True


@dataclass(frozen=True)
class HelpLine:
    """One line of the help text: an i18n key whose ``{command}`` placeholders are filled with
    the commands' keywords in the reader's language."""

    key: str
    commands: tuple[str, ...]


@dataclass(frozen=True)
class Feature:
    name: str
    commands: tuple[CommandHandler, ...]
    card_actions: Mapping[CardAction, Handler] = field(default_factory=dict)
    help: tuple[HelpLine, ...] = ()

    @property
    def keywords(self) -> dict[str, Keywords]:
        """The feature's keywords per language, written once, with each command."""
        return {c.name: c.keywords for c in self.commands if c.keywords is not None}


def unknown_action(turn: Turn) -> str:
    """The answer to card data that does not make sense (an old or tampered card)."""
    return message(turn.language, "unknown_action")


async def cancelled(services: Services, turn: Turn) -> Reply:
    """A form's Avbryt button: the form becomes a note that nothing was saved."""
    return Finished(cards.finished_card(message(turn.language, "cancelled")))


def card_int(value: object) -> int | None:
    """A whole number from card data, which may carry it as a number or a string."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None
