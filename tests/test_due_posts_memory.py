"""The scheduler's ``DuePosts`` keeps a meeting's posts from one tick to the next: asked again
about the same meeting it answers as ``due_posts`` would, and a meeting moved, a group that
chose its own lead times or another time zone is planned again, never answered from memory."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.model import Meeting
from bot.domain.posts import DuePosts, due_posts
from bot.domain.schedule import GroupPlan
from tests.test_schedule import DEFAULTS, a_group, a_meeting, at

FRIDAY = at("2026-11-20 09:00")


def keys(posts):
    return [(post.key, post.due_at) for post in posts]


def test_asked_again_it_answers_as_due_posts_does():
    due = DuePosts(DEFAULTS)
    plan = GroupPlan(a_group(), (a_meeting("2026-11-23 13:00"),))

    first, second = due([plan], FRIDAY), due([plan], FRIDAY)
    on_monday = due([plan], at("2026-11-23 12:50"))

    assert keys(first) == keys(second) == keys(due_posts([plan], FRIDAY, DEFAULTS))
    assert keys(on_monday) == keys(due_posts([plan], at("2026-11-23 12:50"), DEFAULTS))
    assert len(on_monday) > len(first)


def test_a_moved_meeting_is_planned_again():
    due = DuePosts(DEFAULTS)
    meeting = a_meeting("2026-11-23 13:00")
    moved = Meeting(**(meeting.__dict__ | {"starts_at": at("2026-11-30 13:00")}))
    due([GroupPlan(a_group(), (meeting,))], FRIDAY)

    after = due([GroupPlan(a_group(), (moved,))], FRIDAY)

    assert after == due_posts([GroupPlan(a_group(), (moved,))], FRIDAY, DEFAULTS) == []


def test_a_group_with_its_own_lead_times_or_zone_is_planned_again():
    due = DuePosts(DEFAULTS)
    meeting = a_meeting("2026-11-30 13:00")
    due([GroupPlan(a_group(), (meeting,))], FRIDAY)
    early = a_group(agenda_lead=timedelta(days=6))
    oslo = a_group(timezone="Europe/Oslo")

    assert [p.kind.value for p in due([GroupPlan(early, (meeting,))], FRIDAY)] == ["agenda"]
    assert keys(due([GroupPlan(oslo, (meeting,))], at("2026-11-26 09:30"))) == keys(
        due_posts([GroupPlan(oslo, (meeting,))], at("2026-11-26 09:30"), DEFAULTS)
    )
