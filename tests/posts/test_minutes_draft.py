"""The minutes-draft post kind: planned the group's delay after the meeting's end (Teams'
actual end when it said one; a meeting Teams said has started is waited for up to three
hours past its planned end), useful for twelve hours; none when the group turned it off, for
a cancelled meeting, or for a meeting recorded after it was over; a new key when the end
changes, so the outbox plans it again. Composing (which stores a version) is tested through
the whole path in tests/test_meeting_events.py."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.domain.model import MeetingStatus
from bot.domain.posts import minutes_draft
from bot.domain.schedule import GroupPlan
from tests.posts.support import DEFAULTS, GROUP, MEETING, Stored, at, local, queued

KIND = minutes_draft.KIND
NOW = at("2026-11-23 15:00")


def planned(group=GROUP, meeting=MEETING):
    return KIND.plan(GroupPlan(group, (meeting,)), DEFAULTS, NOW)


def test_the_draft_is_planned_the_groups_delay_after_the_planned_end():
    [post] = planned()
    [hour] = planned(replace(GROUP, minutes_draft_delay=timedelta(hours=1)))

    assert (post.key, local(post.due_at), local(post.expires_at)) == (
        "minutes_draft:7:20261123T1200Z:20261123T1300Z",
        "Mon 2026-11-23 14:30",
        "Tue 2026-11-24 02:30",
    )
    assert post.payload == {
        "starts_at": MEETING.starts_at.isoformat(),
        "end": MEETING.ends_at.isoformat(),
    }
    assert local(hour.due_at) == "Mon 2026-11-23 15:00"


def test_teams_end_replaces_the_planned_one_and_a_meeting_under_way_is_waited_for():
    under_way = replace(MEETING, started_at=at("2026-11-23 13:02"))
    ended = replace(under_way, ended_at=at("2026-11-23 14:20"))

    [waiting] = planned(meeting=under_way)
    [after] = planned(meeting=ended)

    assert local(waiting.due_at) == "Mon 2026-11-23 17:30"
    assert (after.key, local(after.due_at)) == (
        "minutes_draft:7:20261123T1200Z:20261123T1320Z",
        "Mon 2026-11-23 14:50",
    )


def test_no_draft_when_turned_off_cancelled_or_recorded_after_the_meeting():
    off = replace(GROUP, minutes_draft_delay=None)
    cancelled = replace(MEETING, status=MeetingStatus.CANCELLED)
    recorded_late = replace(MEETING, updated_at=at("2026-11-23 16:00"))

    assert planned(group=off) == []
    assert planned(meeting=cancelled) == []
    assert planned(meeting=recorded_late) == []


async def test_a_draft_queued_before_a_move_another_end_or_turning_it_off_is_not_sent():
    [post] = planned()
    ended_later = replace(MEETING, started_at=MEETING.starts_at, ended_at=at("2026-11-23 14:20"))
    off = replace(GROUP, minutes_draft_delay=None)

    moved = await KIND.compose_in(
        Stored().moved(at("2026-11-24 13:00")), "", GROUP, queued(post), NOW
    )
    other_end = await KIND.compose_in(Stored([ended_later]), "", GROUP, queued(post), NOW)
    turned_off = await KIND.compose_in(Stored(), "", off, queued(post), NOW)

    assert (moved, other_end, turned_off) == (None, None, None)
