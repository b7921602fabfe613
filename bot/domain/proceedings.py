"""The meeting's proceedings: attendance, running notes, the minutes' versions and their
approval (justering).

Everything here is for one meeting: the one under way, else the one held in the last week,
else the next (``minutes_meeting``). Attendance is taken from the group's roster: members the
bot has seen write, the members Teams lists for the group's team or chat (read through the
``Roster`` port and kept on the roster, so a version of the minutes does not change with what
Teams answers later), and names added by chat (guests, people from other regions' tenants). A
name not on it is added, and the reply says so. Everyone on the roster not marked present is
absent. ``närvarande`` alone gives the roster as a form (``attendance_form``), saved by
``save_attendance``.

A version of the minutes is what ``build_minutes`` gave when someone asked for it: asking
again after a change stores the next version, and every earlier one stays readable. The chair
or the justerare approves the latest version (``justera``), which stamps and locks it: no
command changes a stored version, and a change afterwards goes into a new version that needs
approving again. Approving is refused to anyone else, and refused when the data changed since
the version was shown (the approver would approve what they have not seen).

Approving also archives the version, in the same transaction: a PDF/A drawn once (through the
``MinutesPrinter`` port) and stored with its SHA-256 and a JSON sidecar, never drawn again, so
the hash a reader checks stays true. ``arkiv`` lists the approved minutes of every meeting;
the chair or the secretary can revoke every minutes link of the group (each version gets a new
secret; the old links then find nothing).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.domain.capture import check_text
from bot.domain.i18n import format_when, join_words, message
from bot.domain.minutes import (
    TOPIC,
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
    Attendance,
    AuditNote,
    Group,
    Meeting,
    MeetingNote,
    Mention,
    MinutesArchive,
    MinutesVersion,
    Refusal,
    Role,
    Section,
    StandingTopic,
)
from bot.domain.ports import (
    Clock,
    MeetingRepository,
    MinutesPrinter,
    Roster,
    Transactions,
    UnitOfWork,
)
from bot.domain.replies import local
from bot.domain.text import fold, name_order, quote
from bot.domain.topics import active_topics, standing_name

# This long before its start a meeting is already the one attendance and notes are for, and
# the one a Teams meeting opened then is (people gather early; Teams may start it early).
EARLY = timedelta(minutes=30)
NAME_LIMIT = 200
NOTE_LIMIT = 4000
_SEPARATORS = re.compile(r"[,;\n]|\s+(?:och|og|and|samt)\s+", re.IGNORECASE)
_VERSION = re.compile(r"(?:version|versjon|v)?\s*#?(\d{1,6})", re.IGNORECASE)
# "ta bort" (nb "fjern", en "remove") before the names to take off the roster.
_REMOVE_WORDS = {"ta bort", "fjern", "remove", "slett"}
# A meeting named by its day: "18/11" (or "18/11/2026") before a version number.
_DAY = re.compile(r"\s*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?!\d)")


# Who added a name the group's Teams roster lists.
FROM_TEAMS = "Teams"


@dataclass(frozen=True)
class AttendanceForm:
    """The roster to tick for a meeting, with who is marked present so far."""

    group: Group
    meeting: Meeting
    roster: list[str]
    present: list[str]


@dataclass(frozen=True)
class MinutesView:
    """A version of the minutes to show."""

    group: Group
    meeting: Meeting
    version: MinutesVersion
    minutes: Minutes
    latest: int


@dataclass(frozen=True)
class ArchivedMinutes:
    """A meeting's approved minutes, as ``arkiv`` lists them: the latest approved version."""

    meeting: Meeting
    version: MinutesVersion


