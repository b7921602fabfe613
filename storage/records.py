"""A group's records as a whole: retention purges, the complete export, and removing a person's
name from open data (the ``RecordsRepository`` port).

What retention removes past its period: closed action items, superseded versions of status
reports, dialog drafts (botbuilder state) nobody has touched, and finished outbox posts. What
it keeps: open items, each region's current report, decisions, agenda points and meetings,
attendance, the roster, notes and minutes (every version, and the approved ones' archived
PDF/A), which are the group's record of its meetings. "Open data" for forgetting a person is the
same: open items (owner, creator, the name inside the text), current reports, and what they
filed for meetings still to come; their member row and their dialog drafts go too. Closed
items, superseded reports and the audit log are records of what happened and keep the name.
"""

from __future__ import annotations

import base64
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, or_, select, update

from bot.domain.model import Group, PurgeResult
from bot.domain.text import fold
from storage.db import Database
from storage.mappers import to_group
from storage.prepared import delete_in_batches
from storage.tables import (
    ActionItemRow,
    AgendaPointRow,
    AttendanceRow,
    AuditRow,
    Base,
    BotStateRow,
    DecisionRow,
    GroupRow,
    MeetingChatLinkRow,
    MeetingNoteRow,
    MeetingRow,
    MemberRow,
    MinutesArchiveRow,
    MinutesVersionRow,
    OutboxRow,
    RosterNameRow,
    SeminarRow,
    StandingTopicRow,
    StatusReportRow,
    TeamsMeetingRow,
)

FORGOTTEN = "(borttagen)"
_EXPORTED = {
    "meetings": MeetingRow,
    "status_reports": StatusReportRow,
    "action_items": ActionItemRow,
    "decisions": DecisionRow,
    "agenda_points": AgendaPointRow,
    "members": MemberRow,
    "roster_names": RosterNameRow,
    "attendance": AttendanceRow,
    "meeting_notes": MeetingNoteRow,
    "minutes_versions": MinutesVersionRow,
    "minutes_archive": MinutesArchiveRow,
    "audit_log": AuditRow,
    # standing topics and seminar series
    "standing_topics": StandingTopicRow,
    "seminars": SeminarRow,
    "teams_meetings": TeamsMeetingRow,
    "meeting_chat_links": MeetingChatLinkRow,
}
_SECRET_COLUMNS = {"reference", "calendar_token"}
# A minutes version's link secret is not part of the record (and could be revoked since).
_HIDDEN = {"minutes_versions": {"token"}}


