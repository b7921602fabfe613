"""The meeting's proceedings in the group's channel, turn by turn (TestAdapter, real SQLite),
and the 2026-01-14 RAG nuklearmedicin meeting replayed against its real minutes
(``/shared/reference/minutes-2026-01-14-rag-nuklearmedicin.txt``).

Covers: the golden replay (three reports before the meeting, attendance by chat with the
absent added to the roster, the procurement and goals topics as notes, the next meeting) giving
the reference's sections in order, as a Teams message, a Markdown file and a Word file (read
back with python-docx: the same headings, lists and fields); attendance (names matched accents
and case aside, unknown names added and said so, everyone else on the roster absent, a later
mark replacing an earlier one); notes under a section, a region and a topic; a correction
making version 2 while version 1 stays readable; approval by the chair and by the justerare,
stamped and locked; a change after approval going into a new version that needs approval
again; approval refused to anyone else, to a stale or earlier version, and twice.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from docx import Document

from bot.app import create_app
from bot.domain.model import MinutesVersion
from bot.domain.proceedings import file_stem
from tests.date_corpus import local
from tests.support.clock import FakeClock
from tests.support.fakes import roster_of
from tests.support.server import serve
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
from tests.support.transcript import describe
from tests.test_schedule import a_group

channel = TeamsSpace.channel()

LINKOPING = (
    "Arbetet med uppstart av cyklotronverksamheten pågår. Preliminär driftstart är planerad "
    "till vecka 10. Verksamheten är färdig med rekryteringar och upplärning av personal pågår. "
    "Målsättningen för 2026 är att uppnå en stabil produktion samt att kunna producera FDG för "
    "både Kalmar och Jönköping.\n\n"
    "Ombyggnationen på Röntgenkliniken är för närvarande pausad. Processen på Fysiologiska "
    "kliniken fortlöper enligt plan.\n\n"
    "En läkare återgår från föräldraledighet. Tjänstgöringen kommer delvis att vara förlagd "
    "till nuklearmedicin, i övrigt PET/CT.\n\n"
    "SSM planerar en inspektion i februari. Verksamheten undersöker möjligheten att flytta "
    "inspektionen till ett senare tillfälle.\n\n"
    "En läkare från Spanien med nuklearmedicinsk kompetens har tillträtt."
)
JONKOPING = (
    "Status på läkarsidan är oförändrad. En läkare avslutar sin utbildning i början av hösten. "
    "Ytterligare en radiolog har visat intresse för PET och påbörjar ST inom nuklearmedicin.\n\n"
    "SSM genomför inspektion i mars. Det förväntas även en inspektion från Läkemedelsverket.\n\n"
    "Protokollet för kolin-PET har justerats i syfte att öka patientflödet. Antalet "
    "undersökningar har därmed ökat från 4–5 till 9 patienter. Antalet utförda PET/CT "
    "undersökningar har ökat med 17%."
)
KALMAR = (
    "PET-projektet pågår och omfattar flera parallella aktiviteter. Möjligheten att införa "
    "rubidium-PET som alternativ till myokardscintigrafi utreds.\n\n"
    "Två radiologer befinner sig i Stockholm för utbildning inom PET.\n\n"
    "En läkare från Turkiet har avslutat sin BT-tjänstgöring och har återvänt till kliniken."
)
PROCUREMENT = "Upphandlingsprocessen pågår. Deltagare från alla tre regioner."
GOALS = (
    "Gruppen har diskuterat målbilden för RAG nuklearmedicin under 2026. Enighet råder om att "
    "tillgången till isotoper är en avgörande förutsättning för fortsatt utveckling, både ur "
    "ett ekonomiskt perspektiv och för att säkerställa god tillgänglighet."
)
PRESENT = (
    "Robert Cimerin, Lina Strömstedt Landberg, Mats Homelius, Mats Boström, Sara Axelsson, "
    "Mostafa Afshar, Pernilla Norberg"
)
ABSENT = "Mattias Nickel, Marcus Resser, Nadia Lindborg, Eva Olsson, Hans Johansson"


@pytest.fixture
def clock() -> FakeClock:
    """Ten to one on the day of the meeting."""
    return FakeClock(local("2026-01-14 12:50"))


@pytest.fixture
async def group(transcript, stored):
    """RAG nuklearmedicin: three regions, Edyta chairs, the meeting 14/1 13-14 on Teams and
    the next one 11/2."""
    await transcript.say(channel.message("regioner Linköping, Jönköping, Kalmar"))
    await transcript.say(channel.message("roll ordförande mig"))
    await stored.schedule(CHANNEL_ID, "2026-01-14 13:00")
    await stored.schedule(CHANNEL_ID, "2026-02-11 13:00")
    return transcript


def links(reply: str) -> str:
    """The reply with its secret links replaced by <token>."""
    return re.sub(r"/minutes/[\w-]{20,}\.", "/minutes/<token>.", reply)


def stamp(card: str) -> str:
    """The minutes card's second line: the version and whether it is approved."""
    return card.split("\n")[1]


