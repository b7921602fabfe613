"""Plain-text replies for captured things, in the group's language.

Everything a user wrote is escaped before it goes into a Teams message (which renders
Markdown); the cards in ``bot/cards.py`` show it as plain text runs instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.domain.capture import ReportOverview, SavedReport
from bot.domain.i18n import format_day, format_when, join_words, message
from bot.domain.meetings import Scheduled, meeting_line
from bot.domain.model import (
    ActionItem,
    AgendaPoint,
    Decision,
    Group,
    Meeting,
    Refusal,
    Section,
    StatusReport,
)
from bot.domain.regions import regions_with_aliases
from bot.domain.text import escape_markdown


def local(moment: datetime, group: Group) -> datetime:
    return moment.astimezone(ZoneInfo(group.timezone))


def meeting_phrase(meeting: Meeting | None, group: Group) -> str:
    """ "inför mötet måndag 23 november kl. 13.00" or "inför nästa möte, som inte är planerat"."""
    if meeting is None:
        return message(group.language, "for_unplanned_meeting")
    return message(
        group.language,
        "for_meeting",
        when=format_when(local(meeting.starts_at, group), group.language),
    )


def due_phrase(item: ActionItem, group: Group) -> str | None:
    if item.due_at is None:
        return None
    return _due_phrase(item.due_at, group.timezone, group.language)


@lru_cache(maxsize=1024)
def _due_phrase(due_at: datetime, timezone: str, language: str) -> str:
    # Lists and agendas show hundreds of items, most due on a handful of days.
    due = due_at.astimezone(ZoneInfo(timezone))
    with_time = (due.hour, due.minute) != (0, 0)
    return format_when(due, language, with_time=with_time)


def report_saved(saved: SavedReport | Refusal, group: Group) -> str:
    """The answer to a report: saved (and what it replaced), or why it was not."""
    if isinstance(saved, Refusal):
        return saved.text(group.language)
    values = {"region": saved.report.region, "meeting": meeting_phrase(saved.meeting, group)}
    if saved.replaced is None:
        return message(group.language, "report_saved", **values)
    previous = f"{saved.replaced.author_name} " + format_when(
        local(saved.replaced.created_at, group), group.language
    )
    return message(group.language, "report_replaced", previous=previous, **values)


def report_overview(overview: ReportOverview, group: Group) -> str:
    if not group.regions:
        return message(group.language, "no_regions")
    lines = [
        message(group.language, "reports_heading", meeting=meeting_phrase(overview.meeting, group))
    ]
    for region, report in overview.rows:
        if report is None:
            lines.append(message(group.language, "reports_line_missing", region=region))
        else:
            when = format_when(local(report.created_at, group), group.language)
            lines.append(
                message(
                    group.language,
                    "reports_line_done",
                    region=region,
                    author=report.author_name,
                    when=when,
                )
            )
    return "\n\n".join(lines)


def full_report(
    region: str, report: StatusReport | None, meeting: Meeting | None, group: Group
) -> str:
    """One region's whole report for the next meeting, as written."""
    when = meeting_phrase(meeting, group)
    if report is None:
        return message(group.language, "report_none", region=escape_markdown(region), meeting=when)
    heading = message(
        group.language,
        "report_full",
        region=escape_markdown(region),
        meeting=when,
        author=escape_markdown(report.author_name),
    )
    return f"{heading}\n\n{escape_markdown(report.text)}"


def decision_saved(decision: Decision, meeting: Meeting | None, group: Group) -> str:
    if meeting is not None and meeting.starts_at <= decision.created_at:
        when = format_when(local(meeting.starts_at, group), group.language)
        phrase = message(group.language, "at_meeting", when=when)
    else:
        phrase = meeting_phrase(meeting, group)
    return message(
        group.language,
        "decision_saved",
        meeting=phrase,
        text=escape_markdown(decision.text),
    )


def point_saved(point: AgendaPoint, group: Group) -> str:
    section = message(group.language, Section(point.section).title_key)
    return message(group.language, "point_saved", section=section, text=escape_markdown(point.text))


def regions_line(group: Group) -> str:
    """ "Linköping (Östergötland, US), Jönköping och Kalmar"."""
    return join_words(regions_with_aliases(group.regions, group.region_aliases), group.language)


def action_done(item: ActionItem, closed_now: bool, group: Group) -> str:
    if closed_now or item.closed_at is None:
        return message(
            group.language, "action_done", number=item.number, text=escape_markdown(item.text)
        )
    when = format_day(local(item.closed_at, group), group.language)
    return message(
        group.language,
        "action_already_done",
        number=item.number,
        when=when,
        by=item.closed_by or "",
    )


def _meeting_list(heading: str, meetings: list[Meeting], group: Group) -> str:
    """A heading and its meetings as a Markdown list. Blocks are joined by a blank line: a
    line right after a list would render inside its last item."""
    items = [f"- {escape_markdown(meeting_line(m, group))}" for m in meetings]
    return "\n".join([message(group.language, heading), *items])


def meetings_scheduled(scheduled: Scheduled, group: Group, calendar_url: str) -> str:
    blocks = []
    if scheduled.added:
        blocks.append(_meeting_list("meetings_added", scheduled.added, group))
    if scheduled.already:
        blocks.append(_meeting_list("meetings_already", scheduled.already, group))
    blocks.append(message(group.language, "calendar_link", url=calendar_url))
    return "\n\n".join(blocks)


def meetings_overview(
    meetings: list[Meeting], group: Group, calendar_url: str, examples: Mapping[str, str]
) -> str:
    if not meetings:
        return message(group.language, "meetings_none", **examples)
    return "\n\n".join(
        [
            _meeting_list("meetings_heading", meetings, group),
            message(group.language, "calendar_link", url=calendar_url),
        ]
    )


def next_meeting(
    meeting: Meeting | None, group: Group, calendar_url: str | None, examples: Mapping[str, str]
) -> str:
    if meeting is None:
        return message(group.language, "meetings_none", **examples)
    line = escape_markdown(meeting_line(meeting, group))
    return message(group.language, "next_meeting", meeting=line, url=calendar_url)
