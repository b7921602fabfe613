"""The agenda draft and meeting times as pure domain functions.

Covers: the agenda for the reference meeting (14 January 2026: Linköping and Jönköping
reported, Kalmar not; an action item carried over and overdue; a proposed point under
Övrigt; the next meeting times as the minutes write them), in Swedish and English; the
group's standing topics (one closed before the meeting left out) and its coming seminars (one
over before the meeting left out) under Utvecklingsområde after the Lägesrapport; reading
meeting times in the group's notations (";", commas, a pasted list, en dash, "kl. 13.00 –
14.00", a room, "plats meddelas senare", no end time) and refusing an entry without a time.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.domain.agenda import agenda_text, build_agenda
from bot.domain.capture import Refusal
from bot.domain.dates import DateContext
from bot.domain.meetings import read_meeting, split_entries
from bot.domain.model import (
    ActionItem,
    AgendaPoint,
    Meeting,
    MeetingStatus,
    Seminar,
    StandingTopic,
    StatusReport,
)
from tests.test_schedule import a_group, at

STOCKHOLM = ZoneInfo("Europe/Stockholm")
REFERENCE = Meeting(
    id=1,
    group_id=1,
    starts_at=at("2026-01-14 13:00"),
    ends_at=at("2026-01-14 14:00"),
    place="Teams",
    status=MeetingStatus.SCHEDULED,
    updated_at=at("2025-12-10 10:00"),
)
LATER = [
    Meeting(
        id=n,
        group_id=1,
        starts_at=at(start),
        ends_at=at(start) + timedelta(hours=1),
        place="Teams",
        status=MeetingStatus.SCHEDULED,
        updated_at=at("2025-12-10 10:00"),
    )
    for n, start in ((2, "2026-02-11 13:00"), (3, "2026-03-11 11:00"))
]
LINKOPING = (
    "Arbetet med uppstart av cyklotronverksamheten pågår. Preliminär driftstart är planerad "
    "till vecka 10.\n\nOmbyggnationen på Röntgenkliniken är för närvarande pausad."
)
JONKOPING = "Status på läkarsidan är oförändrad. SSM genomför inspektion i mars."


def report(region: str, text: str) -> StatusReport:
    return StatusReport(1, 1, 1, region, text, "u", "Mats Homelius", at("2026-01-12 10:00"))


def reference_agenda(language: str = "sv"):
    group = a_group(language=language)
    item = ActionItem(
        id=1,
        group_id=1,
        number=3,
        text="Veronica kollar med Kristian Valind i Region Skåne",
        created_by="Edyta Johansson",
        created_at=at("2025-12-10 13:30"),
        owner_name="Veronica",
        due_at=at("2026-01-09 00:00"),
    )
    point = AgendaPoint(1, 1, 1, "other", "Radiofarmakaupphandling", "Sara", at("2026-01-05 10:00"))
    return build_agenda(
        group,
        REFERENCE,
        [report("Linköping", LINKOPING), report("Jönköping", JONKOPING)],
        [point],
        [item],
        [REFERENCE, *LATER],
        at("2026-01-12 09:00"),
    )


def test_the_agenda_of_the_reference_meeting():
    assert agenda_text(reference_agenda()).split("\n") == [
        "**Dagordning RAG nuklearmedicin**",
        "Datum 2026-01-14, kl. 13.00 – 14.00",
        "Plats Teams",
        "",
        "1. Mötets öppnande",
        "2. Föregående mötesanteckningar",
        "3. Utvecklingsområde för RAG nuklearmedicin",
        "- Lägesrapport",
        "  - **Linköping**: Arbetet med uppstart av cyklotronverksamheten pågår. Preliminär "
        "driftstart är planerad till vecka 10.  Ombyggnationen på Röntgenkliniken är för "
        "närvarande pausad.",
        "  - **Jönköping**: Status på läkarsidan är oförändrad. SSM genomför inspektion i mars.",
        "  - **Kalmar**: *ej rapporterat*",
        "- Öppna åtgärdspunkter",
        "  - #3 Veronica kollar med Kristian Valind i Region Skåne – ansvarig Veronica, senast "
        "fredag 9 januari (försenad)",
        "4. Övrigt",
        "- Radiofarmakaupphandling",
        "5. Nya mötestider",
        "- 11/2, kl. 13-14, Teams",
        "- 11/3, kl. 11-12, Teams",
    ]


def agenda_with_topics_and_seminars(language: str = "sv"):
    """The reference meeting's agenda with the group's standing topics and seminars."""
    made = at("2025-12-01 10:00")
    topics = [
        StandingTopic(1, 1, "Radiofarmakaupphandling", "Edyta", made),
        StandingTopic(2, 1, "Mål 2026", "Edyta", made),
        StandingTopic(3, 1, "Gemensam IT-plattform", "Edyta", made, at("2026-01-02 10:00")),
    ]
    seminars = [
        Seminar(n, 1, at(start), at(start) + timedelta(hours=1), unit, topic, "Edyta", made)
        for n, start, unit, topic in (
            (1, "2026-01-13 08:00", "Röntgen i Jönköping", None),  # over before the meeting
            (2, "2026-02-08 08:00", "Fysiologiska kliniken i Kalmar", None),
            (3, "2026-01-19 08:30", "fysiker från samtliga regioner", "Dosimetri"),
        )
    ]
    base = reference_agenda(language)
    return build_agenda(
        base.group,
        REFERENCE,
        [slot.report for slot in base.slots if slot.report is not None],
        [*base.development, *base.other],
        [carried.item for carried in base.items],
        [REFERENCE, *LATER],
        at("2026-01-12 09:00"),
        topics=topics,
        seminars=seminars,
    )


def test_standing_topics_and_seminars_follow_the_reports():
    lines = agenda_text(agenda_with_topics_and_seminars()).split("\n")

    start = lines.index("  - **Kalmar**: *ej rapporterat*")
    assert lines[start : lines.index("- Öppna åtgärdspunkter")] == [
        "  - **Kalmar**: *ej rapporterat*",
        "- Radiofarmakaupphandling",
        "- Mål 2026",
        "- Seminarier",
        "  - 19/1, kl. 8.30-9.30: Dosimetri – leds av fysiker från samtliga regioner",
        "  - 8/2, kl. 8-9 – leds av Fysiologiska kliniken i Kalmar",
    ]


def test_the_agenda_in_english():
    lines = agenda_text(reference_agenda("en")).split("\n")

    assert lines[:3] == [
        "**Agenda RAG nuklearmedicin**",
        "Date 2026-01-14, 13:00 – 14:00",
        "Place Teams",
    ]
    assert "  - **Kalmar**: *not reported*" in lines
    assert lines[-2:] == ["- 11/2, at 13-14, Teams", "- 11/3, at 11-12, Teams"]


def read(text: str):
    context = DateContext(now=at("2026-11-22 10:00"), timezone=STOCKHOLM)
    return [read_meeting(entry, context) for entry in split_entries(text)]


def shown(readings) -> list[str]:
    return [
        f"{m.starts_at.astimezone(STOCKHOLM):%Y-%m-%d %H:%M}-"
        f"{m.ends_at.astimezone(STOCKHOLM):%H:%M} {m.place}"
        for m in readings
    ]


def test_meeting_times_as_the_group_writes_them():
    assert shown(read("23/11 kl 13-14 Teams; 14/12 kl 11-12 Teams")) == [
        "2026-11-23 13:00-14:00 Teams",
        "2026-12-14 11:00-12:00 Teams",
    ]
    assert shown(read("- 23/11, kl. 13-14, Teams\n- 14/12, kl. 11-12, Teams")) == [
        "2026-11-23 13:00-14:00 Teams",
        "2026-12-14 11:00-12:00 Teams",
    ]
    assert shown(read("7/12, 8–9")) == ["2026-12-07 08:00-09:00 None"]
    assert shown(read("13/1 kl. 13.00 – 14.30 Sal 3, Universitetssjukhuset")) == [
        "2027-01-13 13:00-14:30 Sal 3, Universitetssjukhuset"
    ]
    assert shown(read("2026-12-09 kl 10 plats meddelas senare")) == ["2026-12-09 10:00-11:00 None"]
    assert shown(read("torsdag 26/11 kl 13-14 via Teams")) == ["2026-11-26 13:00-14:00 Teams"]


def test_an_entry_without_a_time_or_day_is_refused():
    [no_time] = read("21 september, fysiskt")
    [no_day] = read("kl 13-14 Teams")
    [backwards] = read("23/11 kl 14-13")

    assert isinstance(no_time, Refusal) and no_time.key == "meeting_no_time"
    assert isinstance(no_day, Refusal) and no_day.key == "meeting_no_day"
    assert isinstance(backwards, Refusal) and backwards.key == "meeting_bad_time"
