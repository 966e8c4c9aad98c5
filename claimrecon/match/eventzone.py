"""The clock of the place a run's articles report: what a clock time whose zone its article leaves
implied ("a las 13:20", "at 3pm") is most likely read on.

An outlet that reports an event abroad gives its clock times on the event's clock, or says when it
converts them ("20:30 hora peninsular", "czasu polskiego", "1120 GMT"). When most of a run's
articles name one country, and no other as many, an implied clock time is read on that country's
clock on the day its article reports, so that "13:20" in a Polish outlet and "09:20 GMT" in a wire
about an event in Poland are seen to be two hours apart. A country whose zones differ by more than
an hour (the United States, Russia, Brazil...) gives no clock: its time could be any of them.

The countries and their zones come from the tz database's ``zone.tab``, shipped by the ``tzdata``
package: its first zone of a country is the one its mainland or capital keeps.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable

from ..records import country_zones, offset_text, zone_minutes
from ..errors import UnsupportedLanguage
from ..ruleset import load_language

#: a country's zones may differ by this many minutes at most for its first zone to stand for all
#: of it (Spain's mainland and the Canary Islands: an hour)
ZONE_SPREAD = 60


def country_offset(country: str, day: dt.date, one_clock: bool = False) -> str:
    """The UTC offset ("+02:00") of a country's clock on a day, "" when the tz database does not
    know the country or its zones are more than ``ZONE_SPREAD`` apart (``one_clock``: when they
    keep more than one offset at all, as Spain's Canaries and Portugal's Azores do)."""
    offsets = [zone_minutes(z, day) for z in country_zones().get(country.upper(), ())]
    known = [o for o in offsets if o is not None]
    if not known or offsets[0] is None or max(known) - min(known) > (0 if one_clock else ZONE_SPREAD):
        return ""
    return offset_text(offsets[0])


def event_country(named: Iterable[tuple[str, str]], articles: int, mentions: Counter[str] | None = None) -> str:
    """The country most of a run's articles name: from (article, country code) pairs, the country
    named by the most articles, if more than half of the run's ``articles`` name it and no other
    country as many; else "". ``mentions``: country -> how often it is named, which tells apart
    two countries named by as many articles (a minimum wage set in Warsaw and compared with
    Germany's and Spain's in every article: Poland is the one named most)."""
    by = Counter(c for _, c in set(named))
    if not by:
        return ""
    mentions = mentions or Counter()
    ranked = sorted(by.items(), key=lambda kv: (-kv[1], -mentions[kv[0]], kv[0]))
    top, n = ranked[0]
    if 2 * n <= articles or (len(ranked) > 1 and ranked[1][1] == n and mentions[ranked[1][0]] == mentions[top]):
        return ""
    return top


@functools.lru_cache(maxsize=None)
def home_country(lang: str) -> str:
    """The country whose clock most outlets of a language keep (``home_zone``), "" when none."""
    zone = home_zone(lang)
    return next((c for c, zones in sorted(country_zones().items()) if zone and zone in zones), "")


@functools.lru_cache(maxsize=None)
def home_zone(lang: str) -> str:
    """The zone most outlets of a language keep (``time.tsv``, type "home"), "" when none."""
    if not lang:
        return ""
    try:
        rows = load_language(lang).table("time.tsv")
    except UnsupportedLanguage:
        return ""
    return next((r["value"] for r in rows if r["type"] == "home"), "")


def home_clocks(said: Iterable[tuple[str, str, dt.date | None]], local: str) -> dict[str, str]:
    """Claim id -> the UTC offset of its outlets' home clock on the day its article reports, from
    (claim id, language, day) of a moment's clock times, for those whose home clock is not
    ``local``, the event's: an outlet may give an implied time abroad on either (a Polish
    outlet's "13:20" of an event in London may be Warsaw's 13:20)."""
    out = {}
    for cid, lang, day in said:
        zone = home_zone(lang)
        minutes = zone_minutes(zone, day) if zone and day is not None else None
        if minutes is not None and offset_text(minutes) != local:
            out[cid] = offset_text(minutes)
    return out


def kept_offsets(zones: Iterable[str], day: dt.date, hour: int = 12, minute: int = 0) -> frozenset[str]:
    """The UTC offsets ("+02:00") the ``zones`` keep at a clock time of a day."""
    return frozenset(offset_text(m) for z in zones if (m := zone_minutes(z, day, hour, minute)) is not None)


def run_zones(countries: Iterable[str]) -> tuple[str, ...]:
    """Every zone of the countries a run's words name, sorted: the clocks its local times may be
    on. (Not its outlets' home zones: an outlet's slip to its own clock is the likeliest slip.)"""
    return tuple(sorted({z for c in countries for z in country_zones().get(c.upper(), ())}))
