"""The seminar post kind: a reminder a week before (09:00 the same weekday, or the working day
before it when that is a holiday) and one the working day before at 09:00, the first useful
until the second is due; composed as "om en vecka" / "i morgon" with the time as "kl. 8.00";
nothing for a seminar removed or moved since it was queued; a reminder whose time had passed
when the seminar was added is never planned."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.posts import seminar
from bot.domain.schedule import GroupPlan
from tests.posts.support import DEFAULTS, GROUP, SEMINAR, Stored, at, local, queued

KIND = seminar.KIND
# Tuesday 8 December 2026, 8:00-9:00, with a topic.
DECEMBER = replace(
    SEMINAR,
    starts_at=at("2026-12-08 08:00"),
    ends_at=at("2026-12-08 09:00"),
    topic="PET-CT i praktiken",
)


def plan(*seminars) -> GroupPlan:
    return GroupPlan(GROUP, (), seminars=seminars)


def test_reminders_are_planned_a_week_and_the_working_day_before():
    posts = KIND.plan(plan(DECEMBER), DEFAULTS, at("2026-11-20 10:00"))

    assert [(local(p.due_at), local(p.expires_at)) for p in posts] == [
        ("Tue 2026-12-01 09:00", "Mon 2026-12-07 09:00"),
        ("Mon 2026-12-07 09:00", "Tue 2026-12-08 08:00"),
    ]
    assert {(p.kind, p.meeting_id) for p in posts} == {("seminar", None)}
    assert len({p.key for p in posts}) == 2


def test_holidays_move_the_reminders_earlier():
    # Thursday 7 January 2027: a week before is Thursday 31 December, New Year's Eve, and the
    # day before is Epiphany: both move to the working day before.
    january = replace(SEMINAR, starts_at=at("2027-01-07 08:00"), ends_at=at("2027-01-07 09:00"))

    posts = KIND.plan(plan(january), DEFAULTS, at("2026-11-20 10:00"))

    assert [local(p.due_at) for p in posts] == ["Wed 2026-12-30 09:00", "Tue 2027-01-05 09:00"]


def test_a_seminar_added_late_gets_only_the_reminders_still_ahead():
    late = replace(DECEMBER, created_at=at("2026-12-03 15:00"))

    posts = KIND.plan(plan(late), DEFAULTS, at("2026-12-03 15:00"))

    assert [local(p.due_at) for p in posts] == ["Mon 2026-12-07 09:00"]


async def test_a_reminder_says_when_who_and_what_and_nothing_once_removed_or_moved():
    week, day = KIND.plan(plan(DECEMBER), DEFAULTS, at("2026-11-20 10:00"))
    data = Stored(seminar_list=[DECEMBER])

    first = await KIND.compose(data, GROUP, queued(week), at("2026-12-01 09:00"))
    second = await KIND.compose(data, GROUP, queued(day), at("2026-12-07 09:00"))
    gone = await KIND.compose(Stored(), GROUP, queued(day), at("2026-12-07 09:00"))
    moved = replace(DECEMBER, starts_at=at("2026-12-08 10:00"), ends_at=at("2026-12-08 11:00"))
    other_time = await KIND.compose(
        Stored(seminar_list=[moved]), GROUP, queued(day), at("2026-12-07 09:00")
    )

    assert first is not None and first.text == (
        "Påminnelse: seminarium om en vecka, tisdag 8 december kl. 8.00–9.00: PET-CT i "
        "praktiken – leds av Fysiologiska kliniken i Linköping."
    )
    assert second is not None and second.text == (
        "Påminnelse: seminarium i morgon, tisdag 8 december kl. 8.00–9.00: PET-CT i "
        "praktiken – leds av Fysiologiska kliniken i Linköping."
    )
    assert (gone, other_time) == (None, None)


async def test_norwegian_and_english_reminders():
    week, _ = KIND.plan(plan(SEMINAR), DEFAULTS, at("2026-11-01 10:00"))
    now = at("2026-11-17 09:00")

    norwegian = await KIND.compose(
        Stored(seminar_list=[SEMINAR]), replace(GROUP, language="nb"), queued(week), now
    )
    english = await KIND.compose(
        Stored(seminar_list=[SEMINAR]), replace(GROUP, language="en"), queued(week), now
    )

    assert norwegian is not None and norwegian.text == (
        "Påminnelse: seminar om en uke, tirsdag 24. november kl. 8.00–9.00 – ledes av "
        "Fysiologiska kliniken i Linköping."
    )
    assert english is not None and english.text == (
        "Reminder: seminar in a week, Tuesday 24 November at 8:00–9:00 – led by "
        "Fysiologiska kliniken i Linköping."
    )
