"""Status reports in a 1:1 chat, by text dialog (TestAdapter, real SQLite).

Covers: a person known from the group's channel writes a report in 1:1 (asked, shown back,
Spara); Ändra starts over; Avbryt at the buttons and "avbryt" at the question stop with
nothing stored; an over-long text is refused and asked for again; "hjälp" mid-dialog answers
and carries on; a restart between two turns resumes the dialog; the Spara / Ändra / Avbryt
buttons chosen 50 times in a row never give a wrong result; someone the bot has never seen
in a group and not on its team's roster is told to write in the channel first, one on the
roster is known at once; one-shot commands work in 1:1 too.
"""

from __future__ import annotations

import pytest

from bot.app import build_bot
from storage.db import create_engine
from tests.support.fakes import FakeRoster, roster_of
from tests.support.teams import CHANNEL_ID, EDYTA, SARA, TEAM, TeamsSpace
from tests.support.transcript import Transcript

channel = TeamsSpace.channel()
chat = TeamsSpace.personal(user=EDYTA)
NO_MEETING = "inför nästa möte, som inte är planerat än"
ASK = (
    "Skriv lägesrapporten för **Kalmar** (inför nästa möte, som inte är planerat än). "
    "Skriv avbryt för att avbryta."
)
SAVED = f"Lägesrapporten för **Kalmar** är sparad, {NO_MEETING}."
REPLACED = (
    f"{SAVED[:-1]}. Den ersätter den från Edyta Johansson fredag 20 november kl. 10:00 (som "
    "finns kvar i historiken)."
)


def shown_back(text: str) -> str:
    return (
        f"Så här blir lägesrapporten för **Kalmar**:\n\n{text}\n\nVill du spara den?\n"
        "[Spara]\n[Ändra]\n[Avbryt]"
    )


@pytest.fixture
async def edyta(transcript):
    """Edyta has set up the group in its channel, so the bot knows her group in 1:1."""
    await transcript.say(channel.message("regioner Linköping, Jönköping, Kalmar", user=EDYTA))
    return transcript


def says(text: str) -> dict:
    return chat.message(text, user=EDYTA)


async def test_a_report_written_in_a_private_chat(edyta, stored):
    report = "PET-projektet pågår.\n\n- Rubidium-PET utreds\n- Två radiologer i Stockholm"

    assert await edyta.say(says("lägesrapport kalmar")) == [ASK]
    assert await edyta.say(says(report)) == [shown_back(report)]
    assert await edyta.say(says("Spara")) == [SAVED]
    assert await stored.report_history(CHANNEL_ID) == [("Kalmar", report, True)]


async def test_change_starts_over_and_cancel_stops(edyta, stored):
    await edyta.say(says("lägesrapport Kalmar"))
    await edyta.say(says("Första utkastet"))

    assert await edyta.say(says("Ändra")) == [ASK]
    assert await edyta.say(says("Andra utkastet")) == [shown_back("Andra utkastet")]
    assert await edyta.say(says("Avbryt")) == ["Avbrutet. Inget har sparats."]
    assert await edyta.say(says("lägesrapport Kalmar")) == [ASK]
    assert await edyta.say(says("avbryt")) == ["Avbrutet. Inget har sparats."]
    assert await stored.report_history(CHANNEL_ID) == []


async def test_an_over_long_report_is_asked_for_again(edyta, stored):
    await edyta.say(says("lägesrapport Kalmar"))

    assert await edyta.say(says("x" * 8001)) == [
        "Texten är för lång (8 001 tecken, högst 8000). Inget har sparats – korta den eller "
        "dela upp den.",
        ASK,
    ]
    assert await edyta.say(says("Kort och gott.")) == [shown_back("Kort och gott.")]


async def test_help_mid_dialog_answers_and_carries_on(edyta):
    await edyta.say(says("lägesrapport Kalmar"))

    help_reply, asked_again = await edyta.say(says("hjälp"))

    assert help_reply.startswith("Det här kan jag.")
    assert asked_again == ASK
    assert await edyta.say(says("Texten.")) == [shown_back("Texten.")]


async def test_a_report_text_that_starts_like_a_command_is_still_the_report(edyta, stored):
    await edyta.say(says("lägesrapport Kalmar"))

    assert await edyta.say(says("Status på läkarsidan är oförändrad.")) == [
        shown_back("Status på läkarsidan är oförändrad.")
    ]


async def test_a_restart_mid_dialog_resumes_it(edyta, settings, clock, stored):
    assert await edyta.say(says("lägesrapport Kalmar")) == [ASK]

    engine = create_engine(settings.database_url)
    restarted = Transcript(build_bot(settings, engine, clock, FakeRoster()))
    shown = await restarted.say(says("Skrivet efter omstarten."))
    saved = await restarted.say(says("Spara"))
    await engine.dispose()

    assert shown == [shown_back("Skrivet efter omstarten.")]
    assert saved == [SAVED]
    assert await stored.report_history(CHANNEL_ID) == [("Kalmar", "Skrivet efter omstarten.", True)]


