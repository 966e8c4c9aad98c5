"""Read-only helpers shared by the renderers: lookups, display order and labels.

Nothing here computes a finding. It only indexes what the Report already holds (which claims a
conflict names, which group a claim sits in) and orders it for display, so every format shows the
same thing in the same order.

A report of ``compare`` keeps its claims in a store on disk (``claimrecon.store``): the view then
holds the claims of the conflicts only and reads the others when a renderer asks, one figure or
group at a time, so rendering a big run stays within bounded memory.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..records import SEVERITIES, Article, Attribution, Claim, Conflict, Figure, Group, Report, Review
from ..reconcile.intervals import opposite_bounds
from ..store import ClaimStore

#: Display rank of a severity: hard first. Unknown severities sort last.
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}

#: Names of the languages the rules cover, for prose; other codes are shown as they are.
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "pl": "Polish"}


def joined(lines: Iterable[str], sep: str = "\n") -> Iterator[str]:
    """``sep.join(lines)`` in pieces, for renderers that write as they go."""
    it = iter(lines)
    for line in it:
        yield line
        break
    for line in it:
        yield sep + line


def language_name(code: str | None) -> str:
    """``"pl"`` -> ``"Polish"``; unknown codes unchanged, None -> ``"unknown"``."""
    if not code:
        return "unknown"
    return LANGUAGE_NAMES.get(code, code)


def sentence_translation(c: Claim) -> tuple[str, str, bool] | None:
    """(label, text, translated) for a claim's machine-translated sentence (--translate), or None
    when no translation was asked for. Unescaped: each format escapes it its own way."""
    if not c.sentence_gloss_status:
        return None
    by = c.sentence_gloss_backend or "translation service"
    if c.sentence_gloss:
        how = f"machine translation by {by}" + (", from the cache" if c.sentence_gloss_status == "cached" else "")
        return f"English sentence ({how})", c.sentence_gloss, True
    return f"English sentence unavailable ({by})", c.sentence_gloss_error or "no reason given", False


class Claims:
    """Claims by id: ``claims[id]``, ``claims.get(id)``, ``id in claims``, ``claims.many(ids)``.

    Extracted claims have unique ids; when several claims of a report built otherwise share one,
    the last in report order answers, as in a dict built from the report's claims. Claims in a store are read on demand, but for
    those named in ``keep``, held from the start.
    """

    def __init__(self, claims: Sequence[Claim], keep: Iterable[str] = ()) -> None:
        self.store = claims if isinstance(claims, ClaimStore) else None
        if self.store is None:
            self.held = {c.id: c for c in claims}
        else:
            ids = list(dict.fromkeys(keep))
            self.held = {cid: c for cid, c in zip(ids, self.store.resolve(ids)) if c is not None}

    def get(self, claim_id: str, default: Claim | None = None) -> Claim | None:
        c = self.held.get(claim_id)
        if c is None and self.store is not None:
            c = self.store.get(claim_id)
        return default if c is None else c

    def __getitem__(self, claim_id: str) -> Claim:
        c = self.get(claim_id)
        if c is None:
            raise KeyError(claim_id)
        return c

    def __contains__(self, claim_id: object) -> bool:
        return isinstance(claim_id, str) and self.get(claim_id) is not None

    def many(self, ids: Iterable[str]) -> Iterator[Claim]:
        """The claims of ``ids`` that exist, in that order (one read for a group's or figure's ids)."""
        if self.store is None:
            return (self.held[i] for i in ids if i in self.held)
        return (c for c in self.store.resolve(ids) if c is not None)


def claims_with_groups(report: Report, first: bool = True) -> Iterator[tuple[Claim, str | None]]:
    """Each claim in report order with the id of the group that holds its id: when several groups
    do (claims sharing an id), the first in report order, or the last if not ``first``."""
    claims = report.claims
    shared = claims.duplicate_ids if isinstance(claims, ClaimStore) else None
    owner: dict[str, str] = {}
    if shared is None or shared:
        for g in report.groups:
            for cid in g.claims:
                if (shared is None or cid in shared) and (not first or cid not in owner):
                    owner[cid] = g.id
    if isinstance(claims, ClaimStore):
        for c, gid in claims.with_groups():  # a claim's own group holds its id
            yield c, owner.get(c.id) if c.id in claims.duplicate_ids else gid
    else:
        for c in claims:
            yield c, owner.get(c.id)


@dataclass(slots=True)
class ReportView:
    """Indexes over one Report, built once per render."""

    report: Report
    articles: dict[str, Article] = field(default_factory=dict)
    claims: Claims = field(default_factory=lambda: Claims(()))
    groups: dict[str, Group] = field(default_factory=dict)
    reviews: dict[str, Review] = field(default_factory=dict)
    # claim id -> group id: of every claim when the claims are in memory, else of the ids several
    # claims share (``claims_with_groups`` gives every claim's group)
    group_of: dict[str, str] = field(default_factory=dict)
    conflicts_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # claim id -> conflict ids
    _disputes: list[Dispute] | None = None
    _disputed: set[str] | None = None

    @classmethod
    def of(cls, report: Report) -> ReportView:
        v = cls(report)
        v.articles = {a.id: a for a in report.articles}
        v.claims = Claims(report.claims, (cid for k in report.conflicts for cid in k.claims))
        v.groups = {g.id: g for g in report.groups}
        v.reviews = {r.target: r for r in report.reviews}
        shared = report.claims.duplicate_ids if isinstance(report.claims, ClaimStore) else None
        if shared is None or shared:
            for g in report.groups:
                for cid in g.claims:
                    if shared is None or cid in shared:
                        v.group_of.setdefault(cid, g.id)
        for k in report.conflicts:
            for cid in k.claims:
                if k.id not in v.conflicts_of[cid]:
                    v.conflicts_of[cid].append(k.id)
        return v

    def conflicts(self) -> list[Conflict]:
        """Conflicts ordered by severity (hard first); the report's own order within a severity."""
        order = {k.id: i for i, k in enumerate(self.report.conflicts)}
        return sorted(self.report.conflicts, key=lambda k: (SEVERITY_RANK.get(k.severity, len(SEVERITY_RANK)), order[k.id]))

    def figures(self, corroborated: bool) -> list[tuple[Group, Figure]]:
        """(group, figure) pairs reported by several independent articles, or by exactly one."""
        return [(g, f) for g in self.report.groups for f in g.figures if (len(f.articles) > 1) == corroborated]

    def figure_label(self, f: Figure) -> str:
        """The figure as one phrase: the wording all its claims share, else the unhedged one."""
        return self.figure_text(f)[0]

    def wordings(self, f: Figure) -> list[tuple[str, list[str]]]:
        """Each distinct wording of a figure with the articles that use it, in report order."""
        return self.figure_text(f)[1]

    def figure_text(self, f: Figure) -> tuple[str, list[tuple[str, list[str]]]]:
        """``figure_label`` and ``wordings`` of a figure, from one read of its claims."""
        first = plain = None
        qualifiers: set[str] = set()
        out: dict[str, dict[str, None]] = {}  # wording -> its articles, in order (a dict: a figure can have thousands)
        for c in self.claims.many(f.claims):
            first = first or c
            qualifiers.add(c.qualifier)
            if plain is None and c.qualifier in ("exact", "only"):
                plain = c
            out.setdefault(c.text, {})[c.article] = None
        if first is None:
            return str(f.value), []
        c = plain if len(qualifiers) > 1 and plain is not None else first
        return c.gloss or c.text, [(text, list(articles)) for text, articles in out.items()]

    def ungrouped(self) -> Iterator[Claim]:
        """Claims no group holds (their measure is unknown), in report order."""
        claims = self.report.claims
        found = claims.ungrouped() if isinstance(claims, ClaimStore) else iter(claims)
        return (c for c in found if c.id not in self.group_of)

    def timelines(self) -> list[tuple[str, list[Group]]]:
        """Groups sharing a series id (one count at several moments), by series id then moment."""
        series: dict[str, list[Group]] = defaultdict(list)
        for g in self.report.groups:
            if g.series:
                series[g.series].append(g)
        return [(sid, sorted(gs, key=lambda g: g.scope.moment or "")) for sid, gs in sorted(series.items())]

    def disputes(self) -> list[Dispute]:
        """The quantities in dispute (``disputes``), worked out once per view."""
        if self._disputes is None:
            self._disputes = disputes(self)
        return self._disputes

    def disputed(self) -> set[str]:
        """The ids of the groups in dispute: those with a conflict listed, and those whose
        conflicts a likelihood threshold left out (``compare(min_likelihood=)``), which are no
        agreement either; worked out once per view."""
        if self._disputed is None:
            self._disputed = {d.group.id for d in self.disputes()} | {g.id for g in self.groups.values() if g.verdict == "conflict"}
        return self._disputed

    def who(self, c: Claim | None, article_id: str) -> tuple[str | None, str, str]:
        """An article as a table names it: its outlet (None when unknown: show its id), its
        language, and how the claim is attributed ("in a quote from Sacks"; "" when not)."""
        a = self.articles.get(article_id)
        lang = (a.language if a is not None else None) or (c.lang if c is not None else "")
        return (a.outlet if a is not None and a.outlet else None, lang or "",
                attribution_phrase(c) if c is not None else "")

    def conflict_languages(self, k: Conflict) -> list[str]:
        """Languages of the claims a conflict opposes (sorted, distinct)."""
        return sorted({self.claims[c].lang for c in k.claims if c in self.claims})

    def review_state(self, k: Conflict) -> str:
        """``accepted``, ``dismissed`` or ``open``."""
        return k.review or "open"

    def reviews_touching(self, claim_id: str, group_id: str | None = None) -> list[Review]:
        """Reviews recorded on the claim's group (``group_id``, looked up if not given) or on any
        conflict naming the claim."""
        targets = [group_id or self.group_of.get(claim_id, "")] + self.conflicts_of.get(claim_id, [])
        return [self.reviews[t] for t in targets if t in self.reviews]


