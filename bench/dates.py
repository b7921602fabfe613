"""How much of the date corpus dateparser reads alone, against the project's parser.

dateparser 1.5 gets the same help a careful caller would give it: the phrase's own language,
day-first order, future preference and "now" as the base. It is given credit for a range
when its single datetime equals the range's start, and for a problem row (vague, no meeting,
bad time, unparseable) when it returns nothing. Prints the two scores and the timing.
"""

from __future__ import annotations

import time
from datetime import UTC

import dateparser

from bot.domain.dates import DateContext, DateError, parse_date
from tests.date_corpus import CORPUS, MOMENTS, STOCKHOLM, local


def _dateparser_right(language: str, moment: str, phrase: str, meaning: str) -> bool:
    now, _ = MOMENTS[moment]
    parsed = dateparser.parse(
        phrase,
        languages=[language],
        settings={
            "RELATIVE_BASE": now.replace(tzinfo=None),
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "DMY",
        },
    )
    if meaning.isupper():
        return parsed is None
    if parsed is None:
        return False
    if len(meaning) == 10:
        return parsed.date().isoformat() == meaning
    return parsed.strftime("%Y-%m-%d %H:%M") == meaning[:16]


def _ours_right(moment: str, phrase: str, meaning: str) -> bool:
    now, meetings = MOMENTS[moment]
    result = parse_date(
        phrase, DateContext(now=now.astimezone(UTC), timezone=STOCKHOLM, meetings=meetings)
    )
    if isinstance(result, DateError):
        return meaning.isupper() and result.problem.value == meaning.lower()
    if meaning.isupper():
        return False
    if len(meaning) == 10:
        return not result.has_time and result.start == local(meaning + " 00:00")
    start_ok = result.start == local(meaning[:16])
    if "-" in meaning[11:]:
        return start_ok and result.end == local(meaning[:11] + meaning.split("-")[-1])
    return start_ok and result.has_time


def main() -> None:
    began = time.perf_counter()
    theirs = sum(_dateparser_right(*row) for row in CORPUS)
    their_time = time.perf_counter() - began
    began = time.perf_counter()
    ours = sum(_ours_right(moment, phrase, meaning) for _, moment, phrase, meaning in CORPUS)
    our_time = time.perf_counter() - began
    total = len(CORPUS)
    print(f"date corpus: {total} phrases (sv, nb, en; across both clock changes)")
    print(
        f"dateparser alone:   {theirs:3d}/{total} right ({their_time / total * 1000:.2f} ms each)"
    )
    print(f"project parser:     {ours:3d}/{total} right ({our_time / total * 1000:.2f} ms each)")


if __name__ == "__main__":
    main()
