"""Teams meeting events through the whole path: Teams-shaped event activities (type ``event``,
name ``application/vnd.microsoft.meetingStart`` … , ``value`` and ``channelData.meeting.id``
as Microsoft documents them) posted over HTTP to the real app on SQLite, the scheduler ticked
with the clock moved, and the minutes draft read off the fake Bot Connector. It is Wednesday
14 January 2026; RAG nuklearmedicin meets 13-14 on Teams, Edyta chairs.

Covers: start → joins (members matched by Entra id whatever name Teams shows, a guest and
someone from another region's tenant by name) → a leave → end → after the group's delay the
draft lists exactly those who joined under Närvarande and the rest of the roster under
Frånvarande, and nobody was told anything on the way; `närvarande` alone shows the live list
and corrects it; the draft is not posted before its delay; the optional start post; every
event sent twice is handled once; a join before the start; an end without a start; a meeting
chat linked by `koppla` (and refused to a non-officer); a chat's meeting placed by its time;
an unplanned meeting becoming a meeting with Teams' times; events nobody can place are
answered 200 and store nothing; the minutes-draft setting off, and a cancelled meeting; the
links in `ragbot export`, and who linked a chat forgotten by `forget-user`; odd payloads
read defensively.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from botbuilder.schema import Activity
from sqlalchemy import func, select

from bot.activities import meeting_event
from bot.app import SCHEDULER, create_app
from bot.domain.meeting_events import EventKind, Participant
from storage.records import SqlRecords
from storage.tables import (
    AttendanceRow,
    MeetingChatLinkRow,
    MeetingRow,
    OutboxRow,
    TeamsMeetingRow,
)
from tests.date_corpus import local
from tests.support.clock import FakeClock
from tests.support.connector import FakeConnector
from tests.support.server import serve
from tests.support.stored import Stored
from tests.support.teams import (
    BOT_ID,
    CHANNEL_ID,
    EDYTA,
    LINA_GUEST,
    MATS,
    MATS_BOSTROM,
    MEETING_CHAT_ID,
    OTHER_TENANT_ID,
    ROBERT_OTHER_TENANT,
    SARA,
    TEAMS_MEETING_ID,
    TeamsSpace,
)
from tests.support.transcript import describe

JOIN, LEAVE = "meetingParticipantJoin", "meetingParticipantLeave"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(local("2026-01-14 12:40"))


@pytest.fixture
def app(settings, clock):
    return create_app(settings, clock=clock)


def texts(connector: FakeConnector, since: int = 0) -> list[str]:
    """The bot's posts as a person reads them: the text, then any card as lines."""
    return [describe(Activity().deserialize(post.message)) for post in connector.posted[since:]]


def field(draft: str, label: str) -> str:
    """A field of the minutes card ("Närvarande  Edyta Johansson, …")."""
    match = re.search(rf"^{label}  ([^\n]*)$", draft, re.M)
    assert match, draft
    return match[1]


def ticked(form: str) -> tuple[list[str], list[str]]:
    """The names ticked and not ticked on an attendance card."""
    lines = form.split("\n")
    on = [line.removeprefix("[x] ") for line in lines if line.startswith("[x] ")]
    return on, [line.removeprefix("[ ] ") for line in lines if line.startswith("[ ] ")]


async def the_group(bot, channel: TeamsSpace, stored: Stored) -> None:
    """Regions, Edyta as chair, the four members who have written (the roster), the meetings
    14/1 and 11/2."""
    await bot.post_activity(channel.message("regioner Linköping, Jönköping, Kalmar"))
    await bot.post_activity(channel.message("roll ordförande mig"))
    await bot.post_activity(channel.message("lägesrapport Jönköping: Oförändrat.", user=MATS))
    await bot.post_activity(channel.message("lägesrapport Kalmar: Oförändrat.", user=MATS_BOSTROM))
    await bot.post_activity(channel.message("lägesrapporter", user=SARA))
    await stored.schedule(CHANNEL_ID, "2026-01-14 13:00")
    await stored.schedule(CHANNEL_ID, "2026-02-11 13:00")