def measure_label(g: Group | None) -> str:
    """What a group measures, with the scope cues that tell it apart: ``listeners (relaunch, at 18:21)``."""
    if g is None:
        return "unknown quantity"
    name = (g.measure or "unknown quantity").replace("_", " ")
    sc = g.scope
    extras = [x for x in (
        sc.subevent,
        sc.aggregate,
        sc.period.replace("_", " ") if sc.period else None,
        f"at {sc.moment}" if sc.moment else None,
        "other subject" if sc.subject == "other" else None,
    ) if x]
    return name + (f" ({', '.join(extras)})" if extras else "")


def split_evidence(c: Claim) -> tuple[str, str, str]:
    """The claim's sentence cut around the claim's words: (before, figure, after).

    When the offsets do not fall inside the sentence the whole sentence is ``before`` and the
    figure is empty, so renderers still quote the sentence without marking a wrong span.
    """
    s = c.sentence
    a, b = c.start - c.sentence_start, c.end - c.sentence_start
    if 0 <= a < b <= len(s):
        return s[:a], s[a:b], s[b:]
    return s, "", ""


def article_label(a: Article | None, article_id: str) -> str:
    """``id`` plus outlet when one is known: how prose names an article."""
    if a is not None and a.outlet:
        return f"{a.outlet} ({article_id})"
    return article_id


