"""Reconcile: all claims of a run -> groups of one quantity, verdicts, conflicts, corroboration.

Knows nothing about files or formats; a pure function of its input, so the same claims in any
order give the same report.

- A group is claims of one kind and canonical measure, at one moment, with the same aggregate
  (total vs a count at a moment), period (last year), sub-event (the relaunch) and subject.
  Claims whose measure is unknown are never grouped: a number is only a contradiction once both
  numbers are known to describe the same thing.
- Moments of one count (as of 6:37 p.m., as of 7 p.m.) are separate groups sharing a ``series``
  id: a timeline, never a conflict. A figure anchored to a clock time is not compared with one
  that is not.
- Only claims from different independent articles are compared (duplicates count once).

Scale (a newsroom feed gives a quantity thousands of claims): every pair of figures of a group
is judged once per distinct wording of each figure (value, unit, bounds, hedge, zone, date),
never once per pair of claims, so many claims of the same few figures cost no more than a few.
The conflicts listed are capped, the figures never are: at most ``PAIRS_PER_FIGURES`` claim
pairs for any two figures (the first by article id and position), and at most
``CONFLICTS_PER_GROUP`` per group (the highest scores, then by id). Every claim and article
behind each figure stays in ``Group.figures``, so a capped list hides no figure, only the
repetition of one disagreement between more pairs of outlets. Pairs of figures are judged best
first and only until no pair left could enter the list (``_figure_pairs``), so a group of
thousands of figures (a running tally) costs about what its listed conflicts cost.

Memory: a group is judged from its ``Member``s, the few fields of each claim that grouping and
``verdict`` read, with one shared ``Wording`` per distinct wording; whole claims are read back
only for the first claim of a group (its scope) and for the conflicts listed (their reasons).
``reconcile`` takes claims in memory; ``reconcile_groups`` takes groups one at a time, as a run's
claim store (``claimrecon.store``) reads them from disk, so only one group is in memory at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import marshal
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..records import TIME_HEDGE_WORDS, Article, Claim, Conflict, Figure, Group, Match, Review, Scope, clock, local_offset, offset_text
from .intervals import OPEN_TIMES, ROUGH_YEARS, gap_between, interval, opposite_bounds, relative_gap, same_value, times_apart, verdict
from .likelihood import features, likelihood, published_at
from .review import apply_reviews

__all__ = ["reconcile", "reconcile_groups", "apply_reviews", "group_id", "Member", "Wording", "Info",
           "PAIRS_PER_FIGURES", "CONFLICTS_PER_GROUP", "PAIRS_JUDGED_PER_GROUP"]

#: conflicting claim pairs listed for any two figures of one group (see the module doc)
PAIRS_PER_FIGURES = 10
#: conflicts listed per group, highest scores first (see the module doc)
CONFLICTS_PER_GROUP = 200
#: figure pairs a group's pair search judges at most (see ``_figure_pairs``)
PAIRS_JUDGED_PER_GROUP = 100_000


def _hid(prefix: str, *parts: str) -> str:
    return prefix + hashlib.blake2b("\x1f".join(parts).encode(), digest_size=6).hexdigest()


def group_id(key: tuple[str, ...]) -> str:
    """The stable id of the group of ``key`` (``group_key``)."""
    return _hid("g-", *key)


def _figure_key(c: Claim | Wording) -> str:
    if c.value is None:  # a vague amount is its bounds: "hundreds" is not "hundreds of thousands"
        return f"~{c.low:.6g}-{c.high:.6g}" if c.low is not None and c.high is not None else "~"
    if isinstance(c.value, float):
        # money keeps its currency: 74 million pounds and 74 million euros are two figures
        return f"{c.value:.6g} {c.unit}" if c.kind == "money" else f"{c.value:.6g}"
    return str(c.value)


_BOUNDS = ("more_than", "at_least", "up_to", "less_than")


class Wording:
    """What grouping and ``verdict`` read from a claim (``verdict`` takes it for a claim), shared
    by the claims of a group that word a figure exactly alike."""

    __slots__ = ("kind", "value", "unit", "low", "high", "qualifier", "precision", "zone", "date", "key", "figure", "other")

    def __init__(self, kind: str, value: float | str | None, unit: str | None, low: float | None, high: float | None,
                 qualifier: str, precision: float, zone: str | None, date: str | None) -> None:
        self.kind, self.value, self.unit, self.low, self.high = kind, value, unit, low, high
        self.qualifier, self.precision, self.zone, self.date = qualifier, precision, zone, date
        # everything verdict reads but the kind (one per group): equal keys get equal verdicts
        self.key = (value, unit, low, high, qualifier, precision, zone, date)
        self.figure = _figure_key(self)
        self.other: Wording | None = None  # an implied clock time's second reading (``_on_clock``)

    @staticmethod
    def fields(c: Claim) -> tuple[Any, ...]:
        """The arguments of a claim's Wording."""
        return (c.kind, c.value, c.unit, c.low, c.high, c.qualifier, c.precision, c.zone, c.date)


class Member:
    """One claim of a group as reconcile holds it; ``ref`` leads back to the whole claim."""

    __slots__ = ("article", "start", "end", "id", "lang", "w", "ref")

    def __init__(self, article: str, start: int, end: int, id: str, lang: str, w: Wording, ref: Any) -> None:
        self.article, self.start, self.end, self.id, self.lang, self.w, self.ref = article, start, end, id, lang, w, ref


