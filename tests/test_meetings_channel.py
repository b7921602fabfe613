"""Meetings, the agenda draft and settings in the team channel, as conversations.

It is Friday 20 November 2026, 10:00 in Stockholm. Covers: `mötestider` in the group's
notation (one message, several meetings, the calendar link), pasted again (already planned),
listed alone; `nästa möte`; refused in the past, overlapping, without a time; reports filed
before any meeting was planned join the first one; `flytta möte` and `ställ in möte` asking
first and doing it on the button (the question replaced by its answer), a stale button
refused, Behåll changing nothing; `dagordning` as a card with every region and "ej
rapporterat", proposed development points under their own heading; `inställningar` shown and
changed (lead times, language, time zone, the overdue post), with bad input refused and the
officers' guard kept; the examples in help and refusals name working days ahead, which the
bot then accepts.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from bot.domain.meetings import example_days
from bot.domain.model import ConversationType, Group
from bot.domain.schedule import is_working_day
from tests.support.teams import CARD_MESSAGE_ID, CHANNEL_ID, MATS, TeamsSpace

CALENDAR = re.compile(r"http://127\.0\.0\.1:3978/calendar/[\w-]{32}(/\d+)?\.ics")


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
        "`11/12 kl 13-14 Teams`. Inget har sparats."
    ]
    assert await transcript.say(channel.message("nästa möte")) == [
        "Inga möten är planerade. Planera med "
        "`mötestider 11/12 kl 13-14 Teams; 8/1 kl 11-12 Teams`."
    ]


async def test_reports_filed_before_any_meeting_join_the_first_one(transcript):
    channel = TeamsSpace.channel()
    await transcript.say(channel.message("regioner Linköping, Jönköping, Kalmar"))
    await transcript.say(channel.message("lägesrapport Kalmar: PET-projektet pågår."))

    await plan(transcript)

    assert await transcript.say(channel.message("lägesrapporter")) == [
        "Lägesrapporter inför mötet måndag 23 november kl. 13.00:\n\n"
        "**Linköping**: ej rapporterat\n\n"
        "**Jönköping**: ej rapporterat\n\n"
        "**Kalmar**: rapporterat av Edyta Johansson, fredag 20 november kl. 10.00"
    ]


async def test_a_meeting_is_moved_after_confirmation(transcript):
    channel, _ = await plan(transcript)

    [question] = await transcript.turn(channel.message("flytta möte 23/11 till 24/11 kl 13-14"))
    card = question.attachments[0].content
    move, keep = (action["data"] for action in card["actions"])

    assert [b["inlines"][0]["text"] for b in card["body"]] == [
        "Flytta mötet måndag 23 november kl. 13.00–14.00 till tisdag 24 november kl. 13.00–14.00?"
    ]
    # Behåll: the question becomes its answer, nothing is posted.
    assert await transcript.say(channel.card_submit(keep)) == []
    assert transcript.updated == [(CARD_MESSAGE_ID, "Okej, mötet är oförändrat.")]
    moved = (
        "Mötet är flyttat från måndag 23 november kl. 13.00–14.00 till tisdag 24 november "
        "kl. 13.00–14.00. Dagordning och påminnelser följer med."
    )
    assert await transcript.say(channel.card_submit(move)) == [moved]
    assert transcript.updated == [(CARD_MESSAGE_ID, moved)]
    assert await transcript.say(channel.card_submit(move)) == [
        "Mötet har ändrats sedan frågan ställdes, så inget har gjorts. Försök igen."
    ]
    assert transcript.updated == []
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
        "”blaha” kan jag inte läsa som datum. Skriv t.ex. ”11/12”, ”vecka 10” eller "
        "”om två veckor”. Inget har sparats."
    ]
    assert await transcript.say(channel.message("flytta möte 23/11")) == [
        "Skriv vilket möte och vart det ska, till exempel `flytta möte 11/12 till 14/12 kl 13-14`."
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

    cancelled = (
        "Mötet måndag 23 november kl. 13.00–14.00 är inställt. Lägesrapporter och förslag till "
        "dagordningen går vidare till nästa möte."
    )
    assert await transcript.say(channel.card_submit(cancel)) == [cancelled]
    assert transcript.updated == [(CARD_MESSAGE_ID, cancelled)]
    assert await transcript.say(channel.message("lägesrapporter")) == [
        "Lägesrapporter inför mötet måndag 14 december kl. 11.00:\n\n"
        "**Kalmar**: rapporterat av Edyta Johansson, fredag 20 november kl. 10.00"
    ]


async def test_the_agenda_draft_on_demand(transcript):
    channel = TeamsSpace.channel()
    assert await transcript.say(channel.message("dagordning")) == [
        "Inget möte är planerat, så det finns ingen dagordning än. Planera med "
        "`mötestider 11/12 kl 13-14 Teams`."
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
                "• #1 Mats tar fram statistik – ansvarig Mats, senast måndag 23 november kl. 13.00",
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
        "- Språk: svenska – ändra med `inställningar språk norska` (svenska, norska, engelska)",
        "- Tidszon: Europe/Stockholm (helgdagar: SE) – ändra med "
        "`inställningar tidszon Europe/Oslo`",
        "- Dagordningen skickas: 2 arbetsdagar före, kl. 09.00 – ändra med "
        "`inställningar dagordning 3 dagar`",
        "- Påminnelser: 1 arbetsdag före, kl. 09.00 och 15 minuter före – ändra med "
        "`inställningar påminnelser 1 dag, 15 minuter`",
        "- Försenade åtgärdspunkter, vardagar kl. 09.00: på – ändra med "
        "`inställningar försenade av`",
        "- Utkast till minnesanteckningar: 30 minuter efter mötet – ändra med "
        "`inställningar utkast 30 minuter` eller `av`",
        "- Inlägg när ett Teams-möte startar: av – ändra med `inställningar mötesstart på`",
        "",
        "Dagordning och påminnelser har standardtiderna.",
    ]
    assert "- Påminnelser: 1 arbetsdag före, kl. 09.00 och 2 timmar före" in changed
    assert (
        "Dagordning och påminnelser har gruppens egna tider; `inställningar standard` "
        "återställer dem."
    ) in changed
    assert "- Dagordningen skickas: 3 arbetsdagar före, kl. 09.00" in agenda
    assert "- Påminnelser: 1 arbetsdag före, kl. 09.00 och 2 timmar före" in agenda
    assert await transcript.say(channel.message("inställningar dagordning snart")) == [
        "”snart” är ingen tid jag kan läsa. Skriv till exempel `2 dagar` eller "
        "`1 dag, 15 minuter`. Inget har ändrats."
    ]
    assert await transcript.say(channel.message("inställningar påminnelser 45 dagar")) == [
        "En tid måste vara mellan en minut och 30 dagar. Inget har ändrats."
    ]
    assert await transcript.say(channel.message("inställningar färg blå")) == [
        "”färg” kan jag inte ställa in. Det går att ändra `språk`, `tidszon`, `dagordning`, "
        "`påminnelser`, `försenade`, `utkast`, `mötesstart` eller `standard`."
    ]
    [reset] = await transcript.say(channel.message("inställningar standard"))
    assert reset == shown


async def test_language_time_zone_and_the_overdue_post_are_changed_by_chat(transcript, stored):
    channel = TeamsSpace.channel()
    say = transcript.say

    [norsk] = await say(channel.message("inställningar språk norska"))
    assert norsk.split("\n")[:3] == [
        "**Innstillinger for RAG nuklearmedicin**",
        "",
        "- Språk: norsk – endre med `innstillinger språk svensk` (norsk, svensk, engelsk)",
    ]
    [oslo] = await say(channel.message("innstillinger tidssone europe/oslo"))
    assert "- Tidssone: Europe/Oslo (helligdager: NO) – endre med " in oslo
    [off] = await say(channel.message("innstillinger forsinkede av"))
    assert (
        "- Forsinkede tiltakspunkter, hverdager kl. 09.00: av – endre med "
        "`innstillinger forsinkede på`"
    ) in off.split("\n")
    assert await say(channel.message("innstillinger språk tyska")) == [
        "”tyska” er ikke et språk jeg kan: velg norsk, svensk eller engelsk. Ingenting er endret."
    ]
    assert await say(channel.message("innstillinger tidssone Mars/Olympus")) == [
        "”Mars/Olympus” er ingen tidssone jeg kjenner. Skriv den som `Europe/Oslo` eller "
        "`Europe/Stockholm`. Ingenting er endret."
    ]
    assert await say(channel.message("innstillinger forsinkede kanskje")) == [
        "Skriv `på` eller `av`, for eksempel `innstillinger forsinkede av`. Ingenting er endret."
    ]
    [svenska] = await say(channel.message("settings language swedish"))
    assert svenska.startswith("**Inställningar för RAG nuklearmedicin**")

    group = await stored.group(CHANNEL_ID)
    assert (group.language, group.timezone, group.overdue_posts) == ("sv", "Europe/Oslo", False)
    [log] = await say(channel.message("logg"))
    assert log.split("\n")[1:] == [
        "- 2026-11-20 10.00 – Edyta Johansson: ändrade inställningarna: language swedish",
        "- 2026-11-20 10.00 – Edyta Johansson: ändrade inställningarna: forsinkede av",
        "- 2026-11-20 10.00 – Edyta Johansson: ändrade inställningarna: tidssone europe/oslo",
        "- 2026-11-20 10.00 – Edyta Johansson: ändrade inställningarna: språk norska",
    ]


async def test_only_the_officers_change_the_language_once_there_is_a_chair(transcript):
    channel = TeamsSpace.channel()
    await transcript.say(channel.message("roll ordförande mig"))

    assert await transcript.say(channel.message("inställningar språk engelska", user=MATS)) == [
        "Bara ordföranden eller sekreteraren kan ändra gruppens inställningar (Edyta Johansson)."
    ]


async def test_examples_name_working_days_ahead_and_the_bot_accepts_them(transcript):
    """Friday 20 November: the examples say 11/12 (three weeks on), 14/12 and 8/1."""
    channel = TeamsSpace.channel()

    [help_text] = await transcript.say(channel.message("hjälp"))
    assert "**mötestider** `11/12 kl 13-14 Teams; 8/1 kl 11-12 Teams`" in help_text
    assert "**flytta möte** `11/12 till 14/12 kl 13-14`, **ställ in möte** `11/12`" in help_text
    assert await transcript.say(channel.message("mötestider 30/2 kl 13-14 Teams")) == [
        "Jag förstår inte datumet ”30/2” i ”30/2 kl 13-14 Teams”. Skriv till exempel "
        "`11/12 kl 13-14 Teams`. Inget har sparats."
    ]
    [planned] = await transcript.say(
        channel.message("mötestider 11/12 kl 13-14 Teams; 8/1 kl 11-12 Teams")
    )
    assert planned.startswith(
        "Planerade möten:\n- fredag 11 december kl. 13.00–14.00, Teams\n"
        "- fredag 8 januari kl. 11.00–12.00, Teams"
    )


def test_example_days_are_working_days_ahead_all_year_round():
    group = Group(
        id=1, key="k", conversation_type=ConversationType.CHANNEL, tenant_id=None, team_id=None,
        channel_id=None, name="", language="sv", timezone="Europe/Stockholm", regions=(),
        reference={}, active=True, created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )  # fmt: skip
    for offset in range(366):
        now = datetime(2026, 1, 1, 9, tzinfo=UTC) + timedelta(days=offset)
        for text in example_days(now, group).values():
            day, month = (int(part) for part in text.split("/"))
            year = now.year if (month, day) > (now.month, now.day) else now.year + 1
            shown = date(year, month, day)
            assert timedelta(days=14) < shown - now.date() < timedelta(days=70), (now, text)
            assert is_working_day(shown, "SE"), (now, text)
