"""Swedish, Norwegian and English date and time phrases -> aware datetimes in a group's zone.

``parse_date("23/11 kl 13-14", context)`` reads a phrase the group typed; ``find_date`` finds
one inside a longer text ("Veronica kollar med Region Skåne till nästa möte"). Our own rules
cover what these groups write (numeric dates, "kl", time ranges, weeks, "i morgon", "om två
veckor", month parts, meeting-relative phrases); dateparser, configured day-first and
future-preferring, reads the rest of the absolute phrasings in ``parse_date`` only. Vague
phrases ("innan sommaren", "i början av hösten") are recognised as vague so the bot can ask
instead of guessing. Results are DST-correct: wall-clock times are built in the group's zone.

All matching is done on ``fold``-ed text (lower case, no accents), so "Måndag", "mandag" and
"MÅNDAG" are the same word in all three languages.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

import dateparser

from bot.domain.text import fold

# A date given without a year is this year's, unless that lies more than a month back:
# "21 september" said in November means next September, "20/11" said on 22/11 is a (refused)
# past date.
_PAST_WINDOW = timedelta(days=31)


@dataclass(frozen=True)
class DateContext:
    """What a phrase is relative to: now, the group's zone and its meeting calendar."""

    now: datetime
    timezone: ZoneInfo
    # Start times of the group's upcoming meetings, soonest first.
    meetings: tuple[datetime, ...] = ()
    # Whose working days and holidays count ("SE", "NO"): a period ends on its last working day.
    country: str = "SE"
    # The group's own words for its meeting, folded ("rag", "chefssamrad"): "nästa RAG-möte".
    meeting_names: tuple[str, ...] = ()

    @classmethod
    def at(
        cls,
        now: datetime,
        timezone: str,
        starts: Iterable[datetime],
        *,
        country: str = "SE",
        group_name: str = "",
    ) -> DateContext:
        """The context at ``now`` in the zone named ``timezone``; of the meeting ``starts``
        only those still ahead count."""
        ahead = tuple(start for start in starts if start >= now)
        return cls(now, ZoneInfo(timezone), ahead, country, cls.names_of(group_name))

    @staticmethod
    def names_of(group_name: str) -> tuple[str, ...]:
        """The words of a group's name a member may call its meeting by: "RAG nuklearmedicin"
        -> ("rag", "nuklearmedicin"); "Chefssamråd södra …" -> ("chefssamrad", …)."""
        return tuple(word for word in re.findall(r"[a-z0-9]+", fold(group_name)) if len(word) > 1)

    @property
    def local_now(self) -> datetime:
        return self.now.astimezone(self.timezone)

    @property
    def today(self) -> date:
        return self.local_now.date()


@dataclass(frozen=True)
class ParsedDate:
    start: datetime  # aware, in the group's zone; midnight when no time was given
    end: datetime | None = None  # for time ranges ("kl 13-14")
    has_time: bool = False
    meeting: bool = False  # "till nästa möte": the date is a meeting's start

    @property
    def day(self) -> date:
        return self.start.date()

    def is_past(self, context: DateContext) -> bool:
        """Before now: a whole day counts as past only once it is over."""
        if self.has_time:
            return self.start < context.now
        return self.day < context.today


class DateProblem(StrEnum):
    VAGUE = "vague"  # "innan sommaren": ask for a date
    UNPARSEABLE = "unparseable"
    NO_MEETING = "no_meeting"  # "till nästa möte" with no meeting planned
    BAD_TIME = "bad_time"  # "kl 25", "kl 14-13"


@dataclass(frozen=True)
class DateError:
    problem: DateProblem
    phrase: str


DateResult = ParsedDate | DateError


@dataclass(frozen=True)
class DateMatch:
    """A date phrase found inside a text, with its place there."""

    result: DateResult
    start: int
    end: int


# --- vocabulary (folded) -------------------------------------------------------------------

