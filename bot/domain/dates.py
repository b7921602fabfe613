"""Swedish, Norwegian and English date and time phrases -> aware datetimes in a group's zone.

``parse_date("23/11 kl 13-14", context)`` reads a phrase the group typed; ``find_date`` finds
one inside a longer text ("Veronica kollar med Region Skåne till nästa möte"). Our own rules
cover what these groups write (numeric dates, "kl", time ranges, weekdays with their dates,
weeks, "i morgon", "om två veckor", months and their parts, periods, meetings counted from
the group's calendar); dateparser, configured day-first and future-preferring, reads the rest
of the absolute phrasings in ``parse_date`` only. Results are DST-correct: wall-clock times
are built in the group's zone.

Never a wrong date: a phrase whose two readings disagree ("fredag 26/11" when the 26th is a
Thursday, "vecka 10 i april", "nästa fredag" on a Wednesday) is ``AMBIGUOUS`` with both, so
the bot asks back. A period ("vecka 10", "i slutet av januari", "innan jul", "Q1") is read as
its last working day (``bot.domain.periods``) and marked ``period`` so the reply says so.
Phrases with no one sensible reading ("innan sommaren", "i början av hösten") are ``VAGUE``.

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

from bot.domain import periods
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

    @property
    def example_day(self) -> str:
        """The day examples show (``periods.example_day``), written "d/m"."""
        day = periods.example_day(self.today, self.country)
        return f"{day.day}/{day.month}"


@dataclass(frozen=True)
class ParsedDate:
    start: datetime  # aware, in the group's zone; midnight when no time was given
    end: datetime | None = None  # for time ranges ("kl 13-14")
    has_time: bool = False
    meeting: bool = False  # "till nästa möte": the date is a meeting's start
    # "innan jul", "vecka 10": a period read as its last working day, which the reply says.
    period: bool = False

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
    AMBIGUOUS = "ambiguous"  # "fredag 26/11" on a Thursday: two readings, ask with both


@dataclass(frozen=True)
class _Ambiguous:
    """Two readings of one phrase that fall on different days."""

    readings: tuple[date, date]


@dataclass(frozen=True)
class DateError:
    problem: DateProblem
    phrase: str
    readings: tuple[date, ...] = ()  # AMBIGUOUS: the days the phrase could mean


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
# Words that only frame a date ("senast 23/11", "till fredag", "by Friday").
_FRAME_WORDS = {
    "senast", "till", "tills", "fore", "innan", "infor", "by", "before", "until", "innen",
    "til", "for", "den", "pa", "on", "the", "latest", "at", "no", "later", "than", "allra",
    "senest", "vid", "ved",
}  # fmt: skip
_VAGUE = re.compile(
    r"\b(sommar(en)?|sommarn|sommer(en)?|host(en)?|var(en)|vinter(n)?|vinteren|summer|autumn|"
    r"fall|spring|winter|jul(en)?|pask(en)?|snart|senare|framover|framat|soon|later|sometime|"
    r"na(go)?n gang|en gang|efterhand|etter hvert|arsskiftet|nyar(et)?|semester(n)?|ferien|"
    r"snarast|asap|mojligt|christmas|easter|new year)\b"
)
_NEXT = r"(?:nasta|neste|next|kommande|kommende|coming)"
_MEETING = r"(?:mote|motet|meeting)"

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})(?:[/-](\d{4}|\d{2}))?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")
# "27.11" and "27.11." as Norwegians write a date; never a time ("13.30": no month 30).
_DOTTED_SHORT = re.compile(r"(3[01]|[12]\d|0?[1-9])\.(1[0-2]|0?[1-9])\.?")
_MONTH_WORD = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH = re.compile(
    r"(\d{1,2})(?:\.|st|nd|rd|th|:e|:a)?\s+(?:of\s+)?" + _MONTH_WORD + r"(?:\s+(\d{4}))?"
)
_MONTH_DAY = re.compile(_MONTH_WORD + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?")
_WEEKDAY_WORD = "(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + ")"
# Short weekdays count only in front of a date ("fre 27/11"): alone they are ordinary words.
_WEEKDAY_SHORT = {
    **dict.fromkeys(["man", "mon"], 0),
    **dict.fromkeys(["tis", "tir", "tirs", "tue", "tues"], 1),
    **dict.fromkeys(["ons", "wed"], 2),
    **dict.fromkeys(["tor", "tors", "thu", "thur", "thurs"], 3),
    **dict.fromkeys(["fre", "fri"], 4),
    **dict.fromkeys(["lor", "sat"], 5),
    **dict.fromkeys(["son", "sun"], 6),
}
_DATED_WEEKDAY = re.compile(
    rf"(?:{_WEEKDAY_WORD[1:-1]})(?:en)?\b|(?:"
    + "|".join(sorted(_WEEKDAY_SHORT, key=len, reverse=True))
    + r")\b\.?"
)
_WEEK = re.compile(
    r"(?:(?:i|in|under|during)\s+)?(?:vecka|veckan|v\.?|uke|veke|week|wk|w)\s*(?:nr\.?\s*)?"
    r"(\d{1,2})(?:\s+(\d{4}))?"
)
_IN_N = re.compile(
    r"(?:(?:om|in|inom|within)\s+)?(\d+|"
    + "|".join(sorted(_NUMBERS, key=len, reverse=True))
    + r")\s+("
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + ")"
)
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?"
_TIME_SPEC = re.compile(r"(?:kl\.?|klockan|klokka|at)?\s*" + _TIME + r"(?:\s*-\s*" + _TIME + r")?")

# --- periods (whole phrases) -------------------------------------------------------------------

_END_OF = (
    r"(?:(?:i|at\s+the|by\s+the|by|the|till|to\s+the)\s+)?"
    r"(?:slutet|slutten|utgangen|end)\s+(?:av|pa|of)\s+(?:the\s+)?"
)
_WEEK_NOUN = r"(?:veckan|vecka|uka|uken|uke|week)"
_THIS_WEEK = re.compile(
    rf"{_END_OF}(?:(?:den\s+har|denna|denne|this)\s+)?{_WEEK_NOUN}"
    rf"|(?:den\s+har|denna|denne|this)\s+{_WEEK_NOUN}"
    r"|(?:i|under|i\s+lopet\s+av|during)\s+(?:veckan|uka|uken|the\s+week)"
    r"|(?:vid\s+)?veckans\s+slut|helgen|the\s+weekend|weekend|eow|end\s+of\s+week"
)
_NEXT_WEEK = re.compile(
    rf"(?:{_END_OF})?(?:(?:under|i\s+lopet\s+av|during|i)\s+)?{_NEXT}\s+{_WEEK_NOUN}"
)
_SEASONS = {
    **dict.fromkeys(["varen", "spring"], "spring"),
    **dict.fromkeys(["sommaren", "sommarn", "sommeren", "summer"], "summer"),
    **dict.fromkeys(["hosten", "autumn", "fall"], "autumn"),
    **dict.fromkeys(["vintern", "vinteren", "winter"], "winter"),
}
_SEASON_END = re.compile(_END_OF + "(" + "|".join(_SEASONS) + ")")
_HOLIDAYS = {
    **dict.fromkeys(
        ["jul", "julen", "julhelgen", "julledigheten", "julafton", "julaften", "christmas"],
        periods.CHRISTMAS,
    ),
    **dict.fromkeys(["pask", "pasken", "paske", "easter"], periods.EASTER),
    **dict.fromkeys(["midsommar", "midsommarafton"], periods.MIDSUMMER),
    **dict.fromkeys(
        ["nyar", "nyaret", "nyttar", "new year", "the new year", "arsskiftet", "vid arsskiftet",
         "ved arsskiftet"],
        periods.NEW_YEAR,
    ),
}  # fmt: skip
# Said after a frame word these name the holiday: "innan jul", but "efter jul" stays vague.
_HOLIDAY = re.compile("(" + "|".join(sorted(_HOLIDAYS, key=len, reverse=True)) + ")")
_IN = r"(?:(?:i|in|under|during|i\s+lopet\s+av|throughout|inom)\s+)?"
_THIS_YEAR = re.compile(
    rf"{_IN}(?:{_END_OF})?(?:aret|the\s+year|year)|arets\s+slut|year\s+end|i\s+ar|this\s+year"
)
_NAMED_YEAR = re.compile(
    r"(?:(?:i|in|under|during|i\s+lopet\s+av|throughout|inom)\s+(?:"
    + _END_OF
    + r")?|"
    + _END_OF
    + r")(20\d\d)"
)
_ORDINALS = {
    **dict.fromkeys(["forsta", "forste", "first", "1"], 1),
    **dict.fromkeys(["andra", "andre", "second", "2"], 2),
    **dict.fromkeys(["tredje", "third", "3"], 3),
    **dict.fromkeys(["fjarde", "fjerde", "fourth", "4"], 4),
}
_QUARTER = re.compile(
    rf"{_IN}(?:{_END_OF})?(?:q([1-4])|kvartal\s+([1-4])|(?:([1-4])\.?|("
    + "|".join(word for word in _ORDINALS if not word.isdigit())
    + r"))\s+(?:kvartalet|kvartal|quarter)|(kvartalet|the\s+quarter|quarter))(?:\s+(20\d\d))?"
)
_MONTH_PARTS = {
    **dict.fromkeys(
        ["borjan", "begynnelsen", "starten", "beginning", "start", "primo", "early"], "start"
    ),
    **dict.fromkeys(["mitten", "midten", "middle", "mid", "medio"], "middle"),
    **dict.fromkeys(
        ["slutet", "slutten", "utgangen", "end", "ultimo", "late", "sista", "siste"], "end"
    ),
}
_PART = "(?P<part>" + "|".join(_MONTH_PARTS) + ")"
_MONTH_NAME = "(?P<name>" + _MONTH_WORD[1:]
_IN_MONTH = r"(?:i|in|under|during|i\s+lopet\s+av|throughout|inom)\s+"
_THIS_MONTH = (
    r"(?P<this>manaden|maneden|the\s+month|month|manadsskiftet"
    r"|(?:denna|den\s+har|denne|this)\s+(?:manad|maned|maneden|month))"
)
_NEXT_MONTH = rf"(?P<next>{_NEXT}\s+(?:manad|maned|month))"
_YEAR = r"(?:\s+(?P<year>20\d\d))?"
_MONTH_PERIODS = (
    # "i slutet av januari", "ultimo januar", "mid-January", "slutet av nästa månad"
    re.compile(
        r"(?:(?:i|at\s+the|by\s+the|the|in|till|by|to\s+the)\s+)?"
        + _PART
        + r"(?:\s+(?:av|pa|of|i))?[\s-]+(?:the\s+)?"
        + rf"(?:{_NEXT_MONTH}|{_THIS_MONTH}|{_MONTH_NAME}){_YEAR}"
    ),
    # "nästa månad", "i slutet av månaden" without a part, "under denna månad"
    re.compile(rf"(?:{_IN_MONTH})?(?:{_NEXT_MONTH}|{_THIS_MONTH})"),
    # "under januari", "i januar 2027", "januari 2027": a bare month name is not a deadline
    re.compile(rf"{_IN_MONTH}{_MONTH_NAME}{_YEAR}"),
    re.compile(rf"{_MONTH_NAME}\s+(?P<year>20\d\d)"),
)


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

_Reading = ParsedDate | DateProblem | _Ambiguous | None


def parse_date(text: str, context: DateContext, *, fallback: bool = True) -> DateResult:
    """Read ``text`` as one date phrase. ``fallback`` lets dateparser try what we do not know."""
    phrase = text.strip()
    normalised = _strip_frame(_normalise(phrase))
    if not normalised:
        return DateError(DateProblem.UNPARSEABLE, phrase)
    result = _parse(normalised, context)
    if isinstance(result, _Ambiguous):
        return DateError(DateProblem.AMBIGUOUS, phrase, result.readings)
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


def _parse(text: str, context: DateContext) -> _Reading:
    meeting = _meeting_relative(text, context)
    if meeting is not None:
        return meeting
    period = _read_period(text, context)
    if period is not None:
        return period
    for reader in (_read_day, _read_relative_span):
        read = reader(text, context)
        if read is None:
            continue
        if isinstance(read, _Ambiguous):
            return read
        day, rest = read
        if day is None:
            return DateProblem.UNPARSEABLE
        return _with_time(day, rest, context)
    # A bare time ("kl 13", "13:30") is today's, or tomorrow's if already past; a bare number
    # is not a time.
    if re.search(r"kl|at |[:.-]", text) and _TIME_SPEC.fullmatch(text):
        return _with_time(context.today, text, context, roll_over=True)
    return None


# --- meetings counted from the group's calendar -----------------------------------------------


def _meeting_word(context: DateContext) -> str:
    """The group's words for its meeting: "möte", "RAG-möte", "faggruppemøte", "chefssamråd"."""
    names = "|".join(re.escape(name) for name in context.meeting_names)
    named = rf"|(?:{names})(?:et|en)?(?:\s+{_MEETING})?" if names else ""
    return rf"(?:(?:[a-z0-9]+-)?{_MEETING}|[a-z0-9]+(?:mote|motet){named})"


