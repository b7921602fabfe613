"""What a scheduler tick reads to plan: where the active groups are (their calendars), which
of them have anything a post could be due from, and, a chunk of groups at a time, their
meetings, overdue items and seminars in the tick's window, as plain rows.

The statements are built once per backend and per shape of what the kinds need, with the
window's moments and the groups' ids as parameters. Built at every call, each cost more than
running it: the coercion of 500 ids into bound values, the IN list expanded again at every
execution, and on PostgreSQL a new statement to prepare for every length of it. There the ids
go as one array (``= ANY``), on SQLite as an expanding IN.

Rows read again unchanged at a later tick give the same ``Group`` and ``Meeting`` objects
(mapping the group's JSON columns was a tenth of a steady tick).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, bindparam, false, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Executable

from bot.domain.model import Group, Meeting, MeetingStatus
from bot.domain.schedule import GroupPlan, PlanningNeeds, PlanningWindow, country_in
from storage.mappers import to_group, to_meeting
from storage.prepared import one_of
from storage.tables import ActionItemRow, GroupRow, MeetingRow, SeminarRow
from storage.topics import to_seminar

# Groups and meetings whose mapped objects are kept between ticks; beyond, it starts again.
REMEMBERED = 100_000


@dataclass(frozen=True)
class _Statements:
    candidates: Executable
    groups: Executable
    meetings: Executable | None
    overdue: Executable | None
    seminars: Executable | None


def _statements(postgres: bool, meetings: bool, overdue: bool, seminars: bool) -> _Statements:
    """A tick's statements when the kinds plan from ``meetings``, ``overdue`` items and
    ``seminars`` (each of them or not): the window's moments are the parameters ``since``,
    ``meetings_until``, ``own_until``, ``now`` and ``seminars_until``, the groups ``ids``."""

    def of_chunk(column: Any) -> Any:
        return one_of(column, "ids", BigInteger, postgres)

    scheduled = (MeetingRow.status == MeetingStatus.SCHEDULED.value) & (
        MeetingRow.starts_at > bindparam("since")
    )
    # A group with its own lead times may have posts due further ahead: the candidates tell
    # the groups apart (a join with them), a chunk takes the widest window and the kinds
    # leave what is not due.
    own_leads = or_(
        GroupRow.agenda_lead_minutes.is_not(None), GroupRow.reminder_lead_minutes.is_not(None)
    )
    meetings_due = (
        scheduled
        & or_(
            MeetingRow.starts_at <= bindparam("meetings_until"),
            own_leads & (MeetingRow.starts_at <= bindparam("own_until")),
        )
        if meetings
        else false()
    )
    meetings_widest = scheduled & (MeetingRow.starts_at <= bindparam("own_until"))
    overdue_due = (
        ActionItemRow.closed_at.is_(None) & (ActionItemRow.due_at < bindparam("now"))
        if overdue
        else false()
    )
    seminars_due = (
        (SeminarRow.starts_at > bindparam("since"))
        & (SeminarRow.starts_at <= bindparam("seminars_until"))
        if seminars
        else false()
    )
    active = GroupRow.active.is_(True)
    candidates = (
        select(MeetingRow.group_id)
        .join(GroupRow, GroupRow.id == MeetingRow.group_id)
        .where(active, meetings_due)
        .union(
            select(ActionItemRow.group_id)
            .join(GroupRow, GroupRow.id == ActionItemRow.group_id)
            .where(active, overdue_due),
            select(SeminarRow.group_id)
            .join(GroupRow, GroupRow.id == SeminarRow.group_id)
            .where(active, seminars_due),
        )
    )
    return _Statements(
        candidates=candidates,
        groups=select(*GroupRow.__table__.c).where(of_chunk(GroupRow.id), active),
        meetings=select(*MeetingRow.__table__.c)
        .where(of_chunk(MeetingRow.group_id), meetings_widest)
        .order_by(MeetingRow.starts_at)
        if meetings
        else None,
        overdue=select(ActionItemRow.group_id, func.min(ActionItemRow.due_at))
        .where(of_chunk(ActionItemRow.group_id), overdue_due)
        .group_by(ActionItemRow.group_id)
        if overdue
        else None,
        seminars=select(*SeminarRow.__table__.c)
        .where(of_chunk(SeminarRow.group_id), seminars_due)
        .order_by(SeminarRow.starts_at)
        if seminars
        else None,
    )


_PLACES = select(GroupRow.timezone, GroupRow.country).where(GroupRow.active.is_(True)).distinct()


def _parameters(window: PlanningWindow) -> dict[str, Any]:
    return {
        "since": window.since,
        "meetings_until": window.meetings_until,
        "own_until": window.own_meetings_until,
        "now": window.now,
        "seminars_until": window.seminars_until,
    }


class TickReads:
    """The reads of one scheduler's ticks on one database."""

    def __init__(self, postgres: bool) -> None:
        self._postgres = postgres
        self._built: dict[tuple[bool, bool, bool], _Statements] = {}
        # By id, the row each was read from and what it gave.
        self._groups: dict[int, tuple[Any, Group]] = {}
        self._meetings: dict[int, tuple[Any, Meeting]] = {}

    def _for(self, window: PlanningWindow) -> _Statements:
        shape = (
            window.meetings_until is not None,
            window.earliest_overdue,
            window.seminars_until is not None,
        )
        statements = self._built.get(shape)
        if statements is None:
            statements = self._built[shape] = _statements(self._postgres, *shape)
        return statements

    async def candidates(
        self, session: AsyncSession, now: datetime, needs: PlanningNeeds
    ) -> tuple[PlanningWindow, list[int]]:
        """What to load at ``now``, from the places the active groups are at, and the
        active groups with any of it, by id: the others have nothing due, and 10,000 groups
        are not loaded every tick to learn it."""
        places = {
            (timezone, country_in(timezone, country))
            for timezone, country in await session.execute(_PLACES)
        }
        window = needs.window(now, places)
        result = await session.execute(self._for(window).candidates, _parameters(window))
        return window, sorted(result.scalars())

    async def plans(
        self, session: AsyncSession, chunk: list[int], window: PlanningWindow
    ) -> list[GroupPlan]:
        """What the kinds need to know about these groups in the ``window``. Read as plain
        rows, not ORM objects: a tick reads thousands, and nothing is changed through them."""
        statements = self._for(window)
        parameters = _parameters(window) | {"ids": chunk}
        groups = (await session.execute(statements.groups, parameters)).all()
        meetings: dict[int, list[Meeting]] = {}
        if statements.meetings is not None:
            for row in await session.execute(statements.meetings, parameters):
                meetings.setdefault(row.group_id, []).append(_kept(self._meetings, row, to_meeting))
        earliest: dict[int, datetime] = {}
        if statements.overdue is not None:
            earliest = dict((await session.execute(statements.overdue, parameters)).all())
        seminars: dict[int, list[Any]] = {}
        if statements.seminars is not None:
            for seminar in await session.execute(statements.seminars, parameters):
                seminars.setdefault(seminar.group_id, []).append(to_seminar(seminar))
        return [
            GroupPlan(
                _kept(self._groups, row, to_group),
                tuple(meetings.get(row.id, ())),
                earliest.get(row.id),
                tuple(seminars.get(row.id, ())),
            )
            for row in groups
        ]


def _kept(kept: dict[int, tuple[Any, Any]], row: Any, mapped: Any) -> Any:
    """What ``mapped`` gives for ``row``; the same object as at an earlier tick if the row
    is unchanged."""
    earlier = kept.get(row.id)
    if earlier is not None and earlier[0] == row:
        return earlier[1]
    if len(kept) >= REMEMBERED:
        kept.clear()
    value = mapped(row)
    kept[row.id] = (row, value)
    return value