_MONTHS = {
    **dict.fromkeys(["januari", "januar", "january", "jan"], 1),
    **dict.fromkeys(["februari", "februar", "february", "feb"], 2),
    **dict.fromkeys(["mars", "march", "mar"], 3),
    **dict.fromkeys(["april", "apr"], 4),
    **dict.fromkeys(["maj", "mai", "may"], 5),
    **dict.fromkeys(["juni", "june", "jun"], 6),
    **dict.fromkeys(["juli", "july", "jul"], 7),
    **dict.fromkeys(["augusti", "august", "aug"], 8),
    **dict.fromkeys(["september", "sept", "sep"], 9),
    **dict.fromkeys(["oktober", "october", "okt", "oct"], 10),
    **dict.fromkeys(["november", "nov"], 11),
    **dict.fromkeys(["december", "desember", "dec", "des"], 12),
}
# Full names only: abbreviations ("man", "fre", "tor") are ordinary words too.
_WEEKDAYS = {
    **dict.fromkeys(["mandag", "monday"], 0),
    **dict.fromkeys(["tisdag", "tirsdag", "tuesday"], 1),
    **dict.fromkeys(["onsdag", "wednesday"], 2),
    **dict.fromkeys(["torsdag", "thursday"], 3),
    **dict.fromkeys(["fredag", "friday"], 4),
    **dict.fromkeys(["lordag", "saturday"], 5),
    **dict.fromkeys(["sondag", "sunday"], 6),
}
_NUMBERS = {
    **dict.fromkeys(["en", "ett", "ei", "one", "a", "an"], 1),
    **dict.fromkeys(["tva", "to", "two", "ett par", "a couple of"], 2),
    **dict.fromkeys(["tre", "three"], 3),
    **dict.fromkeys(["fyra", "fire", "four"], 4),
    **dict.fromkeys(["fem", "five"], 5),
    **dict.fromkeys(["sex", "seks", "six"], 6),
    **dict.fromkeys(["sju", "syv", "seven"], 7),
    **dict.fromkeys(["atta", "atte", "eight"], 8),
    **dict.fromkeys(["nio", "ni", "nine"], 9),
    **dict.fromkeys(["tio", "ti", "ten"], 10),
    **dict.fromkeys(["elva", "elleve", "eleven"], 11),
    **dict.fromkeys(["tolv", "twelve"], 12),
}
_UNITS = {
    **dict.fromkeys(["dag", "dagar", "dager", "dogn", "day", "days"], "days"),
    **dict.fromkeys(["vecka", "veckor", "uke", "uker", "week", "weeks"], "weeks"),
    **dict.fromkeys(["manad", "manader", "maned", "maneder", "month", "months"], "months"),
}
_MONTH_PARTS = {
    **dict.fromkeys(["borjan", "begynnelsen", "starten", "beginning", "start"], "start"),
    **dict.fromkeys(["mitten", "midten", "middle", "mid"], "middle"),
    **dict.fromkeys(["slutet", "slutten", "utgangen", "end"], "end"),
}
# Words that only frame a date ("senast 23/11", "till fredag", "by Friday").
_FRAME_WORDS = {
    "senast", "till", "tills", "fore", "innan", "infor", "by", "before", "until", "innen",
    "til", "for", "den", "pa", "on", "the", "latest", "at", "no", "later", "than", "allra",
    "senest",
}  # fmt: skip
_VAGUE = re.compile(
    r"\b(sommar(en)?|sommer(en)?|host(en)?|var(en)|vinter(n)?|vinteren|summer|autumn|fall|"
    r"spring|winter|jul(en)?|pask(en)?|snart|senare|framover|soon|later|sometime|"
    r"na(go)?n gang|en gang|efterhand|etter hvert|arsskiftet|nyar(et)?)\b"
)
_NEXT = r"(?:nasta|neste|next|kommande|kommende|coming)"
_MEETING = r"(?:mote|motet|meeting)"

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})(?:[/-](\d{4}|\d{2}))?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_MONTH_WORD = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH = re.compile(
    r"(\d{1,2})(?:\.|st|nd|rd|th|:e|:a)?\s+(?:of\s+)?" + _MONTH_WORD + r"(?:\s+(\d{4}))?"
)
_MONTH_DAY = re.compile(_MONTH_WORD + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?")
_WEEKDAY_WORD = "(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + ")"
_WEEK = re.compile(r"(?:i\s+|in\s+)?(?:vecka|v\.?|uke|veke|week)\s*(\d{1,2})(?:\s+(\d{4}))?")
_IN_N = re.compile(
    r"(?:om|in)\s+(\d+|"
    + "|".join(sorted(_NUMBERS, key=len, reverse=True))
    + r")\s+("
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + ")"
)
_MONTH_PART = re.compile(
    r"(?:i\s+|at\s+the\s+|by\s+the\s+|the\s+|in\s+)?("
    + "|".join(_MONTH_PARTS)
    + r")\s+(?:av|pa|of|i)\s+(?:the\s+)?(manaden|maneden|month|"
    + _MONTH_WORD[1:-4]
    + r")"
)
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?"
_TIME_SPEC = re.compile(r"(?:kl\.?|klockan|klokka|at)?\s*" + _TIME + r"(?:\s*-\s*" + _TIME + r")?")


