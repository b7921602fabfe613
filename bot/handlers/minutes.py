"""The meeting's proceedings: ``närvarande``/``frånvarande`` take attendance, ``anteckning
<part>: text`` notes under a section, region or topic, ``minnesanteckningar`` shows the minutes
draft (a new version when something changed; ``minnesanteckningar version 1`` an earlier one)
with PDF, Word and Markdown links, ``justera`` approves and locks the latest version (and
archives it as PDF/A), ``arkiv`` lists every meeting's approved minutes, and ``återkalla
länkar`` gives every minutes link of the group a new address."""

from __future__ import annotations

from bot.cards import MESSAGE_LIMIT, teams_size
from bot.domain.commands import Keywords
from bot.domain.i18n import format_when, message
from bot.domain.minutes import minutes_markdown, minutes_url
from bot.domain.model import Refusal
from bot.domain.proceedings import MinutesView, version_stamp
from bot.domain.replies import local
from bot.domain.roles import Guarded
from bot.handlers.base import CommandHandler, Feature, Guard, HelpLine, Reply, Services, Turn

# Room for the lines around the minutes in the message.
TEXT_BUDGET = MESSAGE_LIMIT - 4_000
# Meetings ``arkiv`` lists in one message (each line carries three long links).
ARCHIVE_LINES = 40


async def present(app: Services, turn: Turn) -> Reply:
    return await app.proceedings.mark_attendance(
        turn.group, turn.actor, turn.args, list(turn.mentions), present=True
    )


async def absent(app: Services, turn: Turn) -> Reply:
    return await app.proceedings.mark_attendance(
        turn.group, turn.actor, turn.args, list(turn.mentions), present=False
    )


async def note(app: Services, turn: Turn) -> Reply:
    return await app.proceedings.add_note(turn.group, turn.actor, turn.args)


async def draft(app: Services, turn: Turn) -> Reply:
    view = await app.proceedings.draft(turn.group, turn.actor, turn.args)
    if isinstance(view, Refusal):
        return view
    return minutes_message(view, app.public_url)


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


async def revoke_links(app: Services, turn: Turn) -> Reply:
    return await app.proceedings.revoke_links(turn.group, turn.actor)


def minutes_message(view: MinutesView, public_url: str) -> str:
    """The version as one Teams message: its state, the minutes (long paragraphs cut to fit,
    saying so), the download links and where the earlier versions are."""
    lang = view.group.language
    body = minutes_markdown(view.minutes, teams=True)
    cut = False
    for chars in (2000, 1000, 500, 250, 120, 60):
        if teams_size(body) <= TEXT_BUDGET:
            break
        body, cut = minutes_markdown(view.minutes.shortened(chars), teams=True), True
    lines = [f"*{version_stamp(view.group, view.version)}*", "", body.rstrip()]
    if cut:
        lines += ["", message(lang, "minutes_cut")]
    token = view.version.token
    links = message(
        lang,
        "minutes_links_approved" if view.version.approved else "minutes_links",
        pdf=minutes_url(public_url, token, "pdf"),
        docx=minutes_url(public_url, token, "docx"),
        markdown=minutes_url(public_url, token, "md"),
        sidecar=minutes_url(public_url, token, "json"),
    )
    lines += ["", links]
    if view.latest > 1:
        lines += ["", message(lang, "minutes_older_versions", last=view.latest)]
    return "\n".join(lines)


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
        # --- minutes archive (issue #12) ---
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
    help=(
        HelpLine("help_line_attendance", ("present", "absent")),
        HelpLine("help_line_note", ("note",)),
        HelpLine("help_line_minutes", ("minutes",)),
        HelpLine("help_line_approve", ("approve",)),
        HelpLine("help_line_archive", ("archive",)),
        HelpLine("help_line_revoke_links", ("revoke_links",)),
    ),
)
