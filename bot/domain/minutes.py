"""The minutes (minnesanteckningar), built from what was captured for a meeting, in the
group's own template (see ``/shared/reference``):

    Minnesanteckningar <group>
    Datum 2026-01-14, kl. 13.00 – 14.00 · Plats · Närvarande · Frånvarande
    1. Mötets öppnande
    2. Föregående mötesanteckningar      (action items closed since the last meeting)
    3. Utvecklingsområde för <group>     Lägesrapport, one sub-heading per region; then the
                                         group's topics with their text (its standing topics
                                         first), then the coming seminars
    4. Övrigt
    5. Nya mötestider                    "11/2, kl. 13-14, Teams"
    Sammanställt av / <name> / Ordförande, <group>

Running notes (``anteckning <part>: text``) go under their section, region or topic. A
decision or a new action item goes under the part the latest note before it was written in
(the part under discussion), else under Övrigt.

``build_minutes`` is pure and gives a small document tree (``Minutes``: fields, numbered
sections, blocks), which is what a stored version holds (``to_content``/``from_content``) and
what every rendering draws from: the card (``bot/cards.py``), ``minutes_markdown`` here, Word
in ``bot/documents.py`` and PDF/PDF-A in ``bot/minutes_pdf.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.agenda import meeting_time_line, seminar_line, shorten
from bot.domain.i18n import MESSAGES, format_day, message
from bot.domain.model import (
    ActionItem,
    AgendaPoint,
    Attendance,
    Decision,
    Group,
    Meeting,
    MeetingNote,
    Section,
    Seminar,
    StatusReport,
)
from bot.domain.replies import due_phrase
from bot.domain.text import escape_markdown, fold

REGION = "region:"
TOPIC = "topic:"


class Kind(StrEnum):
    TOPIC = "topic"  # a heading inside a section: Lägesrapport, a topic
    SUBTOPIC = "subtopic"  # a heading under a topic: a region
    PARAGRAPH = "paragraph"
    BULLET = "bullet"


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str


@dataclass(frozen=True)
class MinutesSection:
    title: str  # "3. Utvecklingsområde för RAG nuklearmedicin"
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Minutes:
    title: str
    # Label and values: ("Datum", ("2026-01-14, kl. 13.00 – 14.00",)), ("Närvarande", names).
    fields: tuple[tuple[str, tuple[str, ...]], ...]
    sections: tuple[MinutesSection, ...]
    signature: tuple[str, ...]

    def shortened(self, chars: int) -> Minutes:
        """The same minutes with every paragraph cut to ``chars`` characters (at a word)."""
        return Minutes(
            self.title,
            self.fields,
            tuple(
                MinutesSection(
                    section.title,
                    tuple(Block(b.kind, shorten(b.text, chars)) for b in section.blocks),
                )
                for section in self.sections
            ),
            self.signature,
        )


def to_content(minutes: Minutes) -> dict[str, Any]:
    """The JSON form a version stores."""
    return {
        "title": minutes.title,
        "fields": [[label, list(values)] for label, values in minutes.fields],
        "sections": [
            {
                "title": section.title,
                "blocks": [[block.kind.value, block.text] for block in section.blocks],
            }
            for section in minutes.sections
        ],
        "signature": list(minutes.signature),
    }


def from_content(content: dict[str, Any]) -> Minutes:
    return Minutes(
        title=content["title"],
        fields=tuple((label, tuple(values)) for label, values in content["fields"]),
        sections=tuple(
            MinutesSection(
                section["title"],
                tuple(Block(Kind(kind), text) for kind, text in section["blocks"]),
            )
            for section in content["sections"]
        ),
        signature=tuple(content["signature"]),
    )


@dataclass(frozen=True)
class Captured:
    """What was captured for a meeting, as the use case reads it."""

    attendance: list[Attendance]
    roster: list[str]
    reports: list[StatusReport]
    notes: list[MeetingNote]
    decisions: list[Decision]
    # The group's action items; which are new and which were closed is decided here.
    items: list[ActionItem]
    points: list[AgendaPoint]
    # The meeting before this one (for items closed since), and the meetings after it.
    previous: Meeting | None
    next_meetings: list[Meeting]
    # Who signs: the chair, else the person asking for the draft.
    signer: str
    signer_is_chair: bool
    # The group's standing topics for this meeting (as first written), oldest first, and
    # the seminars not over when it started.
    topics: list[str] = field(default_factory=list)
    seminars: list[Seminar] = field(default_factory=list)
    # Whether the previous meeting's minutes are approved (said under item 2).
    previous_approved: bool = False


def attendance_lists(marks: list[Attendance], roster: list[str]) -> tuple[list[str], list[str]]:
    """Present as marked, in the order marked; absent: those marked absent, then everyone
    on the roster not marked at all, in alphabetical order."""
    present = [mark.name for mark in marks if mark.present]
    absent = [mark.name for mark in marks if not mark.present]
    marked = {_key(mark.name) for mark in marks}
    absent += [name for name in roster if _key(name) not in marked]
    return present, absent


def build_minutes(group: Group, meeting: Meeting, captured: Captured) -> Minutes:
    lang = group.language
    name = group.name or message(lang, "this_group")
    zone = ZoneInfo(group.timezone)
    start, end = meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)
    present, absent = attendance_lists(captured.attendance, captured.roster)
    nobody = (message(lang, "nobody"),)  # an empty list reads "ingen", as in the chat
    fields = (
        (
            message(lang, "minutes_date_label"),
            (
                message(
                    lang,
                    "minutes_time",
                    day=f"{start:%Y-%m-%d}",
                    start=f"{start:%H.%M}",
                    end=f"{end:%H.%M}",
                ),
            ),
        ),
        (
            message(lang, "minutes_place_label"),
            (meeting.place or message(lang, "place_later"),),
        ),
        (message(lang, "minutes_present_label"), tuple(present) or nobody),
        (message(lang, "minutes_absent_label"), tuple(absent) or nobody),
    )
    parts = _Parts(group)
    if captured.previous is not None:
        held = captured.previous.starts_at.astimezone(zone)
        parts.previous_line = message(
            lang,
            "minutes_previous_approved"
            if captured.previous_approved
            else "agenda_previous_not_approved",
            day=f"{held.day}/{held.month}",
        )
    for topic in captured.topics:  # first, so a note's topic is written as the group wrote it
        parts.topic(topic)
    parts.seminars = [
        seminar_line(s, group)
        for s in sorted(captured.seminars, key=lambda s: s.starts_at)
        if s.ends_at > meeting.starts_at
    ]
    for note in captured.notes:
        parts.add(note.part, Block(Kind.PARAGRAPH, note.text))
    for point in sorted(captured.points, key=lambda p: p.id):
        if point.meeting_id != meeting.id:
            continue
        if point.section == Section.DEVELOPMENT.value:
            parts.topic(point.text)
        else:
            parts.add(point.section, Block(Kind.BULLET, point.text))
    next_start = captured.next_meetings[0].starts_at if captured.next_meetings else None
    # Decisions and new items, each under the part under discussion when it was taken.
    taken: list[tuple[datetime, Block]] = [
        (d.created_at, Block(Kind.BULLET, message(lang, "minutes_decision", text=d.text)))
        for d in captured.decisions
        if d.meeting_id == meeting.id
    ]
    new_items = [
        item
        for item in captured.items
        if item.created_at >= meeting.starts_at
        and (next_start is None or item.created_at < next_start)
    ]
    taken += [
        (item.created_at, Block(Kind.BULLET, _item_line(item, group, meeting.ends_at)))
        for item in new_items
    ]
    for at, block in sorted(taken, key=lambda pair: pair[0]):
        parts.add(_part_at(captured.notes, at), block)
    # Closed since the previous meeting ended, up to this one's end: each closing is told in
    # one set of minutes only (an item new at this meeting says so on its own line).
    since = captured.previous.ends_at if captured.previous else None
    closed = [
        item
        for item in captured.items
        if item.closed_at is not None
        and item not in new_items
        and (since is None or item.closed_at > since)
        and item.closed_at <= meeting.ends_at
    ]
    for item in closed:
        assert item.closed_at is not None
        done = _done(item.closed_at, group)
        parts.add_closed(Block(Kind.BULLET, f"#{item.number} {item.text} – {done}"))
    for upcoming in captured.next_meetings:
        parts.add(
            Section.NEXT_MEETINGS.value,
            Block(Kind.BULLET, meeting_time_line(upcoming, group)),
        )
    signature = [message(lang, "minutes_compiled_by"), captured.signer]
    if captured.signer_is_chair:
        signature.append(message(lang, "minutes_chair_line", group=name))
    return Minutes(
        title=message(lang, "minutes_title", group=name),
        fields=fields,
        sections=parts.sections(captured.reports, meeting),
        signature=tuple(signature),
    )


def minutes_url(public_url: str, token: str, suffix: str) -> str:
    """A version's download link: its secret and the format (pdf, docx, md, json)."""
    return f"{public_url.rstrip('/')}/minutes/{token}.{suffix}"


