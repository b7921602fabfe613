"""Meetings, the agenda draft and settings in the team channel, as conversations.

It is Friday 20 November 2026, 10:00 in Stockholm. Covers: `mötestider` in the group's
notation (one message, several meetings, the calendar link), pasted again (already planned),
listed alone; `nästa möte`; refused in the past, overlapping, without a time; reports filed
before any meeting was planned join the first one; `flytta möte` and `ställ in möte` asking
first and doing it on the button, a stale button refused, Behåll changing nothing;
`dagordning` as a card with every region and "ej rapporterat", proposed development points
under their own heading; `inställningar` shown and
changed, with bad input refused.
"""

from __future__ import annotations

import re

from tests.support.teams import TeamsSpace

CALENDAR = re.compile(r"https://ragbot\.example\.org/calendar/[\w-]{32}(/\d+)?\.ics")


def calendar_free(reply: str) -> str:
    return CALENDAR.sub("<kalender>", reply)


async def plan(transcript, text="23/11 kl 13-14 Teams; 14/12 kl 11-12 Teams"):
    channel = TeamsSpace.channel()
    [reply] = await transcript.say(channel.message(f"mötestider {text}"))
    return channel, reply


async def test_meetings_planned_in_one_message(transcript):
    channel, reply = await plan(transcript, "23/11, kl. 13-14, Teams; 14/12, kl. 11-12, Sal 3")

    assert calendar_free(reply) == (
        "Planerade möten:\n"
        "- måndag 23 november kl. 13.00–14.00, Teams\n"
        "- måndag 14 december kl. 11.00–12.00, Sal 3\n\n"
        "Kalenderfil (.ics) för alla kommande möten: <kalender>"
    )
    [shown] = await transcript.say(channel.message("nästa möte"))
    assert calendar_free(shown) == (
        "Nästa möte: måndag 23 november kl. 13.00–14.00, Teams.\n"
        "Till din kalender (.ics): <kalender>"
    )
    assert CALENDAR.search(shown)[0].endswith("/1.ics")
    [again] = await transcript.say(channel.message("mötestider 23/11 kl 13-14 Teams; 7/12 kl 8-9"))
    assert calendar_free(again) == (
        "Planerade möten:\n"
        "- måndag 7 december kl. 08.00–09.00, plats meddelas senare\n\n"
        "Redan planerade sedan tidigare:\n"
        "- måndag 23 november kl. 13.00–14.00, Teams\n\n"
        "Kalenderfil (.ics) för alla kommande möten: <kalender>"
    )
    [listed] = await transcript.say(channel.message("mötestider"))
    assert calendar_free(listed).split("\n") == [
        "Kommande möten:",
        "- måndag 23 november kl. 13.00–14.00, Teams",
        "- måndag 7 december kl. 08.00–09.00, plats meddelas senare",
        "- måndag 14 december kl. 11.00–12.00, Sal 3",
        "",
        "Kalenderfil (.ics) för alla kommande möten: <kalender>",
    ]
    assert CALENDAR.search(reply)[0] == CALENDAR.search(listed)[0]  # one link per group


async def test_bad_meeting_times_are_refused_and_nothing_is_stored(transcript):
    channel = TeamsSpace.channel()

    assert await transcript.say(channel.message("mötestider 19/11 kl 13-14 Teams")) == [
        "Mötet torsdag 19 november kl. 13.00–14.00 har redan varit, så det kan inte planeras. "
        "Inget har sparats."
    ]
    assert await transcript.say(
        channel.message("mötestider 23/11 kl 13-14 Teams; 23/11 kl 13.30-15 Sal 3")
    ) == [
        "Mötet måndag 23 november kl. 13.30–15.00 krockar med mötet måndag 23 november kl. "
        "13.00–14.00. Inget har sparats."
    ]
    assert await transcript.say(channel.message("mötestider 21 september, fysiskt")) == [
        "Jag hittar ingen tid i ”21 september, fysiskt”. Skriv till exempel "
        "`23/11 kl 13-14 Teams`. Inget har sparats."
    ]
    assert await transcript.say(channel.message("nästa möte")) == [
        "Inga möten är planerade. Planera med "
        "`mötestider 23/11 kl 13-14 Teams; 14/12 kl 11-12 Teams`."
    ]