def token_of(reply: str) -> str:
    match = re.search(r"/minutes/([\w-]{20,})\.docx", reply)
    assert match, reply
    return match[1]


async def replay_the_meeting(group, clock: FakeClock) -> str:
    """The 2026-01-14 meeting through the bot; the minutes draft it answers."""
    for region, text in (("Linköping", LINKOPING), ("Jönköping", JONKOPING), ("Kalmar", KALMAR)):
        await group.say(channel.message(f"lägesrapport {region}: {text}", user=MATS))
    clock.advance(timedelta(minutes=15))
    await group.say(channel.message(f"närvarande Edyta Johansson, {PRESENT}"))
    await group.say(channel.message(f"frånvarande {ABSENT}"))
    clock.advance(timedelta(minutes=30))
    await group.say(channel.message(f"anteckning Radiofarmakaupphandling: {PROCUREMENT}"))
    await group.say(channel.message(f"anteckning Mål 2026: {GOALS}"))
    clock.advance(timedelta(minutes=30))
    [draft] = await group.say(channel.message("minnesanteckningar"))
    return draft


GOLDEN = Path(__file__).parent / "golden" / "minutes-2026-01-14-rag-nuklearmedicin.txt"
# The reference's parts, in order: its numbered sections, Lägesrapport with one heading per
# region, the two topics. (The reference writes "Mötes öppnande" and "Föregående
# mötesprotokoll"; the group's template in the product brief, and the agenda, say "Mötets
# öppnande" and "Föregående mötesanteckningar".)
HEADINGS = [
    "## 1. Mötets öppnande",
    "## 2. Föregående mötesanteckningar",
    "## 3. Utvecklingsområde för RAG nuklearmedicin",
    "### Lägesrapport",
    "#### Linköping",
    "#### Jönköping",
    "#### Kalmar",
    "### Radiofarmakaupphandling",
    "### Mål 2026",
    "## 4. Övrigt",
    "## 5. Nya mötestider",
]


def paragraphs(*texts: str) -> list[str]:
    return [p for text in texts for p in text.split("\n\n")]


async def test_the_reference_meeting_replayed_gives_its_minutes(group, clock):
    draft = await replay_the_meeting(group, clock)

    reference = GOALS, PROCUREMENT, LINKOPING, JONKOPING, KALMAR
    golden = " ".join(GOLDEN.read_text().split())
    assert all(p in golden for p in paragraphs(*reference))  # the reference's own words
    assert all(name in golden for name in (PRESENT + ", " + ABSENT).split(", "))
    # The draft as a card: the reference's fields, sections and sub-headings, in its order.
    assert links(draft).split("\n") == [
        "Minnesanteckningar RAG nuklearmedicin",
        "Utkast, version 1. Justeras av ordföranden eller justeraren med: justera 1",
        "Datum  2026-01-14, kl. 13.00 – 14.00",
        "Plats  Teams",
        f"Närvarande  Edyta Johansson, {PRESENT}",
        f"Frånvarande  {ABSENT}",
        "1. Mötets öppnande",
        "2. Föregående mötesanteckningar",
        "3. Utvecklingsområde för RAG nuklearmedicin",
        "Lägesrapport",
        "Linköping",
        *paragraphs(LINKOPING),
        "Jönköping",
        *paragraphs(JONKOPING),
        "Kalmar",
        *paragraphs(KALMAR),
        "Radiofarmakaupphandling",
        PROCUREMENT,
        "Mål 2026",
        GOALS,
        "4. Övrigt",
        "5. Nya mötestider",
        "• 11/2, kl. 13-14, Teams",
        "Sammanställt av",
        "Edyta Johansson",
        "Ordförande, RAG nuklearmedicin",
        "Ladda ner: [PDF](http://127.0.0.1:3978/minutes/<token>.pdf) · "
        "[Word](http://127.0.0.1:3978/minutes/<token>.docx) · "
        "[Markdown](http://127.0.0.1:3978/minutes/<token>.md)",
        "[Justera version 1]",
    ]


