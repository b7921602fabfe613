"""When the bot posts by itself, as pure domain functions with times in Stockholm or Oslo.

Covers: the agenda two working days before at 09:00 and the reminders the day before and 15
minutes before, across the spring and autumn clock changes; Swedish holidays (Christmas,
Midsummer Eve) and a Norwegian one (17 May) skipped; a meeting planned at short notice gets
its agenda at once and no reminder whose time had passed; posts past their use are marked
so; overdue-item posts on working days only; group lead times; retry backoff with jitter;
the minutes draft 30 minutes after the meeting by default.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.model import ConversationType, Group, Meeting, MeetingStatus
from bot.domain.posts import due_posts, meeting_posts, planning_needs
from bot.domain.posts.overdue import overdue_post
from bot.domain.schedule import (
    GroupPlan,
    LeadTimes,
    PostKind,
    retry_delay,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")
OSLO = ZoneInfo("Europe/Oslo")
DEFAULTS = LeadTimes(timedelta(days=2), (timedelta(days=1), timedelta(minutes=15)))


def at(text: str, zone: ZoneInfo = STOCKHOLM) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=zone).astimezone(UTC)


def a_group(**overrides: object) -> Group:
    values: dict[str, object] = {
        "id": 1,
        "key": "19:channel",
        "conversation_type": ConversationType.CHANNEL,
        "tenant_id": "t",
        "team_id": "team",
        "channel_id": "19:channel",
        "name": "RAG nuklearmedicin",
        "language": "sv",
        "timezone": "Europe/Stockholm",
        "regions": ("Linköping", "Jönköping", "Kalmar"),
        "reference": {},
        "active": True,
        "created_at": at("2026-01-01 09:00"),
    }
    return Group(**(values | overrides))  # type: ignore[arg-type]


def a_meeting(start: str, *, planned: str = "2026-01-01 09:00", zone=STOCKHOLM) -> Meeting:
    begins = at(start, zone)
    return Meeting(
        id=7,
        group_id=1,
        starts_at=begins,
        ends_at=begins + timedelta(hours=1),
        place="Teams",
        status=MeetingStatus.SCHEDULED,
        updated_at=at(planned, zone),
    )


def local_times(posts, zone=STOCKHOLM) -> list[tuple[str, str]]:
    return [(p.kind.value, f"{p.due_at.astimezone(zone):%a %Y-%m-%d %H:%M}") for p in posts]


def test_an_ordinary_monday_meeting():
    posts = meeting_posts(a_group(), a_meeting("2026-11-23 13:00"), DEFAULTS)

    assert local_times(posts) == [
        ("agenda", "Thu 2026-11-19 09:00"),
        ("reminder", "Fri 2026-11-20 09:00"),
        ("reminder", "Mon 2026-11-23 12:45"),
        ("nudge", "Fri 2026-11-20 09:00"),
        ("minutes_draft", "Mon 2026-11-23 14:30"),  # 30 minutes after the meeting
    ]
    assert [p.expires_at for p in posts] == [
        at("2026-11-23 13:00"),
        at("2026-11-23 12:45"),  # the day-before reminder is stale once the next one is due
        at("2026-11-23 13:00"),
        at("2026-11-23 13:00"),
        at("2026-11-24 02:30"),
    ]


def test_the_day_after_the_spring_clock_change():
    # Summer time starts on Sunday 29 March 2026 at 02:00.
    posts = meeting_posts(a_group(), a_meeting("2026-03-30 13:00"), DEFAULTS)

    assert local_times(posts) == [
        ("agenda", "Thu 2026-03-26 09:00"),
        ("reminder", "Fri 2026-03-27 09:00"),
        ("reminder", "Mon 2026-03-30 12:45"),
        ("nudge", "Fri 2026-03-27 09:00"),
        ("minutes_draft", "Mon 2026-03-30 14:30"),
    ]
    assert [p.due_at.strftime("%H:%M") for p in posts[:3]] == ["08:00", "08:00", "10:45"]


def test_easter_is_skipped():
    # Easter Monday 2027 is 29 March, Good Friday the 26th: "the day before" a Tuesday
    # meeting after Easter is Maundy Thursday.
    posts = meeting_posts(a_group(), a_meeting("2027-03-30 13:00"), DEFAULTS)

    assert local_times(posts)[:2] == [
        ("agenda", "Wed 2027-03-24 09:00"),
        ("reminder", "Thu 2027-03-25 09:00"),
    ]


def test_the_day_after_the_autumn_clock_change():
    # Winter time starts on Sunday 25 October 2026 at 03:00.
    posts = meeting_posts(a_group(), a_meeting("2026-10-26 13:00"), DEFAULTS)

    assert local_times(posts)[:3] == [
        ("agenda", "Thu 2026-10-22 09:00"),
        ("reminder", "Fri 2026-10-23 09:00"),
        ("reminder", "Mon 2026-10-26 12:45"),
    ]
    assert [p.due_at.strftime("%H:%M") for p in posts[:3]] == ["07:00", "07:00", "11:45"]


def test_a_short_lead_across_the_clock_change_is_exact():
    # 12 hours before 10:00 on the Sunday summer time starts is 21:00 the evening before.
    leads = LeadTimes(timedelta(hours=12), ())
    [agenda] = [
        p
        for p in meeting_posts(a_group(), a_meeting("2026-03-29 10:00"), leads)
        if p.kind == "agenda"
    ]

    assert f"{agenda.due_at.astimezone(STOCKHOLM):%Y-%m-%d %H:%M}" == "2026-03-28 21:00"


def test_christmas_and_new_year_are_skipped():
    # Christmas Eve (de facto), Christmas Day and Boxing Day are not working days in Sweden.
    posts = meeting_posts(a_group(), a_meeting("2026-12-28 13:00"), DEFAULTS)

    assert local_times(posts)[:2] == [
        ("agenda", "Tue 2026-12-22 09:00"),
        ("reminder", "Wed 2026-12-23 09:00"),
    ]


def test_midsummer_eve_is_skipped():
    posts = meeting_posts(a_group(), a_meeting("2026-06-22 10:00"), DEFAULTS)

    assert local_times(posts)[:2] == [
        ("agenda", "Wed 2026-06-17 09:00"),
        ("reminder", "Thu 2026-06-18 09:00"),
    ]


def test_a_norwegian_group_skips_17_may():
    group = a_group(timezone="Europe/Oslo", language="nb")
    posts = meeting_posts(group, a_meeting("2027-05-18 13:00", zone=OSLO), DEFAULTS)

    assert local_times(posts, OSLO)[:2] == [
        ("agenda", "Thu 2027-05-13 09:00"),
        ("reminder", "Fri 2027-05-14 09:00"),
    ]


def test_a_meeting_planned_at_short_notice_gets_its_agenda_at_once_and_only_later_reminders():
    meeting = a_meeting("2026-11-23 13:00", planned="2026-11-22 18:30")
    posts = meeting_posts(a_group(), meeting, DEFAULTS)

    assert local_times(posts) == [
        ("agenda", "Sun 2026-11-22 18:30"),
        ("reminder", "Mon 2026-11-23 12:45"),
        ("minutes_draft", "Mon 2026-11-23 14:30"),
    ]


def test_a_cancelled_meeting_has_no_posts_and_a_group_without_regions_no_nudge():
    meeting = a_meeting("2026-11-23 13:00")
    cancelled = Meeting(**(meeting.__dict__ | {"status": MeetingStatus.CANCELLED}))

    assert meeting_posts(a_group(), cancelled, DEFAULTS) == []
    kinds = [p.kind for p in meeting_posts(a_group(regions=()), meeting, DEFAULTS)]
    assert PostKind.NUDGE not in kinds


def test_due_posts_are_those_whose_time_has_come_missed_ones_are_marked_useless():
    plan = GroupPlan(a_group(), (a_meeting("2026-11-23 13:00"),))

    on_friday = due_posts([plan], at("2026-11-20 09:00"), DEFAULTS)
    after_start = due_posts([plan], at("2026-11-23 13:05"), DEFAULTS)

    assert [(p.kind.value, p.useful_at(at("2026-11-20 09:00"))) for p in on_friday] == [
        ("agenda", True),
        ("reminder", True),
        ("nudge", True),
    ]
    assert not any(p.useful_at(at("2026-11-23 13:05")) for p in after_start)
    assert len({p.key for p in after_start}) == 4


def test_overdue_items_are_posted_at_nine_on_working_days_only():
    monday = overdue_post(a_group(), at("2026-11-23 07:00"))
    saturday = overdue_post(a_group(), at("2026-11-21 10:00"))
    plan = GroupPlan(a_group(), (), earliest_due=at("2026-11-20 00:00"))
    not_yet = GroupPlan(a_group(), (), earliest_due=at("2026-11-23 00:00"))

    assert monday is not None
    assert (monday.key, local_times([monday])) == (
        "overdue:1:2026-11-23",
        [("overdue", "Mon 2026-11-23 09:00")],
    )
    assert monday.expires_at == at("2026-11-24 00:00")
    assert saturday is None
    assert [p.key for p in due_posts([plan], at("2026-11-23 09:30"), DEFAULTS)] == [
        "overdue:1:2026-11-23"
    ]
    assert due_posts([not_yet], at("2026-11-23 09:30"), DEFAULTS) == []


def test_a_group_may_have_its_own_lead_times():
    group = a_group(agenda_lead=timedelta(days=5), reminder_leads=(timedelta(hours=2),))
    posts = meeting_posts(group, a_meeting("2026-11-23 13:00"), DEFAULTS.for_group(group))

    assert local_times(posts) == [
        ("agenda", "Mon 2026-11-16 09:00"),
        ("reminder", "Mon 2026-11-23 11:00"),
        ("nudge", "Fri 2026-11-20 09:00"),
        ("minutes_draft", "Mon 2026-11-23 14:30"),
    ]


# Days around the holidays of Sweden, Norway, Finland and Denmark (Christmas, Easter, May,
# Midsummer) and an ordinary autumn, at 08:30 and 09:30 UTC: just before and after 09:00 in
# Helsinki, Stockholm and Oslo.
TICKS = [
    datetime.combine(first + timedelta(days=n), time(hour, 30), UTC)
    for first, days in (
        (date(2026, 12, 15), 26),
        (date(2027, 3, 18), 20),
        (date(2027, 4, 28), 30),
        (date(2027, 6, 14), 14),
        (date(2026, 11, 16), 7),
    )
    for n in range(days)
    for hour in (8, 9)
]
PLACES = {
    ("Europe/Stockholm", "SE"),
    ("Europe/Oslo", "NO"),
    ("Europe/Helsinki", "FI"),
    ("Europe/Copenhagen", "DK"),
}


def test_a_tick_loads_the_meetings_that_can_have_a_post_due_and_no_more():
    needs = planning_needs(DEFAULTS)
    misses, loose = [], []
    for now in TICKS:
        window = needs.window(now, PLACES)
        assert window.since == now - timedelta(days=2)
        latest_due = None
        for timezone, country in PLACES:
            group = a_group(timezone=timezone, country=country)
            zone = ZoneInfo(timezone)
            today = now.astimezone(zone).date()
            for days in range(12):  # meetings at 08:00 and 13:00 local, the next 12 days
                for hour in (8, 13):
                    start = datetime.combine(today + timedelta(days=days), time(hour), zone)
                    meeting = replace(
                        a_meeting("2026-01-01 13:00"),
                        starts_at=start.astimezone(UTC),
                        ends_at=start.astimezone(UTC) + timedelta(hours=1),
                    )
                    due = [p for p in meeting_posts(group, meeting, DEFAULTS) if p.due_at <= now]
                    if due and meeting.starts_at > now:
                        latest_due = max(latest_due or now, meeting.starts_at)
                        if meeting.starts_at > window.meetings_until:
                            misses.append((now, timezone, start))
        # Not a week and a half beyond: the last meeting with a post due, and the rest of
        # its day.
        if latest_due is None or window.meetings_until - latest_due > timedelta(hours=24):
            loose.append((now, window.meetings_until, latest_due))
    assert misses == []
    assert loose == []


def test_groups_with_their_own_lead_times_are_loaded_as_far_as_the_longest_reaches():
    needs = planning_needs(DEFAULTS)
    now = at("2026-11-20 09:30")  # a Friday
    window = needs.window(now, {("Europe/Stockholm", "SE")})

    # Two working days: meetings up to Tuesday 24/11. Thirty: up to Friday 8 January
    # (Christmas Eve and Day, New Year's Eve and Day and Epiphany are no working days).
    assert window.meetings_until == at("2026-11-25 00:00")
    assert window.own_meetings_until == at("2027-01-09 00:00")
    # A zone this machine does not know (a row edited by hand) stops no tick.
    assert needs.window(now, {("Europe/Stockholm", "SE"), ("Mars/Olympus", "SE")}) == window
    # Hours, not days: exactly that long ahead.
    short = planning_needs(LeadTimes(timedelta(hours=5), ())).window(now, set())
    assert short.meetings_until == now + timedelta(hours=5)


def test_retries_back_off_exponentially_with_jitter():
    assert [retry_delay(n, 0.999) for n in (1, 2, 3, 4, 10, 20)] == [
        1.998,
        3.996,
        7.992,
        15.984,
        899.1,
        899.1,
    ]
    assert retry_delay(5, 0.0) == 1.0  # never a busy loop