async def test_reports_filed_before_any_meeting_join_the_first_one(transcript):
    channel = TeamsSpace.channel()
    await transcript.say(channel.message("regioner Linköping, Jönköping, Kalmar"))
    await transcript.say(channel.message("lägesrapport Kalmar: PET-projektet pågår."))

    await plan(transcript)

    assert await transcript.say(channel.message("lägesrapporter")) == [
        "Lägesrapporter inför mötet måndag 23 november kl. 13:00:\n\n"
        "**Linköping**: ej rapporterat\n\n"
        "**Jönköping**: ej rapporterat\n\n"
        "**Kalmar**: rapporterat av Edyta Johansson, fredag 20 november kl. 10:00"
    ]


async def test_a_meeting_is_moved_after_confirmation(transcript):
    channel, _ = await plan(transcript)

    [question] = await transcript.turn(channel.message("flytta möte 23/11 till 24/11 kl 13-14"))
    card = question.attachments[0].content
    move, keep = (action["data"] for action in card["actions"])

    assert [b["inlines"][0]["text"] for b in card["body"]] == [
        "Flytta mötet måndag 23 november kl. 13.00–14.00 till tisdag 24 november kl. 13.00–14.00?"
    ]
    assert await transcript.say(channel.card_submit(keep)) == ["Okej, mötet är oförändrat."]
    assert await transcript.say(channel.card_submit(move)) == [
        "Mötet är flyttat från måndag 23 november kl. 13.00–14.00 till tisdag 24 november "
        "kl. 13.00–14.00. Dagordning och påminnelser följer med."
    ]
    assert await transcript.say(channel.card_submit(move)) == [
        "Mötet har ändrats sedan frågan ställdes, så inget har gjorts. Försök igen."
    ]
    [shown] = await transcript.say(channel.message("nästa möte"))
    assert calendar_free(shown).startswith("Nästa möte: tisdag 24 november kl. 13.00–14.00, Teams.")


async def test_a_move_needs_a_day_the_meeting_is_on_and_a_free_time(transcript):
    channel, _ = await plan(transcript)

    assert await transcript.say(channel.message("flytta möte 25/11 till 26/11")) == [
        "Det finns inget planerat möte onsdag 25 november. Skriv `mötestider` för att se de "
        "planerade."
    ]
    assert await transcript.say(channel.message("flytta möte 23/11 till 14/12 kl 11.30-12")) == [
        "Mötet måndag 14 december kl. 11.30–12.00 krockar med mötet måndag 14 december kl. "
        "11.00–12.00. Inget har sparats."
    ]
    assert await transcript.say(channel.message("ställ in möte blaha")) == [
        "”blaha” kan jag inte läsa som datum. Skriv t.ex. ”30/11”, ”vecka 10” eller "
        "”om två veckor”. Inget har sparats."
    ]
    assert await transcript.say(channel.message("flytta möte 23/11")) == [
        "Skriv vilket möte och vart det ska, till exempel `flytta möte 23/11 till 24/11 kl 13-14`."
    ]
    assert await transcript.say(channel.message("flytta möte 23/11 till kl 15-16")) == [
        "Flytta mötet måndag 23 november kl. 13.00–14.00 till måndag 23 november kl. "
        "15.00–16.00?\n[Flytta]\n[Behåll]"
    ]


async def test_a_meeting_is_cancelled_after_confirmation(transcript):
    channel, _ = await plan(transcript)
    await transcript.say(channel.message("regioner Kalmar"))
    await transcript.say(channel.message("lägesrapport Kalmar: Inför 23/11."))

    [question] = await transcript.turn(channel.message("ställ in möte 23/11"))
    cancel, _ = (action["data"] for action in question.attachments[0].content["actions"])

    assert await transcript.say(channel.card_submit(cancel)) == [
        "Mötet måndag 23 november kl. 13.00–14.00 är inställt. Lägesrapporter och förslag till "
        "dagordningen går vidare till nästa möte."
    ]
    assert await transcript.say(channel.message("lägesrapporter")) == [
        "Lägesrapporter inför mötet måndag 14 december kl. 11:00:\n\n"
        "**Kalmar**: rapporterat av Edyta Johansson, fredag 20 november kl. 10:00"
    ]