class Wordings:
    """One ``Wording`` per exact wording (the marshalled fields: 1 and 1.0 stay apart)."""

    def __init__(self) -> None:
        self.known: dict[bytes, Wording] = {}

    def get(self, packed: bytes) -> Wording:
        w = self.known.get(packed)
        if w is None:
            w = self.known[packed] = Wording(*marshal.loads(packed))
        return w

    def of(self, c: Claim) -> Wording:
        return self.get(marshal.dumps(Wording.fields(c)))


def _figure_pairs(
    fig_keys: list[str], by_fig: dict[str, list[Member]], src: dict[str, str], support: dict[str, int],
    rates: dict[tuple[str, str], float] | None = None, rough: dict[str, bool] | None = None, witnessed: bool = False,
) -> list[tuple[float, Member, Member, str]]:
    """(score, first claim, second claim, severity) of the conflicting claim pairs of one group,
    at most ``PAIRS_PER_FIGURES`` for any two figures and ``CONFLICTS_PER_GROUP`` in all.

    Pairs of figures are judged best first (``_PairSearch``): the search stops as soon as no pair
    left could score as high as the last conflict it would keep, so a group of thousands of
    figures costs about what its listed conflicts cost, not the square of its figures. The list
    is the one judging every pair gives (tested against that), unless a group needs more than
    ``PAIRS_JUDGED_PER_GROUP`` pairs judged: then it is the best of the pairs judged by then.
    ``rates``: the run's rates between the group's currencies; ``rough``: article id -> whether it
    is of the years the rough rates stand for (``verdict``: a pair of two such articles only);
    ``witnessed``: whether an article restated the clock the group's implied times were read on
    (``_clock_pairs``)."""
    if len({src.get(m.article, m.article) for fk in fig_keys for m in by_fig[fk]}) < 2:
        return []  # one source (or copies of one story) says every figure: nothing to compare
    return _top(_PairSearch(fig_keys, by_fig, src, support, rates, rough).run() + _opposite_pairs(fig_keys, by_fig, src, support)
                + (_clock_pairs(fig_keys, by_fig, src, support) if witnessed else []))


def _clock_pairs(fig_keys: list[str], by_fig: dict[str, list[Member]], src: dict[str, str],
                 support: dict[str, int]) -> list[tuple[float, Member, Member, str]]:
    """The conflicts inside one clock figure: a clock time written alike in two articles and
    read at two offsets ("6.40am UK time" against a Warsaw outlet's implied "godz. 6.40"), which
    the pair search, walking distinct figures, never judges. Only when an article restated the
    clock the implied times were read on ("6.40am local time (0540 GMT)"): one figure written
    alike is most often one local time, and a clock the run only guessed from a country it names
    ("Polish workers" on the M6, Tenerife in Spain) would blame every outlet that wrote it (a
    red-team review's cases). Not a figure written with its offset ("17:00+02:00"): it is one
    instant in every claim that writes it, whatever clock a claim is then read on. Each two
    wordings are judged once; at most ``PAIRS_PER_FIGURES`` claim pairs per figure, the first by
    article id and position. (Measured on the forty-eight gated sets: 7 more conflicts found, no
    false flag more; with figures written at an offset too, 1 more false flag.)"""
    out: list[tuple[float, Member, Member, str]] = []
    for fk in fig_keys:
        if by_fig[fk][0].w.kind != "time" or _OFFSET.search(fk):
            continue
        worded: dict[tuple[object, ...], list[Member]] = defaultdict(list)
        for m in by_fig[fk]:
            worded[m.w.key].append(m)
        if len(worded) < 2:
            continue
        base = 0.05 * min(2 * support[fk], 10)
        found: list[tuple[float, Member, Member, str]] = []
        for ka, kb in itertools.combinations(sorted(worded, key=repr), 2):
            v = verdict(worded[ka][0].w, worded[kb][0].w)  # type: ignore[arg-type]
            if v is None or v == "agree":
                continue
            pairs = ((a, b) for a in worded[ka] for b in worded[kb] if src.get(a.article, a.article) != src.get(b.article, b.article))
            for a, b in itertools.islice(pairs, PAIRS_PER_FIGURES):  # (members come in article order)
                x, y = (a, b) if (a.article, a.start) <= (b.article, b.start) else (b, a)
                found.append((round(_score(v, x, y, base), 4), x, y, v))
        found.sort(key=lambda t: (t[1].article, t[1].start, t[1].id, t[2].article, t[2].start, t[2].id))
        out += found[:PAIRS_PER_FIGURES]
    return out


def _opposite_pairs(fig_keys: list[str], by_fig: dict[str, list[Member]], src: dict[str, str],
                    support: dict[str, int]) -> list[tuple[float, Member, Member, str]]:
    """The soft conflicts inside one figure: "nearly 8 hours" against "more than 8 hours" of
    another source (``intervals.opposite_bounds``), at most ``PAIRS_PER_FIGURES`` per figure, the
    first by article id and position. Only a figure that has both sides is walked, and only its
    claims of those sides (a running tally's thousands of plain figures cost nothing)."""
    out: list[tuple[float, Member, Member, str]] = []
    for fk in fig_keys:
        sides = [m for m in by_fig[fk] if m.w.qualifier in _OPPOSITE]
        if not any(m.w.qualifier == "nearly" for m in sides) or all(m.w.qualifier == "nearly" for m in sides):
            continue
        sides.sort(key=lambda m: (m.article, m.start, m.id))
        base = 0.05 * min(2 * support[fk], 10)
        found = 0
        for i, x in enumerate(sides):
            for y in sides[i + 1:]:
                if found >= PAIRS_PER_FIGURES:
                    break
                if src.get(x.article, x.article) != src.get(y.article, y.article) and opposite_bounds(x.w, y.w):
                    out.append((round(_score("soft", x, y, base), 4), x, y, "soft"))
                    found += 1
    return out


