"""The meeting's proceedings: ``närvarande``/``frånvarande`` take attendance, ``anteckning
<part>: text`` notes under a section, region or topic, ``minnesanteckningar`` shows the minutes
draft (a new version when something changed; ``minnesanteckningar version 1`` an earlier one)
with Word and Markdown links, and ``justera`` approves and locks the latest version."""

from __future__ import annotations

from bot.cards import MESSAGE_LIMIT, teams_size
from bot.domain.commands import Keywords
from bot.domain.i18n import format_when, message
from bot.domain.minutes import minutes_markdown
from bot.domain.model import Group, MinutesVersion, Refusal
from bot.domain.proceedings import MinutesView
from bot.domain.replies import local
from bot.handlers.base import CommandHandler, Feature, HelpLine, Reply, Services, Turn

# Room for the lines around the minutes in the message.
TEXT_BUDGET = MESSAGE_LIMIT - 4_000


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


def minutes_link(public_url: str, token: str, suffix: str) -> str:
    return f"{public_url.rstrip('/')}/minutes/{token}.{suffix}"


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
        "minutes_links",
        docx=minutes_link(public_url, token, "docx"),
        markdown=minutes_link(public_url, token, "md"),
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
    ),
    help=(
        HelpLine("help_line_attendance", ("present", "absent")),
        HelpLine("help_line_note", ("note",)),
        HelpLine("help_line_minutes", ("minutes",)),
        HelpLine("help_line_approve", ("approve",)),
    ),
)
