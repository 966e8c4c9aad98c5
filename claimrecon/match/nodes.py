"""Claims worded alike, as one node: what matching compares and joins.

A feed repeats sentences (wire copy run by many outlets, a fact restated), and claims whose
description is the same (the same terms, scope, counted noun, kind and unit) can only be matched
the same way. Matching therefore compares nodes, not claims: one node per distinct description,
holding its claims. A run of a few articles has about one claim per node and behaves as if it
compared claims; a feed of 100,000 articles compares its distinct descriptions, and holds each
repeated description once (its claims keep only what differs: article, figure, moment).

What a node knows of its claims, for the evidence that depends on the figures and articles:
- its distinct figures (a few), so two nodes stating an equal figure, or the same digits at another
  scale, can say so;
- for each article voice and clock moment, the figures stated there (up to ``TRACKED`` entries),
  so that a quantity never holds two different figures of one article's voice;
- whether each of its claims is the only one of its block in its article.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

__all__ = ["Node", "Nodes", "Member", "nodes_of", "figures", "TRACKED"]

#: article voices a node tracks for the one-figure-per-article rule; beyond it the rule is not
#: checked for that node (a description repeated by hundreds of articles is one quantity anyway)
TRACKED = 500
#: distinct figures a node keeps for the figure evidence (equal, same digits)
FIGURES_KEPT = 8


class Node:
    """Items worded alike: one description (``rep``), several claims."""

    __slots__ = ("rep", "items", "figs", "values", "sources", "only", "index", "listed", "peers",
                 "kind", "veto", "bodies", "places", "roles", "head", "terms", "text", "measure", "lang")

    def __init__(self, rep: Any) -> None:
        self.rep = rep
        # what the inner loops read, as plain attributes (``__getattr__`` serves the rest)
        self.kind, self.veto, self.bodies, self.places = rep.kind, rep.veto, rep.sources, rep.places
        self.roles, self.head, self.terms, self.text = rep.roles, rep.head, rep.terms, rep.text
        self.measure, self.lang = rep.measure, rep.lang
        self.items: list[Any] = []
        # (article, voice, clock moment) -> the figure stated there (a frozenset when several)
        self.figs: dict[tuple[str, str, str], str | frozenset[str]] | None = {}
        self.values: list[Any] = []  # items with distinct figures, at most FIGURES_KEPT
        self.sources: set[str] = set()
        self.only = True
        self.index = -1
        self.listed = False  # one of a list one article words alike (see ``Nodes.finish``)
        self.peers: list[Node] = []  # that list's nodes, this one among them

    # the description, as matching reads it (the rep's)
    def __getattr__(self, name: str) -> Any:
        return getattr(self.rep, name)

    def add(self, it: Any, figure: str) -> None:
        self.items.append(it)
        self.sources.add(it.source)
        if self.figs is not None:
            key = (it.source, it.voice, it.moment)
            had = self.figs.get(key)
            self.figs[key] = figure if had is None or had == figure else frozenset(figures(had) | {figure})
            if len(self.figs) > TRACKED:
                self.figs = None

    @property
    def single(self) -> bool:
        return len(self.items) == 1

    @property
    def source(self) -> str:
        """The article of a node of one claim (nodes of several have no single article)."""
        return self.items[0].source if len(self.sources) == 1 else ""


def figures(v: str | frozenset[str]) -> frozenset[str]:
    """The figures of a ``Node.figs`` entry, as a set."""
    return frozenset((v,)) if isinstance(v, str) else v


class Member:
    """A claim of a node that is not its first: what differs from the node's description (its
    article, figure and moments); the description is read from the node's first item."""

    __slots__ = ("ref", "id", "article", "source", "voice", "moment", "as_of", "day", "anchored", "value",
                 "wording", "gloss", "start", "sentence", "headline", "node")

    def __init__(self, it: Any, node: Node) -> None:
        intern = sys.intern
        self.ref, self.id, self.value, self.start, self.node = it.ref, it.id, it.value, it.start, node
        self.wording, self.gloss = it.wording, it.gloss  # its own figure as written (the node's is its first's)
        self.article, self.source, self.voice = intern(it.article), intern(it.source), intern(it.voice)
        self.moment, self.as_of, self.day, self.anchored = intern(it.moment), intern(it.as_of), intern(it.day), it.anchored
        self.headline, self.sentence = it.headline, it.sentence  # its own sentence (``Anchors``)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.node.rep, name)


