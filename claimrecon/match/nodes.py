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

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

__all__ = ["Node", "nodes_of", "TRACKED"]

#: article voices a node tracks for the one-figure-per-article rule; beyond it the rule is not
#: checked for that node (a description repeated by hundreds of articles is one quantity anyway)
TRACKED = 500
#: distinct figures a node keeps for the figure evidence (equal, same digits)
FIGURES_KEPT = 8


class Node:
    """Items worded alike: one description (``rep``), several claims."""

    __slots__ = ("rep", "items", "figs", "values", "sources", "only", "index",
                 "kind", "veto", "bodies", "places", "roles", "head", "terms", "text", "measure", "lang")

    def __init__(self, rep: Any) -> None:
        self.rep = rep
        # what the inner loops read, as plain attributes (``__getattr__`` serves the rest)
        self.kind, self.veto, self.bodies, self.places = rep.kind, rep.veto, rep.sources, rep.places
        self.roles, self.head, self.terms, self.text = rep.roles, rep.head, rep.terms, rep.text
        self.measure, self.lang = rep.measure, rep.lang
        self.items: list[Any] = []
        self.figs: dict[tuple[str, str, str], set[str]] | None = {}
        self.values: list[Any] = []  # items with distinct figures, at most FIGURES_KEPT
        self.sources: set[str] = set()
        self.only = True
        self.index = -1

    # the description, as matching reads it (the rep's)
    def __getattr__(self, name: str) -> Any:
        return getattr(self.rep, name)

    def add(self, it: Any, figure: str) -> None:
        self.items.append(it)
        self.sources.add(it.source)
        if self.figs is not None:
            self.figs.setdefault((it.source, it.voice, it.moment), set()).add(figure)
            if len(self.figs) > TRACKED:
                self.figs = None
        if len(self.values) < FIGURES_KEPT and all(figure != f for f, _ in self.values):
            self.values.append((figure, it))

    @property
    def single(self) -> bool:
        return len(self.items) == 1

    @property
    def source(self) -> str:
        """The article of a node of one claim (nodes of several have no single article)."""
        return self.items[0].source if len(self.sources) == 1 else ""


def _signature(it: Any) -> tuple[Any, ...]:
    """What the description of a claim is: everything similarity and compatibility read."""
    return (it.lang, it.measure, it.terms, it.weights, it.veto, it.running, it.text, it.sources, it.tally,
            it.places, it.roles, it.head)


def nodes_of(block: Iterable[Any], figure: Any) -> list[Node]:
    """The block's items as nodes, in the order of their first item; ``figure(item)`` is the key
    of its figure. Items of one node share its description's tuples (the repeats are dropped)."""
    nodes: dict[tuple[Any, ...], Node] = {}
    per_source: dict[str, int] = defaultdict(int)
    items = list(block)
    for it in items:
        per_source[it.source] += 1
    out: list[Node] = []
    for it in items:
        sig = _signature(it)
        node = nodes.get(sig)
        if node is None:
            node = nodes[sig] = Node(it)
            node.index = len(out)
            out.append(node)
        else:  # share the first item's description: the copies are dropped
            it.terms, it.weights, it.veto = node.rep.terms, node.rep.weights, node.rep.veto
        node.add(it, figure(it))
        if per_source[it.source] > 1:
            node.only = False
    return out