class Proceedings:
    def __init__(
        self,
        transactions: Transactions,
        clock: Clock,
        printer: MinutesPrinter,
        roster: Roster | None = None,
    ) -> None:
        self._transactions = transactions
        self._clock = clock
        self._printer = printer
        self._roster = roster

    async def mark_attendance(
        self, group: Group, actor: Actor, text: str, mentions: list[Mention], present: bool
    ) -> str | Refusal:
        """``närvarande A, B och C`` / ``frånvarande D``."""
        for mention in mentions:
            text = text.replace(mention.markup, mention.name)
        names = _names(text)
        if not names:
            return Refusal("attendance_usage")
        for name in names:
            problem = check_text(name, NAME_LIMIT)
            if problem:
                return problem
        teams = await self._teams_names(group)
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            opened = await _meeting_and_roster(uow, group, teams, now)
            if opened is None:
                return Refusal("minutes_no_meeting")
            meeting, roster = opened
            resolved = _by_first_name(names, roster, group.language)
            if isinstance(resolved, Refusal):
                return resolved
            added = []
            for name in resolved:
                known, new = await on_roster(uow, group, roster, name, actor.name, now)
                added += [known] if new else []
                await uow.attendance.mark(group.id, meeting.id, known, present, actor.name, now)
            marks = await uow.attendance.for_meeting(group.id, meeting.id)
            listed = await uow.attendance.roster(group.id, as_of=meeting.ends_at)
            await uow.commit()
        reply = _attendance_reply(group, meeting, marks, listed)
        if added:
            names_added = join_words([quote(name) for name in added], group.language)
            reply += "\n\n" + message(group.language, "attendance_added", names=names_added)
        return reply

    async def attendance_form(self, group: Group) -> AttendanceForm | Refusal:
        """The meeting's roster to tick (``närvarande`` alone)."""
        teams = await self._teams_names(group)
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            opened = await _meeting_and_roster(uow, group, teams, now)
            if opened is None:
                return Refusal("minutes_no_meeting")
            meeting = opened[0]
            marks = await uow.attendance.for_meeting(group.id, meeting.id)
            listed = await uow.attendance.roster(group.id, as_of=meeting.ends_at)
            await uow.commit()
        present, _ = attendance_lists(marks, [])
        names = sorted({fold(name): name for name in listed + present}.values(), key=name_order)
        return AttendanceForm(group, meeting, names, present)

    async def save_attendance(
        self, group: Group, actor: Actor, meeting_id: int, ticked: list[str], guests: str
    ) -> str | Refusal:
        """The attendance form saved: the ticked names and the guests written in are present;
        a name unticked that was marked present is now absent."""
        extra = _names(guests)
        for name in ticked + extra:
            problem = check_text(name, NAME_LIMIT)
            if problem:
                return problem
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            meeting = await uow.meetings.get(group.id, meeting_id)
            if meeting is None or meeting.cancelled:
                return Refusal("minutes_no_meeting")
            roster = {fold(name): name for name in await uow.attendance.roster(group.id)}
            resolved = _by_first_name(extra, roster, group.language)
            if isinstance(resolved, Refusal):
                return resolved
            extra = resolved
            wanted = {fold(name) for name in ticked + extra}
            for mark in await uow.attendance.for_meeting(group.id, meeting.id):
                if mark.present and fold(mark.name) not in wanted:
                    await uow.attendance.mark(
                        group.id, meeting.id, mark.name, False, actor.name, now
                    )
            for name in ticked + extra:
                known, _ = await on_roster(uow, group, roster, name, actor.name, now)
                await uow.attendance.mark(group.id, meeting.id, known, True, actor.name, now)
            marks = await uow.attendance.for_meeting(group.id, meeting.id)
            listed = await uow.attendance.roster(group.id, as_of=meeting.ends_at)
            await uow.commit()
        return _attendance_reply(group, meeting, marks, listed)

    async def roster(self, group: Group, args: str) -> str | Refusal:
        """``närvarolista``: the names attendance is taken from; ``närvarolista ta bort Anna
        Berg`` takes names added to it off (a guest, a typo), so later meetings do not list
        them absent. Attendance already marked stays."""
        if not args.strip():
            async with self._transactions.reading() as uow:
                names = await uow.attendance.roster(group.id)
            nobody = message(group.language, "nobody")
            return message(group.language, "roster_list", names=", ".join(names) or nobody)
        rest = next(
            (
                args.strip()[len(word) :]
                for word in _REMOVE_WORDS
                if fold(args.strip()).startswith(word + " ")
            ),
            "",
        )
        if not rest.strip():
            return Refusal("roster_usage")
        names = _names(rest)
        async with self._transactions.writing() as uow:
            removed = [await uow.attendance.remove_from_roster(group.id, name) for name in names]
            await uow.commit()
        lang = group.language
        lines = []
        gone = [name for name in removed if name is not None]
        if gone:
            lines.append(message(lang, "roster_removed", names=join_words(gone, lang)))
        kept = [name for name, off in zip(names, removed, strict=True) if off is None]
        if kept:
            lines.append(message(lang, "roster_not_added", names=join_words(kept, lang)))
        return "\n\n".join(lines)

    async def _teams_names(self, group: Group) -> list[str]:
        """The names Teams lists for the group's team or chat (none where it cannot say)."""
        if self._roster is None:
            return []
        people = await self._roster.members(group)
        return [person.name for person in people or [] if person.name.strip()]

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
            meeting = await minutes_meeting(uow, group, now)
            if meeting is None:
                return Refusal("minutes_no_meeting")
            if part.startswith(TOPIC):  # a standing topic is written as the group first wrote it
                standing = await uow.topics.all(group.id)
                noted = await uow.notes.for_meeting(group.id, meeting.id)
                unknown = _unknown_part(head, group, standing, noted)
                if unknown is not None:
                    return unknown
                part = TOPIC + standing_name(standing, head)
                # A topic noted before is written as it was first.
                first = {fold(n.part): n.part for n in noted if n.part.startswith(TOPIC)}
                part = first.get(fold(part), part)
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

    async def draft(
        self, group: Group, actor: Actor, args: str, meeting_id: int | None = None
    ) -> MinutesView | Refusal:
        """The current draft, stored as a new version if it differs from the latest; or,
        with ``version N``, that stored version. ``18/11`` first: of that day's meeting
        (``meeting_id``: of that meeting)."""
        day, args = _day_of(args)
        wanted = _version_number(args)
        teams = await self._teams_names(group) if wanted is None else []
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            found = await _meeting_asked(uow, group, now, day, meeting_id)
            if isinstance(found, Refusal):
                return found
            meeting, previous = found
            await _roster(uow, group, meeting, teams, now)
            versions = await uow.minutes.versions(group.id, meeting.id)
            if wanted is not None:
                chosen = [v for v in versions if v.number == wanted]
                if not chosen:
                    return Refusal(
                        "minutes_unknown_version",
                        {"version": wanted, "versions": _versions(len(versions), group.language)},
                    )
                version = chosen[0]
                return MinutesView(
                    group, meeting, version, from_content(version.content), len(versions)
                )
            view = await store_draft(uow, group, meeting, previous, actor, now)
            if view.version.number > len(versions):
                await uow.commit()
        return view

    async def approve(
        self, group: Group, actor: Actor, args: str, meeting_id: int | None = None
    ) -> str | Refusal:
        """``justera [18/11] [N]``: the chair or the justerare locks the latest version of the
        meeting's minutes (the meeting of that day; ``meeting_id``: the one a card is of)."""
        now, lang = self._clock.now(), group.language
        day, args = _day_of(args)
        wanted = _version_number(args)
        async with self._transactions.writing() as uow:
            holders = await uow.roles.holders(group.id)
            approvers = [h for h in holders if h.role in (Role.CHAIR, Role.ADJUSTER)]
            if not approvers:
                return Refusal("minutes_approve_nobody")
            if not any(holder.is_actor(actor) for holder in approvers):
                names = join_words([holder.name for holder in approvers], lang)
                return Refusal("minutes_approve_forbidden", {"officers": names})
            found = await _meeting_asked(uow, group, now, day, meeting_id)
            if isinstance(found, Refusal):
                return found
            meeting, previous = found
            if meeting.starts_at > now and (meeting.started_at or now) >= now:
                return Refusal("minutes_not_held", {"meeting": _when(meeting, group)})
            versions = await uow.minutes.versions(group.id, meeting.id)
            if not versions:
                return Refusal("minutes_none_yet")
            latest = versions[-1]
            if wanted is not None and wanted != latest.number:
                if wanted > latest.number or wanted < 1:
                    return Refusal(
                        "minutes_unknown_version",
                        {"version": wanted, "versions": _versions(len(versions), group.language)},
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
            await self._archive(uow, group, meeting, approved, now)
            uow.audit(
                group.id,
                actor,
                AuditNote.of(
                    "minutes_approved", version=approved.number, meeting=_when(meeting, group)
                ),
            )
            uow.agenda_changed(group.id)  # item 2 of the next agenda links the approved minutes
            await uow.commit()
        return message(
            lang,
            "minutes_approved",
            version=approved.number,
            meeting=_when(meeting, group),
            name=actor.name,
            when=format_when(local(now, group), lang),
        )

    async def archived(self, token: str) -> tuple[Group, MinutesVersion, MinutesArchive] | None:
        """An approved version's archive from the secret in its link. A version approved
        before archives existed gets its archive now, once (the first stored one stays)."""
        async with self._transactions.reading() as uow:
            version = await uow.minutes.by_token(token)
            if version is None or not version.approved:
                return None
            group = await uow.groups.get(version.group_id)
            archive = await uow.archive.get(version.id)
        if group is None:
            return None
        if archive is None:
            async with self._transactions.writing() as uow:
                meeting = await uow.meetings.get(group.id, version.meeting_id)
                if meeting is None:
                    return None
                archive = await self._archive(uow, group, meeting, version, self._clock.now())
                await uow.commit(handles_activity=False)
        return group, version, archive

    async def archive_list(self, group: Group) -> list[ArchivedMinutes]:
        """Every meeting's latest approved version, the latest meeting first."""
        async with self._transactions.reading() as uow:
            latest: dict[int, MinutesVersion] = {}
            for version in await uow.minutes.of_group(group.id):
                if version.approved:
                    latest[version.meeting_id] = version
            found = []
            for meeting_id, version in latest.items():
                meeting = await uow.meetings.get(group.id, meeting_id)
                if meeting is not None:
                    found.append(ArchivedMinutes(meeting, version))
        return sorted(found, key=lambda a: a.meeting.starts_at, reverse=True)

    async def revoke_links(self, group: Group, actor: Actor) -> str:
        """Every minutes version of the group gets a new link secret (the edge has checked
        that the actor may)."""
        async with self._transactions.writing() as uow:
            versions = await uow.minutes.of_group(group.id)
            if not versions:
                return message(group.language, "minutes_links_none")
            for version in versions:
                await uow.minutes.new_token(version.id, secrets.token_urlsafe(24))
            uow.audit(group.id, actor, AuditNote.of("minutes_links_revoked", count=len(versions)))
            uow.agenda_changed(group.id)  # a posted agenda may carry an old link
            await uow.commit()
        return message(
            group.language,
            "minutes_links_revoked",
            versions=_versions(len(versions), group.language),
        )

    async def _archive(
        self,
        uow: UnitOfWork,
        group: Group,
        meeting: Meeting,
        version: MinutesVersion,
        now: datetime,
    ) -> MinutesArchive:
        assert version.approved_at is not None
        embedded = minutes_sidecar(group, meeting, version)
        pdf = await self._printer.archival_pdf(
            version.content,
            version_stamp(group, version),
            group.language,
            version.approved_at,
            embedded,
        )
        digest = hashlib.sha256(pdf).hexdigest()
        sidecar = {**embedded, "pdf_sha256": digest}
        return await uow.archive.add(
            MinutesArchive(version.id, group.id, pdf, digest, sidecar, now)
        )

    async def version_by_token(self, token: str) -> tuple[Group, MinutesVersion] | None:
        """A version and its group from the secret in a download link."""
        async with self._transactions.reading() as uow:
            version = await uow.minutes.by_token(token)
            group = await uow.groups.get(version.group_id) if version else None
        return (group, version) if group and version else None


async def minutes_meeting(
    uow: UnitOfWork, group: Group, now: datetime, day: tuple[int, int, int | None] | None = None
) -> Meeting | None:
    """The meeting the proceedings are for: with ``day`` (day, month, year or None), the
    group's meeting that day; else the meeting under way (or about to start, within
    ``EARLY``, or started early by Teams), else the latest held, else the next. A held meeting
    stays the one until the next is about to start, so its minutes can still be corrected
    and approved after a week."""
    started = await uow.meetings.started(group.id, now, 400 if day else 1)
    upcoming = [m for m in await uow.meetings.upcoming(group.id, now) if m.starts_at > now]
    if day is not None:
        return next((m for m in started + upcoming if _on_day(m, group, day)), None)
    held = started[0] if started else None
    if held is not None and held.ends_at > now:
        return held
    if upcoming and (
        upcoming[0].starts_at - now <= EARLY
        or (upcoming[0].started_at is not None and upcoming[0].started_at <= now)
    ):
        return upcoming[0]
    return held or (upcoming[0] if upcoming else None)


def _on_day(meeting: Meeting, group: Group, day: tuple[int, int, int | None]) -> bool:
    start = local(meeting.starts_at, group)
    return (start.day, start.month) == day[:2] and day[2] in (None, start.year)


def _day_of(args: str) -> tuple[tuple[int, int, int | None] | None, str]:
    """ "18/11 version 2" -> ((18, 11, None), " version 2"); no day: (None, args)."""
    match = _DAY.match(args)
    if match is None:
        return None, args
    year = int(match[3]) if match[3] else None
    return (int(match[1]), int(match[2]), year), args[match.end() :]


async def _meeting_asked(
    uow: UnitOfWork,
    group: Group,
    now: datetime,
    day: tuple[int, int, int | None] | None,
    meeting_id: int | None,
) -> tuple[Meeting, Meeting | None] | Refusal:
    """The meeting a command or card names (by id, by day) or else the current one
    (``minutes_meeting``), and the one before it."""
    if meeting_id is not None:
        meeting = await uow.meetings.get(group.id, meeting_id)
        if meeting is None:
            return Refusal("minutes_no_meeting")
    else:
        meeting = await minutes_meeting(uow, group, now, day)
    if meeting is not None:
        return meeting, await previous_meeting(uow.meetings, group, meeting)
    if day is None:
        return Refusal("minutes_no_meeting")
    return Refusal("minutes_no_meeting_on_day", {"day": f"{day[0]}/{day[1]}"})


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


async def previous_meeting(
    meetings: MeetingRepository, group: Group, meeting: Meeting
) -> Meeting | None:
    """The group's meeting before ``meeting`` (item 2 of its agenda and minutes refers to it):
    the one way the agenda, the minutes and the posted draft find it."""
    begun = await meetings.started(group.id, meeting.starts_at, 3)
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
    # The meetings after this one as planned at its end, so the minutes read the same
    # whenever they are drafted.
    upcoming = await uow.meetings.upcoming(group.id, meeting.ends_at)
    captured = Captured(
        attendance=await uow.attendance.for_meeting(group.id, meeting.id),
        roster=await uow.attendance.roster(group.id, as_of=meeting.ends_at),
        reports=await uow.reports.current(group.id, meeting.id),
        notes=await uow.notes.for_meeting(group.id, meeting.id),
        decisions=await uow.decisions.for_meeting(group.id, meeting.id),
        items=await uow.items.list_all(group.id),
        points=await uow.points.for_meeting(group.id, meeting.id),
        previous=previous,
        next_meetings=[m for m in upcoming if m.starts_at > meeting.starts_at],
        signer=signer,
        signer_is_chair=Role.CHAIR in holders,
        topics=active_topics(await uow.topics.all(group.id), meeting),
        seminars=await uow.seminars.upcoming(group.id, meeting.starts_at),
        previous_approved=previous is not None
        and any(v.approved for v in await uow.minutes.versions(group.id, previous.id)),
    )
    return build_minutes(group, meeting, captured)


def _unknown_part(
    head: str, group: Group, standing: list[StandingTopic], noted: list[MeetingNote]
) -> Refusal | None:
    """A note's part that reads as a new topic but is likely a slip: a section number the
    template has not, or a name close to a region, a section or a topic the group has
    ("kalmr", "radiofarmaka"). None for a topic that is new on purpose."""
    wanted = fold(" ".join(head.split()))
    if wanted.isdigit():
        return Refusal("note_no_section", {"number": wanted, "count": len(Section)})
    names = [*group.regions, *(message(group.language, s.title_key) for s in Section)]
    topics = [topic.name for topic in standing] + [
        note.part.removeprefix(TOPIC) for note in noted if note.part.startswith(TOPIC)
    ]
    if wanted in {fold(topic) for topic in topics}:
        return None
    by_key = {fold(name): name for name in [*names, *topics]}
    close = difflib.get_close_matches(wanted, list(by_key), n=1, cutoff=0.8)
    if not close and len(wanted) >= 4:
        close = [key for key in by_key if key.startswith(wanted)][:1]
    if close:
        return Refusal("note_did_you_mean", {"suggestion": by_key[close[0]]})
    return None


def _names(text: str) -> list[str]:
    """ "Sara Axelsson, Mats och  Anna" -> the names, spaces tidied, none empty."""
    return [name for name in (" ".join(p.split()) for p in _SEPARATORS.split(text)) if name]


def _by_first_name(names: list[str], roster: dict[str, str], language: str) -> list[str] | Refusal:
    """Names as the roster has them: a first name alone ("Edyta") is the one person on the
    roster with that first name; several are asked back; none makes it a new name."""
    resolved = []
    for name in names:
        if fold(name) in roster or " " in name.strip():
            resolved.append(name)
            continue
        people = sorted(
            (known for key, known in roster.items() if key.split(" ")[0] == fold(name)),
            key=fold,
        )
        if len(people) > 1:
            return Refusal(
                "attendance_ambiguous",
                {"name": name, "people": join_words(people, language, "or")},
            )
        resolved.append(people[0] if people else name)
    return resolved


async def on_roster(
    uow: UnitOfWork, group: Group, roster: dict[str, str], name: str, by: str, now: datetime
) -> tuple[str, bool]:
    """The roster's spelling of ``name`` (``roster``: by folded name), and whether it was new:
    a name not on the roster is added to it (and to ``roster``)."""
    known = roster.get(fold(name))
    if known is not None:
        return known, False
    await uow.attendance.add_to_roster(group.id, name, by, now)
    roster[fold(name)] = name
    return name, True


async def _meeting_and_roster(
    uow: UnitOfWork, group: Group, teams: list[str], now: datetime
) -> tuple[Meeting, dict[str, str]] | None:
    """The meeting attendance is for (``minutes_meeting``) and the roster by folded name, with
    the names Teams lists kept on it; None when there is no meeting."""
    meeting = await minutes_meeting(uow, group, now)
    if meeting is None:
        return None
    return meeting, await _roster(uow, group, meeting, teams, now)


async def _roster(
    uow: UnitOfWork, group: Group, meeting: Meeting, teams: list[str], now: datetime
) -> dict[str, str]:
    """The group's roster by folded name, with the names Teams lists kept on it. Teams does
    not say since when someone is a member: a name it lists counts as on the roster from the
    meeting it was first read for (so a draft made after the meeting has them)."""
    roster = {fold(name): name for name in await uow.attendance.roster(group.id)}
    since = min(now, meeting.starts_at)
    for name in teams:
        if fold(name) not in roster:
            await uow.attendance.add_to_roster(group.id, name, FROM_TEAMS, since)
            roster[fold(name)] = name
    return roster


def _attendance_reply(
    group: Group, meeting: Meeting, marks: list[Attendance], roster: list[str]
) -> str:
    """The attendance as the minutes will list it."""
    here, away = attendance_lists(marks, roster)
    nobody = message(group.language, "nobody")
    return message(
        group.language,
        "attendance_saved",
        meeting=_when(meeting, group),
        present=quote(", ".join(here), 2000) or nobody,
        absent=quote(", ".join(away), 2000) or nobody,
    )


def version_stamp(group: Group, version: MinutesVersion) -> str:
    """ "Utkast, version 2. Justeras … med: justera 2" or who approved it and when."""
    if version.approved_at is None:
        return message(group.language, "minutes_draft_header", version=version.number)
    return message(
        group.language,
        "minutes_approved_header",
        version=version.number,
        name=version.approved_by,
        when=format_when(local(version.approved_at, group), group.language),
    )


def file_stem(group: Group, version: MinutesVersion) -> str:
    """ "minnesanteckningar-2026-01-14-v2" (nb "referat-…", en "minutes-…"): a download's
    name, by the meeting's day as the minutes give it (their Datum), else the day the
    version was made."""
    day = f"{local(version.created_at, group):%Y-%m-%d}"
    fields = version.content.get("fields") or []
    if fields and fields[0][1] and re.match(r"\d{4}-\d{2}-\d{2}", fields[0][1][0]):
        day = fields[0][1][0][:10]
    return f"{message(group.language, 'minutes_file_name')}-{day}-v{version.number}"


def file_stamp(group: Group, version: MinutesVersion) -> str:
    """The version's state as a document states it: "Utkast, version 2", or who approved it
    and when (the chat's instruction on how to approve stays in the chat)."""
    if version.approved_at is None:
        return message(group.language, "minutes_draft_file_header", version=version.number)
    return version_stamp(group, version)


def content_sha256(content: dict[str, Any]) -> str:
    """The SHA-256 of a version's content in canonical JSON (keys sorted, no spaces, UTF-8)."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def minutes_sidecar(group: Group, meeting: Meeting, version: MinutesVersion) -> dict[str, Any]:
    """What the archived minutes are, as JSON: the copy embedded in the PDF/A. It names the
    minutes' content by its hash (``content_sha256``); it cannot name the PDF's own, which
    the sidecar served beside the PDF adds (``pdf_sha256``)."""
    assert version.approved_at is not None
    return {
        "format": "ragbot-minutes-sidecar/1",
        "group": {"id": group.id, "name": group.name},
        "meeting": {
            "id": meeting.id,
            "starts_at": local(meeting.starts_at, group).isoformat(),
            "ends_at": local(meeting.ends_at, group).isoformat(),
            "timezone": group.timezone,
            "place": meeting.place,
        },
        "version": version.number,
        "approved_by": version.approved_by,
        "approved_at": local(version.approved_at, group).isoformat(),
        "content_sha256": content_sha256(version.content),
        "file": file_stem(group, version) + ".pdf",
    }


def _when(meeting: Meeting, group: Group) -> str:
    return format_when(local(meeting.starts_at, group), group.language)


def _versions(count: int, language: str) -> str:
    """ "1 version", "3 versioner"."""
    return message(language, "versions_many" if count != 1 else "versions_one", count=count)


def _version_number(args: str) -> int | None:
    match = _VERSION.fullmatch(args.strip())
    return int(match[1]) if match else None