async def test_the_minutes_download_as_markdown_and_word(group, clock, settings):
    token = token_of(await replay_the_meeting(group, clock))

    async with serve(create_app(settings, clock=clock)) as bot:
        async with bot.http.get(f"{bot.url}minutes/{token}.md") as response:
            assert response.status == 200
            assert response.headers["Content-Disposition"] == (
                'attachment; filename="minnesanteckningar-2026-01-14-v1.md"'
            )
            markdown = await response.text()
        async with bot.http.get(f"{bot.url}minutes/{token}.docx") as response:
            assert response.status == 200
            assert response.content_type == (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            )
            word = Document(io.BytesIO(await response.read()))
        async with bot.http.get(f"{bot.url}minutes/{'x' * 32}.docx") as response:
            assert response.status == 404

    lines = markdown.splitlines()
    assert lines[:3] == [
        "# Minnesanteckningar RAG nuklearmedicin",
        "",
        "*Utkast, version 1*",  # the chat's instruction on approving stays in the chat
    ]
    assert [line for line in lines if line.startswith("##")] == HEADINGS
    assert "- 11/2, kl. 13-14, Teams" in lines
    assert lines[-3:] == ["Edyta Johansson", "", "Ordförande, RAG nuklearmedicin"]

    styled = [(p.style.name, p.text) for p in word.paragraphs if p.text]
    assert styled[:2] == [
        ("Title", "Minnesanteckningar RAG nuklearmedicin"),
        ("Normal", "Utkast, version 1"),
    ]
    headings = [
        "#" * (int(style[-1]) + 1) + " " + text
        for style, text in styled
        if style.startswith("Heading")
    ]
    assert headings == HEADINGS
    assert ("List Bullet", "11/2, kl. 13-14, Teams") in styled
    assert [text for style, text in styled if style == "Normal"][-3:] == [
        "Sammanställt av",
        "Edyta Johansson",
        "Ordförande, RAG nuklearmedicin",
    ]
    bodies = [text for style, text in styled if style == "Normal"]
    assert all(p in bodies for p in paragraphs(LINKOPING, JONKOPING, KALMAR, PROCUREMENT, GOALS))
    [fields] = word.tables
    assert [[cell.text for cell in row.cells] for row in fields.rows] == [
        ["Datum", "2026-01-14, kl. 13.00 – 14.00"],
        ["Plats", "Teams"],
        ["Närvarande", "\n".join(["Edyta Johansson", *PRESENT.split(", ")])],
        ["Frånvarande", "\n".join(ABSENT.split(", "))],
    ]
    assert word.core_properties.title == "Minnesanteckningar RAG nuklearmedicin"
    # The table's grid is the narrow label column too (LibreOffice lays out by the grid).
    assert [round(column.width.cm, 1) for column in fields.columns] == [3.5, 12.5]
    assert [p.paragraph_format.keep_with_next for p in word.paragraphs[-3:]] == [
        True,
        True,
        False,
    ]  # the signature stays together


async def test_attendance_by_chat(group, clock):
    clock.advance(timedelta(minutes=15))
    await group.say(channel.message("hej", user=SARA))  # Sara has written: on the roster

    assert await group.say(channel.message("närvarande edyta johansson och Mats Boström")) == [
        "Närvaro vid mötet onsdag 14 januari kl. 13.00.\n\n"
        "Närvarande: Edyta Johansson, Mats Boström\n\n"
        "Frånvarande: Sara Axelsson\n\n"
        "Nya på närvarolistan: Mats Boström."
    ]
    assert await group.say(channel.message("frånvarande mats bostrom; Hans Johansson")) == [
        "Närvaro vid mötet onsdag 14 januari kl. 13.00.\n\n"
        "Närvarande: Edyta Johansson\n\n"
        "Frånvarande: Mats Boström, Hans Johansson, Sara Axelsson\n\n"
        "Nya på närvarolistan: Hans Johansson."
    ]
    assert await group.say(
        channel.message("närvarande <at>Sara Axelsson</at>", mentions=(SARA,), user=MATS)
    ) == [
        "Närvaro vid mötet onsdag 14 januari kl. 13.00.\n\n"
        "Närvarande: Edyta Johansson, Sara Axelsson\n\n"
        "Frånvarande: Mats Boström, Hans Johansson, Mats Homelius"
    ]
    assert await group.say(channel.message("närvarande , ;")) == [
        "Vilka? Skriv t.ex. närvarande Sara Axelsson, Mats Homelius"
    ]


async def card_and_button(group, activity: dict) -> tuple[str, dict]:
    """The card the bot answered ``activity`` with, as read, and its first button's data."""
    [reply] = await group.turn(activity)
    card = reply.attachments[0].content
    return describe(reply), card["actions"][0]["data"]


