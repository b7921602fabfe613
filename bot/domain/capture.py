"""Capture use cases: status reports per region, action items, decisions and agenda points.

Each use case validates first and stores second, so a refused input changes nothing; a
refusal is a ``Refusal`` (an i18n key and its values) the edge shows in the group's language.
Action items are read from one message ("Veronica kollar med Region Skåne till nästa möte"):
the owner from an @mention, an "ansvarig:" clause or a leading name, the due date from a
date phrase in the text (``bot.domain.dates``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TypeGuard

from bot.domain.dates import (
    DateContext,
    DateError,
    DateProblem,
    ParsedDate,
    find_date,
    parse_date,
)
from bot.domain.i18n import MESSAGES, format_day, join_words
from bot.domain.model import (
    ActionItem,
    ActionItemDraft,
    Actor,
    AgendaPoint,
    AuditNote,
    Decision,
    Group,
    Meeting,
    Mention,
    Person,
    Refusal,
    Section,
    StatusReport,
)
from bot.domain.ports import Clock, Roster, Transactions, UnitOfWork
from bot.domain.privacy import holds_identity_number
from bot.domain.regions import (
    MAX_ALIASES,
    MAX_REGION_LENGTH,
    MAX_REGIONS,
    match_region,
    parse_region_entries,
    regions_with_aliases,
)
from bot.domain.schedule import country_of
from bot.domain.text import fold, grouped, quote

# One limit per kind of text, documented in the README and named in every refusal: a status
# report; an action item, decision or agenda point (a meeting's place has its own, in
# ``bot.domain.meetings``). Forms carry no maxLength, which Teams enforces by cutting a paste
# short without a word; the bot refuses instead and says why.
REPORT_LIMIT = 8000
TEXT_LIMIT = 1000
# A decision written this long after a meeting ended still belongs to it: the chair notes
# what was decided once the call is over.
DECISION_GRACE = timedelta(hours=2)
# The same command from the same person within this long is taken as sent again (its reply
# was late or lost), not as a second one: the record stored the first time is given back.
RESENT_WITHIN = timedelta(minutes=10)


@dataclass(frozen=True)
class SavedReport:
    report: StatusReport
    replaced: StatusReport | None
    meeting: Meeting | None


@dataclass(frozen=True)
class ReportOverview:
    meeting: Meeting | None
    rows: list[tuple[str, StatusReport | None]]


@dataclass(frozen=True)
class SavedItem:
    item: ActionItem
    # Something the user should know although the item was stored (no meeting to date it to).
    note: Refusal | None = None


@dataclass(frozen=True)
class ItemParts:
    text: str
    owner_name: str | None = None
    owner_id: str | None = None
    due: ParsedDate | None = None
    note: Refusal | None = None


def too_long(length: int, limit: int) -> Refusal:
    return Refusal("too_long", {"length": grouped(length), "limit": grouped(limit)})


def check_text(text: str | None, limit: int) -> Refusal | None:
    if text is None or not text.strip():
        return Refusal("empty_text")
    if len(text) > limit:
        return too_long(len(text), limit)
    if holds_identity_number(text):
        return Refusal("identity_number")
    return None


class Capture:
    def __init__(
        self, transactions: Transactions, clock: Clock, roster: Roster | None = None
    ) -> None:
        self._transactions = transactions
        self._clock = clock
        # Who is in the group's team or chat, for an owner written by name (None: not asked).
        self._roster = roster

    # --- meetings the captured things belong to --------------------------------------------

    async def next_or_ongoing_meeting(self, group: Group) -> Meeting | None:
        async with self._transactions.reading() as uow:
            return await next_meeting(uow, group, self._clock.now())

    async def date_context(self, group: Group) -> DateContext:
        async with self._transactions.reading() as uow:
            return await self._date_context(uow, group)

    async def _date_context(self, uow: UnitOfWork, group: Group) -> DateContext:
        now = self._clock.now()
        upcoming = await uow.meetings.upcoming(group.id, now)
        return DateContext.at(
            now,
            group.timezone,
            (m.starts_at for m in upcoming),
            country=country_of(group),
            group_name=group.name,
        )

    # --- regions and status reports --------------------------------------------------------

    async def set_regions(self, group: Group, text: str, actor: Actor) -> Group | Refusal:
        """ "Linköping (Östergötland, US), Jönköping, Kalmar": the regions in order, each with
        the other names in its parentheses; a region written without them keeps its own."""
        entries = parse_region_entries(text)
        names = [entry.name for entry in entries]
        if not names:
            return Refusal("empty_text")
        known = {fold(region): region for region in group.regions}
        aliases: dict[str, list[str]] = {}
        for entry in entries:
            kept = group.region_aliases.get(known.get(fold(entry.name), ""), ())
            others = entry.aliases if entry.aliases is not None else kept
            aliases[entry.name] = [a for a in others if fold(a) != fold(entry.name)]
        written = names + [alias for others in aliases.values() for alias in others]
        if (
            len(names) > MAX_REGIONS
            or any(len(others) > MAX_ALIASES for others in aliases.values())
            or any(len(name) > MAX_REGION_LENGTH for name in written)
        ):
            return Refusal("regions_too_many", {"limit": MAX_REGIONS, "length": MAX_REGION_LENGTH})
        seen: set[str] = set()
        for name in written:
            if fold(name) in seen:
                return Refusal("region_name_twice", {"name": quote(name)})
            seen.add(fold(name))
        aliases = {region: others for region, others in aliases.items() if others}
        async with self._transactions.writing() as uow:
            changed = await uow.groups.set_regions(group.id, names, self._clock.now(), aliases)
            uow.agenda_changed(group.id)  # a posted agenda has one slot per region
            listed = regions_with_aliases(changed.regions, changed.region_aliases)
            uow.audit(group.id, actor, AuditNote.of("regions", regions=", ".join(listed)))
            await uow.commit()
        return changed

    async def set_reporter(
        self, group: Group, args: str, mentions: list[Mention], actor: Actor
    ) -> tuple[Group, str, Person | None] | Refusal:
        """``rapportör Kalmar @Sara`` (or ``mig``, or ``ingen``): who reports for the region,
        whom the report nudge @mentions. The group as changed, the region and the person."""
        text = args
        for mention in mentions:
            text = text.replace(mention.markup, " ")
        words = text.split()
        person: Person | None
        if mentions:
            person = Person(mentions[0].id, mentions[0].name)
        elif words and fold(words[-1]) in _SELF_WORDS:
            person, words = Person(actor.teams_id or actor.id, actor.name), words[:-1]
        elif words and fold(words[-1]) in _NOBODY_WORDS:
            person, words = None, words[:-1]
        else:
            return Refusal(
                "reporter_usage", {"example": group.regions[-1] if group.regions else "Kalmar"}
            )
        region = self.resolve_region(group, " ".join(words))
        if isinstance(region, Refusal):
            return region
        async with self._transactions.writing() as uow:
            changed = await uow.groups.set_reporter(group.id, region, person, self._clock.now())
            name = person.name if person else "-"
            uow.audit(group.id, actor, AuditNote.of("reporter", region=region, name=name))
            await uow.commit()
        return changed, region, person

    def resolve_region(self, group: Group, text: str) -> str | Refusal:
        if not group.regions:
            return Refusal("no_regions")
        known = join_words(list(group.regions), group.language)
        if not text:
            return Refusal("region_missing", {"example": group.regions[0], "regions": known})
        match = match_region(text, group.regions, group.region_aliases)
        if match.region:
            return match.region
        if match.suggestions:
            suggestions = join_words(
                [f"**{name}**" for name in match.suggestions], group.language, "or"
            )
            return Refusal(
                "unknown_region_suggest", {"region": quote(text), "suggestions": suggestions}
            )
        # It may be another name for one of them: say how to add it, with the group's own list.
        first, *rest = regions_with_aliases(group.regions, group.region_aliases)
        extended = f"{first[:-1]}, {text})" if first.endswith(")") else f"{first} ({text})"
        return Refusal(
            "unknown_region",
            {"region": quote(text), "regions": known, "example": ", ".join([extended, *rest])},
        )

    async def submit_report(
        self, group: Group, region_text: str, text: str | None, author: Actor
    ) -> SavedReport | Refusal:
        region = self.resolve_region(group, region_text)
        if isinstance(region, Refusal):
            return region
        problem = check_text(text, REPORT_LIMIT)
        if problem:
            return problem
        now = self._clock.now()
        tidy = _tidy_report(text or "")
        async with self._transactions.writing() as uow:
            # Before reading the meetings: one being planned in another process right now
            # is then either seen here or hands this report on when it is stored.
            await uow.groups.lock(group.id)
            meeting = await next_meeting(uow, group, now)
            meeting_id = meeting.id if meeting else None
            current = await uow.reports.current(group.id, meeting_id)
            for same in current:
                if (same.region, same.text, same.author_id) == (region, tidy, author.id) and (
                    now - same.created_at < RESENT_WITHIN
                ):
                    return SavedReport(same, None, meeting)
            report, replaced = await uow.reports.add(
                group.id, meeting_id, region, tidy, author, now
            )
            uow.agenda_changed(group.id)
            await uow.commit()
        return SavedReport(report, replaced, meeting)

    async def current_report(self, group: Group, region: str) -> StatusReport | None:
        overview = await self.report_overview(group)
        return dict(overview.rows).get(region)

    async def report_overview(self, group: Group) -> ReportOverview:
        async with self._transactions.reading() as uow:
            meeting = await next_meeting(uow, group, self._clock.now())
            reports = await uow.reports.current(group.id, meeting.id if meeting else None)
        by_region = {report.region: report for report in reports}
        return ReportOverview(meeting, [(r, by_region.get(r)) for r in group.regions])

    # --- action items ----------------------------------------------------------------------

    async def add_action_item(
        self, group: Group, text: str, mentions: list[Mention], author: Actor
    ) -> SavedItem | Refusal:
        problem = check_text(text, TEXT_LIMIT)
        if problem:
            return problem
        # Read before the write transaction: parsing a date holds no lock.
        parts = read_action_item(text, mentions, await self.date_context(group), group.language)
        if isinstance(parts, Refusal):
            return parts
        if not parts.text:
            return Refusal("empty_text")
        parts = await self._owner_from_roster(group, parts)
        if isinstance(parts, Refusal):
            return parts
        draft = ActionItemDraft(
            text=parts.text,
            created_by=author.name,
            owner_name=parts.owner_name,
            owner_id=parts.owner_id,
            due_at=parts.due.start if parts.due else None,
        )
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            newest = await uow.items.newest(group.id)
            if newest is not None and _same_item(newest, draft, now):
                return SavedItem(newest, Refusal("already_saved"))
            item = await uow.items.add(group.id, draft, now)
            uow.agenda_changed(group.id)
            await uow.commit()
        return SavedItem(item, parts.note)

    async def _owner_from_roster(self, group: Group, parts: ItemParts) -> ItemParts | Refusal:
        """An owner written by name is the member of that name (a first name that is one
        member's is theirs; one that is several members' is asked back); a name nobody in the
        group has stays as written (owners may be outside the group), and so does "Alla"."""
        name = parts.owner_name
        if name is None or parts.owner_id is not None or self._roster is None:
            return parts
        if fold(name) in EVERYONE:
            return parts
        people = await self._roster.members(group)
        found = people_named(name, people or [])
        if len(found) == 1:
            person = found[0]
            return replace(parts, owner_name=person.name, owner_id=person.teams_id or person.id)
        if len(found) > 1:
            names = [f"**{person.name}**" for person in found]
            return Refusal(
                "owner_ambiguous",
                {
                    "name": quote(name),
                    "people": join_words(names, group.language, "or"),
                    "example": found[0].name,
                },
            )
        return parts

    async def action_item(self, group: Group, number: int) -> ActionItem | None:
        async with self._transactions.reading() as uow:
            return await uow.items.get(group.id, number)

    async def action_items(self, group: Group, *, include_closed: bool) -> list[ActionItem]:
        async with self._transactions.reading() as uow:
            if include_closed:
                return await uow.items.list_all(group.id)
            return await uow.items.list_open(group.id)

    async def close_action_item(
        self, group: Group, number_text: str, actor: Actor
    ) -> tuple[ActionItem, bool] | Refusal:
        number = _item_number(number_text)
        if number is None:
            return Refusal("action_number_missing")
        async with self._transactions.writing() as uow:
            item, closed_now = await uow.items.close(
                group.id, number, actor.name, self._clock.now()
            )
            if item is None:
                return Refusal("action_unknown", {"number": number})
            if closed_now:
                uow.agenda_changed(group.id)
                await uow.commit()
        return item, closed_now

    async def delete_action_item(
        self, group: Group, number_text: str, actor: Actor
    ) -> ActionItem | Refusal:
        number = _item_number(number_text)
        if number is None:
            return Refusal("action_number_missing")
        async with self._transactions.writing() as uow:
            item = await uow.items.delete(group.id, number, self._clock.now())
            if item is None:
                return Refusal("action_unknown", {"number": number})
            uow.agenda_changed(group.id)
            uow.audit(group.id, actor, AuditNote.of("delete", number=item.number, text=item.text))
            await uow.commit()
        return item

    async def edit_action_item(
        self, group: Group, args: str, mentions: list[Mention]
    ) -> ActionItem | Refusal:
        match = re.match(r"#?(\d+)\s*(.*)", args.strip(), re.DOTALL)
        if not match:
            return Refusal("action_number_missing")
        number, rest = int(match[1]), match[2].strip()
        if await self.action_item(group, number) is None:
            return Refusal("action_unknown", {"number": number})
        # Read and resolve before the write transaction: the roster may ask Teams.
        context = await self.date_context(group)
        changes = self._edits(context, group, rest, mentions)
        if isinstance(changes, Refusal):
            return changes
        if not changes:
            return Refusal("edit_nothing", {"number": number, "ex_day": context.example_day})
        owner = changes.get("owner_name")
        if isinstance(owner, str) and changes.get("owner_id") is None:
            person = await self._owner_from_roster(group, ItemParts("", owner_name=owner))
            if isinstance(person, Refusal):
                return person
            changes.update(owner_name=person.owner_name, owner_id=person.owner_id)
        async with self._transactions.writing() as uow:
            updated = await self._update_item(uow, group, number, changes)
        return updated or Refusal("action_unknown", {"number": number})

    async def _update_item(
        self, uow: UnitOfWork, group: Group, number: int, changes: dict[str, object]
    ) -> ActionItem | None:
        """The item changed and committed; None if it is gone (deleted meanwhile)."""
        updated = await uow.items.update(group.id, number, self._clock.now(), **changes)
        if updated is None:
            return None
        uow.agenda_changed(group.id)
        await uow.commit()
        return updated

    @staticmethod
    def _edits(
        context: DateContext, group: Group, rest: str, mentions: list[Mention]
    ) -> dict[str, object] | Refusal:
        explicit_text = re.match(r"(?:text|tekst)\s*:\s*(.*)", rest, re.DOTALL | re.IGNORECASE)
        if explicit_text:
            new_text = explicit_text[1].strip()
            problem = check_text(new_text, TEXT_LIMIT)
            return problem or {"text": " ".join(new_text.split())}
        problem = check_text(rest, TEXT_LIMIT)
        if problem:
            return {} if problem.key == "empty_text" else problem
        parts = read_action_item(rest, mentions, context, group.language)
        if isinstance(parts, Refusal):
            return parts
        changes: dict[str, object] = {}
        if parts.owner_name:
            changes.update(owner_name=parts.owner_name, owner_id=parts.owner_id)
        if parts.due:
            changes["due_at"] = parts.due.start
        if parts.text and parts.text != parts.owner_name:  # "ändra 3 @Sara" is not a new text
            changes["text"] = parts.text
        return changes

    async def save_item_form(
        self, group: Group, number: int, text: str, owner: str, due: str
    ) -> ActionItem | Refusal:
        """The edit card's fields: each one that differs from the item is changed; an owner
        by name is the member of that name, as in ``åtgärd``."""
        owner = " ".join(owner.split())[:200]
        owner_id = None
        if owner:
            person = await self._owner_from_roster(group, ItemParts("", owner_name=owner))
            if isinstance(person, Refusal):
                return person
            owner, owner_id = person.owner_name or owner, person.owner_id
        async with self._transactions.writing() as uow:
            item = await uow.items.get(group.id, number)
            if item is None:
                return Refusal("action_unknown", {"number": number})
            problem = check_text(text, TEXT_LIMIT)
            if problem:
                return problem
            changes: dict[str, object] = {}
            if _tidy(text) != item.text:
                changes["text"] = _tidy(text)
            if owner != (item.owner_name or ""):
                changes.update(owner_name=owner or None, owner_id=owner_id)
            due_at = _due_from_field(await self._date_context(uow, group), group, due, item)
            if isinstance(due_at, Refusal):
                return due_at
            if due_at != item.due_at:
                changes["due_at"] = due_at
            if not changes:
                return item
            updated = await self._update_item(uow, group, number, changes)
        return updated or Refusal("action_unknown", {"number": number})

    # --- decisions and agenda points -------------------------------------------------------

    async def record_decision(
        self, group: Group, text: str, author: Actor
    ) -> tuple[Decision, Meeting | None] | Refusal:
        problem = check_text(text, TEXT_LIMIT)
        if problem:
            return problem
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            await uow.groups.lock(group.id)
            meeting = await meeting_of_decision(uow, group, now)
            meeting_id = meeting.id if meeting else None
            newest = await uow.decisions.newest(group.id)
            if _resent(newest, _tidy(text), author, now) and newest.meeting_id == meeting_id:
                return newest, meeting
            decision = await uow.decisions.add(group.id, meeting_id, _tidy(text), author.name, now)
            await uow.commit()
        return decision, meeting

    async def propose_point(self, group: Group, text: str, author: Actor) -> AgendaPoint | Refusal:
        problem = check_text(text, TEXT_LIMIT)
        if problem:
            return problem
        section, point = split_section(text)
        if not point:
            return Refusal("empty_text")
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            await uow.groups.lock(group.id)
            upcoming = await uow.meetings.upcoming(group.id, now)
            later = [meeting for meeting in upcoming if meeting.starts_at > now]
            meeting_id = later[0].id if later else None
            newest = await uow.points.newest(group.id)
            if _resent(newest, point, author, now) and (newest.section, newest.meeting_id) == (
                section.value,
                meeting_id,
            ):
                return newest
            added = await uow.points.add(group.id, meeting_id, section, point, author.name, now)
            uow.agenda_changed(group.id)
            await uow.commit()
        return added


def _named(name: str) -> bool:
    """A name that tells people apart (a sender Teams names not at all is "?")."""
    return bool(name.strip(" ?"))


def _same_item(newest: ActionItem, draft: ActionItemDraft, now: datetime) -> bool:
    """``newest`` is what ``draft`` would store, by the same person a moment ago: the same
    command sent again (after a reply that did not arrive), not a new item."""
    return (
        newest.is_open
        and _named(draft.created_by)
        and (newest.text, newest.owner_name, newest.due_at, newest.created_by)
        == (draft.text, draft.owner_name, draft.due_at, draft.created_by)
        and now - newest.created_at < RESENT_WITHIN
    )


def _resent(
    newest: Decision | AgendaPoint | None, text: str, author: Actor, now: datetime
) -> TypeGuard[Decision | AgendaPoint]:
    """``newest`` holds ``text`` from the same person a moment ago: the command sent again."""
    return (
        newest is not None
        and _named(author.name)
        and (newest.text, newest.created_by) == (text, author.name)
        and now - newest.created_at < RESENT_WITHIN
    )


async def next_meeting(uow: UnitOfWork, group: Group, now: datetime) -> Meeting | None:
    """The group's next meeting, or the one under way."""
    upcoming = await uow.meetings.upcoming(group.id, now)
    return upcoming[0] if upcoming else None


