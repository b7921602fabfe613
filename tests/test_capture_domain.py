"""The capture rules on their own, without Teams: region matching, region lists, reading an
action item's owner and due date from one message, agenda sections."""

from __future__ import annotations

import pytest

from bot.domain.capture import check_text, read_action_item, split_section
from bot.domain.model import Mention, Refusal, Section
from bot.domain.regions import match_region, parse_region_list, split_region_and_text
from tests.date_corpus import context

REGIONS = ("Linköping", "Jönköping", "Kalmar")
CONTEXT = context("nov")


@pytest.mark.parametrize(
    ("typed", "region", "suggestions"),
    [
        ("Jönköping", "Jönköping", ()),
        ("jonkoping", "Jönköping", ()),
        ("JÖNKÖPING", "Jönköping", ()),
        ("Region Jönköpings län", "Jönköping", ()),
        ("  kalmar ", "Kalmar", ()),
        ("Jönköpng", None, ("Jönköping",)),
        ("Linkping", None, ("Linköping",)),
        ("Kalmr", None, ("Kalmar",)),
        ("Stockholm", None, ()),
        ("", None, ()),
    ],
)
def test_regions_match_whatever_the_case_and_accents(typed, region, suggestions):
    match = match_region(typed, REGIONS)
    assert (match.region, match.suggestions) == (region, suggestions)


@pytest.mark.parametrize(
    ("typed", "regions"),
    [
        ("Linköping, Jönköping, Kalmar", ["Linköping", "Jönköping", "Kalmar"]),
        ("Linköping; Jönköping och Kalmar", ["Linköping", "Jönköping", "Kalmar"]),
        ("Bergen og Stavanger", ["Bergen", "Stavanger"]),
        ("Kalmar, kalmar, KALMAR", ["Kalmar"]),
        ("Västra  Götaland, Skåne.", ["Västra Götaland", "Skåne"]),
        (" , ;", []),
    ],
)
def test_region_lists(typed, regions):
    assert parse_region_list(typed) == regions


def test_region_and_text_split_at_the_first_colon_or_line_break():
    assert split_region_and_text("Jönköping: Status: oförändrad") == (
        "Jönköping",
        "Status: oförändrad",
    )
    assert split_region_and_text("Kalmar\nFörsta raden") == ("Kalmar", "Första raden")
    assert split_region_and_text("Kalmar") == ("Kalmar", None)


@pytest.mark.parametrize(
    ("typed", "text", "owner", "due"),
    [
        (
            "Veronica kollar med Kristian Valind i Region Skåne till nästa möte",
            "Veronica kollar med Kristian Valind i Region Skåne",
            "Veronica",
            "2026-11-23 13:00",
        ),
        (
            "Veronica Sanchez undersöker saken vecka 10",
            "Veronica Sanchez undersöker saken",
            "Veronica Sanchez",
            "2027-03-12 00:00",
        ),
        ("Boka lokal (ansvarig: Mats)", "Boka lokal", "Mats", None),
        ("Ta fram underlag, ansvarlig: Kari Nordmann", "Ta fram underlag", "Kari Nordmann", None),
        ("Undersök möjligheterna", "Undersök möjligheterna", None, None),
        ("Alla kollar i sina verksamheter", "Alla kollar i sina verksamheter", "Alla", None),
        ("alla vet redan", "alla vet redan", None, None),
        (
            "Kari sjekker med Helse Vest til neste møte",
            "Kari sjekker med Helse Vest",
            "Kari",
            "2026-11-23 13:00",
        ),
        ("Sara sends the figures by Friday", "Sara sends the figures", "Sara", "2026-11-27 00:00"),
    ],
)
def test_owner_and_due_date_from_one_message(typed, text, owner, due):
    parts = read_action_item(typed, [], CONTEXT, "sv")
    assert not isinstance(parts, Refusal)
    got_due = parts.due.start.strftime("%Y-%m-%d %H:%M") if parts.due else None
    assert (parts.text, parts.owner_name, got_due) == (text, owner, due)


def test_an_at_mention_is_the_owner_and_reads_as_a_name():
    mention = Mention("29:1Sara", "Sara Axelsson", "<at>Sara Axelsson</at>")
    parts = read_action_item("<at>Sara Axelsson</at> ringer SSM", [mention], CONTEXT, "sv")
    assert (parts.text, parts.owner_name, parts.owner_id) == (
        "Sara Axelsson ringer SSM",
        "Sara Axelsson",
        "29:1Sara",
    )


@pytest.mark.parametrize(
    ("typed", "key"),
    [("Undersöka saken innan sommaren", "date_vague"), ("Boka lokal senast 1/11", "date_past")],
)
def test_vague_and_past_dates_are_refused(typed, key):
    refusal = read_action_item(typed, [], CONTEXT, "sv")
    assert isinstance(refusal, Refusal) and refusal.key == key


@pytest.mark.parametrize(
    ("typed", "section", "text"),
    [
        (
            "Utvecklingsområde: Radiofarmakaupphandling",
            Section.DEVELOPMENT,
            "Radiofarmakaupphandling",
        ),
        ("övrigt: Studiebesök", Section.OTHER, "Studiebesök"),
        ("Eventuelt: Besøk", Section.OTHER, "Besøk"),
        ("Studiebesök: Cyklotron", Section.OTHER, "Studiebesök: Cyklotron"),
        ("Mål 2026", Section.OTHER, "Mål 2026"),
    ],
)
def test_agenda_points_go_under_a_named_section_or_ovrigt(typed, section, text):
    assert split_section(typed) == (section, text)


def test_every_capture_use_case_refuses_an_identity_number_too():
    """The edge refuses it first; the use cases' own text check is the second line."""
    assert check_text("Remiss för 19121212-1212 saknas", 1000) == Refusal("identity_number")
    assert check_text("Ring 070-123 45 67 före 23/11", 1000) is None