async def test_attendance_on_a_card_from_the_teams_roster(group, clock, roster):
    """Teams lists the team (two Matses among them); a guest from another region is added by
    chat; the card ticks who is marked so far and saves ticks and written-in guests."""
    roster.people = roster_of(*TEAM)
    clock.advance(timedelta(minutes=15))
    await group.say(channel.message("närvarande Edyta Johansson, Pernilla Norberg"))

    shown, button = await card_and_button(group, channel.message("närvarande"))
    assert shown.split("\n") == [
        "Närvaro – mötet onsdag 14 januari kl. 13.00",
        "Bocka i vilka som är med. Övriga på listan räknas som frånvarande.",
        "[x] Edyta Johansson",
        "[ ] Mats Boström",
        "[ ] Mats Homelius",
        "[x] Pernilla Norberg",
        "[ ] Sara Axelsson",
        "<Fler närvarande (gäster, andra regioner): >",
        "[Spara]",
    ]
    names = button["names"]
    # Edyta unticked, both Matses ticked, Pernilla kept, a guest and a known name written in.
    ticked = ",".join(str(names.index(n)) for n in ("Mats Boström", "Mats Homelius"))
    ticked += "," + str(names.index("Pernilla Norberg"))
    pressed = {**button, "present": ticked, "guests": "Anna Berg (Region Skåne), sara axelsson"}
    assert await group.say(channel.card_submit(pressed)) == []
    assert group.updated == [
        (
            CARD_MESSAGE_ID,
            "Närvaro vid mötet onsdag 14 januari kl. 13.00.\n\n"
            "Närvarande: Pernilla Norberg, Mats Boström, Mats Homelius, Anna Berg (Region "
            "Skåne), Sara Axelsson\n\n"
            "Frånvarande: Edyta Johansson",
        )
    ]
    [draft] = await group.say(channel.message("minnesanteckningar"))
    assert "Frånvarande  Edyta Johansson\n" in draft
    # Opened again, the card has the guest on the roster, ticked.
    shown, _ = await card_and_button(group, channel.message("frånvarande"))
    assert "[x] Anna Berg (Region Skåne)" in shown.split("\n")
    assert "[ ] Edyta Johansson" in shown.split("\n")


async def test_the_teams_roster_is_the_attendance_list(group, clock, roster):
    """Members Teams lists but who never wrote are on the list, so they are absent unless
    marked; a name Teams lists is not "new on the list"."""
    roster.people = roster_of(EDYTA, MATS, MATS_BOSTROM)
    clock.advance(timedelta(minutes=15))

    assert await group.say(channel.message("närvarande mats bostrom")) == [
        "Närvaro vid mötet onsdag 14 januari kl. 13.00.\n\n"
        "Närvarande: Mats Boström\n\n"
        "Frånvarande: Edyta Johansson, Mats Homelius"
    ]
    # Teams cannot be asked now: the names it listed before stay on the list.
    roster.unreachable = True
    roster.by_group.clear()
    [draft] = await group.say(channel.message("minnesanteckningar"))
    assert "Närvarande  Mats Boström\nFrånvarande  Edyta Johansson, Mats Homelius\n" in draft


async def test_the_approve_button_locks_the_version_on_the_card(group, clock):
    clock.advance(timedelta(minutes=5))
    await group.say(channel.message("anteckning Övrigt: Studiebesök i vår."))
    clock.advance(timedelta(minutes=75))  # after the meeting
    draft, button = await card_and_button(group, channel.message("minnesanteckningar"))
    assert draft.endswith("\n[Justera version 1]") and button["version"] == 1

    # Mats is neither chair nor justerare: refused, the card stays as it was. (Writing after
    # the meeting does not put him on its attendance list, so the draft has not changed.)
    assert await group.say(channel.card_submit(button, user=MATS)) == [
        "Bara ordföranden eller justeraren kan justera minnesanteckningarna (Edyta Johansson)."
    ]
    assert group.updated == []
    clock.advance(timedelta(minutes=10))
    assert await group.say(channel.card_submit(button)) == [
        "Version 1 av minnesanteckningarna från mötet onsdag 14 januari kl. 13.00 är justerad "
        "av Edyta Johansson onsdag 14 januari kl. 14.20. Den är nu låst; senare ändringar blir "
        "en ny version."
    ]
    [(card_id, approved)] = group.updated
    assert card_id == CARD_MESSAGE_ID
    assert stamp(approved) == (
        "Version 1, justerad av Edyta Johansson onsdag 14 januari kl. 14.20. Låst."
    )
    assert "[Justera" not in approved
    # Pressed again (an old copy of the card): already approved, said so.
    assert await group.say(channel.card_submit(button)) == [
        "Version 1 är redan justerad av Edyta Johansson onsdag 14 januari kl. 14.20 och är låst."
    ]


