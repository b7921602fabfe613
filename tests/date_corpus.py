"""The date phrase corpus: what these groups write as deadlines, with what it may mean.

Each row: language, the moment it is said (a key of ``MOMENTS``), the phrase, and the
acceptable readings in the group's wall-clock time, separated by "|": "YYYY-MM-DD" for a day,
"YYYY-MM-DD HH:MM" for a time, "YYYY-MM-DD HH:MM-HH:MM" for a range, or a problem name
(AMBIGUOUS, VAGUE, NO_MEETING, BAD_TIME, UNPARSEABLE). "ASK" stands for either way of asking
back (AMBIGUOUS or VAGUE). A reading outside the set is a *wrong date*; asking back where a
date was expected is a miss, never a wrong date.

Every row is relative to its moment: the moment is the "now" the phrase is read at, handed to
the parser with the group's meeting calendar, holiday country and name, so the corpus never
goes stale as the real clock moves on. The moments: an ordinary Sunday in November, a
Wednesday in December before Christmas, the Fridays before both clock changes, a Tuesday in
May for a heads' council ("chefssamråd"), and a Monday in November for a Norwegian group.

The phrases come from the groups' own minutes (``/work/shared/reference``: "vecka 10",
"till nästa RAG-möte", "i slutet av sommaren", "vid nästa chefssamråd") and from how Swedish
and Norwegian offices write deadlines ("senast fredag 4/12", "innen utgangen av januar",
"ultimo november", "v.51", "innan jul").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.domain.dates import DateContext

STOCKHOLM = ZoneInfo("Europe/Stockholm")
OSLO = ZoneInfo("Europe/Oslo")


def local(text: str, zone: ZoneInfo = STOCKHOLM) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=zone)


@dataclass(frozen=True)
class Moment:
    now: datetime
    meetings: tuple[datetime, ...]
    country: str = "SE"
    group_name: str = "RAG nuklearmedicin"

    @property
    def zone(self) -> ZoneInfo:
        return self.now.tzinfo  # type: ignore[return-value]


MOMENTS = {
    "nov": Moment(
        local("2026-11-22 10:00"),
        (local("2026-11-23 13:00"), local("2026-12-14 11:00"), local("2027-03-10 13:00")),
    ),
    "dec": Moment(
        local("2026-12-09 10:00"),
        (local("2026-12-14 11:00"), local("2027-01-13 13:00"), local("2027-02-10 13:00")),
    ),
    "spring": Moment(local("2026-03-27 10:00"), (local("2026-03-30 13:00"),)),
    "autumn": Moment(local("2026-10-23 10:00"), (local("2026-10-26 13:00"),)),
    "may": Moment(
        local("2026-05-12 10:00"),
        (local("2026-06-09 10:00"), local("2026-09-15 10:00")),
        group_name="Chefssamråd södra sjukvårdsregionen",
    ),
    "oslo": Moment(
        local("2026-11-02 09:00", OSLO),
        (local("2026-11-18 12:00", OSLO), local("2026-12-16 12:00", OSLO)),
        country="NO",
        group_name="Faggruppe nukleærmedisin",
    ),
}


def context(moment: str) -> DateContext:
    """The parser's view of ``moment``: now, zone, meetings, holidays and the group's name."""
    at = MOMENTS[moment]
    return DateContext(
        now=at.now.astimezone(UTC),
        timezone=at.zone,
        meetings=at.meetings,
        country=at.country,
        meeting_names=DateContext.names_of(at.group_name),
    )


EARLY_MARCH = "|".join(f"2027-03-{day:02d}" for day in range(1, 11)) + "|ASK"
EARLY_JANUARY = "2027-01-04|2027-01-05|2027-01-07|2027-01-08|ASK"
EARLY_DECEMBER = "|".join(f"2026-12-{day:02d}" for day in range(1, 11)) + "|ASK"

CORPUS: list[tuple[str, str, str, str]] = [
    ("sv", "nov", "23/11", "2026-11-23"),
    ("sv", "nov", "23/11 kl 13", "2026-11-23 13:00"),
    ("sv", "nov", "23/11 kl. 13-14", "2026-11-23 13:00-14:00"),
    ("sv", "nov", "23/11, kl. 13-14", "2026-11-23 13:00-14:00"),
    ("sv", "nov", "14/12, kl. 11-12", "2026-12-14 11:00-12:00"),
    ("sv", "nov", "7/12, 8–9", "2026-12-07 08:00-09:00"),
    ("sv", "nov", "14 december kl 11", "2026-12-14 11:00"),
    ("sv", "nov", "den 4 mars", "2027-03-04"),
    ("sv", "nov", "4 mars", "2027-03-04"),
    ("sv", "nov", "2026-03-04", "2026-03-04"),
    ("sv", "nov", "2027-03-04", "2027-03-04"),
    ("sv", "nov", "4/3-2027", "2027-03-04"),
    ("sv", "nov", "4/3/27", "2027-03-04"),
    ("sv", "nov", "21 september", "2027-09-21"),
    ("sv", "nov", "i morgon", "2026-11-23"),
    ("sv", "nov", "imorgon kl 9", "2026-11-23 09:00"),
    ("sv", "nov", "i morgon kl. 09.30", "2026-11-23 09:30"),
    ("sv", "nov", "idag", "2026-11-22"),
    ("sv", "nov", "i dag kl 15", "2026-11-22 15:00"),
    ("sv", "nov", "i övermorgon", "2026-11-24"),
    ("sv", "nov", "fredag", "2026-11-27"),
    ("sv", "nov", "på fredag", "2026-11-27"),
    ("sv", "nov", "nästa fredag", "2026-11-27"),
    ("sv", "nov", "fredag nästa vecka", "2026-11-27"),
    ("sv", "nov", "Fredag kl 10", "2026-11-27 10:00"),
    ("sv", "nov", "måndag", "2026-11-23"),
    ("sv", "nov", "MÅNDAG", "2026-11-23"),
    ("sv", "nov", "torsdag 26/11 kl 13", "2026-11-26 13:00"),
    ("sv", "nov", "om två veckor", "2026-12-06"),
    ("sv", "nov", "om 2 veckor", "2026-12-06"),
    ("sv", "nov", "om tre dagar", "2026-11-25"),
    ("sv", "nov", "om en vecka", "2026-11-29"),
    ("sv", "nov", "om en månad", "2026-12-22"),
    ("sv", "nov", "om ett par veckor", "2026-12-06"),
    ("sv", "nov", "nästa vecka", "2026-11-27"),
    ("sv", "nov", "nästa månad", "2026-12-30"),
    ("sv", "nov", "vecka 10", "2027-03-12"),
    ("sv", "nov", "v. 10", "2027-03-12"),
    ("sv", "nov", "v10", "2027-03-12"),
    ("sv", "nov", "v 10", "2027-03-12"),
    ("sv", "nov", "i vecka 50", "2026-12-11"),
    ("sv", "nov", "fredag vecka 10", "2027-03-12"),
    ("sv", "nov", "vecka 49 onsdag", "2026-12-02"),
    ("sv", "nov", "vecka 10 2028", "2028-03-10"),
    ("sv", "nov", "slutet av februari", "2027-02-26"),
    ("sv", "nov", "i slutet av februari", "2027-02-26"),
    ("sv", "nov", "i början av mars", EARLY_MARCH),
    ("sv", "nov", "mitten av december", "2026-12-15"),
    ("sv", "nov", "slutet av månaden", "2026-11-30"),
    ("sv", "nov", "till nästa möte", "2026-11-23 13:00"),
    ("sv", "nov", "före nästa möte", "2026-11-23 13:00"),
    ("sv", "nov", "inför nästa möte", "2026-11-23 13:00"),
    ("sv", "nov", "till mötet i mars", "2027-03-10 13:00"),
    ("sv", "nov", "till mötet i december", "2026-12-14 11:00"),
    ("sv", "nov", "mötet i februari", "NO_MEETING"),
    ("sv", "nov", "senast 23/11", "2026-11-23"),
    ("sv", "nov", "senast fredag", "2026-11-27"),
    ("sv", "nov", "senast den 14 december", "2026-12-14"),
    ("sv", "nov", "den 14:e december", "2026-12-14"),
    ("sv", "nov", "kl 13-14", "2026-11-22 13:00-14:00"),
    ("sv", "nov", "kl. 13.00 – 14.00", "2026-11-22 13:00-14:00"),
    ("sv", "nov", "13:00-14:30", "2026-11-22 13:00-14:30"),
    ("sv", "nov", "8–9", "2026-11-23 08:00-09:00"),
    ("sv", "nov", "kl 13", "2026-11-22 13:00"),
    ("sv", "nov", "20/11", "2026-11-20"),
    ("sv", "nov", "1/1", "2027-01-01"),
    ("sv", "nov", "innan sommaren", "VAGUE"),
    ("sv", "nov", "i början av hösten", "VAGUE"),
    ("sv", "nov", "till våren", "VAGUE"),
    ("sv", "nov", "snart", "VAGUE"),
    ("sv", "nov", "efter jul", "VAGUE"),
    ("sv", "nov", "någon gång i vinter", "VAGUE"),
    ("sv", "nov", "kl 25", "BAD_TIME"),
    ("sv", "nov", "23/11 kl 14-13", "BAD_TIME"),
    ("sv", "nov", "31/11", "UNPARSEABLE"),
    ("sv", "nov", "29/2", "UNPARSEABLE"),
    ("sv", "nov", "blomkål", "UNPARSEABLE"),
    ("sv", "nov", "", "UNPARSEABLE"),
    ("sv", "nov", "13", "UNPARSEABLE"),
    # Norwegian
    ("nb", "nov", "14. desember kl. 11", "2026-12-14 11:00"),
    ("nb", "nov", "14. desember", "2026-12-14"),
    ("nb", "nov", "4. mars", "2027-03-04"),
    ("nb", "nov", "14.12.2026", "2026-12-14"),
    ("nb", "nov", "i morgen", "2026-11-23"),
    ("nb", "nov", "i morgen kl 9", "2026-11-23 09:00"),
    ("nb", "nov", "i overmorgen", "2026-11-24"),
    ("nb", "nov", "neste fredag", "2026-11-27"),
    ("nb", "nov", "på fredag", "2026-11-27"),
    ("nb", "nov", "mandag", "2026-11-23"),
    ("nb", "nov", "uke 10", "2027-03-12"),
    ("nb", "nov", "onsdag uke 49", "2026-12-02"),
    ("nb", "nov", "neste uke", "2026-11-27"),
    ("nb", "nov", "om to uker", "2026-12-06"),
    ("nb", "nov", "om tre dager", "2026-11-25"),
    ("nb", "nov", "om en måned", "2026-12-22"),
    ("nb", "nov", "til neste møte", "2026-11-23 13:00"),
    ("nb", "nov", "innen neste møte", "2026-11-23 13:00"),
    ("nb", "nov", "før neste møte", "2026-11-23 13:00"),
    ("nb", "nov", "i slutten av februar", "2027-02-26"),
    ("nb", "nov", "i begynnelsen av mars", EARLY_MARCH),
    ("nb", "nov", "senest 23/11", "2026-11-23"),
    ("nb", "nov", "etter sommeren", "VAGUE"),
    ("nb", "nov", "i løpet av høsten", "VAGUE"),
    # English
    ("en", "nov", "tomorrow", "2026-11-23"),
    ("en", "nov", "tomorrow at 9", "2026-11-23 09:00"),
    ("en", "nov", "today", "2026-11-22"),
    ("en", "nov", "friday", "2026-11-27"),
    ("en", "nov", "next Friday", "2026-11-27"),
    ("en", "nov", "by Friday", "2026-11-27"),
    ("en", "nov", "in two weeks", "2026-12-06"),
    ("en", "nov", "in 3 days", "2026-11-25"),
    ("en", "nov", "in a month", "2026-12-22"),
    ("en", "nov", "next week", "2026-11-27"),
    ("en", "nov", "week 10", "2027-03-12"),
    ("en", "nov", "end of February", "2027-02-26"),
    ("en", "nov", "by the end of the month", "2026-11-30"),
    ("en", "nov", "December 14", "2026-12-14"),
    ("en", "nov", "14 December 2026", "2026-12-14"),
    ("en", "nov", "March 4, 2027", "2027-03-04"),
    ("en", "nov", "by the next meeting", "2026-11-23 13:00"),
    ("en", "nov", "before the next meeting", "2026-11-23 13:00"),
    ("en", "nov", "the March meeting", "2027-03-10 13:00"),
    ("en", "nov", "before summer", "VAGUE"),
    ("en", "nov", "sometime soon", "VAGUE"),
    # Spring: said on Friday 27 March 2026, clocks go forward on Sunday 29 March
    ("sv", "spring", "i morgon kl 9", "2026-03-28 09:00"),
    ("sv", "spring", "söndag kl 9", "2026-03-29 09:00"),
    ("sv", "spring", "måndag kl 13", "2026-03-30 13:00"),
    ("sv", "spring", "30/3 kl 13-14", "2026-03-30 13:00-14:00"),
    ("sv", "spring", "till nästa möte", "2026-03-30 13:00"),
    ("sv", "spring", "om en vecka", "2026-04-03"),
    ("sv", "spring", "vecka 14", "2026-04-02"),
    ("sv", "spring", "nästa vecka", "2026-04-02"),
    ("sv", "spring", "fredag", "2026-04-03"),
    ("sv", "spring", "kl 9", "2026-03-28 09:00"),
    ("sv", "spring", "slutet av mars", "2026-03-31"),
    ("sv", "spring", "vecka 10", "2026-03-06"),
    ("nb", "spring", "i morgen kl 10", "2026-03-28 10:00"),
    ("nb", "spring", "søndag kl. 10", "2026-03-29 10:00"),
    ("en", "spring", "sunday at 10", "2026-03-29 10:00"),
    ("en", "spring", "monday at 13:00", "2026-03-30 13:00"),
    # Autumn: said on Friday 23 October 2026, clocks go back on Sunday 25 October
    ("sv", "autumn", "måndag kl 13", "2026-10-26 13:00"),
    ("sv", "autumn", "till nästa möte", "2026-10-26 13:00"),
    ("sv", "autumn", "söndag kl 9", "2026-10-25 09:00"),
    ("sv", "autumn", "i övermorgon kl 8-9", "2026-10-25 08:00-09:00"),
    ("sv", "autumn", "vecka 44", "2026-10-30"),
    ("sv", "autumn", "om två veckor", "2026-11-06"),
    ("sv", "autumn", "23/11 kl 13-14", "2026-11-23 13:00-14:00"),
    ("sv", "autumn", "slutet av oktober", "2026-10-30"),
    ("sv", "autumn", "1/11", "2026-11-01"),
    ("nb", "autumn", "søndag kl. 10", "2026-10-25 10:00"),
    ("nb", "autumn", "uke 44", "2026-10-30"),
    ("en", "autumn", "monday at 13:00", "2026-10-26 13:00"),
    ("en", "autumn", "in 2 weeks", "2026-11-06"),
    # --- added with issue 14: deadlines as members write them -----------------------------
    # A weekday written with its date: the date where they agree, asked back where not.
    ("sv", "nov", "fredag 27/11", "2026-11-27"),
    ("sv", "nov", "fre 27/11", "2026-11-27"),
    ("sv", "nov", "fredag den 27 november", "2026-11-27"),
    ("sv", "nov", "fredagen den 27:e november", "2026-11-27"),
    ("sv", "nov", "fredag 27 nov", "2026-11-27"),
    ("sv", "nov", "torsdag 26.11", "2026-11-26"),
    ("sv", "nov", "tors 26/11", "2026-11-26"),
    ("sv", "nov", "måndag 30/11", "2026-11-30"),
    ("sv", "nov", "mån 30/11 kl 10", "2026-11-30 10:00"),
    ("sv", "nov", "onsdag 2/12 kl. 13.00", "2026-12-02 13:00"),
    ("sv", "nov", "onsdagen den 2 december", "2026-12-02"),
    ("sv", "nov", "27/11 (fredag)", "2026-11-27"),
    ("sv", "nov", "senast fredag 4/12", "2026-12-04"),
    ("sv", "nov", "senast fredag den 4 december", "2026-12-04"),
    ("sv", "nov", "ons 2/12", "2026-12-02"),
    ("sv", "nov", "tisdag 1 dec", "2026-12-01"),
    ("sv", "nov", "lördag 28/11", "2026-11-28"),
    ("sv", "nov", "fredag 2026-11-27", "2026-11-27"),
    ("sv", "nov", "fredag 26/11", "AMBIGUOUS"),
    ("sv", "nov", "torsdag 27/11", "AMBIGUOUS"),
    ("sv", "nov", "måndag 1/12", "AMBIGUOUS"),
    ("sv", "nov", "tisdag 2 december", "AMBIGUOUS"),
    ("sv", "nov", "senast onsdag 3/12", "AMBIGUOUS"),
    ("sv", "nov", "27/11 torsdag", "AMBIGUOUS"),
    ("nb", "nov", "fredag 27. november", "2026-11-27"),
    ("nb", "nov", "fredag 27.11", "2026-11-27"),
    ("nb", "nov", "fre. 27.11.", "2026-11-27"),
    ("nb", "nov", "torsdag 26. nov.", "2026-11-26"),
    ("nb", "nov", "mandag 30.11", "2026-11-30"),
    ("nb", "nov", "onsdag 2. desember kl. 12", "2026-12-02 12:00"),
    ("nb", "nov", "innen fredag 4. desember", "2026-12-04"),
    ("nb", "nov", "mandag den 30. november", "2026-11-30"),
    ("nb", "nov", "onsdag 2/12", "2026-12-02"),
    ("nb", "nov", "tirsdag 1.12", "2026-12-01"),
    ("nb", "nov", "fredag 26. november", "AMBIGUOUS"),
    ("nb", "nov", "tirsdag 2.12", "AMBIGUOUS"),
    ("nb", "nov", "innen torsdag 4. desember", "AMBIGUOUS"),
    ("en", "nov", "Friday 27 November", "2026-11-27"),
    ("en", "nov", "Friday, 27 November", "2026-11-27"),
    ("en", "nov", "Fri 27 Nov", "2026-11-27"),
    ("en", "nov", "Friday 27th November", "2026-11-27"),
    ("en", "nov", "Friday, November 27", "2026-11-27"),
    ("en", "nov", "Monday 30/11", "2026-11-30"),
    ("en", "nov", "by Wednesday 2 December", "2026-12-02"),
    ("en", "nov", "Thursday 27 November", "AMBIGUOUS"),
    ("en", "nov", "Tuesday 2 December", "AMBIGUOUS"),
    # Dates written with dots, as Norwegians do.
    ("nb", "nov", "innen 27.11", "2026-11-27"),
    ("nb", "nov", "27.11.", "2026-11-27"),
    ("nb", "nov", "til 4.12", "2026-12-04"),
    ("nb", "nov", "4.12.26", "2026-12-04"),
    ("sv", "nov", "senast 4.12", "2026-12-04"),
    # Weekdays alone: the coming one; "nästa fredag" asked back when it could be either.
    ("sv", "dec", "fredag", "2026-12-11"),
    ("sv", "dec", "på fredag", "2026-12-11"),
    ("sv", "dec", "senast på fredag", "2026-12-11"),
    ("sv", "dec", "nästa fredag", "AMBIGUOUS|2026-12-18"),
    ("sv", "dec", "fredag nästa vecka", "2026-12-18"),
    ("sv", "dec", "fredag i nästa vecka", "2026-12-18"),
    ("sv", "dec", "nästa måndag", "2026-12-14"),
    ("sv", "nov", "till måndag", "2026-11-23"),
    ("sv", "nov", "senast måndag", "2026-11-23"),
    ("sv", "nov", "nästa tisdag", "2026-11-24"),
    ("nb", "oslo", "neste fredag", "AMBIGUOUS|2026-11-13"),
    ("nb", "oslo", "fredag neste uke", "2026-11-13"),
    ("nb", "oslo", "innen fredag", "2026-11-06"),
    ("en", "dec", "next Friday", "AMBIGUOUS|2026-12-18"),
    ("en", "dec", "Friday next week", "2026-12-18"),
    ("en", "dec", "by Friday", "2026-12-11"),
    # The end of this week and of next week: their last working day.
    ("sv", "dec", "i slutet av veckan", "2026-12-11"),
    ("sv", "dec", "slutet av denna vecka", "2026-12-11"),
    ("sv", "dec", "i slutet av den här veckan", "2026-12-11"),
    ("sv", "dec", "innan helgen", "2026-12-11"),
    ("sv", "dec", "före helgen", "2026-12-11"),
    ("sv", "dec", "till helgen", "2026-12-11"),
    ("sv", "dec", "senast vid veckans slut", "2026-12-11"),
    ("sv", "dec", "denna vecka", "2026-12-11"),
    ("sv", "dec", "under veckan", "2026-12-11"),
    ("sv", "dec", "i veckan", "2026-12-11"),
    ("sv", "dec", "i slutet av nästa vecka", "2026-12-18"),
    ("sv", "dec", "slutet av nästa vecka", "2026-12-18"),
    ("sv", "dec", "senast i slutet av nästa vecka", "2026-12-18"),
    ("sv", "dec", "nästa vecka", "2026-12-18"),
    ("sv", "dec", "under nästa vecka", "2026-12-18"),
    ("sv", "dec", "i slutet av kommande vecka", "2026-12-18"),
    ("sv", "nov", "i slutet av veckan", "2026-11-27|ASK"),
    ("sv", "nov", "i slutet av nästa vecka", "2026-11-27|2026-12-04|ASK"),
    ("nb", "dec", "i slutten av uka", "2026-12-11"),
    ("nb", "dec", "slutten av denne uka", "2026-12-11"),
    ("nb", "dec", "innen helgen", "2026-12-11"),
    ("nb", "dec", "før helgen", "2026-12-11"),
    ("nb", "dec", "i løpet av uka", "2026-12-11"),
    ("nb", "dec", "i slutten av neste uke", "2026-12-18"),
    ("nb", "dec", "neste uke", "2026-12-18"),
    ("nb", "dec", "i løpet av neste uke", "2026-12-18"),
    ("nb", "oslo", "i slutten av uka", "2026-11-06"),
    ("nb", "oslo", "slutten av neste uke", "2026-11-13"),
    ("en", "dec", "end of this week", "2026-12-11"),
    ("en", "dec", "by the end of the week", "2026-12-11"),
    ("en", "dec", "by end of week", "2026-12-11"),
    ("en", "dec", "this week", "2026-12-11"),
    ("en", "dec", "before the weekend", "2026-12-11"),
    ("en", "dec", "end of next week", "2026-12-18"),
    ("en", "dec", "by the end of next week", "2026-12-18"),
    ("en", "dec", "next week", "2026-12-18"),
    # Week numbers, however they are written: the week's last working day.
    ("sv", "dec", "vecka 51", "2026-12-18"),
    ("sv", "dec", "v.51", "2026-12-18"),
    ("sv", "dec", "v51", "2026-12-18"),
    ("sv", "dec", "V51", "2026-12-18"),
    ("sv", "dec", "v 51", "2026-12-18"),
    ("sv", "dec", "V.51", "2026-12-18"),
    ("sv", "dec", "vecka 52", "2026-12-23"),
    ("sv", "dec", "v.53", "2026-12-30"),
    ("sv", "dec", "vecka 2", "2027-01-15"),
    ("sv", "dec", "v.2", "2027-01-15"),
    ("sv", "dec", "v. 10", "2027-03-12"),
    ("sv", "dec", "vecka 10 i mars", "2027-03-12"),
    ("sv", "dec", "vecka 10 i april", "AMBIGUOUS"),
    ("sv", "dec", "fredag v.51", "2026-12-18"),
    ("sv", "dec", "onsdag v.51", "2026-12-16"),
    ("sv", "dec", "vecka 51 torsdag", "2026-12-17"),
    ("sv", "nov", "v.10", "2027-03-12"),
    ("sv", "nov", "V10", "2027-03-12"),
    ("sv", "nov", "v.49", "2026-12-04"),
    ("sv", "nov", "vecka 49", "2026-12-04"),
    ("sv", "nov", "vecka nr 49", "2026-12-04"),
    ("sv", "nov", "under vecka 49", "2026-12-04"),
    ("sv", "nov", "senast vecka 49", "2026-12-04"),
    ("sv", "nov", "till v.50", "2026-12-11"),
    ("sv", "nov", "senast v.50", "2026-12-11"),
    ("nb", "dec", "uke 51", "2026-12-18"),
    ("nb", "dec", "uke51", "2026-12-18"),
    ("nb", "dec", "veke 51", "2026-12-18"),
    ("nb", "dec", "i uke 2", "2027-01-15"),
    ("nb", "nov", "uke 49", "2026-12-04"),
    ("nb", "nov", "i uke 50", "2026-12-11"),
    ("nb", "nov", "innen uke 50", "2026-12-11"),
    ("nb", "oslo", "uke 46", "2026-11-13"),
    ("nb", "oslo", "uke 45", "2026-11-06"),
    ("en", "dec", "week 51", "2026-12-18"),
    ("en", "dec", "wk 51", "2026-12-18"),
    ("en", "nov", "wk49", "2026-12-04"),
    ("en", "nov", "by week 50", "2026-12-11"),
    ("sv", "may", "vecka 20", "2026-05-15"),
    ("sv", "may", "v.21", "2026-05-22"),
    # Whole months and their parts.
    ("sv", "dec", "under januari", "2027-01-29"),
    ("sv", "dec", "i januari", "2027-01-29"),
    ("sv", "dec", "i slutet av januari", "2027-01-29"),
    ("sv", "dec", "slutet av jan", "2027-01-29"),
    ("sv", "dec", "till slutet av januari", "2027-01-29"),
    ("sv", "dec", "före utgången av januari", "2027-01-29"),
    ("sv", "dec", "i början av januari", EARLY_JANUARY),
    ("sv", "dec", "i mitten av januari", "2027-01-15|2027-01-14"),
    ("sv", "dec", "i mitten av februari", "2027-02-15|2027-02-12"),
    ("sv", "dec", "i slutet av februari", "2027-02-26"),
    ("sv", "dec", "senast i slutet av mars", "2027-03-31"),
    ("sv", "dec", "under mars", "2027-03-31"),
    ("sv", "dec", "under december", "2026-12-30"),
    ("sv", "dec", "sista januari", "2027-01-29|2027-01-31"),
    ("sv", "dec", "i slutet av månaden", "2026-12-30"),
    ("sv", "dec", "slutet av nästa månad", "2027-01-29"),
    ("sv", "dec", "nästa månad", "2027-01-29"),
    ("sv", "nov", "under december", "2026-12-30"),
    ("sv", "nov", "i december", "2026-12-30"),
    ("sv", "nov", "under november", "2026-11-30"),
    ("sv", "nov", "till månadsskiftet", "2026-11-30|ASK"),
    ("sv", "may", "i slutet av maj", "2026-05-29"),
    ("sv", "may", "under juni", "2026-06-30"),
    ("sv", "may", "i juni", "2026-06-30"),
    (
        "sv",
        "may",
        "i början av juni",
        "2026-06-01|2026-06-02|2026-06-03|2026-06-04|2026-06-05|"
        "2026-06-08|2026-06-09|2026-06-10|ASK",
    ),
    ("nb", "dec", "i løpet av januar", "2027-01-29"),
    ("nb", "dec", "i januar", "2027-01-29"),
    ("nb", "dec", "innen utgangen av januar", "2027-01-29"),
    ("nb", "dec", "i slutten av januar", "2027-01-29"),
    ("nb", "dec", "ultimo januar", "2027-01-29"),
    ("nb", "dec", "medio januar", "2027-01-15|2027-01-14"),
    ("nb", "oslo", "ultimo november", "2026-11-30"),
    ("nb", "oslo", "medio desember", "2026-12-15|2026-12-14"),
    ("nb", "oslo", "primo desember", EARLY_DECEMBER),
    ("nb", "oslo", "innen utgangen av måneden", "2026-11-30"),
    ("nb", "oslo", "i løpet av desember", "2026-12-31"),
    ("en", "dec", "during January", "2027-01-29"),
    ("en", "dec", "in January", "2027-01-29"),
    ("en", "dec", "end of January", "2027-01-29"),
    ("en", "dec", "by the end of January", "2027-01-29"),
    ("en", "dec", "mid-January", "2027-01-15|2027-01-14"),
    ("en", "dec", "early January", EARLY_JANUARY),
    ("en", "dec", "late January", "2027-01-29|2027-01-28|2027-01-27|2027-01-26|2027-01-25"),
    ("en", "dec", "by the end of next month", "2027-01-29"),
    # Periods with one sensible reading: their last working day.
    ("sv", "dec", "innan jul", "2026-12-23"),
    ("sv", "dec", "före jul", "2026-12-23"),
    ("sv", "dec", "till jul", "2026-12-23"),
    ("sv", "dec", "innan julledigheten", "2026-12-23"),
    ("sv", "dec", "innan julhelgen", "2026-12-23"),
    ("sv", "dec", "innan årsskiftet", "2026-12-30"),
    ("sv", "dec", "till årsskiftet", "2026-12-30"),
    ("sv", "dec", "före nyår", "2026-12-30"),
    ("sv", "dec", "innan nyår", "2026-12-30"),
    ("sv", "dec", "vid årsskiftet", "2026-12-30|ASK"),
    ("sv", "dec", "i slutet av året", "2026-12-30"),
    ("sv", "dec", "under året", "2026-12-30"),
    ("sv", "dec", "före årets slut", "2026-12-30"),
    ("sv", "dec", "i år", "2026-12-30"),
    ("sv", "dec", "under 2027", "2027-12-30"),
    ("sv", "dec", "i slutet av 2027", "2027-12-30"),
    ("sv", "dec", "under första kvartalet", "2027-03-31"),
    ("sv", "dec", "första kvartalet 2027", "2027-03-31"),
    ("sv", "dec", "Q1", "2027-03-31"),
    ("sv", "dec", "Q1 2027", "2027-03-31"),
    ("sv", "dec", "under Q2", "2027-06-30"),
    ("sv", "dec", "i slutet av Q1", "2027-03-31"),
    ("sv", "dec", "kvartal 2", "2027-06-30"),
    ("sv", "dec", "innan påsk", "2027-03-25"),
    ("sv", "dec", "före påsk", "2027-03-25"),
    ("sv", "dec", "innan midsommar", "2027-06-24"),
    ("sv", "dec", "i slutet av sommaren", "2027-08-31"),
    ("sv", "dec", "slutet av våren", "2027-05-31"),
    ("sv", "dec", "i slutet av hösten", "2027-11-30"),
    ("sv", "dec", "i slutet av vintern", "2027-02-26"),
    ("sv", "nov", "innan jul", "2026-12-23"),
    ("sv", "nov", "i slutet av hösten", "2026-11-30"),
    ("sv", "may", "innan midsommar", "2026-06-18"),
    ("sv", "may", "före midsommar", "2026-06-18"),
    ("sv", "may", "i slutet av sommaren", "2026-08-31"),
    ("sv", "may", "Q2", "2026-06-30"),
    ("sv", "may", "Q3", "2026-09-30"),
    ("sv", "may", "i slutet av kvartalet", "2026-06-30"),
    ("sv", "may", "under andra kvartalet", "2026-06-30"),
    ("sv", "may", "i slutet av våren", "2026-05-29"),
    ("nb", "oslo", "før jul", "2026-12-23"),
    ("nb", "oslo", "innen jul", "2026-12-23"),
    ("nb", "oslo", "før påske", "2027-03-24"),
    ("nb", "oslo", "før nyttår", "2026-12-31"),
    ("nb", "oslo", "innen årsskiftet", "2026-12-31"),
    ("nb", "oslo", "ved årsskiftet", "2026-12-31|ASK"),
    ("nb", "oslo", "i løpet av 2027", "2027-12-31"),
    ("nb", "oslo", "innen utgangen av året", "2026-12-31"),
    ("nb", "oslo", "første kvartal", "2027-03-31"),
    ("nb", "oslo", "i slutten av sommeren", "2027-08-31"),
    ("nb", "oslo", "i slutten av høsten", "2026-11-30"),
    ("en", "dec", "before Christmas", "2026-12-23"),
    ("en", "dec", "by Christmas", "2026-12-23"),
    ("en", "dec", "by the end of the year", "2026-12-30"),
    ("en", "dec", "by year end", "2026-12-30"),
    ("en", "dec", "before the new year", "2026-12-30"),
    ("en", "dec", "by the end of Q1", "2027-03-31"),
    ("en", "dec", "in 2027", "2027-12-30"),
    ("en", "dec", "during 2027", "2027-12-30"),
    ("en", "dec", "before Easter", "2027-03-25"),
    ("en", "dec", "end of summer", "2027-08-31"),
    ("en", "dec", "first quarter", "2027-03-31"),
    # ...and those without one: asked back.
    ("sv", "dec", "innan sommaren", "VAGUE"),
    ("sv", "dec", "i början av hösten", "VAGUE"),
    ("sv", "dec", "efter jul", "VAGUE"),
    ("sv", "dec", "efter nyår", "VAGUE"),
    ("sv", "dec", "till våren", "VAGUE"),
    ("sv", "dec", "under våren", "VAGUE"),
    ("sv", "dec", "under hösten", "VAGUE"),
    ("sv", "dec", "efter sommaren", "VAGUE"),
    ("sv", "dec", "framöver", "VAGUE|UNPARSEABLE"),
    ("sv", "dec", "så snart som möjligt", "VAGUE|UNPARSEABLE"),
    ("sv", "may", "före semestern", "VAGUE"),
    ("sv", "may", "innan sommaren", "VAGUE"),
    ("sv", "may", "till hösten", "VAGUE"),
    ("nb", "oslo", "etter jul", "VAGUE"),
    ("nb", "oslo", "i løpet av våren", "VAGUE"),
    ("nb", "oslo", "før sommeren", "VAGUE"),
    ("en", "dec", "in the spring", "VAGUE"),
    ("en", "dec", "after Christmas", "VAGUE"),
    ("en", "dec", "later this year", "VAGUE|2026-12-30"),
    # Meetings counted from the group's calendar, by the group's own name for its meeting.
    ("sv", "nov", "till nästa RAG-möte", "2026-11-23 13:00"),
    ("sv", "nov", "nästa RAG-möte", "2026-11-23 13:00"),
    ("sv", "nov", "på nästa möte", "2026-11-23 13:00"),
    ("sv", "nov", "nästa möte", "2026-11-23 13:00"),
    ("sv", "nov", "till mötet efter nästa", "2026-12-14 11:00"),
    ("sv", "nov", "mötet efter nästa", "2026-12-14 11:00"),
    ("sv", "nov", "till nästnästa möte", "2026-12-14 11:00"),
    ("sv", "nov", "till decembermötet", "2026-12-14 11:00"),
    ("sv", "nov", "till mötet den 14/12", "2026-12-14 11:00|2026-12-14"),
    ("sv", "nov", "till mötet efter det", "2026-12-14 11:00|ASK"),
    ("sv", "nov", "till nästa RAG-möte efter det", "2026-12-14 11:00|ASK"),
    ("sv", "dec", "till nästa möte", "2026-12-14 11:00"),
    ("sv", "dec", "till mötet efter nästa", "2027-01-13 13:00"),
    ("sv", "dec", "till januarimötet", "2027-01-13 13:00"),
    ("sv", "dec", "till mötet i januari", "2027-01-13 13:00"),
    ("sv", "spring", "till mötet efter nästa", "NO_MEETING"),
    ("sv", "may", "till nästa chefssamråd", "2026-06-09 10:00"),
    ("sv", "may", "vid nästa chefssamråd", "2026-06-09 10:00"),
    ("sv", "may", "inför nästa chefssamråd", "2026-06-09 10:00"),
    ("sv", "may", "till chefssamrådet i september", "2026-09-15 10:00"),
    ("sv", "may", "chefssamrådet efter nästa", "2026-09-15 10:00"),
    ("sv", "may", "till nästa möte", "2026-06-09 10:00"),
    ("sv", "may", "mötet i juni", "2026-06-09 10:00"),
    ("sv", "may", "till mötet i augusti", "NO_MEETING"),
    ("nb", "oslo", "til neste møte", "2026-11-18 12:00"),
    ("nb", "oslo", "til møtet etter neste", "2026-12-16 12:00"),
    ("nb", "oslo", "innen neste faggruppemøte", "2026-11-18 12:00"),
    ("nb", "oslo", "til neste faggruppemøte", "2026-11-18 12:00"),
    ("nb", "oslo", "til desembermøtet", "2026-12-16 12:00"),
    ("nb", "oslo", "møtet i desember", "2026-12-16 12:00"),
    ("nb", "oslo", "på neste møte", "2026-11-18 12:00"),
    ("en", "nov", "by the meeting after next", "2026-12-14 11:00"),
    ("en", "nov", "by the next RAG meeting", "2026-11-23 13:00"),
    ("en", "nov", "at the next meeting", "2026-11-23 13:00"),
    ("en", "nov", "the December meeting", "2026-12-14 11:00"),
    # Relative spans as written in minutes.
    ("sv", "nov", "inom två veckor", "2026-12-06"),
    ("sv", "nov", "inom en månad", "2026-12-22"),
    ("sv", "nov", "om 14 dagar", "2026-12-06"),
    ("nb", "nov", "innen to uker", "2026-12-06"),
    ("nb", "nov", "om 14 dager", "2026-12-06"),
    ("en", "nov", "within two weeks", "2026-12-06"),
]


# --- scoring: one verdict per phrase, shared by the test and the benchmark ------------------

ASK_BACK = {"ambiguous", "vague"}


@dataclass(frozen=True)
class Verdict:
    right: bool
    wrong_date: bool  # a date outside the acceptable set: the failure that must not happen
    asked_back: bool  # no date, the user asked instead


def acceptable(meaning: str, zone: ZoneInfo) -> tuple[set[tuple[str, ...]], set[str]]:
    """The acceptable readings of a row: (dates as ``reading`` tuples, problem names)."""
    dates: set[tuple[str, ...]] = set()
    problems: set[str] = set()
    for option in meaning.split("|"):
        if option.isupper():
            problems |= ASK_BACK if option == "ASK" else {option.lower()}
        elif len(option) == 10:
            dates.add((local(option + " 00:00", zone).isoformat(), "date"))
        elif "-" in option[11:]:
            day, (start, end) = option[:10], option[11:].split("-")
            dates.add(
                (local(f"{day} {start}", zone).isoformat(), local(f"{day} {end}", zone).isoformat())
            )
        else:
            dates.add((local(option, zone).isoformat(), "time"))
    return dates, problems


def verdict(meaning: str, zone: ZoneInfo, read: tuple[str, ...] | None) -> Verdict:
    """How a reading (a ``reading`` tuple, a problem name, or None for nothing) scores."""
    dates, problems = acceptable(meaning, zone)
    if read is None or len(read) == 1:
        problem = read[0] if read else "unparseable"
        return Verdict(problem in problems, False, problem in ASK_BACK)
    if read in dates:
        return Verdict(True, False, False)
    return Verdict(False, True, False)