# --- the desk's view: one answer per quantity ------------------------------------------------------------

#: Hedges that state a bound rather than a figure: "more than 500,000" is met by 600,000.
BOUNDS = ("more_than", "at_least", "up_to", "less_than", "nearly")
_HEDGE_WORDS = {"about": "about", "nearly": "nearly", "more_than": "more than", "at_least": "at least",
                "up_to": "up to", "less_than": "less than", "only": "only"}
_CURRENCY = {"USD": "$", "EUR": "€", "GBP": "£"}
#: Words that refer back to people named earlier ("The duo added", Polish "Para dodała": the pair);
#: a source made of them and articles names nobody a reader could look up.
_ANAPHORA = frozenset("""
    duo pair couple trio both two three they them he she it we who this that these those
    men women man woman group pareja dúo ambos ambas dos ellos ellas él ella
    para duet trójka dwójka obaj oboje obydwaj obie oni one on ona ono
""".split())
_ARTICLES = frozenset("the a an el la los las un una".split())


def source_name(attribution: Attribution) -> str | None:
    """The attribution's source when it names one: ``"The Verge"``, ``"Sacks"``, ``"police"``;
    None for words that only point back at someone ("The duo", "Para" = the pair, "they")."""
    src = " ".join((attribution.source or "").split())
    if not src or len(src) > 60:
        return None
    words = [w.strip(".,;:'’\"") for w in src.split()]
    content = [w for w in words if w.lower() not in _ARTICLES]
    if not content or all(w.lower() in _ANAPHORA for w in content):
        return None
    return src