async def test_notes_under_a_section_a_region_and_a_topic(group, clock):
    clock.advance(timedelta(minutes=5))

    assert await group.say(channel.message("anteckning 1: Edyta hälsade alla välkomna.")) == [
        "Antecknat under **Mötets öppnande**, mötet onsdag 14 januari kl. 13.00."
    ]
    assert await group.say(channel.message("anteckning kalmar: Rubidium-PET utreds.")) == [
        "Antecknat under **Kalmar**, mötet onsdag 14 januari kl. 13.00."
    ]
    assert await group.say(channel.message("anteckning Mål 2026: Isotoper avgör.")) == [
        "Antecknat under **Mål 2026**, mötet onsdag 14 januari kl. 13.00."
    ]
    clock.advance(timedelta(minutes=1))
    assert await group.say(channel.message("beslut Vi bjuder in BMA till nästa möte.")) == [
        "Beslutet är antecknat, inför mötet onsdag 14 januari kl. 13.00: Vi bjuder in BMA till "
        "nästa möte."
    ]
    clock.advance(timedelta(minutes=1))
    assert await group.say(channel.message("anteckning övrigt: Studiebesök i vår.")) == [
        "Antecknat under **Övrigt**, mötet onsdag 14 januari kl. 13.00."
    ]
    assert await group.say(channel.message("anteckning Övrigt utan kolon")) == [
        "Under vilket avsnitt eller ämne? Skriv t.ex. anteckning Övrigt: text"
    ]
    [draft] = await group.say(channel.message("minnesanteckningar"))

    sections = draft.split("\n1. ")[1].split("\nSammanställt av")[0]
    assert sections.split("\n") == [
        "Mötets öppnande",
        "Edyta hälsade alla välkomna.",
        "2. Föregående mötesanteckningar",
        "3. Utvecklingsområde för RAG nuklearmedicin",
        "Lägesrapport",
        "Linköping",
        "ej rapporterat",
        "Jönköping",
        "ej rapporterat",
        "Kalmar",
        "Rubidium-PET utreds.",
        "Mål 2026",
        "Isotoper avgör.",
        # The decision was taken while Mål 2026 was under discussion.
        "• Beslut: Vi bjuder in BMA till nästa möte.",
        "4. Övrigt",
        "Studiebesök i vår.",
        "5. Nya mötestider",
        "• 11/2, kl. 13-14, Teams",
    ]


async def test_a_correction_makes_a_new_version_and_the_old_one_stays(group, clock):
    clock.advance(timedelta(minutes=5))
    await group.say(channel.message("anteckning Övrigt: Studiebesök i vår."))
    [first] = await group.say(channel.message("minnesanteckningar"))
    [same] = await group.say(channel.message("protokoll"))
    assert await group.say(channel.message("minnesanteckningar version 5")) == [
        "Version 5 finns inte. Minnesanteckningarna har 1 version."
    ]
    await group.say(channel.message("anteckning Övrigt: Studiebesöket blir i maj."))
    [second] = await group.say(channel.message("minnesanteckningar"))
    [old] = await group.say(channel.message("minnesanteckningar version 1"))

    assert stamp(first).startswith("Utkast, version 1.") and same == first
    assert stamp(second).startswith(
        "Utkast, version 2. Justeras av ordföranden eller justeraren med: "
    )
    assert "Studiebesöket blir i maj." in second and "Studiebesöket" not in first
    assert second.endswith(
        "Tidigare versioner: minnesanteckningar version 1 … 2\n[Justera version 2]"
    )
    # Version 1 as it was, no longer to approve (it is not the latest).
    assert old.split("\nLadda ner")[0] == first.split("\nLadda ner")[0]
    assert "[Justera" not in old
    assert token_of(old) == token_of(first) != token_of(second)
    assert await group.say(channel.message("minnesanteckningar version 7")) == [
        "Version 7 finns inte. Minnesanteckningarna har 2 versioner."
    ]


