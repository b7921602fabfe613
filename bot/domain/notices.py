"""What the bot says when it posts by itself, composed at sending time from current data.

A queued post names only its kind and meeting; the kind's module in ``bot.domain.posts``
builds the agenda, reminder, nudge or overdue list when it goes out (or is updated), so it
shows what is true then. A post with nothing left to say composes to None and is skipped; a
kind the registry does not know raises ``UnknownPostKind``. This is the service the app wires
up: the repositories and the clock, handed to the kinds.
"""

from __future__ import annotations

from bot.domain import posts
from bot.domain.agenda import Agenda
from bot.domain.model import Group, Meeting
from bot.domain.notice import Notice
from bot.domain.ports import Clock
from bot.domain.posts.agenda import current_agenda
from bot.domain.posts.base import NoticeRepositories
from bot.domain.schedule import OutboxEntry

__all__ = ["Notice", "NoticeRepositories", "Notices"]


class Notices:
    def __init__(self, repositories: NoticeRepositories, clock: Clock) -> None:
        self._repos = repositories
        self._clock = clock

    async def agenda(self, group: Group, meeting: Meeting) -> Agenda:
        return await current_agenda(self._repos, group, meeting, self._clock.now())

    async def compose(self, group: Group, entry: OutboxEntry) -> Notice | None:
        return await posts.compose(self._repos, group, entry, self._clock.now())
