"""What the bot says when it posts by itself, composed at sending time from current data.

A queued post names only its kind and meeting; the agenda, reminder, nudge or overdue list is
built when it goes out (or is updated), so it shows what is true then. A post with nothing
left to say (every region has reported, no item is overdue any more, the meeting was moved or
cancelled) composes to None and is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.agenda import Agenda, build_agenda
from bot.domain.i18n import join_words, message
from bot.domain.meetings import meeting_line
from bot.domain.model import Group, Meeting, Mention, is_overdue
from bot.domain.ports import Clock, Transactions, UnitOfWork
from bot.domain.replies import due_phrase
from bot.domain.schedule import OutboxEntry, PostKind
from bot.domain.text import escape_markdown


@dataclass(frozen=True)
class Notice:
    """A post: Markdown text, the agenda when it is one, and the people it @mentions (the text
    holds their ``<at>Name</at>`` markup)."""

    text: str
    agenda: Agenda | None = None
    mentions: tuple[Mention, ...] = ()


class Notices:
    def __init__(self, transactions: Transactions, clock: Clock) -> None:
        self._transactions = transactions
        self._clock = clock

    async def agenda(self, group: Group, meeting: Meeting) -> Agenda:
        async with self._transactions.reading() as uow:
            return await self._agenda(uow, group, meeting)

    async def _agenda(self, uow: UnitOfWork, group: Group, meeting: Meeting) -> Agenda:
        now = self._clock.now()
        return build_agenda(
            group,
            meeting,
            await uow.reports.current(group.id, meeting.id),
            await uow.points.for_meeting(group.id, meeting.id),
            await uow.items.list_open(group.id),
            await uow.meetings.upcoming(group.id, now),
            now,
        )

    async def compose(self, group: Group, entry: OutboxEntry) -> Notice | None:
        async with self._transactions.reading() as uow:
            return await self._compose(uow, group, entry)

    async def _compose(self, uow: UnitOfWork, group: Group, entry: OutboxEntry) -> Notice | None:
        if entry.kind is PostKind.OVERDUE:
            return await self._overdue(uow, group)
        meeting = (
            await uow.meetings.get(group.id, entry.meeting_id)
            if entry.meeting_id is not None
            else None
        )
        if meeting is None:
            return None
        if entry.kind is PostKind.AGENDA:
            agenda = await self._agenda(uow, group, meeting)
            return Notice(text=message(group.language, "agenda_posted"), agenda=agenda)
        if meeting.cancelled or meeting.starts_at.isoformat() != entry.payload.get("starts_at"):
            return None  # moved or cancelled since it was queued: its new posts are planned
        if entry.kind is PostKind.REMINDER:
            return self._reminder(group, meeting)
        return await self._nudge(uow, group, meeting)

    def _reminder(self, group: Group, meeting: Meeting) -> Notice:
        return Notice(
            message(
                group.language,
                "reminder",
                when=self._relative(group, meeting.starts_at),
                meeting=escape_markdown(meeting_line(meeting, group)),
            )
        )

    def _relative(self, group: Group, start: datetime) -> str:
        """ "om 15 minuter", "i dag", "i morgon" or "på torsdag" from now."""
        now = self._clock.now()
        left = start - now
        lang = group.language
        if left <= timedelta(hours=2):
            return message(lang, "in_minutes", minutes=max(1, round(left.total_seconds() / 60)))
        zone = ZoneInfo(group.timezone)
        days = (start.astimezone(zone).date() - now.astimezone(zone).date()).days
        if days == 0:
            return message(lang, "today")
        if days == 1:
            return message(lang, "tomorrow")
        return message(lang, "in_days", days=days)

    async def _nudge(self, uow: UnitOfWork, group: Group, meeting: Meeting) -> Notice | None:
        reported = {r.region for r in await uow.reports.current(group.id, meeting.id)}
        missing = [region for region in group.regions if region not in reported]
        if not missing:
            return None
        return Notice(
            message(
                group.language,
                "nudge",
                regions=join_words([f"**{escape_markdown(r)}**" for r in missing], group.language),
                meeting=escape_markdown(meeting_line(meeting, group)),
                example=missing[0],
            )
        )

    async def _overdue(self, uow: UnitOfWork, group: Group) -> Notice | None:
        now = self._clock.now()
        items = [
            item for item in await uow.items.list_open(group.id) if is_overdue(item, group, now)
        ]
        if not items:
            return None
        lines = [message(group.language, "overdue_heading")]
        mentions = []
        for item in items:
            owner = escape_markdown(item.owner_name or "")
            if item.owner_id and item.owner_name:
                mention = Mention(item.owner_id, item.owner_name, f"<at>{item.owner_name}</at>")
                if mention not in mentions:
                    mentions.append(mention)
                owner = mention.markup
            values = {
                "number": item.number,
                "text": escape_markdown(item.text),
                "due": due_phrase(item, group) or "",
            }
            key = "overdue_line_owner" if owner else "overdue_line"
            lines.append(message(group.language, key, owner=owner, **values))
        lines.append(message(group.language, "overdue_footer"))
        return Notice("\n\n".join(lines), mentions=tuple(mentions))
