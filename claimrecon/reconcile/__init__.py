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
repetition of one disagreement between more pairs of outlets.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..records import Article, Claim, Conflict, Figure, Group, Review, Scope
from .intervals import relative_gap, verdict
from .review import apply_reviews

__all__ = ["reconcile", "apply_reviews", "PAIRS_PER_FIGURES", "CONFLICTS_PER_GROUP"]

#: conflicting claim pairs listed for any two figures of one group (see the module doc)
PAIRS_PER_FIGURES = 10
#: conflicts listed per group, highest scores first (see the module doc)
CONFLICTS_PER_GROUP = 200


def _hid(prefix: str, *parts: str) -> str:
    return prefix + hashlib.blake2b("\x1f".join(parts).encode(), digest_size=6).hexdigest()


def group_key(c: Claim) -> tuple[str, ...] | None:
    if not c.measure:
        return None
    s = c.scope
    return (c.kind, c.measure, c.unit or "" if c.kind == "money" else "", s.aggregate or "", s.period or "",
            s.subevent or "", s.subject or "", s.moment or "")


def _figure_key(c: Claim) -> str:
    if c.value is None:  # a vague amount is its bounds: "hundreds" is not "hundreds of thousands"
        return f"~{c.low:.6g}-{c.high:.6g}" if c.low is not None and c.high is not None else "~"
    if isinstance(c.value, float):
        return f"{c.value:.6g}"
    return str(c.value)


_BOUNDS = ("more_than", "at_least", "up_to", "less_than")


def _wording(c: Claim) -> tuple[object, ...]:
    """Everything ``verdict`` reads from a claim of a group: equal wordings get equal verdicts."""
    return (c.value, c.unit, c.low, c.high, c.qualifier, c.precision, c.zone, c.date)


def _figure_pairs(
    fig_keys: list[str], by_fig: dict[str, list[Claim]], src: dict[str, str], support: dict[str, int]
) -> list[tuple[float, Claim, Claim, str]]:
    """(score, first claim, second claim, severity) of the conflicting claim pairs of one group,
    at most ``PAIRS_PER_FIGURES`` for any two figures."""
    # per figure: its claims with their wording and source, and its distinct wordings
    rows: dict[str, list[tuple[Claim, tuple[object, ...], str]]] = {}
    wordings: dict[str, list[tuple[tuple[object, ...], Claim, set[str]]]] = {}
    for fk in fig_keys:
        rows[fk] = [(c, _wording(c), src.get(c.article, c.article)) for c in by_fig[fk]]
        seen: dict[tuple[object, ...], tuple[Claim, set[str]]] = {}
        for c, w, s in rows[fk]:
            if w in seen:
                seen[w][1].add(s)
            else:
                seen[w] = (c, {s})
        wordings[fk] = [(w, c, ss) for w, (c, ss) in seen.items()]
    out: list[tuple[float, Claim, Claim, str]] = []
    for i, fa in enumerate(fig_keys):
        for fb in fig_keys[i + 1 :]:
            bad: dict[tuple[tuple[object, ...], tuple[object, ...]], str] = {}
            for wa, ca, sa in wordings[fa]:
                for wb, cb, sb in wordings[fb]:
                    if len(sa) == 1 and len(sb) == 1 and sa == sb:
                        continue  # one article (or copies of one story) says both
                    v = verdict(ca, cb)
                    if v is not None and v != "agree":
                        bad[(wa, wb)] = v
            if not bad:
                continue
            left = {wa for wa, _ in bad}
            base = 0.05 * min(support[fa] + support[fb], 10)
            n = 0
            for a, wa, sa_ in rows[fa]:
                if wa not in left:
                    continue
                for b, wb, sb_ in rows[fb]:
                    v = bad.get((wa, wb))
                    if v is None or sa_ == sb_:
                        continue
                    x, y = (a, b) if (a.article, a.start) <= (b.article, b.start) else (b, a)
                    # hard first; then two differing point figures before a bound the other figure meets
                    points = 0.3 if x.qualifier not in _BOUNDS and y.qualifier not in _BOUNDS else 0.0
                    score = (1.0 if v == "hard" else 0.0) + points + 0.5 * min(relative_gap(x, y), 1.0) + base
                    out.append((round(score, 4), x, y, v))
                    n += 1
                    if n >= PAIRS_PER_FIGURES:
                        break
                if n >= PAIRS_PER_FIGURES:
                    break
    if len(out) > CONFLICTS_PER_GROUP:
        out.sort(key=lambda t: -t[0])
        cut = out[CONFLICTS_PER_GROUP - 1][0]
        head = [t for t in out if t[0] > cut]
        tied = sorted((t for t in out if t[0] == cut), key=lambda t: _hid("k-", t[1].id, t[2].id))
        out = head + tied[: CONFLICTS_PER_GROUP - len(head)]
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
    src = {a.id: a.duplicate_of or a.id for a in articles}
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
            srcs = sorted({src.get(c.article, c.article) for c in cs})
            langs = sorted({lang_of.get(c.article) or c.lang for c in cs})
            quals = sorted({c.qualifier for c in cs})
            figures.append(Figure(cs[0].value, "/".join(quals), tuple(c.id for c in cs), tuple(srcs), tuple(langs)))
            support[fk] = len(srcs)
        # pairs of distinct figures, then the claim pairs from different sources
        group_conflicts = [
            Conflict(id=_hid("k-", x.id, y.id), group=gid, claims=(x.id, y.id), severity=v, score=score,
                     reason=_reason(v, x, y, arts))
            for score, x, y, v in _figure_pairs(sorted(by_fig), by_fig, src, support)
        ]
        n_sources = len({src.get(c.article, c.article) for c in members})
        if group_conflicts:
            verdict_name = "conflict"
        elif n_sources > 1:
            verdict_name = "agree"  # equal figures, or compatible ones (a vague amount, a zone not comparable)
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
