"""Text -> Command: the bot's vocabulary in Swedish, Norwegian and English.

The keywords are declared by the feature handlers (``bot/handlers``), each next to the command
it names; the edge builds a ``Vocabulary`` from them, so the domain holds no list of commands.

A command is the longest known keyword at the start of the message, matched case- and
accent-insensitively on whole words ("Lagesrapport", "LÄGESRAPPORT" and "lägesrapport" are the
same; "lägesrapporten" is not). What follows the keyword is kept as written, paragraphs and
all, for the command's own parser.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.domain.model import LANGUAGES
from bot.domain.text import fold

# What a message without a keyword is: nothing at all, or words the bot does not know.
EMPTY = "empty"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Keywords:
    """A command's keywords per language; the first of each is the one shown to users (in the
    help text, and the Swedish one when someone mistypes)."""

    sv: tuple[str, ...]
    nb: tuple[str, ...]
    en: tuple[str, ...]

    def shown(self, language: str) -> str:
        """The keyword a user of ``language`` is shown (Swedish for an unknown language)."""
        words: tuple[str, ...] = getattr(self, language) if language in LANGUAGES else self.sv
        return words[0]

    def all(self) -> tuple[str, ...]:
        """Every keyword once, Swedish first (a word two languages share is listed once, and
        so is one they spell alike but for accents: "rapportör" and "rapportør")."""
        once: dict[str, str] = {}
        for word in self.sv + self.en + self.nb:
            once.setdefault(fold(word), word)
        return tuple(once.values())


@dataclass(frozen=True)
class Command:
    # The command's name as its handler declares it, or ``EMPTY`` or ``UNKNOWN``.
    name: str
    args: str = ""
    # What the user typed as the keyword, for answers that quote it back.
    word: str = ""


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    words = [re.escape(part) for part in fold(keyword).split()]
    # A keyword ends at whitespace, a colon or the end: "klar 12", "åtgärd: text", "hjälp".
    return re.compile(r"\s+".join(words) + r"(?=$|[\s:])")


class Vocabulary:
    """Every command's keywords, as the handlers declare them: reads commands from text and
    suggests the keyword closest to a mistyped one."""

    def __init__(self, keywords: Mapping[str, Keywords]) -> None:
        self.keywords = dict(keywords)
        self._patterns = sorted(
            (
                (_keyword_pattern(keyword), name)
                for name, words in self.keywords.items()
                for keyword in words.all()
            ),
            key=lambda pair: len(pair[0].pattern),
            reverse=True,
        )
        # Every keyword, folded, to the Swedish keyword of its command.
        self._folded = {
            fold(keyword): words.sv[0]
            for words in self.keywords.values()
            for keyword in words.all()
        }

    def parse(self, text: str) -> Command:
        """Read the command at the start of ``text`` (the bot's own mention already removed)."""
        stripped = text.strip()
        if not stripped:
            return Command(EMPTY)
        folded = fold(stripped)
        for pattern, name in self._patterns:
            match = pattern.match(folded)
            if match:
                args = stripped[match.end() :].lstrip(" \t:").strip()
                return Command(name, args=args, word=stripped[: match.end()])
        word = stripped.split(maxsplit=1)[0]
        return Command(UNKNOWN, args=stripped, word=word)

    def suggest(self, word: str) -> str | None:
        """The Swedish keyword closest to a mistyped one ("dagordnig" -> "dagordning")."""
        matches = difflib.get_close_matches(fold(word), self._folded, n=1, cutoff=0.75)
        return self._folded[matches[0]] if matches else None
