"""Adaptive Cards (schema 1.5) for reports, action items, meetings, the agenda, attendance and
the minutes: pure functions, dicts out.

Whatever a user wrote goes into ``TextRun``s, which Teams never reads as Markdown, one
block per line so paragraphs and bullet lists look as written; JSON encoding does the rest,
so no user text can become card markup. Buttons are ``Action.Submit``: in a channel their
data comes back as a message ``value`` without the @mention a text reply would need.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from datetime import datetime
from functools import singledispatch
from typing import Any

from bot.card_actions import CardAction
from bot.domain.agenda import (
    Agenda,
    ItemLines,
    agenda_place,
    agenda_text,
    agenda_title,
    agenda_when,
    item_line,
    more_items_note,
    next_meeting_line,
    previous_minutes_line,
    report_cut_note,
    section_heading,
    seminar_line,
)
from bot.domain.capture import REPORT_LIMIT, TEXT_LIMIT
from bot.domain.i18n import format_day, message
from bot.domain.minutes import Kind, Minutes
from bot.domain.model import ActionItem, Group, Section, is_overdue
from bot.domain.replies import due_phrase, local
from bot.domain.text import grouped

Card = dict[str, Any]
CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
# Teams refuses a bot message over 40 KB (older clients; 100 KB in the current one), counted
# as UTF-16. A card keeps to this, leaving room for the message around it and its fallback.
MESSAGE_LIMIT = 40_000
CARD_BUDGET = 30_000
PAGE_OVERHEAD = 1_500


def _card(body: list[Card], actions: list[Card] | None = None) -> Card:
    card: Card = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.5",
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return card


def _line(text: str, *, spacing: str | None = None, **style: Any) -> Card:
    block: Card = {"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": text, **style}]}
    if spacing:
        block["spacing"] = spacing
    return block


def _heading(text: str) -> Card:
    return _line(text, size="medium", weight="bolder")


def user_text(text: str) -> list[Card]:
    """Paragraphs and lists as written: one block per line, a gap where a blank line was."""
    blocks: list[Card] = []
    gap = False
    for line in text.split("\n"):
        if not line.strip():
            gap = True
            continue
        blocks.append(_line(line, spacing="medium" if gap else "none", wrap=True))
        gap = False
    return blocks


def finished_card(outcome: str, title: str | None = None, text: str | None = None) -> Card:
    """A form or question that has done its job, as it then reads: what happened (and the
    text it kept), with no buttons left to press again."""
    body = [_heading(title)] if title else []
    body.append(_line(outcome, wrap=True, isSubtle=title is not None))
    return _card(body + (user_text(text) if text else []))


def _submit(title: str, do: CardAction, *, with_inputs: bool = True, **data: Any) -> Card:
    """A button whose press comes back as ``value = {"ragbot": do, **data, **inputs}``."""
    # The value itself: card data is plain JSON, stored and compared as text.
    action: Card = {"type": "Action.Submit", "title": title, "data": {"ragbot": do.value, **data}}
    if not with_inputs:
        action["associatedInputs"] = "none"
    return action


def report_form(region: str, meeting: str, current: str | None, language: str) -> Card:
    return _card(
        [
            _heading(message(language, "report_form_title", region=region)),
            _line(meeting, spacing="none", isSubtle=True),
            {
                "type": "Input.Text",
                "id": "text",
                "isMultiline": True,
                "placeholder": message(language, "report_form_hint", limit=grouped(REPORT_LIMIT)),
                "value": current or "",
            },
        ],
        [
            _submit(message(language, "save"), CardAction.REPORT_SAVE, region=region),
            _submit(
                message(language, "cancel"),
                CardAction.REPORT_CANCEL,
                region=region,
                with_inputs=False,
            ),
        ],
    )


def _item_facts(item: ActionItem, group: Group, now: datetime) -> list[Card]:
    lang = group.language
    owner = item.owner_name
    lines = [
        _line(
            message(lang, "action_owner", owner=owner)
            if owner
            else message(lang, "action_no_owner"),
            spacing="small",
        )
    ]
    due = due_phrase(item, group)
    due_line = message(lang, "action_due", due=due) if due else message(lang, "action_no_due")
    if is_overdue(item, group, now):
        lines.append(
            _line(
                f"{due_line} – {message(lang, 'action_overdue')}",
                spacing="none",
                color="attention",
                weight="bolder",
            )
        )
    else:
        lines.append(_line(due_line, spacing="none"))
    if item.closed_at is not None:
        when = format_day(local(item.closed_at, group), lang)
        lines.append(
            _line(
                message(lang, "action_closed_by", when=when, by=item.closed_by or ""),
                spacing="none",
                color="good",
            )
        )
    return lines


def _item_buttons(item: ActionItem, language: str) -> list[Card]:
    return [
        _submit(
            message(language, "done_button"),
            CardAction.ACTION_DONE,
            number=item.number,
            with_inputs=False,
        ),
        _submit(
            message(language, "edit"),
            CardAction.ACTION_EDIT,
            number=item.number,
            with_inputs=False,
        ),
    ]


def action_item_card(item: ActionItem, group: Group, now: datetime, note: str | None) -> Card:
    lang = group.language
    body = [_heading(message(lang, "action_title", number=item.number)), *user_text(item.text)]
    body += _item_facts(item, group, now)
    if note:
        body.append(_line(note, isSubtle=True, italic=True, wrap=True))
    return _card(body, _item_buttons(item, lang) if item.is_open else None)


def action_items_card(
    items: list[ActionItem],
    group: Group,
    now: datetime,
    *,
    include_closed: bool,
    total: int | None = None,
    rows: list[Card] | None = None,
) -> Card:
    """The items as a card; ``rows``: their rows drawn already (``_item_row``)."""
    lang = group.language
    key = "actions_all_heading" if include_closed else "actions_heading"
    count = f"{total if total is not None else len(items):,}".replace(",", " ")
    body: list[Card] = [_heading(message(lang, key, count=count))]
    body += rows if rows is not None else [_item_row(item, group, now) for item in items]
    return _card(body)


def _item_row(item: ActionItem, group: Group, now: datetime) -> Card:
    rows: list[Card] = [
        {
            "type": "RichTextBlock",
            "inlines": [
                {"type": "TextRun", "text": f"#{item.number} ", "weight": "bolder"},
                {"type": "TextRun", "text": item.text},
            ],
        },
        *_item_facts(item, group, now),
    ]
    if item.is_open:
        rows.append({"type": "ActionSet", "actions": _item_buttons(item, group.language)[:1]})
    return {"type": "Container", "separator": True, "spacing": "medium", "items": rows}


def edit_item_form(item: ActionItem, group: Group, example_day: str) -> Card:
    """The item's fields to change; ``example_day`` is the date the due field's hint shows."""
    lang = group.language
    due = local(item.due_at, group) if item.due_at else None
    return _card(
        [
            _heading(message(lang, "edit_title", number=item.number)),
            _input("text", message(lang, "field_text", limit=grouped(TEXT_LIMIT)), item.text, None),
            _input("owner", message(lang, "field_owner"), item.owner_name or "", 200),
            _input(
                "due",
                message(lang, "field_due", ex_day=example_day),
                f"{due.day}/{due.month}" if due else "",
                100,
            ),
        ],
        [
            _submit(message(lang, "save"), CardAction.ACTION_SAVE, number=item.number),
            _submit(
                message(lang, "cancel"),
                CardAction.ACTION_CANCEL,
                number=item.number,
                with_inputs=False,
            ),
        ],
    )


def _input(input_id: str, label: str, value: str, limit: int | None) -> Card:
    """A one-line input; ``limit`` only for short fields, where a cut cannot lose a text."""
    field: Card = {"type": "Input.Text", "id": input_id, "label": label, "value": value}
    if limit is not None:
        field["maxLength"] = limit
    return field


def confirm_card(question: str, confirm: str, do: CardAction, language: str, **data: Any) -> Card:
    """A yes/no question whose buttons carry everything the answer needs."""
    return _card(
        [_line(question, wrap=True, weight="bolder")],
        [
            _submit(confirm, do, with_inputs=False, **data),
            _submit(message(language, "keep_button"), CardAction.MEETING_KEEP, with_inputs=False),
        ],
    )


def _section(agenda: Agenda, number: int, section: Section) -> Card:
    return _line(
        section_heading(agenda, number, section), spacing="medium", weight="bolder", wrap=True
    )


def _bullet(text: str, *, indent: bool = False, **style: Any) -> Card:
    return _line(("    • " if indent else "• ") + text, spacing="none", wrap=True, **style)


def agenda_card(agenda: Agenda, drawn: ItemLines | None = None) -> Card:
    """The agenda draft: the template's sections, one slot per region, items carried over
    (``drawn``: the item lines drawn before for the same agenda, see ``item_line``)."""
    lang = agenda.language
    body: list[Card] = [
        _line(agenda_title(agenda), size="large", weight="bolder", wrap=True),
        _line(agenda_when(agenda), spacing="none", isSubtle=True),
        _line(agenda_place(agenda), spacing="none", isSubtle=True, wrap=True),
    ]
    if agenda.meeting.cancelled:
        body.append(_line(message(lang, "agenda_cancelled"), color="attention", weight="bolder"))
    body += [
        _section(agenda, 1, Section.OPENING),
        _section(agenda, 2, Section.PREVIOUS_MINUTES),
    ]
    previous = previous_minutes_line(agenda)
    if previous:
        # A TextBlock, not a TextRun: its Markdown makes the PDF/A link clickable.
        body.append({"type": "TextBlock", "text": previous, "spacing": "none", "wrap": True})
    body += [
        _section(agenda, 3, Section.DEVELOPMENT),
        _line(message(lang, "agenda_reports"), spacing="small", weight="bolder", size="small"),
    ]
    for slot in agenda.slots:
        if slot.report is None:
            body.append(
                {
                    "type": "RichTextBlock",
                    "spacing": "small",
                    "inlines": [
                        {"type": "TextRun", "text": f"{slot.region}: ", "weight": "bolder"},
                        {
                            "type": "TextRun",
                            "text": message(lang, "agenda_not_reported"),
                            "italic": True,
                            "color": "attention",
                        },
                    ],
                }
            )
            continue
        body.append(_line(slot.region, spacing="small", weight="bolder"))
        body += user_text(slot.report.text)
        if slot.cut:
            body.append(_line(_plain(report_cut_note(slot, agenda)), isSubtle=True, wrap=True))
    body += [
        _line(topic, spacing="small", weight="bolder", size="small") for topic in agenda.topics
    ]
    if agenda.seminars:
        body.append(
            _line(message(lang, "agenda_seminars"), spacing="small", weight="bolder", size="small")
        )
        body += [_bullet(seminar_line(seminar, agenda.group)) for seminar in agenda.seminars]
    if agenda.development:
        body.append(
            _line(message(lang, "agenda_proposed"), spacing="small", weight="bolder", size="small")
        )
        body += [_bullet(point.text) for point in agenda.development]
    if agenda.items or agenda.more_items:
        body.append(
            _line(message(lang, "agenda_items"), spacing="small", weight="bolder", size="small")
        )
        for carried in agenda.items:
            style = {"color": "attention"} if carried.overdue else {}
            body.append(_bullet(item_line(carried, agenda, drawn=drawn), **style))
    if agenda.more_items:
        body.append(
            _line(_plain(more_items_note(agenda)), spacing="none", isSubtle=True, wrap=True)
        )
    body.append(_section(agenda, 4, Section.OTHER))
    body += [_bullet(point.text) for point in agenda.other]
    body.append(_section(agenda, 5, Section.NEXT_MEETINGS))
    body += [_bullet(next_meeting_line(m, agenda)) for m in agenda.next_meetings]
    card = _card(body)
    card["fallbackText"] = agenda_text(agenda, drawn)
    return card


def fitted_agenda_card(agenda: Agenda) -> Card:
    """The agenda card within Teams' message size: long reports are cut (the whole text is a
    command away) and, for a group with very many open items, only some are listed. Each
    item's line is drawn once, and an agenda whose item lines alone exceed the size is not
    drawn at all."""
    drawn: ItemLines = {}
    card = _agenda_card_within(agenda, drawn)
    if card is not None:
        return card
    items = len(agenda.items)
    too_large = [agenda]
    for chars in (3000, 1500, 800, 400, 200, 100):
        for count in sorted({items, min(items, 60), min(items, 25), min(items, 10)}, reverse=True):
            shorter = agenda.shortened(chars, count)
            if shorter == too_large[-1]:
                continue  # nothing was cut: drawn and measured already
            card = _agenda_card_within(shorter, drawn)
            if card is not None:
                return card
            too_large.append(shorter)
    return agenda_card(agenda.shortened(60, 0), drawn)


def _agenda_card_within(agenda: Agenda, drawn: ItemLines) -> Card | None:
    """The agenda's card if it is within ``CARD_BUDGET``, else None. Each item line and each
    report is in the card and again (escaped, never shorter) in its fallback text, each of
    its characters at least two bytes in Teams' count: beyond that bound the card need not
    be drawn, nor the lines of items it would not show."""
    reports = sum(len(slot.report.text) for slot in agenda.slots if slot.report is not None)
    # Each line starts "#<number> <text>": a bound before any line is drawn.
    starts = sum(len(carried.item.text) + 2 for carried in agenda.items)
    if 4 * (starts + reports) > CARD_BUDGET:
        return None
    lines = sum(len(item_line(carried, agenda, drawn=drawn)) for carried in agenda.items)
    if 4 * (lines + reports) > CARD_BUDGET:
        return None
    card = agenda_card(agenda, drawn)
    return card if teams_size(card) <= CARD_BUDGET else None


def action_items_page(
    items: list[ActionItem], group: Group, now: datetime, *, include_closed: bool, page: int
) -> tuple[Card | None, int]:
    """Page ``page`` (1: the newest) of the items list, each page as many items as fit in a
    Teams message, in number order; for a page past the last, None and how many pages there
    are. Pages are cut from the newest, and those after the page asked for are not drawn."""
    pages = _pages(items, group, now)
    drawn = list(itertools.islice(pages, max(page, 0)))
    if page < 1 or len(drawn) < page:
        return None, len(drawn) + sum(1 for _ in pages)
    wanted = drawn[-1]
    last = next(pages, None) is None
    shown = [item for item, _ in wanted]
    card = action_items_card(
        shown,
        group,
        now,
        include_closed=include_closed,
        total=len(items),
        rows=[row for _, row in wanted],
    )
    if page > 1 or not last:
        lang = group.language
        numbers = {
            "first": shown[0].number,
            "last": shown[-1].number,
            "count": f"{len(items):,}".replace(",", " "),
        }
        note = (
            message(lang, "actions_last_page", **numbers)
            if last
            else message(
                lang,
                "actions_page",
                all=" " + message(lang, "word_all") if include_closed else "",
                next=page + 1,
                **numbers,
            )
        )
        card["body"].append(_line(_plain(note), spacing="medium", isSubtle=True, wrap=True))
    return card, page


def _pages(
    items: list[ActionItem], group: Group, now: datetime
) -> Iterator[list[tuple[ActionItem, Card]]]:
    """The items cut into pages that each fit, the newest page first, each item with its row
    (drawn once: to measure it and to show it); drawn as far as they are asked for."""
    page: list[tuple[ActionItem, Card]] = []
    size = 0
    for item in reversed(items):
        row = _item_row(item, group, now)
        cost = teams_size(row) + 2
        if page and size + cost > CARD_BUDGET - PAGE_OVERHEAD:
            yield page[::-1]
            page, size = [], 0
        page.append((item, row))
        size += cost
    if page:
        yield page[::-1]


def attendance_card(
    heading: str, roster: list[str], present: list[str], meeting_id: int, language: str
) -> Card:
    """The meeting's roster to tick, the names marked present ticked; guests are written in.
    A tick comes back as the name's place in the list the card carries, so a name with a
    comma in it (Teams shows some people as "Surname, Given") stays one name."""
    ticked = {name.casefold() for name in present}
    body = [
        _line(heading, size="medium", weight="bolder", wrap=True),
        _line(message(language, "attendance_card_hint"), spacing="none", isSubtle=True, wrap=True),
    ]
    if roster:
        body.append(
            {
                "type": "Input.ChoiceSet",
                "id": "present",
                "isMultiSelect": True,
                "style": "expanded",
                "choices": [{"title": name, "value": str(i)} for i, name in enumerate(roster)],
                "value": ",".join(
                    str(i) for i, name in enumerate(roster) if name.casefold() in ticked
                ),
            }
        )
    body.append(
        {
            "type": "Input.Text",
            "id": "guests",
            "label": message(language, "attendance_guests_label"),
            "placeholder": message(language, "attendance_guests_placeholder"),
            "maxLength": 2000,
        }
    )
    return _card(
        body,
        [
            _submit(
                message(language, "save"),
                CardAction.ATTENDANCE_SAVE,
                meeting=meeting_id,
                names=roster,
            )
        ],
    )


def minutes_card(
    minutes: Minutes, stamp: str, notes: list[str], approve: tuple[str, int, int] | None
) -> Card:
    """A version of the minutes as the group's document reads: the title, its state
    (``stamp``), the fields, the numbered sections with their headings, text and lists, the
    signature; then ``notes`` (Markdown: the download links, where earlier versions are) and,
    for a draft, the button that approves it (``approve``: its title, the meeting and the
    version, so an old card never approves another meeting's minutes)."""
    body: list[Card] = [
        _line(minutes.title, size="large", weight="bolder", wrap=True),
        _line(stamp, spacing="none", isSubtle=True, italic=True, wrap=True),
    ]
    for label, values in minutes.fields:
        body.append(
            {
                "type": "RichTextBlock",
                "spacing": "small",
                "inlines": [
                    {"type": "TextRun", "text": f"{label}  ", "weight": "bolder"},
                    {"type": "TextRun", "text": ", ".join(values)},
                ],
            }
        )
    for section in minutes.sections:
        body.append(_line(section.title, spacing="medium", weight="bolder", wrap=True))
        for block in section.blocks:
            if block.kind is Kind.TOPIC:
                body.append(_line(block.text, spacing="small", weight="bolder", wrap=True))
            elif block.kind is Kind.SUBTOPIC:
                body.append(_line(block.text, spacing="small", italic=True, wrap=True))
            elif block.kind is Kind.BULLET:
                body.append(_bullet(block.text))
            else:
                body += user_text(block.text)
    body.append(_line(minutes.signature[0], spacing="medium", wrap=True))
    body += [_line(line, spacing="none", wrap=True) for line in minutes.signature[1:]]
    body += [
        {"type": "TextBlock", "text": note, "wrap": True, "spacing": "medium", "size": "small"}
        for note in notes
    ]
    actions = None
    if approve is not None:
        title, meeting, version = approve
        actions = [
            _submit(
                title,
                CardAction.MINUTES_APPROVE,
                with_inputs=False,
                meeting=meeting,
                version=version,
            )
        ]
    return _card(body, actions)


def _plain(text: str) -> str:
    """A message written for Markdown, in a card's plain ``TextRun``: no code marks."""
    return text.replace("`", "")


def teams_size(payload: object) -> int:
    """Bytes of ``payload`` as Teams counts a message: its JSON as sent (non-ASCII escaped),
    in UTF-16."""
    return len(json.dumps(payload)) * 2


@singledispatch
def card_for(value: object) -> Card:
    """The card of a domain value a post carries (``Notice.card``); each value type registers
    its drawing here, so the sender never asks what kind of post it has."""
    raise TypeError(f"no card for {type(value).__name__}")


card_for.register(Agenda, fitted_agenda_card)
# A card drawn before it was queued (a reply delivered late) is sent as it is.
card_for.register(dict, lambda card: card)
