"""Approved minutes as an archive: PDF, PDF/A, the JSON sidecar, ``arkiv``, revoking the links,
retention, export and agenda item 2 (TestAdapter turns and the real app over HTTP, real SQLite).

Covers: a draft's message links a PDF, served as an ordinary PDF (no sidecar for a draft);
``justera`` archives the version as PDF/A-3b once: the file read back with pikepdf has the
XMP PDF/A identification (part 3, conformance B), every font embedded, and the sidecar
embedded as an associated file (AFRelationship /Data) whose fields match the group, meeting,
version and approval; the sidecar served at ``.json`` carries the SHA-256 of the served PDF
bytes, which are the same on every download and after a restart; the approved message links
PDF/A and sidecar. ``arkiv`` answers plainly with no approved minutes, then lists every
meeting's approved minutes, the latest first. ``återkalla länkar`` (chair or secretary) gives
every version new links: the old ones answer 404 with a page that shows nothing, the new ones
work; a member is refused. Retention leaves the minutes and their archive; ``ragbot export``
includes attendance, the roster, notes, the versions (without their secrets) and the archive.
The next meeting's agenda says the minutes from 14/1 are not approved yet, then links them. A
version approved before archives existed gets its archive on first download, once.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from datetime import timedelta

import pikepdf
import pytest
from sqlalchemy import delete, select

from bot.app import SCHEDULER, create_app
from bot.settings import Settings
from storage.db import create_engine
from storage.tables import MinutesArchiveRow, MinutesVersionRow
from tests.date_corpus import local
from tests.support.clock import FakeClock
from tests.support.process import bot_environment, free_port, run_command
from tests.support.server import serve
from tests.support.teams import CHANNEL_ID, MATS, SARA, TeamsSpace

channel = TeamsSpace.channel()
GONE = (
    "Länken finns inte eller har återkallats. Be gruppen om en ny länk.\n\n"
    "Lenken finnes ikke eller er tilbakekalt. Be gruppen om en ny lenke.\n\n"
    "This link does not exist or has been revoked. Ask the group for a new link.\n"
)


@pytest.fixture
def clock() -> FakeClock:
    """Ten to one on the day of the meeting."""
    return FakeClock(local("2026-01-14 12:50"))


@pytest.fixture
async def group(transcript, stored):
    """RAG nuklearmedicin: Edyta chairs; meetings 14/1 and 11/2, 13-14 on Teams."""
    await transcript.say(channel.message("regioner Linköping, Jönköping, Kalmar"))
    await transcript.say(channel.message("roll ordförande mig"))
    await stored.schedule(CHANNEL_ID, "2026-01-14 13:00")
    await stored.schedule(CHANNEL_ID, "2026-02-11 13:00")
    return transcript


def tokens(reply: str) -> set[str]:
    return set(re.findall(r"/minutes/([\w-]{20,})\.", reply))


def token_of(reply: str) -> str:
    [token] = tokens(reply)
    return token


async def hold_the_meeting(group, clock: FakeClock) -> str:
    """Attendance, notes with Swedish letters, the draft; the draft's message."""
    clock.advance(timedelta(minutes=15))
    await group.say(channel.message("närvarande Edyta Johansson, Åsa Öberg, Mats Homelius"))
    await group.say(channel.message("frånvarande Sara Axelsson"))
    await group.say(channel.message("anteckning Kalmar: Rubidium-PET utreds; två läkare på ST."))
    await group.say(channel.message("anteckning Övrigt: Studiebesök på Cyklotronen i vår."))
    clock.advance(timedelta(minutes=40))
    [draft] = await group.say(channel.message("minnesanteckningar"))
    return draft


def fonts_without_files(pdf: pikepdf.Pdf) -> list[str]:
    """Every font on every page whose descriptor embeds no font program."""
    missing = []
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            for part in [font, *font.get("/DescendantFonts", [])]:
                descriptor = part.get("/FontDescriptor")
                if descriptor is None:
                    continue
                if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.append(str(part.get("/BaseFont")))
    return missing


