"""Every feature in one place: which handler answers a command or a card button, and the help
text built from the features' help lines (in the order listed here)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from bot.card_actions import CardAction
from bot.domain.commands import EMPTY, UNKNOWN, Vocabulary
from bot.handlers import (
    actions,
    agenda,
    meeting_events,
    meetings,
    minutes,
    records,
    regions,
    reporters,
    reports,
    roles,
    seminars,
    settings,
    topics,
)
from bot.handlers import help as help_feature
from bot.handlers.base import CommandHandler, Feature, Handler

FEATURES: tuple[Feature, ...] = (
    reports.FEATURE,
    actions.FEATURE,
    records.FEATURE,
    meetings.FEATURE,
    agenda.FEATURE,
    minutes.FEATURE,
    topics.FEATURE,
    seminars.FEATURE,
    settings.FEATURE,
    regions.FEATURE,
    reporters.FEATURE,
    roles.FEATURE,
    meeting_events.FEATURE,
    help_feature.FEATURE,
)


class Registry:
    def __init__(self, features: Sequence[Feature]) -> None:
        self.features = tuple(features)
        self._commands: dict[str, CommandHandler] = {}
        self._cards: dict[CardAction, Handler] = {}
        for feature in self.features:
            for command in feature.commands:
                if command.name in self._commands:
                    raise ValueError(f"{command.name} is registered twice")
                self._commands[command.name] = command
            for action, handler in feature.card_actions.items():
                if action in self._cards:
                    raise ValueError(f"{action} is registered twice")
                self._cards[action] = handler
        missing = {EMPTY, UNKNOWN} - set(self._commands)
        missing |= {
            name
            for feature in self.features
            for line in feature.help
            for name in line.commands
            if name not in self._commands
        }
        if missing:
            raise ValueError(f"no handler for {sorted(missing)}")
        self.vocabulary = Vocabulary(
            {name: words for feature in self.features for name, words in feature.keywords.items()}
        )

    def command(self, name: str) -> CommandHandler:
        return self._commands[name]

    def card_action(self, action: object) -> Handler | None:
        """The handler for a button's ``ragbot`` value; None for one no card carries (an old
        card, or data made up by hand)."""
        if not isinstance(action, str):
            return None
        try:
            return self._cards.get(CardAction(action))
        except ValueError:
            return None

    @property
    def card_actions(self) -> frozenset[CardAction]:
        return frozenset(self._cards)

    def help_text(self, language: str, examples: Mapping[str, str]) -> str:
        return self._help(language, tuple(examples.items()))

    @lru_cache(maxsize=64)  # noqa: B019 - the registry lives as long as the process
    def _help(self, language: str, examples: tuple[tuple[str, str], ...]) -> str:
        # The same text until the examples' dates move on: drawn once, not for every "hjälp".
        return help_feature.help_text(self.features, self.vocabulary, language, dict(examples))


REGISTRY = Registry(FEATURES)