#: the hedges ``intervals.opposite_bounds`` reads
_OPPOSITE = frozenset({"nearly", "more_than", "at_least"})


def _top(out: list[tuple[float, Member, Member, str]]) -> list[tuple[float, Member, Member, str]]:
    """The ``CONFLICTS_PER_GROUP`` highest scores; among equal scores at the cut, the lowest conflict ids."""
    if len(out) > CONFLICTS_PER_GROUP:
        out = sorted(out, key=lambda t: -t[0])
        cut = out[CONFLICTS_PER_GROUP - 1][0]
        head = [t for t in out if t[0] > cut]
        tied = sorted((t for t in out if t[0] == cut), key=lambda t: _hid("k-", t[1].id, t[2].id))
        out = head + tied[: CONFLICTS_PER_GROUP - len(head)]
    return out


def _score(v: str, x: Member, y: Member, base: float) -> float:
    """How high a conflicting claim pair is listed: hard first; then two differing point figures
    before a bound the other figure meets; then the relative gap; then the sources behind both."""
    points = 0.3 if x.w.qualifier not in _BOUNDS and y.w.qualifier not in _BOUNDS else 0.0
    return (1.0 if v == "hard" else 0.0) + points + 0.5 * min(relative_gap(x.w, y.w), 1.0) + base  # type: ignore[arg-type]


class _Figure:
    """One figure of a group as the pair search reads it: its claims (with their wording key and
    source), its distinct wordings (with their sources), and what bounds its pairs' scores."""

    __slots__ = ("key", "rows", "wordings", "lo", "hi", "loose", "gtype", "rep", "dev", "support")

    def __init__(self, key: str, members: list[Member], src: dict[str, str], support: int, mixed: bool = False) -> None:
        self.key = key
        self.rows = [(m, m.w.key, src.get(m.article, m.article)) for m in members]
        seen: dict[tuple[object, ...], tuple[Wording, set[str]]] = {}
        for m, w, s in self.rows:
            if w in seen:
                seen[w][1].add(s)
            else:
                seen[w] = (m.w, {s})
        self.wordings = [(w, c, ss) for w, (c, ss) in seen.items()]
        self.support = support
        ws = [c for c, _ in seen.values()]
        # lo: the highest low end, hi: the lowest high end of its wordings' intervals; a pair
        # can only be hard when one figure's hi lies below the other's lo
        self.lo, self.hi = -math.inf, math.inf
        if ws[0].kind in ("time", "date") or mixed:
            # no interval (or amounts of several currencies, whose raw intervals say nothing of
            # a pair judged at a rate): any pair may be hard
            self.lo, self.hi = math.inf, -math.inf
        else:
            for c in ws:
                iv = interval(c) if c.qualifier != "vague" else None  # type: ignore[arg-type]
                if iv is None:
                    continue
                if math.isnan(iv.low) or math.isnan(iv.high):
                    self.lo, self.hi = math.inf, -math.inf
                    break
                self.lo, self.hi = max(self.lo, iv.low), min(self.hi, iv.high)
        # one point figure (not a bound) is needed on each side for a pair's 0.3
        self.loose = any(c.qualifier not in _BOUNDS for c in ws)
        # the relative gap of its pairs: "num" (a finite number: bounded from ``rep``, all its
        # values within ``dev`` of it), "zero" (no number: the gap is 0) or "one" (unknown: 1)
        values = [c.value for c in ws]
        self.rep: float = 0.0
        self.dev = 0.0
        if mixed:
            self.gtype = "one"  # a gap across currencies is not the raw values' gap: unknown
        elif all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in values):
            self.rep = float(values[0])  # type: ignore[arg-type]
            scale = max(abs(self.rep), 1e-300)
            self.dev = max(abs(float(v) - self.rep) for v in values) / scale  # type: ignore[arg-type]
            self.gtype = "num" if self.dev <= 1e-4 else "one"
        elif all(not _floatable(v) for v in values):
            self.gtype = "zero"
        else:
            self.gtype = "one"


def _floatable(v: object) -> bool:
    try:
        float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return False
    return True


class _MinMax:
    """Range minimum of ``his`` and range maximum of ``los`` over positions, in O(log n) each."""

    def __init__(self, los: list[float], his: list[float]) -> None:
        from array import array

        n = self.n = max(1, len(los))
        self.mx = array("d", [-math.inf]) * (2 * n)
        self.mn = array("d", [math.inf]) * (2 * n)
        for i, (lo, hi) in enumerate(zip(los, his)):
            self.mx[n + i], self.mn[n + i] = lo, hi
        for i in range(n - 1, 0, -1):
            self.mx[i] = max(self.mx[2 * i], self.mx[2 * i + 1])
            self.mn[i] = min(self.mn[2 * i], self.mn[2 * i + 1])

    def hard_possible(self, i: int, j: int, lo: float, hi: float) -> bool:
        """Whether a figure in positions ``i..j`` could be hard against one of (lo, hi)."""
        mx, mn = -math.inf, math.inf
        i += self.n
        j += self.n + 1
        while i < j:
            if i & 1:
                mx, mn = max(mx, self.mx[i]), min(mn, self.mn[i])
                i += 1
            if j & 1:
                j -= 1
                mx, mn = max(mx, self.mx[j]), min(mn, self.mn[j])
            i >>= 1
            j >>= 1
        return mn < lo or mx > hi


