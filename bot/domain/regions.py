"""Region names: the reporting units of a group ("Linköping, Jönköping, Kalmar"), and the
other names people use for them ("Region Östergötland" or "US" for Linköping), written in
parentheses after the region: ``Linköping (Östergötland, Region Östergötland, US), Jönköping``.

Matching ignores case and accents ("jonkoping" is Jönköping) and knows the other names; a
near miss gets suggestions ("Jönköpng" -> Jönköping) and never becomes a new region: regions
change only through the group's settings.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from bot.domain.text import fold

MAX_REGIONS = 20
MAX_REGION_LENGTH = 60
MAX_ALIASES = 10
_IN_PARENTHESES = re.compile(r"\(([^()]*)\)")
_HIDDEN = re.compile(r"\x00(\d+)\x00")


@dataclass(frozen=True)
class RegionMatch:
    region: str | None
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegionEntry:
    """A region as written in ``regioner``: its name, and its other names if parentheses
    followed it (None: none written, so the ones it has stay)."""

    name: str
    aliases: tuple[str, ...] | None = None


def match_region(
    text: str,
    regions: tuple[str, ...],
    aliases: dict[str, tuple[str, ...]] | None = None,
) -> RegionMatch:
    wanted = fold(" ".join(text.split()))
    by_folded = {fold(region): region for region in regions}
    for region in regions:
        for alias in (aliases or {}).get(region, ()):
            by_folded.setdefault(fold(alias), region)
    if wanted in by_folded:
        return RegionMatch(by_folded[wanted])
    # "Region Jönköpings län" or "Jönköpings" for "Jönköping": one contains the other.
    containing = {r for f, r in by_folded.items() if wanted and (f in wanted or wanted in f)}
    if len(containing) == 1 and len(wanted) >= 4:
        return RegionMatch(containing.pop())
    scored = sorted(
        ((difflib.SequenceMatcher(None, wanted, name).ratio(), name) for name in by_folded),
        reverse=True,
    )
    if not scored or scored[0][0] < 0.6:
        return RegionMatch(None)
    # Only the names about as close as the closest: "Jönköpng" is Jönköping, not Linköping.
    best = scored[0][0]
    close = [by_folded[name] for score, name in scored if score >= best - 0.1]
    return RegionMatch(None, tuple(dict.fromkeys(close))[:3])


def parse_region_entries(text: str) -> list[RegionEntry]:
    """ "Linköping (Östergötland, US), Jönköping" -> Linköping with two other names, and
    Jönköping with none written; "Linköping ()" clears Linköping's."""
    inside: list[str] = []

    def hide(found: re.Match[str]) -> str:
        inside.append(found[1])
        return f" \x00{len(inside) - 1}\x00"

    entries: list[RegionEntry] = []
    for part in parse_region_list(_IN_PARENTHESES.sub(hide, text)):
        hidden = _HIDDEN.search(part)
        if hidden is None:
            entries.append(RegionEntry(part))
            continue
        name = " ".join(_HIDDEN.sub(" ", part).split()).strip(" .")
        if name:
            entries.append(RegionEntry(name, tuple(parse_region_list(inside[int(hidden[1])]))))
    return entries


def regions_with_aliases(
    regions: tuple[str, ...], aliases: dict[str, tuple[str, ...]]
) -> list[str]:
    """Each region as ``regioner`` writes it: "Linköping (Östergötland, US)", "Kalmar"."""
    return [
        f"{region} ({', '.join(aliases[region])})" if aliases.get(region) else region
        for region in regions
    ]


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