def _meeting_relative(text: str, context: DateContext) -> ParsedDate | DateProblem | None:
    word = _meeting_word(context)
    month = re.fullmatch(
        rf"{word}\s+i\s+{_MONTH_WORD}|(?:the\s+)?{_MONTH_WORD}\s+{_MEETING}"
        rf"|{_MONTH_WORD[:-4]})(?:mote|motet)",
        text,
    )
    if month:
        number = _MONTHS[month.group(1) or month.group(2) or month.group(3)]
        for start in context.meetings:
            if start.astimezone(context.timezone).month == number and start >= context.now:
                return _meeting(start, context)
        return DateProblem.NO_MEETING
    after_next = (
        rf"(?:the\s+)?{word}\s+(?:efter|etter|after)\s+(?:nasta|neste|next|det|that|detta)"
        rf"|(?:nastnasta|nestneste)\s+{word}"
        rf"|(?:the\s+)?{_NEXT}\s+{word}\s+(?:efter|etter|after)\s+(?:det|that|detta)"
    )
    for index, pattern in (
        (1, after_next),
        (0, rf"(?:(?:the|det)\s+)?{_NEXT}\s+{word}"),
    ):
        if re.fullmatch(pattern, text):
            upcoming = [m for m in context.meetings if m >= context.now]
            if len(upcoming) <= index:
                return DateProblem.NO_MEETING
            return _meeting(upcoming[index], context)
    dated = re.match(rf"{word}\s+(?:den\s+|the\s+|on\s+)?", text)
    if dated:
        day = _read_calendar_day(text[dated.end() :], context.today)
        if day is not None and day[0] is not None and not day[1]:
            for start in context.meetings:
                if start.astimezone(context.timezone).date() == day[0]:
                    return _meeting(start, context)
            return _with_time(day[0], "", context)  # the day they wrote, met or not
    return None