async def test_the_chair_approves_and_the_version_is_locked(group, clock):
    clock.advance(timedelta(minutes=15))
    await group.say(channel.message("anteckning Övrigt: Studiebesök i vår."))
    assert await group.say(channel.message("justera")) == [
        "Det finns inget utkast att justera än. Visa det först med: minnesanteckningar"
    ]
    [draft] = await group.say(channel.message("minnesanteckningar"))
    clock.advance(timedelta(hours=2))

    assert await group.say(channel.message("justera 1")) == [
        "Version 1 av minnesanteckningarna från mötet onsdag 14 januari kl. 13.00 är justerad "
        "av Edyta Johansson onsdag 14 januari kl. 15.05. Den är nu låst; senare ändringar blir "
        "en ny version."
    ]
    assert await group.say(channel.message("justera")) == [
        "Version 1 är redan justerad av Edyta Johansson onsdag 14 januari kl. 15.05 och är låst."
    ]
    [approved] = await group.say(channel.message("minnesanteckningar"))
    assert stamp(approved) == (
        "Version 1, justerad av Edyta Johansson onsdag 14 januari kl. 15.05. Låst."
    )
    # The same minutes, stamped, and no button to approve them again.
    assert approved.split("\n")[2:-1] == draft.split("\n")[2:-2]
    assert links(approved.split("\n")[-1]) == (
        "Ladda ner: [PDF/A](http://127.0.0.1:3978/minutes/<token>.pdf) · "
        "[Word](http://127.0.0.1:3978/minutes/<token>.docx) · "
        "[Markdown](http://127.0.0.1:3978/minutes/<token>.md) · "
        "[JSON-sidecar](http://127.0.0.1:3978/minutes/<token>.json)"
    )
    # A change after approval: version 1 stays as approved; version 2 needs approval.
    assert await group.say(channel.message("anteckning Övrigt: Studiebesöket blir i maj.")) == [
        "Antecknat under **Övrigt**, mötet onsdag 14 januari kl. 13.00. Version 1 är justerad "
        "och låst; ändringen kommer med i nästa version, som behöver justeras igen."
    ]
    assert await group.say(channel.message("justera")) == [
        "Något har ändrats sedan version 1 visades. Visa det nya utkastet med "
        "minnesanteckningar och justera sedan det."
    ]
    [second] = await group.say(channel.message("minnesanteckningar"))
    [first] = await group.say(channel.message("minnesanteckningar version 1"))
    assert stamp(second).startswith("Utkast, version 2.")
    assert first == approved + "\nTidigare versioner: minnesanteckningar version 1 … 2"
    assert await group.say(channel.message("justera 1")) == [
        "Version 1 är inte den senaste; den senaste är version 2."
    ]
    assert await group.say(channel.message("justera 2")) == [
        "Version 2 av minnesanteckningarna från mötet onsdag 14 januari kl. 13.00 är justerad "
        "av Edyta Johansson onsdag 14 januari kl. 15.05. Den är nu låst; senare ändringar blir "
        "en ny version."
    ]
    assert await group.say(channel.message("logg")) == [
        "Senaste ändringarna:\n"
        "- 2026-01-14 15.05 – Edyta Johansson: justerade version 2 av minnesanteckningarna "
        "från onsdag 14 januari kl. 13.00\n"
        "- 2026-01-14 15.05 – Edyta Johansson: justerade version 1 av minnesanteckningarna "
        "från onsdag 14 januari kl. 13.00\n"
        "- 2026-01-14 12.50 – Edyta Johansson: gjorde Edyta Johansson till ordförande\n"
        "- 2026-01-14 12.50 – Edyta Johansson: satte regionerna: Linköping, Jönköping, Kalmar"
    ]


async def test_approval_is_for_the_chair_and_the_justerare_only(group, clock):
    clock.advance(timedelta(minutes=15))
    await group.say(channel.message("hej", user=SARA))
    [draft] = await group.say(channel.message("minnesanteckningar", user=MATS))
    assert stamp(draft).startswith("Utkast, version 1.")

    refused = "Bara ordföranden eller justeraren kan justera minnesanteckningarna"
    assert await group.say(channel.message("justera", user=MATS)) == [
        f"{refused} (Edyta Johansson)."
    ]
    assert await group.say(channel.message("roll sekreterare @Mats", user=EDYTA)) != []
    assert await group.say(channel.message("justera", user=MATS)) == [
        f"{refused} (Edyta Johansson)."
    ]  # the secretary is not an approver
    assert await group.say(
        channel.message("roll justerare <at>Sara Axelsson</at>", mentions=(SARA,))
    ) == ["Sara Axelsson är nu justerare i gruppen."]
    assert await group.say(channel.message("justera", user=MATS)) == [
        f"{refused} (Sara Axelsson och Edyta Johansson)."
    ]
    # The justerare approves; being justerare gives no say over settings.
    assert (await group.say(channel.message("justera", user=SARA)))[0].startswith(
        "Version 1 av minnesanteckningarna från mötet onsdag 14 januari kl. 13.00 är justerad "
        "av Sara Axelsson"
    )
    assert (await group.say(channel.message("regioner Kalmar", user=SARA)))[0].startswith(
        "Bara ordföranden eller sekreteraren"
    )


