"""The records that flow between the stages: ingest -> extract -> reconcile -> export.

Every record is a frozen, slotted dataclass. A stage reads the records of the stage before
it and returns new ones; nothing is mutated on the way. ``to_dict`` gives the JSON shape of
the ``claimrecon/1`` contract (see ``claimrecon/export/schema.json``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

SCHEMA = "claimrecon/1"


def tidy_number(x: Any) -> Any:
    """A float as exports write it, without the noise of binary arithmetic: ``0.9 * 3600`` is
    ``3960.0000000000005``, written ``3960.0`` (15 significant digits; anything else unchanged)."""
    if type(x) is float and math.isfinite(x):
        return float(f"{x:.15g}")
    return x


#: the number fields of a claim that exports tidy (``tidy_number``)
NUMBER_FIELDS = ("value", "low", "high", "precision")

#: Article statuses. ``ok`` articles are read; the others carry a ``reason``.
STATUSES = ("ok", "skipped", "error")
#: Claim kinds of the contract.
KINDS = ("count", "percent", "money", "duration", "time", "date", "temperature", "quantity", "age")
#: Directions of change a claim's wording states ("rose 3%", "spadła do").
CHANGES = ("up", "down")
#: Conflict severities.
SEVERITIES = ("hard", "soft")
#: Group verdicts.
VERDICTS = ("agree", "conflict", "single", "timeline")


@dataclass(frozen=True, slots=True)
class Article:
    """One input, read and normalized by ingest (or the reason it could not be)."""

    id: str  # path relative to the compared folder (or the file name / "<stdin>")
    status: str  # ok | skipped | error
    reason: str | None = None
    path: str | None = None  # the path as found on disk
    sha256: str | None = None  # of the raw bytes
    format: str | None = None  # text | markdown | html | jsonl
    encoding: str | None = None
    language: str | None = None
    language_confidence: float | None = None
    title: str | None = None
    published: str | None = None  # ISO date
    published_time: str | None = None  # "HH:MM", local, as the dateline prints it (the last time: an update)
    dateline_day: str | None = None  # "MM-DD" of a dateline that prints no year, when no full date is known
    dateline_weekday: int | None = None  # the weekday a byline names with that day (1 is Monday), if any
    weekday_guess: int | None = None  # else the weekday that day likely falls on, from the weekdays the article names
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    duplicate_of: str | None = None  # id of the first copy of the same story
    text: str = ""  # normalized text; claim offsets refer to it
    chars: int | None = None  # length of the text when ``text`` is left out (``compare`` keeps texts on disk)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        if not with_text:
            d.pop("text")
        d["chars"] = self.length()
        return d

    def length(self) -> int:
        """Characters of the normalized text, whether or not it is held."""
        return len(self.text) if self.chars is None else self.chars

    def without_text(self) -> Article:
        """The same article without its text (``chars`` keeps its length)."""
        return dataclasses.replace(self, text="", chars=self.length())


@dataclass(frozen=True, slots=True)
class Scope:
    """When and of what a figure is said: the cues that keep two figures apart."""

    moment: str | None = None  # clock time the figure is anchored to ("as of 6:37 p.m.")
    aggregate: str | None = None  # "total" | "peak" | "average" | None (a count at a moment)
    period: str | None = None  # "last_year" | "this_year" | ...
    subevent: str | None = None  # "relaunch" | ...
    subject: str | None = None  # "other": about something else than the event ("other spaces")
    part: str | None = None  # a part of a larger count: "of_them" ("six of them"), "among" ("among the dead were six children"), or the place it is limited to ("in Madrid alone")
    increment: bool = False  # the figure is an addition, not a level: "45 more than yesterday", "a further 12"
    as_of: str | None = None  # the moment the figure is reported for: the article's publication date(time) unless stated
    running: bool = False  # worded as a running tally that may still change: "so far", "rose to", "latest toll"

    def key(self) -> tuple[str, ...]:
        return tuple(x or "" for x in (self.aggregate, self.period, self.subevent, self.subject))

    def to_dict(self) -> dict[str, Any]:
        return {"moment": self.moment, "aggregate": self.aggregate, "period": self.period, "subevent": self.subevent,
                "subject": self.subject, "part": self.part, "increment": self.increment, "as_of": self.as_of,
                "running": self.running}


@dataclass(frozen=True, slots=True)
class Counted:
    """What a figure counts or qualifies, read from its own sentence whatever the noun (no word list decides it)."""

    text: str | None = None  # the counted noun phrase as written: "injured passengers", "abonentów", "fine", "refund per passenger"
    lemma: str | None = None  # the same words lemmatized in the claim's language: "injured passenger", "abonent"
    head: str | None = None  # the lemma of the phrase's head word: "passenger", "abonent", "fine"
    role: str | None = None  # what happened to it or where, as written: "on board", "were evacuated", "killed in the north"
    role_lemma: str | None = None  # the role's content words lemmatized: "board", "evacuate", "kill north"
    # the words that describe the figure, nearest first (what matching compares): "#key" a concept of the
    # rules' table, "@name" a name, "per:..." a rate, "<lang>:<lemma>" any other word
    terms: tuple[str, ...] = ()
    weights: tuple[float, ...] = ()  # each term's weight: 1 right next to the figure, less farther away

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "lemma": self.lemma, "head": self.head, "role": self.role, "role_lemma": self.role_lemma,
                "terms": list(self.terms), "weights": list(self.weights)}


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the article says the figure comes from."""

    source: str | None = None  # "The Verge", "Sacks", "police"
    quoted: bool = False  # the figure sits inside quoted speech
    cue: str | None = None  # the words that attribute it ("according to", "said")

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "quoted": self.quoted, "cue": self.cue}


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric claim in one article."""

    id: str
    article: str
    lang: str
    kind: str
    value: float | str | None  # number; ISO string for time/date; None for vague counts
    unit: str | None  # ISO 4217 for money, "%" for percent, "s" for durations
    low: float | None  # bounds the wording implies (None: unbounded)
    high: float | None
    qualifier: str  # exact | about | more_than | at_least | nearly | up_to | less_than | range | vague ...
    precision: float  # half a unit of the last written digit, in the claim's unit
    measure: str | None  # canonical English name of what is counted; None when unknown
    text: str  # normalized_text[start:end]
    start: int
    end: int
    sentence: str
    sentence_start: int
    scope: Scope = field(default_factory=Scope)
    attribution: Attribution = field(default_factory=Attribution)
    zone: str | None = None  # time zone of a clock time (IANA name or fixed offset), "local" when only implied
    date: str | None = None  # ISO date a time or weekday resolves to, when known
    gloss: str | None = None  # English rendering from the rules' own lexicons
    # Opt-in machine translation of ``sentence`` (claimrecon.translate); all None when not asked.
    sentence_gloss: str | None = None  # the sentence in English
    sentence_gloss_status: str | None = None  # translated | cached | unavailable
    sentence_gloss_backend: str | None = None  # the service asked: google | mymemory | libre
    sentence_gloss_error: str | None = None  # why the translation is unavailable
    counted: Counted = field(default_factory=Counted)  # what the figure counts or qualifies (claimrecon.extract)
    # A physical quantity or temperature: its dimension ("length", "speed", ...; claimrecon.quantities)
    # and its value in the dimension's base unit (m, m², m³, kg, m/s, J, W, B, °C); None otherwise.
    dimension: str | None = None
    base_value: float | None = None
    base_unit: str | None = None
    change: str | None = None  # "up" | "down": the wording states a change in that direction ("rose 3%", "spadła do 5")

    def to_dict(self) -> dict[str, Any]:
        # what dataclasses.asdict gives (every field is a scalar but these three), several times faster
        d = {name: getattr(self, name) for name in _CLAIM_FIELDS}
        for name in NUMBER_FIELDS:
            d[name] = tidy_number(d[name])
        d["scope"] = self.scope.to_dict()
        d["attribution"] = self.attribution.to_dict()
        d["counted"] = self.counted.to_dict()
        return d


_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))


def exported(d: dict[str, Any]) -> dict[str, Any]:
    """A claim's dict as the export gives it: a physical amount ("84,000 tonnes", "15
    km") is a ``count`` of its unit there, with its ``dimension`` set, since the kinds a fact-check
    desk reads are count, percent, money, duration, time, date and temperature (the eval kit's).
    Inside the pipeline it stays a ``quantity``, compared in its dimension's base unit."""
    if d.get("kind") == "quantity":
        d["kind"] = "count"
    return d


def imported_kind(kind: str, dimension: str | None) -> str:
    """The pipeline's kind of an exported claim (``exported`` undone)."""
    return "quantity" if kind == "count" and dimension else kind


@dataclass(frozen=True, slots=True)
class Figure:
    """One value of a group and who reports it."""

    value: float | str | None
    qualifier: str
    claims: Sequence[str]  # a tuple, or the ids in a run's claim store (``claimrecon.store``)
    articles: tuple[str, ...]  # independent articles (duplicates counted once)
    languages: tuple[str, ...]

    def to_dict(self, lists: Callable[[Iterable[Any]], Any] = list) -> dict[str, Any]:
        return {"value": tidy_number(self.value), "qualifier": self.qualifier, "claims": lists(self.claims),
                "articles": list(self.articles), "languages": list(self.languages), "corroboration": len(self.articles)}


#: How a group's claims were matched, from the strongest evidence to the weakest.
MATCH_BASES = ("canonical", "same_word", "inferred")


@dataclass(frozen=True, slots=True)
class Match:
    """Why the claims of a group were taken to measure one quantity, and how sure that is."""

    basis: str  # canonical: the same canonical term (rules' bridge lexicon); same_word: the same lemma or its
    # translation in the rules' bilingual table; inferred: from context (similar words, cognates, shared names, anchors)
    confidence: float  # 0..1; the weakest link that holds the group together
    evidence: tuple[str, ...] = ()  # what the claims share, for a reader: "passenger = pasajero", "same place: Gdynia"

    def to_dict(self) -> dict[str, Any]:
        return {"basis": self.basis, "confidence": self.confidence, "evidence": list(self.evidence)}


@dataclass(frozen=True, slots=True)
class Group:
    """Claims believed to measure one quantity at one moment."""

    id: str
    kind: str
    measure: str | None
    scope: Scope
    claims: Sequence[str]  # a tuple, or the ids in a run's claim store (``claimrecon.store``)
    verdict: str  # agree | conflict | single
    figures: tuple[Figure, ...] = ()
    series: str | None = None  # id shared by the moments of one count (a timeline)
    review: str | None = None  # accepted | dismissed | None
    review_note: str | None = None
    label: str | None = None  # what the quantity is, in English words for a reader: "injured passengers", "fine"
    match: Match | None = None  # why its claims were put together (claimrecon.match); None for a single claim

    def to_dict(self, lists: Callable[[Iterable[Any]], Any] = list) -> dict[str, Any]:
        """The JSON shape; ``lists`` makes the lists of claim ids (``json_export.Stream`` writes them lazily)."""
        return {"id": self.id, "kind": self.kind, "measure": self.measure, "label": self.label, "scope": self.scope.to_dict(),
                "claims": lists(self.claims), "verdict": self.verdict,
                "figures": [f.to_dict(lists) for f in self.figures],
                "series": self.series, "review": self.review, "review_note": self.review_note,
                "match": self.match.to_dict() if self.match else None}


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two claims of one group, from different articles, that disagree."""

    id: str
    group: str
    claims: tuple[str, str]
    severity: str  # hard | soft
    score: float  # orders the report: higher first
    reason: str
    review: str | None = None  # accepted | dismissed | None
    review_note: str | None = None
    basis: str | None = None  # how its two claims were matched (``Match.basis``)
    confidence: float | None = None  # how sure the match of its two claims is (0..1)
    likelihood: float | None = None  # how likely the flag is right (0..1, ``reconcile.likelihood``)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["claims"] = list(self.claims)
        d["score"] = tidy_number(self.score)
        return d


@dataclass(frozen=True, slots=True)
class Review:
    """A journalist's decision on a conflict or a group, keyed by its stable id."""

    target: str  # conflict or group id
    state: str  # accepted | dismissed
    note: str = ""
    at: str | None = None  # ISO timestamp the decision was recorded

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run found; every export is a view of it.

    ``claims`` is a tuple, or, in a report of ``claimrecon.compare``, a sequence read from a
    temporary store on disk (``claimrecon.store``), in the same order (by article, start, end, id);
    the ids in its groups and figures are read from there too. ``close()`` (or ``with``) removes
    the store's files; otherwise they go when the report is collected, or at exit. The articles
    of such a report do not hold their text (``Article.chars`` keeps its length): ``texts`` reads
    it back by article id.
    """

    articles: tuple[Article, ...]
    claims: Sequence[Claim]
    groups: tuple[Group, ...]
    conflicts: tuple[Conflict, ...]
    reviews: tuple[Review, ...] = ()
    version: str = ""
    rules_digest: str = ""
    texts: Mapping[str, str] | None = field(default=None, compare=False, repr=False)

    def close(self) -> None:
        """Remove the claim store's files, if the claims are in one (the report is then unusable)."""
        close = getattr(self.claims, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> Report:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def claim_dicts(self) -> Iterator[dict[str, Any]]:
        """``c.to_dict()`` of every claim (read straight from the store when the claims are in one)."""
        dicts = getattr(self.claims, "dicts", None)
        return dicts() if dicts is not None else (c.to_dict() for c in self.claims)

    def article_dict(self, a: Article, with_text: bool = False) -> dict[str, Any]:
        """``a.to_dict(with_text)``, with the text read back from ``texts`` when the article does not hold it."""
        if with_text and not a.text and self.texts is not None and a.length():
            a = dataclasses.replace(a, text=self.texts[a.id])
        return a.to_dict(with_text)

    def summary(self) -> dict[str, Any]:
        by_sev = {s: 0 for s in SEVERITIES}
        open_by_sev = {s: 0 for s in SEVERITIES}
        for c in self.conflicts:
            by_sev[c.severity] += 1
            if c.review != "dismissed":
                open_by_sev[c.severity] += 1
        statuses = {s: 0 for s in STATUSES}
        for a in self.articles:
            statuses[a.status] += 1
        return {
            "articles": len(self.articles),
            "articles_by_status": statuses,
            "duplicates": sum(1 for a in self.articles if a.duplicate_of),
            "claims": len(self.claims),
            "groups": len(self.groups),
            "conflicts": len(self.conflicts),
            "conflicts_by_severity": by_sev,
            "open_conflicts_by_severity": open_by_sev,
        }

    def to_dict(self, with_text: bool = False, lists: Callable[[Iterable[Any]], Any] = list) -> dict[str, Any]:
        """The ``claimrecon/1`` document; ``lists`` makes its long lists (``json_export.Stream``
        writes them one item at a time, so the whole document is never in memory)."""
        return {
            "schema": SCHEMA,
            "version": self.version,
            "rules_digest": self.rules_digest,
            "summary": self.summary(),
            "articles": lists(self.article_dict(a, with_text) for a in self.articles),
            "claims": lists(exported(d) for d in self.claim_dicts()),
            "groups": lists(g.to_dict(lists) for g in self.groups),
            "conflicts": lists(c.to_dict() for c in self.conflicts),
            "reviews": [r.to_dict() for r in self.reviews],
        }


#: a clock time's one-sided hedges in the words a gloss or a reason gives them ("shortly after
#: 09:00", not "more than 09:00")
TIME_HEDGE_WORDS = {"more_than": "shortly after", "nearly": "shortly before"}


def local_offset(zone: str | None) -> str:
    """The offset of a clock time's local clock when its article restated it in a stated zone
    ("11:42 a.m. (1042 GMT)" gives the 11:42 the zone "local+01:00": "+01:00"), else ""."""
    return zone[5:] if zone and zone.startswith("local") and len(zone) > 5 else ""


def offset_text(minutes: int) -> str:
    """A UTC offset in minutes as ISO 8601 writes it: 120 -> "+02:00", -330 -> "-05:30"."""
    return f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@functools.lru_cache(maxsize=1)
def country_zones() -> dict[str, tuple[str, ...]]:
    """Country code -> its zones in zone.tab's order (the first: the mainland's or the capital's),
    from the tz database the ``tzdata`` package ships; {} without it."""
    out: dict[str, list[str]] = {}
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) >= 3:
            out.setdefault(cols[0].upper(), []).append(cols[2])
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=None)
def one_clock_zone(country: str) -> str | None:
    """The zone of a country all of whose zones keep one offset, winter and summer (Poland: its one
    zone; not Spain, whose Canaries keep another hour, nor the United States), else None."""
    zones = country_zones().get(country.upper(), ())
    if not zones:
        return None
    for day in (dt.date(2025, 1, 15), dt.date(2025, 7, 15)):
        if len({zone_minutes(z, day) for z in zones}) != 1:
            return None
    return zones[0]


