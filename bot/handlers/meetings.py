"""Meetings: ``mötestider`` (list, or plan from dates), ``nästa möte``, ``flytta möte`` and
``ställ in möte`` (each asks on a card first), and that card's buttons."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot import cards
from bot.card_actions import CardAction
from bot.domain.commands import Keywords
from bot.domain.i18n import message
from bot.domain.meetings import MeetingTime, meeting_when
from bot.domain.model import Refusal
from bot.domain.replies import meetings_overview, meetings_scheduled, next_meeting
from bot.handlers.base import (
    CommandHandler,
    Feature,
    Finished,
    HelpLine,
    Reply,
    Services,
    ShowCard,
    Turn,
    card_int,
    unknown_action,
)


async def schedule(app: Services, turn: Turn) -> Reply:
    """Without dates the upcoming meetings; with dates, plan them."""
    group = turn.group
    if not turn.args:
        link = await app.meetings.calendar_url(group, app.public_url)
        upcoming = await app.meetings.upcoming(group)
        return meetings_overview(upcoming, group, link, app.meetings.examples(group))
    scheduled = await app.meetings.schedule(group, turn.args)
    if isinstance(scheduled, Refusal):
        return _with_examples(app, turn, scheduled)
    link = await app.meetings.calendar_url(group, app.public_url)
    return meetings_scheduled(scheduled, group, link)


async def upcoming(app: Services, turn: Turn) -> Reply:
    """The next (or ongoing) meeting, with a calendar link."""
    found = await app.capture.next_or_ongoing_meeting(turn.group)
    link = None
    if found is not None:
        link = await app.meetings.calendar_url(turn.group, app.public_url, found)
    return next_meeting(found, turn.group, link, app.meetings.examples(turn.group))


async def move(app: Services, turn: Turn) -> Reply:
    """Ask before moving: the card carries the meeting, its version and the new time."""
    group, lang = turn.group, turn.language
    planned = await app.meetings.plan_move(group, turn.args)
    if isinstance(planned, Refusal):
        return _with_examples(app, turn, planned)
    meeting, target = planned
    question = message(
        lang, "move_confirm", old=meeting_when(meeting, group), new=meeting_when(target, group)
    )
    return ShowCard(
        cards.confirm_card(
            question,
            message(lang, "move_button"),
            CardAction.MEETING_MOVE,
            lang,
            meeting=meeting.id,
            version=meeting.version,
            starts=target.starts_at.isoformat(),
            ends=target.ends_at.isoformat(),
            place=target.place,
        )
    )


async def cancel(app: Services, turn: Turn) -> Reply:
    """Ask before cancelling."""
    group, lang = turn.group, turn.language
    found = await app.meetings.find(group, turn.args)
    if isinstance(found, Refusal):
        return _with_examples(app, turn, found)
    return ShowCard(
        cards.confirm_card(
            message(lang, "cancel_confirm", when=meeting_when(found, group)),
            message(lang, "cancel_meeting_button"),
            CardAction.MEETING_CANCEL,
            lang,
            meeting=found.id,
            version=found.version,
        )
    )


def _with_examples(app: Services, turn: Turn, refused: Refusal) -> Refusal:
    """A refusal whose example (``mötestider 11/12 kl 13-14 Teams``) names days ahead."""
    return Refusal(refused.key, {**app.meetings.examples(turn.group), **refused.values})


def _meeting_and_version(turn: Turn) -> tuple[int, str] | None:
    meeting_id, version = card_int(turn.value.get("meeting")), turn.value.get("version")
    if meeting_id is None or not isinstance(version, str):
        return None
    return meeting_id, version


async def move_pressed(app: Services, turn: Turn) -> Reply:
    """The move card's confirmation: move, unless the meeting changed since it was asked."""
    which, target = _meeting_and_version(turn), _meeting_time(turn.value)
    if which is None or target is None:
        return unknown_action(turn)
    moved = await app.meetings.move(turn.group, which[0], target, which[1])
    if isinstance(moved, Refusal):
        return moved
    old, new = moved
    said = message(
        turn.language,
        "moved",
        old=meeting_when(old, turn.group),
        new=meeting_when(new, turn.group),
    )
    return Finished(cards.finished_card(said), said)


async def cancel_pressed(app: Services, turn: Turn) -> Reply:
    """The cancel card's confirmation."""
    which = _meeting_and_version(turn)
    if which is None:
        return unknown_action(turn)
    cancelled = await app.meetings.cancel(turn.group, *which)
    if isinstance(cancelled, Refusal):
        return cancelled
    said = message(turn.language, "meeting_cancelled", when=meeting_when(cancelled, turn.group))
    return Finished(cards.finished_card(said), said)


async def keep_pressed(app: Services, turn: Turn) -> Reply:
    """A confirmation card's "keep it as it is": the question becomes the answer."""
    return Finished(cards.finished_card(message(turn.language, "nothing_changed")))


def _meeting_time(value: Any) -> MeetingTime | None:
    """The new time a move confirmation carried, or None if the card data is not one."""
    try:
        starts = datetime.fromisoformat(value["starts"])
        ends = datetime.fromisoformat(value["ends"])
    except (KeyError, TypeError, ValueError):
        return None
    place = value.get("place")
    if starts.tzinfo is None or ends <= starts or not isinstance(place, str | None):
        return None
    return MeetingTime(starts, ends, place[:300] if place else None)


FEATURE = Feature(
    name="meetings",
    commands=(
        CommandHandler(
            "meetings",
            schedule,
            Keywords(sv=("mötestider",), nb=("møtetider",), en=("meetings",)),
        ),
        CommandHandler(
            "next_meeting",
            upcoming,
            Keywords(sv=("nästa möte",), nb=("neste møte",), en=("next meeting",)),
        ),
        CommandHandler(
            "move_meeting",
            move,
            Keywords(
                sv=("flytta möte", "flytta mötet"),
                nb=("flytt møte", "flytt møtet", "flytte møte", "flytte møtet"),
                en=("move meeting",),
            ),
        ),
        CommandHandler(
            "cancel_meeting",
            cancel,
            Keywords(
                sv=(
                    "ställ in möte",
                    "ställ in mötet",
                    "ställa in mötet",
                    "avboka möte",
                    "avboka mötet",
                ),
                nb=("avlys møte", "avlys møtet"),
                en=("cancel meeting",),
            ),
        ),
    ),
    card_actions={
        CardAction.MEETING_MOVE: move_pressed,
        CardAction.MEETING_CANCEL: cancel_pressed,
        CardAction.MEETING_KEEP: keep_pressed,
    },
    help=(
        HelpLine("help_line_meetings", ("meetings",)),
        HelpLine("help_line_next_meeting", ("next_meeting",)),
        HelpLine("help_line_meeting_changes", ("move_meeting", "cancel_meeting")),
    ),
)
