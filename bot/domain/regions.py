"""Region names: the reporting units of a group ("Linköping, Jönköping, Kalmar").

Matching ignores case and accents ("jonkoping" is Jönköping); a near miss gets suggestions
("Jönköpng" -> Jönköping) and never becomes a new region: regions change only through the
group's settings.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from bot.domain.text import fold

MAX_REGIONS = 20
MAX_REGION_LENGTH = 60


@dataclass(frozen=True)
class RegionMatch:
    region: str | None
    suggestions: tuple[str, ...] = ()


def match_region(text: str, regions: tuple[str, ...]) -> RegionMatch:
    wanted = fold(" ".join(text.split()))
    by_folded = {fold(region): region for region in regions}
    if wanted in by_folded:
        return RegionMatch(by_folded[wanted])
    # "Region Jönköpings län" or "Jönköpings" for "Jönköping": one contains the other.
    containing = [r for f, r in by_folded.items() if wanted and (f in wanted or wanted in f)]
    if len(containing) == 1 and len(wanted) >= 4:
        return RegionMatch(containing[0])
    scored = sorted(
        ((difflib.SequenceMatcher(None, wanted, name).ratio(), name) for name in by_folded),
        reverse=True,
    )
    if not scored or scored[0][0] < 0.6:
        return RegionMatch(None)
    # Only the names about as close as the closest: "Jönköpng" is Jönköping, not Linköping.
    best = scored[0][0]
    close = [name for score, name in scored if score >= best - 0.1][:3]
    return RegionMatch(None, tuple(by_folded[name] for name in close))


def parse_region_list(text: str) -> list[str]:
    """ "Linköping, Jönköping och Kalmar" -> the three names, duplicates dropped."""
    parts = re.split(r"\s*(?:,|;|\n|\boch\b|\bog\b|\band\b|&)\s*", text.strip())
    names: list[str] = []
    for part in parts:
        name = " ".join(part.split()).strip(" .")
        if name and fold(name) not in {fold(existing) for existing in names}:
            names.append(name)
    return names


def split_region_and_text(args: str) -> tuple[str, str | None]:
    """ "Jönköping: text" -> ("Jönköping", "text"); "Jönköping" -> ("Jönköping", None)."""
    for separator in (":", "\n"):
        if separator in args:
            region, text = args.split(separator, 1)
            return region.strip(), text.strip()
    return args.strip(), None
