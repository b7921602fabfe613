"""The Teams activity handler: the edge where Teams activities become domain commands.

It reads the activity (``bot.activities``), remembers the conversation it was spoken to in (so
later posts know where to go) and who spoke there, and then for each message: parses it, applies the
privacy guard and the permission the command needs, looks up the feature handler in
``bot/handlers`` (commands and card buttons alike), calls it and renders its reply (text, card,
dialog or refusal) here, in one place. It also runs the 1:1 dialogs. A resent activity (same
id) is handled once. Everything it says comes from ``bot.domain.i18n``.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from botbuilder.core import (
    BotState,
    CardFactory,
    InvokeResponse,
    MessageFactory,
    TurnContext,
)
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
)
from botbuilder.schema.teams import TeamInfo

from bot.activities import (
    activity_key,
    actor_of,
    card_strings,
    conversation_address,
    meeting_event,
    mentions_of,
    strip_bot_mention,
)
from bot.domain.commands import EMPTY, UNKNOWN, Command
from bot.domain.conversations import Conversations
from bot.domain.i18n import message
from bot.domain.meeting_events import EventKind
from bot.domain.model import (
    ConversationType,
    Group,
    Refusal,
)
from bot.domain.ports import (
    HANDLING,
    ActivityJournal,
    Handling,
)
from bot.domain.privacy import holds_identity_number
from bot.domain.regions import split_region_and_text
from bot.domain.schedule import LeadTimes
from bot.domain.services import greeting
from bot.domain.text import fold
from bot.handlers.base import (
    CommandHandler,
    Finished,
    Reply,
    Services,
    ShowCard,
    StartDialog,
    Turn,
    unknown_action,
)
from bot.handlers.help import HELP
from bot.handlers.registry import REGISTRY, Registry
from bot.handlers.reports import STATUS_REPORT
from dialogs.status_report import is_dialog_answer

if TYPE_CHECKING:
    from botbuilder.dialogs import DialogContext, DialogSet

log = logging.getLogger(__name__)

# Where a turn keeps its ``Handling``, for the error handler that runs after the turn, and
# how many of its replies were queued.
_HANDLING = "ragbot.handling"
# What the message's first unit of work found (``Conversations.arrive``).
_ARRIVAL = "ragbot.arrival"
_QUEUED = "ragbot.queued_replies"
_MESSAGE_ACTIVITY = "application/vnd.microsoft.activity.message"
_CANCEL_WORDS = {"avbryt", "cancel", "stopp", "stop"}


@dataclass(frozen=True)
class BotDependencies:
    conversations: Conversations
    journal: ActivityJournal
    # The use cases the feature handlers call.
    services: Services
    leads: LeadTimes
    # Per-user dialog state (PrivateConversationState over SQL): two people writing in the
    # same thread never share a dialog.
    dialog_state: BotState


class RagBot(TeamsActivityHandler):
    def __init__(self, deps: BotDependencies, registry: Registry = REGISTRY) -> None:
        self._deps = deps
        self._registry = registry
        self._services = deps.services
        self._dialog_set: DialogSet | None = None

    async def on_turn(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        key = activity_key(activity)
        if activity.type == ActivityTypes.message:
            # The claim, the group, who spoke and the group acted for: one transaction.
            arrival = await self._deps.conversations.arrive(
                conversation_address(activity), actor_of(activity), key
            )
            turn_context.turn_state[_ARRIVAL] = arrival
            claimed = arrival is not None
        else:
            claimed = not key or await self._deps.journal.claim(key, self._services.clock.now())
        if not claimed:
            log.info("skipping resent activity %s", turn_context.activity.id)
            if turn_context.activity.type == ActivityTypes.invoke:
                # Answered the first time; the resend still needs an answer of its own.
                await turn_context.send_activity(
                    Activity(type=ActivityTypes.invoke_response, value=InvokeResponse(status=200))
                )
            return
        handling = Handling(key) if key else None
        turn_context.turn_state[_HANDLING] = handling
        token = HANDLING.set(handling)
        try:
            await super().on_turn(turn_context)
            await self._deps.dialog_state.save_changes(turn_context)
            if key:
                await self._deps.journal.done(key, self._services.clock.now())
        except Exception:
            # What was committed stays handled: a resend must not store it a second time.
            if key and handling and not handling.stored:
                await self._deps.journal.forget(key)
            raise
        finally:
            HANDLING.reset(token)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        actor = actor_of(activity)
        arrival = turn_context.turn_state.get(_ARRIVAL)
        if arrival is None:  # not come through on_turn
            arrival = await self._deps.conversations.arrive(
                conversation_address(activity), actor, None
            )
            assert arrival is not None
        place = arrival.place
        personal = place.conversation_type is ConversationType.PERSONAL
        group = await self._deps.conversations.working_group_of(arrival, actor)
        text = strip_bot_mention(activity)
        # Before anything can hold on to the text: a dialog's state, a draft, a log line.
        if holds_identity_number(text, *card_strings(activity.value)):
            await _say(turn_context, message((group or place).language, "identity_number"))
            return
        if not text and isinstance(activity.value, dict):
            if group is None:
                await _say(turn_context, message(place.language, "no_group"))
                return
            reply = await self._press(Turn(group, actor, personal, value=activity.value))
            await self._render(turn_context, reply, group.language)
            return
        command = self._registry.vocabulary.parse(text)
        paused = None
        if personal:
            dialog = await self._dialogs.create_context(turn_context)
            if dialog.active_dialog is not None:
                if not self._interrupts(command, text, group):
                    await self._continue_dialog(dialog, text, group or place)
                    return
                paused = dialog
        handler = self._registry.command(command.name)
        if handler.needs_group and group is None:
            await _say(turn_context, message(place.language, "no_group"))
            return
        turn = Turn(
            group or place, actor, personal, command, tuple(mentions_of(activity)), place=place
        )
        reply = await self._call(handler, turn)
        if paused is not None and isinstance(reply, StartDialog):
            # A new report replaces the one under way, which was never saved.
            await paused.cancel_all_dialogs()
            await _say(turn_context, message(turn.language, "dialog_draft_dropped"))
            paused = None
        await self._render(turn_context, reply, turn.language)
        if paused is not None:
            await _say(turn_context, message(turn.language, "dialog_draft_kept"))
            await paused.reprompt_dialog()

    async def _call(self, handler: CommandHandler, turn: Turn) -> Reply:
        """The handler's reply, or the refusal if the command needs a permission the person
        lacks."""
        guarded = handler.guard.needed(turn.args) if handler.guard else None
        if guarded is not None:
            refused = await self._services.roles.permit(turn.group, turn.actor, guarded)
            if refused is not None:
                return refused
        return await handler.run(self._services, turn)

    async def _press(self, turn: Turn) -> Reply:
        """The reply to a card button, found by the action its data names."""
        handler = self._registry.card_action(turn.value.get("ragbot"))
        return unknown_action(turn) if handler is None else await handler(self._services, turn)

    async def _render(self, ctx: TurnContext, reply: Reply, language: str) -> None:
        """Every reply a handler gives is shown here, refusals in the group's language."""
        if isinstance(reply, Refusal):
            await _say(ctx, reply.text(language))
        elif isinstance(reply, ShowCard):
            await ctx.send_activity(
                MessageFactory.attachment(CardFactory.adaptive_card(reply.card))
            )
        elif isinstance(reply, StartDialog):
            dialog = await self._dialogs.create_context(ctx)
            await dialog.begin_dialog(reply.dialog_id, reply.options)
        elif isinstance(reply, Finished):
            replaced = await _replace_pressed_card(ctx, reply.card)
            if reply.then is not None:
                await self._render(ctx, reply.then, language)
            elif not replaced:
                await self._render(ctx, ShowCard(reply.card), language)
        else:
            await _say(ctx, reply)

    # --- 1:1 dialogs -----------------------------------------------------------------------

    @property
    def _dialogs(self) -> DialogSet:
        """The 1:1 dialogs, built when the first 1:1 message comes: botbuilder-dialogs takes
        a tenth of a second to import, which start-up need not wait for."""
        if self._dialog_set is None:
            from botbuilder.dialogs import DialogSet

            from dialogs.status_report_flow import StatusReportDialog

            deps = self._deps
            dialogs = DialogSet(deps.dialog_state.create_property("DialogState"))
            dialogs.add(StatusReportDialog(deps.services.capture, deps.conversations))
            self._dialog_set = dialogs
        return self._dialog_set

    async def _continue_dialog(self, dialog: DialogContext, text: str, group: Group) -> None:
        """Feed a 1:1 message to the dialog under way."""
        if fold(text) in _CANCEL_WORDS:
            await dialog.cancel_all_dialogs()
            await _say(dialog.context, message(group.language, "cancelled"))
            return
        if self._registry.vocabulary.parse(text).name == HELP:  # help, then carry on
            examples = self._services.meetings.examples(group)
            await _say(dialog.context, self._registry.help_text(group.language, examples))
            await dialog.reprompt_dialog()
            return
        await dialog.continue_dialog()

    def _interrupts(self, command: Command, text: str, group: Group | None) -> bool:
        """Whether a message typed during a 1:1 dialog is a command to answer first: a
        command word on its own (`åtgärder`, `dagordning`, `nästa möte` …), or a status report
        for one of the group's regions. Anything else is the dialog's answer, since a report
        may well begin with a command word ("Status på läkarsidan …"), and so are the
        dialog's own answers (Spara, Ändra, Avbryt, ja, nej)."""
        if command.name in (EMPTY, UNKNOWN, HELP) or is_dialog_answer(text):
            return False
        if not command.args.strip():
            return True
        if command.name != STATUS_REPORT or group is None:
            return False
        region, _ = split_region_and_text(command.args)
        return not isinstance(self._services.capture.resolve_region(group, region), Refusal)

    # --- meeting events -------------------------------------------------------------------

    async def on_teams_meeting_start_event(
        self, meeting: object, turn_context: TurnContext
    ) -> None:
        await self._meeting_event(turn_context, EventKind.START)

    async def on_teams_meeting_end_event(self, meeting: object, turn_context: TurnContext) -> None:
        await self._meeting_event(turn_context, EventKind.END)

    async def on_teams_meeting_participants_join_event(
        self, meeting: object, turn_context: TurnContext
    ) -> None:
        await self._meeting_event(turn_context, EventKind.JOIN)

    async def on_teams_meeting_participants_leave_event(
        self, meeting: object, turn_context: TurnContext
    ) -> None:
        await self._meeting_event(turn_context, EventKind.LEAVE)

    async def _meeting_event(self, turn_context: TurnContext, kind: EventKind) -> None:
        """A meeting event, recorded without a word to anyone (but the optional start post);
        one that cannot be read or placed is logged, and Teams gets its 200 all the same."""
        event = meeting_event(turn_context.activity, kind, self._services.clock.now())
        if event is None:
            log.info("a %s event without a meeting id; ignored", kind)
            return
        place, _ = await self._remember(turn_context)
        handled = await self._services.meeting_events.handle(place, event)
        log.info(
            "%s of Teams meeting %.40s: meeting %s (%s)",
            kind,
            event.teams_meeting_id,
            handled.meeting.id if handled.meeting else None,
            handled.note,
        )
        if handled.post:
            await _say(turn_context, handled.post)

    # --- installation, invokes, errors -----------------------------------------------------

    async def on_teams_members_added_dispatch(
        self,
        members_added: list[ChannelAccount],
        team_info: TeamInfo,
        turn_context: TurnContext,
    ) -> None:
        """Who was added, as the activity names them. botbuilder's own dispatch looks each
        person up at the connector first, and one lookup that fails (404 for a guest or a user
        of another tenant) fails the whole turn, greeting and all; the bot needs only to know
        whether it is among them, so it looks no one up."""
        await self.on_teams_members_added(members_added, team_info, turn_context)

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
        """The adapter's turn error handler: log it, and tell the user what became of their
        message: lost, or stored although the turn failed afterwards."""
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
            handling = turn_context.turn_state.get(_HANDLING)
            key = "error_after_saving" if handling and handling.stored else "error"
            await turn_context.send_activity(MessageFactory.text(message(language, key)))
        except Exception as failure:  # noqa: BLE001 - the connector may be why it failed
            log.warning("could not send the error reply either: %s", failure)

    async def queue_reply(self, turn_context: TurnContext, activity: Activity) -> None:
        """A reply the connector would not take in time: delivered later by the scheduler, in
        the same conversation (thread)."""
        group, _ = await self._remember(turn_context)
        number = turn_context.turn_state.get(_QUEUED, 0)
        turn_context.turn_state[_QUEUED] = number + 1
        base = activity_key(turn_context.activity) or uuid.uuid4().hex
        card = next(
            (
                attachment.content
                for attachment in activity.attachments or []
                if attachment.content_type == CardFactory.content_types.adaptive_card
            ),
            None,
        )
        conversation = activity.conversation.id if activity.conversation else group.key
        await self._deps.conversations.queue_reply(
            group, f"reply:{base}:{number}", activity.text or "", card, conversation
        )

    async def too_large_text(self, turn_context: TurnContext) -> str:
        group, _ = await self._remember(turn_context)
        return message(group.language, "reply_too_large")

    async def _remember(self, turn_context: TurnContext) -> tuple[Group, bool]:
        """The group living where the activity came from, created on first contact."""
        return await self._deps.conversations.remember(conversation_address(turn_context.activity))


async def _say(ctx: TurnContext, text: str) -> None:
    await ctx.send_activity(MessageFactory.text(text))


async def _replace_pressed_card(ctx: TurnContext, card: dict) -> bool:
    """Update the bot's message whose button was pressed (a card submit names it in
    ``replyToId``) to show ``card``; False if there is none to update or Teams refused."""
    pressed = ctx.activity.reply_to_id
    if not pressed:
        return False
    update = MessageFactory.attachment(CardFactory.adaptive_card(card))
    update.id = pressed
    try:
        await ctx.update_activity(update)
    except Exception as error:  # noqa: BLE001 - the answer still goes out as a new message
        log.warning("could not update the pressed card: %s", error)
        return False
    return True
