"""The meeting's proceedings: ``närvarande``/``frånvarande`` take attendance (alone: the
roster as a card to tick), ``anteckning <part>: text`` notes under a section, region or topic,
``minnesanteckningar`` shows the minutes draft as a card (a new version when something
changed; ``minnesanteckningar version 1`` an earlier one) with PDF, Word and Markdown links
and a Justera button, ``justera`` (or the button) approves and locks the latest version (and
archives it as PDF/A), ``arkiv`` lists every meeting's approved minutes, and ``återkalla
länkar`` gives every minutes link of the group a new address."""

from __future__ import annotations

from bot.card_actions import CardAction
from bot.cards import (
    CARD_BUDGET,
    attendance_card,
    finished_card,
    minutes_card,
    teams_size,
)
from bot.domain.commands import Keywords
from bot.domain.i18n import format_when, message
from bot.domain.minutes import Minutes, minutes_url
from bot.domain.model import Refusal
from bot.domain.proceedings import AttendanceForm, MinutesView, version_stamp
from bot.domain.replies import local
from bot.domain.roles import Guarded
from bot.handlers.base import (
    CommandHandler,
    Feature,
    Finished,
    Guard,
    HelpLine,
    Reply,
    Services,
    ShowCard,
    Turn,
    card_int,
    unknown_action,
)

# Meetings ``arkiv`` lists in one message (each line carries three long links).
ARCHIVE_LINES = 40


async def present(app: Services, turn: Turn) -> Reply:
    if not turn.args.strip():
        return await attendance_form(app, turn)
    return await app.proceedings.mark_attendance(
        turn.group, turn.actor, turn.args, list(turn.mentions), present=True
    )


async def absent(app: Services, turn: Turn) -> Reply:
    if not turn.args.strip():
        return await attendance_form(app, turn)
    return await app.proceedings.mark_attendance(
        turn.group, turn.actor, turn.args, list(turn.mentions), present=False
    )


async def attendance_form(app: Services, turn: Turn) -> Reply:
    form = await app.proceedings.attendance_form(turn.group)
    if isinstance(form, Refusal):
        return form
    return ShowCard(attendance_form_card(form))


def attendance_form_card(form: AttendanceForm) -> dict:
    lang = form.group.language
    heading = message(
        lang,
        "attendance_card_title",
        meeting=format_when(local(form.meeting.starts_at, form.group), lang),
    )
    return attendance_card(heading, form.roster, form.present, form.meeting.id, lang)


async def attendance_saved(app: Services, turn: Turn) -> Reply:
    """The attendance card's Spara: the card becomes the attendance as saved."""
    meeting = card_int(turn.value.get("meeting"))
    names = turn.value.get("names")
    if meeting is None or not isinstance(names, list):
        return unknown_action(turn)
    ticked = []
    for place in str(turn.value.get("present") or "").split(","):
        index = card_int(place)
        if index is not None and 0 <= index < len(names) and isinstance(names[index], str):
            ticked.append(names[index])
    saved = await app.proceedings.save_attendance(
        turn.group, turn.actor, meeting, ticked, str(turn.value.get("guests") or "")
    )
    if isinstance(saved, Refusal):
        return saved
    return Finished(finished_card(saved))


async def roster(app: Services, turn: Turn) -> Reply:
    return await app.proceedings.roster(turn.group, turn.args)


async def note(app: Services, turn: Turn) -> Reply:
    return await app.proceedings.add_note(turn.group, turn.actor, turn.args)


async def draft(app: Services, turn: Turn) -> Reply:
    view = await app.proceedings.draft(turn.group, turn.actor, turn.args)
    if isinstance(view, Refusal):
        return view
    return ShowCard(minutes_view_card(view, app.public_url))


async def approve(app: Services, turn: Turn) -> Reply:
    return await app.proceedings.approve(turn.group, turn.actor, turn.args)


async def archive(app: Services, turn: Turn) -> Reply:
    """``arkiv``: every meeting's approved minutes, the latest first, with their links."""
    group, lang = turn.group, turn.language
    archived = await app.proceedings.archive_list(group)
    if not archived:
        return message(lang, "minutes_archive_empty")
    lines = [message(lang, "minutes_archive_header")]
    for entry in archived[:ARCHIVE_LINES]:
        version, token = entry.version, entry.version.token
        assert version.approved_at is not None
        lines.append(
            message(
                lang,
                "minutes_archive_line",
                day=f"{local(entry.meeting.starts_at, group):%Y-%m-%d}",
                version=version.number,
                name=version.approved_by,
                when=format_when(local(version.approved_at, group), lang),
                pdf=minutes_url(app.public_url, token, "pdf"),
                docx=minutes_url(app.public_url, token, "docx"),
                sidecar=minutes_url(app.public_url, token, "json"),
            )
        )
    if len(archived) > ARCHIVE_LINES:
        lines.append(message(lang, "minutes_archive_more", count=len(archived) - ARCHIVE_LINES))
    return "\n".join(lines)


