"""Attendance, running notes and minutes versions over SQL (the ``AttendanceRepository``,
``NoteRepository`` and ``MinutesRepository`` ports).

Names are matched folded (``bot.domain.text.fold``: accents and case aside), so "asa oberg"
marks the roster's "Åsa Öberg". An approved minutes version is locked here too: ``approve``
stamps only a row not yet approved, and nothing else updates the table but ``new_token``
(revoking the group's links changes the secret, never the minutes). The archive
(``SqlMinutesArchiveRepository``) is insert-only: the first PDF/A stored for a version stays.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update

from bot.domain.model import Attendance, MeetingNote, MinutesArchive, MinutesVersion
from bot.domain.text import fold, name_order
from storage.prepared import table
from storage.repositories import _Repository, lock_group
from storage.tables import (
    AttendanceRow,
    MeetingNoteRow,
    MemberRow,
    MinutesArchiveRow,
    MinutesVersionRow,
    RosterNameRow,
)
from storage.upsert import insert_for


def folded_name(name: str) -> str:
    return fold(" ".join(name.split()))


class SqlAttendanceRepository(_Repository):
    async def roster(self, group_id: int, as_of: datetime | None = None) -> list[str]:
        members_query = select(MemberRow.name).where(MemberRow.group_id == group_id)
        added_query = select(RosterNameRow.name).where(RosterNameRow.group_id == group_id)
        if as_of is not None:
            members_query = members_query.where(MemberRow.created_at <= as_of)
            added_query = added_query.where(RosterNameRow.created_at <= as_of)
        members = await self._session.scalars(members_query)
        added = await self._session.scalars(added_query)
        names: dict[str, str] = {}
        for name in [*members, *added]:
            names.setdefault(folded_name(name), name)
        return sorted(names.values(), key=name_order)

    async def add_to_roster(self, group_id: int, name: str, by: str, now: datetime) -> None:
        session = self._session
        await session.execute(
            insert_for(session, RosterNameRow)
            .values(
                group_id=group_id, name=name, folded=folded_name(name), added_by=by, created_at=now
            )
            .on_conflict_do_nothing(index_elements=["group_id", "folded"])
        )

    async def remove_from_roster(self, group_id: int, name: str) -> str | None:
        removed = await self._session.execute(
            delete(RosterNameRow)
            .where(RosterNameRow.group_id == group_id, RosterNameRow.folded == folded_name(name))
            .returning(RosterNameRow.name)
        )
        return removed.scalar()

    async def mark(
        self, group_id: int, meeting_id: int, name: str, present: bool, by: str, now: datetime
    ) -> None:
        session = self._session
        await session.execute(
            insert_for(session, AttendanceRow)
            .values(
                group_id=group_id,
                meeting_id=meeting_id,
                name=name,
                folded=folded_name(name),
                present=present,
                marked_by=by,
                marked_at=now,
            )
            .on_conflict_do_update(
                index_elements=["meeting_id", "folded"],
                set_={"name": name, "present": present, "marked_by": by, "marked_at": now},
            )
        )

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[Attendance]:
        rows = await self._session.scalars(
            select(AttendanceRow)
            .where(AttendanceRow.group_id == group_id, AttendanceRow.meeting_id == meeting_id)
            .order_by(AttendanceRow.id)
            .execution_options(populate_existing=True)
        )
        return [Attendance(row.name, row.present, row.marked_by, row.marked_at) for row in rows]


class SqlNoteRepository(_Repository):
    async def add(
        self, group_id: int, meeting_id: int, part: str, text: str, by: str, now: datetime
    ) -> MeetingNote:
        row = MeetingNoteRow(
            group_id=group_id,
            meeting_id=meeting_id,
            part=part,
            text=text,
            created_by=by,
            created_at=now,
        )
        self._session.add(row)
        await self._session.flush()
        return _note(row)

    async def for_meeting(self, group_id: int, meeting_id: int) -> list[MeetingNote]:
        rows = await self._session.scalars(
            select(MeetingNoteRow)
            .where(MeetingNoteRow.group_id == group_id, MeetingNoteRow.meeting_id == meeting_id)
            .order_by(MeetingNoteRow.id)
        )
        return [_note(row) for row in rows]


class SqlMinutesRepository(_Repository):
    async def add(
        self,
        group_id: int,
        meeting_id: int,
        content: dict[str, Any],
        by: str,
        token: str,
        now: datetime,
    ) -> MinutesVersion:
        session = self._session
        # Two writers building a version at once queue here rather than take one number.
        await lock_group(session, group_id)
        last = await session.scalar(
            select(func.max(MinutesVersionRow.number)).where(
                MinutesVersionRow.meeting_id == meeting_id
            )
        )
        row = MinutesVersionRow(
            group_id=group_id,
            meeting_id=meeting_id,
            number=(last or 0) + 1,
            content=content,
            created_by=by,
            created_at=now,
            token=token,
        )
        session.add(row)
        await session.flush()
        return _version(row)

    async def versions(self, group_id: int, meeting_id: int) -> list[MinutesVersion]:
        rows = await self._session.execute(
            _VERSIONS, {"group_id": group_id, "meeting_id": meeting_id}
        )
        return [_version(row) for row in rows]

    async def approve(
        self, group_id: int, meeting_id: int, number: int, by: str, now: datetime
    ) -> MinutesVersion | None:
        stamped = await self._session.execute(
            update(MinutesVersionRow)
            .where(
                MinutesVersionRow.group_id == group_id,
                MinutesVersionRow.meeting_id == meeting_id,
                MinutesVersionRow.number == number,
                MinutesVersionRow.approved_at.is_(None),
            )
            .values(approved_by=by, approved_at=now)
            .returning(MinutesVersionRow.id)
        )
        row_id = stamped.scalar()
        if row_id is None:
            return None
        row = await self._session.get(MinutesVersionRow, row_id, populate_existing=True)
        assert row is not None
        return _version(row)

    async def by_token(self, token: str) -> MinutesVersion | None:
        row = await self._session.scalar(
            select(MinutesVersionRow).where(MinutesVersionRow.token == token)
        )
        return _version(row) if row else None

    async def of_group(self, group_id: int) -> list[MinutesVersion]:
        rows = await self._session.scalars(
            select(MinutesVersionRow)
            .where(MinutesVersionRow.group_id == group_id)
            .order_by(MinutesVersionRow.meeting_id, MinutesVersionRow.number)
            .execution_options(populate_existing=True)
        )
        return [_version(row) for row in rows]

    async def new_token(self, version_id: int, token: str) -> None:
        await self._session.execute(
            update(MinutesVersionRow).where(MinutesVersionRow.id == version_id).values(token=token)
        )


class SqlMinutesArchiveRepository(_Repository):
    async def add(self, archive: MinutesArchive) -> MinutesArchive:
        session = self._session
        await session.execute(
            insert_for(session, MinutesArchiveRow)
            .values(
                group_id=archive.group_id,
                version_id=archive.version_id,
                pdf=archive.pdf,
                sha256=archive.sha256,
                sidecar=archive.sidecar,
                created_at=archive.created_at,
            )
            .on_conflict_do_nothing(index_elements=["version_id"])
        )
        stored = await self.get(archive.version_id)
        assert stored is not None
        return stored

    async def get(self, version_id: int) -> MinutesArchive | None:
        row = await self._session.scalar(
            select(MinutesArchiveRow)
            .where(MinutesArchiveRow.version_id == version_id)
            .execution_options(populate_existing=True)
        )
        if row is None:
            return None
        return MinutesArchive(
            version_id=row.version_id,
            group_id=row.group_id,
            pdf=bytes(row.pdf),
            sha256=row.sha256,
            sidecar=dict(row.sidecar),
            created_at=row.created_at,
        )


def _note(row: MeetingNoteRow) -> MeetingNote:
    return MeetingNote(
        row.id, row.group_id, row.meeting_id, row.part, row.text, row.created_by, row.created_at
    )


def _version(row: MinutesVersionRow) -> MinutesVersion:
    return MinutesVersion(
        id=row.id,
        group_id=row.group_id,
        meeting_id=row.meeting_id,
        number=row.number,
        content=dict(row.content),
        created_by=row.created_by,
        created_at=row.created_at,
        token=row.token,
        approved_by=row.approved_by,
        approved_at=row.approved_at,
    )


_MINUTES = table(MinutesVersionRow)
_VERSIONS = (
    select(_MINUTES)
    .where(
        _MINUTES.c.group_id == bindparam("group_id"),
        _MINUTES.c.meeting_id == bindparam("meeting_id"),
    )
    .order_by(_MINUTES.c.number)
)
