"""Standing topics and the seminar series in the group's channel, turn by turn (TestAdapter, real
SQLite). It is Friday 20 November 2026; the group meets on Thursday 26 November and Thursday 10
December, 13-14 on Teams.

Covers: ``ämne Radiofarmakaupphandling`` adds a standing topic (a second time, in other case,
refused kindly; a region's name refused as a topic), ``ämnen`` lists them; the topic is on the
agenda after the Lägesrapport slots and in the meeting's minutes as a heading with the note
written under it in other case; ``ämne klart`` closes it: gone from the next agenda, still in
the minutes of the meeting it was part of; an unknown topic is answered with the list. Seminars
by command and as the 2022-10-11 minutes' own pasted list (pasting it again adds nothing twice;
its heading copied along is left out), ``seminarier`` lists them, they are on the agenda and in
the minutes under Utvecklingsområde; a past day, a missing time or unit and a taken time are
refused in Swedish with nothing saved; removal is for the chair (once there is one), says what
it removed, and drops the seminar's queued reminder. A Norwegian group's `tema`, `tema ferdig`,
`temaer`, `seminar` (a topic after `tema:`) and `seminarer`, answered in Norwegian.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.domain.posts import due_posts, planning_needs
from bot.domain.schedule import LeadTimes
from storage.outbox import SqlOutbox
from storage.tables import OutboxRow
from tests.date_corpus import local
from tests.support.clock import FakeClock
from tests.support.teams import MATS, TeamsSpace

channel = TeamsSpace.channel()

REFERENCE_LIST = (
    "seminarium\n"
    "7/12, 8–9 – leds av Fysiologiska kliniken i Linköping\n"
    "11/1, 8–9 – leds av fysiker från samtliga regioner\n"
    "8/2, 8–9 – leds av Fysiologiska kliniken i Kalmar\n"
    "8/3, 8–9 -leds av Röntgen i Jönköping"
)


async def setup(transcript) -> None:
    await transcript.say(channel.message("regioner Linköping, Jönköping, Kalmar"))
    await transcript.say(channel.message("roll ordförande mig"))
    await transcript.say(channel.message("mötestider 26/11 kl 13-14 Teams; 10/12 kl 13-14 Teams"))


def section_three(minutes: str) -> list[str]:
    """The minutes' lines from section 3 up to section 4 as a person reads them, whether the
    draft is a message or a card: no blank lines, no Markdown marks, no bullet signs."""
    lines = [_plain(line) for line in minutes.split("\n") if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("3. "))
    end = next(i for i, line in enumerate(lines) if line.startswith("4. "))
    return lines[start:end]


def _plain(line: str) -> str:
    line = line.strip().replace("**", "")
    line = line.removeprefix("- ").removeprefix("• ")
    return line[1:-1] if len(line) > 2 and line[0] == line[-1] == "*" else line


def agenda_part(agenda: str, first: str, last: str) -> list[str]:
    lines = agenda.split("\n")
    return lines[lines.index(first) : lines.index(last) + 1]


async def test_a_standing_topic_is_on_every_agenda_and_in_the_minutes_until_done(
    transcript, clock: FakeClock
):
    await setup(transcript)

    added = await transcript.say(channel.message("ämne Radiofarmakaupphandling"))
    twice = await transcript.say(channel.message("ämne  radiofarmakaupphandling"))
    region = await transcript.say(channel.message("ämne Kalmar"))
    await transcript.say(channel.message("ämne Mål 2026"))
    listed = await transcript.say(channel.message("ämnen"))
    [agenda] = await transcript.say(channel.message("dagordning"))

    assert added == [
        "**Radiofarmakaupphandling** står nu som ämne på varje dagordning och i "
        "minnesanteckningarna under Utvecklingsområde, tills någon skriver `ämne klart "
        "Radiofarmakaupphandling`. Anteckningar under ämnet: `anteckning "
        "Radiofarmakaupphandling: text`."
    ]
    assert twice == [
        "**Radiofarmakaupphandling** finns redan bland gruppens ämnen. Inget har ändrats."
    ]
    assert region == [
        "”Kalmar” är redan en del av mallen (ett avsnitt eller en region), så det blir inget "
        "eget ämne. Inget har sparats."
    ]
    assert listed == ["Gruppens ämnen, på varje dagordning:\n- Radiofarmakaupphandling\n- Mål 2026"]
    assert agenda_part(agenda, "3. Utvecklingsområde för RAG nuklearmedicin", "4. Övrigt") == [
        "3. Utvecklingsområde för RAG nuklearmedicin",
        "Lägesrapport",
        "Linköping: ej rapporterat",
        "Jönköping: ej rapporterat",
        "Kalmar: ej rapporterat",
        "Radiofarmakaupphandling",
        "Mål 2026",
        "4. Övrigt",
    ]

    clock.advance(local("2026-11-26 13:30") - clock.now())
    noted = await transcript.say(
        channel.message("anteckning RADIOFARMAKAUPPHANDLING: Upphandlingsprocessen pågår.")
    )
    done = await transcript.say(channel.message("ämne klart radiofarmakaupphandling"))
    [minutes] = await transcript.say(channel.message("minnesanteckningar"))
    clock.advance(local("2026-11-27 09:00") - clock.now())
    [next_agenda] = await transcript.say(channel.message("dagordning"))
    [kept] = await transcript.say(channel.message("minnesanteckningar"))
    unknown = await transcript.say(channel.message("ämne klart Radiofarmaka"))

    assert noted == [
        "Antecknat under **Radiofarmakaupphandling**, mötet torsdag 26 november kl. 13.00."
    ]
    assert done == [
        "Ämnet **Radiofarmakaupphandling** är avslutat: det kommer inte med på nästa "
        "dagordning, men står kvar i minnesanteckningarna från mötena där det var med."
    ]
    assert section_three(minutes) == [
        "3. Utvecklingsområde för RAG nuklearmedicin",
        "Lägesrapport",
        "Linköping",
        "ej rapporterat",
        "Jönköping",
        "ej rapporterat",
        "Kalmar",
        "ej rapporterat",
        "Radiofarmakaupphandling",
        "Upphandlingsprocessen pågår.",
        "Mål 2026",
    ]
    assert section_three(kept) == section_three(minutes)
    assert agenda_part(next_agenda, "Kalmar: ej rapporterat", "4. Övrigt") == [
        "Kalmar: ej rapporterat",
        "Mål 2026",
        "4. Övrigt",
    ]
    assert "Datum 2026-12-10, kl. 13.00 – 14.00" in next_agenda
    assert unknown == [
        "Jag hittar inget öppet ämne ”Radiofarmaka”. Gruppens ämnen: Mål 2026. Inget har ändrats."
    ]


async def test_seminars_by_command_and_as_the_minutes_list_them(transcript, clock: FakeClock):
    await setup(transcript)

    one = await transcript.say(
        channel.message("seminarium 7/12 kl 8-9: Fysiologiska kliniken i Linköping")
    )
    pasted = await transcript.say(channel.message(REFERENCE_LIST))
    again = await transcript.say(channel.message(REFERENCE_LIST))
    with_topic = await transcript.say(
        channel.message("seminarium 14/12 kl 8.30-9.30: PET-CT i praktiken – leds av Kalmar")
    )
    listed = await transcript.say(channel.message("seminarier"))
    [agenda] = await transcript.say(channel.message("dagordning"))

    assert one == [
        "Inlagt i seminarieserien:\n"
        "- 7/12, kl. 8-9 – leds av Fysiologiska kliniken i Linköping\n\n"
        "Jag påminner kanalen en vecka och en dag före varje seminarium."
    ]
    assert pasted == [
        "Inlagt i seminarieserien:\n"
        "- 11/1, kl. 8-9 – leds av fysiker från samtliga regioner\n"
        "- 8/2, kl. 8-9 – leds av Fysiologiska kliniken i Kalmar\n"
        "- 8/3, kl. 8-9 – leds av Röntgen i Jönköping\n\n"
        "Jag påminner kanalen en vecka och en dag före varje seminarium.\n\n"
        "Fanns redan:\n"
        "- 7/12, kl. 8-9 – leds av Fysiologiska kliniken i Linköping"
    ]
    assert again == [
        "De här seminarierna fanns redan, så inget nytt har sparats:\n"
        "- 7/12, kl. 8-9 – leds av Fysiologiska kliniken i Linköping\n"
        "- 11/1, kl. 8-9 – leds av fysiker från samtliga regioner\n"
        "- 8/2, kl. 8-9 – leds av Fysiologiska kliniken i Kalmar\n"
        "- 8/3, kl. 8-9 – leds av Röntgen i Jönköping"
    ]
    assert with_topic == [
        "Inlagt i seminarieserien:\n"
        "- 14/12, kl. 8.30-9.30: PET-CT i praktiken – leds av Kalmar\n\n"
        "Jag påminner kanalen en vecka och en dag före varje seminarium."
    ]
    assert listed == [
        "Kommande seminarier:\n"
        "- 7/12, kl. 8-9 – leds av Fysiologiska kliniken i Linköping\n"
        "- 14/12, kl. 8.30-9.30: PET-CT i praktiken – leds av Kalmar\n"
        "- 11/1, kl. 8-9 – leds av fysiker från samtliga regioner\n"
        "- 8/2, kl. 8-9 – leds av Fysiologiska kliniken i Kalmar\n"
        "- 8/3, kl. 8-9 – leds av Röntgen i Jönköping"
    ]
    assert agenda_part(agenda, "Kalmar: ej rapporterat", "4. Övrigt") == [
        "Kalmar: ej rapporterat",
        "Seminarier",
        "• 7/12, kl. 8-9 – leds av Fysiologiska kliniken i Linköping",
        "• 14/12, kl. 8.30-9.30: PET-CT i praktiken – leds av Kalmar",
        "• 11/1, kl. 8-9 – leds av fysiker från samtliga regioner",
        "• 8/2, kl. 8-9 – leds av Fysiologiska kliniken i Kalmar",
        "• 8/3, kl. 8-9 – leds av Röntgen i Jönköping",
        "4. Övrigt",
    ]

    clock.advance(local("2026-11-26 14:10") - clock.now())
    [minutes] = await transcript.say(channel.message("minnesanteckningar"))

    assert section_three(minutes)[-6:] == [
        "Seminarier",
        "7/12, kl. 8-9 – leds av Fysiologiska kliniken i Linköping",
        "14/12, kl. 8.30-9.30: PET-CT i praktiken – leds av Kalmar",
        "11/1, kl. 8-9 – leds av fysiker från samtliga regioner",
        "8/2, kl. 8-9 – leds av Fysiologiska kliniken i Kalmar",
        "8/3, kl. 8-9 – leds av Röntgen i Jönköping",
    ]


async def test_bad_seminars_are_refused_in_swedish_and_nothing_is_saved(transcript):
    await setup(transcript)
    await transcript.say(channel.message("seminarium 7/12 kl 8-9: Fysiologiska kliniken"))

    past = await transcript.say(channel.message("seminarium 3/11 kl 8-9: Röntgen i Jönköping"))
    no_time = await transcript.say(channel.message("seminarium 9/12: Röntgen i Jönköping"))
    no_unit = await transcript.say(channel.message("seminarium 9/12 kl 8-9"))
    taken = await transcript.say(channel.message("seminarium 7/12 kl 8-9: Röntgen i Jönköping"))
    # One bad line in a pasted list: none of it is saved.
    mixed = await transcript.say(
        channel.message("seminarium\n11/1, 8–9 – leds av fysiker\n8/2 – leds av Kalmar")
    )
    nothing = await transcript.say(channel.message("seminarium"))
    listed = await transcript.say(channel.message("seminarier"))

    assert past == [
        "Seminariet tisdag 3 november kl. 8.00–9.00 har redan varit, så det kan inte läggas "
        "in. Skriv till exempel `seminarium 11/12 kl 8-9: Fysiologiska kliniken i Linköping`. "
        "Inget har sparats."
    ]
    assert no_time == [
        "Jag hittar ingen tid i ”9/12: Röntgen i Jönköping”. Skriv till exempel `seminarium "
        "11/12 kl 8-9: Fysiologiska kliniken i Linköping`. Inget har sparats."
    ]
    assert no_unit == [
        "Vem leder seminariet ”9/12 kl 8-9”? Skriv enheten efter tiden, till exempel "
        "`seminarium 11/12 kl 8-9: Fysiologiska kliniken i Linköping`. Inget har sparats."
    ]
    assert taken == [
        "Det finns redan ett seminarium måndag 7 december kl. 8.00–9.00, som leds av "
        "Fysiologiska kliniken. Ta bort det först om det ska bytas. Inget har sparats."
    ]
    assert mixed == [
        "Jag hittar ingen tid i ”8/2 – leds av Kalmar”. Skriv till exempel `seminarium 11/12 "
        "kl 8-9: Fysiologiska kliniken i Linköping`. Inget har sparats."
    ]
    assert nothing == [
        "Skriv dag, tid och vem som leder seminariet, till exempel `seminarium 11/12 kl 8-9: "
        "Fysiologiska kliniken i Linköping`. Inget har sparats."
    ]
    assert listed == ["Kommande seminarier:\n- 7/12, kl. 8-9 – leds av Fysiologiska kliniken"]


async def test_removing_a_seminar_is_for_the_chair_and_drops_its_queued_reminder(
    transcript, stored, clock: FakeClock
):
    await setup(transcript)
    await transcript.say(channel.message(REFERENCE_LIST))
    # Monday 30 November 09:00: the week-before reminder of 7/12 is due and queued (the
    # scheduler has not sent it yet).
    clock.advance(local("2026-11-30 09:00") - clock.now())
    outbox, leads = SqlOutbox(stored.database), LeadTimes(timedelta(days=2), (timedelta(days=1),))
    now = clock.now()
    queued, _ = await outbox.enqueue_due(
        now, lambda plans: due_posts(plans, now, leads), planning_needs(leads)
    )

    refused = await transcript.say(channel.message("seminarium ta bort 7/12", user=MATS))
    unknown = await transcript.say(channel.message("seminarium ta bort 8/12"))
    removed = await transcript.say(channel.message("seminarium ta bort 7/12"))
    async with stored.database.reading() as session:
        left = (await session.execute(select(OutboxRow.dedupe_key))).scalars().all()
    [log] = await transcript.say(channel.message("logg"))

    assert [post.key.split(":")[0] for post in queued] == ["seminar"]
    assert refused == [
        "Bara ordföranden eller sekreteraren kan ta bort seminarier (Edyta Johansson)."
    ]
    assert unknown == [
        "Det finns inget kommande seminarium tisdag 8 december. Kommande seminarier:\n"
        "- 7/12, kl. 8-9 – leds av Fysiologiska kliniken i Linköping\n"
        "- 11/1, kl. 8-9 – leds av fysiker från samtliga regioner\n"
        "- 8/2, kl. 8-9 – leds av Fysiologiska kliniken i Kalmar\n"
        "- 8/3, kl. 8-9 – leds av Röntgen i Jönköping"
    ]
    assert removed == [
        "Seminariet måndag 7 december kl. 8.00–9.00 (Fysiologiska kliniken i Linköping) är "
        "borttaget, och påminnelserna om det skickas inte."
    ]
    assert queued[0].key not in left
    assert "tog bort seminariet 7/12, kl. 8-9 – leds av Fysiologiska kliniken i Linköping" in log


async def test_a_norwegian_group_uses_its_own_words(transcript):
    await setup(transcript)
    await transcript.say(channel.message("inställningar språk norska"))

    added = await transcript.say(channel.message("tema Radiofarmakaanskaffelse"))
    listed = await transcript.say(channel.message("temaer"))
    done = await transcript.say(channel.message("tema ferdig radiofarmakaanskaffelse"))
    seminar = await transcript.say(
        channel.message("seminar 7/12 kl 8-9: Nukleærmedisinsk avdeling, tema: PET-CT")
    )
    seminars = await transcript.say(channel.message("seminarer"))
    english = await transcript.say(channel.message("topics"))

    assert added == [
        "**Radiofarmakaanskaffelse** står nå som tema på hver dagsorden og i referatet under "
        "Utviklingsområde, til noen skriver `tema ferdig Radiofarmakaanskaffelse`. Notater "
        "under temaet: `notat Radiofarmakaanskaffelse: tekst`."
    ]
    assert listed == ["Gruppens temaer, på hver dagsorden:\n- Radiofarmakaanskaffelse"]
    assert done == [
        "Temaet **Radiofarmakaanskaffelse** er avsluttet: det kommer ikke med på neste "
        "dagsorden, men står igjen i referatene fra møtene der det var med."
    ]
    assert seminar == [
        "Lagt inn i seminarrekken:\n"
        "- 7/12, kl. 8-9: PET-CT – ledes av Nukleærmedisinsk avdeling\n\n"
        "Jeg minner kanalen på det en uke og en dag før hvert seminar."
    ]
    assert seminars == [
        "Kommende seminarer:\n- 7/12, kl. 8-9: PET-CT – ledes av Nukleærmedisinsk avdeling"
    ]
    assert english == [
        "Gruppen har ingen faste temaer. Legg til et med `tema Radiofarmakaanskaffelse`."
    ]


async def test_two_seminars_on_one_day_are_told_apart_by_the_time(transcript):
    await setup(transcript)
    await transcript.say(
        channel.message("seminarium 7/12 kl 8-9: Linköping; 7/12 kl 13-14: Kalmar")
    )

    which = await transcript.say(channel.message("seminarium ta bort 7/12"))
    removed = await transcript.say(channel.message("seminarium ta bort 7/12 kl 13"))
    listed = await transcript.say(channel.message("seminarier"))

    assert which == [
        "Det finns flera seminarier den dagen. Skriv tiden också, till exempel `seminarium ta "
        "bort 7/12 kl 8`. Inget har ändrats.\n"
        "- 7/12, kl. 8-9 – leds av Linköping\n"
        "- 7/12, kl. 13-14 – leds av Kalmar"
    ]
    assert removed == [
        "Seminariet måndag 7 december kl. 13.00–14.00 (Kalmar) är borttaget, och påminnelserna "
        "om det skickas inte."
    ]
    assert listed == ["Kommande seminarier:\n- 7/12, kl. 8-9 – leds av Linköping"]


async def test_the_list_copied_with_its_heading_from_the_minutes(transcript):
    await setup(transcript)

    pasted = await transcript.say(
        channel.message(
            "seminarium\n- Gemensamma utbildningar/seminarier\n"
            "7/12, 8–9 – leds av Fysiologiska kliniken i Linköping\n"
            "11/1, 8–9 – leds av fysiker från samtliga regioner"
        )
    )

    assert pasted == [
        "Inlagt i seminarieserien:\n"
        "- 7/12, kl. 8-9 – leds av Fysiologiska kliniken i Linköping\n"
        "- 11/1, kl. 8-9 – leds av fysiker från samtliga regioner\n\n"
        "Jag påminner kanalen en vecka och en dag före varje seminarium."
    ]