async def meeting_of_decision(uow: UnitOfWork, group: Group, now: datetime) -> Meeting | None:
    """The meeting under way or ended less than ``DECISION_GRACE`` ago (the latest begun), or
    else the next one."""
    recent = await uow.meetings.upcoming(group.id, now - DECISION_GRACE)
    begun = [meeting for meeting in recent if meeting.starts_at <= now]
    return begun[-1] if begun else await next_meeting(uow, group, now)


def _due_from_field(
    context: DateContext, group: Group, due: str, item: ActionItem
) -> datetime | None | Refusal:
    if not due.strip():
        return None
    result = parse_date(due, context)
    if isinstance(result, DateError):
        return date_refusal(result, due, context, group.language)
    if item.due_at and result.start.date() == item.due_at.astimezone(context.timezone).date():
        return item.due_at  # the form shows the day only: the same day keeps its time
    if result.is_past(context):
        return Refusal(
            "date_past",
            {"phrase": quote(due), "date": format_day(result.start, group.language)},
        )
    return result.start


def date_refusal(error: DateError, phrase: str, context: DateContext, language: str) -> Refusal:
    """Why a due date was not set: too vague, two readings to choose from, or unreadable."""
    if error.problem is DateProblem.AMBIGUOUS:
        first, second = (format_day(day, language) for day in error.readings)
        return Refusal(
            "date_ambiguous", {"phrase": quote(phrase), "first": first, "second": second}
        )
    key = "date_vague" if error.problem is DateProblem.VAGUE else "date_unreadable"
    return Refusal(key, {"phrase": quote(phrase), "ex_day": context.example_day})