def read_part(text: str, group: Group) -> tuple[str, str]:
    """ "Övrigt" -> ("other", "Övrigt"), "Kalmar" -> ("region:Kalmar", "Kalmar"), anything
    else a topic of its own under Utvecklingsområde: ("topic:Mål 2026", "Mål 2026"). A
    section may be named by its number or its title in any of the languages."""
    wanted = _key(text)
    for number, section in enumerate(Section, start=1):
        titles = [fold(title) for title in MESSAGES[section.title_key].values()]
        if wanted == str(number) or wanted in titles:
            return section.value, message(group.language, section.title_key)
    for region in group.regions:
        if wanted == _key(region):
            return REGION + region, region
    topic = " ".join(text.split())
    return TOPIC + topic, topic


def part_name(part: str, group: Group) -> str:
    """How a stored part reads: the section's title, the region or the topic."""
    for section in Section:
        if part == section.value:
            return message(group.language, section.title_key)
    return part.removeprefix(REGION).removeprefix(TOPIC)


def minutes_markdown(minutes: Minutes) -> str:
    """The minutes as a Markdown file: ``#`` for the title, ``##`` for the numbered sections,
    ``###`` for Lägesrapport and the topics, ``####`` for a region."""
    lines = [f"# {escape_markdown(minutes.title)}", ""]
    for label, values in minutes.fields:
        lines.append(f"**{label}** " + ", ".join(escape_markdown(value) for value in values))
        lines.append("")
    for section in minutes.sections:
        lines += [f"## {escape_markdown(section.title)}", ""]
        for block in section.blocks:
            text = escape_markdown(block.text)
            if block.kind is Kind.TOPIC:
                lines.append(f"### {text}")
            elif block.kind is Kind.SUBTOPIC:
                lines.append(f"#### {text}")
            elif block.kind is Kind.BULLET:
                lines.append(f"- {text}")
            else:
                lines.append(text)
            lines.append("")
    lines += [escape_markdown(line) + "\n" for line in minutes.signature]
    return "\n".join(lines).rstrip() + "\n"


