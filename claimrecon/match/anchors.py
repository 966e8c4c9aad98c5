"""Sentences of two articles that tell one fact alike, and the figures told beside it.

Two outlets that report one event often tell a fact in one sentence each: "Five people were
killed and 58 injured", "cinco muertos y 56 heridos". Once a first look at a run has joined two
figures of those sentences that agree (five dead, cinco muertos), the other figures of the two
sentences are likely the same quantities told again, whatever their words: the nearest figure of
one kind in each ("58 injured", "56 heridos") gets a bonus of evidence, and so, for less, do
the nearest figures of the sentences next to them ("The census counted 6,421,380 residents." ...
"To o 2,6 proc. mniej"). The words still count: a pair the scopes keep apart (a part "of them",
a past year) stays apart, and the bonus of a neighbouring sentence is not enough without some
word in common.

Anchors are two claims of one cluster of the first look that state one figure, or two claims
anywhere that state one figure of four significant digits or more ("6,412,380"); two claims the
first look joined with different figures anchor their own two sentences, for less. Measured on the
annotated sets of the quality gate and round 11 (``benchmarks/score_sets.py``): 740 -> 845 of
1,703 conflicts found, 411 -> 428 false flags (with the slips and twelve-hour clocks below).

Two sentences whose claims' concepts and names are mostly the same anchor each other for less
too, with no figure in common; there, and next to an agreeing figure, two counted nouns or two
predicates still keep two figures apart, as they do not beside one. Measured on the thirteen gated
sets: 1,055 -> 1,065 of 2,038 conflicts found, 453 -> 455 false flags (a share of a quarter: +17,
+5; a fifth: +15, +7; two fifths: +1, 0; as strong as an agreeing figure: +15, +11).
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from ..extract.counted import WHEN
from ..reconcile.intervals import significant_digits

#: what a pair told in two sentences that agree on another figure adds to its similarity (alone,
#: more than the default threshold: the sentences say it is one fact)
ANCHOR_BONUS = 0.4
#: ... and a pair told in the sentences next to two such sentences (less than the threshold: a
#: word in common must add to it). Measured: 0.3 found 36 more conflicts and raised 68 more false
#: flags than 0.25; 0.15 found 20 fewer
NEXT_BONUS = 0.25
#: two figures are taken for one quantity told twice only this close (a count of 56 and one of 58,
#: 2.6% and 2.7%); farther apart they are more likely two quantities
ANCHOR_RATIO = 1.5
#: ... and two clock times this many minutes apart at most
ANCHOR_MINUTES = 180
#: a figure stated alike by more claims than this anchors nothing (a common figure of a big feed,
#: whose pairs would grow with its square)
ANCHOR_CAP = 40
#: an equal figure anchors two sentences without the first look's words when it has this many
#: significant digits (measured: three found 3 more conflicts and raised 5 more false flags)
PRECISE_DIGITS = 4

#: the share of two sentences' concepts and names they have in common for them to tell one fact
SENTENCE_ALIKE = 0.3

#: the evidence of a pair told in two such sentences (no figure ties them: the vetoes of two
#: counted nouns or two predicates still hold, as they do not beside an agreeing figure)
ALIKE = "told in sentences that say the same things"
#: the evidence of a pair told in two sentences that agree on another figure: one fact told twice,
#: where two counted nouns or two predicates may be two words for one thing
BESIDE = "told beside an agreeing figure"

Sentence = tuple[str, int]  # (article, where the sentence starts)


class Anchors:
    """From the clusters of a first look: which sentences of two articles agree on a figure, and
    which claims are already joined to a claim of another article. ``figure(item)`` is an item's
    figure as a key, ``amounts(node)`` a node's figures as numbers (``match._amounts``: clock
    times as negative minutes), ``clock_gap(x, y)`` the minutes between two such clock times read
    alike (None otherwise), ``slip(x, y)`` whether two figures' digits slip into each other."""

    def __init__(self, clusters: Iterable[tuple[list[Any], Any]], figure: Callable[[Any], str],
                 amounts: Callable[[Any], frozenset[float]], clock_gap: Callable[[float, float], float | None],
                 slip: Callable[[Any, Any], bool]) -> None:
        self.amounts = amounts
        self.clock_gap = clock_gap
        self.slip = slip
        self.told: dict[Sentence, set[Sentence]] = defaultdict(set)
        # sentences whose claims the first look joined with different figures: weaker anchors
        self.joined_told: dict[Sentence, set[Sentence]] = defaultdict(set)
        # sentences that say mostly the same things (``tie_alike_sentences``): weaker anchors too
        self.alike_told: dict[Sentence, set[Sentence]] = defaultdict(set)
        self.joined: dict[str, set[str]] = defaultdict(set)  # claim id -> the other sources it was joined to
        precise: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
        for items, _ in clusters:
            for it in items:
                if isinstance(it.value, float) and math.isfinite(it.value) and len(significant_digits(it.value)) >= PRECISE_DIGITS:
                    precise[(it.kind, it.unit or "", figure(it))].append(it)
            sources = {it.source for it in items}
            if len(sources) < 2:
                continue
            if len(sources) <= ANCHOR_CAP:
                for it in items:
                    self.joined[it.id].update(sources - {it.source})
            by_figure: dict[str, list[Any]] = defaultdict(list)
            for it in items:
                by_figure[figure(it)].append(it)
            for alike in by_figure.values():
                self._tie(alike)
            self._tie(items, self.joined_told)
        for alike in precise.values():
            self._tie(alike)

    def tie_alike_sentences(self, items: Iterable[Any]) -> None:
        """Tie two articles' sentences whose claims' words (concepts and names, which read alike in
        every language) are mostly the same: ``SENTENCE_ALIKE`` of their union at least, and two
        or more in common."""
        words: dict[Sentence, set[str]] = defaultdict(set)
        source: dict[str, str] = {}
        for it in items:
            words[(it.article, it.sentence)].update(t for t in it.terms if t[:1] in "#@" and not t.startswith(WHEN))
            source[it.article] = it.source
        postings: dict[str, list[Sentence]] = defaultdict(list)
        for key in sorted(words):
            for t in words[key]:
                postings[t].append(key)
        shared: dict[tuple[Sentence, Sentence], int] = defaultdict(int)
        for t, keys in postings.items():
            if len(keys) > ANCHOR_CAP:
                continue
            for a, b in itertools.combinations(keys, 2):
                if source[a[0]] != source[b[0]]:
                    shared[(a, b)] += 1
        for (a, b), n in shared.items():
            if n >= 2 and n / len(words[a] | words[b]) >= SENTENCE_ALIKE:
                self.alike_told[a].add(b)
                self.alike_told[b].add(a)

    def _tie(self, alike: list[Any], told: dict[Sentence, set[Sentence]] | None = None) -> None:
        """Tie the sentences of claims of different articles (in ``told`` unless another is given)."""
        told = self.told if told is None else told
        if len(alike) > ANCHOR_CAP:
            return
        for a, b in itertools.combinations(alike, 2):
            if a.source != b.source:
                sa, sb = (a.article, a.sentence), (b.article, b.sentence)
                told[sa].add(sb)
                told[sb].add(sa)

    def _order(self, sentences: Iterable[Sentence]) -> dict[str, list[int]]:
        """Which sentence is next to which: article -> where its sentences start, for the
        sentences of a block's claims and the anchored ones (a sentence with figures of other kinds
        only is skipped)."""
        starts: dict[str, set[int]] = defaultdict(set)
        for a, at in itertools.chain(sentences, self.told):
            starts[a].add(at)
        return {a: sorted(v) for a, v in starts.items()}

    def pairs(self, nodes: list[Any]) -> dict[tuple[int, int], tuple[float, str]]:
        """(i, j) -> (bonus, evidence), for the nodes of one block told in two sentences that agree
        on another figure (or next to two such sentences, for ``NEXT_BONUS``), neither joined to
        the other's article yet, stating no figure the other sentence states, whose figures are
        each other's nearest there and close enough (``ANCHOR_RATIO``, ``ANCHOR_MINUTES``)."""
        by_sentence: dict[Sentence, list[int]] = defaultdict(list)
        for i, n in enumerate(nodes):
            for key in sorted({(it.article, it.sentence) for it in n.items}):
                by_sentence[key].append(i)
        starts = self._order(by_sentence)
        partners = {key: p for key in sorted(by_sentence) if (p := self._partners(key, starts))}
        if not partners:
            return {}  # no sentence of this block tells a fact another article tells
        amounts = [self.amounts(n) for n in nodes]
        joined = [frozenset().union(*(self.joined.get(it.id, ()) for it in n.items)) for n in nodes]
        told: dict[Sentence, frozenset[float]] = {key: frozenset().union(*(amounts[i] for i in ids))
                                                  for key, ids in by_sentence.items()}
        # (i, j) -> (0 same sentences, 1 next to them; distance), and the articles of the two
        # sentences the pair was found in (a node may hold claims of several)
        near: dict[tuple[int, int], tuple[int, float]] = {}
        where: dict[tuple[int, int], tuple[str, str]] = {}
        for key, told_with in partners.items():
            for other, tier in sorted(told_with.items()):
                here, there = by_sentence[key], by_sentence.get(other, [])
                if not there:
                    continue
                # a figure the other sentence states too is told there already: only the rest pair up
                told_here, told_there = told[key], told[other]
                for i in here:
                    if amounts[i] & told_there:
                        continue
                    for j in there:
                        if i == j or amounts[j] & told_here:
                            continue
                        if not joined[i].isdisjoint(nodes[j].sources) or not joined[j].isdisjoint(nodes[i].sources):
                            continue  # one of them already joined to the other's article
                        d = self._distance(amounts[i], amounts[j])
                        pair = (min(i, j), max(i, j))
                        if d is not None and (pair not in near or (tier, d) < near[pair]):
                            near[pair] = (tier, d)
                            where[pair] = (key[0], other[0]) if i < j else (other[0], key[0])
        # each other's nearest in the other's article, with no tie
        best: dict[tuple[int, str], list[tuple[tuple[int, float], int]]] = defaultdict(list)
        for (i, j), d in near.items():
            art_i, art_j = where[(i, j)]
            best[(i, art_j)].append((d, j))
            best[(j, art_i)].append((d, i))

        def nearest(x: int, article: str) -> int | None:
            found = sorted(best[(x, article)])
            if len(found) > 1 and found[0][0] == found[1][0]:
                return None
            return found[0][1]

        out = {}
        for (i, j), (tier, _) in sorted(near.items()):
            art_i, art_j = where[(i, j)]
            if nearest(i, art_j) == j and nearest(j, art_i) == i:
                out[(i, j)] = (ANCHOR_BONUS, BESIDE) if tier == 0 else \
                    (NEXT_BONUS, "told next to an agreeing figure") if tier == 1 else \
                    (NEXT_BONUS, ALIKE)
        return out

    def _partners(self, key: Sentence, starts: dict[str, list[int]]) -> dict[Sentence, int]:
        """The sentences of other articles that tell one fact with ``key`` (0), or that stand next
        to one that does, or next to one that tells one fact with a sentence next to ``key``, or
        whose claims the first look joined to claims of ``key`` with another figure (1). (Measured:
        the last as strong as an equal figure found 13 more conflicts and raised 11 more false
        flags; with their neighbours too, 39 more and 19 more.)"""
        out = {o: 0 for o in self.told.get(key, ())}
        for o in self.joined_told.get(key, ()):
            out.setdefault(o, 1)  # two claims joined on their words though their figures differ
        for k in (key, _next(starts, key, -1), _next(starts, key, 1)):
            for o in self.told.get(k, ()) if k else ():
                for s in (o, _next(starts, o, -1), _next(starts, o, 1)):
                    if s and s not in out:
                        out[s] = 1
        for o in self.alike_told.get(key, ()):
            out.setdefault(o, 2)  # two sentences that say mostly the same things (weakest: last)
        return out

    def _distance(self, xs: frozenset[float], ys: frozenset[float]) -> float | None:
        """How far apart the nearest figures of two nodes are, given their ``amounts`` (a log
        ratio, or minutes for clock times read alike); None when they are too far apart to be
        one quantity."""
        best = None
        for x in xs:
            for y in ys:
                if x > 0 and y > 0:
                    d = abs(math.log(x / y))
                    if d > math.log(ANCHOR_RATIO):
                        if not self.slip(x, y):
                            continue
                        d = math.log(ANCHOR_RATIO)  # the same digits at another scale: a slip told beside
                else:
                    gap = self.clock_gap(x, y)
                    if gap is None or (gap > ANCHOR_MINUTES and round(gap) != 720):
                        continue
                    d = min(gap, ANCHOR_MINUTES)  # twelve hours apart (a.m. for p.m.) counts as the farthest
                best = d if best is None else min(best, d)
        return best


def _next(starts: dict[str, list[int]], key: Sentence, step: int) -> Sentence | None:
    """The sentence ``step`` sentences from ``key`` in its article, in ``starts`` (``_order``)."""
    order = starts.get(key[0], [])
    k = bisect.bisect_left(order, key[1])
    if k < len(order) and order[k] == key[1] and 0 <= k + step < len(order):
        return (key[0], order[k + step])
    return None
