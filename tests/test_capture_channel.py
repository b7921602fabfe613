"""Capture in the group's channel, turn by turn (TestAdapter, real SQLite). Now is Friday
20 November 2026, 10:00 in Stockholm.

Covers: setting and showing regions; a region's other names ("Region Östergötland" for
Linköping) set in parentheses, kept when the region is written again without them, refused
when one name would belong to two regions; who reports for a region (`rapportör Kalmar @Sara`,
`mig`, `ingen`, listed alone); a status report through the card form (opened, saved by button
and then shown as saved in place of the form, reopened prefilled, cancelled) and in one
message; a newer report replacing the
older with history kept; `lägesrapporter`; unknown, mistyped and missing regions, empty and
over-long text refused with nothing stored; two people filling in forms in the same thread at
once; action items in one message with owner (name, "ansvarig:", @mention, "Alla"; a name is
the roster's member of that name, a first name two members share asked back) and due date
(next meeting, the meeting after next, "nästa RAG-möte", week, "om två veckor"); a week
number, a month's end and "innan jul" read as the period's last working day and said so; a
weekday and a date that disagree asked back with both; vague and past dates refused; listing,
overdue marking, closing by command and button, editing by command and card; decisions and
agenda points; a decision written just after the meeting is that meeting's;
markup in user text shown literally.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.support.fakes import roster_of
from tests.support.teams import (
    CARD_MESSAGE_ID,
    CHANNEL_ID,
    EDYTA,
    MATS,
    MATS_BOSTROM,
    SARA,
    TEAM,
    TeamsSpace,
)

channel = TeamsSpace.channel()
NO_MEETING = "inför nästa möte, som inte är planerat än"


@pytest.fixture
async def group(transcript):
    """The RAG nuklearmedicin channel with its three regions set."""
    assert await transcript.say(channel.message("regioner Linköping, Jönköping, Kalmar")) == [
        "Gruppens regioner är nu: Linköping, Jönköping och Kalmar."
    ]
    return transcript


def report_form(region: str, meeting: str, text: str = "") -> str:
    return f"Lägesrapport – {region}\n{meeting}\n<text: {text}>\n[Spara]\n[Avbryt]"


async def test_regions_are_shown_and_changed(transcript):
    assert await transcript.say(channel.message("regioner")) == [
        "Gruppen har inga regioner än. Lägg till dem med: regioner Linköping, Jönköping, Kalmar"
    ]
    assert await transcript.say(channel.message("regioner Linköping; Jönköping och Kalmar")) == [
        "Gruppens regioner är nu: Linköping, Jönköping och Kalmar."
    ]
    assert await transcript.say(channel.message("regioner")) == [
        "Gruppens regioner: Linköping, Jönköping och Kalmar. Ändra med: regioner Linköping, "
        "Jönköping, Kalmar (andra namn för en region inom parentes: regioner Linköping (Region "
        "Östergötland, US), Jönköping, Kalmar)"
    ]


async def test_a_region_is_known_by_its_other_names(group, stored):
    """The minutes write "Region Östergötland" for the Linköping report."""
    assert await group.say(channel.message("lägesrapport Östergötland: Cyklotronen i drift.")) == [
        "Regionen ”Östergötland” känner jag inte till. Inget har sparats. Gruppens regioner: "
        "Linköping, Jönköping och Kalmar. Är det ett annat namn för en av dem? Ordföranden eller "
        "sekreteraren lägger till det inom parentes: `regioner Linköping (Östergötland), "
        "Jönköping, Kalmar`"
    ]
    assert await group.say(
        channel.message(
            "regioner Linköping (Östergötland, Region Östergötland, US), Jönköping, Kalmar"
        )
    ) == [
        "Gruppens regioner är nu: Linköping (Östergötland, Region Östergötland, US), Jönköping "
        "och Kalmar."
    ]

    saved = [
        (await group.say(channel.message(f"lägesrapport {typed}: Cyklotronen ({typed}).")))[0]
        for typed in ("Östergötland", "region östergötland", "US")
    ]
    assert [reply.split(".")[0] for reply in saved] == [
        "Lägesrapporten för **Linköping** är sparad, inför nästa möte, som inte är planerat än"
    ] * 3
    # Written again without parentheses, a region keeps its other names.
    assert await group.say(channel.message("regioner Linköping, Jönköping, Kalmar, Växjö")) == [
        "Gruppens regioner är nu: Linköping (Östergötland, Region Östergötland, US), Jönköping, "
        "Kalmar och Växjö."
    ]
    assert await group.say(channel.message("regioner Linköping (Jönköping), Jönköping")) == [
        "”Jönköping” står två gånger bland regionerna och deras andra namn. Ett namn får bara "
        "höra till en region. Inget har ändrats."
    ]
    assert await group.say(channel.message("regioner Linköping (), Jönköping, Kalmar")) == [
        "Gruppens regioner är nu: Linköping, Jönköping och Kalmar."
    ]
    assert [region for region, _, current in await stored.report_history(CHANNEL_ID)] == [
        "Linköping",
        "Linköping",
        "Linköping",
    ]


async def test_who_reports_for_a_region(group, stored):
    sara = f"<at>{SARA['name']}</at>"

    assert await group.say(channel.message(f"rapportör Kalmar {sara}", mentions=(SARA,))) == [
        "Sara Axelsson rapporterar nu för **Kalmar**. Påminnelsen om lägesrapporter nämner "
        "Sara Axelsson om Kalmar inte har rapporterat."
    ]
    assert await group.say(channel.message("rapportör linkoping mig")) == [
        "Edyta Johansson rapporterar nu för **Linköping**. Påminnelsen om lägesrapporter nämner "
        "Edyta Johansson om Linköping inte har rapporterat."
    ]
    assert await group.say(channel.message("rapportörer")) == [
        "Rapportörer: Linköping: Edyta Johansson, Jönköping: ingen, Kalmar: Sara Axelsson. "
        "Ändra med: rapportör Kalmar @namn"
    ]
    assert await group.say(channel.message("rapportör Linköping ingen")) == [
        "Ingen rapporterar längre särskilt för **Linköping**."
    ]
    assert await group.say(channel.message("rapportör Kalmar")) == [
        "Skriv regionen och vem: `rapportör Kalmar @namn` (eller `mig`, eller `ingen`). "
        "Inget har ändrats."
    ]
    group_now = await stored.group(CHANNEL_ID)
    assert {region: person.name for region, person in group_now.reporters.items()} == {
        "Kalmar": "Sara Axelsson"
    }
    assert group_now.reporters["Kalmar"].teams_id == SARA["id"]


async def test_a_report_by_card_form(group, stored):
    report = "Status på läkarsidan är oförändrad.\n\nSSM genomför inspektion i mars."

    assert await group.say(channel.message("lägesrapport jonkoping")) == [
        report_form("Jönköping", NO_MEETING)
    ]
    assert await group.say(
        channel.card_submit({"ragbot": "report.save", "region": "Jönköping", "text": report})
    ) == [f"Lägesrapporten för **Jönköping** är sparad, {NO_MEETING}."]
    # The form has done its job: it now shows the report as saved, with no button left.
    assert group.updated == [
        (
            CARD_MESSAGE_ID,
            f"Lägesrapport – Jönköping\nSparad av Edyta Johansson, {NO_MEETING}.\n"
            "Status på läkarsidan är oförändrad.\nSSM genomför inspektion i mars.",
        )
    ]
    # Opened again, the form holds the saved text to edit.
    assert await group.say(channel.message("Lägesrapport Jönköping")) == [
        report_form("Jönköping", NO_MEETING, report)
    ]
    assert group.updated == []
    assert (
        await group.say(channel.card_submit({"ragbot": "report.cancel", "region": "Jönköping"}))
        == []
    )
    assert group.updated == [(CARD_MESSAGE_ID, "Avbrutet. Inget har sparats.")]
    assert await stored.report_history(CHANNEL_ID) == [("Jönköping", report, True)]


async def test_a_refused_save_leaves_the_form_open_and_without_a_card_id_the_answer_is_said(
    group,
):
    assert await group.say(
        channel.card_submit({"ragbot": "report.save", "region": "Kalmar", "text": " "})
    ) == ["Texten är tom. Inget har sparats."]
    assert group.updated == []
    assert await group.say(
        channel.card_submit({"ragbot": "report.cancel", "region": "Kalmar"}, card_id=None)
    ) == ["Avbrutet. Inget har sparats."]


async def test_the_form_names_the_meeting_the_report_is_for(group, stored):
    await stored.schedule(CHANNEL_ID, "2026-11-23 13:00")

    assert await group.say(channel.message("lägesrapport Kalmar")) == [
        report_form("Kalmar", "inför mötet måndag 23 november kl. 13.00")
    ]


async def test_a_report_in_one_message_and_a_newer_one_replacing_it(group, stored):
    await stored.schedule(CHANNEL_ID, "2026-11-23 13:00")

    first = await group.say(
        channel.message("lägesrapport Kalmar: PET-projektet pågår.\n- Rubidium-PET utreds")
    )
    second = await group.say(
        channel.message("lägesrapport KALMAR: Två radiologer i Stockholm.", user=SARA)
    )

    assert first == [
        "Lägesrapporten för **Kalmar** är sparad, inför mötet måndag 23 november kl. 13.00."
    ]
    assert second == [
        "Lägesrapporten för **Kalmar** är sparad, inför mötet måndag 23 november kl. 13.00. "
        "Den ersätter den från Edyta Johansson fredag 20 november kl. 10.00 (som finns kvar "
        "i historiken)."
    ]
    assert await stored.report_history(CHANNEL_ID) == [
        ("Kalmar", "PET-projektet pågår.\n- Rubidium-PET utreds", False),
        ("Kalmar", "Två radiologer i Stockholm.", True),
    ]


async def test_who_has_reported(group, stored):
    await stored.schedule(CHANNEL_ID, "2026-11-23 13:00")
    await group.say(channel.message("lägesrapport Linköping: Cyklotronen startar vecka 10."))

    assert await group.say(channel.message("lägesrapporter")) == [
        "Lägesrapporter inför mötet måndag 23 november kl. 13.00:\n\n"
        "**Linköping**: rapporterat av Edyta Johansson, fredag 20 november kl. 10.00\n\n"
        "**Jönköping**: ej rapporterat\n\n"
        "**Kalmar**: ej rapporterat"
    ]


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        (
            "lägesrapport Jönköpng",
            "Regionen ”Jönköpng” känner jag inte till. Menade du **Jönköping**? Inget har sparats.",
        ),
        (
            "lägesrapport Stockholm: Allt väl.",
            "Regionen ”Stockholm” känner jag inte till. Inget har sparats. Gruppens regioner: "
            "Linköping, Jönköping och Kalmar. Är det ett annat namn för en av dem? Ordföranden "
            "eller sekreteraren lägger till det inom parentes: `regioner Linköping (Stockholm), "
            "Jönköping, Kalmar`",
        ),
        (
            "lägesrapport",
            "Vilken region? Skriv t.ex. lägesrapport Linköping. Gruppens regioner: Linköping, "
            "Jönköping och Kalmar.",
        ),
        ("lägesrapport Kalmar:", "Texten är tom. Inget har sparats."),
        ("lägesrapport Kalmar:    ", "Texten är tom. Inget har sparats."),
        (
            "lägesrapport Kalmar: " + "Lång text. " * 1820,
            "Texten är för lång (20 019 tecken, högst 8 000). Inget har sparats – korta den "
            "eller dela upp den.",
        ),
    ],
)
async def test_bad_report_input_is_refused_and_nothing_is_stored(group, stored, typed, answer):
    assert await group.say(channel.message(typed)) == [answer]
    assert await stored.report_history(CHANNEL_ID) == []
    assert (await stored.group(CHANNEL_ID)).regions == ("Linköping", "Jönköping", "Kalmar")


async def test_the_form_names_its_limit_and_a_long_paste_is_refused_not_cut(group, stored):
    [form] = await group.turn(channel.message("lägesrapport Kalmar"))
    [field] = [b for b in form.attachments[0].content["body"] if b["type"] == "Input.Text"]

    assert "maxLength" not in field  # Teams would cut a long paste short without a word
    assert field["placeholder"].startswith("Skriv rapporten här, högst 8 000 tecken.")
    assert await group.say(
        channel.card_submit({"ragbot": "report.save", "region": "Kalmar", "text": "x" * 9474})
    ) == [
        "Texten är för lång (9 474 tecken, högst 8 000). Inget har sparats – korta den eller "
        "dela upp den."
    ]
    assert group.updated == []  # the form stays open, the text in it
    assert await stored.report_history(CHANNEL_ID) == []


async def test_an_empty_form_is_refused(group, stored):
    assert await group.say(
        channel.card_submit({"ragbot": "report.save", "region": "Kalmar", "text": "  "})
    ) == ["Texten är tom. Inget har sparats."]
    assert await stored.report_history(CHANNEL_ID) == []


async def test_without_regions_a_report_says_how_to_add_them(transcript, stored):
    assert await transcript.say(channel.message("lägesrapport Kalmar: text")) == [
        "Gruppen har inga regioner än. Lägg till dem med: regioner Linköping, Jönköping, Kalmar"
    ]


async def test_two_people_fill_in_forms_in_the_same_thread_at_once(group, stored):
    thread = "1732266099999"
    edyta_opens = await group.say(
        channel.message("lägesrapport Linköping", user=EDYTA, thread_id=thread)
    )
    mats_opens = await group.say(
        channel.message("lägesrapport Jönköping", user=MATS, thread_id=thread)
    )
    mats_saves = await group.say(
        channel.card_submit(
            {"ragbot": "report.save", "region": "Jönköping", "text": "Kolin-PET +17 %."},
            user=MATS,
        )
    )
    edyta_saves = await group.say(
        channel.card_submit(
            {"ragbot": "report.save", "region": "Linköping", "text": "Cyklotron vecka 10."},
            user=EDYTA,
        )
    )

    assert edyta_opens == [report_form("Linköping", NO_MEETING)]
    assert mats_opens == [report_form("Jönköping", NO_MEETING)]
    assert mats_saves == [f"Lägesrapporten för **Jönköping** är sparad, {NO_MEETING}."]
    assert edyta_saves == [f"Lägesrapporten för **Linköping** är sparad, {NO_MEETING}."]
    assert await stored.report_history(CHANNEL_ID) == [
        ("Jönköping", "Kolin-PET +17 %.", True),
        ("Linköping", "Cyklotron vecka 10.", True),
    ]
    assert await group.say(channel.message("lägesrapporter")) == [
        f"Lägesrapporter {NO_MEETING}:\n\n"
        "**Linköping**: rapporterat av Edyta Johansson, fredag 20 november kl. 10.00\n\n"
        "**Jönköping**: rapporterat av Mats Homelius, fredag 20 november kl. 10.00\n\n"
        "**Kalmar**: ej rapporterat"
    ]


def item_card(number: int, text: str, owner: str, due: str, *extra: str, buttons=True) -> str:
    lines = [f"Åtgärd #{number}", text, f"Ansvarig: {owner}", f"Senast: {due}", *extra]
    if buttons:
        lines += ["[Klar]", "[Ändra]"]
    return "\n".join(lines)


async def test_an_action_item_mid_meeting_in_one_message(group, stored):
    await stored.schedule(CHANNEL_ID, "2026-11-23 13:00")

    assert await group.say(
        channel.message("åtgärd Veronica kollar med Kristian Valind i Region Skåne till nästa möte")
    ) == [
        item_card(
            1,
            "Veronica kollar med Kristian Valind i Region Skåne",
            "Veronica",
            "måndag 23 november kl. 13.00",
        )
    ]


async def test_an_owner_by_name_is_the_member_of_that_name(group, roster, stored):
    roster.people = roster_of(*TEAM)

    assert await group.say(channel.message("åtgärd Mats bokar lokal för studiebesöket")) == [
        "Vilken ”Mats” menar du: **Mats Boström** eller **Mats Homelius**? Skriv hela namnet "
        "(`åtgärd Mats Boström …`) eller @nämn personen. Inget har sparats."
    ]
    assert await stored.open_items(CHANNEL_ID) == []
    assert await group.say(channel.message("åtgärd Mats Boström bokar lokal")) == [
        item_card(1, "Mats Boström bokar lokal", "Mats Boström", "inget datum")
    ]
    assert await group.say(channel.message("åtgärd Sara skickar statistiken")) == [
        item_card(2, "Sara skickar statistiken", "Sara Axelsson", "inget datum")
    ]
    # Owners may be outside the group, and "alla" is everyone: both stay as written.
    assert await group.say(channel.message("åtgärd Veronica kollar med Region Skåne")) == [
        item_card(3, "Veronica kollar med Region Skåne", "Veronica", "inget datum")
    ]
    assert await group.say(channel.message("åtgärd Alla kollar i sina verksamheter")) == [
        item_card(4, "Alla kollar i sina verksamheter", "Alla", "inget datum")
    ]
    owners = [(item.owner_name, item.owner_id) for item in await stored.open_items(CHANNEL_ID)]
    assert owners == [
        ("Mats Boström", MATS_BOSTROM["id"]),
        ("Sara Axelsson", SARA["id"]),
        ("Veronica", None),
        ("Alla", None),
    ]


@pytest.mark.parametrize(
    ("typed", "mentions", "card"),
    [
        (
            "åtgärd Alla kollar i sina verksamheter och återkommer med namn till Edyta",
            (),
            item_card(
                1,
                "Alla kollar i sina verksamheter och återkommer med namn till Edyta",
                # "Alla" is a real owner in the group's minutes.
                "Alla",
                "inget datum",
            ),
        ),
        (
            "åtgärd <at>Sara Axelsson</at> bokar lokal senast 30/11",
            (SARA,),
            item_card(1, "Sara Axelsson bokar lokal", "Sara Axelsson", "måndag 30 november"),
        ),
        (
            "åtgärd Boka lokal för studiebesöket, ansvarig: Mats Homelius, vecka 49",
            (),
            item_card(
                1,
                "Boka lokal för studiebesöket",
                "Mats Homelius",
                "fredag 4 december",
                "”vecka 49”: senast fredag 4 december – skriv ett annat datum om du menade "
                "något annat.",
            ),
        ),
        (
            "action Ring leverantören om två veckor",
            (),
            item_card(1, "Ring leverantören", "ingen angiven", "fredag 4 december"),
        ),
        (
            "åtgärd Skicka underlaget till Edyta till nästa möte",
            (),
            item_card(
                1,
                "Skicka underlaget till Edyta",
                "ingen angiven",
                "inget datum",
                "”till nästa möte”: inget möte är planerat än, så åtgärden fick inget datum.",
            ),
        ),
    ],
)
async def test_owner_and_due_date_are_read_from_the_message(group, typed, mentions, card):
    assert await group.say(channel.message(typed, mentions=mentions)) == [card]


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        (
            "åtgärd Undersöka rubidium-PET innan sommaren",
            "”innan sommaren” är för vagt för ett datum. Skriv t.ex. ”senast 11/12”, ”vecka 10” "
            "eller ”till nästa möte”. Inget har sparats.",
        ),
        (
            "åtgärd Boka lokal senast 18/11",
            "”senast 18/11” (onsdag 18 november) har redan varit. Inget har sparats.",
        ),
        ("åtgärd", "Texten är tom. Inget har sparats."),
        ("åtgärd senast fredag", "Texten är tom. Inget har sparats."),
        (
            "åtgärd " + "x" * 1001,
            "Texten är för lång (1 001 tecken, högst 1 000). Inget har sparats – korta den "
            "eller dela upp den.",
        ),
    ],
)
async def test_bad_action_items_are_refused_and_nothing_is_stored(group, stored, typed, answer):
    assert await group.say(channel.message(typed)) == [answer]
    assert await group.say(channel.message("åtgärder")) == [
        "Inga öppna åtgärder. Lägg till en med: åtgärd <text>"
    ]


async def test_a_week_number_as_a_due_date_is_the_weeks_last_working_day(group):
    assert await group.say(channel.message("åtgärd Mats skickar statistiken vecka 10")) == [
        item_card(
            1,
            "Mats skickar statistiken",
            "Mats",
            "fredag 12 mars",
            "”vecka 10”: senast fredag 12 mars – skriv ett annat datum om du menade något annat.",
        )
    ]


async def test_the_end_of_a_month_is_its_last_working_day(group):
    # 31 January 2027 is a Sunday.
    assert await group.say(channel.message("åtgärd Boka lokal i slutet av januari")) == [
        item_card(
            1,
            "Boka lokal",
            "ingen angiven",
            "fredag 29 januari",
            "”i slutet av januari”: senast fredag 29 januari – skriv ett annat datum om du "
            "menade något annat.",
        )
    ]


async def test_a_period_phrase_is_answered_with_its_reading(group, stored):
    assert await group.say(
        channel.message("åtgärd Sara Axelsson skickar beställningen innan jul")
    ) == [
        item_card(
            1,
            "Sara Axelsson skickar beställningen",
            "Sara Axelsson",
            "onsdag 23 december",
            "”innan jul”: senast onsdag 23 december – skriv ett annat datum om du menade något "
            "annat.",
        )
    ]
    assert [item.text for item in await stored.open_items(CHANNEL_ID)] == [
        "Sara Axelsson skickar beställningen"
    ]


async def test_a_weekday_and_a_date_that_disagree_are_asked_back_with_both(group):
    # Thursday is the 26th: "fredag 26/11" could mean either day, so nothing is guessed.
    assert await group.say(channel.message("åtgärd Mats skickar statistiken fredag 26/11")) == [
        "”fredag 26/11” kan betyda fredag 27 november eller torsdag 26 november. Skriv det "
        "datum du menar. Inget har sparats."
    ]
    assert await group.say(channel.message("åtgärder")) == [
        "Inga öppna åtgärder. Lägg till en med: åtgärd <text>"
    ]
    # Where they agree, the date is used.
    assert await group.say(channel.message("åtgärd Mats skickar statistiken torsdag 26/11")) == [
        item_card(1, "Mats skickar statistiken", "Mats", "torsdag 26 november")
    ]


async def test_meetings_counted_from_the_calendar_by_the_groups_own_name(group, stored):
    await stored.schedule(CHANNEL_ID, "2026-11-23 13:00")
    await stored.schedule(CHANNEL_ID, "2026-12-14 11:00")

    after_next = await group.say(
        channel.message("åtgärd Veronica kollar med Region Skåne till mötet efter nästa")
    )
    named = await group.say(channel.message("åtgärd Mats bokar lokal till nästa RAG-möte"))

    assert after_next == [
        item_card(1, "Veronica kollar med Region Skåne", "Veronica", "måndag 14 december kl. 11.00")
    ]
    assert named == [item_card(2, "Mats bokar lokal", "Mats", "måndag 23 november kl. 13.00")]


async def test_listing_closing_and_overdue(group, stored, clock):
    await group.say(channel.message("åtgärd Mats tar fram statistik senast 23/11"))
    await group.say(channel.message("åtgärd Sara Axelsson bokar lokal senast 30/11"))
    clock.advance(timedelta(days=4))  # Tuesday 24 November: #1 is overdue

    assert await group.say(channel.message("åtgärder")) == [
        "Öppna åtgärder (2)\n"
        "#1 Mats tar fram statistik\nAnsvarig: Mats\n"
        "Senast: måndag 23 november – försenad\n[Klar]\n"
        "#2 Sara Axelsson bokar lokal\nAnsvarig: Sara Axelsson\nSenast: måndag 30 november\n"
        "[Klar]"
    ]
    assert await group.say(channel.message("klar 1", user=MATS)) == [
        "Åtgärd #1 är klar: Mats tar fram statistik"
    ]
    assert await group.say(channel.message("klar #1")) == [
        "Åtgärd #1 var redan klar (tisdag 24 november, Mats Homelius)."
    ]
    assert await group.say(channel.card_submit({"ragbot": "action.done", "number": 2})) == [
        "Åtgärd #2 är klar: Sara Axelsson bokar lokal"
    ]
    assert await group.say(channel.message("åtgärder")) == [
        "Inga öppna åtgärder. Lägg till en med: åtgärd <text>"
    ]
    assert await group.say(channel.message("åtgärder alla")) == [
        "Alla åtgärder (2)\n"
        "#1 Mats tar fram statistik\nAnsvarig: Mats\nSenast: måndag 23 november\n"
        "Klar tisdag 24 november (Mats Homelius)\n"
        "#2 Sara Axelsson bokar lokal\nAnsvarig: Sara Axelsson\nSenast: måndag 30 november\n"
        "Klar tisdag 24 november (Edyta Johansson)"
    ]


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("klar 99", "Det finns ingen åtgärd #99. Skriv åtgärder för att se de öppna."),
        ("klar", "Vilken åtgärd? Skriv numret, t.ex. klar 12."),
        ("klar tolv", "Vilken åtgärd? Skriv numret, t.ex. klar 12."),
        (
            "ändra 99 ansvarig: Sara",
            "Det finns ingen åtgärd #99. Skriv åtgärder för att se de öppna.",
        ),
        ("ändra", "Vilken åtgärd? Skriv numret, t.ex. klar 12."),
        (
            "ändra 1",
            "Vad ska ändras? Till exempel: ändra 1 ansvarig: Sara, ändra 1 senast 11/12 eller "
            "ändra 1 text: ny text.",
        ),
    ],
)
async def test_unknown_or_missing_item_numbers(group, typed, answer):
    await group.say(channel.message("åtgärd Boka lokal"))
    assert await group.say(channel.message(typed)) == [answer]


async def test_editing_an_item_by_command(group):
    await group.say(channel.message("åtgärd Boka lokal"))

    owner = await group.say(channel.message("ändra 1 ansvarig: Sara"))
    due = await group.say(channel.message("ändra 1 senast 30/11"))
    text = await group.say(channel.message("ändra 1 text: Boka större lokal"))

    edited = "Åtgärd #1 är ändrad."
    assert owner == [item_card(1, "Boka lokal", "Sara", "inget datum", edited)]
    assert due == [item_card(1, "Boka lokal", "Sara", "måndag 30 november", edited)]
    assert text == [item_card(1, "Boka större lokal", "Sara", "måndag 30 november", edited)]


async def test_editing_an_item_by_card(group):
    await group.say(channel.message("åtgärd Boka lokal senast 30/11"))

    form = await group.say(channel.card_submit({"ragbot": "action.edit", "number": 1}))
    saved = await group.say(
        channel.card_submit(
            {
                "ragbot": "action.save",
                "number": 1,
                "text": "Boka lokal för 12 personer",
                "owner": "Edyta",
                "due": "vecka 50",
            }
        )
    )
    updated = group.updated
    past = await group.say(
        channel.card_submit(
            {"ragbot": "action.save", "number": 1, "text": "x", "owner": "", "due": "1/11"}
        )
    )

    assert form == [
        "Ändra åtgärd #1\n<Text (högst 1 000 tecken): Boka lokal>\n<Ansvarig: >\n"
        "<Senast (t.ex. 11/12, vecka 10, till nästa möte): 30/11>\n[Spara]\n[Avbryt]"
    ]
    # Saved, the form becomes the item as changed (no second card posted).
    assert saved == []
    [(card_id, shown)] = updated
    assert (card_id, shown) == (
        CARD_MESSAGE_ID,
        item_card(
            1, "Boka lokal för 12 personer", "Edyta", "fredag 11 december", "Åtgärd #1 är ändrad."
        ),
    )
    assert past == ["”1/11” (söndag 1 november) har redan varit. Inget har sparats."]


async def test_decisions_and_agenda_points(group, stored):
    await stored.schedule(CHANNEL_ID, "2026-11-23 13:00")

    assert await group.say(channel.message("beslut Gruppen står bakom målbilden för 2026")) == [
        "Beslutet är antecknat, inför mötet måndag 23 november kl. 13.00: Gruppen står bakom "
        "målbilden för 2026"
    ]
    assert await group.say(channel.message("punkt Studiebesök på Cyklotron")) == [
        "Punkten är föreslagen till nästa dagordning under **Övrigt**: Studiebesök på Cyklotron"
    ]
    assert await group.say(channel.message("punkt utvecklingsområde: Radiofarmakaupphandling")) == [
        "Punkten är föreslagen till nästa dagordning under **Utvecklingsområde**: "
        "Radiofarmakaupphandling"
    ]
    assert await group.say(channel.message("beslut")) == ["Texten är tom. Inget har sparats."]


async def test_a_decision_taken_at_the_meeting_is_its_own(group, stored, clock):
    await stored.schedule(CHANNEL_ID, "2026-11-23 13:00")
    await stored.schedule(CHANNEL_ID, "2026-12-14 11:00")
    clock.advance(timedelta(days=3, hours=4, minutes=10))  # Monday 23 November, 14:10

    assert await group.say(channel.message("beslut Gruppen står bakom målbilden för 2026")) == [
        "Beslutet är antecknat, vid mötet måndag 23 november kl. 13.00: Gruppen står bakom "
        "målbilden för 2026"
    ]


async def test_markup_in_user_text_stays_literal(group):
    typed = 'åtgärd **Fet** <b>html</b> [länk](http://x) {"type": "Action.OpenUrl"}'

    [card] = await group.turn(channel.message(typed))
    [text_block] = card.attachments[0].content["body"][1]["inlines"]
    said = await group.say(channel.message("beslut **Viktigt** <i>nu</i>"))

    assert text_block == {
        "type": "TextRun",
        "text": '**Fet** <b>html</b> [länk](http://x) {"type": "Action.OpenUrl"}',
        "wrap": True,
    }
    assert said == [f"Beslutet är antecknat, {NO_MEETING}: \\*\\*Viktigt\\*\\* \\<i\\>nu\\</i\\>"]


@pytest.mark.parametrize(
    "value",
    [
        {"ragbot": "report.save"},
        {"ragbot": "report.save", "region": 5, "text": "x"},
        {"ragbot": "action.done", "number": "tolv"},
        {"ragbot": "action.save", "number": 1, "text": ["x"], "owner": "", "due": ""},
        {"ragbot": "okänt"},
        {"något": "annat"},
    ],
)
async def test_odd_card_submits_change_nothing(group, stored, value):
    await group.say(channel.message("åtgärd Boka lokal"))

    assert await group.say(channel.card_submit(value)) == [
        "Den knappen känner jag inte igen längre. Inget har ändrats."
    ]
    assert [item.text for item in await stored.open_items(CHANNEL_ID)] == ["Boka lokal"]


async def test_an_owner_changed_by_name_is_the_member_of_that_name(group, roster, stored):
    roster.people = roster_of(*TEAM)
    await group.say(channel.message("åtgärd Boka lokal för studiebesöket"))

    async def owner() -> tuple[str | None, str | None]:
        [item] = await stored.open_items(CHANNEL_ID)
        return item.owner_name, item.owner_id

    assert await group.say(channel.message("ändra 1 ansvarig: Mats")) == [
        "Vilken ”Mats” menar du: **Mats Boström** eller **Mats Homelius**? Skriv hela namnet "
        "(`åtgärd Mats Boström …`) eller @nämn personen. Inget har sparats."
    ]
    assert await owner() == (None, None)
    await group.say(channel.message("ändra 1 ansvarig: Sara"))
    assert await owner() == ("Sara Axelsson", SARA["id"])
    form = {"ragbot": "action.save", "number": 1, "text": "Boka lokal för studiebesöket", "due": ""}
    await group.say(channel.card_submit(form | {"owner": "Mats Boström"}))
    assert await owner() == ("Mats Boström", MATS_BOSTROM["id"])
    await group.say(channel.card_submit(form | {"owner": "Veronica"}))
    assert await owner() == ("Veronica", None)
