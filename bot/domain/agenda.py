"""The agenda draft (dagordning), built from the group's template and what has been captured.

The template is the one in the group's own minutes:

1. Mötets öppnande
2. Föregående mötesanteckningar – the previous meeting's approved minutes (a PDF/A link), or
   that they are not approved yet
3. Utvecklingsområde – Lägesrapport with one slot per region (the report, or "ej rapporterat"),
   then the group's standing topics, the coming seminars (where the group's minutes list
   "Gemensamma utbildningar/seminarier"), proposed development points and the open action
   items carried over
4. Övrigt (proposed points)
5. Nya mötestider

``build_agenda`` is pure; ``agenda_text`` renders it as Markdown text (the fallback of the card
``bot.cards.agenda_card`` draws from the same ``Agenda``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.i18n import clock_time, message
from bot.domain.model import (
    ActionItem,
    AgendaPoint,
    Group,
    Meeting,
    Section,
    Seminar,
    StandingTopic,
    StatusReport,
    is_overdue,
)
from bot.domain.replies import due_phrase
from bot.domain.text import escape_markdown


@dataclass(frozen=True)
class RegionSlot:
    region: str
    report: StatusReport | None
    # The report's text was shortened to fit the message; the whole of it is one command away.
    cut: bool = False


@dataclass(frozen=True)
class CarriedItem:
    item: ActionItem
    overdue: bool


@dataclass(frozen=True)
class PreviousMinutes:
    """The meeting before: when it began, and the link to its approved minutes (PDF/A), or
    None while they are not approved."""

    starts_at: datetime
    link: str | None


@dataclass(frozen=True)
class Agenda:
    group: Group
    meeting: Meeting
    slots: tuple[RegionSlot, ...]
    development: tuple[AgendaPoint, ...]
    items: tuple[CarriedItem, ...]
    other: tuple[AgendaPoint, ...]
    next_meetings: tuple[Meeting, ...]
    # Open items left out to fit the message (the list shows them all).
    more_items: int = 0
    # Under 2. Föregående mötesanteckningar; None when there was no meeting before.
    previous: PreviousMinutes | None = None
    # The standing topics of this meeting, and the seminars not over when it starts.
    topics: tuple[str, ...] = ()
    seminars: tuple[Seminar, ...] = ()

    @property
    def language(self) -> str:
        return self.group.language

    def shortened(self, report_chars: int, items: int) -> Agenda:
        """The same agenda with each report cut to ``report_chars`` characters (at a word)
        and at most ``items`` open items (overdue ones first), for a message size limit."""
        slots = tuple(
            replace(slot, report=replace(slot.report, text=cut), cut=True)
            if slot.report is not None
            and (cut := shorten(slot.report.text, report_chars)) != slot.report.text
            else slot
            for slot in self.slots
        )
        kept = sorted(self.items, key=lambda carried: not carried.overdue)[:items]
        kept.sort(key=lambda carried: carried.item.number)
        point_chars = max(report_chars // 5, 60)
        return replace(
            self,
            slots=slots,
            development=tuple(_cut_point(point, point_chars) for point in self.development),
            other=tuple(_cut_point(point, point_chars) for point in self.other),
            items=tuple(kept),
            more_items=self.more_items + len(self.items) - len(kept),
        )


def _cut_point(point: AgendaPoint, chars: int) -> AgendaPoint:
    return replace(point, text=shorten(point.text, chars))


def shorten(text: str, chars: int) -> str:
    """``text`` cut to at most ``chars`` characters at a word boundary, with "…"."""
    if len(text) <= chars:
        return text
    cut = text[: max(chars - 1, 0)]
    if " " in cut[chars // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


def build_agenda(
    group: Group,
    meeting: Meeting,
    reports: list[StatusReport],
    points: list[AgendaPoint],
    open_items: list[ActionItem],
    upcoming: list[Meeting],
    now: datetime,
    previous: PreviousMinutes | None = None,
    topics: list[StandingTopic] | None = None,
    seminars: list[Seminar] | None = None,
) -> Agenda:
    """The agenda for ``meeting`` from the reports and points filed for it, the group's open
    action items, its upcoming meetings, the previous meeting's minutes, its standing topics
    and its seminars."""
    by_region = {report.region: report for report in reports if report.meeting_id == meeting.id}
    slots = [RegionSlot(region, by_region.get(region)) for region in group.regions]
    # A report for a region the group no longer lists is still shown, after the others.
    slots += [RegionSlot(r, by_region[r]) for r in sorted(by_region) if r not in group.regions]
    mine = sorted((p for p in points if p.meeting_id == meeting.id), key=lambda p: p.created_at)
    return Agenda(
        group=group,
        meeting=meeting,
        slots=tuple(slots),
        development=tuple(p for p in mine if p.section == Section.DEVELOPMENT.value),
        items=tuple(
            CarriedItem(item, is_overdue(item, group, now))
            for item in sorted(open_items, key=lambda i: i.number)
            if item.is_open
        ),
        other=tuple(p for p in mine if p.section != Section.DEVELOPMENT.value),
        next_meetings=tuple(
            m for m in upcoming if m.starts_at > meeting.starts_at and not m.cancelled
        ),
        previous=previous,
        topics=tuple(topic.name for topic in topics or () if topic.active_for(meeting)),
        seminars=tuple(
            sorted(
                (s for s in seminars or () if s.ends_at > meeting.starts_at),
                key=lambda s: s.starts_at,
            )
        ),
    )


def agenda_title(agenda: Agenda) -> str:
    name = agenda.group.name or message(agenda.language, "this_group")
    return message(agenda.language, "agenda_title", group=name)


def agenda_when(agenda: Agenda) -> str:
    """ "Datum 2026-11-23, kl. 13.00 – 14.00", as the group's minutes write it."""
    zone = ZoneInfo(agenda.group.timezone)
    start = agenda.meeting.starts_at.astimezone(zone)
    end = agenda.meeting.ends_at.astimezone(zone)
    return message(
        agenda.language,
        "agenda_when",
        day=f"{start:%Y-%m-%d}",
        start=clock_time(start, agenda.language),
        end=clock_time(end, agenda.language),
    )


