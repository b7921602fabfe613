"""Roles and the audit log over SQL (the ``RoleRepository`` and ``AuditLog`` ports).

A role lives on the member row. Someone given a role by @mention before the bot has seen them
write gets a row keyed by their Teams id; ``RoleHolder.is_actor`` matches them by either id
once they do write.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select, update

from bot.domain.model import Actor, AuditEntry, AuditNote, Role, RoleHolder
from bot.domain.text import fold
from storage.repositories import _Repository
from storage.tables import AuditRow, MemberRow


class SqlRoleRepository(_Repository):
    async def holders(self, group_id: int) -> list[RoleHolder]:
        rows = await self._session.execute(
            select(MemberRow)
            .where(MemberRow.group_id == group_id, MemberRow.role != Role.MEMBER.value)
            .order_by(MemberRow.role)
        )
        return [
            RoleHolder(row.user_id, row.teams_id, row.name, Role(row.role))
            for row in rows.scalars()
        ]

    async def set_role(self, group_id: int, person: Actor, role: Role, now: datetime) -> None:
        ids = {person.id, person.teams_id} - {None}
        session = self._session
        if role is not Role.MEMBER:  # one chair, one secretary
            await session.execute(
                update(MemberRow)
                .where(MemberRow.group_id == group_id, MemberRow.role == role.value)
                .values(role=Role.MEMBER.value)
            )
        rows = (
            (
                await session.execute(
                    select(MemberRow).where(
                        MemberRow.group_id == group_id,
                        or_(MemberRow.user_id.in_(ids), MemberRow.teams_id.in_(ids)),
                    )
                )
            )
            .scalars()
            .all()
        )
        for row in rows:
            row.role = role.value
        if not rows:
            session.add(
                MemberRow(
                    group_id=group_id,
                    user_id=person.id,
                    teams_id=person.teams_id,
                    name=person.name,
                    role=role.value,
                    created_at=now,
                    last_seen_at=now,
                )
            )

    async def member_named(self, group_id: int, name: str) -> Actor | None:
        wanted = fold(" ".join(name.split()))
        rows = await self._session.execute(
            select(MemberRow)
            .where(MemberRow.group_id == group_id)
            .order_by(MemberRow.last_seen_at.desc())
        )
        for row in rows.scalars():
            if wanted in (fold(row.name), fold(row.name).split(" ", 1)[0]):
                return Actor(row.user_id, row.name, teams_id=row.teams_id)
        return None


class SqlAuditLog(_Repository):
    async def add(self, group_id: int, actor: Actor, entry: AuditNote, now: datetime) -> None:
        self._session.add(
            AuditRow(
                group_id=group_id,
                at=now,
                actor_id=actor.id,
                actor_name=actor.name,
                action=entry.action,
                detail=entry.detail,
            )
        )

    async def latest(self, group_id: int, limit: int) -> list[AuditEntry]:
        rows = await self._session.execute(
            select(AuditRow)
            .where(AuditRow.group_id == group_id)
            .order_by(AuditRow.at.desc(), AuditRow.id.desc())
            .limit(limit)
        )
        return [
            AuditEntry(row.at, row.actor_name, row.action, dict(row.detail))
            for row in rows.scalars()
        ]