class _PairSearch:
    """The conflicting claim pairs of a group's best-scoring figure pairs, judged best first.

    The figures are split into classes by what bounds a pair's score (points or bounds only,
    support, kind of gap); each class is sorted by value. For a figure A, the other figures of a
    class are walked from both ends of that order towards A's value, so the relative gap only
    shrinks along a walk; a walk's bound is its next pair's gap plus the most its class can add,
    plus 1 while a figure left on the walk could be hard against A (a range query over the
    figures' interval ends). One heap orders every walk by its bound; the search stops when the
    best bound left is below the ``CONFLICTS_PER_GROUP``-th score kept, when no walk is left, or
    after ``PAIRS_JUDGED_PER_GROUP`` figure pairs.
    """

    def __init__(self, fig_keys: list[str], by_fig: dict[str, list[Member]], src: dict[str, str], support: dict[str, int],
                 rates: dict[tuple[str, str], float] | None = None, rough: dict[str, bool] | None = None) -> None:
        self.rates, self.rough = rates, rough or {}
        # amounts of several currencies in one group: the search's bounds, read from raw values,
        # would prune pairs that are hard at a rate
        mixed = len({m.w.unit for fk in fig_keys for m in by_fig[fk] if m.w.kind == "money"}) > 1
        self.figs = [_Figure(fk, by_fig[fk], src, support[fk], mixed) for fk in fig_keys]  # index order = key order
        # the figures an article of the rough rates' years states (looked up once, not per pair)
        self.dated = {id(f) for f in self.figs if any(self.rough.get(m.article) for m, _, _ in f.rows)}
        self.slack = 4 * max((f.dev for f in self.figs if f.gtype == "num"), default=0.0) + 1e-9
        classes: dict[tuple[bool, int, str], list[int]] = defaultdict(list)
        for i, f in enumerate(self.figs):
            classes[(f.loose, min(f.support, 10), f.gtype)].append(i)
        self.classes = []
        for (loose, sup, gtype), members in sorted(classes.items()):
            if gtype == "num":
                members.sort(key=lambda i: (self.figs[i].rep, i))
            tree = _MinMax([self.figs[i].lo for i in members], [self.figs[i].hi for i in members])
            self.classes.append((loose, sup, gtype, members, [self.figs[i].rep for i in members], tree))

    def _gap(self, a: _Figure, b: _Figure) -> float:
        """A bound of 0.5 times the capped relative gap of any claim pair of the two figures."""
        if a.gtype == "one" or b.gtype == "one":
            return 0.5
        if a.gtype == "zero" or b.gtype == "zero":
            return 0.0
        m = max(abs(a.rep), abs(b.rep))
        g = abs(a.rep - b.rep) / m if m else 0.0
        return 0.5 * (min(g, 1.0) + self.slack)

    def _bound(self, a: int, c: int, pos: int, end: int) -> float:
        """The bound of A's walk over class ``c`` at ``pos``, with ``end`` the other end of what is left."""
        loose, sup, _, members, _, tree = self.classes[c]
        fa, fb = self.figs[a], self.figs[members[pos]]
        hard = 1.0 if tree.hard_possible(min(pos, end), max(pos, end), fa.lo, fa.hi) else 0.0
        points = 0.3 if loose and fa.loose else 0.0
        return hard + points + self._gap(fa, fb) + 0.05 * min(fa.support + sup, 10)

    @property
    def judged(self) -> int:
        """Figure pairs judged by the last ``run``."""
        return len(self.judged_pairs)

    def run(self) -> list[tuple[float, Member, Member, str]]:
        import bisect
        import heapq

        heap: list[tuple[float, int, int, int, int, int]] = []  # (-bound, a, class, pos, step, end)
        for a, fa in enumerate(self.figs):
            for c, (_, _, gtype, members, reps, _) in enumerate(self.classes):
                n = len(members)
                if gtype == "num" and fa.gtype == "num":
                    # two walks from the ends of the value order towards A's value
                    mid = bisect.bisect_left(reps, fa.rep)
                    walks = [(0, 1, mid - 1), (n - 1, -1, mid)]
                else:
                    walks = [(0, 1, n - 1)]  # the gap bound is the same for the whole class
                for pos, step, end in walks:
                    if (end - pos) * step >= 0:
                        heap.append((-self._bound(a, c, pos, end), a, c, pos, step, end))
        heapq.heapify(heap)
        judged: set[int] = set()
        self.judged_pairs = judged
        found: list[tuple[float, Member, Member, str]] = []
        best: list[float] = []  # the CONFLICTS_PER_GROUP highest scores so far (a min-heap)
        n_figs = len(self.figs)
        while heap:
            neg, a, c, pos, step, end = heapq.heappop(heap)
            if len(best) >= CONFLICTS_PER_GROUP and round(-neg, 4) < best[0]:
                break  # nothing left can reach the list
            b = self.classes[c][3][pos]
            if pos != end:
                heapq.heappush(heap, (-self._bound(a, c, pos + step, end), a, c, pos + step, step, end))
            if b == a:
                continue
            i, j = (a, b) if a < b else (b, a)
            if i * n_figs + j in judged:
                continue
            if len(judged) >= PAIRS_JUDGED_PER_GROUP:
                break
            judged.add(i * n_figs + j)
            for t in self._judge(self.figs[i], self.figs[j]):
                found.append(t)
                if len(best) < CONFLICTS_PER_GROUP:
                    heapq.heappush(best, t[0])
                elif t[0] > best[0]:
                    heapq.heapreplace(best, t[0])
            if len(found) > 4 * CONFLICTS_PER_GROUP and len(best) >= CONFLICTS_PER_GROUP:
                found = [t for t in found if t[0] >= best[0]]  # the rest can never be listed
        return found

    def _judge(self, fa: _Figure, fb: _Figure) -> list[tuple[float, Member, Member, str]]:
        """The conflicting claim pairs of two figures (``fa`` first in key order): every pair of
        their wordings judged once, then at most ``PAIRS_PER_FIGURES`` claim pairs, the first by
        article id and position."""
        bad: dict[tuple[tuple[object, ...], tuple[object, ...]], str] = {}
        # ... and the pairs only the rough rates flag, for two articles of the years they stand for
        # (looked for only when each figure has such an article: a group of other years costs nothing)
        close: dict[tuple[tuple[object, ...], tuple[object, ...]], str] = {}
        rough = id(fa) in self.dated and id(fb) in self.dated
        for wa, ca, sa in fa.wordings:
            for wb, cb, sb in fb.wordings:
                if len(sa) == 1 and len(sb) == 1 and sa == sb:
                    continue  # one article (or copies of one story) says both
                v = verdict(ca, cb, self.rates)  # type: ignore[arg-type]  # a Wording has every field verdict reads
                if v is not None and v != "agree":
                    bad[(wa, wb)] = v
                elif v is None and rough and ca.unit != cb.unit:
                    v = verdict(ca, cb, self.rates, rough=True)  # type: ignore[arg-type]
                    if v is not None and v != "agree":
                        close[(wa, wb)] = v
        if not bad and not close:
            return []
        left = {wa for wa, _ in bad} | {wa for wa, _ in close}
        base = 0.05 * min(fa.support + fb.support, 10)
        out: list[tuple[float, Member, Member, str]] = []
        for a, wa, sa_ in fa.rows:
            if wa not in left:
                continue
            for b, wb, sb_ in fb.rows:
                v = bad.get((wa, wb))
                if v is None and close and self.rough.get(a.article) and self.rough.get(b.article):
                    v = close.get((wa, wb))
                if v is None or sa_ == sb_:
                    continue
                x, y = (a, b) if (a.article, a.start) <= (b.article, b.start) else (b, a)
                out.append((round(_score(v, x, y, base), 4), x, y, v))
                if len(out) >= PAIRS_PER_FIGURES:
                    return out
        return out