def _signature(it: Any) -> tuple[Any, ...]:
    """What the description of a claim is: everything similarity and compatibility read."""
    return (it.lang, it.measure, it.terms, it.weights, it.veto, it.running, it.text, it.sources, it.tally,
            it.places, it.roles, it.head, it.years, it.preds, it.change, it.direction)


class Nodes:
    """The nodes of one block, built as its items arrive (a repeated description costs a small
    ``Member``, not a copy of the description)."""

    def __init__(self, figure: Any) -> None:
        self.figure = figure
        self.by_signature: dict[tuple[Any, ...], Node] = {}
        self.per_source: dict[str, int] = defaultdict(int)

    def add(self, it: Any) -> None:
        sig = _signature(it)
        if not it.terms:
            # no words: nothing says two figures are one quantity but the figures themselves
            sig += (self.figure(it),)
        node = self.by_signature.get(sig)
        if node is None:
            node = self.by_signature[sig] = Node(it)
            member: Any = it
        else:
            member = Member(it, node)
        node.add(member, self.figure(it))
        self.per_source[it.source] += 1

    def finish(self) -> list[Node]:
        """The nodes in a fixed order (whatever order the items came in): by their first claim
        (article, position, id), their claims in that order too. A node in which one article's
        voice gives several figures (a list worded alike: "94 seats ... 64 seats ... 56 seats")
        is split into one node per figure, each marked ``listed``: its words do not say which item
        another article's figure is, only an equal figure does."""
        out = []
        for node in self.by_signature.values():
            out.extend(self._split_list(node))
        for node in out:
            node.items.sort(key=_order)
            node.only = all(self.per_source[src] == 1 for src in node.sources)
            seen: set[Any] = set()
            for it in node.items:  # the first claims of its distinct figures, in claim order
                if len(node.values) >= FIGURES_KEPT:
                    break
                figure = self.figure(it)
                if figure not in seen:
                    seen.add(figure)
                    node.values.append((figure, it))
        out.sort(key=lambda n: _order(n.items[0]))
        for i, node in enumerate(out):
            node.index = i
        return out


    def _split_list(self, node: Node) -> list[Node]:
        if node.figs is None or not any(isinstance(f, frozenset) for f in node.figs.values()):
            return [node]
        if _range_ends_only(node):
            return [node]  # "between 20 and 30": one range's two ends, no list
        by: dict[str, list[Any]] = defaultdict(list)
        for it in sorted(node.items, key=_order):
            by[self.figure(it)].append(it)
        parts = []
        for figure in sorted(by, key=lambda f: _order(by[f][0])):
            first = by[figure][0]
            rep = first.node.rep if isinstance(first, Member) else first
            part = Node(rep)
            part.listed = True
            for it in by[figure]:
                if isinstance(it, Member):
                    it.node = part
                part.add(it, figure)
            parts.append(part)
        for part in parts:
            part.peers = parts
        return parts


def _range_ends_only(node: Node) -> bool:
    """Whether each place where the node's article voices give several figures holds the two ends
    of one range ("between 20 and 30 people": 20 and 30, both bounded 20 to 30)."""
    bounds: dict[tuple[str, str, str], set[Any]] = defaultdict(set)
    for it in node.items:
        w = it.wording
        bounds[(it.source, it.voice, it.moment)].add((w.low, w.high) if w.qualifier == "range" else None)
    return all(len(b) == 1 and None not in b for key, b in bounds.items()
               if isinstance(node.figs.get(key), frozenset))  # type: ignore[union-attr]


def _order(it: Any) -> tuple[str, int, str]:
    return (it.article, it.start, it.id)


def nodes_of(block: Iterable[Any], figure: Any) -> list[Node]:
    """The block's items as nodes (``Nodes``), in a fixed order; ``figure(item)`` is the key of
    its figure."""
    nodes = Nodes(figure)
    for it in block:
        nodes.add(it)
    return nodes.finish()