async def test_without_a_chair_or_justerare_nobody_approves(transcript, stored, clock):
    await transcript.say(channel.message("hej"))
    await stored.schedule(CHANNEL_ID, "2026-01-14 13:00")
    await transcript.say(channel.message("minnesanteckningar"))

    assert await transcript.say(channel.message("justera")) == [
        "Gruppen har ingen ordförande eller justerare som kan justera. Utse en med: roll "
        "justerare @namn"
    ]


async def test_without_a_meeting_there_are_no_minutes(transcript):
    assert await transcript.say(channel.message("minnesanteckningar")) == [
        "Det finns inget möte att föra minnesanteckningar för. Planera mötena med: "
        "mötestider 23/11 kl 13-14 Teams"
    ]
    assert await transcript.say(channel.message("närvarande Sara Axelsson")) == [
        "Det finns inget möte att föra minnesanteckningar för. Planera mötena med: "
        "mötestider 23/11 kl 13-14 Teams"
    ]


async def test_the_held_meeting_stays_the_one_and_another_is_named_by_its_day(group, clock):
    """Approving before the meeting is refused; a week later the held meeting is still the
    one notes and minutes are for; at the next meeting the previous minutes are approved by
    their day, and an old card's button never approves the meeting under way."""
    clock.advance(timedelta(minutes=5))  # 12.55, five minutes before the meeting
    [early] = await group.say(channel.message("minnesanteckningar"))
    assert "Datum  2026-01-14, kl. 13.00 – 14.00" in early
    assert await group.say(channel.message("justera")) == [
        "Mötet onsdag 14 januari kl. 13.00 har inte hållits än. Minnesanteckningarna justeras "
        "efter mötet."
    ]
    clock.advance(timedelta(minutes=35))
    await group.say(channel.message("anteckning Övrigt: Studiebesök i vår."))
    _, old_button = await card_and_button(group, channel.message("minnesanteckningar"))

    clock.advance(timedelta(days=10))  # 24/1: the next meeting is 11/2
    assert await group.say(channel.message("anteckning Övrigt: Rättelse: i maj.")) == [
        "Antecknat under **Övrigt**, mötet onsdag 14 januari kl. 13.00."
    ]
    clock.advance(local("2026-02-11 13:10") - clock.now())  # the next meeting is under way
    [current] = await group.say(channel.message("minnesanteckningar"))
    assert "Datum  2026-02-11, kl. 13.00 – 14.00" in current
    # Item 2 says where the previous minutes stand.
    assert (
        "2. Föregående mötesanteckningar\nMinnesanteckningarna från 14/1 är inte justerade ännu."
        in current
    )
    [previous] = await group.say(channel.message("minnesanteckningar 14/1"))
    assert stamp(previous).startswith("Utkast, version 3.")  # 12.55, the note, the correction
    assert "Rättelse: i maj." in previous
    # The card of version 2 of 14/1, pressed now: not the latest of 14/1, and not 11/2's.
    assert await group.say(channel.card_submit(old_button)) == [
        "Version 2 är inte den senaste; den senaste är version 3."
    ]
    assert await group.say(channel.message("justera 14/1")) == [
        "Version 3 av minnesanteckningarna från mötet onsdag 14 januari kl. 13.00 är justerad "
        "av Edyta Johansson onsdag 11 februari kl. 13.10. Den är nu låst; senare ändringar blir "
        "en ny version."
    ]
    [current] = await group.say(channel.message("minnesanteckningar"))
    assert "\nMinnesanteckningarna från 14/1 är justerade.\n" in current
    assert await group.say(channel.message("minnesanteckningar 3/3")) == [
        "Gruppen har inget möte 3/3. Mötena visas med: mötestider"
    ]


async def test_a_first_name_alone_is_the_one_member_of_that_name(group, clock, roster):
    roster.people = roster_of(*TEAM)  # Edyta, Sara and two Matses
    clock.advance(timedelta(minutes=15))

    assert await group.say(channel.message("närvarande Edyta, Mats")) == [
        "Vilken ”Mats” menar du: Mats Boström eller Mats Homelius? Skriv hela namnet. Inget "
        "har sparats."
    ]
    assert await group.say(channel.message("närvarande Edyta, sara, Mats Homelius, Anna")) == [
        "Närvaro vid mötet onsdag 14 januari kl. 13.00.\n\n"
        "Närvarande: Edyta Johansson, Sara Axelsson, Mats Homelius, Anna\n\n"
        "Frånvarande: Mats Boström\n\n"
        "Nya på närvarolistan: Anna."
    ]


