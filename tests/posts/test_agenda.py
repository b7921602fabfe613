"""The agenda post kind: planned two working days before the meeting at 09:00 (at once for a
meeting booked at short notice), useful until the meeting starts; composed as the agenda card
of what is reported now, still composed (with the new time) after the meeting was moved, and
nothing once the meeting is gone."""

from __future__ import annotations

from dataclasses import replace

from bot import cards
from bot.domain import agenda as agenda_module
from bot.domain.agenda import Agenda, build_agenda
from bot.domain.posts import agenda
from bot.domain.schedule import GroupPlan
from tests.posts.support import (
    DEFAULTS,
    GROUP,
    MEETING,
    Stored,
    at,
    item,
    local,
    queued,
    report,
)

KIND = agenda.KIND


def test_the_agenda_is_planned_two_working_days_before_at_nine():
    [post] = KIND.plan(GroupPlan(GROUP, (MEETING,)), DEFAULTS, at("2026-11-19 09:00"))

    assert (post.key, post.kind, local(post.due_at)) == (
        "agenda:7",
        "agenda",
        "Thu 2026-11-19 09:00",
    )
    assert post.expires_at == MEETING.starts_at


def test_a_meeting_booked_at_short_notice_gets_its_agenda_at_once():
    booked = replace(MEETING, updated_at=at("2026-11-22 18:30"))

    [post] = KIND.plan(GroupPlan(GROUP, (booked,)), DEFAULTS, at("2026-11-22 18:30"))

    assert local(post.due_at) == "Sun 2026-11-22 18:30"


async def test_the_agenda_is_composed_as_its_card_from_what_is_reported_now():
    [post] = KIND.plan(GroupPlan(GROUP, (MEETING,)), DEFAULTS, at("2026-11-19 09:00"))
    data = Stored(report_list=[report("Kalmar", "PET-projektet pågår.")])

    notice = await KIND.compose(data, GROUP, queued(post), at("2026-11-19 09:00"))

    assert notice is not None
    assert notice.text == (
        "Utkast till dagordning inför nästa möte. Den uppdateras när lägesrapporter och åtgärder "
        "kommer in."
    )
    assert isinstance(notice.card, Agenda)
    assert [(s.region, s.report is not None) for s in notice.card.slots] == [
        ("Linköping", False),
        ("Jönköping", False),
        ("Kalmar", True),
    ]
    assert cards.card_for(notice.card) == cards.agenda_card(notice.card)


async def test_a_moved_meeting_updates_its_agenda_and_a_deleted_one_has_none():
    [post] = KIND.plan(GroupPlan(GROUP, (MEETING,)), DEFAULTS, at("2026-11-19 09:00"))
    moved = Stored().moved(at("2026-11-24 10:00"))

    notice = await KIND.compose(moved, GROUP, queued(post), at("2026-11-19 10:00"))
    gone = await KIND.compose(Stored(meeting_list=[]), GROUP, queued(post), at("2026-11-19 10:00"))

    assert notice is not None and notice.card.meeting.starts_at == at("2026-11-24 10:00")
    assert gone is None


def test_a_long_agenda_draws_the_lines_of_the_items_it_could_show_not_every_line(monkeypatch):
    # 300 open items, long reports: the card lists some items and says how many more. A line
    # is drawn (owner, due date, in the group's language) only for a draft that could fit.
    reports = [report(region, "Läget är oförändrat. " * 40) for region in GROUP.regions]
    items = [
        item(n, f"Följ upp remissflödet med regionen ({n})", "2026-12-18 16:00") for n in range(300)
    ]
    agenda = build_agenda(GROUP, MEETING, reports, [], items, [MEETING], at("2026-11-19 09:00"))
    drawn: list[int] = []
    draw = agenda_module._item_line
    monkeypatch.setattr(
        agenda_module,
        "_item_line",
        lambda carried, *rest: drawn.append(carried.item.number) or draw(carried, *rest),
    )

    card = cards.fitted_agenda_card(agenda)

    shown = card["fallbackText"].count("  - #")
    assert 0 < shown < 300 and f"… och {300 - shown} till" in card["fallbackText"]
    assert len(set(drawn)) <= 60  # the most a draft with these reports could list