# --- the parts of the template -------------------------------------------------------------


class _Parts:
    """The blocks gathered per part, then laid out in the template's order."""

    def __init__(self, group: Group) -> None:
        self._group = group
        self._blocks: dict[str, list[Block]] = {}
        self._topics: dict[str, str] = {}  # folded topic -> as first written
        self._closed: list[Block] = []
        # Item 2's first line: whether the previous meeting's minutes are approved.
        self.previous_line: str | None = None
        self.seminars: list[str] = []

    def topic(self, name: str) -> str:
        return self._topics.setdefault(_key(name), " ".join(name.split()))

    def add(self, part: str, block: Block) -> None:
        if part.startswith(TOPIC):
            part = TOPIC + self.topic(part.removeprefix(TOPIC))
        elif not part.startswith(REGION) and part not in {s.value for s in Section}:
            part = Section.OTHER.value
        self._blocks.setdefault(part, []).append(block)

    def add_closed(self, block: Block) -> None:
        self._closed.append(block)

    def sections(self, reports: list[StatusReport], meeting: Meeting) -> tuple[MinutesSection, ...]:
        group, lang = self._group, self._group.language
        by_region = {r.region: r for r in reports if r.meeting_id == meeting.id}
        regions = list(group.regions) + sorted(set(by_region) - set(group.regions))
        regions += [
            part.removeprefix(REGION)
            for part in self._blocks
            if part.startswith(REGION) and part.removeprefix(REGION) not in regions
        ]
        sections = []
        for number, section in enumerate(Section, start=1):
            title = message(lang, section.title_key)
            if section is Section.DEVELOPMENT and group.name:
                title = message(lang, "section_development_for", group=group.name)
            blocks: list[Block] = []
            if section is Section.PREVIOUS_MINUTES and self.previous_line:
                blocks.append(Block(Kind.PARAGRAPH, self.previous_line))
            if section is Section.PREVIOUS_MINUTES and self._closed:
                blocks.append(Block(Kind.TOPIC, message(lang, "minutes_closed_items")))
                blocks += self._closed
            if section is Section.DEVELOPMENT and regions:
                blocks.append(Block(Kind.TOPIC, message(lang, "agenda_reports")))
                for region in regions:
                    blocks.append(Block(Kind.SUBTOPIC, region))
                    report = by_region.get(region)
                    extra = self._blocks.get(REGION + region, [])
                    if report is not None:
                        blocks += [Block(Kind.PARAGRAPH, p) for p in _paragraphs(report.text)]
                    elif not extra:
                        blocks.append(Block(Kind.PARAGRAPH, message(lang, "agenda_not_reported")))
                    blocks += extra
            if section is Section.DEVELOPMENT:
                for topic in self._topics.values():
                    blocks.append(Block(Kind.TOPIC, topic))
                    blocks += self._blocks.get(TOPIC + topic, [])
                if self.seminars:
                    blocks.append(Block(Kind.TOPIC, message(lang, "agenda_seminars")))
                    blocks += [Block(Kind.BULLET, line) for line in self.seminars]
            blocks += self._blocks.get(section.value, [])
            sections.append(MinutesSection(f"{number}. {title}", tuple(blocks)))
        return tuple(sections)


def _part_at(notes: list[MeetingNote], at: datetime) -> str:
    earlier = [note for note in notes if note.created_at <= at]
    return (
        max(earlier, key=lambda note: (note.created_at, note.id)).part
        if earlier
        else Section.OTHER.value
    )


def _item_line(item: ActionItem, group: Group, until: datetime) -> str:
    """A new item: number, text, owner, due; and that it is done, if it was by ``until``."""
    lang = group.language
    line = message(lang, "minutes_item", number=item.number, text=item.text)
    details = []
    if item.owner_name:
        details.append(message(lang, "agenda_owner", owner=item.owner_name))
    due = due_phrase(item, group)
    if due:
        details.append(message(lang, "agenda_due", due=due))
    if item.closed_at is not None and item.closed_at <= until:
        details.append(_done(item.closed_at, group))
    return line + (" – " + ", ".join(details) if details else "")


def _done(closed_at: datetime, group: Group) -> str:
    day = format_day(closed_at.astimezone(ZoneInfo(group.timezone)), group.language)
    return message(group.language, "minutes_item_done", day=day)


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def _key(name: str) -> str:
    return fold(" ".join(name.split()))
