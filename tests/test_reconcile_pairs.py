"""The pair search of one group (``reconcile._figure_pairs``): the conflicts it lists are the ones
judging every pair of figures gives, and a big group costs about what its listed conflicts cost."""

from __future__ import annotations

import math
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimrecon.reconcile as rec
from claimrecon.reconcile import Member, Wording
from claimrecon.reconcile.intervals import relative_gap, verdict


def every_pair(fig_keys, by_fig, src, support, rough=None):
    """The listing as it was built before the search: every pair of figures judged (``rough``:
    article id -> dated in the years the rough rates stand for; a pair of two such articles is
    judged with ``verdict(..., rough=True)``)."""
    rough = rough or {}
    rows, wordings = {}, {}
    for fk in fig_keys:
        rows[fk] = [(m, m.w.key, src.get(m.article, m.article)) for m in by_fig[fk]]
        seen = {}
        for m, w, s in rows[fk]:
            if w in seen:
                seen[w][1].add(s)
            else:
                seen[w] = (m.w, {s})
        wordings[fk] = [(w, c, ss) for w, (c, ss) in seen.items()]
    out = []
    for i, fa in enumerate(fig_keys):
        for fb in fig_keys[i + 1 :]:
            bad, close = {}, {}
            for wa, ca, sa in wordings[fa]:
                for wb, cb, sb in wordings[fb]:
                    if len(sa) == 1 and len(sb) == 1 and sa == sb:
                        continue
                    v = verdict(ca, cb)
                    if v is not None and v != "agree":
                        bad[(wa, wb)] = v
                    v = verdict(ca, cb, rough=True)
                    if v is not None and v != "agree":
                        close[(wa, wb)] = v
            if not bad and not close:
                continue
            left = {wa for wa, _ in bad} | {wa for wa, _ in close}
            base = 0.05 * min(support[fa] + support[fb], 10)
            n = 0
            for a, wa, sa_ in rows[fa]:
                if wa not in left:
                    continue
                for b, wb, sb_ in rows[fb]:
                    v = bad.get((wa, wb))
                    if v is None and rough.get(a.article) and rough.get(b.article):
                        v = close.get((wa, wb))
                    if v is None or sa_ == sb_:
                        continue
                    x, y = (a, b) if (a.article, a.start) <= (b.article, b.start) else (b, a)
                    points = 0.3 if x.w.qualifier not in rec._BOUNDS and y.w.qualifier not in rec._BOUNDS else 0.0
                    score = (1.0 if v == "hard" else 0.0) + points + 0.5 * min(relative_gap(x.w, y.w), 1.0) + base
                    out.append((round(score, 4), x, y, v))
                    n += 1
                    if n >= rec.PAIRS_PER_FIGURES:
                        break
                if n >= rec.PAIRS_PER_FIGURES:
                    break
    # inside one figure: "nearly 8" against "more than 8" or "at least 8" of another source
    for fk in fig_keys:
        ms = sorted(by_fig[fk], key=lambda m: (m.article, m.start, m.id))
        n = 0
        for i, x in enumerate(ms):
            for y in ms[i + 1 :]:
                if n < rec.PAIRS_PER_FIGURES and src.get(x.article, x.article) != src.get(y.article, y.article) \
                        and {x.w.qualifier, y.w.qualifier} in ({"nearly", "more_than"}, {"nearly", "at_least"}) \
                        and isinstance(x.w.value, (int, float)) and x.w.value == y.w.value and x.w.value > 0:
                    out.append((round(0.05 * min(2 * support[fk], 10), 4), x, y, "soft"))
                    n += 1
    if len(out) > rec.CONFLICTS_PER_GROUP:
        out.sort(key=lambda t: -t[0])
        cut = out[rec.CONFLICTS_PER_GROUP - 1][0]
        head = [t for t in out if t[0] > cut]
        tied = sorted((t for t in out if t[0] == cut), key=lambda t: rec._hid("k-", t[1].id, t[2].id))
        out = head + tied[: rec.CONFLICTS_PER_GROUP - len(head)]
    return out