def attribution_phrase(c: Claim) -> str:
    """How a reader is told whose figure it is: ``citing The Verge``, ``in a quote from Sacks``, or ``""``."""
    src = source_name(c.attribution)
    if c.attribution.quoted:
        return f"in a quote from {src}" if src else "in a quote"
    if src and c.attribution.cue:
        return f"citing {src}"
    return ""


def human_number(v: float) -> str:
    """600000 -> ``600,000``; 140e6 -> ``140 million``; 2.6e6 -> ``2.6 million``; 0.5 -> ``0.5``."""
    for scale, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale and abs(v / scale - round(v / scale, 2)) < 1e-9:
            return f"{v / scale:,.2f}".rstrip("0").rstrip(".") + f" {name}"
    if abs(v - round(v)) < 1e-9:
        return f"{int(round(v)):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def human_duration(seconds: float) -> str:
    """3600 -> ``1 hour``; 1800 -> ``30 minutes``; 5400 -> ``1.5 hours``."""
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            q = seconds / size
            text = f"{q:.2f}".rstrip("0").rstrip(".")
            return f"{text} {unit}{'' if q == 1 else 's'}"
    return f"{seconds:g} seconds"


def amount(kind: str, unit: str | None, v: float) -> str:
    """A number in its unit, for prose: ``75%``, ``$44 billion``, ``1 hour``, ``600,000``."""
    if kind == "percent":
        return f"{human_number(v)}%"
    if kind == "duration":
        return human_duration(v)
    if kind == "money" and unit:
        sign = _CURRENCY.get(unit)
        return f"{sign}{human_number(v)}" if sign else f"{human_number(v)} {unit}"
    if kind == "temperature":
        return f"{human_number(v)}°"
    return human_number(v)


def figure_phrase(c: Claim) -> str:
    """The figure a claim states, in English and without its noun: ``about 500,000``, ``more than
    140 million``, ``75%``, ``20–30``. Times, dates and vague amounts keep their gloss."""
    if c.kind in ("time", "date") or c.qualifier == "vague" or not isinstance(c.value, (int, float)):
        text = c.gloss or c.text
        return text
    if c.qualifier == "range" and c.low is not None and c.high is not None:
        return f"{amount(c.kind, c.unit, c.low)}–{amount(c.kind, c.unit, c.high)}"
    hedge = _HEDGE_WORDS.get(c.qualifier, "")
    return (hedge + " " if hedge else "") + amount(c.kind, c.unit, float(c.value))