async def test_a_draft_has_a_pdf_link_and_no_sidecar(group, clock, settings):
    draft = await hold_the_meeting(group, clock)
    token = token_of(draft)

    assert draft.endswith(
        f"Ladda ner: [PDF](http://127.0.0.1:3978/minutes/{token}.pdf) · "
        f"[Word](http://127.0.0.1:3978/minutes/{token}.docx) · "
        f"[Markdown](http://127.0.0.1:3978/minutes/{token}.md)\n[Justera version 1]"
    )
    async with serve(create_app(settings, clock=clock)) as bot:
        async with bot.http.get(f"{bot.url}minutes/{token}.pdf") as response:
            assert response.status == 200
            assert response.content_type == "application/pdf"
            assert response.headers["Content-Disposition"] == (
                'attachment; filename="minnesanteckningar-2026-01-14-v1.pdf"'
            )
            body = await response.read()
        async with bot.http.get(f"{bot.url}minutes/{token}.json") as response:
            assert response.status == 404

    pdf = pikepdf.open(io.BytesIO(body))
    assert len(pdf.pages) >= 1
    assert str(pdf.docinfo["/Title"]) == "Minnesanteckningar RAG nuklearmedicin"
    assert "pdfaid:part" not in str(pdf.open_metadata())  # a draft is no archive copy