async def test_a_slip_in_a_notes_part_is_asked_back_not_made_a_heading(group, clock):
    clock.advance(timedelta(minutes=15))
    await group.say(channel.message("anteckning Radiofarmakaupphandling: Pågår."))

    assert await group.say(channel.message("anteckning kalmr: Rubidium-PET utreds.")) == [
        "Menade du Kalmar? Skriv i så fall `anteckning Kalmar: …`. Inget har sparats."
    ]
    assert await group.say(channel.message("anteckning radiofarmaka: Anbud i mars.")) == [
        "Menade du Radiofarmakaupphandling? Skriv i så fall `anteckning "
        "Radiofarmakaupphandling: …`. Inget har sparats."
    ]
    assert await group.say(channel.message("anteckning 6: Text.")) == [
        "Det finns inget avsnitt 6; avsnitten är 1–5. Inget har sparats."
    ]
    # A topic new on purpose, and one already noted, are taken as written.
    assert await group.say(channel.message("anteckning Mål 2026: Isotoper.")) == [
        "Antecknat under **Mål 2026**, mötet onsdag 14 januari kl. 13.00."
    ]
    assert await group.say(channel.message("anteckning radiofarmakaupphandling: Anbud.")) == [
        "Antecknat under **Radiofarmakaupphandling**, mötet onsdag 14 januari kl. 13.00."
    ]


@pytest.mark.parametrize(
    ("language", "name"),
    [("sv", "minnesanteckningar"), ("nb", "referat"), ("en", "minutes")],
)
def test_a_download_is_named_by_its_meeting_day_in_the_groups_language(language, name):
    made_next_day = MinutesVersion(
        id=1,
        group_id=1,
        meeting_id=1,
        number=2,
        content={"fields": [["Datum", ["2026-01-14, kl. 13.00 – 14.00"]]]},
        created_by="Edyta Johansson",
        created_at=local("2026-01-15 09:00"),
        token="t",
    )
    assert file_stem(a_group(language=language), made_next_day) == f"{name}-2026-01-14-v2"


async def test_a_guest_taken_off_the_list_is_not_absent_at_later_meetings(group, clock):
    clock.advance(timedelta(minutes=15))
    await group.say(channel.message("närvarande Edyta Johansson, Anna Berg, Mats Bostöm"))
    assert await group.say(channel.message("närvarolista")) == [
        "Närvarolistan: Anna Berg, Edyta Johansson, Mats Bostöm.\n\n"
        "Ta bort ett namn som lagts till (en gäst, en felstavning) med: närvarolista ta bort Namn"
    ]
    assert await group.say(
        channel.message("närvarolista ta bort anna berg, Mats Bostöm och Edyta Johansson")
    ) == [
        "Borttaget från närvarolistan: Anna Berg och Mats Bostöm. Närvaron på tidigare möten "
        "står kvar.\n\n"
        "Inte borttaget: Edyta Johansson (inget tillagt namn på listan; den som har skrivit i "
        "kanalen står kvar)."
    ]
    assert await group.say(channel.message("närvarolista rensa")) == [
        "Skriv t.ex. närvarolista ta bort Anna Berg"
    ]
    # This meeting keeps its attendance; the next one lists neither as absent.
    clock.advance(timedelta(minutes=60))
    [held] = await group.say(channel.message("minnesanteckningar"))
    assert "Närvarande  Edyta Johansson, Anna Berg, Mats Bostöm\n" in held
    clock.advance(local("2026-02-11 13:10") - clock.now())
    await group.say(channel.message("närvarande Edyta Johansson"))
    [later] = await group.say(channel.message("minnesanteckningar"))
    assert "Frånvarande  ingen\n" in later


async def test_an_item_closed_is_told_in_one_set_of_minutes(group, clock):
    clock.advance(timedelta(minutes=15))
    await group.say(channel.message("åtgärd Sara bokar lokal till nästa möte"))
    await group.say(channel.message("åtgärd Mats skickar statistiken till nästa möte"))
    await group.say(channel.message("klar 1"))  # done during the meeting it was raised in
    clock.advance(timedelta(days=7))
    await group.say(channel.message("klar 2"))  # done between the meetings

    clock.advance(local("2026-02-11 14:30") - clock.now())
    [first] = await group.say(channel.message("minnesanteckningar 14/1"))
    [second] = await group.say(channel.message("minnesanteckningar 11/2"))

    assert (
        "• Åtgärd #1: Sara bokar lokal – ansvarig Sara, senast onsdag 11 februari kl. 13.00, "
        "klar onsdag 14 januari\n"
    ) in first
    assert "#1 Sara" not in second  # told at 14/1, not again
    assert "• #2 Mats skickar statistiken – klar onsdag 21 januari\n" in second
    # Drafted a month later, 14/1's minutes still list the meetings after it.
    assert "5. Nya mötestider\n• 11/2, kl. 13-14, Teams\n" in first
