"""The reminder post kind: one per reminder lead (the working day before at 09:00, and 15
minutes before), each useful until the next is due; composed as "om 3 dagar" or "om 15
minuter" from the time it goes out, and nothing for a meeting moved since it was queued."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.posts import reminder
from bot.domain.schedule import GroupPlan
from tests.posts.support import DEFAULTS, GROUP, MEETING, Stored, at, local, queued

KIND = reminder.KIND


def test_reminders_are_planned_the_working_day_before_and_fifteen_minutes_before():
    posts = KIND.plan(GroupPlan(GROUP, (MEETING,)), DEFAULTS, at("2026-11-20 09:00"))

    assert [(local(p.due_at), local(p.expires_at)) for p in posts] == [
        ("Fri 2026-11-20 09:00", "Mon 2026-11-23 12:45"),
        ("Mon 2026-11-23 12:45", "Mon 2026-11-23 13:00"),
    ]
    assert {p.kind for p in posts} == {"reminder"}


def test_a_reminder_whose_time_had_passed_when_the_meeting_was_planned_is_not_planned():
    late = replace(MEETING, updated_at=at("2026-11-22 18:30"))

    posts = KIND.plan(GroupPlan(GROUP, (late,)), DEFAULTS, at("2026-11-22 18:30"))

    assert [local(p.due_at) for p in posts] == ["Mon 2026-11-23 12:45"]


async def test_a_reminder_says_how_soon_and_nothing_once_the_meeting_moved():
    day_before, last = KIND.plan(GroupPlan(GROUP, (MEETING,)), DEFAULTS, at("2026-11-20 09:00"))

    tomorrow = await KIND.compose(Stored(), GROUP, queued(day_before), at("2026-11-20 09:00"))
    soon = await KIND.compose(Stored(), GROUP, queued(last), at("2026-11-23 12:45"))
    moved = await KIND.compose(
        Stored().moved(at("2026-11-24 13:00")), GROUP, queued(last), at("2026-11-23 12:45")
    )

    assert tomorrow is not None and tomorrow.text == (
        "Påminnelse: nästa möte är om 3 dagar, måndag 23 november kl. 13.00–14.00, Teams."
    )
    assert soon is not None and soon.text == (
        "Påminnelse: nästa möte är om 15 minuter, måndag 23 november kl. 13.00–14.00, Teams."
    )
    assert moved is None
