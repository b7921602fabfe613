"""What the bot says when it posts by itself, composed at sending time from current data.

A queued post names only its kind and meeting; the kind's module in ``bot.domain.posts``
builds the agenda, reminder, nudge or overdue list when it goes out (or is updated), so it
shows what is true then. A post with nothing left to say composes to None and is skipped; a
kind the registry does not know raises ``UnknownPostKind``. This is the service the app wires
up: a reading unit of work, the clock and the public URL (for links), handed to the kinds.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.domain import posts
from bot.domain.agenda import Agenda
from bot.domain.model import Group, Meeting
from bot.domain.notice import Notice
from bot.domain.ports import Clock, Transactions
from bot.domain.posts.agenda import current_agenda
from bot.domain.posts.base import NoticeRepositories
from bot.domain.proceedings import MinutesView
from bot.domain.schedule import OutboxEntry

__all__ = ["Notice", "Notices"]


# How a stored minutes version is drawn as a card (the edge's, with its links).
MinutesCard = Callable[[MinutesView], dict[str, object]]


class Notices:
    def __init__(
        self,
        transactions: Transactions,
        clock: Clock,
        public_url: str = "",
        minutes_card: MinutesCard | None = None,
    ) -> None:
        self._transactions = transactions
        self._clock = clock
        self._public_url = public_url
        self._minutes_card = minutes_card

    async def agenda(self, group: Group, meeting: Meeting) -> Agenda:
        async with self._transactions.reading() as uow:
            data = NoticeRepositories.of(uow, self._public_url)
            return await current_agenda(data, group, meeting, self._clock.now())

    async def next_agenda(self, group: Group) -> Agenda | None:
        """The agenda of the group's next (or ongoing) meeting, read in one unit of work; None
        if no meeting is planned."""
        now = self._clock.now()
        async with self._transactions.reading() as uow:
            upcoming = await uow.meetings.upcoming(group.id, now)
            if not upcoming:
                return None
            data = NoticeRepositories.of(uow, self._public_url)
            return await current_agenda(data, group, upcoming[0], now, upcoming)

    async def compose(self, group: Group, entry: OutboxEntry) -> Notice | None:
        now, kind = self._clock.now(), posts.kind_named(entry.kind)
        if not kind.writes:
            async with self._transactions.reading() as uow:
                return await kind.compose_in(uow, self._public_url, group, entry, now)
        async with self._transactions.writing() as uow:
            notice = await kind.compose_in(uow, self._public_url, group, entry, now)
            await uow.commit(handles_activity=False)
        if notice is not None and isinstance(notice.card, MinutesView) and self._minutes_card:
            # The minutes go out as their card (download links, the Justera button).
            notice = Notice(notice.text, card=self._minutes_card(notice.card))
        return notice
