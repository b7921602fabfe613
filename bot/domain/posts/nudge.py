"""The report nudge: the working day before a meeting at 09:00, a group with regions is told
which of them have not yet reported, the person who reports for each (``rapportör``)
@mentioned; once every region has, it has nothing to say.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain import schedule
from bot.domain.i18n import join_words, message
from bot.domain.meetings import meeting_line
from bot.domain.model import Group, Meeting, Mention
from bot.domain.notice import Notice
from bot.domain.posts.base import MeetingKind, NoticeRepositories, unchanged_meeting
from bot.domain.schedule import DAY, LeadTimes, OutboxEntry, PlannedPost, PostKind, stamp
from bot.domain.text import escape_markdown


class NudgeKind(MeetingKind):
    name = PostKind.NUDGE

    def leads_before(self, leads: LeadTimes) -> tuple[timedelta, ...]:
        return (DAY,)

    def meeting_posts(self, group: Group, meeting: Meeting, leads: LeadTimes) -> list[PlannedPost]:
        if not group.regions:
            return []
        start = meeting.starts_at
        zone = ZoneInfo(group.timezone)
        due = schedule.post_time(start, DAY, zone, schedule.country_of(group))
        if not meeting.updated_at <= due < start:
            return []  # planned too late for a nudge to help
        return [self.post(f"nudge:{meeting.id}:{stamp(start)}", group, meeting, due, start)]

    async def compose(
        self, data: NoticeRepositories, group: Group, entry: OutboxEntry, now: datetime
    ) -> Notice | None:
        meeting = await unchanged_meeting(data, group, entry)
        if meeting is None:
            return None
        reported = {r.region for r in await data.reports.current(group.id, meeting.id)}
        missing = [region for region in group.regions if region not in reported]
        if not missing:
            return None
        named: list[str] = []
        mentions: list[Mention] = []
        for region in missing:
            shown = f"**{escape_markdown(region)}**"
            person = group.reporters.get(region)
            if person is not None:
                mention = Mention(person.teams_id, person.name, f"<at>{person.name}</at>")
                if mention not in mentions:
                    mentions.append(mention)
                shown = message(
                    group.language, "nudge_region_reporter", region=shown, reporter=mention.markup
                )
            named.append(shown)
        return Notice(
            message(
                group.language,
                "nudge",
                regions=join_words(named, group.language),
                meeting=escape_markdown(meeting_line(meeting, group)),
                example=missing[0],
            ),
            mentions=tuple(mentions),
        )


KIND = NudgeKind()