class SqlRecords:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def purge(self, before: datetime) -> PurgeResult:
        """Everything past ``before`` deleted a batch at a time (``delete_in_batches``): a
        purge interrupted halfway leaves the rest for the next one."""
        database, per_group = self._database, Counter[int]()
        for table, condition in (
            (ActionItemRow, ActionItemRow.closed_at < before),
            (StatusReportRow, StatusReportRow.superseded_at < before),
        ):
            per_group.update(
                await delete_in_batches(database, table.id, condition, returning=table.group_id)
            )
        drafts = await delete_in_batches(database, BotStateRow.key, BotStateRow.updated_at < before)
        # By expiry, not age: a sent agenda for a meeting still to come keeps its row, or
        # the planner would queue it again and lose the message it updates in place.
        posts = await delete_in_batches(
            database,
            OutboxRow.id,
            OutboxRow.status.in_(("sent", "dropped", "failed")) & (OutboxRow.expires_at < before),
        )
        return PurgeResult(dict(per_group), len(drafts), len(posts))

    async def find_groups(self, query: str) -> list[Group]:
        """Groups whose id, key (channel or chat id) or name is ``query``."""
        conditions = [GroupRow.key == query, func.lower(GroupRow.name) == query.lower()]
        if query.isdigit():
            conditions.append(GroupRow.id == int(query))
        async with self._database.reading() as session:
            rows = await session.execute(select(GroupRow).where(or_(*conditions)))
            return [to_group(row) for row in rows.scalars()]

    async def export(self, group_id: int) -> dict[str, Any]:
        async with self._database.reading() as session:
            group = await session.get(GroupRow, group_id)
            assert group is not None
            document: dict[str, Any] = {"group": _row_dict(group, _SECRET_COLUMNS)}
            for name, table in _EXPORTED.items():
                rows = await session.execute(
                    select(table).where(table.group_id == group_id).order_by(table.id)
                )
                hidden = _HIDDEN.get(name, set())
                document[name] = [_row_dict(row, hidden) for row in rows.scalars()]
        return document

    async def forget(self, person: str, now: datetime) -> dict[int, Counter[str]]:
        """Remove ``person`` (a name, an Entra id or a Teams id) from open data; what was
        changed, per group and kind (group 0: dialog drafts, which belong to no group)."""
        async with self._database.writing() as session:
            members = (
                (
                    await session.execute(
                        select(MemberRow).where(
                            or_(
                                MemberRow.user_id == person,
                                MemberRow.teams_id == person,
                                func.lower(MemberRow.name) == person.lower(),
                            )
                        )
                    )
                )
                .scalars()
                .all()
            )
            who = _Person.of(person, members)
            open_items = select(ActionItemRow).where(ActionItemRow.closed_at.is_(None))
            for item in (await session.execute(open_items)).scalars():
                if who.is_named(item.owner_id, item.owner_name):
                    item.owner_id, item.owner_name = None, None
                    who.changed(item.group_id, "action item owners")
                who.scrub(item, "created_by", "action item creators")
                who.scrub_text(item, "action item texts")
            current = select(StatusReportRow).where(StatusReportRow.superseded_at.is_(None))
            for report in (await session.execute(current)).scalars():
                if who.is_named(report.author_id, report.author_name):
                    report.author_id, report.author_name = FORGOTTEN, FORGOTTEN
                    who.changed(report.group_id, "status report authors")
                who.scrub_text(report, "status report texts")
            upcoming = select(MeetingRow.id).where(MeetingRow.starts_at >= now)
            for table in (DecisionRow, AgendaPointRow):
                filed = select(table).where(
                    or_(table.meeting_id.is_(None), table.meeting_id.in_(upcoming))
                )
                for row in (await session.execute(filed)).scalars():
                    who.scrub(row, "created_by", f"{table.__tablename__.replace('_', ' ')} authors")
            # standing topics and seminar series: who added the open ones and those ahead
            open_topics = select(StandingTopicRow).where(StandingTopicRow.closed_at.is_(None))
            for topic in (await session.execute(open_topics)).scalars():
                who.scrub(topic, "created_by", "standing topic authors")
            ahead = select(SeminarRow).where(SeminarRow.ends_at > now)
            for seminar in (await session.execute(ahead)).scalars():
                who.scrub(seminar, "created_by", "seminar authors")
            # --- meeting events --- who linked a meeting chat to the group.
            for link in (await session.execute(select(MeetingChatLinkRow))).scalars():
                who.scrub(link, "linked_by", "meeting chat links")
            for member in members:
                who.changed(member.group_id, "members")
                await session.delete(member)
            drafts = await session.execute(
                delete(BotStateRow).where(
                    or_(*(BotStateRow.key.contains(f"/users/{tid}/") for tid in who.teams_ids))
                )
            )
            who.changed(0, "dialog drafts", drafts.rowcount)
            await session.execute(
                update(GroupRow).where(GroupRow.id.in_(who.touched)).values(updated_at=now)
            )
        return who.touched


@dataclass
class _Person:
    """Whom ``forget`` looks for, and what it changed so far."""

    names: set[str]
    ids: set[str]
    teams_ids: list[str]
    touched: dict[int, Counter[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, person: str, members: Sequence[MemberRow]) -> _Person:
        by_id = any(person in (m.user_id, m.teams_id) for m in members)
        return cls(
            names={m.name for m in members if m.name} | (set() if by_id else {person}),
            ids={person}
            | {m.user_id for m in members}
            | {m.teams_id for m in members if m.teams_id},
            teams_ids=[m.teams_id for m in members if m.teams_id] or [person],
        )

    def is_named(self, person_id: str | None, name: str | None) -> bool:
        return person_id in self.ids or _same_name(name, self.names)

    def changed(self, group_id: int, kind: str, amount: int = 1) -> None:
        if amount:
            self.touched.setdefault(group_id, Counter())[kind] += amount

    def scrub(self, row: Any, attribute: str, kind: str) -> None:
        if _same_name(getattr(row, attribute), self.names):
            setattr(row, attribute, FORGOTTEN)
            self.changed(row.group_id, kind)

    def scrub_text(self, row: Any, kind: str) -> None:
        text = _without_names(row.text, self.names)
        if text != row.text:
            row.text = text
            self.changed(row.group_id, kind)


def _same_name(value: str | None, names: set[str]) -> bool:
    return value is not None and fold(value.strip()) in {fold(name) for name in names}


def _without_names(text: str, names: set[str]) -> str:
    for name in names:
        if len(name) >= 3 and not name.startswith(("29:", "a:")):
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", FORGOTTEN, text, flags=re.IGNORECASE)
    return text


def _row_dict(row: Base, hidden: set[str] = frozenset()) -> dict[str, Any]:
    values = {}
    for column in row.__table__.columns:
        if column.name in hidden:
            continue
        value = getattr(row, column.key)
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, bytes):  # the archived PDF/A
            value = base64.b64encode(value).decode("ascii")
        values[column.name] = value
    return values
