"""Overdue action items: at 09:00 on each working day, a group with an open item whose due day
is over is shown the list, its owners @mentioned; useful until midnight. Once none is overdue
any more, or the group has turned the post off (``inställningar försenade av``), it has
nothing to say.
"""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.domain.i18n import message
from bot.domain.model import Group, Mention, day_over, is_overdue
from bot.domain.notice import Notice
from bot.domain.posts.base import Kind, Needs, NoticeRepositories
from bot.domain.replies import due_phrase
from bot.domain.schedule import (
    DAY,
    POST_HOUR,
    GroupPlan,
    LeadTimes,
    OutboxEntry,
    PlannedPost,
    PostKind,
    country_of,
    is_working_day,
)
from bot.domain.text import escape_markdown


def overdue_post(group: Group, now: datetime) -> PlannedPost | None:
    """Today's overdue-items post (09:00 on working days), for a group with overdue items."""
    zone = ZoneInfo(group.timezone)
    today = now.astimezone(zone).date()
    if not is_working_day(today, country_of(group)):
        return None
    return PlannedPost(
        key=f"overdue:{group.id}:{today.isoformat()}",
        kind=PostKind.OVERDUE,
        group_id=group.id,
        meeting_id=None,
        due_at=datetime.combine(today, POST_HOUR, zone).astimezone(now.tzinfo),
        expires_at=datetime.combine(today + DAY, time(0, 0), zone).astimezone(now.tzinfo),
        payload={"day": today.isoformat()},
    )


class OverdueKind(Kind):
    name = PostKind.OVERDUE

    def needs(self, leads: LeadTimes) -> Needs:
        return Needs(earliest_overdue=True)

    def plan(self, plan: GroupPlan, leads: LeadTimes, now: datetime) -> list[PlannedPost]:
        if not plan.group.overdue_posts:
            return []
        if plan.earliest_due is None or not day_over(plan.earliest_due, plan.group, now):
            return []
        post = overdue_post(plan.group, now)
        return [post] if post is not None else []

    async def compose(
        self, data: NoticeRepositories, group: Group, entry: OutboxEntry, now: datetime
    ) -> Notice | None:
        if not group.overdue_posts:  # turned off after it was queued
            return None
        items = [
            item for item in await data.items.list_open(group.id) if is_overdue(item, group, now)
        ]
        if not items:
            return None
        lines = [message(group.language, "overdue_heading")]
        mentions: list[Mention] = []
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


KIND = OverdueKind()
