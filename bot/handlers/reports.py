"""Status reports: ``lägesrapport`` (a card form in a channel, a text dialog in a 1:1 chat, or
saved at once as ``lägesrapport Kalmar: text``), ``lägesrapporter``, and the form's buttons."""

from __future__ import annotations

from bot import cards
from bot.card_actions import CardAction
from bot.domain.commands import Keywords
from bot.domain.i18n import message
from bot.domain.model import Refusal
from bot.domain.regions import split_region_and_text
from bot.domain.replies import full_report, meeting_phrase, report_overview, report_saved
from bot.handlers.base import (
    CommandHandler,
    Feature,
    Finished,
    HelpLine,
    Reply,
    Services,
    ShowCard,
    StartDialog,
    Turn,
    cancelled,
    unknown_action,
)
from dialogs.status_report import DIALOG_ID, report_options

STATUS_REPORT = "status_report"


async def report(app: Services, turn: Turn) -> Reply:
    """Save the report given inline, or open the form (channel) or the dialog (1:1 chat)."""
    group = turn.group
    region_text, text = split_region_and_text(turn.args)
    if text is not None:
        saved = await app.capture.submit_report(group, region_text, text, turn.actor)
        return report_saved(saved, group)
    region = app.capture.resolve_region(group, region_text)
    if isinstance(region, Refusal):
        return region
    meeting = meeting_phrase(await app.capture.next_or_ongoing_meeting(group), group)
    if turn.personal:
        options = report_options(group.id, group.language, region, meeting, turn.actor)
        return StartDialog(DIALOG_ID, options)
    current = await app.capture.current_report(group, region)
    text = current.text if current else None
    return ShowCard(cards.report_form(region, meeting, text, group.language))


async def overview(app: Services, turn: Turn) -> Reply:
    """Which regions have reported for the next meeting; with a region, its whole report (an
    agenda shows long reports shortened)."""
    group = turn.group
    found = await app.capture.report_overview(group)
    if not turn.args.strip():
        return report_overview(found, group)
    region = app.capture.resolve_region(group, turn.args.strip())
    if isinstance(region, Refusal):
        return region
    return full_report(region, dict(found.rows).get(region), found.meeting, group)


async def save_pressed(app: Services, turn: Turn) -> Reply:
    """The report form's Spara: saved, the form becomes the report as saved."""
    region, text = turn.value.get("region"), turn.value.get("text")
    if not isinstance(region, str):
        return unknown_action(turn)
    text = text if isinstance(text, str) else None
    saved = await app.capture.submit_report(turn.group, region, text, turn.actor)
    if isinstance(saved, Refusal):  # the form stays, to be corrected
        return saved
    group = turn.group
    outcome = message(
        group.language,
        "report_card_saved",
        author=saved.report.author_name,
        meeting=meeting_phrase(saved.meeting, group),
    )
    title = message(group.language, "report_form_title", region=saved.report.region)
    return Finished(
        cards.finished_card(outcome, title, saved.report.text), report_saved(saved, group)
    )


FEATURE = Feature(
    name="reports",
    commands=(
        CommandHandler(
            STATUS_REPORT,
            report,
            Keywords(sv=("lägesrapport",), nb=("statusrapport",), en=("status",)),
        ),
        CommandHandler(
            "status_reports",
            overview,
            Keywords(sv=("lägesrapporter",), nb=("statusrapporter",), en=("reports",)),
        ),
    ),
    card_actions={
        CardAction.REPORT_SAVE: save_pressed,
        CardAction.REPORT_CANCEL: cancelled,
    },
    help=(
        HelpLine("help_line_status_report", ("status_report",)),
        HelpLine("help_line_status_reports", ("status_reports",)),
    ),
)