def zone_minutes(tz: str, day: dt.date, hour: int = 12, minute: int = 0) -> int | None:
    """The UTC offset in minutes of an IANA zone at a clock time of a day, daylight saving
    included; None for a zone the tz database does not know."""
    try:
        off = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(tz)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError, OverflowError, OSError):
        return None
    return None if off is None else int(off.total_seconds() // 60)


#: a clock time's value: "16:47:00", "2027-01-23T16:47:00+01:00"
_CLOCK_VALUE = re.compile(r"(?:T|^)(\d{2}):(\d{2}):\d{2}(Z|[+-]\d{2}:\d{2})?$")


def clock(value: Any) -> tuple[int, int | None] | None:
    """(local minutes since midnight, offset minutes or None) of a time claim's value
    ("16:47:00", "2027-01-23T16:47:00+01:00"); None for anything else."""
    if not isinstance(value, str):
        return None
    m = _CLOCK_VALUE.search(value)
    if not m:
        return None
    local = int(m.group(1)) * 60 + int(m.group(2))
    return local, (offset_minutes(m.group(3)) if m.group(3) else None)


def offset_minutes(z: str) -> int:
    """A UTC offset as ISO 8601 writes it, in minutes: "Z" 0, "+01:00" 60, "-05:30" -330."""
    return 0 if z == "Z" else (1 if z[0] == "+" else -1) * (int(z[1:3]) * 60 + int(z[4:6]))
