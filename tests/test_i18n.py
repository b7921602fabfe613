"""User-facing strings: every message exists in Swedish, Norwegian and English with the same
placeholders, and an unknown language falls back to Swedish."""

from __future__ import annotations

import string

from bot.domain.i18n import MESSAGES, message
from bot.domain.model import LANGUAGES


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_is_in_every_language_with_the_same_placeholders():
    for key, texts in MESSAGES.items():
        assert set(texts) == set(LANGUAGES), key
        assert len({frozenset(_placeholders(text)) for text in texts.values()}) == 1, key


def test_an_unknown_language_falls_back_to_swedish():
    assert message("de", "empty") == "Hej! Skriv @RAG hjälp för att se vad jag kan."
    assert message("en", "empty") == "Hi! Write @RAG help to see what I can do."
