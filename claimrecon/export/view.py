"""Read-only helpers shared by the renderers: lookups, display order and labels.

Nothing here computes a finding. It only indexes what the Report already holds (which claims a
conflict names, which group a claim sits in) and orders it for display, so every format shows the
same thing in the same order.

A report of ``compare`` keeps its claims in a store on disk (``claimrecon.store``): the view then
holds the claims of the conflicts only and reads the others when a renderer asks, one figure or
group at a time, so rendering a big run stays within bounded memory.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..records import SEVERITIES, Article, Claim, Conflict, Figure, Group, Report, Review
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