def wording(kind: str, value, qualifier: str, precision: float = 0.5, zone=None, date=None) -> Wording:
    low = high = None
    if isinstance(value, (int, float)):
        v = float(value)
        low, high = {
            "exact": (v, v), "only": (v, v), "about": (0.9 * v, 1.1 * v), "nearly": (0.9 * v, v),
            "more_than": (v, None), "at_least": (v, None), "up_to": (0.0, v), "less_than": (0.0, v),
            "range": (0.8 * v, 1.2 * v), "vague": (v, 2 * v),
        }[qualifier]
        if qualifier == "vague":
            value = None
    return Wording(kind, value, None, low, high, qualifier, precision, zone, date)


def run_both(members: list[Member], articles_of_story: dict[str, str] | None = None, rough: dict[str, bool] | None = None):
    src = articles_of_story or {}
    by_fig: dict[str, list[Member]] = defaultdict(list)
    for m in members:
        by_fig[m.w.figure].append(m)
    support = {fk: len({src.get(m.article, m.article) for m in ms}) for fk, ms in by_fig.items()}
    keys = sorted(by_fig)

    def ids(out):
        return sorted((s, x.id, y.id, v) for s, x, y, v in out)

    return ids(rec._figure_pairs(keys, by_fig, src, support, rough=rough)), ids(every_pair(keys, by_fig, src, support, rough))


QUALIFIERS = ["exact", "exact", "about", "about", "nearly", "more_than", "at_least", "up_to", "less_than", "range", "vague", "only"]


@st.composite
def numeric_group(draw):
    kind = draw(st.sampled_from(["count", "percent", "money", "temperature"]))
    n = draw(st.integers(2, 40))
    pool = draw(st.lists(st.one_of(st.integers(-50, 2000), st.floats(-1e6, 1e9, allow_nan=False, width=32)), min_size=1, max_size=12))
    members = []
    for i in range(n):
        value = draw(st.sampled_from(pool))
        w = wording(kind, value, draw(st.sampled_from(QUALIFIERS)), draw(st.sampled_from([0.5, 0.05, 5000.0])))
        art = f"a{draw(st.integers(0, 8))}"
        members.append(Member(art, i * 10, i * 10 + 3, f"c-{i:04d}", "en", w, None))
    return members


@st.composite
def currency_group(draw):
    """Amounts of one quantity in steady currencies, some articles of the rough rates' years."""
    n = draw(st.integers(2, 30))
    members = []
    for i in range(n):
        unit = draw(st.sampled_from(["EUR", "USD", "GBP", "PLN"]))
        value = float(draw(st.sampled_from([4.8, 5.2, 5.6, 6.1, 6.6, 21.0, 24.0, 27.0])))
        qualifier = draw(st.sampled_from(["exact", "about", "more_than", "up_to"]))
        low, high = {"exact": (value, value), "about": (0.9 * value, 1.1 * value), "more_than": (value, None),
                     "up_to": (0.0, value)}[qualifier]
        w = Wording("money", value, unit, low, high, qualifier, 0.05, None, None)
        members.append(Member(f"a{draw(st.integers(0, 6))}", i * 10, i * 10 + 3, f"c-{i:04d}", "en", w, None))
    return members


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(currency_group(), st.sets(st.sampled_from([f"a{i}" for i in range(7)])), st.sampled_from([(3, 2), (8, 1), (200, 10)]))
def test_the_search_lists_what_judging_every_pair_lists_across_currencies(members, dated, caps):
    """The close calls at rough rates, for pairs of two articles of their years only, are listed as
    judging every pair lists them."""
    cap, per = caps
    old = rec.CONFLICTS_PER_GROUP, rec.PAIRS_PER_FIGURES
    rec.CONFLICTS_PER_GROUP, rec.PAIRS_PER_FIGURES = cap, per
    try:
        new, ref = run_both(members, {"a6": "a5"}, {f"a{i}": f"a{i}" in dated for i in range(7)})
    finally:
        rec.CONFLICTS_PER_GROUP, rec.PAIRS_PER_FIGURES = old
    assert new == ref


