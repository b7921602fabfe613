"""Action items: ``åtgärd``, ``åtgärder`` (``åtgärder alla`` with the closed ones), ``klar``,
``ändra``, ``ta bort`` (the chair's and the secretary's), and the item cards' buttons."""

from __future__ import annotations

from bot import cards
from bot.card_actions import CardAction
from bot.domain.capture import SavedItem
from bot.domain.commands import Keywords
from bot.domain.i18n import message
from bot.domain.model import ActionItem, Refusal
from bot.domain.replies import action_done
from bot.domain.roles import Guarded
from bot.domain.text import escape_markdown, fold
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
    cancelled,
    card_int,
    unknown_action,
)

_ALL_WORDS = {"alla", "alle", "all"}


def _item_card(
    app: Services, turn: Turn, result: SavedItem | ActionItem | Refusal, *, edited: bool = False
) -> Reply:
    """The item as a card, with the note its change earned."""
    if isinstance(result, Refusal):
        return result
    saved = result if isinstance(result, SavedItem) else SavedItem(result)
    note = saved.note.text(turn.language) if saved.note else None
    if edited:
        note = message(turn.language, "action_edited", number=saved.item.number)
    return ShowCard(cards.action_item_card(saved.item, turn.group, app.clock.now(), note))


async def add(app: Services, turn: Turn) -> Reply:
    """A new action item, owner and due date read from the text."""
    saved = await app.capture.add_action_item(
        turn.group, turn.args, list(turn.mentions), turn.actor
    )
    return _item_card(app, turn, saved)


async def listing(app: Services, turn: Turn) -> Reply:
    """The open items, or with ``alla`` every item; a long list a page at a time, the newest
    first (``åtgärder sida 2``)."""
    words = fold(turn.args).split()
    include_closed = any(word in _ALL_WORDS for word in words)
    page = next((int(word) for word in words if word.isdecimal() and len(word) < 6), 1)
    items = await app.capture.action_items(turn.group, include_closed=include_closed)
    if not items:
        return message(turn.language, "actions_none")
    now = app.clock.now()
    card, pages = cards.action_items_page(
        items, turn.group, now, include_closed=include_closed, page=page
    )
    if card is None:
        return message(turn.language, "actions_no_page", pages=pages)
    return ShowCard(card)


async def done(app: Services, turn: Turn) -> Reply:
    """Close an item by its number."""
    return await _close(app, turn, turn.args)


async def _close(app: Services, turn: Turn, number: str) -> Reply:
    closed = await app.capture.close_action_item(turn.group, number, turn.actor)
    return closed if isinstance(closed, Refusal) else action_done(*closed, turn.group)


async def edit(app: Services, turn: Turn) -> Reply:
    """``ändra 3 ansvarig: Sara``: change what the text names."""
    edited = await app.capture.edit_action_item(turn.group, turn.args, list(turn.mentions))
    return _item_card(app, turn, edited, edited=True)


async def delete(app: Services, turn: Turn) -> Reply:
    """Delete an item (recorded in the audit log)."""
    group = turn.group
    deleted = await app.capture.delete_action_item(group, turn.args, turn.actor)
    if isinstance(deleted, Refusal):
        return deleted
    return message(
        turn.language, "deleted", number=deleted.number, text=escape_markdown(deleted.text)
    )


async def done_pressed(app: Services, turn: Turn) -> Reply:
    """An item card's Klar."""
    number = card_int(turn.value.get("number"))
    return unknown_action(turn) if number is None else await _close(app, turn, str(number))


async def edit_pressed(app: Services, turn: Turn) -> Reply:
    """An item card's Ändra: the edit form."""
    number = card_int(turn.value.get("number"))
    if number is None:
        return unknown_action(turn)
    found = await app.capture.action_item(turn.group, number)
    if found is None:
        return message(turn.language, "action_unknown", number=number)
    example = app.meetings.examples(turn.group)["ex_day"]
    return ShowCard(cards.edit_item_form(found, turn.group, example))


async def save_pressed(app: Services, turn: Turn) -> Reply:
    """The edit form's Spara: each field that differs is changed."""
    number = card_int(turn.value.get("number"))
    fields = [turn.value.get(name, "") for name in ("text", "owner", "due")]
    if number is None or not all(isinstance(field, str) for field in fields):
        return unknown_action(turn)
    edited = await app.capture.save_item_form(turn.group, number, *fields)
    shown = _item_card(app, turn, edited, edited=True)
    # The form becomes the item as changed; a refusal leaves it open to correct.
    return Finished(shown.card) if isinstance(shown, ShowCard) else shown


FEATURE = Feature(
    name="actions",
    commands=(
        CommandHandler(
            "action",
            add,
            Keywords(sv=("åtgärd",), nb=("tiltak",), en=("action",)),
        ),
        CommandHandler(
            "actions",
            listing,
            Keywords(sv=("åtgärder",), nb=("tiltaksliste",), en=("actions",)),
        ),
        CommandHandler(
            "done",
            done,
            Keywords(sv=("klar",), nb=("ferdig",), en=("done",)),
        ),
        CommandHandler(
            "edit",
            edit,
            Keywords(sv=("ändra",), nb=("endre",), en=("edit",)),
        ),
        CommandHandler(
            "delete",
            delete,
            Keywords(sv=("ta bort",), nb=("slett",), en=("delete",)),
            guard=Guard(Guarded.DELETE),
        ),
    ),
    card_actions={
        CardAction.ACTION_DONE: done_pressed,
        CardAction.ACTION_EDIT: edit_pressed,
        CardAction.ACTION_SAVE: save_pressed,
        CardAction.ACTION_CANCEL: cancelled,
    },
    help=(
        HelpLine("help_line_action", ("action",)),
        HelpLine("help_line_actions", ("actions",)),
        HelpLine("help_line_done", ("done",)),
        HelpLine("help_line_edit", ("edit",)),
        HelpLine("help_line_delete", ("delete",)),
    ),
)
