"""A group's settings by chat (``inställningar``): shown all together, each changeable.

``inställningar språk norska`` and ``inställningar tidszon Europe/Oslo`` set the language and
the time zone, ``inställningar försenade av`` stops the daily post of overdue action items,
``inställningar dagordning 3 dagar`` sets when the agenda draft is posted,
``inställningar påminnelser 1 dag, 15 minuter`` the reminders, ``inställningar standard`` puts
the lead times back to the deployment's defaults. Every change is audited. Lead times in
whole days count working days and land at 09:00 (see ``bot.domain.schedule``); others are
exact. Each lead is at most 30 days.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.domain.i18n import join_words, message
from bot.domain.model import Actor, AuditNote, Group, Language, Refusal
from bot.domain.ports import Clock, GroupRepository, Transactions
from bot.domain.schedule import MAX_LEAD, LeadTimes, country_of, whole_days
from bot.domain.text import fold, quote

MAX_REMINDERS = 4
_UNITS = {
    "minut": "minutes", "minuter": "minutes", "minutter": "minutes", "minute": "minutes",
    "minutes": "minutes", "min": "minutes", "m": "minutes",
    "timme": "hours", "timmar": "hours", "time": "hours", "timer": "hours", "hour": "hours",
    "hours": "hours", "h": "hours", "tim": "hours",
    "dag": "days", "dagar": "days", "dager": "days", "dogn": "days", "day": "days",
    "days": "days", "d": "days", "arbetsdag": "days", "arbetsdagar": "days",
    "arbeidsdag": "days", "arbeidsdager": "days", "working": "days",
    "vecka": "weeks", "veckor": "weeks", "uke": "weeks", "uker": "weeks", "week": "weeks",
    "weeks": "weeks",
}  # fmt: skip
_LEAD = re.compile(r"(\d{1,4})\s*([a-z]+)(?:\s+days?)?(?:\s+(?:fore|for|before|innan))?")
_AGENDA_WORDS = {"dagordning", "dagordningen", "dagsorden", "agenda"}
_REMINDER_WORDS = {"paminnelser", "paminnelse", "reminders", "reminder"}
_DEFAULT_WORDS = {"standard", "default", "aterstall", "reset"}
_LANGUAGE_SETTING = {"sprak", "spraket", "language"}
_TIMEZONE_SETTING = {"tidszon", "tidszonen", "tidssone", "tidssonen", "timezone", "tz"}
_OVERDUE_SETTING = {"forsenade", "forsinkede", "overdue"}
_DRAFT_SETTING = {"utkast", "utkastet", "draft", "minutes"}
_START_SETTING = {"motesstart", "motestart", "meetingstart", "start"}
MAX_DRAFT_DELAY = timedelta(hours=24)
_AT_ONCE = {"0", "direkt", "genast", "straks", "now", "immediately"}
_LANGUAGE_WORDS: dict[str, Language] = {
    "svenska": "sv", "svensk": "sv", "swedish": "sv", "sv": "sv",
    "norska": "nb", "norsk": "nb", "bokmal": "nb", "norwegian": "nb", "nb": "nb", "no": "nb",
    "engelska": "en", "engelsk": "en", "english": "en", "en": "en",
}  # fmt: skip
_SWITCH = {"pa": True, "on": True, "ja": True, "yes": True, "av": False, "off": False}


def parse_leads(text: str) -> tuple[timedelta, ...] | None:
    """ "1 dag, 15 minuter" -> (1 day, 15 minutes); None unless every part is a lead time."""
    parts = [p for p in re.split(r"\s*(?:,|\boch\b|\bog\b|\band\b)\s*", fold(text)) if p]
    leads = []
    for part in parts:
        match = _LEAD.fullmatch(part.strip())
        if not match or match[2] not in _UNITS:
            return None
        leads.append(timedelta(**{_UNITS[match[2]]: int(match[1])}))
    return tuple(leads) if leads else None


def describe_lead(lead: timedelta, language: str) -> str:
    """ "2 arbetsdagar före, kl. 09.00" or "15 minuter före"."""
    days = whole_days(lead)
    if days is not None:
        return message(language, "lead_day" if days == 1 else "lead_days", days=days)
    minutes = int(lead.total_seconds() // 60)
    if minutes == 60:
        return message(language, "lead_hour")
    if minutes % 60 == 0:
        return message(language, "lead_hours", hours=minutes // 60)
    return message(language, "lead_minutes", minutes=minutes)


_LANGUAGE_NAMES = {"sv": "language_sv", "nb": "language_nb", "en": "language_en"}


class Preferences:
    def __init__(self, transactions: Transactions, defaults: LeadTimes, clock: Clock) -> None:
        self._transactions = transactions
        self._defaults = defaults
        self._clock = clock

    def show(self, group: Group) -> str:
        lang = group.language
        leads = self._defaults.for_group(group)
        reminders = join_words([describe_lead(lead, lang) for lead in leads.reminders], lang)
        return message(
            lang,
            "settings_show",
            group=group.name or message(lang, "this_group"),
            language_name=message(lang, _LANGUAGE_NAMES.get(lang, "language_sv")),
            timezone=group.timezone,
            country=country_of(group),
            agenda=describe_lead(leads.agenda, lang),
            reminders=reminders or message(lang, "reminders_none"),
            overdue=message(lang, "switch_on" if group.overdue_posts else "switch_off"),
            overdue_switch=message(lang, "switch_off" if group.overdue_posts else "switch_on"),
            own=message(lang, "settings_own" if _has_own(group) else "settings_defaults"),
            draft=(
                message(lang, "draft_after", delay=describe_delay(group.minutes_draft_delay, lang))
                if group.minutes_draft_delay is not None
                else message(lang, "switch_off")
            ),
            start_post=message(lang, "switch_on" if group.meeting_start_post else "switch_off"),
            start_switch=message(lang, "switch_off" if group.meeting_start_post else "switch_on"),
        )

    async def change(self, group: Group, args: str, actor: Actor) -> Group | Refusal:
        """``inställningar dagordning 2 arbetsdagar före`` and the like, audited."""
        what, _, rest = args.strip().partition(" ")
        word, rest = fold(what), rest.strip()
        if word in _DEFAULT_WORDS:
            return await self._set(group, actor, args, None, None)
        if word in _LANGUAGE_SETTING:
            language = _LANGUAGE_WORDS.get(fold(rest))
            if language is None:
                return Refusal("settings_bad_language", {"text": quote(rest)})
            return await self._change(
                group, actor, args, lambda g, now: g.set_language(group.id, language, now)
            )
        if word in _TIMEZONE_SETTING:
            zone = _time_zone(rest)
            if zone is None:
                return Refusal("settings_bad_timezone", {"text": quote(rest)})
            return await self._change(
                group, actor, args, lambda g, now: g.set_timezone(group.id, zone, now)
            )
        if word in _OVERDUE_SETTING:
            on = _SWITCH.get(fold(rest))
            if on is None:
                return Refusal("settings_bad_switch")
            return await self._change(
                group, actor, args, lambda g, now: g.set_overdue_posts(group.id, on, now)
            )
        if word in _DRAFT_SETTING:
            return await self._change_draft(group, actor, args, rest)
        if word in _START_SETTING:
            on = _SWITCH.get(fold(rest))
            if on is None:
                return Refusal("settings_bad_switch")
            return await self._change(
                group, actor, args, lambda g, now: g.set_meeting_start_post(group.id, on, now)
            )
        if word not in _AGENDA_WORDS | _REMINDER_WORDS:
            return Refusal("settings_unknown", {"what": quote(what)})
        leads = parse_leads(rest)
        if leads is None:
            return Refusal("settings_bad_lead", {"text": quote(rest or "")})
        if any(lead <= timedelta(0) or lead > MAX_LEAD for lead in leads):
            return Refusal("settings_lead_range", {"days": MAX_LEAD.days})
        if word in _AGENDA_WORDS:
            if len(leads) != 1:
                return Refusal("settings_one_lead")
            return await self._set(group, actor, args, leads[0], group.reminder_leads)
        if len(leads) > MAX_REMINDERS:
            return Refusal("settings_too_many", {"limit": MAX_REMINDERS})
        ordered = tuple(sorted(set(leads), reverse=True))
        return await self._set(group, actor, args, group.agenda_lead, ordered)

    async def _change_draft(
        self, group: Group, actor: Actor, args: str, rest: str
    ) -> Group | Refusal:
        """``inställningar utkast 30 minuter`` / ``1 timme`` / ``av``: when the minutes draft
        is posted after a meeting (whole days are not working days here: it is exact)."""
        delay: timedelta | None
        word = fold(rest)
        if _SWITCH.get(word) is False:
            delay = None
        elif word in _AT_ONCE:
            delay = timedelta(0)
        else:
            leads = parse_leads(rest)
            if leads is None or len(leads) != 1:
                return Refusal("settings_bad_lead", {"text": quote(rest or "")})
            delay = leads[0]
            if delay > MAX_DRAFT_DELAY:
                hours = MAX_DRAFT_DELAY // timedelta(hours=1)
                return Refusal("settings_draft_range", {"hours": hours})
        return await self._change(
            group, actor, args, lambda g, now: g.set_minutes_draft(group.id, delay, now)
        )

    async def _set(
        self,
        group: Group,
        actor: Actor,
        args: str,
        agenda: timedelta | None,
        reminders: tuple[timedelta, ...] | None,
    ) -> Group:
        return await self._change(
            group, actor, args, lambda g, now: g.set_lead_times(group.id, agenda, reminders, now)
        )

    async def _change(
        self,
        group: Group,
        actor: Actor,
        args: str,
        change: Callable[[GroupRepository, datetime], Awaitable[Group]],
    ) -> Group:
        """One setting changed, audited with the words used, in one unit of work."""
        async with self._transactions.writing() as uow:
            changed = await change(uow.groups, self._clock.now())
            # Queued posts not sent yet were planned by the old settings (lead times, time
            # zone, whether overdue items are posted).
            uow.posts_replanned(group.id)
            uow.audit(group.id, actor, AuditNote.of("settings", change=" ".join(args.split())))
            await uow.commit()
        return changed


def describe_delay(delay: timedelta, language: str) -> str:
    """ "30 minuter", "1 timme", "2 timmar" (exact, never working days)."""
    minutes = int(delay.total_seconds() // 60)
    if minutes == 60:
        return message(language, "delay_hour")
    if minutes and minutes % 60 == 0:
        return message(language, "delay_hours", hours=minutes // 60)
    return message(language, "delay_minutes", minutes=minutes)


def _time_zone(text: str) -> str | None:
    """An IANA zone name, in any letter case ("europe/oslo" -> "Europe/Oslo"), or None."""
    wanted = text.strip().replace(" ", "_")
    if not wanted:
        return None
    if "/" in wanted:
        try:
            ZoneInfo(wanted)
        except (ZoneInfoNotFoundError, ValueError):
            pass
        else:
            return wanted
    matches = [zone for zone in available_timezones() if zone.lower() == wanted.lower()]
    return matches[0] if len(matches) == 1 and "/" in matches[0] else None


def _has_own(group: Group) -> bool:
    return group.agenda_lead is not None or group.reminder_leads is not None
