"""Every Adaptive Card the bot can send, built from the domain with representative data, parsed
and rendered by Microsoft's `adaptivecards` renderer in Chromium (with markdown-it, as Teams
renders TextBlock markdown).

The renderer parses each card against its Adaptive Card 1.5 model: an element, property or
value 1.5 does not know is reported, and so are failed property validations; the card must
also render without a page error. Each card is screenshotted on its own
(tests/artifacts/e2e/card-*.png) for a person to look at. There is no offline JSON schema of
Adaptive Cards 1.5 on the registries (the designer package ships the 1.0 schema), so the
renderer's own serialisation model is the 1.5 check.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from bot import cards
from bot.card_actions import CardAction
from bot.domain.i18n import message
from bot.domain.minutes import Block, Kind, Minutes, MinutesSection
from bot.domain.model import ActionItem
from tests.e2e.conftest import E2E, node_tool
from tests.test_agenda_domain import agenda_with_topics_and_seminars, reference_agenda
from tests.test_schedule import a_group, at

NOW = at("2026-01-12 10:00")


def _items() -> list[ActionItem]:
    made = at("2025-12-10 13:30")
    return [
        ActionItem(3, 1, 3, "Veronica kollar med Kristian Valind i Region Skåne", "Edyta", made,
                   owner_name="Veronica", due_at=at("2026-01-09 00:00")),
        ActionItem(4, 1, 4, "Boka studiebesök på Cyklotronen, **inte** före mars", "Mats", made,
                   owner_name="Mats Homelius", due_at=NOW + timedelta(days=20)),
        ActionItem(5, 1, 5, "Sammanställ statistik för PET-CT 2025", "Sara", made,
                   closed_at=NOW - timedelta(days=1), closed_by="Sara Axelsson"),
    ]  # fmt: skip


def _minutes() -> Minutes:
    """A short version of the 2026-01-14 minutes."""
    return Minutes(
        "Minnesanteckningar RAG nuklearmedicin",
        (
            ("Datum", ("2026-01-14, kl. 13.00 – 14.00",)),
            ("Plats", ("Teams",)),
            ("Närvarande", ("Edyta Johansson", "Mats Homelius", "Sara Axelsson")),
            ("Frånvarande", ("Mattias Nickel",)),
        ),
        (
            MinutesSection("1. Mötets öppnande"),
            MinutesSection(
                "2. Föregående mötesanteckningar",
                (Block(Kind.TOPIC, "Stängda åtgärdspunkter"), Block(Kind.BULLET, "#3 Boka lokal")),
            ),
            MinutesSection(
                "3. Utvecklingsområde för RAG nuklearmedicin",
                (
                    Block(Kind.TOPIC, "Lägesrapport"),
                    Block(Kind.SUBTOPIC, "Linköping"),
                    Block(Kind.PARAGRAPH, "Arbetet med uppstart av cyklotronen pågår."),
                    Block(Kind.TOPIC, "Radiofarmakaupphandling"),
                    Block(Kind.PARAGRAPH, "Upphandlingsprocessen pågår."),
                    Block(Kind.BULLET, "Beslut: Vi bjuder in BMA till nästa möte."),
                ),
            ),
            MinutesSection("4. Övrigt"),
            MinutesSection("5. Nya mötestider", (Block(Kind.BULLET, "11/2, kl. 13-14, Teams"),)),
        ),
        ("Sammanställt av", "Edyta Johansson", "Ordförande, RAG nuklearmedicin"),
    )


def every_card() -> dict[str, dict[str, Any]]:
    group = a_group(regions=("Linköping", "Jönköping", "Kalmar"))
    overdue, upcoming, closed = _items()
    meeting = "inför mötet onsdag 14 januari kl. 13.00–14.00, Teams"
    return {
        "agenda-sv": cards.agenda_card(reference_agenda("sv")),
        "agenda-nb": cards.agenda_card(reference_agenda("nb")),
        "agenda-en": cards.agenda_card(reference_agenda("en")),
        "agenda-topics-seminars": cards.agenda_card(agenda_with_topics_and_seminars("sv")),
        # Long reports cut and items left out to fit Teams' message size.
        "agenda-shortened": cards.agenda_card(reference_agenda("sv").shortened(120, 0)),
        "report-form-empty": cards.report_form("Kalmar", meeting, None, "sv"),
        "report-form-prefilled": cards.report_form(
            "Jönköping", meeting, "Status på läkarsidan är oförändrad.\n\nSSM i mars.", "sv"
        ),
        "action-item": cards.action_item_card(upcoming, group, NOW, None),
        "action-item-overdue": cards.action_item_card(overdue, group, NOW, None),
        "action-item-with-note": cards.action_item_card(
            upcoming, group, NOW, message("sv", "action_edited", number=4)
        ),
        "action-item-closed": cards.action_item_card(closed, group, NOW, None),
        "action-items": cards.action_items_card(
            [overdue, upcoming], group, NOW, include_closed=False
        ),
        "action-items-all": cards.action_items_card(
            [overdue, upcoming, closed], group, NOW, include_closed=True
        ),
        "edit-item": cards.edit_item_form(upcoming, group, "14/12"),
        "confirm-move": cards.confirm_card(
            "Flytta mötet onsdag 14 januari kl. 13.00–14.00 till torsdag 15 januari?",
            "Flytta",
            CardAction.MEETING_MOVE,
            "sv",
            meeting=1,
            version="abc",
        ),
        "attendance": cards.attendance_card(
            "Närvaro – mötet onsdag 14 januari kl. 13.00",
            ["Edyta Johansson", "Johansson, Hans", "Mats Homelius", "Sara Axelsson"],
            ["Edyta Johansson", "Sara Axelsson"],
            1,
            "sv",
        ),
        "minutes-draft": cards.minutes_card(
            _minutes(),
            "Utkast, version 1. Justeras av ordföranden eller justeraren med: justera 1",
            [
                "Ladda ner: [Word](http://127.0.0.1:3978/minutes/t.docx) · "
                "[Markdown](http://127.0.0.1:3978/minutes/t.md)"
            ],
            ("Justera version 1", 1, 1),
        ),
    }


CARDS = every_card()


@pytest.fixture
def cards_page(page: Page) -> Page:
    node_tool("adaptivecards", "dist", "adaptivecards.min.js")
    node_tool("markdown-it", "dist", "markdown-it.min.js")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((E2E / "render-cards.html").as_uri())
    page.page_errors = errors  # type: ignore[attr-defined]
    return page


@pytest.mark.parametrize("name", list(CARDS))
def test_the_card_is_adaptive_card_1_5_and_renders(name: str, cards_page: Page, artifacts: Path):
    problems = cards_page.evaluate("([name, card]) => renderCard(name, card)", [name, CARDS[name]])
    frame = cards_page.locator(f'.card[data-name="{name}"]')
    frame.screenshot(path=artifacts / f"card-{name}.png")

    assert problems == []
    assert cards_page.page_errors == []  # type: ignore[attr-defined]
    assert frame.locator(".ac-adaptiveCard").count() == 1


def test_the_agenda_card_shows_every_region_and_marks_what_is_missing(cards_page: Page):
    cards_page.evaluate("([name, card]) => renderCard(name, card)", ["agenda", CARDS["agenda-sv"]])
    text = cards_page.locator('.card[data-name="agenda"]').inner_text()

    for expected in (
        "Dagordning RAG nuklearmedicin",
        "Linköping",
        "Jönköping",
        "Kalmar",
        "ej rapporterat",
        "Veronica kollar med Kristian Valind i Region Skåne",
        "försenad",
    ):
        assert expected in text


def test_a_card_outside_adaptive_cards_1_5_is_reported(cards_page: Page):
    """The check above can fail: an unknown element and an input without an id are reported."""
    broken = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [
            {"type": "Carousel", "pages": []},
            {"type": "Input.Text", "placeholder": "no id"},
            {"type": "TextBlock", "text": "x", "style": "heading", "wrap": True},
        ],
    }

    problems = cards_page.evaluate("([name, card]) => renderCard(name, card)", ["broken", broken])

    assert problems == [
        'parse: Unknown element type "Carousel". Fallback will be used if present.',
        "validate: All inputs must have a unique Id.",
    ]
