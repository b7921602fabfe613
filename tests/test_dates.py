"""Date and time phrases in Swedish, Norwegian and English: the corpus (tests/date_corpus.py)
read as the group means it, across both clock changes; dates found inside free text."""

from __future__ import annotations

from datetime import UTC, date

import pytest

from bot.domain.dates import (
    DateContext,
    DateError,
    DateProblem,
    ParsedDate,
    find_date,
    parse_date,
    parse_time_range,
)
from tests.date_corpus import CORPUS, MOMENTS, STOCKHOLM, context, local, verdict


def expected(text: str) -> tuple[str, ...]:
    if text.isupper():
        return (text.lower(),)
    if len(text) == 10:
        return (local(text + " 00:00").isoformat(), "date")
    day = text[:10]
    if "-" in text[11:]:
        start, end = text[11:].split("-")
        return (local(f"{day} {start}").isoformat(), local(f"{day} {end}").isoformat())
    return (local(text).isoformat(), "time")


def reading(result) -> tuple[str, ...]:
    if isinstance(result, DateError):
        return (result.problem.value,)
    assert result.start.tzinfo is not None
    if result.end is not None:
        return (result.start.isoformat(), result.end.isoformat())
    return (result.start.isoformat(), "time" if result.has_time else "date")


def test_the_corpus_is_big_enough_and_covers_three_languages():
    assert len(CORPUS) >= 300
    assert len({tuple(row[:3]) for row in CORPUS}) == len(CORPUS)
    assert {language for language, *_ in CORPUS} == {"sv", "nb", "en"}


@pytest.mark.parametrize(("language", "moment", "phrase", "meaning"), CORPUS)
def test_the_corpus_is_read_as_the_group_means_it(language, moment, phrase, meaning):
    read = reading(parse_date(phrase, context(moment)))
    assert verdict(meaning, MOMENTS[moment].zone, read).right, read


def test_no_phrase_of_the_corpus_gets_a_wrong_date():
    wrong = [
        (moment, phrase, reading(result))
        for _, moment, phrase, meaning in CORPUS
        if verdict(
            meaning, MOMENTS[moment].zone, reading(result := parse_date(phrase, context(moment)))
        ).wrong_date
    ]
    assert wrong == []


def test_wall_clock_times_are_right_in_utc_across_the_clock_changes():
    spring = context("spring")
    before = parse_date("i morgon kl 9", spring)
    after = parse_date("måndag kl 9", spring)
    autumn = parse_date("måndag kl 9", context("autumn"))

    assert before.start.astimezone(UTC).hour == 8  # CET, UTC+1
    assert after.start.astimezone(UTC).hour == 7  # CEST, UTC+2
    assert autumn.start.astimezone(UTC).hour == 8  # back to CET


def test_a_past_day_is_past_only_once_it_is_over():
    nov = context("nov")
    assert parse_date("20/11", nov).is_past(nov)
    assert not parse_date("idag", nov).is_past(nov)
    assert parse_date("idag kl 9", nov).is_past(nov)
    assert not parse_date("idag kl 11", nov).is_past(nov)
    assert not parse_date("till nästa möte", nov).is_past(nov)


def test_a_weekday_and_a_date_that_disagree_are_asked_back_with_both():
    result = parse_date("fredag 26/11", context("nov"))
    assert result == DateError(
        DateProblem.AMBIGUOUS, "fredag 26/11", (date(2026, 11, 27), date(2026, 11, 26))
    )


def test_a_period_is_its_last_working_day_and_says_it_is_a_period():
    christmas = parse_date("innan jul", context("dec"))
    week = parse_date("vecka 52", context("dec"))
    day = parse_date("23/12", context("dec"))
    assert (christmas.day, christmas.period) == (date(2026, 12, 23), True)
    assert (week.day, week.period) == (date(2026, 12, 23), True)
    assert (day.day, day.period) == (date(2026, 12, 23), False)


def test_meeting_relative_phrases_say_they_are_meetings():
    result = parse_date("till nästa möte", context("nov"))
    assert isinstance(result, ParsedDate) and result.meeting


def test_no_meeting_planned_is_its_own_problem():
    empty = DateContext(now=context("nov").now, timezone=STOCKHOLM)
    assert parse_date("till nästa möte", empty) == DateError(
        DateProblem.NO_MEETING, "till nästa möte"
    )


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("kl 13-14", "13:00", "14:00"),
        ("kl. 13.00 – 14.00", "13:00", "14:00"),
        ("8–9", "08:00", "09:00"),
        ("13:00-14:30", "13:00", "14:30"),
        ("kl 13", "13:00", None),
        ("klockan 9.15", "09:15", None),
    ],
)
def test_time_ranges(text, start, end):
    first, last = parse_time_range(text)
    assert first.strftime("%H:%M") == start
    assert (last.strftime("%H:%M") if last else None) == end


