"""The Protocols the services need from the outside world.

``storage/`` implements the repositories over SQL; tests may implement them in memory. A
clock is injected everywhere time matters, so tests move time instead of sleeping.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

from bot.domain.model import ActionItem, ActionItemDraft, ConversationAddress, Group, GroupDefaults


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


class ActionItemRepository(Protocol):
    async def add(self, group_id: int, draft: ActionItemDraft, now: datetime) -> ActionItem:
        """Store a new item with the group's next number; numbers are never reused."""
        ...

    async def list_open(self, group_id: int) -> list[ActionItem]: ...


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
