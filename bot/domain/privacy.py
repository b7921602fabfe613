"""The patient-data guard: finds national identity numbers in text before anything is stored.

A working group's notes must never hold a patient's identity. What counts, checked the way
the issuing authorities define the numbers (so that ordinary digits are left alone):

- Swedish personnummer and samordningsnummer (day + 60): ``YYMMDD-NNNC``, ``YYMMDD+NNNC``
  (over a hundred years old), ``YYYYMMDD-NNNC``, ``YYYYMMDDNNNC`` or ``YYMMDDNNNC``, the
  separator also a space; a real date (with the century where it is written), and the Luhn
  check digit over the ten digits.
- Norwegian fødselsnummer and D-nummer (day + 40): ``DDMMYYIIIKK``, optionally with a space
  after the date; a real day and month, and both mod-11 control digits.

Phone numbers are the look-alikes that matter. Swedish numbers begin with 0 and, written as
``070-123 45 67``, never have the 6+4 shape; written as ten bare digits (``0701234567``) they
can pass every check, so ten bare digits beginning with 0 are a phone number where a phone
word (tel, mobil, ring …) stands just before them. The false-positive rate is measured on a
corpus of ordinary meeting sentences in ``tests/test_privacy.py``.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass

_SWEDISH = re.compile(
    r"(?<![\d+\-/.:,])"
    r"(?P<century>\d{2})?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"(?P<sep>[-+ ]?)(?P<tail>\d{4})"
    r"(?![\d/]|[-.:,]\d)"
)
_NORWEGIAN = re.compile(r"(?<![\d+\-/.:,])(?P<date>\d{6}) ?(?P<tail>\d{5})(?![\d/]|[-.:,]\d)")
_PHONE_WORDS = re.compile(
    r"(?:tel|telefon|telefonnummer|tfn|mobil|mob|mobilnummer|ring|ringa|nås på|sms|fax|"
    r"sms:a|växel|vxl|tlf|telefonnr|phone|call|mobile|nr)\.?:?\s*$",
    re.IGNORECASE,
)
_NORWEGIAN_WEIGHTS = ((3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))


@dataclass(frozen=True)
class IdentityNumber:
    """Where an identity number was found; the number itself is never kept or shown."""

    kind: str  # "se" or "no"
    start: int
    end: int


def find_identity_numbers(text: str) -> list[IdentityNumber]:
    """Every Swedish or Norwegian identity number in ``text``, in order."""
    found = [
        IdentityNumber("se", match.start(), match.end())
        for match in _SWEDISH.finditer(text)
        if _is_swedish(match) and not _is_phone(text, match)
    ]
    found += [
        IdentityNumber("no", match.start(), match.end())
        for match in _NORWEGIAN.finditer(text)
        if _is_norwegian(match["date"] + match["tail"])
    ]
    return sorted(found, key=lambda number: number.start)


def holds_identity_number(*texts: str | None) -> bool:
    return any(text and find_identity_numbers(text) for text in texts)


def _is_swedish(match: re.Match[str]) -> bool:
    digits = match["yy"] + match["mm"] + match["dd"] + match["tail"]
    if not _luhn(digits):
        return False
    day = int(match["dd"])
    if day > 60:  # samordningsnummer
        day -= 60
    year = int((match["century"] or "20") + match["yy"])
    if match["century"] and match["century"] not in ("18", "19", "20"):
        return False
    return _real_date(year, int(match["mm"]), day)


def _is_phone(text: str, match: re.Match[str]) -> bool:
    bare = not match["century"] and not match["sep"]
    if not (bare and match["yy"].startswith("0")):
        return False
    return bool(_PHONE_WORDS.search(text[max(0, match.start() - 24) : match.start()]))


def _is_norwegian(digits: str) -> bool:
    day, month = int(digits[0:2]), int(digits[2:4])
    if day > 40:  # D-nummer
        day -= 40
    # Any year will do for the date check: 29 February is allowed, as some century has it.
    if not _real_date(2000, month, day):
        return False
    numbers = [int(digit) for digit in digits]
    for position, weights in zip((9, 10), _NORWEGIAN_WEIGHTS, strict=True):
        control = 11 - sum(w * d for w, d in zip(weights, numbers, strict=False)) % 11
        if control == 11:
            control = 0
        if control == 10 or control != numbers[position]:
            return False
    return True


def _luhn(digits: str) -> bool:
    total = 0
    for index, digit in enumerate(int(d) for d in digits):
        if index % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def _real_date(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= monthrange(year, month)[1]