def quantity_name(g: Group | None) -> str:
    """What a quantity is, for a reader: its label when the match stage gave one, else its measure,
    with the scope cues that tell it apart (``listeners (relaunch)``)."""
    if g is None:
        return "unknown quantity"
    if not g.label:
        return measure_label(g)
    extras = measure_label(g)[len((g.measure or "unknown quantity").replace("_", " ")):]
    return g.label + extras


def match_phrase(g: Group) -> str:
    """``matched by: inferred from context (confidence 0.72): evidence; evidence`` or ``""``."""
    m = g.match
    if m is None:
        return ""
    how = {"canonical": "the same canonical term", "same_word": "the same word",
           "inferred": "inferred from context"}.get(m.basis, m.basis)
    text = f"matched by: {how} (confidence {m.confidence:.2f})"
    if m.evidence:
        text += ": " + "; ".join(m.evidence)
    return text


#: articles a summary table names per figure (the evidence names them all)
TABLE_ARTICLES = 3


@dataclass(slots=True)
class Position:
    """One stated figure of a quantity: its claims that word it alike (value, hedge, bounds), with
    the independent articles behind it. ``claims`` keeps the first few; ``n_claims`` counts all."""

    label: str
    kind: str
    unit: str | None
    value: float | str | None
    qualifier: str
    low: float  # the interval the comparison uses (reconcile's ``interval``): -inf / inf when open
    high: float
    claims: list[Claim] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # independent articles, first seen first
    languages: list[str] = field(default_factory=list)
    n_claims: int = 0
    hard: bool = False  # in a pair that cannot both be right

    @property
    def comparable(self) -> bool:
        return self.qualifier != "vague" and isinstance(self.value, (int, float))

    def by_article(self) -> dict[str, Claim]:
        """Each article's claim of this figure to show: one that names its source, if it has one."""
        first: dict[str, Claim] = {}
        for c in self.claims:
            if c.article not in first or (not attribution_phrase(first[c.article]) and attribution_phrase(c)):
                first[c.article] = c
        return first

    def named(self, limit: int = TABLE_ARTICLES) -> tuple[list[tuple[str, Claim | None]], int]:
        """The articles a summary names for this figure (at most ``limit``), each with the claim it
        shows, and how many more say it."""
        first = self.by_article()
        return [(aid, first.get(aid)) for aid in self.articles[:limit]], max(0, len(self.articles) - limit)


#: claims quoted per position
KEEP_CLAIMS = 6


@dataclass(slots=True)
class Dispute:
    """A quantity in dispute: its stated figures and which of them disagree, and how."""

    group: Group
    name: str
    positions: list[Position]
    conflicts: list[Conflict]  # in the report's display order
    state: str  # open | accepted | dismissed | reviewed (decisions differ)
    severity: str  # hard | soft: the worst of the pairs shown
    hard: list[tuple[Position, Position]] = field(default_factory=list)
    soft: list[tuple[Position, Position]] = field(default_factory=list)  # both hedged or rounded, overlapping
    rates: list[tuple[Position, Position]] = field(default_factory=list)  # two currencies, further apart than a conversion explains
    bound: list[tuple[Position, Position]] = field(default_factory=list)  # (bound, figure it allows)
    opposite: list[tuple[Position, Position]] = field(default_factory=list)  # "nearly 8" and "more than 8"

    @property
    def inferred(self) -> bool:
        return self.group.match is not None and self.group.match.basis == "inferred"

    @property
    def likelihood(self) -> float | None:
        """How likely its likeliest flag still open is right (``reconcile.likelihood``; of all
        its flags once every one is reviewed), None when none says."""
        ks = [k for k in self.conflicts if k.review is None] or self.conflicts
        return max((k.likelihood for k in ks if k.likelihood is not None), default=None)

    def named(self) -> list[Position]:
        """The figures a pair it shows names, in value order: who says what in its summary row."""
        shown = {id(x) for pairs in (self.hard, self.soft, self.bound, self.rates, self.opposite) for pair in pairs for x in pair}
        return [p for p in self.positions if id(p) in shown]

    def verdict(self) -> list[tuple[str, str]]:
        """(severity, sentence) for each kind of disagreement, hard first."""
        out = []
        if self.hard:
            out.append(("hard", _pairs_text(self.hard, " vs ") + ": cannot both be right"))
        if self.soft:
            hedged = all(x.qualifier not in ("exact", "only") or y.qualifier not in ("exact", "only") for x, y in self.soft)
            out.append(("soft", _pairs_text(self.soft, " vs ") + (": the hedges leave room for both" if hedged else
                                                                  ": their hedges or rounding leave room for both")))
        if self.opposite:
            out.append(("soft", _pairs_text(self.opposite, " vs ") + ": one says short of the figure, the other past it"))
        if self.rates:
            out.append(("soft", _pairs_text(self.rates, " vs ") + ": in two currencies, further apart than a conversion explains"))
        if self.bound:
            out.append(("soft", _pairs_text(self.bound, " allows ") + ": both can be right, the stated figures differ"))
        return out