def _meeting(start: datetime, context: DateContext) -> ParsedDate:
    return ParsedDate(start=start.astimezone(context.timezone), has_time=True, meeting=True)


# --- periods: their last working day ----------------------------------------------------------


def _read_period(text: str, context: DateContext) -> ParsedDate | _Ambiguous | None:
    """A week, month, quarter, year, season or holiday, as its last working day."""
    today, country = context.today, context.country
    found = _period_day(text, today, country)
    if found is None or isinstance(found, _Ambiguous):
        return found
    return ParsedDate(start=datetime.combine(found, time(0, 0), context.timezone), period=True)


def _period_day(text: str, today: date, country: str) -> date | _Ambiguous | None:
    if _THIS_WEEK.fullmatch(text):
        monday = today - timedelta(days=today.weekday())
        end = periods.week_end(*monday.isocalendar()[:2], country)
        if end is not None and end < today:  # said at the weekend: the coming week
            end = periods.week_end(*(monday + timedelta(weeks=1)).isocalendar()[:2], country)
        return end
    if _NEXT_WEEK.fullmatch(text):
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
        return periods.week_end(*monday.isocalendar()[:2], country)
    week = _WEEK.match(re.sub(rf"^{_END_OF}", "", text))  # "i slutet av vecka 49" too
    if week:
        return _week_period(week, week.string[week.end() :].strip(), today, country)
    holiday = _HOLIDAY.fullmatch(text)
    if holiday:
        return periods.before_holiday(_HOLIDAYS[holiday[1]], today, country)
    season = _SEASON_END.fullmatch(text)
    if season:
        return periods.season_end(_SEASONS[season[1]], today, country)
    if _THIS_YEAR.fullmatch(text):
        return periods.year_end(today.year, country)
    year = _NAMED_YEAR.fullmatch(text)
    if year:
        # A year gone by is history, not a deadline: "(undersöka möjligheter under 2023)".
        return periods.year_end(int(year[1]), country) if int(year[1]) >= today.year else None
    quarter = _QUARTER.fullmatch(text)
    if quarter:
        return _quarter_end(quarter, today, country)
    for pattern in _MONTH_PERIODS:
        month = pattern.fullmatch(text)
        if month:
            return _month_period(month.groupdict(), today, country)
    return None


