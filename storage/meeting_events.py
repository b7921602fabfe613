"""Meeting events' storage: a Teams meeting linked to the group's meeting it is, and a meeting
chat linked to its group (``koppla``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.domain.model import TeamsMeetingLink
from storage.repositories import _Repository
from storage.tables import MeetingChatLinkRow, TeamsMeetingRow
from storage.upsert import insert_for


class SqlTeamsMeetingRepository(_Repository):
    async def meeting_of(self, teams_meeting_id: str) -> TeamsMeetingLink | None:
        row = await self._session.scalar(
            select(TeamsMeetingRow)
            .where(TeamsMeetingRow.teams_meeting_id == teams_meeting_id)
            .execution_options(populate_existing=True)
        )
        return TeamsMeetingLink(row.group_id, row.meeting_id, row.opened) if row else None

    async def link(self, teams_meeting_id: str, link: TeamsMeetingLink, now: datetime) -> None:
        session = self._session
        values = {"group_id": link.group_id, "meeting_id": link.meeting_id, "opened": link.opened}
        await session.execute(
            insert_for(session, TeamsMeetingRow)
            .values(teams_meeting_id=teams_meeting_id, created_at=now, **values)
            .on_conflict_do_update(index_elements=["teams_meeting_id"], set_=values)
        )

    async def chat_group(self, chat_key: str) -> int | None:
        return await self._session.scalar(
            select(MeetingChatLinkRow.group_id).where(MeetingChatLinkRow.chat_key == chat_key)
        )

    async def link_chat(self, chat_key: str, group_id: int, by: str, now: datetime) -> None:
        session = self._session
        await session.execute(
            insert_for(session, MeetingChatLinkRow)
            .values(chat_key=chat_key, group_id=group_id, linked_by=by, created_at=now)
            .on_conflict_do_update(
                index_elements=["chat_key"],
                set_={"group_id": group_id, "linked_by": by, "created_at": now},
            )
        )