# --- reading one-message input -------------------------------------------------------------

_OWNER_CLAUSE = re.compile(
    r"[,;(]?\s*\b(?:ansvarig|ansvarlig|ansvar|owner|responsible)\s*:\s*"
    r"([^\W\d_][\w'-]*(?:\s+[A-ZÅÄÖØÆÉ][\w'-]*){0,2})\)?",
    re.IGNORECASE,
)
_NAME = r"[A-ZÅÄÖØÆÉÜ][a-zåäöøæéüA-Z'-]+"
_LEADING_NAME = re.compile(rf"({_NAME}(?:\s+{_NAME})?)\s+(\w+)")
_NOT_NAMES = {
    "alla", "vi", "jag", "gruppen", "nagon", "de", "man", "samtliga", "varje", "ingen",
    "alle", "noen", "all", "everyone", "someone", "we", "they", "region", "regionen",
}  # fmt: skip
# Present-tense verbs that follow an owner's name: "Veronica kollar", "Kari sjekker".
_OWNER_VERBS = {
    "kollar", "tar", "skickar", "aterkommer", "undersoker", "bokar", "ringer", "mejlar",
    "mailar", "ordnar", "sammanstaller", "kontaktar", "bjuder", "fragar", "pratar", "skriver",
    "forbereder", "uppdaterar", "tittar", "stammer", "haller", "leder", "samordnar",
    "planerar", "presenterar", "ansvarar", "fixar", "hor", "delar", "sjekker", "sender",
    "kontakter", "lager", "ordner", "oppdaterer", "ser", "snakker", "spor", "booker",
    "planlegger", "checks", "sends", "asks", "contacts", "books", "calls", "writes",
    "prepares", "updates", "reviews", "looks", "takes", "follows", "emails", "organises",
    "organizes", "investigates", "drafts", "will",
}  # fmt: skip


