"""Text helpers shared by the parsers: folding for case- and accent-insensitive matching.

``fold`` maps every character to exactly one character, so an index into the folded text is
an index into the original: parsers match on the folded form and slice the original.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus a mark.
_NO_DECOMPOSITION = {"ø": "o", "æ": "a", "œ": "o", "ł": "l", "đ": "d", "ß": "s", "\xa0": " "}


def fold_char(char: str) -> str:
    lowered = char.lower()
    if len(lowered) != 1:  # "İ".lower() is two characters
        lowered = char
    if lowered in _NO_DECOMPOSITION:
        return _NO_DECOMPOSITION[lowered]
    return unicodedata.normalize("NFD", lowered)[0]


def fold(text: str) -> str:
    """Lower-case, accent-free, same length: "Jönköping" -> "jonkoping", "Møte" -> "mote"."""
    return "".join(fold_char(char) for char in text)


# Å, Ä and Ö (Norwegian Æ, Ø) are letters of their own, after Z, in a Nordic list.
_AFTER_Z = {"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}"}


def name_order(name: str) -> str:
    """A sort key for names as a Nordic list orders them: case and other accents aside,
    Å, Ä and Ö after Z ("Anna Berg", "Sara Axelsson", "Åsa Öberg")."""
    return "".join(_AFTER_Z.get(char, fold_char(char)) for char in " ".join(name.split()).lower())


_MARKUP = re.compile(r"([\\`*_\[\]<>#|~])")


def escape_markdown(text: str) -> str:
    """User text made safe inside a Teams message: Markdown and HTML characters escaped
    (a backslash before each of \\`*_[]<>#|~)."""
    return _MARKUP.sub(r"\\\1", text)


def grouped(number: int) -> str:
    """ "8 000": thousands apart, as Swedish and Norwegian write them (and SI for English)."""
    return f"{number:,}".replace(",", " ")


def quote(text: str, limit: int = 60) -> str:
    """User text made safe to echo inside a Teams message: markup escaped, length capped."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return escape_markdown(flat)