def _normalise(text: str) -> str:
    folded = fold(text).replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")
    folded = re.sub(r"\s*-\s*", "-", folded)
    folded = re.sub(r"[,;!?()]", " ", folded)
    folded = re.sub(r"\s+", " ", folded).strip().rstrip(".")
    return folded


def _strip_frame(text: str) -> str:
    words = text.split(" ")
    while words and words[0] in _FRAME_WORDS:
        words.pop(0)
    return " ".join(words)


# --- the parser ----------------------------------------------------------------------------


def parse_date(text: str, context: DateContext, *, fallback: bool = True) -> DateResult:
    """Read ``text`` as one date phrase. ``fallback`` lets dateparser try what we do not know."""
    phrase = text.strip()
    normalised = _strip_frame(_normalise(phrase))
    if not normalised:
        return DateError(DateProblem.UNPARSEABLE, phrase)
    result = _parse(normalised, context)
    if result is not None:
        return result if isinstance(result, ParsedDate) else DateError(result, phrase)
    if _VAGUE.search(normalised):
        return DateError(DateProblem.VAGUE, phrase)
    if fallback:
        parsed = _dateparser(phrase, context)
        if parsed is not None:
            return parsed
    return DateError(DateProblem.UNPARSEABLE, phrase)


def parse_time_range(text: str) -> tuple[time, time | None] | None:
    """ "kl 13-14", "13.00 – 14.00", "8–9" -> (start, end); None if it is not a time."""
    match = _TIME_SPEC.fullmatch(_normalise(text))
    if not match:
        return None
    times = _times(match)
    return None if isinstance(times, DateProblem) else times


def _parse(text: str, context: DateContext) -> ParsedDate | DateProblem | None:
    meeting = _meeting_relative(text, context)
    if meeting is not None:
        return meeting
    for reader in (_read_day, _read_relative_span):
        read = reader(text, context)
        if read is None:
            continue
        day, rest = read
        if day is None:
            return DateProblem.UNPARSEABLE
        return _with_time(day, rest, context)
    # A bare time ("kl 13", "13:30") is today's, or tomorrow's if already past; a bare number
    # is not a time.
    if re.search(r"kl|at |[:.-]", text) and _TIME_SPEC.fullmatch(text):
        return _with_time(context.today, text, context, roll_over=True)
    return None


def _meeting_relative(text: str, context: DateContext) -> ParsedDate | DateProblem | None:
    if re.fullmatch(rf"(?:{_NEXT}|the next|det nasta|nasta)\s+{_MEETING}", text):
        upcoming = [m for m in context.meetings if m >= context.now]
        if not upcoming:
            return DateProblem.NO_MEETING
        return _meeting(upcoming[0], context)
    month = re.fullmatch(
        rf"{_MEETING}\s+i\s+{_MONTH_WORD}|(?:the\s+)?{_MONTH_WORD}\s+meeting", text
    )
    if month:
        number = _MONTHS[month.group(1) or month.group(2)]
        for start in context.meetings:
            local = start.astimezone(context.timezone)
            if local.month == number and start >= context.now:
                return _meeting(start, context)
        return DateProblem.NO_MEETING
    return None


def _meeting(start: datetime, context: DateContext) -> ParsedDate:
    return ParsedDate(start=start.astimezone(context.timezone), has_time=True, meeting=True)