async def test_approval_archives_a_pdfa_that_holds_what_it_claims(group, clock, settings):
    token = token_of(await hold_the_meeting(group, clock))
    clock.advance(timedelta(minutes=10))
    [approved_reply] = await group.say(channel.message("justera 1"))
    [approved] = await group.say(channel.message("minnesanteckningar"))

    assert approved_reply.startswith("Version 1 av minnesanteckningarna från mötet onsdag 14")
    assert approved.endswith(
        f"Ladda ner: [PDF/A](http://127.0.0.1:3978/minutes/{token}.pdf) · "
        f"[Word](http://127.0.0.1:3978/minutes/{token}.docx) · "
        f"[Markdown](http://127.0.0.1:3978/minutes/{token}.md) · "
        f"[JSON-sidecar](http://127.0.0.1:3978/minutes/{token}.json)"
    )
    downloads = []
    for _ in range(2):  # the second app is a restart: the archive is stored, not drawn again
        clock.advance(timedelta(hours=1))
        async with serve(create_app(settings, clock=clock)) as bot:
            async with bot.http.get(f"{bot.url}minutes/{token}.pdf") as response:
                assert response.status == 200
                downloads.append(await response.read())
            async with bot.http.get(f"{bot.url}minutes/{token}.json") as response:
                assert response.status == 200
                assert response.headers["Content-Disposition"] == (
                    'attachment; filename="minnesanteckningar-2026-01-14-v1.json"'
                )
                sidecar = json.loads(await response.text())
    [rows] = await _rows(settings.database_url, MinutesArchiveRow)

    first, second = downloads
    assert first == second == rows.pdf
    assert sidecar["pdf_sha256"] == hashlib.sha256(first).hexdigest() == rows.sha256
    assert sidecar == rows.sidecar
    assert {k: sidecar[k] for k in ("format", "group", "version", "approved_by")} == {
        "format": "ragbot-minutes-sidecar/1",
        "group": {"id": sidecar["group"]["id"], "name": "RAG nuklearmedicin"},
        "version": 1,
        "approved_by": "Edyta Johansson",
    }
    assert sidecar["approved_at"] == "2026-01-14T13:55:00+01:00"
    assert sidecar["meeting"]["starts_at"] == "2026-01-14T13:00:00+01:00"
    assert sidecar["meeting"]["place"] == "Teams"

    pdf = pikepdf.open(io.BytesIO(first))
    xmp = pdf.open_metadata()
    assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("3", "B")
    assert fonts_without_files(pdf) == []
    [intent] = list(pdf.Root.OutputIntents)
    assert intent.S == pikepdf.Name("/GTS_PDFA1") and "/DestOutputProfile" in intent
    assert len(pdf.pages) >= 1
    [spec] = list(pdf.Root.AF)
    assert spec.AFRelationship == pikepdf.Name.Data
    assert str(spec.UF) == "minnesanteckningar.json"
    embedded = json.loads(spec.EF.F.read_bytes())
    assert pdf.attachments["minnesanteckningar.json"].get_file().read_bytes() == (
        spec.EF.F.read_bytes()
    )
    # The embedded copy cannot name its own file's hash; it names the minutes' content.
    assert embedded == {k: v for k, v in sidecar.items() if k != "pdf_sha256"}
    [version] = await _rows(settings.database_url, MinutesVersionRow)
    canonical = json.dumps(
        version.content, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    assert embedded["content_sha256"] == hashlib.sha256(canonical.encode()).hexdigest()


async def test_a_version_approved_before_archives_existed_is_archived_once(group, clock, settings):
    token = token_of(await hold_the_meeting(group, clock))
    await group.say(channel.message("justera"))
    await _execute(settings.database_url, delete(MinutesArchiveRow))  # as before migration 0010

    downloads = []
    async with serve(create_app(settings, clock=clock)) as bot:
        for suffix in ("json", "pdf", "pdf"):
            clock.advance(timedelta(minutes=1))
            async with bot.http.get(f"{bot.url}minutes/{token}.{suffix}") as response:
                assert response.status == 200
                downloads.append(await response.read())
    [row] = await _rows(settings.database_url, MinutesArchiveRow)

    sidecar, first, second = downloads
    assert first == second == row.pdf
    assert json.loads(sidecar)["pdf_sha256"] == hashlib.sha256(first).hexdigest()


async def test_arkiv_lists_every_meetings_approved_minutes_latest_first(group, clock):
    assert await group.say(channel.message("arkiv")) == [
        "Gruppen har inga justerade minnesanteckningar än. Visa utkastet med "
        "minnesanteckningar och justera det med justera."
    ]
    first = token_of(await hold_the_meeting(group, clock))
    clock.advance(timedelta(minutes=10))
    await group.say(channel.message("justera"))
    clock.advance(timedelta(days=28))  # 11/2, 13.55: the second meeting is under way
    await group.say(channel.message("anteckning Övrigt: Nästa studiebesök i Jönköping."))
    second = token_of((await group.say(channel.message("minnesanteckningar")))[0])
    await group.say(channel.message("justera"))

    url = "http://127.0.0.1:3978/minutes/"
    assert await group.say(channel.message("arkiv", user=MATS)) == [
        "Justerade minnesanteckningar, senaste mötet först:\n"
        "- **2026-02-11**: version 1, justerad av Edyta Johansson onsdag 11 februari kl. 13.55 – "
        f"[PDF/A]({url}{second}.pdf) · [Word]({url}{second}.docx) · [JSON]({url}{second}.json)\n"
        "- **2026-01-14**: version 1, justerad av Edyta Johansson onsdag 14 januari kl. 13.55 – "
        f"[PDF/A]({url}{first}.pdf) · [Word]({url}{first}.docx) · [JSON]({url}{first}.json)"
    ]


async def test_the_chair_revokes_every_minutes_link(group, clock, settings):
    old = token_of(await hold_the_meeting(group, clock))
    await group.say(channel.message("anteckning Övrigt: Ändrat datum för studiebesöket."))
    older = token_of((await group.say(channel.message("minnesanteckningar")))[0])
    await group.say(channel.message("justera"))

    assert await group.say(channel.message("återkalla länkar", user=MATS)) == [
        "Bara ordföranden eller sekreteraren kan återkalla länkarna till minnesanteckningarna "
        "(Edyta Johansson)."
    ]
    assert await group.say(channel.message("återkalla länkar")) == [
        "Länkarna till minnesanteckningarna är återkallade: 2 versioner har fått nya länkar "
        "och de gamla fungerar inte längre. De nya visas med minnesanteckningar och arkiv."
    ]
    [listed] = await group.say(channel.message("arkiv"))
    [first] = await group.say(channel.message("minnesanteckningar version 1"))
    new, new_first = token_of(listed), token_of(first)
    assert {new, new_first}.isdisjoint({old, older}) and new != new_first

    async with serve(create_app(settings, clock=clock)) as bot:
        for token in (old, older):
            for suffix in ("pdf", "docx", "md", "json"):
                async with bot.http.get(f"{bot.url}minutes/{token}.{suffix}") as response:
                    assert (response.status, await response.text()) == (404, GONE)
        for token, suffix in ((new, "pdf"), (new, "json"), (new_first, "docx")):
            async with bot.http.get(f"{bot.url}minutes/{token}.{suffix}") as response:
                assert response.status == 200
    # The secretary may revoke too, and the log says who did.
    await group.say(channel.message("roll sekreterare <at>Mats</at>", mentions=(MATS,)))
    assert (await group.say(channel.message("revoke links", user=MATS)))[0].startswith(
        "Länkarna till minnesanteckningarna är återkallade: 2 versioner"
    )
    assert (
        "Mats Homelius: återkallade länkarna till minnesanteckningarna (versioner: 2)"
        in ((await group.say(channel.message("logg")))[0])
    )


async def test_with_no_minutes_there_is_nothing_to_revoke(group):
    assert await group.say(channel.message("tilbakekall lenker")) == [
        "Gruppen har inga länkar till minnesanteckningar att återkalla."
    ]


async def test_retention_keeps_the_minutes_and_their_archive(group, clock, settings):
    await hold_the_meeting(group, clock)
    await group.say(channel.message("justera"))
    purging = Settings(
        _env_file=None, database_url=settings.database_url, scheduler=False, retention="P30D"
    )
    app = create_app(purging, clock=clock)
    async with serve(app):
        clock.advance(timedelta(days=400))
        await app[SCHEDULER].tick()

    versions = await _rows(settings.database_url, MinutesVersionRow)
    archive = await _rows(settings.database_url, MinutesArchiveRow)
    assert [(v.number, v.approved_by) for v in versions] == [(1, "Edyta Johansson")]
    assert [a.version_id for a in archive] == [versions[0].id]


async def test_export_includes_the_meeting_record_and_the_archive(group, clock, settings, tmp_path):
    token = token_of(await hold_the_meeting(group, clock))
    await group.say(channel.message("justera"))
    env = bot_environment(settings.database_url, free_port())
    out = tmp_path / "export.json"

    code, output = await run_command(env, "export", "--group", CHANNEL_ID, "--out", str(out))

    assert code == 0, output
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [(a["name"], a["present"]) for a in document["attendance"]] == [
        ("Edyta Johansson", True),
        ("Åsa Öberg", True),
        ("Mats Homelius", True),
        ("Sara Axelsson", False),
    ]
    assert {r["name"] for r in document["roster_names"]} >= {"Åsa Öberg", "Sara Axelsson"}
    assert [n["text"] for n in document["meeting_notes"]] == [
        "Rubidium-PET utreds; två läkare på ST.",
        "Studiebesök på Cyklotronen i vår.",
    ]
    [version] = document["minutes_versions"]
    assert version["approved_by"] == "Edyta Johansson" and "token" not in version
    assert token not in out.read_text(encoding="utf-8")
    [archived] = document["minutes_archive"]
    pdf = base64.b64decode(archived["pdf"])
    assert pdf.startswith(b"%PDF-")
    assert (
        hashlib.sha256(pdf).hexdigest() == archived["sha256"] == archived["sidecar"]["pdf_sha256"]
    )
    assert archived["version_id"] == version["id"]


async def test_the_next_agenda_says_whether_the_previous_minutes_are_approved(group, clock):
    draft = await hold_the_meeting(group, clock)
    clock.advance(timedelta(days=1))

    [agenda] = await group.say(channel.message("dagordning"))
    lines = agenda.split("\n")
    assert lines[lines.index("2. Föregående mötesanteckningar") + 1] == (
        "Minnesanteckningarna från 14/1 är inte justerade ännu."
    )
    await group.say(channel.message("justera"))
    [agenda] = await group.say(channel.message("dagordning", user=SARA))
    lines = agenda.split("\n")
    assert lines[lines.index("2. Föregående mötesanteckningar") + 1] == (
        "Minnesanteckningarna från 14/1, justerade: "
        f"[PDF/A](http://127.0.0.1:3978/minutes/{token_of(draft)}.pdf)"
    )


async def _execute(database_url: str, statement) -> None:
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(statement)
    finally:
        await engine.dispose()


async def _rows(database_url: str, table) -> list:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return list(await connection.execute(select(table).order_by(table.id)))
    finally:
        await engine.dispose()
