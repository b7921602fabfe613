"""Reminders of a seminar: a week before (09:00 on that weekday, or the working day before it
if that is a holiday) and the working day before at 09:00, each useful until the next one is
due, the last until the seminar starts. The lead times are the series' own, not the group's
meeting reminders.

A reminder whose time had passed when the seminar was added is never sent; one of a seminar
removed since it was queued has nothing to say (removing also drops its unsent posts:
``UnitOfWork.posts_replanned``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain import schedule
from bot.domain.i18n import message
from bot.domain.model import Group, Seminar
from bot.domain.notice import Notice
from bot.domain.posts.base import Kind, Needs, NoticeRepositories
from bot.domain.posts.reminder import relative
from bot.domain.schedule import (
    DAY,
    POST_HOUR,
    GroupPlan,
    LeadTimes,
    OutboxEntry,
    PlannedPost,
    PostKind,
    stamp,
)
from bot.domain.seminars import seminar_when
from bot.domain.text import escape_markdown

WEEK = timedelta(days=7)
# How far ahead a seminar can have a reminder due: a week, and a holiday week before that.
REACH = WEEK + timedelta(days=12)


def reminder_times(group: Group, seminar: Seminar) -> list[datetime]:
    """When the seminar's reminders go out, in UTC, soonest first."""
    zone = ZoneInfo(group.timezone)
    country = schedule.country_of(group)
    start = seminar.starts_at
    # The same weekday a week before, or the last working day before it.
    week_day = schedule.working_days_before(start.astimezone(zone).date() - WEEK + DAY, 1, country)
    week = datetime.combine(week_day, POST_HOUR, zone).astimezone(start.tzinfo)
    day = schedule.post_time(start, DAY, zone, country)
    return sorted({week, day})


class SeminarKind(Kind):
    name = PostKind.SEMINAR

    def needs(self, leads: LeadTimes) -> Needs:
        return Needs(seminars_ahead=REACH)

    def plan(self, plan: GroupPlan, leads: LeadTimes, now: datetime) -> list[PlannedPost]:
        return [
            post for seminar in plan.seminars for post in self.seminar_posts(plan.group, seminar)
        ]

    def seminar_posts(self, group: Group, seminar: Seminar) -> list[PlannedPost]:
        start = seminar.starts_at
        times = reminder_times(group, seminar)
        posts = []
        for index, due in enumerate(times):
            expires = times[index + 1] if index + 1 < len(times) else start
            if due < seminar.created_at or due >= expires:
                continue  # its time had passed when the seminar was added
            key = f"seminar:{seminar.id}:{stamp(start)}:{stamp(due)}"
            payload: dict[str, object] = {"seminar": seminar.id, "starts_at": start.isoformat()}
            posts.append(PlannedPost(key, self.name, group.id, None, due, expires, payload))
        return posts

    async def compose(
        self, data: NoticeRepositories, group: Group, entry: OutboxEntry, now: datetime
    ) -> Notice | None:
        seminar_id = entry.payload.get("seminar")
        if not isinstance(seminar_id, int):
            return None
        seminar = await data.seminars.get(group.id, seminar_id)
        if seminar is None or seminar.starts_at.isoformat() != entry.payload.get("starts_at"):
            return None  # removed since it was queued
        lang = group.language
        zone = ZoneInfo(group.timezone)
        days = (seminar.starts_at.astimezone(zone).date() - now.astimezone(zone).date()).days
        when = message(lang, "in_a_week") if days == 7 else relative(group, seminar.starts_at, now)
        return Notice(
            message(
                lang,
                "seminar_reminder",
                when=when,
                day=seminar_when(seminar, group),
                topic=f": {escape_markdown(seminar.topic)}" if seminar.topic else "",
                unit=escape_markdown(seminar.unit),
            )
        )


KIND = SeminarKind()
