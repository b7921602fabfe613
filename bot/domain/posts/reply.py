"""A reply the bot could not deliver during its turn (the connector kept refusing it), queued to
be sent later in the same conversation, thread included, as it was written.

It is not planned: the edge queues it (``queued_reply``) when the turn's retries run out. It
stays useful for a day; after that a late answer would confuse more than it helps.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.domain.model import Group
from bot.domain.notice import Notice
from bot.domain.posts.base import Kind, Needs, NoticeRepositories
from bot.domain.schedule import GroupPlan, LeadTimes, OutboxEntry, PlannedPost, PostKind

USEFUL_FOR = timedelta(days=1)


class ReplyKind(Kind):
    name = PostKind.REPLY.value
    planned = False

    def needs(self, leads: LeadTimes) -> Needs:
        return Needs()

    def plan(self, plan: GroupPlan, leads: LeadTimes, now: datetime) -> list[PlannedPost]:
        return []

    async def compose(
        self, data: NoticeRepositories, group: Group, entry: OutboxEntry, now: datetime
    ) -> Notice | None:
        text, card = entry.payload.get("text"), entry.payload.get("card")
        thread = entry.payload.get("conversation")
        if not isinstance(text, str) or not (card is None or isinstance(card, dict)):
            return None
        return Notice(text, card=card, thread=thread if isinstance(thread, str) else None)


def queued_reply(
    group: Group, key: str, text: str, card: dict | None, conversation: str, now: datetime
) -> PlannedPost:
    """The outbox entry of a reply not delivered in its turn: due at once."""
    payload: dict[str, object] = {"text": text, "card": card, "conversation": conversation}
    return PlannedPost(key, KIND.name, group.id, None, now, now + USEFUL_FOR, payload)


KIND = ReplyKind()