async def approve_pressed(app: Services, turn: Turn) -> Reply:
    """The minutes card's Justera button: approved, the card shows the locked version."""
    version, meeting = card_int(turn.value.get("version")), card_int(turn.value.get("meeting"))
    if version is None or meeting is None:
        return unknown_action(turn)
    approved = await app.proceedings.approve(turn.group, turn.actor, str(version), meeting)
    if isinstance(approved, Refusal):
        return approved
    view = await app.proceedings.draft(turn.group, turn.actor, str(version), meeting)
    if isinstance(view, Refusal):
        return approved
    return Finished(minutes_view_card(view, app.public_url), then=approved)


async def revoke_links(app: Services, turn: Turn) -> Reply:
    return await app.proceedings.revoke_links(turn.group, turn.actor)


def minutes_view_card(view: MinutesView, public_url: str) -> dict:
    """The version as a card (the minutes cut to fit, saying so), with the Justera button
    while it is a draft."""
    lang, number = view.group.language, view.version.number
    stamp = version_stamp(view.group, view.version)
    approve = None
    if view.version.approved_at is None and number == view.latest:
        title = message(lang, "minutes_approve_button", version=number)
        approve = (title, view.meeting.id, number)

    def draw(minutes: Minutes, notes: list[str]) -> dict:
        return minutes_card(minutes, stamp, notes, approve)

    minutes, cut = _fitted(view.minutes, lambda m: draw(m, []), CARD_BUDGET)
    return draw(minutes, _notes(view, public_url, cut))


def _fitted(minutes: Minutes, draw, budget: int) -> tuple[Minutes, bool]:
    """The minutes with long paragraphs cut until ``draw(minutes)`` fits ``budget``."""
    for chars in (None, 2000, 1000, 500, 250, 120, 60):
        fitted = minutes if chars is None else minutes.shortened(chars)
        if teams_size(draw(fitted)) <= budget:
            return fitted, chars is not None
    return fitted, True


def _notes(view: MinutesView, public_url: str, cut: bool) -> list[str]:
    """What follows the minutes: that they are cut, the download links, earlier versions."""
    lang, token = view.group.language, view.version.token
    notes = [message(lang, "minutes_cut")] if cut else []
    notes.append(
        message(
            lang,
            "minutes_links_approved" if view.version.approved else "minutes_links",
            pdf=minutes_url(public_url, token, "pdf"),
            docx=minutes_url(public_url, token, "docx"),
            markdown=minutes_url(public_url, token, "md"),
            sidecar=minutes_url(public_url, token, "json"),
        )
    )
    if view.latest > 1:
        notes.append(message(lang, "minutes_older_versions", last=view.latest))
    return notes


FEATURE = Feature(
    name="minutes",
    commands=(
        CommandHandler(
            "present",
            present,
            Keywords(sv=("närvarande",), nb=("til stede", "tilstede"), en=("present",)),
        ),
        CommandHandler(
            "absent",
            absent,
            Keywords(sv=("frånvarande",), nb=("forfall",), en=("absent",)),
        ),
        CommandHandler(
            "roster",
            roster,
            Keywords(sv=("närvarolista", "närvarolistan"), nb=("oppmøteliste",), en=("roster",)),
        ),
        CommandHandler(
            "note",
            note,
            Keywords(sv=("anteckning",), nb=("notat",), en=("note",)),
        ),
        CommandHandler(
            "minutes",
            draft,
            Keywords(sv=("minnesanteckningar", "protokoll"), nb=("referat",), en=("minutes",)),
        ),
        CommandHandler(
            "approve",
            approve,
            Keywords(sv=("justera",), nb=("godkjenn",), en=("approve",)),
        ),
        CommandHandler(
            "archive",
            archive,
            Keywords(sv=("arkiv",), nb=("arkiv",), en=("archive",)),
        ),
        CommandHandler(
            "revoke_links",
            revoke_links,
            Keywords(
                sv=("återkalla länkar", "återkalla länkarna"),
                nb=("tilbakekall lenker", "tilbakekall lenkene"),
                en=("revoke links",),
            ),
            guard=Guard(Guarded.LINKS),
        ),
    ),
    card_actions={
        CardAction.ATTENDANCE_SAVE: attendance_saved,
        CardAction.MINUTES_APPROVE: approve_pressed,
    },
    help=(
        HelpLine("help_line_attendance", ("present", "absent")),
        HelpLine("help_line_roster", ("roster",)),
        HelpLine("help_line_note", ("note",)),
        HelpLine("help_line_minutes", ("minutes",)),
        HelpLine("help_line_approve", ("approve",)),
        HelpLine("help_line_archive", ("archive",)),
        HelpLine("help_line_revoke_links", ("revoke_links",)),
    ),
)