async def cancel(stored: Stored, start: str) -> None:
    """The meeting cancelled (``ställ in möte``, confirmed on its card)."""
    group = await stored.group(CHANNEL_ID)
    async with stored.transactions.writing() as uow:
        [meeting] = [
            m
            for m in await uow.meetings.upcoming(group.id, local(start))
            if m.starts_at == local(start)
        ]
        await uow.meetings.cancel(group.id, meeting.id, local("2026-01-14 14:50"))
        uow.posts_replanned(group.id, meeting)
        await uow.commit()


async def tick_at(app, clock: FakeClock, when: str) -> None:
    clock.advance(local(when) - clock.now())
    await app[SCHEDULER].tick()


async def test_a_meeting_fills_in_its_attendance_and_brings_its_minutes_draft(
    app, clock, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    async with serve(app) as bot:
        await the_group(bot, channel, stored)
        before = len(connector.posted)
        # Teams shows Mats under another display name: his Entra id says who he is.
        mats_in_teams = {**MATS, "name": "Homelius Mats (Region Jönköping)"}

        clock.advance(local("2026-01-14 13:01") - clock.now())
        statuses = [(await bot.post_activity(channel.meeting_start(clock.now()))).status]
        for people in ((EDYTA, mats_in_teams), (LINA_GUEST,), (ROBERT_OTHER_TENANT, SARA)):
            clock.advance(timedelta(minutes=2))
            statuses.append((await bot.post_activity(channel.participants(JOIN, people))).status)
        clock.advance(timedelta(minutes=20))
        statuses.append((await bot.post_activity(channel.participants(LEAVE, (SARA,)))).status)
        silent = texts(connector, before)
        await bot.post_activity(channel.message("närvarande"))
        live = texts(connector)[-1]
        clock.advance(local("2026-01-14 14:04") - clock.now())
        end = channel.meeting_end(clock.now())
        statuses.append((await bot.post_activity(end)).status)

        await tick_at(app, clock, "2026-01-14 14:30")
        posted_before_delay = texts(connector)[-1]
        await tick_at(app, clock, "2026-01-14 14:35")
        draft = texts(connector)[-1]

    present = (
        "Edyta Johansson, Mats Homelius, Lina Strömstedt Landberg, Robert Cimerin, Sara Axelsson"
    )
    assert statuses == [200] * 6
    assert silent == []  # nobody was told anything while the events came in
    assert live.startswith("Närvaro – mötet onsdag 14 januari kl. 13.00\n")
    assert ticked(live) == (sorted(present.split(", ")), ["Mats Boström"])
    assert posted_before_delay == live  # the draft waits for the group's 30 minutes
    assert draft.startswith(
        "Mötet är slut. Här är utkastet till minnesanteckningarna; rätta med `närvarande`, "
        "`frånvarande` eller `anteckning` och visa det nya utkastet med `minnesanteckningar`.\n"
        "Minnesanteckningar RAG nuklearmedicin\n"
        "Utkast, version 1. Justeras av ordföranden eller justeraren med: justera 1\n"
    )
    assert draft.endswith("\n[Justera version 1]")
    assert field(draft, "Närvarande") == present
    assert field(draft, "Frånvarande") == "Mats Boström"
    assert field(draft, "Datum") == "2026-01-14, kl. 13.00 – 14.00"
    assert re.search(r"/minutes/[\w-]{20,}\.docx", draft)
    async with stored.database.reading() as session:
        [(started, ended)] = (
            await session.execute(
                select(MeetingRow.started_at, MeetingRow.ended_at).where(
                    MeetingRow.started_at.is_not(None)
                )
            )
        ).all()
    assert (started, ended) == (local("2026-01-14 13:01"), local("2026-01-14 14:04"))


async def test_the_posted_draft_is_a_version_justera_approves(
    app, clock, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    async with serve(app) as bot:
        await the_group(bot, channel, stored)
        clock.advance(local("2026-01-14 13:00") - clock.now())
        await bot.post_activity(channel.meeting_start(clock.now()))
        await bot.post_activity(channel.participants(JOIN, (EDYTA, SARA)))
        clock.advance(timedelta(minutes=58))
        await bot.post_activity(channel.meeting_end(clock.now()))
        await tick_at(app, clock, "2026-01-14 14:29")
        draft = texts(connector)[-1]
        await bot.post_activity(channel.message("justera 1"))
        approved = texts(connector)[-1]

    assert field(draft, "Närvarande") == "Edyta Johansson, Sara Axelsson"
    assert approved.startswith("Version 1 av minnesanteckningarna")


async def test_the_start_post_is_made_only_when_the_group_asks_for_it(
    app, clock, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    async with serve(app) as bot:
        await the_group(bot, channel, stored)
        await bot.post_activity(channel.message("inställningar mötesstart på"))
        before = len(connector.posted)
        clock.advance(local("2026-01-14 12:58") - clock.now())
        start = channel.meeting_start(clock.now())
        await bot.post_activity(start)
        await bot.post_activity({**start, "id": "resent-with-a-new-id"})

    assert texts(connector, before) == [
        "Mötet har börjat: onsdag 14 januari kl. 13.00. Dagordningen: skriv `dagordning`. Under "
        "mötet: `anteckning <punkt>: text` och `närvarande <namn>` (jag fyller i vilka som "
        "ansluter)."
    ]


async def test_every_event_sent_twice_is_handled_once(
    app, clock, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    async with serve(app) as bot:
        await the_group(bot, channel, stored)
        clock.advance(local("2026-01-14 13:02") - clock.now())
        events = [
            channel.meeting_start(clock.now()),
            channel.participants(JOIN, (EDYTA, LINA_GUEST)),
            channel.participants(LEAVE, (LINA_GUEST,)),
            channel.meeting_end(local("2026-01-14 14:00")),
        ]
        for event in events:
            first = await bot.post_activity(event)
            again = await bot.post_activity(event)  # the same activity id
            other = await bot.post_activity({**event, "id": event["id"] + "-resent"})
            assert (first.status, again.status, other.status) == (200, 200, 200)
        await tick_at(app, clock, "2026-01-14 14:31")
        await tick_at(app, clock, "2026-01-14 15:31")
        drafts = [text for text in texts(connector) if text.startswith("Mötet är slut")]

    async with stored.database.reading() as session:
        marks = await session.scalar(select(func.count()).select_from(AttendanceRow))
        meetings = await session.scalar(select(func.count()).select_from(MeetingRow))
        drafts_queued = await session.scalar(
            select(func.count()).select_from(OutboxRow).where(OutboxRow.kind == "minutes_draft")
        )
    assert (marks, meetings, drafts_queued, len(drafts)) == (2, 2, 1, 1)
    assert field(drafts[0], "Närvarande") == "Edyta Johansson, Lina Strömstedt Landberg"


async def test_a_join_before_the_start_and_an_end_without_a_start_are_recorded(
    app, clock, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    async with serve(app) as bot:
        await the_group(bot, channel, stored)
        before = len(connector.posted)
        clock.advance(local("2026-01-14 12:50") - clock.now())
        early = await bot.post_activity(channel.participants(JOIN, (SARA,)))
        clock.advance(local("2026-01-14 14:10") - clock.now())
        end = await bot.post_activity(channel.meeting_end(clock.now()))
        said = texts(connector, before)
        await tick_at(app, clock, "2026-01-14 14:40")
        draft = texts(connector)[-1]

    assert (early.status, end.status, said) == (200, 200, [])
    assert field(draft, "Närvarande") == "Sara Axelsson"
    assert field(draft, "Frånvarande") == "Edyta Johansson, Mats Boström, Mats Homelius"


async def test_events_nobody_can_place_are_answered_and_store_nothing(
    app, clock, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    # A chat of a meeting in the tenant, linked to no group, at a time no group meets.
    chat = TeamsSpace.group_chat(connector.url, conversation_id=MEETING_CHAT_ID)
    async with serve(app) as bot:
        await the_group(bot, channel, stored)
        before = len(connector.posted)
        clock.advance(local("2026-01-14 16:00") - clock.now())
        statuses = [
            (await bot.post_activity(event)).status
            for event in (
                chat.meeting_start(clock.now(), meeting_id="unplaceable"),
                chat.participants(JOIN, (EDYTA,), meeting_id="unplaceable"),
                chat.meeting_end(clock.now(), meeting_id="unplaceable"),
                channel.meeting_end(clock.now(), meeting_id="never-started"),
                channel.meeting_event("meetingStart", {}, meeting_id=""),
            )
        ]
        said = texts(connector, before)

    async with stored.database.reading() as session:
        links = await session.scalar(select(func.count()).select_from(TeamsMeetingRow))
        marks = await session.scalar(select(func.count()).select_from(AttendanceRow))
        meetings = await session.scalar(select(func.count()).select_from(MeetingRow))
    assert statuses == [200] * 5
    assert (said, links, marks, meetings) == ([], 0, 0, 2)


async def test_a_meeting_chat_is_linked_by_koppla_and_its_meeting_is_the_groups(
    app, clock, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    chat = TeamsSpace.group_chat(connector.url, conversation_id=MEETING_CHAT_ID)
    async with serve(app) as bot:
        await the_group(bot, channel, stored)
        await bot.post_activity(chat.message("koppla RAG nuklearmedicin", user=SARA))
        refused = texts(connector)[-1]
        await bot.post_activity(chat.message("koppla RAG kardiologi"))
        unknown = texts(connector)[-1]
        await bot.post_activity(chat.message("koppla rag NUKLEARMEDICIN"))
        linked = texts(connector)[-1]
        # The meeting starts late, outside the planned window: the link still places it.
        clock.advance(local("2026-01-14 13:40") - clock.now())
        await bot.post_activity(chat.meeting_start(clock.now(), meeting_id="chat-meeting"))
        await bot.post_activity(chat.participants(JOIN, (MATS,), meeting_id="chat-meeting"))
        await bot.post_activity(chat.message("anteckning Övrigt: Nästa möte i Kalmar."))
        clock.advance(timedelta(minutes=15))
        await bot.post_activity(chat.meeting_end(clock.now(), meeting_id="chat-meeting"))
        await tick_at(app, clock, "2026-01-14 14:30")
        draft = texts(connector)[-1]

    assert refused == (
        "Bara ordföranden eller sekreteraren i RAG nuklearmedicin kan koppla ett möte till gruppen."
    )
    assert unknown == (
        "Jag hittar ingen grupp som heter ”RAG kardiologi”. Grupperna jag känner här: "
        "RAG nuklearmedicin."
    )
    assert linked.startswith("Den här chatten hör nu till RAG nuklearmedicin: det som skrivs")
    assert field(draft, "Närvarande") == "Mats Homelius"
    assert "Nästa möte i Kalmar." in draft


async def test_a_meeting_chat_is_placed_by_its_start_in_a_planned_meeting(
    app, clock, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    chat = TeamsSpace.group_chat(connector.url, conversation_id=MEETING_CHAT_ID)
    async with serve(app) as bot:
        await the_group(bot, channel, stored)
        clock.advance(local("2026-01-14 12:55") - clock.now())
        await bot.post_activity(chat.meeting_start(clock.now(), meeting_id="calendar-meeting"))
        await bot.post_activity(chat.participants(JOIN, (EDYTA,), meeting_id="calendar-meeting"))
        await bot.post_activity(channel.message("närvarande"))
        live = texts(connector)[-1]

    assert live.startswith("Närvaro – mötet onsdag 14 januari kl. 13.00\n")
    assert ticked(live)[0] == ["Edyta Johansson"]


async def test_an_unplanned_meeting_becomes_a_meeting_with_teams_times(
    app, clock, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    async with serve(app) as bot:
        await the_group(bot, channel, stored)
        clock.advance(local("2026-01-20 10:02") - clock.now())
        await bot.post_activity(channel.meeting_start(clock.now(), meeting_id="meet-now"))
        await bot.post_activity(channel.participants(JOIN, (SARA,), meeting_id="meet-now"))
        clock.advance(timedelta(minutes=25))
        await bot.post_activity(channel.meeting_end(clock.now(), meeting_id="meet-now"))
        await tick_at(app, clock, "2026-01-20 10:57")
        draft = texts(connector)[-1]

    assert field(draft, "Datum") == "2026-01-20, kl. 10.02 – 10.27"
    assert field(draft, "Närvarande") == "Sara Axelsson"


async def test_no_draft_when_the_setting_is_off_or_the_meeting_cancelled(
    app, clock, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    async with serve(app) as bot:
        await the_group(bot, channel, stored)
        await bot.post_activity(channel.message("inställningar utkast av"))
        off = texts(connector)[-1]
        await tick_at(app, clock, "2026-01-14 14:45")
        after_off = len([t for t in texts(connector) if t.startswith("Mötet är slut")])
        await bot.post_activity(channel.message("inställningar utkast 1 timme"))
        one_hour = texts(connector)[-1]
        await cancel(stored, "2026-02-11 13:00")
        await tick_at(app, clock, "2026-01-14 15:01")
        await tick_at(app, clock, "2026-02-11 15:30")
        drafts = [t for t in texts(connector) if t.startswith("Mötet är slut")]
        await bot.post_activity(channel.message("inställningar utkast 2 dagar"))
        too_late = texts(connector)[-1]

    assert "- Utkast till minnesanteckningar: av – ändra med" in off
    assert "- Utkast till minnesanteckningar: 1 timme efter mötet – ändra med" in one_hour
    assert after_off == 0
    assert [field(d, "Datum") for d in drafts] == ["2026-01-14, kl. 13.00 – 14.00"]
    assert too_late == "Utkastet kan skickas högst 24 timmar efter mötet. Inget har ändrats."


async def test_the_links_are_exported_and_who_linked_is_forgotten(
    app, clock, connector: FakeConnector, stored: Stored
):
    channel = TeamsSpace.channel(connector.url)
    chat = TeamsSpace.group_chat(connector.url, conversation_id=MEETING_CHAT_ID)
    async with serve(app) as bot:
        await the_group(bot, channel, stored)
        await bot.post_activity(chat.message("koppla RAG nuklearmedicin"))
        clock.advance(local("2026-01-14 13:00") - clock.now())
        await bot.post_activity(chat.meeting_start(clock.now(), meeting_id="chat-meeting"))
    group = await stored.group(CHANNEL_ID)
    records = SqlRecords(stored.database)

    exported = await records.export(group.id)
    forgotten = await records.forget("Edyta Johansson", clock.now())
    async with stored.database.reading() as session:
        linked_by = await session.scalar(select(MeetingChatLinkRow.linked_by))

    assert [link["chat_key"] for link in exported["meeting_chat_links"]] == [MEETING_CHAT_ID]
    assert [link["teams_meeting_id"] for link in exported["teams_meetings"]] == ["chat-meeting"]
    assert exported["meeting_chat_links"][0]["linked_by"] == "Edyta Johansson"
    assert forgotten[group.id]["meeting chat links"] == 1
    assert linked_by == "(borttagen)"


def test_odd_event_payloads_are_read_defensively():
    """What Teams never sends but a fuzzer or a proxy might: the event is read as far as it
    makes sense, never fails the turn."""
    channel = TeamsSpace.channel()
    now = local("2026-01-14 13:05")

    def read(activity: dict, kind: EventKind):
        return meeting_event(Activity().deserialize(activity), kind, now)

    start = read(channel.meeting_start(local("2026-01-14 13:01")), EventKind.START)
    unreadable_time = read(
        channel.meeting_event("meetingStart", {"StartTime": "igår"}), EventKind.START
    )
    only_in_value = channel.meeting_event("meetingEnd", {"Id": "from-value"})
    del only_in_value["channelData"]["meeting"]
    odd_members = channel.meeting_event(
        "meetingParticipantJoin",
        {
            "members": [
                "Sara",
                {"user": {"id": "29:1x", "name": 5}},
                {"user": {"id": BOT_ID, "name": "RAG"}},
                {"user": {"id": "29:1Ann", "name": "Ann Berg", "tenantId": OTHER_TENANT_ID}},
            ]
        },
    )

    assert (start.teams_meeting_id, start.at) == (TEAMS_MEETING_ID, local("2026-01-14 13:01"))
    assert unreadable_time.at == now
    assert read(only_in_value, EventKind.END).teams_meeting_id == "from-value"
    assert read(channel.meeting_event("meetingStart", [], meeting_id=""), EventKind.START) is None
    assert read(odd_members, EventKind.JOIN).participants == (
        Participant("Ann Berg", None, "29:1Ann", OTHER_TENANT_ID),
    )
    assert (
        read(
            channel.meeting_event("meetingParticipantJoin", {"members": "x"}), EventKind.JOIN
        ).participants
        == ()
    )