def _source_of(articles: dict[str, Article], article_id: str) -> str:
    a = articles.get(article_id)
    return (a.duplicate_of or a.id) if a else article_id


def _label(articles: dict[str, Article], article_id: str) -> str:
    a = articles.get(article_id)
    if a and a.outlet:
        return f"{a.outlet} ({a.id})"
    return article_id


def _says(c: Claim) -> str:
    """How a reason quotes a claim: the English gloss, the original words when not English, and
    whose words they are."""
    said = c.gloss or c.text
    if c.lang != "en":
        said += f' ("{c.text}")'
    src = c.attribution.source
    if c.attribution.quoted:
        said += f", in a quote{' from ' + src if src else ''}"
    elif src and c.attribution.cue:
        said += f", citing {src}"
    return said


def _round_ratio(x: float) -> str:
    """A ratio as a reader says it: "1,000", "30", "2.5"."""
    if x >= 100:
        k = 10 ** (len(str(int(x))) - 2)
        return f"{round(x / k) * k:,.0f}"
    return f"{x:.0f}" if x >= 10 else f"{x:.1f}"


def _rates(a: Claim, b: Claim) -> str:
    apart = times_apart(a, b) or 0.0
    if 1 <= apart < 2:
        return f"at rough exchange rates one amount is about {round((apart - 1) * 100)}% more than the other"
    return f"at rough exchange rates the two amounts are about {_round_ratio(apart)} times apart"


def _converted(a: Claim, b: Claim, rate: float) -> str:
    """What an amount comes to in another's currency at the rate the run's articles use."""
    v = float(a.value) * rate  # type: ignore[arg-type]
    return (f"at the rate the articles themselves use (1 {a.unit} = {rate:.4g} {b.unit}), {a.text!r} is about "
            f"{_money(v)} {b.unit}, {gap_between(v, float(b.value)):.0%} away from {b.text!r}")  # type: ignore[arg-type]


def _money(v: float) -> str:
    """An amount as a reader says it, to three significant digits: "21.7 million", "1.02 billion"."""
    for scale, word in ((1e9, " billion"), (1e6, " million")):
        if float(f"{v:.3g}") >= scale:
            x = float(f"{v / scale:.3g}")
            return f"{x:,.0f}{word}" if x >= 100 else f"{x:g}{word}"
    return f"{float(f'{v:.3g}'):,.0f}"