def _pairs_text(pairs: list[tuple[Position, Position]], joiner: str) -> str:
    """``600,000 vs 500,000, about 500,000; ...``: pairs gathered by their left side, in order."""
    left: dict[str, list[str]] = {}
    for a, b in pairs:
        left.setdefault(a.label, [])
        if b.label not in left[a.label]:
            left[a.label].append(b.label)
    return "; ".join(f"{a}{joiner}{', '.join(bs)}" for a, bs in left.items())


def _position_key(c: Claim) -> tuple[Any, ...]:
    from ..records import tidy_number

    # a range's two ends are one position, its bounds ("20°–25°"), not two
    value = None if c.qualifier == "range" else (tidy_number(c.value) if isinstance(c.value, float) else c.value)
    return (c.kind, value, c.unit, c.qualifier, tidy_number(c.low), tidy_number(c.high), c.zone, c.date)


def positions_of(v: ReportView, g: Group) -> dict[tuple[Any, ...], Position]:
    """A group's stated figures by wording key (``_position_key``), in the group's claim order."""
    from ..reconcile.intervals import interval

    positions: dict[tuple[Any, ...], Position] = {}
    source = {a.id: a.duplicate_of or a.id for a in v.report.articles}
    seen_sources: dict[tuple[Any, ...], set[str]] = {}
    for c in v.claims.many(g.claims):
        key = _position_key(c)
        p = positions.get(key)
        if p is None:
            iv = interval(c)
            low, high = (iv.low, iv.high) if iv is not None else (math.inf, -math.inf)
            p = positions[key] = Position(figure_phrase(c), c.kind, c.unit, c.value, c.qualifier, low, high)
            seen_sources[key] = set()
        else:
            iv = interval(c)  # the same wording, another rounding ("half a million", "500,000"): the widest
            if iv is not None:
                p.low, p.high = min(p.low, iv.low), max(p.high, iv.high)
        p.n_claims += 1
        if len(p.claims) < KEEP_CLAIMS:
            p.claims.append(c)
        s = source.get(c.article, c.article)
        if s not in seen_sources[key]:
            seen_sources[key].add(s)
            p.articles.append(c.article)
        if c.lang not in p.languages:
            p.languages.append(c.lang)
    return positions


