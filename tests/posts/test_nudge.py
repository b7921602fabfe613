"""The nudge post kind: the working day before the meeting at 09:00, for a group with regions;
composed as the regions that have not reported, the person reporting for each @mentioned, and
nothing once every region has."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.model import Mention, Person
from bot.domain.posts import nudge
from bot.domain.schedule import GroupPlan
from tests.posts.support import DEFAULTS, GROUP, MEETING, Stored, at, local, queued, report

KIND = nudge.KIND


def test_the_nudge_is_planned_the_working_day_before_for_a_group_with_regions():
    [post] = KIND.plan(GroupPlan(GROUP, (MEETING,)), DEFAULTS, at("2026-11-20 09:00"))
    without_regions = replace(GROUP, regions=())

    assert (post.key, local(post.due_at), post.expires_at) == (
        "nudge:7:20261123T1200Z",
        "Fri 2026-11-20 09:00",
        MEETING.starts_at,
    )
    assert KIND.plan(GroupPlan(without_regions, (MEETING,)), DEFAULTS, at("2026-11-20 09:00")) == []


async def test_the_nudge_names_the_regions_missing_and_is_silent_once_all_reported():
    [post] = KIND.plan(GroupPlan(GROUP, (MEETING,)), DEFAULTS, at("2026-11-20 09:00"))
    some = Stored(report_list=[report("Kalmar", "PET-projektet pågår.")])
    every = Stored(report_list=[report(region, "Inget nytt.") for region in GROUP.regions])

    notice = await KIND.compose(some, GROUP, queued(post), at("2026-11-20 09:00"))
    silent = await KIND.compose(every, GROUP, queued(post), at("2026-11-20 09:00"))

    assert notice is not None and notice.text == (
        "**Linköping** och **Jönköping** har inte lämnat lägesrapport inför mötet måndag 23 "
        "november kl. 13.00–14.00, Teams. Skriv till exempel `@RAG lägesrapport Linköping`."
    )
    assert silent is None


async def test_the_nudge_mentions_the_person_who_reports_for_a_missing_region():
    [post] = KIND.plan(GroupPlan(GROUP, (MEETING,)), DEFAULTS, at("2026-11-20 09:00"))
    sara = Person("29:1Sara-Axelsson", "Sara Axelsson")
    group = replace(GROUP, reporters={"Kalmar": sara, "Linköping": Person("29:a", "Agnetha")})
    some = Stored(report_list=[report("Linköping", "Cyklotronen i drift.")])

    notice = await KIND.compose(some, group, queued(post), at("2026-11-20 09:00"))

    assert notice is not None and notice.text == (
        "**Jönköping** och **Kalmar** (<at>Sara Axelsson</at>) har inte lämnat lägesrapport "
        "inför mötet måndag 23 november kl. 13.00–14.00, Teams. Skriv till exempel "
        "`@RAG lägesrapport Jönköping`."
    )
    assert notice.mentions == (
        Mention("29:1Sara-Axelsson", "Sara Axelsson", "<at>Sara Axelsson</at>"),
    )