def _week_period(
    week: re.Match[str], rest: str, today: date, country: str
) -> date | _Ambiguous | None:
    """ "vecka 10" -> its last working day; "vecka 10 i mars" checked against the month."""
    number, year = int(week[1]), week[2]
    monday = _week_day(number, year, 0, today)
    if monday is None:
        return None
    end = periods.week_end(*monday.isocalendar()[:2], country)
    if not rest or end is None:
        return end
    month = re.fullmatch(rf"(?:i\s+|in\s+)?{_MONTH_WORD}", rest)
    if not month:
        return None  # a weekday or a time follows: a day, not the week
    wanted = _MONTHS[month[1]]
    if wanted in (monday.month, (monday + timedelta(days=6)).month):
        return end
    month_year = monday.year + (1 if wanted < monday.month - 6 else 0)
    return _Ambiguous((end, periods.month_end(month_year, wanted, country)))


def _quarter_end(quarter: re.Match[str], today: date, country: str) -> date:
    digits = quarter[1] or quarter[2] or quarter[3]
    if digits or quarter[4]:
        number = int(digits) if digits else _ORDINALS[quarter[4]]
    else:  # "kvartalet": this one
        number = (today.month - 1) // 3 + 1
    if quarter[6]:
        return periods.quarter_end(int(quarter[6]), number, country)
    found = periods.quarter_end(today.year, number, country)
    return found if found >= today else periods.quarter_end(today.year + 1, number, country)