_SELF_WORDS = {"mig", "jag", "meg", "jeg", "me", "myself"}
# Everyone as an owner: "Alla kollar i sina verksamheter och återkommer" (folded).
EVERYONE = {"alla", "samtliga", "alle", "everyone", "everybody"}
_LEADING_EVERYONE = re.compile(r"([^\W\d_]+)\s+(\w+)")
_NOBODY_WORDS = {"ingen", "none", "nobody", "nokon", "noen"}


def read_action_item(
    text: str, mentions: list[Mention], context: DateContext, language: str
) -> ItemParts | Refusal:
    """Split one message into the item's text, owner and due date."""
    owner_name: str | None = None
    owner_id: str | None = None
    for mention in mentions:
        text = text.replace(mention.markup, mention.name)
        if owner_name is None:
            owner_name, owner_id = mention.name, mention.id
    clause = _OWNER_CLAUSE.search(text)
    if clause:
        owner_name = owner_name or clause[1].strip()
        text = text[: clause.start()] + text[clause.end() :]
    due: ParsedDate | None = None
    note: Refusal | None = None
    found = find_date(text, context)
    if found:
        phrase = text[found.start : found.end]
        result = found.result
        if isinstance(result, DateError):
            if result.problem is not DateProblem.NO_MEETING:
                return date_refusal(result, phrase, context, language)
            note = Refusal("action_no_meeting", {"phrase": quote(phrase)})
        elif result.is_past(context):
            day = format_day(result.start, language)
            return Refusal("date_past", {"phrase": quote(phrase), "date": day})
        else:
            due = result
            if result.period:  # "innan jul": say which day that was read as
                day = format_day(result.start, language)
                note = Refusal("date_period_read", {"phrase": quote(phrase), "date": day})
        text = text[: found.start] + text[found.end :]
    text = _tidy(text)
    if owner_name is None:
        owner_name = _leading_owner(text)
    return ItemParts(text, owner_name, owner_id, due, note)


