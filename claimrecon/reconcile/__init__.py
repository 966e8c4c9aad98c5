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
"""

from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..records import Article, Claim, Conflict, Figure, Group, Review, Scope
from .intervals import relative_gap, same_value, verdict
from .review import apply_reviews

__all__ = ["reconcile", "apply_reviews"]


def _hid(prefix: str, *parts: str) -> str:
    return prefix + hashlib.blake2b("\x1f".join(parts).encode(), digest_size=6).hexdigest()


def group_key(c: Claim) -> tuple[str, ...] | None:
    if not c.measure:
        return None
    s = c.scope
    return (c.kind, c.measure, c.unit or "" if c.kind == "money" else "", s.aggregate or "", s.period or "",
            s.subevent or "", s.subject or "", s.moment or "")


def _figure_key(c: Claim) -> str:
    if isinstance(c.value, float):
        return f"{c.value:.6g}"
    return str(c.value)


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


def _reason(sev: str, a: Claim, b: Claim, articles: dict[str, Article]) -> str:
    la, lb = _label(articles, a.article), _label(articles, b.article)
    sa, sb = _says(a), _says(b)
    hedges = sorted({q.replace("_", " ") for q in (a.qualifier, b.qualifier) if q not in ("exact", "only")})
    if sev == "hard":
        tail = (f"even with '{hedges[0]}', these cannot both be right" if len(hedges) == 1 else
                f"even with '{hedges[0]}' and '{hedges[1]}', these cannot both be right" if hedges else
                "these cannot both be right")
        if a.kind == "time":
            tail = "these are different moments for the same event"
    else:
        tail = (f"the hedge{'s' if len(hedges) > 1 else ''} {' and '.join(repr(h) for h in hedges)} leave{'' if len(hedges) > 1 else 's'} room for both, but the stated figures differ"
                if hedges else "the figures differ only within their rounding")
    return f"{la} says {sa}; {lb} says {sb}; {tail}."


def reconcile(articles: Sequence[Article], claims: Iterable[Claim], reviews: Sequence[Review] = ()) -> tuple[tuple[Group, ...], tuple[Conflict, ...]]:
    """Group claims into quantities and flag the pairs that disagree."""
    arts = {a.id: a for a in articles}
    lang_of = {a.id: a.language or "" for a in articles}
    blocks: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    for c in claims:
        key = group_key(c)
        if key is not None:
            blocks[key].append(c)
    groups: list[Group] = []
    conflicts: list[Conflict] = []
    for key in sorted(blocks):
        members = sorted(blocks[key], key=lambda c: (c.article, c.start, c.end))
        kind, measure = key[0], key[1]
        gid = _hid("g-", *key)
        series = _hid("s-", *key[:-1])
        scope = members[0].scope
        # figures and their independent support
        by_fig: dict[str, list[Claim]] = defaultdict(list)
        for c in members:
            by_fig[_figure_key(c)].append(c)
        figures = []
        support: dict[str, int] = {}
        for fk in sorted(by_fig, key=lambda k: (by_fig[k][0].value is None, str(by_fig[k][0].value) if isinstance(by_fig[k][0].value, str) else float(by_fig[k][0].value or 0), k)):
            cs = by_fig[fk]
            srcs = sorted({_source_of(arts, c.article) for c in cs})
            langs = sorted({lang_of.get(c.article) or c.lang for c in cs})
            quals = sorted({c.qualifier for c in cs})
            figures.append(Figure(cs[0].value, "/".join(quals), tuple(c.id for c in cs), tuple(srcs), tuple(langs)))
            support[fk] = len(srcs)
        # pairs of distinct figures, then the claim pairs from different sources
        group_conflicts: list[Conflict] = []
        any_agree = False
        fig_keys = sorted(by_fig)
        for fk in fig_keys:
            if len({_source_of(arts, c.article) for c in by_fig[fk]}) > 1 and by_fig[fk][0].value is not None:
                any_agree = True
        for fa, fb in itertools.combinations(fig_keys, 2):
            for a in by_fig[fa]:
                for b in by_fig[fb]:
                    if _source_of(arts, a.article) == _source_of(arts, b.article):
                        continue
                    v = verdict(a, b)
                    if v is None:
                        continue
                    if v == "agree":
                        any_agree = True
                        continue
                    x, y = (a, b) if (a.article, a.start) <= (b.article, b.start) else (b, a)
                    gap = relative_gap(x, y)
                    score = (1.0 if v == "hard" else 0.0) + 0.5 * min(gap, 1.0) + 0.05 * min(support[fa] + support[fb], 10)
                    group_conflicts.append(Conflict(
                        id=_hid("k-", x.id, y.id), group=gid, claims=(x.id, y.id), severity=v,
                        score=round(score, 4), reason=_reason(v, x, y, arts),
                    ))
        n_sources = len({_source_of(arts, c.article) for c in members})
        if group_conflicts:
            verdict_name = "conflict"
        elif n_sources > 1 and (any_agree or len(by_fig) == 1):
            verdict_name = "agree"
        elif n_sources > 1:
            verdict_name = "agree"  # compatible figures (a vague amount, a zone not comparable)
        else:
            verdict_name = "single"
        groups.append(Group(gid, kind, measure, scope if not scope.moment else Scope(scope.moment, scope.aggregate, scope.period, scope.subevent, scope.subject),
                            tuple(c.id for c in members), verdict_name, tuple(figures), series))
        conflicts.extend(group_conflicts)
    # a series is only worth showing when it has more than one moment
    series_count: dict[str, int] = defaultdict(int)
    for g in groups:
        series_count[g.series or ""] += 1
    groups = [g if series_count[g.series or ""] > 1 else Group(g.id, g.kind, g.measure, g.scope, g.claims, g.verdict, g.figures, None) for g in groups]
    conflicts.sort(key=lambda k: (-k.score, k.id))
    groups.sort(key=lambda g: g.id)
    g2, k2 = apply_reviews(groups, conflicts, reviews)
    return tuple(g2), tuple(k2)


def corroborated(groups: Iterable[Group]) -> list[tuple[Group, Figure]]:
    """Figures reported by more than one independent article."""
    return [(g, f) for g in groups for f in g.figures if len(f.articles) > 1]


def same(a: Claim, b: Claim) -> bool:  # re-exported helper for exports and tests
    return same_value(a, b)
