"""How the date corpus is read by dateparser alone and by the project's parser.

dateparser 1.5 gets the same help a careful caller would give it: the phrase's own language,
day-first order, future preference and "now" as the base. Each phrase is scored against its
acceptable readings (``tests/date_corpus.py``): right, a *wrong date* (a date nobody meant:
the failure that must not happen), or asked back / nothing read. dateparser is given credit
for a range when its single datetime equals the range's start, and for a day when its date
matches whatever time it added. Prints both scores, the wrong dates and the timing.
"""

from __future__ import annotations

import time
from datetime import datetime

import dateparser

from bot.domain.dates import parse_date
from tests.date_corpus import CORPUS, MOMENTS, acceptable, context, verdict
from tests.test_dates import reading


def _dateparser_reading(language: str, moment: str, phrase: str, meaning: str) -> tuple | None:
    at = MOMENTS[moment]
    parsed = dateparser.parse(
        phrase,
        languages=[language],
        settings={
            "RELATIVE_BASE": at.now.replace(tzinfo=None),
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "DMY",
        },
    )
    if parsed is None:
        return None
    # Read as generously as we can: whichever acceptable shape its datetime fits.
    start = datetime.combine(parsed.date(), parsed.time(), at.zone).isoformat()
    day = datetime.combine(parsed.date(), datetime.min.time(), at.zone).isoformat()
    dates, _ = acceptable(meaning, at.zone)
    for shape in dates:
        if shape[0] == start or (shape[1] == "date" and shape[0] == day):
            return shape
    return (start, "time")


def _score(readings: list[tuple | None]) -> tuple[int, int, int]:
    verdicts = [
        verdict(meaning, MOMENTS[moment].zone, read)
        for (_, moment, _, meaning), read in zip(CORPUS, readings, strict=True)
    ]
    return (
        sum(v.right for v in verdicts),
        sum(v.wrong_date for v in verdicts),
        sum(v.asked_back for v in verdicts),
    )


def main() -> None:
    began = time.perf_counter()
    theirs = [_dateparser_reading(*row) for row in CORPUS]
    their_time = time.perf_counter() - began
    began = time.perf_counter()
    ours = [reading(parse_date(phrase, context(moment))) for _, moment, phrase, _ in CORPUS]
    our_time = time.perf_counter() - began
    total = len(CORPUS)
    print(f"date corpus: {total} phrases (sv, nb, en; six moments, both clock changes)")
    for name, readings, spent in (
        ("dateparser alone", theirs, their_time),
        ("project parser", ours, our_time),
    ):
        right, wrong, asked = _score(readings)
        print(
            f"{name + ':':18s} {right:3d}/{total} right, {wrong:3d} wrong dates, "
            f"{asked:3d} asked back ({spent / total * 1000:.2f} ms each)"
        )


if __name__ == "__main__":
    main()
