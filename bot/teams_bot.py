"""The Teams activity handler: the edge where Teams activities become domain commands.

It removes the bot's own @mention, remembers the conversation it was spoken to in (so later
posts know where to go) and who spoke there, routes commands and card buttons to the capture
use cases, and runs the 1:1 dialogs. In a channel or group chat, input that takes more than one
message is a card form; in a 1:1 chat it is a text dialog. A resent activity (same id) is
handled once. Everything it says comes from ``bot.domain.i18n``.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from botbuilder.core import (
    BotState,
    CardFactory,
    InvokeResponse,
    MessageFactory,
    TurnContext,
)
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.dialogs import DialogSet, DialogTurnStatus
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationReference,
)
from botbuilder.schema.teams import TeamInfo

from bot import cards
from bot.domain.capture import Capture, SavedItem
from bot.domain.commands import Command, CommandName, parse_command
from bot.domain.conversations import Conversations
from bot.domain.i18n import message
from bot.domain.meetings import Meetings, MeetingTime, meeting_when
from bot.domain.model import (
    Actor,
    ConversationAddress,
    ConversationType,
    Group,
    Mention,
    Refusal,
)
from bot.domain.notices import Notices
from bot.domain.ports import (
    HANDLING,
    ActivityJournal,
    Clock,
)
from bot.domain.preferences import Preferences
from bot.domain.privacy import holds_identity_number
from bot.domain.regions import split_region_and_text
from bot.domain.replies import (
    action_done,
    decision_saved,
    meeting_phrase,
    meetings_overview,
    meetings_scheduled,
    next_meeting,
    point_saved,
    regions_line,
    report_overview,
    report_saved,
)
from bot.domain.roles import Guarded, Roles
from bot.domain.schedule import LeadTimes
from bot.domain.services import answer, greeting
from bot.domain.text import escape_markdown, fold
from dialogs.status_report import DIALOG_ID, StatusReportDialog, report_options

log = logging.getLogger(__name__)

_MESSAGE_ACTIVITY = "application/vnd.microsoft.activity.message"
_SPACES = re.compile(r"[ \t\xa0]+")
_CANCEL_WORDS = {"avbryt", "cancel", "stopp", "stop"}
_ALL_WORDS = {"alla", "alle", "all"}
_GUARDED_COMMANDS = {CommandName.ROLES, CommandName.ROLE, CommandName.DELETE, CommandName.LOG}
_MEETING_COMMANDS = {
    CommandName.MEETINGS,
    CommandName.NEXT_MEETING,
    CommandName.MOVE_MEETING,
    CommandName.CANCEL_MEETING,
}


@dataclass(frozen=True)
class BotDependencies:
    conversations: Conversations
    journal: ActivityJournal
    capture: Capture
    meetings: Meetings
    notices: Notices
    roles: Roles
    preferences: Preferences
    clock: Clock
    leads: LeadTimes
    # Where people reach the bot's own pages (calendar links).
    public_url: str
    # Per-user dialog state (PrivateConversationState over SQL): two people writing in the
    # same thread never share a dialog.
    dialog_state: BotState


def strip_bot_mention(activity: Activity) -> str:
    """The message text without the bot's own ``<at>…</at>`` mention(s).

    botbuilder's ``remove_recipient_mention`` deletes every occurrence of the bot's *name*
    ("RAG-gruppen" would become "-gruppen"); this removes only the mention markup Teams put
    there, as the mention entities name it, and leaves other people's mentions alone.
    """
    text = activity.text if isinstance(activity.text, str) else ""
    bot_id = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        if entity.type != "mention":
            continue
        props = _mapping(entity.additional_properties)
        markup = _text(props.get("text"))
        if markup and _mapping(props.get("mentioned")).get("id") == bot_id:
            text = text.replace(markup, " ")
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def conversation_address(activity: Activity) -> ConversationAddress:
    """Where this activity came from, as the domain keys groups (odd channelData ignored)."""
    channel_data = _mapping(activity.channel_data)
    team = _mapping(channel_data.get("team"))
    channel = _mapping(channel_data.get("channel"))
    tenant = _text(_mapping(channel_data.get("tenant")).get("id")) or _text(
        activity.conversation.tenant_id
    )
    # In a channel every reply thread has its own conversation id (";messageid=…"); the
    # group is the channel itself.
    base_id = activity.conversation.id.split(";", 1)[0]
    kind = activity.conversation.conversation_type or "personal"
    try:
        conversation_type = ConversationType(kind)
    except ValueError:
        conversation_type = ConversationType.PERSONAL
    reference = TurnContext.get_conversation_reference(activity)
    reference.conversation.id = base_id
    reference.activity_id = None
    channel_id = _text(channel.get("id"))
    return ConversationAddress(
        key=channel_id or base_id,
        conversation_type=conversation_type,
        tenant_id=tenant,
        team_id=_text(team.get("id")),
        channel_id=channel_id,
        name=(_text(team.get("name")) or _text(activity.conversation.name) or "")[:200],
        reference=_reference_json(reference),
    )


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _reference_json(reference: ConversationReference) -> dict:
    """The reference as stored: only what identifies the place, not who spoke last, so it
    stays the same from message to message (and needs no write)."""
    document = reference.serialize()
    for per_message in ("activityId", "user", "locale"):
        document.pop(per_message, None)
    return document


def activity_key(activity: Activity) -> str | None:
    """A fixed-length key for deduplication: the same activity resent has the same key."""
    if not activity.id:
        return None
    conversation = activity.conversation.id if activity.conversation else ""
    raw = f"{activity.channel_id}|{conversation}|{activity.id}"
    return hashlib.sha256(raw.encode()).hexdigest()


def actor_of(activity: Activity) -> Actor:
    """Who sent it; the Entra object id is the same in every chat, the Teams id is not."""
    sender = activity.from_property
    if sender is None:
        return Actor("unknown", "?")
    return Actor(
        sender.aad_object_id or sender.id or "unknown", sender.name or "?", teams_id=sender.id
    )


def mentions_of(activity: Activity) -> list[Mention]:
    """People @mentioned in the message, the bot itself left out."""
    bot_id = activity.recipient.id if activity.recipient else None
    found = []
    for entity in activity.entities or []:
        props = _mapping(entity.additional_properties)
        mentioned = _mapping(props.get("mentioned"))
        person = _text(mentioned.get("id"))
        if entity.type != "mention" or person is None or person == bot_id:
            continue
        name = _text(mentioned.get("name")) or "?"
        found.append(Mention(person, name[:200], _text(props.get("text")) or ""))
    return found


class RagBot(TeamsActivityHandler):
    def __init__(self, deps: BotDependencies) -> None:
        self._deps = deps
        self._preferences = deps.preferences
        self._dialogs = DialogSet(deps.dialog_state.create_property("DialogState"))
        self._dialogs.add(StatusReportDialog(deps.capture, deps.conversations))

    async def on_turn(self, turn_context: TurnContext) -> None:
        key = activity_key(turn_context.activity)
        if key and not await self._deps.journal.claim(key, self._deps.clock.now()):
            log.info("skipping resent activity %s", turn_context.activity.id)
            if turn_context.activity.type == ActivityTypes.invoke:
                # Answered the first time; the resend still needs an answer of its own.
                await turn_context.send_activity(
                    Activity(type=ActivityTypes.invoke_response, value=InvokeResponse(status=200))
                )
            return
        handling = HANDLING.set(key)
        try:
            await super().on_turn(turn_context)
            await self._deps.dialog_state.save_changes(turn_context)
            if key:
                await self._deps.journal.done(key, self._deps.clock.now())
        except Exception:
            if key:
                await self._deps.journal.forget(key)
            raise
        finally:
            HANDLING.reset(handling)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        place, _ = await self._remember(turn_context)
        activity = turn_context.activity
        actor = actor_of(activity)
        personal = place.conversation_type is ConversationType.PERSONAL
        if not personal:
            await self._deps.conversations.seen(place, actor)
        group = await self._working_group(place, actor)
        text = strip_bot_mention(activity)
        # Before anything can hold on to the text: a dialog's state, a draft, a log line.
        if holds_identity_number(text, *_strings(activity.value)):
            await _say(turn_context, message((group or place).language, "identity_number"))
            return
        if not text and isinstance(activity.value, dict):
            if group is None:
                await _say(turn_context, message(place.language, "no_group"))
            else:
                await self._on_card_submit(turn_context, group, activity.value, actor)
            return
        if personal and await self._continue_dialog(turn_context, text, group or place):
            return
        command = parse_command(text)
        if command.name in (CommandName.HELP, CommandName.EMPTY, CommandName.UNKNOWN):
            await _say(turn_context, answer(command, (group or place).language))
        elif group is None:
            await _say(turn_context, message(place.language, "no_group"))
        else:
            await self._run(turn_context, group, command, actor, personal)

    # --- commands --------------------------------------------------------------------------

    async def _run(
        self, ctx: TurnContext, group: Group, command: Command, actor: Actor, personal: bool
    ) -> None:
        capture = self._deps.capture
        lang = group.language
        name, args = command.name, command.args
        if name is CommandName.STATUS_REPORT:
            await self._status_report(ctx, group, args, actor, personal)
        elif name is CommandName.STATUS_REPORTS:
            await _say(ctx, report_overview(await capture.report_overview(group), group))
        elif name is CommandName.ACTION:
            saved = await capture.add_action_item(group, args, mentions_of(ctx.activity), actor)
            await self._show_item(ctx, group, saved)
        elif name is CommandName.ACTIONS:
            include_closed = fold(args.strip()) in _ALL_WORDS
            items = await capture.action_items(group, include_closed=include_closed)
            if not items:
                await _say(ctx, message(lang, "actions_none"))
            else:
                now = self._deps.clock.now()
                card = cards.action_items_card(items, group, now, include_closed=include_closed)
                await _send_card(ctx, card)
        elif name is CommandName.DONE:
            await self._close_item(ctx, group, args, actor)
        elif name is CommandName.EDIT:
            edited = await capture.edit_action_item(group, args, mentions_of(ctx.activity))
            await self._show_item(ctx, group, edited, edited_note=True)
        elif name is CommandName.DECISION:
            recorded = await capture.record_decision(group, args, actor)
            reply = (
                recorded.text(lang)
                if isinstance(recorded, Refusal)
                else decision_saved(*recorded, group)
            )
            await _say(ctx, reply)
        elif name is CommandName.POINT:
            point = await capture.propose_point(group, args, actor)
            await _say(
                ctx, point.text(lang) if isinstance(point, Refusal) else point_saved(point, group)
            )
        elif name is CommandName.REGIONS:
            await self._regions(ctx, group, args, actor)
        elif name in _MEETING_COMMANDS:
            await self._meetings(ctx, group, command)
        elif name is CommandName.AGENDA:
            await self._agenda(ctx, group)
        elif name is CommandName.SETTINGS:
            await self._settings(ctx, group, args, actor)
        elif name in _GUARDED_COMMANDS:
            await self._guarded(ctx, group, command, actor)
        else:
            await _say(ctx, answer(command, lang))

    # --- meetings, agenda and settings -----------------------------------------------------

    async def _meetings(self, ctx: TurnContext, group: Group, command: Command) -> None:
        meetings = self._deps.meetings
        lang = group.language
        name, args = command.name, command.args
        if name is CommandName.NEXT_MEETING:
            found = await self._deps.capture.next_or_ongoing_meeting(group)
            link = None
            if found is not None:
                link = await meetings.calendar_url(group, self._deps.public_url, found)
            await _say(ctx, next_meeting(found, group, link))
        elif name is CommandName.MEETINGS and not args:
            link = await meetings.calendar_url(group, self._deps.public_url)
            await _say(ctx, meetings_overview(await meetings.upcoming(group), group, link))
        elif name is CommandName.MEETINGS:
            scheduled = await meetings.schedule(group, args)
            if isinstance(scheduled, Refusal):
                await _say(ctx, scheduled.text(lang))
            else:
                link = await meetings.calendar_url(group, self._deps.public_url)
                await _say(ctx, meetings_scheduled(scheduled, group, link))
        elif name is CommandName.MOVE_MEETING:
            planned = await meetings.plan_move(group, args)
            if isinstance(planned, Refusal):
                await _say(ctx, planned.text(lang))
                return
            meeting, target = planned
            question = message(
                lang,
                "move_confirm",
                old=meeting_when(meeting, group),
                new=meeting_when(target, group),
            )
            card = cards.confirm_card(
                question,
                message(lang, "move_button"),
                "meeting.move",
                lang,
                meeting=meeting.id,
                version=meeting.version,
                starts=target.starts_at.isoformat(),
                ends=target.ends_at.isoformat(),
                place=target.place,
            )
            await _send_card(ctx, card)
        else:  # cancel
            found = await meetings.find(group, args)
            if isinstance(found, Refusal):
                await _say(ctx, found.text(lang))
                return
            card = cards.confirm_card(
                message(lang, "cancel_confirm", when=meeting_when(found, group)),
                message(lang, "cancel_meeting_button"),
                "meeting.cancel",
                lang,
                meeting=found.id,
                version=found.version,
            )
            await _send_card(ctx, card)

    async def _meeting_answer(self, ctx: TurnContext, group: Group, value: dict[str, Any]) -> None:
        """A press on a move or cancel confirmation card."""
        lang = group.language
        meeting_id, version = _int(value.get("meeting")), value.get("version")
        if meeting_id is None or not isinstance(version, str):
            await _say(ctx, message(lang, "unknown_action"))
            return
        meetings = self._deps.meetings
        if value["ragbot"] == "meeting.cancel":
            cancelled = await meetings.cancel(group, meeting_id, version)
            reply = (
                cancelled.text(lang)
                if isinstance(cancelled, Refusal)
                else message(lang, "meeting_cancelled", when=meeting_when(cancelled, group))
            )
            await _say(ctx, reply)
            return
        target = _meeting_time(value)
        if target is None:
            await _say(ctx, message(lang, "unknown_action"))
            return
        moved = await meetings.move(group, meeting_id, target, version)
        if isinstance(moved, Refusal):
            await _say(ctx, moved.text(lang))
            return
        old, new = moved
        await _say(
            ctx, message(lang, "moved", old=meeting_when(old, group), new=meeting_when(new, group))
        )

    async def _agenda(self, ctx: TurnContext, group: Group) -> None:
        meeting = await self._deps.capture.next_or_ongoing_meeting(group)
        if meeting is None:
            await _say(ctx, message(group.language, "agenda_no_meeting"))
            return
        agenda = await self._deps.notices.agenda(group, meeting)
        await _send_card(ctx, cards.agenda_card(agenda))

    async def _settings(self, ctx: TurnContext, group: Group, args: str, actor: Actor) -> None:
        if not args.strip():
            await _say(ctx, self._preferences.show(group))
            return
        changed = await self._deps.roles.guarded(
            group,
            actor,
            Guarded.SETTINGS,
            lambda: self._preferences.change(group, args, actor),
        )
        if isinstance(changed, Refusal):
            await _say(ctx, changed.text(group.language))
        else:
            await _say(ctx, self._preferences.show(changed))

    async def _guarded(
        self, ctx: TurnContext, group: Group, command: Command, actor: Actor
    ) -> None:
        """Roles, deleting an item and the log: the chair's and the secretary's commands."""
        roles = self._deps.roles
        name, args = command.name, command.args
        if name is CommandName.ROLES or (name is CommandName.ROLE and not args.strip()):
            await _say(ctx, await roles.overview(group))
            return
        if name is CommandName.ROLE:
            reply = await roles.guarded(
                group,
                actor,
                Guarded.ROLES,
                lambda: roles.change(group, actor, args, mentions_of(ctx.activity)),
            )
        elif name is CommandName.LOG:
            reply = await roles.log(group, actor)
        else:
            deleted = await roles.guarded(
                group,
                actor,
                Guarded.DELETE,
                lambda: self._deps.capture.delete_action_item(group, args, actor),
            )
            reply = (
                deleted
                if isinstance(deleted, Refusal)
                else message(
                    group.language,
                    "deleted",
                    number=deleted.number,
                    text=escape_markdown(deleted.text),
                )
            )
        await _say(ctx, reply.text(group.language) if isinstance(reply, Refusal) else reply)

    async def _status_report(
        self, ctx: TurnContext, group: Group, args: str, actor: Actor, personal: bool
    ) -> None:
        capture = self._deps.capture
        region_text, text = split_region_and_text(args)
        if text is not None:  # "lägesrapport Kalmar: text" saves at once
            saved = await capture.submit_report(group, region_text, text, actor)
            await _say(ctx, report_saved(saved, group))
            return
        region = capture.resolve_region(group, region_text)
        if isinstance(region, Refusal):
            await _say(ctx, region.text(group.language))
            return
        meeting = meeting_phrase(await capture.next_or_ongoing_meeting(group), group)
        if personal:
            dialog = await self._dialogs.create_context(ctx)
            await dialog.begin_dialog(
                DIALOG_ID, report_options(group.id, group.language, region, meeting, actor)
            )
            return
        current = await capture.current_report(group, region)
        form = cards.report_form(region, meeting, current.text if current else None, group.language)
        await _send_card(ctx, form)

    async def _regions(self, ctx: TurnContext, group: Group, args: str, actor: Actor) -> None:
        lang = group.language
        if not args.strip():
            reply = (
                message(lang, "regions_show", regions=regions_line(group))
                if group.regions
                else message(lang, "no_regions")
            )
            await _say(ctx, reply)
            return
        updated = await self._deps.roles.guarded(
            group,
            actor,
            Guarded.REGIONS,
            lambda: self._deps.capture.set_regions(group, args, actor),
        )
        if isinstance(updated, Refusal):
            await _say(ctx, updated.text(lang))
        else:
            await _say(ctx, message(lang, "regions_set", regions=regions_line(updated)))

    async def _close_item(self, ctx: TurnContext, group: Group, number: str, actor: Actor) -> None:
        closed = await self._deps.capture.close_action_item(group, number, actor)
        if isinstance(closed, Refusal):
            await _say(ctx, closed.text(group.language))
        else:
            await _say(ctx, action_done(*closed, group))

    async def _show_item(
        self, ctx: TurnContext, group: Group, result: Any, *, edited_note: bool = False
    ) -> None:
        if isinstance(result, Refusal):
            await _say(ctx, result.text(group.language))
            return
        saved = result if isinstance(result, SavedItem) else SavedItem(result)
        note = saved.note.text(group.language) if saved.note else None
        if edited_note:
            note = message(group.language, "action_edited", number=saved.item.number)
        card = cards.action_item_card(saved.item, group, self._deps.clock.now(), note)
        await _send_card(ctx, card)

    # --- card buttons ----------------------------------------------------------------------

    async def _on_card_submit(
        self, ctx: TurnContext, group: Group, value: dict[str, Any], actor: Actor
    ) -> None:
        action = value.get("ragbot")
        lang = group.language
        number = _int(value.get("number"))
        if action == "report.save" and isinstance(value.get("region"), str):
            text = value.get("text") if isinstance(value.get("text"), str) else None
            saved = await self._deps.capture.submit_report(group, value["region"], text, actor)
            await _say(ctx, report_saved(saved, group))
        elif action in ("report.cancel", "action.cancel"):
            await _say(ctx, message(lang, "cancelled"))
        elif action in ("meeting.move", "meeting.cancel"):
            await self._meeting_answer(ctx, group, value)
        elif action == "meeting.keep":
            await _say(ctx, message(lang, "nothing_changed"))
        elif action == "action.done" and number is not None:
            await self._close_item(ctx, group, str(number), actor)
        elif action == "action.edit" and number is not None:
            found = await self._deps.capture.action_item(group, number)
            if found is None:
                await _say(ctx, message(lang, "action_unknown", number=number))
            else:
                await _send_card(ctx, cards.edit_item_form(found, group))
        elif action == "action.save" and number is not None:
            fields = [value.get(name, "") for name in ("text", "owner", "due")]
            if not all(isinstance(field, str) for field in fields):
                await _say(ctx, message(lang, "unknown_action"))
                return
            edited = await self._deps.capture.save_item_form(group, number, *fields)
            await self._show_item(ctx, group, edited, edited_note=True)
        else:
            await _say(ctx, message(lang, "unknown_action"))

    # --- 1:1 dialogs -----------------------------------------------------------------------

    async def _continue_dialog(self, ctx: TurnContext, text: str, group: Group) -> bool:
        """Feed a 1:1 message to the dialog under way, if there is one; True if it took it."""
        dialog = await self._dialogs.create_context(ctx)
        if dialog.active_dialog is None:
            return False
        if fold(text) in _CANCEL_WORDS:
            await dialog.cancel_all_dialogs()
            await _say(ctx, message(group.language, "cancelled"))
            return True
        if parse_command(text).name is CommandName.HELP:  # help, then carry on where we were
            await _say(ctx, message(group.language, "help"))
            await dialog.reprompt_dialog()
            return True
        result = await dialog.continue_dialog()
        return result.status is not DialogTurnStatus.Empty

    # --- installation, invokes, errors -----------------------------------------------------

    async def on_teams_members_added(
        self,
        teams_members_added: list[ChannelAccount],
        team_info: TeamInfo,
        turn_context: TurnContext,
    ) -> None:
        bot_id = turn_context.activity.recipient.id
        if not any(member.id == bot_id for member in teams_members_added):
            return
        group, created = await self._remember(turn_context)
        log.info("installed in %s (group %s, new=%s)", group.key, group.id, created)
        await turn_context.send_activity(MessageFactory.text(greeting(group)))

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        if turn_context.activity.name != "adaptiveCard/action":
            # The app declares no task modules, message extensions or sign-in, so Teams sends
            # no other invoke; botbuilder's handlers for them would only fail on odd values.
            log.info("ignored an invoke the app does not use: %.60r", turn_context.activity.name)
            return InvokeResponse(status=200)
        # botbuilder types AdaptiveCardInvokeResponse.value as a dict and cannot serialise the
        # message form (a string), so the Universal Action response is built as plain JSON.
        group, _ = await self._remember(turn_context)
        body = {
            "statusCode": 200,
            "type": _MESSAGE_ACTIVITY,
            "value": message(group.language, "unknown_action"),
        }
        return InvokeResponse(status=200, body=body)

    async def on_error(self, turn_context: TurnContext, error: Exception) -> None:
        """The adapter's turn error handler: log it, and tell the user their message was lost."""
        log.error("turn failed: %s", error, exc_info=error)
        if turn_context.activity.type != "message" or turn_context.responded:
            return
        language = self._deps.conversations.defaults.language
        try:
            key = conversation_address(turn_context.activity).key
            language = await self._deps.conversations.language_at(key)
        except Exception:  # noqa: BLE001 - the database may be why the turn failed
            log.warning("could not look up the group's language for the error reply")
        try:
            await turn_context.send_activity(MessageFactory.text(message(language, "error")))
        except Exception as failure:  # noqa: BLE001 - the connector may be why it failed
            log.warning("could not send the error reply either: %s", failure)

    async def _remember(self, turn_context: TurnContext) -> tuple[Group, bool]:
        """The group living where the activity came from, created on first contact."""
        return await self._deps.conversations.remember(conversation_address(turn_context.activity))

    async def _working_group(self, place: Group, actor: Actor) -> Group | None:
        """The group a command acts for: where it was said, or from a 1:1 chat the group the
        person was last seen in."""
        return await self._deps.conversations.working_group(place, actor)


async def _say(ctx: TurnContext, text: str) -> None:
    await ctx.send_activity(MessageFactory.text(text))


async def _send_card(ctx: TurnContext, card: dict[str, Any]) -> None:
    await ctx.send_activity(MessageFactory.attachment(CardFactory.adaptive_card(card)))


def _strings(value: object, depth: int = 0) -> list[str]:
    """Every string in a card submit's value, however nested (to a sane depth)."""
    if isinstance(value, str):
        return [value]
    if depth > 8:
        return []
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in _strings(item, depth + 1)]
    return []


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _meeting_time(value: dict[str, Any]) -> MeetingTime | None:
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
