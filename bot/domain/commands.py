"""Text -> Command: the bot's vocabulary in Swedish, Norwegian and English.

A command is the longest known keyword at the start of the message, matched case- and
accent-insensitively on whole words ("Lagesrapport", "LÄGESRAPPORT" and "lägesrapport" are the
same; "lägesrapporten" is not). What follows the keyword is kept as written, paragraphs and
all, for the command's own parser.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.model import LANGUAGES
from bot.domain.text import fold


class CommandName(StrEnum):
    HELP = "help"
    STATUS_REPORT = "status_report"
    STATUS_REPORTS = "status_reports"
    ACTION = "action"
    ACTIONS = "actions"
    DONE = "done"
    EDIT = "edit"
    DECISION = "decision"
    POINT = "point"
    AGENDA = "agenda"
    MEETINGS = "meetings"
    NEXT_MEETING = "next_meeting"
    MOVE_MEETING = "move_meeting"
    CANCEL_MEETING = "cancel_meeting"
    MINUTES = "minutes"
    SETTINGS = "settings"
    REGIONS = "regions"
    ROLES = "roles"
    ROLE = "role"
    DELETE = "delete"
    LOG = "log"
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
        """Every keyword once, Swedish first (a word two languages share is listed once)."""
        return tuple(dict.fromkeys(self.sv + self.en + self.nb))


# The one place the bot's keywords are written: parsing, suggestions and the help text (built
# by ``bot/handlers``) all read them from here.
KEYWORDS: dict[CommandName, Keywords] = {
    CommandName.HELP: Keywords(sv=("hjälp",), nb=("hjelp",), en=("help",)),
    CommandName.STATUS_REPORT: Keywords(
        sv=("lägesrapport",), nb=("statusrapport",), en=("status",)
    ),
    CommandName.STATUS_REPORTS: Keywords(
        sv=("lägesrapporter",), nb=("statusrapporter",), en=("reports",)
    ),
    CommandName.ACTION: Keywords(sv=("åtgärd",), nb=("tiltak",), en=("action",)),
    CommandName.ACTIONS: Keywords(sv=("åtgärder",), nb=("tiltaksliste",), en=("actions",)),
    CommandName.DONE: Keywords(sv=("klar",), nb=("ferdig",), en=("done",)),
    CommandName.EDIT: Keywords(sv=("ändra",), nb=("endre",), en=("edit",)),
    CommandName.DECISION: Keywords(sv=("beslut",), nb=("vedtak",), en=("decision",)),
    CommandName.POINT: Keywords(sv=("punkt",), nb=("punkt",), en=("item",)),
    CommandName.AGENDA: Keywords(sv=("dagordning",), nb=("dagsorden",), en=("agenda",)),
    CommandName.MEETINGS: Keywords(sv=("mötestider",), nb=("møtetider",), en=("meetings",)),
    CommandName.NEXT_MEETING: Keywords(
        sv=("nästa möte",), nb=("neste møte",), en=("next meeting",)
    ),
    CommandName.MOVE_MEETING: Keywords(
        sv=("flytta möte", "flytta mötet"),
        nb=("flytt møte", "flytt møtet", "flytte møte", "flytte møtet"),
        en=("move meeting",),
    ),
    CommandName.CANCEL_MEETING: Keywords(
        sv=("ställ in möte", "ställ in mötet", "ställa in mötet", "avboka möte", "avboka mötet"),
        nb=("avlys møte", "avlys møtet"),
        en=("cancel meeting",),
    ),
    CommandName.MINUTES: Keywords(sv=("minnesanteckningar",), nb=("referat",), en=("minutes",)),
    CommandName.SETTINGS: Keywords(sv=("inställningar",), nb=("innstillinger",), en=("settings",)),
    CommandName.REGIONS: Keywords(sv=("regioner",), nb=("regioner",), en=("regions",)),
    CommandName.ROLES: Keywords(sv=("roller",), nb=("roller",), en=("roles",)),
    CommandName.ROLE: Keywords(sv=("roll",), nb=("rolle",), en=("role",)),
    CommandName.DELETE: Keywords(sv=("ta bort",), nb=("slett",), en=("delete",)),
    CommandName.LOG: Keywords(sv=("logg",), nb=("logg",), en=("log",)),
}

# Every keyword of a command, Swedish first: what the parser matches.
VOCABULARY: dict[CommandName, tuple[str, ...]] = {
    name: keywords.all() for name, keywords in KEYWORDS.items()
}


@dataclass(frozen=True)
class Command:
    name: CommandName
    args: str = ""
    # What the user typed as the keyword, for answers that quote it back.
    word: str = ""


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    words = [re.escape(part) for part in fold(keyword).split()]
    # A keyword ends at whitespace, a colon or the end: "klar 12", "åtgärd: text", "hjälp".
    return re.compile(r"\s+".join(words) + r"(?=$|[\s:])")


_KEYWORDS: list[tuple[re.Pattern[str], CommandName]] = sorted(
    ((_keyword_pattern(keyword), name) for name, words in VOCABULARY.items() for keyword in words),
    key=lambda pair: len(pair[0].pattern),
    reverse=True,
)
_FOLDED_KEYWORDS: dict[str, str] = {
    fold(keyword): words[0] for words in VOCABULARY.values() for keyword in words
}


def parse_command(text: str) -> Command:
    """Read the command at the start of ``text`` (the bot's own mention already removed)."""
    stripped = text.strip()
    if not stripped:
        return Command(CommandName.EMPTY)
    folded = fold(stripped)
    for pattern, name in _KEYWORDS:
        match = pattern.match(folded)
        if match:
            args = stripped[match.end() :].lstrip(" \t:").strip()
            return Command(name, args=args, word=stripped[: match.end()])
    word = stripped.split(maxsplit=1)[0]
    return Command(CommandName.UNKNOWN, args=stripped, word=word)


def suggest_keyword(word: str) -> str | None:
    """The Swedish keyword closest to a mistyped one ("dagordnig" -> "dagordning"), if any."""
    matches = difflib.get_close_matches(fold(word), _FOLDED_KEYWORDS, n=1, cutoff=0.75)
    return _FOLDED_KEYWORDS[matches[0]] if matches else None
