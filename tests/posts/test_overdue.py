"""The overdue post kind: at 09:00 on working days for a group whose earliest open item's due
day is over, useful until midnight; composed as the overdue items with their owners
@mentioned, and nothing once none is overdue."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.posts import overdue
from bot.domain.schedule import GroupPlan
from tests.posts.support import DEFAULTS, GROUP, Stored, at, item, local, queued

KIND = overdue.KIND


def test_overdue_items_are_planned_at_nine_on_working_days_once_their_day_is_over():
    plan = GroupPlan(GROUP, (), earliest_due=at("2026-11-20 00:00"))

    [monday] = KIND.plan(plan, DEFAULTS, at("2026-11-23 07:00"))

    assert (monday.key, local(monday.due_at), local(monday.expires_at)) == (
        "overdue:1:2026-11-23",
        "Mon 2026-11-23 09:00",
        "Tue 2026-11-24 00:00",
    )
    assert KIND.plan(plan, DEFAULTS, at("2026-11-21 10:00")) == []  # a Saturday
    due_today = GroupPlan(GROUP, (), earliest_due=at("2026-11-23 00:00"))
    assert KIND.plan(due_today, DEFAULTS, at("2026-11-23 09:30")) == []


async def test_the_overdue_list_mentions_owners_and_is_silent_when_nothing_is_overdue():
    [post] = KIND.plan(
        GroupPlan(GROUP, (), earliest_due=at("2026-11-20 00:00")), DEFAULTS, at("2026-11-23 09:00")
    )
    data = Stored(
        item_list=[
            item(3, "Beställa kontrastmedel", "2026-11-20 00:00", ("u2", "Anna")),
            item(4, "Boka lokal", "2026-11-30 00:00"),
        ]
    )

    notice = await KIND.compose(data, GROUP, queued(post), at("2026-11-23 09:00"))
    silent = await KIND.compose(Stored(), GROUP, queued(post), at("2026-11-23 09:00"))

    assert notice is not None
    assert notice.text.split("\n\n")[0] == "**Försenade åtgärdspunkter**"
    assert notice.text.split("\n\n")[1].startswith(
        "#3 Beställa kontrastmedel – ansvarig <at>Anna</at>, skulle vara klar"
    )
    assert "Boka lokal" not in notice.text
    assert [(m.id, m.name, m.markup) for m in notice.mentions] == [("u2", "Anna", "<at>Anna</at>")]
    assert silent is None


async def test_a_group_that_turned_the_post_off_gets_none():
    off = replace(GROUP, overdue_posts=False)
    plan = GroupPlan(off, (), earliest_due=at("2026-11-20 00:00"))
    [queued_before] = KIND.plan(
        GroupPlan(GROUP, (), earliest_due=at("2026-11-20 00:00")), DEFAULTS, at("2026-11-23 09:00")
    )
    data = Stored(item_list=[item(3, "Beställa kontrastmedel", "2026-11-20 00:00")])

    assert KIND.plan(plan, DEFAULTS, at("2026-11-23 09:00")) == []
    assert await KIND.compose(data, off, queued(queued_before), at("2026-11-23 09:00")) is None
