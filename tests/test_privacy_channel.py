"""The patient-data guard at the edge, turn by turn (TestAdapter, real SQLite).

Covers: an action item, a one-message status report, a decision, an agenda point, a card
form's text and a meeting place holding a personnummer, samordningsnummer or fødselsnummer
are refused with the reason; in a 1:1 report dialog the refused text is asked for again and
the dialog carries on; afterwards not one digit of the numbers is anywhere in the database
(reports, items, decisions, points, dialog state, outbox) or in the log, at any level.
"""

from __future__ import annotations

import logging
import sqlite3

from tests.support.teams import EDYTA, TeamsSpace

channel = TeamsSpace.channel()
chat = TeamsSpace.personal(user=EDYTA)
REFUSED = (
    "Jag sparade ingenting: meddelandet ser ut att innehålla ett personnummer eller "
    "samordningsnummer. Patientuppgifter hör inte hemma i gruppens anteckningar. Skriv om det "
    "utan numret (t.ex. ”en patient i Kalmar”)."
)
NUMBERS = ("19121212-1212", "701063-2391", "15018800281", "811228 9874")


def stored_text(sqlite_url: str) -> str:
    path = sqlite_url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as connection:
        return "\n".join(connection.iterdump())


async def test_identity_numbers_are_refused_and_kept_nowhere(transcript, settings, caplog):
    caplog.set_level(logging.DEBUG)
    await transcript.say(channel.message("regioner Linköping, Jönköping, Kalmar"))
    await transcript.say(channel.message("mötestider 26/11 kl 13-14 Teams"))

    refused = [
        await transcript.say(channel.message(text))
        for text in (
            "åtgärd Veronica ringer om patient 19121212-1212 till nästa möte",
            "lägesrapport Kalmar: Remissen för 701063-2391 har kommit bort.",
            "beslut Pasient 15018800281 flyttes til Linköping",
            "punkt Fallet 811228 9874",
            "mötestider 10/12 kl 13-14 rum 19121212-1212",
        )
    ]
    card = await transcript.say(
        channel.card_submit(
            {"ragbot": "report.save", "region": "Kalmar", "text": "Patient 811228-9874 väntar."}
        )
    )
    await transcript.say(chat.message("lägesrapport Kalmar", user=EDYTA))
    in_dialog = await transcript.say(
        chat.message("Vi väntar på svar för 19121212-1212", user=EDYTA)
    )
    again = await transcript.say(chat.message("Vi väntar på svar från SSM.", user=EDYTA))

    assert refused == [[REFUSED]] * 5
    assert card == [REFUSED]
    assert in_dialog == [REFUSED]
    assert again[0].startswith("Så här blir lägesrapporten för **Kalmar**:")
    database = stored_text(settings.database_url)
    assert "svar fr" in database  # the dialog state (JSON) is in this dump
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for number in NUMBERS:
        for digits in (number, number.replace("-", "").replace(" ", "")):
            assert digits not in database
            assert digits not in logged