def people_named(name: str, people: list[Actor]) -> list[Actor]:
    """The people whose full name is ``name``, or else whose first name is (accents and case
    aside, in name order), each once."""
    wanted = fold(" ".join(name.split()))
    unique = list({person.teams_id or person.id: person for person in people}.values())
    full = [person for person in unique if fold(person.name) == wanted]
    if full or " " in wanted:
        return full[:1]
    named = [person for person in unique if fold(person.name).split()[:1] == [wanted]]
    return sorted(named, key=lambda person: fold(person.name))


def _leading_owner(text: str) -> str | None:
    everyone = _LEADING_EVERYONE.match(text)
    if everyone and fold(everyone[1]) in EVERYONE and fold(everyone[2]) in _OWNER_VERBS:
        return everyone[1]
    match = _LEADING_NAME.match(text)
    if not match:
        return None
    name, verb = match[1], fold(match[2])
    if fold(name.split()[0]) in _NOT_NAMES or verb not in _OWNER_VERBS:
        return None
    return name


def split_section(text: str) -> tuple[Section, str]:
    """ "Utvecklingsområde: Radiofarmakaupphandling" -> (DEVELOPMENT, "Radiofarmakaupphandling");
    without a known section name the whole text goes under Övrigt."""
    head, colon, rest = text.partition(":")
    if colon:
        wanted = fold(head.strip())
        for section in Section:
            names = MESSAGES[section.title_key].values()
            if wanted and any(fold(name) == wanted for name in names):
                return section, _tidy(rest)
    return Section.OTHER, _tidy(text)


def _item_number(text: str) -> int | None:
    match = re.fullmatch(r"#?\s*(\d{1,9})", text.strip())
    return int(match[1]) if match else None


def _tidy(text: str) -> str:
    """One line, single spaces, no dangling punctuation where a phrase was cut out."""
    flat = " ".join(text.split())
    flat = re.sub(r"\s+([,.;:])", r"\1", flat)
    return flat.strip(" ,;:-–")


def _tidy_report(text: str) -> str:
    """A report keeps its paragraphs and lists; only trailing spaces and extra blank lines go."""
    lines = [line.rstrip() for line in text.strip().replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
