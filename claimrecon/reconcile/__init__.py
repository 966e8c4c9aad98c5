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

Memory: a group is judged from its ``Member``s, the few fields of each claim that grouping and
``verdict`` read, with one shared ``Wording`` per distinct wording; whole claims are read back
only for the first claim of a group (its scope) and for the conflicts listed (their reasons).
``reconcile`` takes claims in memory; ``reconcile_groups`` takes groups one at a time, as a run's
claim store (``claimrecon.store``) reads them from disk, so only one group is in memory at once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..records import Article, Claim, Conflict, Figure, Group, Match, Review, Scope
from .intervals import relative_gap, verdict
from .review import apply_reviews

__all__ = ["reconcile", "reconcile_groups", "apply_reviews", "group_id", "Member", "Wording", "Info",
           "PAIRS_PER_FIGURES", "CONFLICTS_PER_GROUP"]

#: conflicting claim pairs listed for any two figures of one group (see the module doc)
PAIRS_PER_FIGURES = 10
#: conflicts listed per group, highest scores first (see the module doc)
CONFLICTS_PER_GROUP = 200


def _hid(prefix: str, *parts: str) -> str:
    return prefix + hashlib.blake2b("\x1f".join(parts).encode(), digest_size=6).hexdigest()


def group_id(key: tuple[str, ...]) -> str:
    """The stable id of the group of ``key`` (``group_key``)."""
    return _hid("g-", *key)


def _figure_key(c: Claim | Wording) -> str:
    if c.value is None:  # a vague amount is its bounds: "hundreds" is not "hundreds of thousands"
        return f"~{c.low:.6g}-{c.high:.6g}" if c.low is not None and c.high is not None else "~"
    if isinstance(c.value, float):
        return f"{c.value:.6g}"
    return str(c.value)


_BOUNDS = ("more_than", "at_least", "up_to", "less_than")


class Wording:
    """What grouping and ``verdict`` read from a claim (``verdict`` takes it for a claim), shared
    by the claims of a group that word a figure exactly alike."""

    __slots__ = ("kind", "value", "unit", "low", "high", "qualifier", "precision", "zone", "date", "key", "figure")

    def __init__(self, kind: str, value: float | str | None, unit: str | None, low: float | None, high: float | None,
                 qualifier: str, precision: float, zone: str | None, date: str | None) -> None:
        self.kind, self.value, self.unit, self.low, self.high = kind, value, unit, low, high
        self.qualifier, self.precision, self.zone, self.date = qualifier, precision, zone, date
        # everything verdict reads but the kind (one per group): equal keys get equal verdicts
        self.key = (value, unit, low, high, qualifier, precision, zone, date)
        self.figure = _figure_key(self)

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
    fig_keys: list[str], by_fig: dict[str, list[Member]], src: dict[str, str], support: dict[str, int]
) -> list[tuple[float, Member, Member, str]]:
    """(score, first claim, second claim, severity) of the conflicting claim pairs of one group,
    at most ``PAIRS_PER_FIGURES`` for any two figures."""
    # per figure: its claims with their wording and source, and its distinct wordings
    rows: dict[str, list[tuple[Member, tuple[object, ...], str]]] = {}
    wordings: dict[str, list[tuple[tuple[object, ...], Wording, set[str]]]] = {}
    for fk in fig_keys:
        rows[fk] = [(m, m.w.key, src.get(m.article, m.article)) for m in by_fig[fk]]
        seen: dict[tuple[object, ...], tuple[Wording, set[str]]] = {}
        for m, w, s in rows[fk]:
            if w in seen:
                seen[w][1].add(s)
            else:
                seen[w] = (m.w, {s})
        wordings[fk] = [(w, c, ss) for w, (c, ss) in seen.items()]
    out: list[tuple[float, Member, Member, str]] = []
    for i, fa in enumerate(fig_keys):
        for fb in fig_keys[i + 1 :]:
            bad: dict[tuple[tuple[object, ...], tuple[object, ...]], str] = {}
            for wa, ca, sa in wordings[fa]:
                for wb, cb, sb in wordings[fb]:
                    if len(sa) == 1 and len(sb) == 1 and sa == sb:
                        continue  # one article (or copies of one story) says both
                    v = verdict(ca, cb)  # type: ignore[arg-type]  # a Wording has every field verdict reads
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
                    points = 0.3 if x.w.qualifier not in _BOUNDS and y.w.qualifier not in _BOUNDS else 0.0
                    score = (1.0 if v == "hard" else 0.0) + points + 0.5 * min(relative_gap(x.w, y.w), 1.0) + base  # type: ignore[arg-type]
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


#: what the match stage says of a group: how its claims were matched, and the quantity's name
Info = dict[tuple[str, ...], tuple["Match | None", "str | None"]]


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
        info[q.key] = (q.match, q.label)
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
    for key, members in groups_in:
        how, label = (info or {}).get(key, (None, None))
        group, group_conflicts = _group(key, members, claim_of, ids, arts, lang_of, src, how, label)
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


def _group(
    key: tuple[str, ...], members: list[Member], claim_of: Callable[[Member], Claim], ids: IdsOf,
    arts: dict[str, Article], lang_of: dict[str, str], src: dict[str, str], how: Match | None = None,
    label: str | None = None,
) -> tuple[Group, list[Conflict]]:
    """One group and its conflicts."""
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

    def order(k: str) -> tuple[bool, Any, str]:
        v = by_fig[k][0].w.value
        return (v is None, str(v) if isinstance(v, str) else float(v or 0), k)

    for fk in sorted(by_fig, key=order):
        ms = by_fig[fk]
        srcs = sorted({src.get(m.article, m.article) for m in ms})
        langs = sorted({lang_of.get(m.article) or m.lang for m in ms})
        quals = sorted({m.w.qualifier for m in ms})
        figures.append(Figure(ms[0].w.value, "/".join(quals), ids(key, fk, ms), tuple(srcs), tuple(langs)))
        support[fk] = len(srcs)
    # pairs of distinct figures, then the claim pairs from different sources
    group_conflicts = []
    for score, x, y, v in _figure_pairs(sorted(by_fig), by_fig, src, support):
        reason = _reason(v, claim_of(x), claim_of(y), arts)
        conf = how.confidence if how else None
        if how is not None and how.basis == "inferred":
            reason += f" These two were matched from context, not from the same word (confidence {how.confidence:.2f}"
            reason += (": " + "; ".join(how.evidence[:3]) + ")." if how.evidence else ").")
        if conf is not None:
            score = round(score * (0.5 + 0.5 * conf), 4)  # a less certain match ranks lower
        group_conflicts.append(Conflict(id=_hid("k-", x.id, y.id), group=gid, claims=(x.id, y.id), severity=v, score=score,
                                        reason=reason, basis=how.basis if how else None, confidence=conf))
    n_sources = len({src.get(m.article, m.article) for m in members})
    if group_conflicts:
        verdict_name = "conflict"
    elif n_sources > 1:
        verdict_name = "agree"  # equal figures, or compatible ones (a vague amount, a zone not comparable)
    else:
        verdict_name = "single"
    group = Group(gid, kind, measure, _group_scope(scope), ids(key, None, members), verdict_name, tuple(figures), series,
                  label=label, match=how)
    return group, group_conflicts


def _group_scope(scope: Scope) -> Scope:
    """The scope a group shows: its first claim's, without what belongs to one article (its date)."""
    return dataclasses.replace(scope, as_of=None) if scope.as_of else scope
