"""RAG-boten in a Teams client we did not write: Microsoft 365 Agents Playground in Chromium,
typed as a person would, asserting only what the page shows.

In the RAG nuklearmedicin team's Allmänt channel, Edyta: asks `@RAG hjälp`; sets the regions,
Linköping with its other names; plans a meeting for tomorrow, and the agenda draft appears in
the channel by itself (short notice: the scheduler posts it at once); files Linköping's report
in one message under its other name "Region Östergötland" and Jönköping's in the card form
(Spara, and the form turns into the saved report); adds an action item for "Mats", is asked
which of the team's two Matses, and adds it for Mats Homelius, due by the next meeting; lists
the items, presses Klar, and the item is gone from the next list; asks for `@RAG dagordning`
and sees every region, with "ej rapporterat" where nothing came in. In her personal chat she
writes a report as a text dialog, asks for `åtgärder` in the middle of it (answered, and the
dialog carries on), and saves it (typing Spara: the playground cannot press hero-card
buttons).

The tests run in this order and share the bot's database. Round trips are printed and written
to tests/artifacts/e2e/timings.txt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.playground import ANSWER_WITHIN, Services, Teams

TIMINGS: dict[str, float] = {}
TOMORROW = datetime.now(ZoneInfo("Europe/Stockholm")) + timedelta(days=1)
MEETING = f"{TOMORROW.day}/{TOMORROW.month} kl 13-14 Teams"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory, artifacts: Path) -> Iterator[Services]:
    running = Services(tmp_path_factory.mktemp("e2e"), artifacts).start()
    yield running
    running.stop()
    lines = [f"{name}: {seconds * 1000:.0f} ms" for name, seconds in TIMINGS.items()]
    (artifacts / "timings.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n" + "\n".join(lines))


@pytest.fixture
def teams(page: Page, services: Services) -> Teams:
    return Teams(page, services.url)


@pytest.fixture
def channel(teams: Teams) -> Teams:
    teams.open_channel()
    return teams


def test_help_in_the_channel(channel: Teams):
    TIMINGS["@RAG hjälp"] = channel.post("hjälp", "Det här kan jag.")

    # One command per line, as a list: Teams joins single-newline lines into one paragraph.
    expect(channel.page.locator("li", has_text="dagordning").first).to_be_visible()
    expect(channel.page.locator("li", has_text="hjälp").first).to_contain_text("den här listan")


def test_regions_and_a_meeting_and_the_agenda_posted_by_itself(channel: Teams):
    TIMINGS["@RAG regioner"] = channel.post(
        "regioner Linköping (Region Östergötland, US), Jönköping, Kalmar",
        "Gruppens regioner är nu",
    )
    TIMINGS["@RAG mötestider"] = channel.post(f"mötestider {MEETING}", "Planerade möten")
    page = channel.page
    expect(page.locator("li", has_text="kl. 13.00–14.00, Teams").first).to_be_visible()
    expect(page.locator("li", has_text="Kalenderfil")).to_have_count(0)  # after the list

    # Nobody asks for it: the scheduler posts the agenda draft as a new post in the channel.
    agenda = channel.page.locator(".ac-adaptiveCard", has_text="Dagordning RAG nuklearmedicin")
    expect(agenda).to_have_count(1, timeout=ANSWER_WITHIN)
    expect(agenda).to_contain_text("ej rapporterat")

    # A report in one message. (The bot then updates the posted agenda in place; the
    # playground answers such updates with an HTML 404, so that part is proven against the
    # fake connector in tests/test_scheduler_http.py instead.)
    # Under the name the minutes use for it.
    TIMINGS["@RAG lägesrapport (one message)"] = channel.post(
        "lägesrapport Region Östergötland: Cyklotronen tas i drift vecka 10.",
        re.compile("Lägesrapporten för Linköping är sparad"),
    )
    expect(agenda).to_have_count(1)


def test_a_status_report_in_the_card_form(channel: Teams):
    TIMINGS["@RAG lägesrapport (card)"] = channel.post(
        "lägesrapport Jönköping", "Lägesrapport – Jönköping"
    )
    form = channel.newest_card()
    form.locator("textarea").fill(
        "Status på läkarsidan är oförändrad. SSM genomför inspektion i mars."
    )

    TIMINGS["Spara (report card)"] = channel.press(
        "Spara", re.compile("Lägesrapporten för Jönköping är sparad"), within=form
    )
    # The form has done its job: it is replaced by the report as saved, no buttons left.
    saved = channel.page.locator(".ac-adaptiveCard", has_text="Sparad av Edyta Johansson")
    expect(saved).to_have_count(1, timeout=ANSWER_WITHIN)
    expect(saved).to_contain_text("SSM genomför inspektion i mars.")
    expect(saved.get_by_role("button")).to_have_count(0)
    expect(channel.page.locator("textarea")).to_have_count(0)


def test_an_action_item_for_an_ambiguous_name_is_asked_back(channel: Teams):
    TIMINGS["@RAG åtgärd (asked back)"] = channel.post(
        "åtgärd Mats bokar lokal för studiebesöket till nästa möte",
        re.compile("Vilken ”Mats” menar du: Mats Boström eller Mats Homelius"),
    )


def test_an_action_item_in_one_message(channel: Teams):
    TIMINGS["@RAG åtgärd"] = channel.post(
        "åtgärd Mats Homelius bokar lokal för studiebesöket till nästa möte",
        re.compile(r"Åtgärd #\d+"),
    )

    card = channel.newest_card()
    expect(card).to_contain_text("Mats Homelius bokar lokal för studiebesöket")
    expect(card).to_contain_text("Ansvarig: Mats Homelius")
    expect(card).to_contain_text("Senast:")
    expect(card).to_contain_text(f"{TOMORROW.day}")


def test_klar_on_the_list_closes_the_item(channel: Teams):
    channel.post("åtgärd Sara skickar statistiken", re.compile(r"Åtgärd #\d+"))
    TIMINGS["@RAG åtgärder"] = channel.post("åtgärder", re.compile(r"Öppna åtgärder \(\d+\)"))
    listing = channel.newest_card()
    expect(listing).to_contain_text("Sara skickar statistiken")
    # The newest item is the last in the list, and so is its Klar button.
    TIMINGS["Klar (list card)"] = channel.press("Klar", re.compile(r"är klar"), within=listing)
    channel.post("åtgärder", re.compile(r"Öppna åtgärder \(\d+\)"))

    expect(channel.newest_card()).not_to_contain_text("Sara skickar statistiken")
    expect(channel.newest_card()).to_contain_text("Mats Homelius bokar lokal")


def test_the_agenda_shows_every_region(channel: Teams):
    TIMINGS["@RAG dagordning"] = channel.post("dagordning", "Dagordning RAG nuklearmedicin")

    agenda = channel.newest_card()
    for region in ("Linköping", "Jönköping", "Kalmar"):
        expect(agenda).to_contain_text(region)
    expect(agenda).to_contain_text("SSM genomför inspektion i mars.")
    expect(agenda).to_contain_text("Cyklotronen tas i drift vecka 10.")
    expect(agenda.get_by_text("ej rapporterat")).to_have_count(1)
    expect(agenda).to_contain_text("Mats Homelius bokar lokal för studiebesöket")


def test_a_report_by_text_dialog_in_the_personal_chat(teams: Teams):
    teams.open_personal_chat()

    TIMINGS["lägesrapport (1:1 dialog start)"] = teams.say(
        "lägesrapport Kalmar", "Skriv lägesrapporten för Kalmar"
    )
    # A command typed mid-dialog is answered, and the dialog carries on with its draft.
    TIMINGS["åtgärder (1:1, mid-dialog)"] = teams.say(
        "åtgärder", "Lägesrapporten du håller på med finns kvar"
    )
    expect(teams.page.get_by_text(re.compile(r"Öppna åtgärder \(\d+\)")).last).to_be_visible()
    expect(teams.page.get_by_text("Skriv lägesrapporten för Kalmar")).to_have_count(2)
    TIMINGS["report text (1:1)"] = teams.say(
        "Två nya gammakameror är levererade.", "Så här blir lägesrapporten för Kalmar"
    )
    # The playground cannot press hero-card (imBack) buttons; typing the choice is the same
    # answer to the dialog's prompt.
    TIMINGS["Spara (1:1, typed)"] = teams.say("Spara", "Lägesrapporten för Kalmar är sparad")


def test_attendance_on_its_card_and_the_minutes_card(channel: Teams):
    """Edyta ticks who is at tomorrow's meeting on the roster Teams lists, writes in a guest
    from another region, and opens the minutes draft: they are present, the rest of the team
    absent; the card's Justera button waits for the meeting to be held."""
    TIMINGS["@RAG närvarande (card)"] = channel.post("närvarande", "Närvaro – mötet")
    form = channel.newest_card()
    for name in ("Edyta Johansson", "Mats Homelius", "Sara Axelsson"):
        form.get_by_role("checkbox", name=name).check()
    form.get_by_label("Fler närvarande").fill("Anna Berg (Region Skåne)")
    TIMINGS["Spara (attendance card)"] = channel.press(
        "Spara", re.compile("Närvaro vid mötet"), within=form
    )
    saved = channel.page.locator(".ac-adaptiveCard", has_text="Närvaro vid mötet")
    expect(saved).to_contain_text(
        "Närvarande: Edyta Johansson, Mats Homelius, Sara Axelsson, Anna Berg (Region Skåne)"
    )
    expect(saved.get_by_role("checkbox")).to_have_count(0)

    channel.post("roll ordförande mig", "är nu ordförande")
    TIMINGS["@RAG minnesanteckningar"] = channel.post(
        "minnesanteckningar", "Minnesanteckningar RAG nuklearmedicin"
    )
    minutes = channel.newest_card()
    expect(minutes).to_contain_text("Utkast, version 1")
    expect(minutes).to_contain_text("Anna Berg (Region Skåne)")
    # Teams lists Hans Johansson in the team; nobody ticked him.
    expect(minutes).to_contain_text(re.compile(r"Frånvarande\s+[^\n]*Hans Johansson"))
    for heading in ("1. Mötets öppnande", "3. Utvecklingsområde för RAG nuklearmedicin"):
        expect(minutes).to_contain_text(heading)
    expect(minutes.get_by_role("link", name="Word")).to_be_visible()
    # Tomorrow's meeting has not been held: its minutes cannot be approved yet, and the card
    # keeps its button for after the meeting.
    TIMINGS["Justera (minutes card)"] = channel.press(
        "Justera version 1", re.compile("har inte hållits än"), within=minutes
    )
    expect(minutes.get_by_role("button", name="Justera version 1")).to_be_visible()