def _reason(sev: str, a: Claim, b: Claim, articles: dict[str, Article],
            rates: dict[tuple[str, str], float] | None = None) -> str:
    la, lb = _label(articles, a.article), _label(articles, b.article)
    sa, sb = _says(a), _says(b)
    rate = (rates or {}).get((a.unit or "", b.unit or "")) if a.kind == "money" and a.unit != b.unit else None
    names = TIME_HEDGE_WORDS if a.kind == "time" else {}
    hedges = sorted({names.get(q, q.replace("_", " ")) for q in (a.qualifier, b.qualifier) if q not in ("exact", "only")})
    if sev == "hard":
        tail = (f"even with '{hedges[0]}', these cannot both be right" if len(hedges) == 1 else
                f"even with '{hedges[0]}' and '{hedges[1]}', these cannot both be right" if hedges else
                "these cannot both be right")
        if a.kind == "time":
            tail = "these are different moments for the same event"
        elif a.kind == "money" and a.unit != b.unit and same_value(a, b):
            tail = "the same figure in two currencies: one of them names the wrong currency"
        elif a.kind == "money" and a.unit != b.unit and rate is not None:
            tail = _converted(a, b, rate) + ": one of them is wrong"
        elif a.kind == "money" and a.unit != b.unit:
            tail = _rates(a, b) + ": one of them has the wrong scale or currency"
    elif opposite_bounds(a, b):
        tail = "one says the quantity fell short of the figure, the other that it passed it: they cannot both be right, though they may differ by little"
    elif a.kind == "money" and a.unit != b.unit and rate is not None:
        tail = _converted(a, b, rate) + ", more than conversions at one day's rate explain"
    elif a.kind == "money" and a.unit != b.unit:
        tail = _rates(a, b) + ", more than an old rate or a rounded conversion explains: check which conversion is right"
    else:
        tail = (f"the hedge{'s' if len(hedges) > 1 else ''} {' and '.join(repr(h) for h in hedges)} leave{'' if len(hedges) > 1 else 's'} room for both, but the stated figures differ"
                if hedges else "the figures differ only within their rounding")
    return f"{la} says {sa}; {lb} says {sb}; {tail}."


#: what the match stage says of a group key: how it was matched, its name, the offset of the
#: event's local clock its implied clock times are read on ("" when unknown), the rates
#: between its currencies that the run's articles use, (from, to) -> rate (``match.conversions``),
#: and the home clocks of the outlets of its clock times whose home clock is not the event's,
#: claim id -> offset (``match.eventzone.home_clocks``)
Info = dict[tuple[str, ...], tuple["Match | None", "str | None", str, dict[tuple[str, str], float], dict[str, str], dict[str, str]]]


def reconcile(articles: Sequence[Article], claims: Iterable[Claim], reviews: Sequence[Review] = (),
              min_confidence: float | None = None) -> tuple[tuple[Group, ...], tuple[Conflict, ...]]:
    """Match claims into quantities (``claimrecon.match``) and flag the pairs that disagree."""
    from ..match import MIN_CONFIDENCE, item_of, match

    claims = list(claims)
    items = [it for it in (item_of(c) for c in claims) if it is not None]
    matching = match(items, articles, MIN_CONFIDENCE if min_confidence is None else min_confidence)
    wordings = Wordings()
    blocks: dict[tuple[str, ...], list[Member]] = defaultdict(list)
    info: Info = {}
    for q in matching.quantities:
        info[q.key] = (q.match, q.label, q.clock, q.rates, q.homes, q.offsets)
        for it in q.items:
            c = it.ref
            blocks[q.key].append(Member(c.article, c.start, c.end, c.id, c.lang, wordings.of(c), c))
    members = ((key, sorted(blocks[key], key=lambda m: (m.article, m.start, m.end))) for key in sorted(blocks))
    return reconcile_groups(articles, members, lambda m: m.ref, reviews, info=info)


IdsOf = Callable[[tuple[str, ...], "str | None", list[Member]], Sequence[str]]


def _ids(key: tuple[str, ...], figure: str | None, members: list[Member]) -> tuple[str, ...]:
    return tuple(m.id for m in members)


def reconcile_groups(
    articles: Sequence[Article],
    groups_in: Iterable[tuple[tuple[str, ...], list[Member]]],
    claim_of: Callable[[Member], Claim],
    reviews: Sequence[Review] = (),
    ids: IdsOf = _ids,
    info: Info | None = None,
) -> tuple[tuple[Group, ...], tuple[Conflict, ...]]:
    """``reconcile`` over groups given one at a time: (group key, its members ordered by article,
    start and end), in key order. ``claim_of`` gives a member's whole claim; ``ids`` the claim ids
    a group (figure None) or one of its figures keeps (default: a tuple of its members' ids);
    ``info`` what the match stage says of each group key (how it was matched, its name)."""
    arts = {a.id: a for a in articles}
    lang_of = {a.id: a.language or "" for a in articles}
    src = {a.id: a.duplicate_of or a.id for a in articles}
    groups: list[Group] = []
    conflicts: list[Conflict] = []
    rough = _rough_articles(arts)
    for key, members in groups_in:
        how, label, local, rates, homes, offsets = ((info or {}).get(key, ()) + (None, None, "", {}, {}, {}))[:6]
        local = local if key[0] == "time" else ""
        if offsets:
            members = [_in_zone(m, offsets[m.id]) if m.id in offsets else m for m in members]
        if key[0] == "time":
            members, reread = _told_alike(members, src)
            local = reread.get(local, local)  # the implied times too, when the clock they were to be read on was overruled
        # whether an article restated the clock the implied times are read on ("11:42 a.m. (1042
        # GMT)"), or two stories wrote the time in a named zone on it: not a clock guessed from a country
        witnessed = bool(local) and any(local_offset(m.w.zone) == local for m in members)
        if local:
            members = [_on_clock(m, local, homes.get(m.id, "")) for m in members]
        group, group_conflicts = _group(key, members, claim_of, ids, arts, lang_of, src, how, label, local, rates,
                                        rough if key[0] == "money" else None, witnessed)
        groups.append(group)
        conflicts.extend(group_conflicts)
    # a series is only worth showing when it has more than one moment
    series_count: dict[str, int] = defaultdict(int)
    for g in groups:
        series_count[g.series or ""] += 1
    groups = [g if series_count[g.series or ""] > 1 else dataclasses.replace(g, series=None) for g in groups]
    conflicts.sort(key=lambda k: (-k.score, k.id))
    groups.sort(key=lambda g: g.id)
    g2, k2 = apply_reviews(groups, conflicts, reviews)
    return tuple(g2), tuple(k2)