async def test_the_agenda_draft_on_demand(transcript):
    channel = TeamsSpace.channel()
    assert await transcript.say(channel.message("dagordning")) == [
        "Inget möte är planerat, så det finns ingen dagordning än. Planera med "
        "`mötestider 23/11 kl 13-14 Teams`."
    ]
    await plan(transcript)
    await transcript.say(channel.message("regioner Linköping, Jönköping, Kalmar"))
    await transcript.say(channel.message("lägesrapport Jönköping: Protokollet för kolin-PET."))
    await transcript.say(channel.message("åtgärd Mats tar fram statistik till nästa möte"))
    await transcript.say(channel.message("punkt Radiofarmakaupphandling"))
    await transcript.say(channel.message("punkt utvecklingsområde: Mål 2026"))

    assert await transcript.say(channel.message("dagordning")) == [
        "\n".join(
            [
                "Dagordning RAG nuklearmedicin",
                "Datum 2026-11-23, kl. 13.00 – 14.00",
                "Plats Teams",
                "1. Mötets öppnande",
                "2. Föregående mötesanteckningar",
                "3. Utvecklingsområde för RAG nuklearmedicin",
                "Lägesrapport",
                "Linköping: ej rapporterat",
                "Jönköping",
                "Protokollet för kolin-PET.",
                "Kalmar: ej rapporterat",
                # Under a heading of its own, not as a bullet read as part of Kalmar's report.
                "Föreslagna punkter",
                "• Mål 2026",
                "Öppna åtgärdspunkter",
                "• #1 Mats tar fram statistik – ansvarig Mats, senast måndag 23 november kl. 13:00",
                "4. Övrigt",
                "• Radiofarmakaupphandling",
                "5. Nya mötestider",
                "• 14/12, kl. 11-12, Teams",
            ]
        )
    ]


async def test_settings_are_shown_and_lead_times_changed(transcript):
    channel = TeamsSpace.channel()

    [shown] = await transcript.say(channel.message("inställningar"))
    [changed] = await transcript.say(channel.message("inställningar påminnelser 2 timmar, 1 dag"))
    [agenda] = await transcript.say(channel.message("inställningar dagordning 3 dagar"))

    assert shown.split("\n") == [
        "**Inställningar för RAG nuklearmedicin**",
        "",
        "- Språk: svenska",
        "- Tidszon: Europe/Stockholm (helgdagar: SE)",
        "- Dagordningen skickas: 2 arbetsdag(ar) före, kl. 09.00 – ändra med "
        "`inställningar dagordning 3 dagar`",
        "- Påminnelser: 1 arbetsdag(ar) före, kl. 09.00 och 15 minuter före – ändra med "
        "`inställningar påminnelser 1 dag, 15 minuter`",
        "",
        "Tiderna är standard.",
    ]
    assert "- Påminnelser: 1 arbetsdag(ar) före, kl. 09.00 och 2 timme/timmar före" in changed
    assert "Gruppen har egna tider; `inställningar standard` återställer dem." in changed
    assert "- Dagordningen skickas: 3 arbetsdag(ar) före, kl. 09.00" in agenda
    assert "- Påminnelser: 1 arbetsdag(ar) före, kl. 09.00 och 2 timme/timmar före" in agenda
    assert await transcript.say(channel.message("inställningar dagordning snart")) == [
        "”snart” är ingen tid jag kan läsa. Skriv till exempel `2 dagar` eller "
        "`1 dag, 15 minuter`. Inget har ändrats."
    ]
    assert await transcript.say(channel.message("inställningar påminnelser 45 dagar")) == [
        "En tid måste vara mellan en minut och 30 dagar. Inget har ändrats."
    ]
    assert await transcript.say(channel.message("inställningar färg blå")) == [
        "”färg” kan jag inte ställa in. Det går att ändra `dagordning`, `påminnelser` eller "
        "`standard`."
    ]
    [reset] = await transcript.say(channel.message("inställningar standard"))
    assert reset == shown
