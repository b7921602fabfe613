"""The use cases on in-memory fakes (``tests/support/fakes.py``): what each one stores, and what
it tells its unit of work to do with the change. Now is Friday 20 November 2026, 10:00 in
Stockholm; the group has three regions.

Covers: a report filed for the next meeting updates the posted agenda and marks the turn's
activity handled in the same commit; a refused item stores nothing and says nothing; closing
an item twice changes it once; deleting an item, setting regions and changing settings write
their audit line with the change (settings also replan the group's posts); planning the next
meeting takes over what was filed while none was planned, a later one does not; a meeting
planned sooner (or the next one moved after another) takes over what was filed for the next
meeting, until it has been held; a decision during a meeting or just after belongs to it;
cancelling a meeting hands its reports (except for regions that already reported for the next
one) and points on and drops its unsent posts; moving one replans its posts; a role is set and
audited; the bot's own bookkeeping (the group, who was seen) never marks the activity handled,
and a member's "last seen" is written at most once an hour.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain.capture import Capture
from bot.domain.conversations import Conversations
from bot.domain.meetings import Meetings
from bot.domain.model import (
    Actor,
    AuditNote,
    ConversationAddress,
    ConversationType,
    Group,
    GroupDefaults,
    Refusal,
    Role,
)
from bot.domain.ports import HANDLING, Handling
from bot.domain.preferences import Preferences
from bot.domain.roles import Guarded, Roles, permission
from bot.domain.schedule import LeadTimes
from tests.date_corpus import local
from tests.support.clock import FakeClock
from tests.support.fakes import AuditLine, FakeOutbox, FakeTransactions, Replan

EDYTA = Actor("aad-edyta", "Edyta Johansson", teams_id="29:edyta")
MATS = Actor("aad-mats", "Mats Homelius", teams_id="29:mats")
DEFAULTS = GroupDefaults(language="sv", timezone="Europe/Stockholm")
LEADS = LeadTimes(agenda=timedelta(days=2), reminders=(timedelta(days=1),))
CHANNEL = ConversationAddress("19:rag@thread.tacv2", ConversationType.CHANNEL, name="RAG")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(local("2026-11-20 10:00"))


@pytest.fixture
def transactions(clock: FakeClock) -> FakeTransactions:
    return FakeTransactions(clock)


@pytest.fixture
async def group(transactions: FakeTransactions, clock: FakeClock) -> Group:
    async with transactions.writing() as uow:
        created, _ = await uow.groups.remember(CHANNEL, DEFAULTS, clock.now())
        group = await uow.groups.set_regions(
            created.id, ["Linköping", "Jönköping", "Kalmar"], clock.now()
        )
        await uow.commit(handles_activity=False)
    transactions.agenda_updates.clear()
    return group


@pytest.fixture
def capture(transactions: FakeTransactions, clock: FakeClock) -> Capture:
    return Capture(transactions, clock)


@pytest.fixture
def meetings(transactions: FakeTransactions, clock: FakeClock) -> Meetings:
    return Meetings(transactions, clock)


async def test_a_report_updates_the_agenda_and_handles_the_activity_in_one_commit(
    capture, meetings, transactions, group
):
    await meetings.schedule(group, "23/11 kl 13-14 Teams")
    transactions.agenda_updates.clear()
    handling = HANDLING.set(Handling("activity-1"))
    try:
        saved = await capture.submit_report(group, "kalmar", "Inget nytt.", EDYTA)
    finally:
        HANDLING.reset(handling)

    assert not isinstance(saved, Refusal)
    assert (saved.report.region, saved.meeting.starts_at) == ("Kalmar", local("2026-11-23 13:00"))
    assert transactions.agenda_updates == [group.id]
    assert transactions.handled_activities == ["activity-1"]
    assert [r.text for r in (await capture.report_overview(group)).rows[2][1:]] == ["Inget nytt."]


async def test_a_refused_item_stores_nothing_and_says_nothing(capture, transactions, group):
    commits = transactions.commits

    refused = await capture.add_action_item(group, "Mats bokar lokal innan sommaren", [], EDYTA)

    assert refused == Refusal("date_vague", {"phrase": "innan sommaren", "ex_day": "11/12"})
    assert await capture.action_items(group, include_closed=True) == []
    assert (transactions.commits, transactions.agenda_updates) == (commits, [])


async def test_an_item_closed_twice_changes_once(capture, transactions, group):
    saved = await capture.add_action_item(group, "Mats bokar lokal", [], EDYTA)
    transactions.agenda_updates.clear()

    first = await capture.close_action_item(group, str(saved.item.number), MATS)
    second = await capture.close_action_item(group, "1", EDYTA)

    assert (first[1], second[1]) == (True, False)
    assert second[0].closed_by == "Mats Homelius"
    assert transactions.agenda_updates == [group.id]


async def test_deleting_an_item_is_audited_with_the_change(capture, transactions, clock, group):
    await capture.add_action_item(group, "Boka lokal", [], EDYTA)

    deleted = await capture.delete_action_item(group, "#1", EDYTA)
    missing = await capture.delete_action_item(group, "1", EDYTA)

    assert deleted.text == "Boka lokal"
    assert missing == Refusal("action_unknown", {"number": 1})
    assert transactions.audit_lines == [
        AuditLine(group.id, EDYTA, AuditNote.of("delete", number=1, text="Boka lokal"), clock.now())
    ]


async def test_setting_regions_is_audited_and_updates_the_agenda(capture, transactions, group):
    changed = await capture.set_regions(group, "Östergötland; Jönköping och Kalmar", EDYTA)

    assert changed.regions == ("Östergötland", "Jönköping", "Kalmar")
    assert transactions.agenda_updates == [group.id]
    assert [line.note for line in transactions.audit_lines] == [
        AuditNote.of("regions", regions="Östergötland, Jönköping, Kalmar")
    ]


async def test_new_settings_replan_the_groups_posts(transactions, clock, group):
    preferences = Preferences(transactions, LEADS, clock)

    changed = await preferences.change(group, "dagordning 3 arbetsdagar före", EDYTA)

    assert changed.agenda_lead == timedelta(days=3)
    assert transactions.replans == [Replan(group.id)]
    assert [line.note for line in transactions.audit_lines] == [
        AuditNote.of("settings", change="dagordning 3 arbetsdagar före")
    ]


async def test_the_first_meeting_planned_takes_over_what_was_filed_before(capture, meetings, group):
    await capture.submit_report(group, "Linköping", "Filed early.", EDYTA)
    await capture.record_decision(group, "Vi byter till Teams.", EDYTA)

    first = await meetings.schedule(group, "23/11 kl 13-14 Teams")
    later = await meetings.schedule(group, "14/12 kl 13-14 Teams")
    after = await capture.record_decision(group, "Nästa beslut.", EDYTA)

    overview = await capture.report_overview(group)
    assert overview.meeting == first.added[0]
    assert [report.text for _, report in overview.rows if report] == ["Filed early."]
    assert after[1] == first.added[0] != later.added[0]


async def test_what_was_filed_for_the_next_meeting_follows_a_sooner_one(
    capture, meetings, transactions, clock, group
):
    [december] = (await meetings.schedule(group, "9/12 kl 13-14 Teams")).added
    await capture.submit_report(group, "Linköping", "Cyklotronen i drift.", EDYTA)
    await capture.propose_point(group, "Utvecklingsområde: Mål 2026", EDYTA)
    await capture.record_decision(group, "Vi byter till Teams.", EDYTA)

    [sooner] = (await meetings.schedule(group, "25/11 kl 13-14 Teams")).added

    overview = await capture.report_overview(group)
    assert overview.meeting == sooner
    assert [(region, report.text) for region, report in overview.rows if report] == [
        ("Linköping", "Cyklotronen i drift.")
    ]
    async with transactions.reading() as uow:
        assert [p.text for p in await uow.points.for_meeting(group.id, sooner.id)] == ["Mål 2026"]
        assert await uow.points.for_meeting(group.id, december.id) == []

    # Once the sooner meeting has been held, what it was given stays with it.
    clock.advance(timedelta(days=6))  # Thursday 26 November
    await capture.submit_report(group, "Kalmar", "For December.", EDYTA)
    [first_week] = (await meetings.schedule(group, "1/12 kl 13-14 Teams")).added

    async with transactions.reading() as uow:
        held = await uow.reports.current(group.id, sooner.id)
        moved = await uow.reports.current(group.id, first_week.id)
    assert [report.region for report in held] == ["Linköping"]
    assert [report.region for report in moved] == ["Kalmar"]


async def test_moving_the_next_meeting_after_another_hands_its_reports_on(capture, meetings, group):
    first, second = (await meetings.schedule(group, "25/11 kl 13-14; 2/12 kl 13-14")).added
    await capture.submit_report(group, "Jönköping", "Protokollet justerat.", EDYTA)
    _, target = await meetings.plan_move(group, "25/11 till 9/12")

    await meetings.move(group, first.id, target, first.version)

    overview = await capture.report_overview(group)
    assert overview.meeting == second
    assert [region for region, report in overview.rows if report] == ["Jönköping"]


async def test_a_decision_during_a_meeting_or_just_after_belongs_to_it(
    capture, meetings, clock, group
):
    monday, december = (await meetings.schedule(group, "23/11 kl 13-14; 14/12 kl 11-12")).added

    clock.advance(timedelta(days=3, hours=3, minutes=30))  # Monday 23 November, 13:30
    _, during = await capture.record_decision(group, "Gruppen står bakom målbilden.", EDYTA)
    clock.advance(timedelta(hours=1))  # 14:30, the meeting is over
    _, after = await capture.record_decision(group, "Upphandlingen fortsätter.", EDYTA)
    clock.advance(timedelta(hours=3))  # 17:30
    _, evening = await capture.record_decision(group, "Nästa beslut.", EDYTA)

    assert (during, after, evening) == (monday, monday, december)


async def test_a_cancelled_meeting_hands_its_reports_and_points_on(
    capture, meetings, transactions, group
):
    scheduled = await meetings.schedule(group, "23/11 kl 13-14 Teams; 14/12 kl 13-14 Teams")
    monday, december = scheduled.added
    await capture.submit_report(group, "Linköping", "For Monday.", EDYTA)
    await capture.submit_report(group, "Kalmar", "Kalmar for Monday.", EDYTA)
    await capture.propose_point(group, "Upphandling", EDYTA)
    async with transactions.writing() as uow:  # Kalmar already reported for December
        await uow.reports.add(group.id, december.id, "Kalmar", "Newer.", EDYTA, december.starts_at)
        await uow.commit()
    transactions.replans.clear()

    cancelled = await meetings.cancel(group, monday.id, monday.version)

    overview = await capture.report_overview(group)
    assert cancelled.cancelled and overview.meeting == december
    assert [(region, report.text) for region, report in overview.rows if report] == [
        ("Linköping", "For Monday."),
        ("Kalmar", "Newer."),
    ]
    async with transactions.reading() as uow:
        points = await uow.points.for_meeting(group.id, december.id)
    assert [point.text for point in points] == ["Upphandling"]
    assert transactions.replans == [Replan(group.id, cancelled)]


async def test_a_moved_meeting_replans_its_posts(meetings, transactions, group):
    [meeting] = (await meetings.schedule(group, "23/11 kl 13-14 Teams")).added
    planned = await meetings.plan_move(group, "23/11 till 24/11")
    _, target = planned

    old, moved = await meetings.move(group, meeting.id, target, meeting.version)

    assert moved.starts_at == local("2026-11-24 13:00")
    assert transactions.replans == [Replan(group.id, moved)]
    assert await meetings.move(group, meeting.id, target, old.version) == Refusal("meeting_changed")


async def test_a_role_is_set_and_audited(transactions, clock, group):
    roles = Roles(transactions, clock)
    conversations = Conversations(transactions, FakeOutbox(), DEFAULTS, clock)
    await conversations.seen(group, MATS)

    reply = await roles.change(group, EDYTA, "ordförande Mats", [])

    assert reply == "Mats Homelius är nu ordförande i gruppen."
    assert [line.note for line in transactions.audit_lines] == [
        AuditNote.of("roles", name="Mats Homelius", role="ordförande")
    ]
    async with transactions.reading() as uow:
        holders = await uow.roles.holders(group.id)
    assert permission(holders, MATS, Guarded.REGIONS, "sv") is None
    refused = permission(holders, EDYTA, Guarded.REGIONS, "sv")
    assert refused == Refusal("forbidden_regions", {"officers": "Mats Homelius"})
    assert [holder.role for holder in holders] == [Role.CHAIR]


async def test_bookkeeping_never_marks_the_activity_handled(transactions, clock, group):
    conversations = Conversations(transactions, FakeOutbox(), DEFAULTS, clock)
    handling = HANDLING.set(Handling("activity-2"))
    try:
        new, created = await conversations.remember(
            ConversationAddress("a:personal-chat", ConversationType.PERSONAL)
        )
        await conversations.seen(group, MATS)
        commits = transactions.commits
        await conversations.seen(group, MATS)  # within the hour: nothing to write
        clock.advance(timedelta(hours=1))
        await conversations.seen(group, MATS)
    finally:
        HANDLING.reset(handling)

    assert created and new.conversation_type is ConversationType.PERSONAL
    assert transactions.commits == commits + 1
    assert transactions.handled_activities == []
    assert await conversations.working_group(new, MATS) == group


async def test_only_the_same_named_person_resending_gets_the_first_record_back(
    capture, meetings, clock, group
):
    nameless = Actor("aad-x", "?")
    await capture.add_action_item(group, "Boka lokal", [], nameless)
    again = await capture.add_action_item(group, "Boka lokal", [], nameless)
    [monday] = (await meetings.schedule(group, "23/11 kl 13-14 Teams")).added
    clock.advance(local("2026-11-23 12:58") - clock.now())
    before = await capture.propose_point(group, "Studiebesök", EDYTA)
    clock.advance(timedelta(minutes=4))  # the meeting has begun: the next one gets it
    after = await capture.propose_point(group, "Studiebesök", EDYTA)

    assert (again.item.number, again.note) == (2, None)
    assert before.meeting_id == monday.id and after.meeting_id is None