def _read_day(text: str, context: DateContext) -> tuple[date | None, str] | None:
    """A calendar day at the start of ``text``, and what follows it (a time, perhaps)."""
    today = context.today
    for pattern, build in (
        (_ISO, lambda m: _day(int(m[1]), int(m[2]), int(m[3]))),
        (_DOTTED, lambda m: _day(int(m[3]), int(m[2]), int(m[1]))),
        (_NUMERIC, lambda m: _day_guess_year(int(m[2]), int(m[1]), m[3], today)),
        (_DAY_MONTH, lambda m: _day_guess_year(_MONTHS[m[2]], int(m[1]), m[3], today)),
        (_MONTH_DAY, lambda m: _day_guess_year(_MONTHS[m[1]], int(m[2]), m[3], today)),
    ):
        match = pattern.match(text)
        if match and _ends_word(text, match.end()):
            return build(match), text[match.end() :].strip()
    weekday = re.match(rf"(?:({_NEXT})\s+)?{_WEEKDAY_WORD}\b\.?", text)
    if weekday:
        rest = text[weekday.end() :].strip()
        target = _WEEKDAYS[weekday.group(2)]
        dated = _read_day(rest, context) if rest[:1].isdigit() else None
        if dated is not None:  # "torsdag 26/11 kl 13": the date says it all
            return dated
        week = _WEEK.match(rest)
        if week:
            return _week_day(int(week[1]), week[2], target, today), rest[week.end() :].strip()
        next_week = re.match(rf"{_NEXT}\s+(?:vecka|uke|week)\b", rest)
        if weekday.group(1) or next_week:  # "nästa fredag", "fredag nästa vecka"
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
            return monday + timedelta(days=target), rest[
                next_week.end() :
            ].strip() if next_week else rest
        ahead = (target - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead), rest
    week = _WEEK.match(text)
    if week:
        rest = text[week.end() :].strip()
        day_word = re.match(_WEEKDAY_WORD + r"\b", rest)
        target = _WEEKDAYS[day_word.group(1)] if day_word else 0
        if day_word:
            rest = rest[day_word.end() :].strip()
        return _week_day(int(week[1]), week[2], target, today), rest
    for words, offset in (
        (r"i ?dag|today", 0),
        (r"i ?morgon|i ?morgen|tomorrow", 1),
        (r"i ?overmorgon|i ?overmorgen|the day after tomorrow|day after tomorrow", 2),
    ):
        match = re.match(rf"(?:{words})\b", text)
        if match:
            return today + timedelta(days=offset), text[match.end() :].strip()
    return None


def _read_relative_span(text: str, context: DateContext) -> tuple[date | None, str] | None:
    today = context.today
    match = _IN_N.match(text)
    if match:
        amount = int(match[1]) if match[1].isdigit() else _NUMBERS[match[1]]
        unit = _UNITS[match[2]]
        rest = text[match.end() :].strip()
        if unit == "months":
            return _add_months(today, amount), rest
        return today + timedelta(**{unit: amount}), rest
    match = re.match(rf"{_NEXT}\s+(vecka|uke|week|manad|maned|month)\b", text)
    if match:
        rest = text[match.end() :].strip()
        if match[1] in ("manad", "maned", "month"):
            return _add_months(today.replace(day=1), 1), rest
        return today - timedelta(days=today.weekday()) + timedelta(weeks=1), rest
    match = _MONTH_PART.match(text)
    if match:
        part = _MONTH_PARTS[match[1]]
        month_word = match[2]
        if month_word in ("manaden", "maneden", "month"):
            year, month = today.year, today.month
        else:
            month = _MONTHS[month_word]
            first = _day_guess_year(month, 1, None, today)
            if first is None:
                return None
            year = first.year
        last = calendar.monthrange(year, month)[1]
        day = {"start": 1, "middle": 15, "end": last}[part]
        return date(year, month, day), text[match.end() :].strip()
    return None


def _with_time(
    day: date, rest: str, context: DateContext, roll_over: bool = False
) -> ParsedDate | DateProblem | None:
    zone = context.timezone
    if not rest:
        return ParsedDate(start=datetime.combine(day, time(0, 0), zone))
    match = _TIME_SPEC.fullmatch(rest)
    if not match:
        return None
    times = _times(match)
    if isinstance(times, DateProblem):
        return times
    start_time, end_time = times
    start = datetime.combine(day, start_time, zone)
    if roll_over and start < context.local_now:
        start = datetime.combine(day + timedelta(days=1), start_time, zone)
    end = datetime.combine(start.date(), end_time, zone) if end_time else None
    return ParsedDate(start=start, end=end, has_time=True)


