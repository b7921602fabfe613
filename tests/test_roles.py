"""Roles, guarded commands and the audit log in the group's channel, turn by turn
(TestAdapter, real SQLite). Now is Friday 20 November 2026, 10:00 in Stockholm.

Covers: before anyone is chair, anyone changes settings and roles (`roller` says so); Edyta
makes herself chair and @mentions Sara as secretary; then Mats (a member) is refused settings,
regions, roles, deleting an item and the log, each refusal naming who can, and nothing
changes; Sara, appointed by @mention before she ever wrote, deletes an item; `logg` shows
every change, newest first, with time and person; the chair hands over with one command and
is then refused herself; an unknown person or role is answered with how to write it.
"""

from __future__ import annotations

from datetime import timedelta

from tests.support.teams import CHANNEL_ID, EDYTA, MATS, SARA, TeamsSpace

channel = TeamsSpace.channel()
OFFICERS = "(Edyta Johansson och Sara Axelsson)"


def says(text: str, user=EDYTA, mentions=()) -> dict:
    return channel.message(text, user=user, mentions=mentions)


async def test_roles_guard_changes_and_the_log_records_them(transcript, stored, clock):
    say = transcript.say
    assert await say(says("roller")) == [
        "Gruppen har ingen ordförande än, så alla kan ändra inställningar, regioner och "
        "roller. Utse en med: roll ordförande @namn (eller roll ordförande mig)"
    ]
    await say(says("regioner Linköping, Jönköping, Kalmar", user=MATS))
    await say(says("åtgärd Mats bokar lokal till nästa vecka", user=MATS))
    assert await say(says("roll ordförande mig")) == ["Edyta Johansson är nu ordförande i gruppen."]
    clock.advance(timedelta(minutes=5))
    assert await say(says("roll sekreterare <at>Sara Axelsson</at>", mentions=(SARA,))) == [
        "Sara Axelsson är nu sekreterare i gruppen."
    ]
    assert (await say(says("roller", user=MATS)))[0].startswith(
        "Ordförande: Edyta Johansson. Sekreterare: Sara Axelsson."
    )

    refusals = [
        await say(says(text, user=MATS))
        for text in (
            "inställningar dagordning 3 dagar",
            "regioner Linköping",
            "roll ordförande mig",
            "ta bort 1",
            "logg",
        )
    ]
    assert refusals == [
        [f"Bara ordföranden eller sekreteraren kan ändra gruppens inställningar {OFFICERS}."],
        [f"Bara ordföranden eller sekreteraren kan ändra gruppens regioner {OFFICERS}."],
        [f"Bara ordföranden eller sekreteraren kan ändra roller {OFFICERS}."],
        [
            f"Bara ordföranden eller sekreteraren kan ta bort åtgärdspunkter {OFFICERS}. Är den "
            "gjord? Skriv klar och numret."
        ],
        [f"Bara ordföranden eller sekreteraren kan läsa loggen {OFFICERS}."],
    ]
    group = await stored.group(CHANNEL_ID)
    assert (group.regions, group.agenda_lead) == (("Linköping", "Jönköping", "Kalmar"), None)

    clock.advance(timedelta(minutes=5))
    assert await say(says("ta bort 1", user=SARA)) == ["Åtgärd #1 är borttagen: Mats bokar lokal"]
    assert await say(says("åtgärder", user=SARA)) == [
        "Inga öppna åtgärder. Lägg till en med: åtgärd <text>"
    ]
    assert await say(says("logg")) == [
        "Senaste ändringarna:\n"
        "- 2026-11-20 10.10 – Sara Axelsson: tog bort åtgärd #1: Mats bokar lokal\n"
        "- 2026-11-20 10.05 – Edyta Johansson: gjorde Sara Axelsson till sekreterare\n"
        "- 2026-11-20 10.00 – Edyta Johansson: gjorde Edyta Johansson till ordförande\n"
        "- 2026-11-20 10.00 – Mats Homelius: satte regionerna: Linköping, Jönköping, Kalmar"
    ]

    assert await say(says("roll ordförande <at>Mats Homelius</at>", mentions=(MATS,))) == [
        "Mats Homelius är nu ordförande i gruppen."
    ]
    assert await say(says("inställningar dagordning 3 dagar")) == [
        "Bara ordföranden eller sekreteraren kan ändra gruppens inställningar (Mats Homelius "
        "och Sara Axelsson)."
    ]
    assert (await say(says("inställningar dagordning 3 dagar", user=MATS)))[0].startswith(
        "**Inställningar för RAG nuklearmedicin**"
    )


async def test_unknown_people_and_roles_are_answered_with_the_way_to_write_it(transcript):
    assert await transcript.say(says("roll ordförande Kristian")) == [
        "Jag vet inte vem Kristian är. @-nämn personen, eller skriv mig."
    ]
    assert await transcript.say(says("roll kung mig")) == [
        "Skriv roll ordförande @namn, roll sekreterare @namn, roll justerare @namn eller roll "
        "medlem @namn (mig för dig själv)."
    ]
    await transcript.say(says("hjälp", user=MATS))
    assert await transcript.say(says("roll sekreterare mats")) == [
        "Mats Homelius är nu sekreterare i gruppen."
    ]
