"""The patient-data guard on its own: which digits are identity numbers and which are not.

Every valid Swedish personnummer and samordningsnummer (with and without century and
separator) and Norwegian fødselsnummer and D-nummer (with and without a space) in a sentence
is found; the same digits with a wrong check digit, an impossible date, or as a phone number
after a phone word are not. On a corpus of ordinary meeting sentences full of dates,
times and phone numbers (6,000 generated) the guard finds nothing (the figure is printed).
"""

from __future__ import annotations

import pytest

from bot.domain.privacy import find_identity_numbers, holds_identity_number
from tests.privacy_corpus import identity_numbers, ordinary_sentences


@pytest.mark.parametrize(
    "text",
    [
        "Patienten 19121212-1212 fick fel remiss",  # Tolvan Tolvansson, Skatteverket's own
        "pnr 121212-1212",
        "121212+1212 är över hundra år",
        "191212121212",
        "1212121212",
        "121212 1212 ringde",
        "samordningsnummer 701063-2391",
        "fødselsnummer 15018800281",
        "fnr 150188 00281",
        "D-nummer 55018800003 i Helse Bergen",
        "flera: 811228-9874 och 19121212-1212",
    ],
)
def test_identity_numbers_are_found(text):
    assert holds_identity_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "19121212-1213",  # wrong check digit
        "121312-1212",  # month 13
        "121232-1212",  # 32 December
        "15018800282",  # Norwegian, wrong control digit
        "mobil 0701234569",  # passes Luhn, but a phone number after a phone word
        "tel. 070-123 45 67",
        "+46 70 123 45 67",
        "556677-8899",  # organisationsnummer: month 66
        "2026-11-22 kl. 13-14",
        "23/11, kl. 13-14, Teams",
        "RJL 2026/1212",
        "20261122",
        "ärende 2021-121212",
    ],
)
def test_look_alikes_are_left_alone(text):
    assert find_identity_numbers(text) == []


def test_a_bare_number_without_a_phone_word_is_still_caught():
    # The same ten digits as "mobil 0701234569": a person born 23 January 2007.
    assert holds_identity_number("Ny patient 0701234569 i kön")


def test_every_generated_identity_number_is_found_inside_a_sentence():
    numbers = identity_numbers(200)
    missed = [n for n in numbers if not holds_identity_number(f"Uppföljning av {n} i Kalmar.")]
    print(f"\nidentity numbers found: {len(numbers) - len(missed)} of {len(numbers)}")
    assert missed == []


def test_no_false_positives_on_ordinary_meeting_sentences():
    sentences = ordinary_sentences(6000)
    flagged = [sentence for sentence in sentences if holds_identity_number(sentence)]
    print(
        f"\nfalse positives: {len(flagged)} of {len(sentences)} sentences "
        f"({100 * len(flagged) / len(sentences):.2f} %)"
    )
    assert len(set(sentences)) > 5900
    assert flagged == []