def agenda_place(agenda: Agenda) -> str:
    place = agenda.meeting.place or message(agenda.language, "place_later")
    return message(agenda.language, "agenda_place", place=place)


def previous_minutes_line(agenda: Agenda) -> str | None:
    """ "Minnesanteckningarna från 14/1, justerade: [PDF/A](…)" or "… är inte justerade ännu"
    (Markdown); None when there was no meeting before."""
    previous = agenda.previous
    if previous is None:
        return None
    start = previous.starts_at.astimezone(ZoneInfo(agenda.group.timezone))
    day = f"{start.day}/{start.month}"
    if previous.link is None:
        return message(agenda.language, "agenda_previous_not_approved", day=day)
    return message(agenda.language, "agenda_previous_minutes", day=day, link=previous.link)


def section_heading(agenda: Agenda, number: int, section: Section) -> str:
    title = message(agenda.language, section.title_key)
    if section is Section.DEVELOPMENT and agenda.group.name:
        title = message(agenda.language, "section_development_for", group=agenda.group.name)
    return f"{number}. {title}"


# Item lines already drawn for one agenda, by item, overdue mark and cleaning: an agenda
# fitted to a message is drawn several times (the card and its text, then shortened).
ItemLines = dict[tuple[int, bool, Callable[[str], str]], str]


def _same(text: str) -> str:
    return text


def item_line(
    carried: CarriedItem,
    agenda: Agenda,
    clean: Callable[[str], str] = _same,
    drawn: ItemLines | None = None,
) -> str:
    """ "#3 Veronica kollar med Region Skåne – ansvarig Veronica, senast 30 nov (försenad)";
    ``clean`` is applied to what users wrote (Markdown escaping for a message). With
    ``drawn``, a line drawn before for the same agenda is not drawn again."""
    if drawn is None:
        return _item_line(carried, agenda, clean)
    key = (carried.item.id, carried.overdue, clean)
    line = drawn.get(key)
    if line is None:
        line = drawn[key] = _item_line(carried, agenda, clean)
    return line


def _item_line(carried: CarriedItem, agenda: Agenda, clean: Callable[[str], str]) -> str:
    item = carried.item
    details = []
    if item.owner_name:
        details.append(message(agenda.language, "agenda_owner", owner=clean(item.owner_name)))
    due = due_phrase(item, agenda.group)
    if due:
        details.append(message(agenda.language, "agenda_due", due=due))
    line = f"#{item.number} {clean(item.text)}"
    if details:
        line += " – " + ", ".join(details)
    if carried.overdue:
        line += " " + message(agenda.language, "agenda_overdue")
    return line


