"""Help, and what is said when there is no command: ``hjälp`` lists every feature's help lines
in the reader's language, keywords filled in from the one keyword table; an empty message and
an unknown word get a hint (with the closest keyword, if one is close)."""

from __future__ import annotations

from collections.abc import Iterable

from bot.domain.commands import EMPTY, UNKNOWN, Keywords, Vocabulary
from bot.domain.i18n import message
from bot.domain.model import Language
from bot.domain.services import answer
from bot.handlers.base import CommandHandler, Feature, HelpLine, Reply, Services, Turn

HELP = "help"
# The closing line names a few keywords of the two other languages, in this order.
_OTHER_LANGUAGES: dict[str, tuple[Language, Language]] = {
    "sv": ("en", "nb"),
    "nb": ("sv", "en"),
    "en": ("sv", "nb"),
}
# Chosen to look like each language (Norwegian "status" would read as English).
_SAMPLES: dict[Language, tuple[str, ...]] = {
    "sv": ("status_report", "action", "agenda", HELP),
    "nb": ("action", "meetings", "minutes", HELP),
    "en": ("status_report", "action", "agenda", HELP),
}


def help_text(features: Iterable[Feature], vocabulary: Vocabulary, language: str) -> str:
    """Every feature's help lines, in registry order, between an intro and a closing line."""
    known = vocabulary.keywords
    keywords = {name: words.shown(language) for name, words in known.items()}
    lines = [
        f"- {message(language, line.key, **keywords)}"
        for feature in features
        for line in feature.help
    ]
    first, second = (
        ", ".join(known[name].shown(other) for name in _SAMPLES[other])
        for other in _OTHER_LANGUAGES.get(language, _OTHER_LANGUAGES["sv"])
    )
    return "\n\n".join(
        [
            message(language, "help_intro"),
            "\n".join(lines),
            message(language, "help_other_languages", first=first, second=second),
        ]
    )


async def show_help(app: Services, turn: Turn) -> Reply:
    return app.help_text(turn.language)


async def hint(app: Services, turn: Turn) -> Reply:
    """An empty message or an unknown word."""
    return answer(turn.command, turn.language, app.vocabulary.suggest(turn.command.word))


FEATURE = Feature(
    name="help",
    commands=(
        CommandHandler(
            HELP,
            show_help,
            Keywords(sv=("hjälp",), nb=("hjelp",), en=("help",)),
            needs_group=False,
        ),
        CommandHandler(EMPTY, hint, needs_group=False),
        CommandHandler(UNKNOWN, hint, needs_group=False),
    ),
    help=(HelpLine("help_line_help", (HELP,)),),
)