def _rough_articles(arts: dict[str, Article]) -> dict[str, bool]:
    """Article id -> whether it is dated in a year the rough exchange rates stand for
    (``intervals.ROUGH_YEARS``): by the date it prints, else its original's (a copy), else its wire
    dateline's day (or its original's) in the year the run's other articles print
    (``match.dateline_days``); an article of no known year is not."""
    from ..match import dateline_days, iso_date  # (matching reads reconcile's verdicts: imported when used)

    days = dateline_days(list(arts.values()))

    def year(a: Article) -> int | None:
        original = arts.get(a.duplicate_of) if a.duplicate_of else None
        told = (a.published, days.get(a.id)) if original is None else \
            (a.published, original.published, days.get(a.id), days.get(original.id))
        return next((d.year for d in map(iso_date, told) if d is not None), None)

    return {a.id: year(a) in ROUGH_YEARS for a in arts.values()}


def _in_zone(m: Member, offset: str) -> Member:
    """A clock time in a named zone its article gave no date for ("2.05pm UK time"), read at the
    offset its zone keeps on the run's day for it (``match._zone_offsets``); the figure stays as
    written."""
    return Member(m.article, m.start, m.end, m.id, m.lang, _read_at(m.w, offset, m.w.zone), m.ref)


#: the UTC offset at the end of a clock time's value
_OFFSET = re.compile(r"(?:Z|[+-]\d\d:\d\d)$")


def _read_at(w: Wording, offset: str, zone: str | None) -> Wording:
    """A clock time's wording read at a UTC ``offset`` (in place of any it had); the figure stays
    the one its article states: the run's store keeps the claims by it, and a report shows what
    was written."""
    read = Wording(w.kind, _OFFSET.sub("", str(w.value)) + offset, w.unit, w.low, w.high, w.qualifier, w.precision, zone, w.date)
    read.figure = w.figure
    return read


def _on_clock(m: Member, offset: str, home: str = "") -> Member:
    """A clock time whose zone its article leaves implied ("11.42"), read on the event's local
    clock at ``offset`` (``match.local_clock``: a time an article restated in a stated zone, or the
    clock of the country the run reports), so that it compares with times whose zone is stated;
    a local time its article restated at another offset ("16.42 hora local (15.42 GMT)" where the
    moment's clock is another article's, and the country's), read on that clock too, so that its
    restatement is what disagrees (measured on the thirty-three gated sets: 3 more conflicts
    found, no false flag more); any other member as it is."""
    w = m.w
    c = clock(w.value)
    if w.zone and w.zone.startswith("local") and w.zone != "local" + offset and c is not None and c[1] is not None:
        return Member(m.article, m.start, m.end, m.id, m.lang, _read_at(w, offset, "local" + offset), m.ref)
    if w.zone not in (None, "local") or c is None or c[1] is not None:
        return m
    read = _read_at(w, offset, "local" + offset)  # (only the verdict reads the clock)
    if home:
        # an outlet abroad may give it on its home clock without saying so: a second reading,
        # and a conflict only when both readings conflict (``intervals.verdict``)
        read.other = Wording(w.kind, w.value + home, w.unit, w.low, w.high, w.qualifier, w.precision, "local" + home, w.date)
        read.key = read.key + (home,)
    return Member(m.article, m.start, m.end, m.id, m.lang, read, m.ref)


#: stories (an article and its copies are one) that must write one clock time in named zones at
#: one offset for a local time written alike to be read at that offset (``_told_alike``)
CLOCK_WITNESSES = 2
#: ... when its own article's restatement puts it at most this many minutes off that offset: a
#: summer offset for a winter one, a neighbour's zone for the local one
RESTATED_SLIP = 60


def _told_alike(members: list[Member], src: dict[str, str]) -> tuple[list[Member], dict[str, str]]:
    """The members, with a local clock time its article restated in another zone ("8.27pm local
    time (1927 GMT)": UTC+01:00) read at the offset at which at least ``CLOCK_WITNESSES`` other
    stories write that clock time in a named zone ("20.27 (hora peninsular)", "20:27 CEST":
    UTC+02:00), when no other offset is so written for it, none at the local time's own offset,
    and the two offsets are at most ``RESTATED_SLIP`` minutes apart: the local time is then what
    the other stories say, and its restatement is what disagrees. A local time no article
    restated is left as it is: the witnesses may be telling the event on their readers' clock
    ("12.33 hora peninsular" of a blackout in Lisbon). Also returns the offsets so overruled, each
    with the one it gave way to."""
    clocks = [clock(m.w.value) for m in members]
    said: dict[int, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))  # written minutes -> offset -> stories
    for m, c in zip(members, clocks):
        if m.w.zone and not m.w.zone.startswith("local") and c is not None and c[1] is not None \
                and m.w.qualifier not in OPEN_TIMES:  # ("after 20:27 CEST" writes no instant)
            said[c[0]][c[1]].add(src.get(m.article, m.article))
    if not said:
        return members, {}
    out = []
    reread: dict[str, str] = {}
    for m, c in zip(members, clocks):
        if c is None or c[1] is None or not local_offset(m.w.zone) or c[1] in said.get(c[0], {}):
            out.append(m)  # (a story that writes it at its own offset keeps it there: "15.12 hora canaria")
            continue
        own = src.get(m.article, m.article)
        # the offsets other stories write this clock time at, each with enough witnesses
        sure = [o for o, stories in said.get(c[0], {}).items() if len(stories - {own}) >= CLOCK_WITNESSES]
        if len(sure) == 1 and abs(c[1] - sure[0]) <= RESTATED_SLIP:
            at = offset_text(sure[0])
            m = Member(m.article, m.start, m.end, m.id, m.lang, _read_at(m.w, at, "local" + at), m.ref)
            reread[offset_text(c[1])] = at
        out.append(m)
    return out, reread