@pytest.mark.parametrize("text", ["Teams", "kl 14-13", "kl 25", "23/11"])
def test_what_is_not_a_time_range(text):
    assert parse_time_range(text) is None


@pytest.mark.parametrize(
    ("text", "phrase", "meaning"),
    [
        (
            "Veronica kollar med Kristian Valind i Region Skåne till nästa möte",
            "till nästa möte",
            "2026-11-23 13:00",
        ),
        ("Boka lokal senast 23/11.", "senast 23/11", "2026-11-23"),
        ("Skicka underlag vecka 10 till Sara", "vecka 10", "2027-03-12"),
        ("Skicka underlag v.49 till Sara", "v.49", "2026-12-04"),
        ("Boka lokal innan jul", "innan jul", "2026-12-23"),
        ("Mats kollar med SSM till nästa RAG-möte", "till nästa RAG-möte", "2026-11-23 13:00"),
        ("Sara bokar lokal till mötet efter nästa", "till mötet efter nästa", "2026-12-14 11:00"),
        ("Kari sender tallene innen fredag 26. november", "innen fredag 26. november", "AMBIGUOUS"),
        ("Boka lokal i slutet av januari", "i slutet av januari", "2027-01-29"),
        ("Sammanställa statistik om två veckor", "om två veckor", "2026-12-06"),
        ("Ring leverantören i morgon kl 9", "i morgon kl 9", "2026-11-23 09:00"),
        ("Kalla till möte fredag", "fredag", "2026-11-27"),
        ("Undersöka rubidium-PET innan sommaren", "innan sommaren", "VAGUE"),
        ("Kari sjekker med Helse Vest til neste møte", "til neste møte", "2026-11-23 13:00"),
        ("Send the figures by Friday", "by Friday", "2026-11-27"),
    ],
)
def test_a_date_is_found_inside_a_text(text, phrase, meaning):
    match = find_date(text, context("nov"))
    assert match is not None
    assert text[match.start : match.end] == phrase
    assert reading(match.result) == expected(meaning)


@pytest.mark.parametrize(
    ("text", "phrase", "problem"),
    [
        ("Mats skickar rapporten efter 15/12", "efter 15/12", "vague"),
        (
            "Boka lokal senast 15/12 eller 16/12. Mats kollar",
            "senast 15/12 eller 16/12",
            "unparseable",
        ),
        ("Boka lokal fredag om två veckor, tack", "fredag om två veckor", "unparseable"),
        ("Boka lokal nästa vecka onsdag", "nästa vecka onsdag", "unparseable"),
        ("Ring Sara fredag kl 25", "fredag kl 25", "unparseable"),
    ],
)
def test_a_date_phrase_that_goes_on_is_not_cut_short_to_a_date_nobody_meant(text, phrase, problem):
    match = find_date(text, context("nov"))
    assert text[match.start : match.end] == phrase
    assert match.result.problem.value.startswith(problem)


def test_a_date_followed_by_ordinary_words_is_still_found():
    match = find_date("Boka lokal i morgon och skicka inbjudan", context("nov"))
    assert (match.result.day, match.result.has_time) == (date(2026, 11, 23), False)
    assert find_date("Skicka senast fredag, 3 st", context("nov")).result.has_time is False


@pytest.mark.parametrize(
    "text",
    [
        "Alla kollar i sina verksamheter och återkommer med namn till Edyta",
        "Man behöver fler BMA i Kalmar",
        "Mats kollar med SSM om inspektionen",
        "Gemensam IT-plattform (undersöka möjligheter under 2023)",
        "Gruppen står bakom målbilden för 2026 och 2027",
        "Man behöver fler BMA i Kalmar till mars",
        "Antalet undersökningar har ökat från 4–5 till 9 patienter",
    ],
)
def test_ordinary_sentences_hold_no_date(text):
    assert find_date(text, context("nov")) is None


def test_the_example_date_in_refusals_is_never_past_and_reads_as_itself():
    """Refusals say "Skriv t.ex. ”senast <day>”": all year round that day is ahead, a
    working day, and the parser reads it as that very day."""
    from datetime import UTC, datetime

    from bot.domain.dates import DateContext, parse_date

    for month in range(1, 13):
        for day in (1, 15, 28):
            now = datetime(2026, month, day, 9, 0, tzinfo=UTC)
            context = DateContext.at(now, "Europe/Stockholm", ())
            shown = context.example_day
            read = parse_date(shown, context)
            assert not read.is_past(context), (now, shown)
            assert f"{read.day.day}/{read.day.month}" == shown
            assert (read.day - context.today).days >= 21