@st.composite
def time_group(draw):
    n = draw(st.integers(2, 30))
    members = []
    for i in range(n):
        hour, minute = draw(st.integers(0, 23)), draw(st.sampled_from([0, 5, 15, 30, 45]))
        zone = draw(st.sampled_from([None, "local", "America/New_York", "-04:00"]))
        off = "-04:00" if zone in ("America/New_York", "-04:00") else ""
        if draw(st.booleans()):
            w = Wording("time", f"{hour:02d}:{minute:02d}:00{off}", None, None, None, draw(st.sampled_from(["exact", "about"])), 0.0, zone, None)
        else:
            w = Wording("date", f"2023-05-{draw(st.integers(1, 5)):02d}", None, None, None, "exact", 0.0, None, None)
        members.append(Member(f"a{draw(st.integers(0, 6))}", i, i + 1, f"c-{i:04d}", "en", w, None))
    return members


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(numeric_group(), st.sampled_from([(3, 2), (8, 1), (200, 10)]))
def test_the_search_lists_what_judging_every_pair_lists(members, caps):
    cap, per = caps
    old = rec.CONFLICTS_PER_GROUP, rec.PAIRS_PER_FIGURES
    rec.CONFLICTS_PER_GROUP, rec.PAIRS_PER_FIGURES = cap, per
    try:
        new, ref = run_both(members, {"a8": "a7"})  # a8 is a copy of a7's story
    finally:
        rec.CONFLICTS_PER_GROUP, rec.PAIRS_PER_FIGURES = old
    assert new == ref


@settings(max_examples=80, deadline=None)
@given(time_group(), st.sampled_from([3, 200]))
def test_the_search_lists_the_same_times_and_dates(members, cap):
    old = rec.CONFLICTS_PER_GROUP
    rec.CONFLICTS_PER_GROUP = cap
    try:
        new, ref = run_both(members)
    finally:
        rec.CONFLICTS_PER_GROUP = old
    assert new == ref


def tallies(n: int, qualifier: str = "about") -> list[Member]:
    """A running tally of one quantity: n articles, each with its own figure."""
    return [Member(f"a{i:05d}", 0, 5, f"c-{i:05d}", "en", wording("count", 1000 + 37 * i, qualifier), None) for i in range(n)]


def test_a_big_group_judges_a_few_pairs_per_listed_conflict():
    """5,000 figures are 12.5 million pairs; the listed 200 need only the extreme ones."""
    members = tallies(5000)
    by_fig = defaultdict(list)
    for m in members:
        by_fig[m.w.figure].append(m)
    keys = sorted(by_fig)
    search = rec._PairSearch(keys, by_fig, {}, {k: 1 for k in keys})
    found = rec._top(search.run())
    assert len(found) == rec.CONFLICTS_PER_GROUP and all(v == "hard" for _, _, _, v in found)
    assert search.judged < 20 * rec.CONFLICTS_PER_GROUP, search.judged
    # and the top is the widest gap: the first tally against the last
    assert max(found, key=lambda t: t[0])[1:3] == (members[0], members[-1])


@pytest.mark.parametrize("qualifier", ["more_than", "exact"])
def test_a_group_of_bounds_or_points_stays_near_linear(qualifier):
    """No pair of 'more than' figures can be hard: the bound drops the +1 and the search still stops early."""
    members = tallies(3000, qualifier)
    by_fig = defaultdict(list)
    for m in members:
        by_fig[m.w.figure].append(m)
    keys = sorted(by_fig)
    search = rec._PairSearch(keys, by_fig, {}, {k: 1 for k in keys})
    assert len(rec._top(search.run())) == rec.CONFLICTS_PER_GROUP
    assert search.judged < 20 * rec.CONFLICTS_PER_GROUP, search.judged


def test_the_search_stops_at_its_budget(monkeypatch):
    """Dates all differ by the same nothing (no gap to order them): the budget ends the search."""
    monkeypatch.setattr(rec, "PAIRS_JUDGED_PER_GROUP", 500)
    members = [Member(f"a{i:04d}", 0, 5, f"c-{i:04d}", "en", Wording("date", f"{1000 + i}-01-01", None, None, None, "exact", 0.0, None, None), None)
               for i in range(400)]
    by_fig = defaultdict(list)
    for m in members:
        by_fig[m.w.figure].append(m)
    keys = sorted(by_fig)
    search = rec._PairSearch(keys, by_fig, {}, {k: 1 for k in keys})
    found = rec._top(search.run())
    assert search.judged == 500 and len(found) == rec.CONFLICTS_PER_GROUP
    assert all(math.isclose(s, 1.4) for s, *_ in found)
