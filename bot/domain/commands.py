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


# Swedish first: it is the keyword shown back to users when they mistype.
VOCABULARY: dict[CommandName, tuple[str, ...]] = {
    CommandName.HELP: ("hjälp", "help", "hjelp"),
    CommandName.STATUS_REPORT: ("lägesrapport", "status", "statusrapport"),
    CommandName.STATUS_REPORTS: ("lägesrapporter", "statusrapporter", "reports"),
    CommandName.ACTION: ("åtgärd", "action", "tiltak"),
    CommandName.ACTIONS: ("åtgärder", "actions", "tiltaksliste"),
    CommandName.DONE: ("klar", "done", "ferdig"),
    CommandName.EDIT: ("ändra", "edit", "endre"),
    CommandName.DECISION: ("beslut", "decision", "vedtak"),
    CommandName.POINT: ("punkt", "item"),
    CommandName.AGENDA: ("dagordning", "agenda", "dagsorden"),
    CommandName.MEETINGS: ("mötestider", "meetings", "møtetider"),
    CommandName.NEXT_MEETING: ("nästa möte", "next meeting", "neste møte"),
    CommandName.MOVE_MEETING: (
        "flytta möte",
        "flytta mötet",
        "move meeting",
        "flytt møte",
        "flytt møtet",
        "flytte møte",
        "flytte møtet",
    ),
    CommandName.CANCEL_MEETING: (
        "ställ in möte",
        "ställ in mötet",
        "ställa in mötet",
        "avboka möte",
        "avboka mötet",
        "cancel meeting",
        "avlys møte",
        "avlys møtet",
    ),
    CommandName.MINUTES: ("minnesanteckningar", "minutes", "referat"),
    CommandName.SETTINGS: ("inställningar", "settings", "innstillinger"),
    CommandName.REGIONS: ("regioner", "regions"),
    CommandName.ROLES: ("roller", "roles"),
    CommandName.ROLE: ("roll", "role", "rolle"),
    CommandName.DELETE: ("ta bort", "delete", "slett"),
    CommandName.LOG: ("logg", "log"),
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