def _dispute(v: ReportView, g: Group, conflicts: list[Conflict]) -> Dispute:
    positions = positions_of(v, g)
    of_claim = {}
    for k in conflicts:
        for cid in k.claims:
            c = v.claims.get(cid)
            if c is not None:
                of_claim[cid] = positions.get(_position_key(c))
    decided = {k.review for k in conflicts}
    if g.review:
        state = g.review
    elif None in decided:
        state = "open"
    else:
        state = decided.pop() if len(decided) == 1 else "reviewed"
    shown = [k for k in conflicts if k.review is None] if state == "open" else conflicts
    d = Dispute(g, quantity_name(g), sorted(positions.values(), key=_position_order), conflicts, state,
                "hard" if any(k.severity == "hard" for k in shown) else "soft")
    for k in shown:
        a, b = (of_claim.get(cid) for cid in k.claims)
        if a is None or b is None or a is b:
            continue
        if k.severity == "hard":
            a.hard = b.hard = True
            pair, into = _lead(d.hard, a, b), d.hard
        elif a.kind == "money" and a.unit != b.unit:
            # (before the bounds: a bound in one currency says nothing of a figure in another)
            pair, into = _lead(d.rates, a, b), d.rates
        elif opposite_bounds(a, b):
            pair, into = (a, b) if a.qualifier == "nearly" else (b, a), d.opposite
        elif a.qualifier in BOUNDS and isinstance(b.value, (int, float)) and a.low <= float(b.value) <= a.high:
            pair, into = (a, b), d.bound
        elif b.qualifier in BOUNDS and isinstance(a.value, (int, float)) and b.low <= float(a.value) <= b.high:
            pair, into = (b, a), d.bound
        else:
            pair, into = _lead(d.soft, a, b), d.soft
        if pair not in into and (pair[1], pair[0]) not in into:
            into.append(pair)
    return d


def _lead(pairs: list[tuple[Position, Position]], a: Position, b: Position) -> tuple[Position, Position]:
    """The pair (a, b) or (b, a): the side already leading pairs leads this one ("600,000 vs 500,000,
    about 500,000" rather than two sentences)."""
    lead_a = sum(1 for x in pairs if x[0] is a)
    lead_b = sum(1 for x in pairs if x[0] is b)
    return (b, a) if lead_b > lead_a else (a, b)


def _position_order(p: Position) -> tuple[Any, ...]:
    v = p.value
    return (not p.comparable, str(v) if isinstance(v, str) else float(v) if v is not None else 0.0, p.label)


def disputes(v: ReportView) -> list[Dispute]:
    """The quantities in dispute, open first, each in the order of its first discrepancy (hard
    before soft, higher scores first); then those reviewed, in the same order."""
    per: dict[str, list[Conflict]] = {}
    for k in v.conflicts():
        if k.group in v.groups:
            per.setdefault(k.group, []).append(k)
    out = [_dispute(v, v.groups[gid], ks) for gid, ks in per.items()]
    order = {d.group.id: i for i, d in enumerate(out)}
    rank = {"open": 0}
    return sorted(out, key=lambda d: (rank.get(d.state, 1), SEVERITY_RANK.get(d.severity, 9) if d.state == "open" else 0,
                                      order[d.group.id]))


def open_state(d: Dispute) -> str:
    """``open``, or ``open; 1 pair dismissed`` when some of an open quantity's pairs are decided."""
    decided = [k.review for k in d.conflicts if k.review]
    if d.state != "open" or not decided:
        return d.state
    counts = {s: decided.count(s) for s in dict.fromkeys(decided)}
    return "open; " + ", ".join(f"{n} pair{'s' if n != 1 else ''} {s}" for s, n in counts.items())


def pair_kind(v: ReportView, k: Conflict) -> str:
    """``hard``; ``opposite``: "nearly 8" against "more than 8"; ``bound``: a bound ("more than
    500,000") that the other figure meets; or ``hedged``: two hedged figures whose intervals overlap."""
    if k.severity == "hard":
        return "hard"
    from ..reconcile.intervals import interval

    a, b = (v.claims.get(cid) for cid in k.claims)
    if a is None or b is None:
        return "hedged"
    if opposite_bounds(a, b):
        return "opposite"
    for x, y in ((a, b), (b, a)):
        iv = interval(x)
        if x.qualifier in BOUNDS and iv is not None and isinstance(y.value, (int, float)) and iv.low <= float(y.value) <= iv.high:
            return "bound"
    return "hedged"