def _month_period(found: dict[str, str | None], today: date, country: str) -> date | None:
    part = _MONTH_PARTS[found["part"]] if found.get("part") else "end"
    if found.get("next"):
        first = _add_months(today.replace(day=1), 1)
        return periods.month_part_end(first.year, first.month, part, country)
    if found.get("this"):
        return periods.month_part_end(today.year, today.month, part, country)
    name = found["name"] or ""
    if name == "jul":
        return None  # "jul" is Christmas, not July
    number, year = _MONTHS[name], found.get("year")
    if year:
        return periods.month_part_end(int(year), number, part, country)
    this_year = periods.month_part_end(today.year, number, part, country)
    if this_year >= today or (number == today.month and part != "end"):
        return this_year
    return periods.month_part_end(today.year + 1, number, part, country)


# --- days ------------------------------------------------------------------------------------


def _read_calendar_day(text: str, today: date) -> tuple[date | None, str] | None:
    """A date written as a date ("23/11", "27.11.", "4 mars", "2026-03-04") at the start."""
    for pattern, build in (
        (_ISO, lambda m: _day(int(m[1]), int(m[2]), int(m[3]))),
        (_DOTTED, lambda m: _day_guess_year(int(m[2]), int(m[1]), m[3], today)),
        (_NUMERIC, lambda m: _day_guess_year(int(m[2]), int(m[1]), m[3], today)),
        (_DAY_MONTH, lambda m: _day_guess_year(_MONTHS[m[2]], int(m[1]), m[3], today)),
        (_MONTH_DAY, lambda m: _day_guess_year(_MONTHS[m[1]], int(m[2]), m[3], today)),
        (_DOTTED_SHORT, lambda m: _day_guess_year(int(m[2]), int(m[1]), None, today)),
    ):
        match = pattern.match(text)
        if match and _ends_word(text, match.end()):
            return build(match), text[match.end() :].strip()
    return None