async def test_the_buttons_give_the_right_result_50_times_in_a_row(edyta, stored):
    expected_history = []
    for round_number in range(50):
        choice = ("Spara", "Avbryt", "Ändra")[round_number % 3]
        text = f"Rapport nummer {round_number}."
        assert await edyta.say(says("lägesrapport Kalmar")) == [ASK]
        assert await edyta.say(says(text)) == [shown_back(text)]
        if choice == "Spara":
            saved = SAVED if not expected_history else REPLACED
            assert await edyta.say(says("Spara")) == [saved], round_number
            expected_history.append(text)
        elif choice == "Avbryt":
            assert await edyta.say(says("Avbryt")) == ["Avbrutet. Inget har sparats."]
        else:
            assert await edyta.say(says("Ändra")) == [ASK], round_number
            assert await edyta.say(says(text)) == [shown_back(text)]
            assert await edyta.say(says("Avbryt")) == ["Avbrutet. Inget har sparats."]

    history = await stored.report_history(CHANNEL_ID)
    assert [text for _, text, _ in history] == expected_history
    assert [current for *_, current in history] == [False] * 16 + [True]


async def test_a_stranger_is_told_to_write_in_the_channel_first(edyta, stored):
    stranger = TeamsSpace.personal(user=SARA)

    assert await edyta.say(stranger.message("lägesrapport Kalmar", user=SARA)) == [
        "Jag vet inte vilken arbetsgrupp du hör till. Skriv något till mig i gruppens kanal "
        "först (t.ex. @RAG hjälp), så känner jag igen dig här."
    ]
    assert (await edyta.say(stranger.message("hjälp", user=SARA)))[0].startswith("Det här kan jag.")


async def test_a_member_on_the_teams_roster_is_known_before_writing_in_the_channel(
    edyta, roster, stored
):
    roster.people = roster_of(*TEAM)
    sara = TeamsSpace.personal(user=SARA)

    assert await edyta.say(sara.message("lägesrapport Kalmar: Från Sara i 1:1.", user=SARA)) == [
        SAVED
    ]
    assert await edyta.say(sara.message("lägesrapport Jönköping: Igen.", user=SARA)) == [
        f"Lägesrapporten för **Jönköping** är sparad, {NO_MEETING}."
    ]
    # Found once through the roster, then known like anyone who has written in the channel.
    assert len(roster.asked) == 1
    assert [region for region, _, _ in await stored.report_history(CHANNEL_ID)] == [
        "Kalmar",
        "Jönköping",
    ]


async def test_one_shot_commands_act_for_the_group_from_a_private_chat(edyta, stored):
    assert await edyta.say(says("lägesrapport Kalmar: Direkt från chatten.")) == [SAVED]
    assert await edyta.say(says("åtgärd Boka lokal")) == [
        "Åtgärd #1\nBoka lokal\nAnsvarig: ingen angiven\nSenast: inget datum\n[Klar]\n[Ändra]"
    ]
    assert await edyta.say(channel.message("åtgärder", user=EDYTA)) == [
        "Öppna åtgärder (1)\n#1 Boka lokal\nAnsvarig: ingen angiven\nSenast: inget datum\n[Klar]"
    ]


async def test_every_capture_command_works_from_a_private_chat(edyta, stored):
    await stored.schedule(CHANNEL_ID, "2026-11-23 13:00")
    await edyta.say(says("lägesrapport Linköping: Cyklotronen startar vecka 10."))
    await edyta.say(says("åtgärd Mats tar fram statistik senast 30/11"))

    assert await edyta.say(says("lägesrapporter")) == [
        "Lägesrapporter inför mötet måndag 23 november kl. 13:00:\n\n"
        "**Linköping**: rapporterat av Edyta Johansson, fredag 20 november kl. 10:00\n\n"
        "**Jönköping**: ej rapporterat\n\n**Kalmar**: ej rapporterat"
    ]
    assert await edyta.say(says("ändra 1 ansvarig: Sara")) == [
        "Åtgärd #1\nMats tar fram statistik\nAnsvarig: Sara\nSenast: måndag 30 november\n"
        "Åtgärd #1 är ändrad.\n[Klar]\n[Ändra]"
    ]
    assert await edyta.say(says("klar 1")) == ["Åtgärd #1 är klar: Mats tar fram statistik"]
    assert await edyta.say(says("åtgärder")) == [
        "Inga öppna åtgärder. Lägg till en med: åtgärd <text>"
    ]
    assert await edyta.say(says("beslut Vi kör")) == [
        "Beslutet är antecknat, inför mötet måndag 23 november kl. 13:00: Vi kör"
    ]
    assert await edyta.say(says("punkt Studiebesök")) == [
        "Punkten är föreslagen till nästa dagordning under **Övrigt**: Studiebesök"
    ]
    assert await edyta.say(says("regioner")) == [
        "Gruppens regioner: Linköping, Jönköping och Kalmar. Ändra med: regioner Linköping, "
        "Jönköping, Kalmar (andra namn för en region inom parentes: regioner Linköping (Region "
        "Östergötland, US), Jönköping, Kalmar)"
    ]
