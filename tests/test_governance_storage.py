"""Roles, the audit log and retention on SQLite and PostgreSQL: a person appointed by @mention
(Teams id only) is recognised once they write (Entra id); one chair at a time; the log comes
back newest first, with its details intact; finished posts are purged by expiry, not age."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import event, select

from bot.domain.model import Actor, AuditNote, Role
from storage import prepared
from storage.records import SqlRecords
from storage.tables import ActionItemRow, OutboxRow
from tests.support.each import Each
from tests.test_storage import DEFAULTS, NOW, address

SARA_BY_MENTION = Actor("29:sara", "Sara Axelsson", teams_id="29:sara")
SARA_WRITING = Actor("aad-sara", "Sara Axelsson", teams_id="29:sara")
EDYTA = Actor("aad-edyta", "Edyta Johansson", teams_id="29:edyta")


async def test_roles_follow_a_person_across_their_two_ids(database):
    group, _ = await Each(database).groups.remember(address(), DEFAULTS, NOW)
    roles, members = Each(database).roles, Each(database).members

    await roles.set_role(group.id, SARA_BY_MENTION, Role.CHAIR, NOW)
    await members.seen(group.id, SARA_WRITING, NOW)
    await members.seen(group.id, EDYTA, NOW)
    [sara] = await roles.holders(group.id)
    await roles.set_role(group.id, EDYTA, Role.CHAIR, NOW)
    [edyta] = await roles.holders(group.id)
    found = await roles.member_named(group.id, "edyta")

    assert (sara.role, sara.is_actor(SARA_WRITING), sara.is_actor(EDYTA)) == (
        Role.CHAIR,
        True,
        False,
    )
    assert (edyta.name, edyta.role, edyta.is_actor(EDYTA)) == ("Edyta Johansson", Role.CHAIR, True)
    assert found == EDYTA


async def test_the_audit_log_is_newest_first(database):
    group, _ = await Each(database).groups.remember(address(), DEFAULTS, NOW)
    log = Each(database).audit_log

    await log.add(group.id, EDYTA, AuditNote.of("role", name="Edyta Johansson", role="ordf"), NOW)
    later = NOW + timedelta(minutes=1)
    await log.add(group.id, EDYTA, AuditNote.of("delete", number=3, text="Boka ”lokal”"), later)

    entries = await log.latest(group.id, 10)
    assert [(e.at, e.action, e.detail) for e in entries] == [
        (later, "delete", {"number": "3", "text": "Boka ”lokal”"}),
        (NOW, "role", {"name": "Edyta Johansson", "role": "ordf"}),
    ]


async def test_retention_purges_finished_posts_by_expiry_not_age(database):
    """A sent agenda whose meeting is still to come keeps its outbox row: without it the
    planner would queue the agenda again and lose the message it updates in place."""
    group, _ = await Each(database).groups.remember(address(), DEFAULTS, NOW)
    long_ago = NOW - timedelta(days=60)
    async with database.writing() as session:
        for key, status, expires in (
            ("expired", "sent", NOW - timedelta(days=40)),
            ("meeting still to come", "sent", NOW + timedelta(days=3)),
            ("expired but pending", "pending", NOW - timedelta(days=40)),
        ):
            session.add(
                OutboxRow(
                    group_id=group.id,
                    dedupe_key=key,
                    kind="agenda",
                    payload={},
                    status=status,
                    due_at=long_ago,
                    expires_at=expires,
                    next_attempt_at=long_ago,
                    created_at=long_ago,
                )
            )

    purged = await SqlRecords(database).purge(NOW - timedelta(days=30))

    async with database.reading() as session:
        kept = (await session.execute(select(OutboxRow.dedupe_key))).scalars().all()
    assert purged.posts == 1
    assert sorted(kept) == ["expired but pending", "meeting still to come"]


async def test_retention_deletes_in_short_transactions_and_leaves_nothing_behind(
    database, monkeypatch
):
    """Years of closed items go a batch at a time, each batch its own transaction (SQLite runs
    on the event loop's thread: one long DELETE held every turn up), and all of them go."""
    monkeypatch.setattr(prepared, "DELETE_BATCH", 2)
    group, _ = await Each(database).groups.remember(address(), DEFAULTS, NOW)
    long_ago = NOW - timedelta(days=400)
    async with database.writing() as session:
        for number in range(1, 6):
            session.add(
                ActionItemRow(
                    group_id=group.id,
                    number=number,
                    text=f"Punkt {number}",
                    created_by="Edyta",
                    created_at=long_ago,
                    closed_at=long_ago if number != 3 else None,
                    closed_by="Edyta" if number != 3 else None,
                )
            )
    transactions: list[str] = []
    event.listen(database.engine.sync_engine, "begin", lambda _: transactions.append("begin"))

    purged = await SqlRecords(database).purge(NOW - timedelta(days=30))

    async with database.reading() as session:
        kept = (await session.execute(select(ActionItemRow.number))).scalars().all()
    assert purged.per_group == {group.id: 4}
    assert kept == [3]
    assert len(transactions) >= 3  # 2 + 2 + 0 closed items, then the other tables