def agenda_text(agenda: Agenda, drawn: ItemLines | None = None) -> str:
    """The agenda as Markdown, for clients that cannot show the card (``drawn``: see
    ``item_line``)."""
    lang = agenda.language
    lines = [
        f"**{escape_markdown(agenda_title(agenda))}**",
        agenda_when(agenda),
        agenda_place(agenda),
    ]
    if agenda.meeting.cancelled:
        lines.append(f"**{message(lang, 'agenda_cancelled')}**")
    lines += ["", section_heading(agenda, 1, Section.OPENING)]
    lines.append(section_heading(agenda, 2, Section.PREVIOUS_MINUTES))
    previous = previous_minutes_line(agenda)
    if previous:
        lines.append(f"- {previous}")
    lines.append(section_heading(agenda, 3, Section.DEVELOPMENT))
    lines.append(f"- {message(lang, 'agenda_reports')}")
    for slot in agenda.slots:
        text = (
            escape_markdown(slot.report.text).replace("\n", " ")
            if slot.report
            else f"*{message(lang, 'agenda_not_reported')}*"
        )
        lines.append(f"  - **{escape_markdown(slot.region)}**: {text}")
        if slot.cut:
            lines.append(f"    {report_cut_note(slot, agenda)}")
    lines += [f"- {escape_markdown(topic)}" for topic in agenda.topics]
    if agenda.seminars:
        lines.append(f"- {message(lang, 'agenda_seminars')}")
        lines += [f"  - {escape_markdown(seminar_line(s, agenda.group))}" for s in agenda.seminars]
    if agenda.development:
        lines.append(f"- {message(lang, 'agenda_proposed')}")
        lines += [f"  - {escape_markdown(point.text)}" for point in agenda.development]
    if agenda.items or agenda.more_items:
        lines.append(f"- {message(lang, 'agenda_items')}")
        lines += [f"  - {item_line(c, agenda, escape_markdown, drawn)}" for c in agenda.items]
    if agenda.more_items:
        lines.append(f"  - {more_items_note(agenda)}")
    lines.append(section_heading(agenda, 4, Section.OTHER))
    lines += [f"- {escape_markdown(point.text)}" for point in agenda.other]
    lines.append(section_heading(agenda, 5, Section.NEXT_MEETINGS))
    lines += [f"- {escape_markdown(next_meeting_line(m, agenda))}" for m in agenda.next_meetings]
    return "\n".join(lines)


def report_cut_note(slot: RegionSlot, agenda: Agenda) -> str:
    return message(agenda.language, "agenda_report_cut", region=slot.region)


def more_items_note(agenda: Agenda) -> str:
    count = f"{agenda.more_items:,}".replace(",", " ")
    return message(agenda.language, "agenda_more_items", count=count)


def next_meeting_line(meeting: Meeting, agenda: Agenda) -> str:
    return meeting_time_line(meeting, agenda.group)


def meeting_time_line(meeting: Meeting, group: Group) -> str:
    """ "23/11, kl. 13-14, Teams": the group's own way of listing meeting times."""
    zone = ZoneInfo(group.timezone)
    start, end = meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)
    place = meeting.place or message(group.language, "place_later")
    joiner = "at" if group.language == "en" else "kl."
    span = f"{_clock(start)}-{_clock(end)}"
    return f"{start.day}/{start.month}, {joiner} {span}, {place}"


def seminar_line(seminar: Seminar, group: Group) -> str:
    """ "7/12, kl. 8-9 – leds av Fysiologiska kliniken i Linköping", as the group's minutes
    list its seminars; a topic after the time: "7/12, kl. 8-9: PET-CT – leds av …"."""
    zone = ZoneInfo(group.timezone)
    start, end = seminar.starts_at.astimezone(zone), seminar.ends_at.astimezone(zone)
    return message(
        group.language,
        "seminar_line",
        day=f"{start.day}/{start.month}",
        span=f"{_clock(start)}-{_clock(end)}",
        topic=f": {seminar.topic}" if seminar.topic else "",
        unit=seminar.unit,
    )


def _clock(moment: datetime) -> str:
    return f"{moment.hour}" if moment.minute == 0 else f"{moment.hour}.{moment.minute:02d}"
