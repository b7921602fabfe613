"""The meeting's proceedings: attendance, running notes, the minutes' versions and their
approval (justering).

Everything here is for one meeting: the one under way, else the one held in the last week,
else the next (``minutes_meeting``). Attendance is taken from the group's roster (members the
bot has seen write and names added by chat); a name not on it is added, and the reply says so.
Everyone on the roster not marked present is absent.

A version of the minutes is what ``build_minutes`` gave when someone asked for it: asking
again after a change stores the next version, and every earlier one stays readable. The chair
or the justerare approves the latest version (``justera``), which stamps and locks it: no
command changes a stored version, and a change afterwards goes into a new version that needs
approving again. Approving is refused to anyone else, and refused when the data changed since
the version was shown (the approver would approve what they have not seen).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.capture import check_text
from bot.domain.i18n import format_when, join_words, message
from bot.domain.minutes import (
    Captured,
    Minutes,
    attendance_lists,
    build_minutes,
    from_content,
    part_name,
    read_part,
    to_content,
)
from bot.domain.model import (
    Actor,
    AuditNote,
    Group,
    Meeting,
    Mention,
    MinutesVersion,
    Refusal,
    Role,
)
from bot.domain.ports import Clock, Transactions, UnitOfWork
from bot.domain.replies import local
from bot.domain.text import fold, quote

# After this long a held meeting is no longer the one attendance and notes are for.
JUST_HELD = timedelta(days=7)
NAME_LIMIT = 200
NOTE_LIMIT = 4000
_SEPARATORS = re.compile(r"[,;\n]|\s+(?:och|og|and|samt)\s+", re.IGNORECASE)
_VERSION = re.compile(r"(?:version|versjon|v)?\s*#?(\d{1,6})", re.IGNORECASE)


@dataclass(frozen=True)
class MinutesView:
    """A version of the minutes to show."""

    group: Group
    meeting: Meeting
    version: MinutesVersion
    minutes: Minutes
    latest: int


class Proceedings:
    def __init__(self, transactions: Transactions, clock: Clock) -> None:
        self._transactions = transactions
        self._clock = clock

    async def mark_attendance(
        self, group: Group, actor: Actor, text: str, mentions: list[Mention], present: bool
    ) -> str | Refusal:
        """``närvarande A, B och C`` / ``frånvarande D``."""
        for mention in mentions:
            text = text.replace(mention.markup, mention.name)
        names = [" ".join(part.split()) for part in _SEPARATORS.split(text)]
        names = [name for name in names if name]
        if not names:
            # --- meeting events --- alone, it shows the list so far (joins included).
            return await self.attendance(group)
        for name in names:
            problem = check_text(name, NAME_LIMIT)
            if problem:
                return problem
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            found = await minutes_meeting(uow, group, now)
            if found is None:
                return Refusal("minutes_no_meeting")
            meeting = found[0]
            roster = {fold(name): name for name in await uow.attendance.roster(group.id)}
            added = []
            for name in names:
                known = roster.get(fold(name))
                if known is None:
                    await uow.attendance.add_to_roster(group.id, name, actor.name, now)
                    roster[fold(name)] = known = name
                    added.append(name)
                await uow.attendance.mark(group.id, meeting.id, known, present, actor.name, now)
            marks = await uow.attendance.for_meeting(group.id, meeting.id)
            await uow.commit()
        here, away = attendance_lists(marks, sorted(roster.values(), key=fold))
        lang, nobody = group.language, message(group.language, "nobody")
        reply = message(
            lang,
            "attendance_saved",
            meeting=_when(meeting, group),
            present=quote(", ".join(here), 2000) or nobody,
            absent=quote(", ".join(away), 2000) or nobody,
        )
        if added:
            names_added = join_words([quote(name) for name in added], lang)
            reply += "\n\n" + message(lang, "attendance_added", names=names_added)
        return reply

    async def attendance(self, group: Group) -> str | Refusal:
        """``närvarande`` alone: the meeting's attendance so far (those Teams saw join and
        those marked by chat), and everyone else on the roster as absent."""
        async with self._transactions.reading() as uow:
            found = await minutes_meeting(uow, group, self._clock.now())
            if found is None:
                return Refusal("attendance_usage")
            meeting = found[0]
            marks = await uow.attendance.for_meeting(group.id, meeting.id)
            roster = await uow.attendance.roster(group.id)
        here, away = attendance_lists(marks, sorted(roster, key=fold))
        nobody = message(group.language, "nobody")
        return message(
            group.language,
            "attendance_saved",
            meeting=_when(meeting, group),
            present=quote(", ".join(here), 2000) or nobody,
            absent=quote(", ".join(away), 2000) or nobody,
        )

    async def add_note(self, group: Group, actor: Actor, text: str) -> str | Refusal:
        """``anteckning <section, region or topic>: text``."""
        head, colon, body = text.partition(":")
        if not colon or not head.strip():
            return Refusal("note_usage")
        problem = check_text(head, NAME_LIMIT) or check_text(body, NOTE_LIMIT)
        if problem:
            return problem
        part, _ = read_part(head, group)
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            found = await minutes_meeting(uow, group, now)
            if found is None:
                return Refusal("minutes_no_meeting")
            meeting = found[0]
            await uow.notes.add(group.id, meeting.id, part, body.strip(), actor.name, now)
            versions = await uow.minutes.versions(group.id, meeting.id)
            await uow.commit()
        reply = message(
            group.language,
            "note_saved",
            part=quote(part_name(part, group)),
            meeting=_when(meeting, group),
        )
        if versions and versions[-1].approved:
            reply += " " + message(
                group.language, "minutes_locked_change", version=versions[-1].number
            )
        return reply

    async def draft(self, group: Group, actor: Actor, args: str) -> MinutesView | Refusal:
        """The current draft, stored as a new version if it differs from the latest; or,
        with ``version N``, that stored version."""
        now = self._clock.now()
        wanted = _version_number(args)
        async with self._transactions.writing() as uow:
            found = await minutes_meeting(uow, group, now)
            if found is None:
                return Refusal("minutes_no_meeting")
            meeting, previous = found
            versions = await uow.minutes.versions(group.id, meeting.id)
            if wanted is not None:
                chosen = [v for v in versions if v.number == wanted]
                if not chosen:
                    return Refusal(
                        "minutes_unknown_version", {"version": wanted, "count": len(versions)}
                    )
                version = chosen[0]
                return MinutesView(
                    group, meeting, version, from_content(version.content), len(versions)
                )
            view = await store_draft(uow, group, meeting, previous, actor, now)
            if view.version.number > len(versions):
                await uow.commit()
        return view

    async def approve(self, group: Group, actor: Actor, args: str) -> str | Refusal:
        """``justera [N]``: the chair or the justerare locks the latest version."""
        now, lang = self._clock.now(), group.language
        wanted = _version_number(args)
        async with self._transactions.writing() as uow:
            holders = await uow.roles.holders(group.id)
            approvers = [h for h in holders if h.role in (Role.CHAIR, Role.ADJUSTER)]
            if not approvers:
                return Refusal("minutes_approve_nobody")
            if not any(holder.is_actor(actor) for holder in approvers):
                names = join_words([holder.name for holder in approvers], lang)
                return Refusal("minutes_approve_forbidden", {"officers": names})
            found = await minutes_meeting(uow, group, now)
            if found is None:
                return Refusal("minutes_no_meeting")
            meeting, previous = found
            versions = await uow.minutes.versions(group.id, meeting.id)
            if not versions:
                return Refusal("minutes_none_yet")
            latest = versions[-1]
            if wanted is not None and wanted != latest.number:
                if wanted > latest.number or wanted < 1:
                    return Refusal(
                        "minutes_unknown_version", {"version": wanted, "count": len(versions)}
                    )
                return Refusal("minutes_not_latest", {"version": wanted, "latest": latest.number})
            current = await _build(uow, group, meeting, previous, actor, now)
            if to_content(current) != latest.content:
                return Refusal("minutes_changed", {"version": latest.number})
            if latest.approved:
                assert latest.approved_at is not None
                return Refusal(
                    "minutes_already_approved",
                    {
                        "version": latest.number,
                        "name": latest.approved_by,
                        "when": format_when(local(latest.approved_at, group), lang),
                    },
                )
            approved = await uow.minutes.approve(
                group.id, meeting.id, latest.number, actor.name, now
            )
            assert approved is not None
            uow.audit(
                group.id,
                actor,
                AuditNote.of(
                    "minutes_approved", version=approved.number, meeting=_when(meeting, group)
                ),
            )
            await uow.commit()
        return message(
            lang,
            "minutes_approved",
            version=approved.number,
            meeting=_when(meeting, group),
            name=actor.name,
            when=format_when(local(now, group), lang),
        )

    async def version_by_token(self, token: str) -> tuple[Group, MinutesVersion] | None:
        """A version and its group from the secret in a download link."""
        async with self._transactions.reading() as uow:
            version = await uow.minutes.by_token(token)
            group = await uow.groups.get(version.group_id) if version else None
        return (group, version) if group and version else None


async def minutes_meeting(
    uow: UnitOfWork, group: Group, now: datetime
) -> tuple[Meeting, Meeting | None] | None:
    """The meeting the proceedings are for, and the one before it: the meeting under way or
    held within ``JUST_HELD``, else the next one."""
    started = await uow.meetings.started(group.id, now, 2)
    if started and started[0].ends_at > now - JUST_HELD:
        return started[0], started[1] if len(started) > 1 else None
    upcoming = [m for m in await uow.meetings.upcoming(group.id, now) if m.starts_at > now]
    if upcoming:
        return upcoming[0], started[0] if started else None
    return None


async def store_draft(
    uow: UnitOfWork,
    group: Group,
    meeting: Meeting,
    previous: Meeting | None,
    actor: Actor,
    now: datetime,
) -> MinutesView:
    """The meeting's current draft, stored as a new version if it differs from the latest
    (the caller commits); the same for ``minnesanteckningar`` and the draft posted after the
    meeting."""
    versions = await uow.minutes.versions(group.id, meeting.id)
    minutes = await _build(uow, group, meeting, previous, actor, now)
    content = to_content(minutes)
    if versions and versions[-1].content == content:
        version = versions[-1]
    else:
        version = await uow.minutes.add(
            group.id, meeting.id, content, actor.name, secrets.token_urlsafe(24), now
        )
    return MinutesView(group, meeting, version, minutes, version.number)


async def previous_meeting(uow: UnitOfWork, group: Group, meeting: Meeting) -> Meeting | None:
    """The group's meeting before ``meeting`` (its minutes' item 2 refers to it)."""
    begun = await uow.meetings.started(group.id, meeting.starts_at, 3)
    earlier = [m for m in begun if m.id != meeting.id and m.starts_at < meeting.starts_at]
    return earlier[0] if earlier else None


async def _build(
    uow: UnitOfWork,
    group: Group,
    meeting: Meeting,
    previous: Meeting | None,
    actor: Actor,
    now: datetime,
) -> Minutes:
    holders = {holder.role: holder.name for holder in await uow.roles.holders(group.id)}
    signer = holders.get(Role.CHAIR) or holders.get(Role.SECRETARY) or actor.name
    upcoming = await uow.meetings.upcoming(group.id, now)
    captured = Captured(
        attendance=await uow.attendance.for_meeting(group.id, meeting.id),
        roster=await uow.attendance.roster(group.id),
        reports=await uow.reports.current(group.id, meeting.id),
        notes=await uow.notes.for_meeting(group.id, meeting.id),
        decisions=await uow.decisions.for_meeting(group.id, meeting.id),
        items=await uow.items.list_all(group.id),
        points=await uow.points.for_meeting(group.id, meeting.id),
        previous=previous,
        next_meetings=[m for m in upcoming if m.starts_at > meeting.starts_at],
        signer=signer,
        signer_is_chair=Role.CHAIR in holders,
    )
    return build_minutes(group, meeting, captured)


def _when(meeting: Meeting, group: Group) -> str:
    return format_when(local(meeting.starts_at, group), group.language)


def _version_number(args: str) -> int | None:
    match = _VERSION.fullmatch(args.strip())
    return int(match[1]) if match else None