def _times(match: re.Match[str]) -> tuple[time, time | None] | DateProblem:
    start = _clock(match[1], match[2])
    end = _clock(match[3], match[4]) if match[3] else None
    if start is None or (match[3] and end is None):
        return DateProblem.BAD_TIME
    if end is not None and end <= start:
        return DateProblem.BAD_TIME
    return start, end


def _clock(hour: str, minute: str | None) -> time | None:
    h, m = int(hour), int(minute or 0)
    if h == 24 and m == 0:
        return time(23, 59)
    if not (0 <= h < 24 and 0 <= m < 60):
        return None
    return time(h, m)


def _ends_word(text: str, position: int) -> bool:
    return position == len(text) or text[position] == " "


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_guess_year(month: int, day: int, year: str | None, today: date) -> date | None:
    if year:
        full = int(year) + (2000 if len(year) == 2 else 0)
        return _day(full, month, day)
    for candidate_year in (today.year, today.year + 1):
        candidate = _day(candidate_year, month, day)
        if candidate and candidate >= today - _PAST_WINDOW:
            return candidate
    return _day(today.year + 1, month, day)  # 29/2 in a year without one: None


def _week_day(week: int, year: str | None, weekday: int, today: date) -> date | None:
    def build(iso_year: int) -> date | None:
        try:
            return date.fromisocalendar(iso_year, week, weekday + 1)
        except ValueError:
            return None

    if year:
        return build(int(year))
    this_year = today.isocalendar().year
    candidate = build(this_year)
    if candidate and candidate >= today - _PAST_WINDOW:
        return candidate
    return build(this_year + 1)


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_DATEPARSER_LANGUAGES = ["sv", "nb", "en"]


def _dateparser(phrase: str, context: DateContext) -> ParsedDate | None:
    """dateparser for absolute phrasings our rules do not cover ("onsdagen den 4:e mars")."""
    if not re.search(r"\d", phrase) and not any(
        word in _MONTHS for word in _normalise(phrase).split()
    ):
        return None  # without a number or a month name it guesses too freely
    parsed = dateparser.parse(
        phrase,
        languages=_DATEPARSER_LANGUAGES,
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DATES_FROM": "future",
            "RELATIVE_BASE": context.local_now.replace(tzinfo=None),
            "RETURN_AS_TIMEZONE_AWARE": False,
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    if parsed is None or not (context.today.year - 1 <= parsed.year <= context.today.year + 5):
        return None  # "13-14" read as the year 2114, and such
    has_time = parsed.time() != time(0, 0)
    start = datetime.combine(parsed.date(), parsed.time(), context.timezone)
    return ParsedDate(start=start, has_time=has_time)


# --- finding a date inside a text ----------------------------------------------------------

_TRIGGERS = _FRAME_WORDS | {
    "i", "idag", "imorgon", "imorgen", "om", "in", "today", "tomorrow", "vecka", "v", "v.",
    "uke", "week", "nasta", "neste", "next", "kommande", "coming", "slutet", "borjan",
    "mitten", "end", "mid",
} | set(_WEEKDAYS)  # fmt: skip
_DATE_TOKEN = re.compile(r"\d{1,2}/\d{1,2}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}|v\d{1,2}")
_MAX_WORDS = 7


def find_date(text: str, context: DateContext) -> DateMatch | None:
    """The first date phrase in ``text`` (the longest one starting there), if any.

    Only phrases that start with a framing or date word are considered, and dateparser is not
    asked: in free text it finds dates in ordinary words.
    """
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    for index, (start, _) in enumerate(tokens):
        word = fold(text[start : tokens[index][1]]).strip(".,;:!?()")
        if word not in _TRIGGERS and not _DATE_TOKEN.fullmatch(word):
            continue
        for length in range(min(_MAX_WORDS, len(tokens) - index), 0, -1):
            end = tokens[index + length - 1][1]
            phrase = text[start:end].rstrip(".,;:!?)")
            if not _strip_frame(_normalise(phrase)):
                continue
            result = parse_date(phrase, context, fallback=False)
            if isinstance(result, ParsedDate) or result.problem in (
                DateProblem.VAGUE,
                DateProblem.NO_MEETING,
            ):
                return DateMatch(result, start, start + len(phrase))
    return None
