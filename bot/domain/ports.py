"""The Protocols the services need from the outside world.

``storage/`` implements the repositories over SQL; tests may implement them in memory. A
clock is injected everywhere time matters, so tests move time instead of sleeping.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

from bot.domain.model import (
    ActionItem,
    ActionItemDraft,
    Actor,
    AgendaPoint,
    ConversationAddress,
    Decision,
    Group,
    GroupDefaults,
    Meeting,
    Section,
    StatusReport,
)


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class GroupRepository(Protocol):
    async def get(self, group_id: int) -> Group | None: ...

    async def get_by_key(self, key: str) -> Group | None: ...

    async def remember(
        self, address: ConversationAddress, defaults: GroupDefaults, now: datetime
    ) -> tuple[Group, bool]:
        """Create the group for ``address`` or refresh where it is; True if it was created."""
        ...

    async def set_regions(self, group_id: int, regions: list[str], now: datetime) -> Group: ...


class MemberRepository(Protocol):
    async def seen(self, group_id: int, actor: Actor, now: datetime) -> None:
        """Note that ``actor`` spoke in the group (cheap when nothing changed)."""
        ...

    async def latest_group_of(self, user_id: str) -> int | None:
        """The group the user was last seen in, for commands sent in a 1:1 chat."""
        ...


class MeetingRepository(Protocol):
    async def add(
        self,
        group_id: int,
        starts_at: datetime,
        ends_at: datetime,
        place: str | None,
        now: datetime,
    ) -> Meeting: ...

    async def upcoming(self, group_id: int, now: datetime) -> list[Meeting]:
        """Scheduled meetings not yet over (the ongoing one first), soonest first."""
        ...


class StatusReportRepository(Protocol):
    async def add(
        self,
        group_id: int,
        meeting_id: int | None,
        region: str,
        text: str,
        author: Actor,
        now: datetime,
    ) -> tuple[StatusReport, StatusReport | None]:
        """Store a report; the region's current one for that meeting is superseded (kept)."""
        ...

    async def current(self, group_id: int, meeting_id: int | None) -> list[StatusReport]:
        """The region's latest reports for a meeting (None: the not yet scheduled one)."""
        ...


class ActionItemRepository(Protocol):
    async def add(self, group_id: int, draft: ActionItemDraft, now: datetime) -> ActionItem:
        """Store a new item with the group's next number; numbers are never reused."""
        ...

    async def get(self, group_id: int, number: int) -> ActionItem | None: ...

    async def list_open(self, group_id: int) -> list[ActionItem]: ...

    async def list_all(self, group_id: int) -> list[ActionItem]: ...

    async def close(
        self, group_id: int, number: int, by: str, now: datetime
    ) -> tuple[ActionItem | None, bool]:
        """Close an open item; the item (None if unknown) and whether this call closed it."""
        ...

    async def update(self, group_id: int, number: int, **changes: object) -> ActionItem | None:
        """Change text, owner_name, owner_id or due_at of an item."""
        ...


class DecisionRepository(Protocol):
    async def add(
        self, group_id: int, meeting_id: int | None, text: str, by: str, now: datetime
    ) -> Decision: ...


class AgendaPointRepository(Protocol):
    async def add(
        self,
        group_id: int,
        meeting_id: int | None,
        section: Section,
        text: str,
        by: str,
        now: datetime,
    ) -> AgendaPoint: ...


class ActivityJournal(Protocol):
    """Remembers which inbound activities were handled, so a resent one is handled once."""

    async def first_seen(self, key: str, now: datetime) -> bool:
        """Record ``key``; True only for the first caller, across processes."""
        ...

    async def forget(self, key: str) -> None:
        """Undo ``first_seen`` for an activity whose handling failed, so a resend is handled."""
        ...

    async def prune(self, before: datetime) -> int:
        """Drop keys first seen before ``before`` (Teams resends within minutes); how many."""
        ...
