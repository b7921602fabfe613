"""What the bot says when it posts by itself, composed at sending time from current data.

A queued post names only its kind and meeting; the kind's module in ``bot.domain.posts``
builds the agenda, reminder, nudge or overdue list when it goes out (or is updated), so it
shows what is true then. A post with nothing left to say composes to None and is skipped; a
kind the registry does not know raises ``UnknownPostKind``. This is the service the app wires
up: a reading unit of work and the clock, handed to the kinds.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.domain import posts
from bot.domain.agenda import Agenda
from bot.domain.model import Group, Meeting
from bot.domain.notice import Notice
from bot.domain.ports import Clock, Transactions
from bot.domain.posts.agenda import current_agenda
from bot.domain.proceedings import MinutesView
from bot.domain.schedule import OutboxEntry

__all__ = ["Notice", "Notices"]


# How a stored minutes version reads as a Teams message (the edge's, with its links).
MinutesText = Callable[[MinutesView], str]


class Notices:
    def __init__(
        self, transactions: Transactions, clock: Clock, minutes_text: MinutesText | None = None
    ) -> None:
        self._transactions = transactions
        self._clock = clock
        self._minutes_text = minutes_text

    async def agenda(self, group: Group, meeting: Meeting) -> Agenda:
        async with self._transactions.reading() as uow:
            return await current_agenda(uow, group, meeting, self._clock.now())

    async def compose(self, group: Group, entry: OutboxEntry) -> Notice | None:
        if not posts.kind_named(entry.kind).writes:
            async with self._transactions.reading() as uow:
                return await posts.compose(uow, group, entry, self._clock.now())
        async with self._transactions.writing() as uow:
            notice = await posts.compose(uow, group, entry, self._clock.now())
            await uow.commit(handles_activity=False)
        if notice is not None and isinstance(notice.card, MinutesView):
            # The minutes go out as text (with their download links), after the kind's line.
            view = notice.card
            body = self._minutes_text(view) if self._minutes_text else ""
            notice = Notice("\n\n".join(part for part in (notice.text, body) if part))
        return notice