def _weekday_number(word: str) -> int:
    word = word.rstrip(".")
    if word in _WEEKDAY_SHORT:
        return _WEEKDAY_SHORT[word]
    return _WEEKDAYS[word[:-2] if word.endswith("en") and word[:-2] in _WEEKDAYS else word]


def _agreeing(day: date, weekday: int) -> date | _Ambiguous:
    """A date with the weekday written beside it: the date if they agree, else both readings
    (the date, and that weekday nearest to it)."""
    if day.weekday() == weekday:
        return day
    nearest = day + timedelta(days=(weekday - day.weekday() + 3) % 7 - 3)
    return _Ambiguous((nearest, day))


def _read_day(text: str, context: DateContext) -> tuple[date | None, str] | _Ambiguous | None:
    """A calendar day at the start of ``text``, and what follows it (a time, perhaps)."""
    today = context.today
    dated = _read_calendar_day(text, today)
    if dated is not None:
        day, rest = dated
        after = re.match(_WEEKDAY_WORD + r"\b", rest)  # "27/11 (fredag)"
        if after and day is not None:
            checked = _agreeing(day, _WEEKDAYS[after[1]])
            if isinstance(checked, _Ambiguous):
                return checked
            rest = rest[after.end() :].strip()
        return day, rest
    named = _DATED_WEEKDAY.match(text)
    if named:
        rest = re.sub(r"^(?:den|the)\s+", "", text[named.end() :].strip())
        written = _read_calendar_day(rest, today)
        if written is not None and written[0] is not None:  # "fredag 27/11 kl 13"
            checked = _agreeing(written[0], _weekday_number(named[0]))
            return checked if isinstance(checked, _Ambiguous) else (checked, written[1])
    weekday = re.match(rf"(?:({_NEXT})\s+)?{_WEEKDAY_WORD}\b\.?", text)
    if weekday:
        rest = text[weekday.end() :].strip()
        target = _WEEKDAYS[weekday.group(2)]
        week = _WEEK.match(rest)
        if week:
            return _week_day(int(week[1]), week[2], target, today), rest[week.end() :].strip()
        next_monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
        next_week = re.match(rf"(?:i\s+)?{_NEXT}\s+(?:vecka|veckan|uke|uka|week)\b", rest)
        if next_week:  # "fredag nästa vecka"
            return next_monday + timedelta(days=target), rest[next_week.end() :].strip()
        coming = today + timedelta(days=(target - today.weekday()) % 7 or 7)
        if weekday.group(1):  # "nästa fredag": the coming one, or next week's?
            in_next_week = next_monday + timedelta(days=target)
            return (coming, rest) if coming == in_next_week else _Ambiguous((coming, in_next_week))
        return coming, rest
    week = _WEEK.match(text)
    if week:
        rest = text[week.end() :].strip()
        day_word = re.match(_WEEKDAY_WORD + r"\b", rest)
        if not day_word:
            return None
        rest = rest[day_word.end() :].strip()
        return _week_day(int(week[1]), week[2], _WEEKDAYS[day_word.group(1)], today), rest
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
    return None


def _with_time(
    day: date, rest: str, context: DateContext, roll_over: bool = False
) -> ParsedDate | DateProblem | None:
    zone = context.timezone
    if not rest:
        return ParsedDate(start=datetime.combine(day, time(0, 0), zone))
    match = _TIME_SPEC.fullmatch(rest)
    if not match or not re.search(r"kl|at |[:.-]", rest):  # "fredag 3" is not three o'clock
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


def warm_up() -> None:
    """Import dateparser, which the first date it reads would otherwise wait for; the app
    calls this in a thread once it is up, so start-up does not wait for it either."""
    import dateparser  # noqa: F401