def _group(
    key: tuple[str, ...], members: list[Member], claim_of: Callable[[Member], Claim], ids: IdsOf,
    arts: dict[str, Article], lang_of: dict[str, str], src: dict[str, str], how: Match | None = None,
    label: str | None = None, local: str = "", rates: dict[tuple[str, str], float] | None = None,
    rough: dict[str, bool] | None = None, witnessed: bool = False,
) -> tuple[Group, list[Conflict]]:
    """One group and its conflicts; ``local``: the offset its implied clock times were read on
    (``_on_clock``), "" when none; ``rates``: the run's rates between its currencies; ``rough``:
    article id -> whether it is of the years the rough rates stand for (``_rough_articles``);
    ``witnessed``: whether that clock is one an article restated (``_clock_pairs``)."""
    kind, measure = key[0], key[1] or None
    gid = group_id(key)
    series = _hid("s-", *key[:-1])
    scope = claim_of(members[0]).scope
    # figures and their independent support
    by_fig: dict[str, list[Member]] = defaultdict(list)
    for m in members:
        by_fig[m.w.figure].append(m)
    figures = []
    support: dict[str, int] = {}

    def order(k: str) -> tuple[int, float, str, str]:
        v = by_fig[k][0].w.value  # numbers by value, then clock times and other text, then none
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return (0, float(v), "", k)
        return (1, 0.0, str(v), k) if v is not None else (2, 0.0, "", k)

    for fk in sorted(by_fig, key=order):
        ms = by_fig[fk]
        srcs = sorted({src.get(m.article, m.article) for m in ms})
        langs = sorted({lang_of.get(m.article) or m.lang for m in ms})
        quals = sorted({m.w.qualifier for m in ms})
        # (a clock read on the moment's local clock keeps its figure but not its value: show what was written)
        shown = claim_of(ms[0]).value if local else ms[0].w.value
        figures.append(Figure(shown, "/".join(quals), ids(key, fk, ms), tuple(srcs), tuple(langs)))
        support[fk] = len(srcs)
    # pairs of distinct figures, then the claim pairs from different sources
    group_conflicts = []
    n_sources = len({src.get(m.article, m.article) for m in members})
    found = _figure_pairs(sorted(by_fig), by_fig, src, support, rates, rough, witnessed)
    for score, x, y, v in found:
        reason = _reason(v, claim_of(x), claim_of(y), arts, rates)
        read = [m for m in (x, y) if m.w.zone != claim_of(m).zone] if local else []  # read on the local clock
        if read:
            reason += (f" {' and '.join(repr(claim_of(m).text) for m in read)} states no zone: read on the local clock of"
                       f" this moment (UTC{local}), which a time an article restates in another zone, or else the"
                       f" country the articles report, gives.")
        conf = how.confidence if how else None
        if how is not None and how.basis == "inferred":
            reason += f" These two were matched from context, not from the same word (confidence {how.confidence:.2f}"
            reason += (": " + "; ".join(how.evidence[:3]) + ")." if how.evidence else ").")
        if conf is not None:
            score = round(score * (0.5 + 0.5 * conf), 4)  # a less certain match ranks lower
        basis = how.basis if how else None
        # how likely the flag is right, read from the shape of the group's disagreement (``likelihood``)
        likely = likelihood(features(v, kind, basis, conf, claim_of(x).value, claim_of(y).value, support[x.w.figure],
                                     support[y.w.figure], len(by_fig), n_sources, lang_of.get(x.article) or x.lang,
                                     lang_of.get(y.article) or y.lang, x.w.qualifier, y.w.qualifier, len(found),
                                     _published(arts.get(x.article), x.lang), _published(arts.get(y.article), y.lang)))
        group_conflicts.append(Conflict(id=_hid("k-", x.id, y.id), group=gid, claims=(x.id, y.id), severity=v, score=score,
                                        reason=reason, basis=basis, confidence=conf, likelihood=likely))
    if group_conflicts:
        verdict_name = "conflict"
    elif n_sources > 1:
        verdict_name = "agree"  # equal figures, or compatible ones (a vague amount, a zone not comparable)
    else:
        verdict_name = "single"
    group = Group(gid, kind, measure, _group_scope(scope), ids(key, None, members), verdict_name, tuple(figures), series,
                  label=label, match=how)
    return group, group_conflicts


def _published(article: Article | None, lang: str) -> dt.datetime | None:
    """When an article was published, as an instant (``likelihood.published_at``), None when unknown."""
    if article is None:
        return None
    return published_at(article.published, article.published_time, article.language or lang)


def _group_scope(scope: Scope) -> Scope:
    """The scope a group shows: its first claim's, without what belongs to one article (its date)."""
    return dataclasses.replace(scope, as_of=None) if scope.as_of else scope