def _dateparser(phrase: str, context: DateContext) -> ParsedDate | None:
    """dateparser for absolute phrasings our rules do not cover ("onsdagen den 4:e mars")."""
    if not re.search(r"\d", phrase) and not any(
        word in _MONTHS for word in _normalise(phrase).split()
    ):
        return None  # without a number or a month name it guesses too freely
    import dateparser  # a tenth of a second to import: see ``warm_up``

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
    "uke", "veke", "week", "wk", "nasta", "neste", "next", "kommande", "kommende", "coming",
    "slutet", "slutten", "utgangen", "borjan", "begynnelsen", "mitten", "midten", "end", "mid",
    "under", "inom", "during", "within", "denna", "denne", "this", "helgen", "veckans",
    "nastnasta", "nestneste", "motet", "eow", "kvartal", "forsta", "forste", "andra", "andre",
    "tredje", "fjarde", "fjerde", "first", "second", "third", "fourth",
} | set(_WEEKDAYS) | set(_MONTH_PARTS) | set(_WEEKDAY_SHORT) | {
    f"{day}en" for day in _WEEKDAYS
}  # fmt: skip
_DATE_TOKEN = re.compile(
    r"\d{1,2}/\d{1,2}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}(?:\.(?:\d{4}|\d{2})?)?"
    r"|(?:v\.?|uke|wk?)\d{1,2}|q[1-4]|(?:mid|early|late)-[a-z]+"
)
_MAX_WORDS = 7


def find_date(text: str, context: DateContext) -> DateMatch | None:
    """The first date phrase in ``text`` (the longest one starting there), if any.

    Only phrases that start with a framing or date word are considered, and dateparser is not
    asked: in free text it finds dates in ordinary words. A phrase that reads but goes on in
    words we do not read ("fredag om två veckor", "15/12 eller 16/12") is not cut short to
    the part we do read: that part would be a date nobody meant, so it is ``UNPARSEABLE``
    and the user is asked. A date after "efter" ("efter 15/12") has no end: ``VAGUE``.
    """
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    words = [fold(text[a:b]).strip(".,;:!?()") for a, b in tokens]
    for index, (start, _) in enumerate(tokens):
        if words[index] not in _TRIGGERS and not _DATE_TOKEN.fullmatch(words[index]):
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
                DateProblem.AMBIGUOUS,  # never the shorter phrase inside it, read wrongly
            ):
                stop = start + len(phrase)
                if index > 0 and words[index - 1] in _OPEN_ENDED:
                    begin = tokens[index - 1][0]
                    return DateMatch(DateError(DateProblem.VAGUE, text[begin:stop]), begin, stop)
                if stop == end and _goes_on(words[index + length : index + length + 2]):
                    last = index + length
                    while (
                        last + 1 < len(tokens)
                        and last - index < _MAX_WORDS
                        and (_date_like(words[last + 1]) and text[tokens[last][1] - 1] not in ",.;")
                    ):
                        last += 1
                    stop = len(text[: tokens[last][1]].rstrip(".,;:!?)"))
                    problem = DateError(DateProblem.UNPARSEABLE, text[start:stop])
                    return DateMatch(problem, start, stop)
                return DateMatch(result, start, stop)
    return None


# Words after which a date is a start, not a deadline.
_OPEN_ENDED = {"efter", "etter", "after", "fran", "fra", "from", "fr.o.m"}
_DATE_WORDS = (
    set(_WEEKDAYS) | set(_MONTHS) | set(_NUMBERS) | set(_UNITS)
    | {"vecka", "veckan", "uke", "uka", "week", "nasta", "neste", "next"}
)  # fmt: skip


_CONNECTORS = {
    "eller", "or", "och", "og", "and", "till", "til", "to", "-", "om", "in", "kl", "klockan",
    "klokka", "at",
}  # fmt: skip


def _date_like(word: str) -> bool:
    return bool(word) and (word[0].isdigit() or word in _DATE_WORDS or word in _CONNECTORS)


def _goes_on(following: list[str]) -> bool:
    """Whether the words right after a phrase carry on writing a date."""
    if not following or not following[0]:
        return False
    first, second = following[0], following[1] if len(following) > 1 else ""
    if first[0].isdigit() or first in _DATE_WORDS - set(_NUMBERS) - set(_UNITS):
        return True
    if first in _CONNECTORS:
        return bool(second) and (second[0].isdigit() or second in _DATE_WORDS)
    return False
