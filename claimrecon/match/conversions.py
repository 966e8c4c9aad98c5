"""Figures an article restates in brackets: amounts converted into another currency (and the
rates a run's articles use), clock times restated on another clock.

A story about money abroad often gives an amount twice: "fined 18.6 million euros ($21.7
million)", "3,5 mln zł (ok. 800 tys. euro)". The bracketed amount is the first one converted:
the article itself says the two are one quantity, and at which rate. Matching reads amounts in
blocks of one currency, so nothing else ties them; this module does, twice:

- ``join`` puts the cluster of an amount and the cluster of its conversion together: a fine in
  euros in one article and the same fine in dollars in another become one quantity.
- ``run_rates`` learns, from the run's conversions, the rate its articles used (the median of
  their ratios), so that reconcile can judge "€16.8m" against "$21.7 million" at the day's rate
  rather than at the rough rates of ``rules/shared/exchange.tsv``, which say nothing closer than
  one and a half times apart (a fifth, between two steady currencies in articles of the years
  the rates stand for). A conversion far from the rough rates (``RATE_TRUST``) teaches no rate:
  it is more likely wrong than the day's rate.

Brackets are read whatever the words: they are how the three languages' newspapers convert most
often ("$21.7m", "(około 3,2 mln zł)", "(unos 800.000 euros)"). An amount right after another,
a comma and a word that restates it (``grammar.tsv`` class restate: "18,5 mln euro, czyli ok. 79
mln zł", ", es decir,"; "or" and "o" only before a hedged amount, ", or about $21.7 million",
since a bare "or" also offers an alternative) is read as one in brackets (``restates``; on the
thirty gated sets before round 31: 3,266 -> 3,280 of 5,477 conflicts found, 1,091 -> 1,094 false
flags); after a comma alone it is not (5 more finds for 5 more false flags), nor with words
between the amount and the comma ("€10 in Dublin, or about £8 in Belfast"). A bracketed amount whose
ratio to the amount before it is far from the rough rate is no conversion ("(up $2m on last
year)"); it is left alone, unless it stands ten, a hundred or a thousand times off at the rate
the run's other conversions that teach a rate use (``slipped``): then it is the conversion with
its scale slipped ("148 tys. euro (ok. 6,3 mln zł)"), one amount with the one before it, and
teaches no rate. A bracket that holds nothing but the amount ("500 tys. dolarów (ok. 5 mln zł)")
is a conversion by its form, whatever its ratio (``misconverted``): the article converted wrongly,
the amount joins the one before it to be judged against the other articles' amounts, and it
teaches no rate. (Measured on the thirty-two gated sets: 3,509 -> 3,541 of 5,903 conflicts found,
1,187 -> 1,189 false flags.)

A clock time restated in brackets ("at 6.42 a.m. local time (0442 GMT)") is one moment with
the time before it in the same way (``restated``): its cluster and the local time's are joined,
so that a third article's time is compared with both, and a wrong restatement is flagged.
Measured on the seventeen annotated sets with the restatements (``benchmarks/score_sets.py``):
1,590 -> 1,626 of 3,016 conflicts found, 538 -> 552 false flags; the conversions of amounts
before them: 1,434 -> 1,515 of 2,853 found, 472 -> 481 false flags on the sixteen gated sets.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..records import MATCH_BASES, Match
from ..quantities import to_base
from ..reconcile.intervals import range_end, steady, times_apart

#: an amount's text opens a bracket right after another amount's ("€16.8m (£14.6m)")
_OPENS = re.compile(r"[(\[]\s*$")
#: how far (characters) a bracketed amount may start from the start of the amount it converts
REACH = 60
#: how far a conversion's ratio may stand from the rough rate's and still be a conversion
ROUGH_SLACK = 1.5
#: ... and a physical figure from its restatement in another unit, whose conversion is exact
#: but rounded ("3 km (2 miles)": 3.2 km)
UNIT_SLACK = 1.15


def bracketed(sentence: str, at: int) -> bool:
    """Whether the amount at ``at`` in ``sentence`` opens a bracket ("... euros ($21.7 million)")."""
    return at > 0 and bool(_OPENS.search(sentence[max(0, at - 4) : at]))


#: what may follow an amount that is all its bracket holds: the bracket's close
_CLOSES = re.compile(r"\s*[)\]]")


def closes(sentence: str, end: int) -> bool:
    """Whether the bracket an amount opens closes right after it ("(ok. 5 mln zł)"), with no
    word of its own ("(up $2m on last year)")."""
    return bool(_CLOSES.match(sentence, end))


def restates(c: Any) -> tuple[int, bool, bool]:
    """(where the amount a claim may give again must end, an offset in its article; whether the
    word restates whatever follows it; whether the claim's clause ends with it), when nothing but
    a comma and a word that restates it stands before the claim ("18,5 mln euro, czyli ok. 79 mln
    zł", "fined 18.6 million euros, or about $21.7 million": ``extract.restating``), else (-1,
    False, False). Whether it is that amount converted is for its ratio to say (``pairs``), as for
    one in brackets. A change ("czyli 45 dolarów więcej") restates nothing. Only a word that
    restates whatever follows it (", czyli", ", es decir,", not ", or about", which restates only
    an approximate amount) makes a slipped conversion (``slipped``): "€45, or about $450 for the
    season" is another amount; only one its clause ends with is a wrong conversion
    (``misconverted``)."""
    from ..extract import APPROXIMATE, ends_clause, restating

    end = c.end - c.sentence_start
    found = None if c.scope.increment else restating(c.lang, c.sentence, c.start - c.sentence_start, c.qualifier in APPROXIMATE, end)
    return (-1, False, False) if found is None else (c.sentence_start + found[0], found[1], ends_clause(c.sentence, end))


def _converts(prev: Any, it: Any, firmly: bool = False) -> bool:
    """Whether an amount (a match item) says it is the amount right before it in another form: in
    brackets, or after a word that restates it (``restates``; ``firmly``: a word that restates
    whatever follows it)."""
    return it.bracketed or (it.restates_from >= 0 and it.restates_from == prev.end and (it.restates_firmly or not firmly))


def _plausible(a: Any, b: Any) -> float | None:
    """b's value per unit of a's currency when b is a's amount converted (its ratio within
    ``ROUGH_SLACK`` of the rough rates'), else None."""
    apart = times_apart(a, b)
    return None if apart is None or apart > ROUGH_SLACK else b.value / a.value


def _neighbours(items: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
    """Each item of ``items`` (match items) with the one before it in its sentence, when that one
    starts at most ``REACH`` characters before it and neither is a range's end ("10 to 12 million
    euros ($11.7m to $14m)": a range's ends in order pair no end with its conversion)."""
    by_sentence: dict[tuple[str, int], list[Any]] = defaultdict(list)
    for it in items:
        by_sentence[(it.article, it.sentence)].append(it)
    for its in by_sentence.values():
        its.sort(key=lambda it: (it.start, it.id))
        for prev, it in zip(its, its[1:]):
            if it.start - prev.start <= REACH and not range_end(prev.wording) and not range_end(it.wording):
                yield prev, it


def pairs(money: Sequence[Any]) -> list[tuple[Any, Any, float]]:
    """(amount, its conversion, rate) for each amount of ``money`` (match items), bracketed or
    restated right after the amount before it in its sentence (``restates``), that converts that
    amount into another currency."""
    out = []
    for prev, it in _neighbours(money):
        if not _converts(prev, it) or prev.unit == it.unit:
            continue
        rate = _plausible(prev, it)
        if rate is not None:
            out.append((prev, it, rate))
    return sorted(out, key=lambda p: (p[0].id, p[1].id))


#: powers of ten a bracketed amount may stand off the amount before it, at the run's own rate,
#: and still be its conversion with a scale slipped ("148.000 euros (ok. 6,3 mln zł)": ten times
#: too much)
SLIPS = (10.0, 100.0, 1000.0)
#: ... within this factor of one of them (a conversion is rounded, and rates move a little)
SLIP_SLACK = 1.15


def slipped(money: Sequence[Any], rates: dict[tuple[str, str], float]) -> list[tuple[Any, Any]]:
    """(amount, its conversion) for each amount of ``money``, bracketed or firmly restated right
    after the amount before it (``restates``), that converts that amount into another currency
    with a scale slipped: at the rate the run's own articles use
    between the two currencies (``run_rates``; none, nothing is read so), ten, a hundred or a
    thousand times too much or too little, within ``SLIP_SLACK``. Rough rates are not trusted for
    this: a currency that lost nine tenths of its worth since they were set would look slipped.
    The article says the two are one amount; what it says of the rate is wrong, so it teaches none
    (``run_rates`` is read from ``pairs`` alone)."""
    out = []
    for prev, it in _neighbours(money):
        rate = rates.get((prev.unit, it.unit)) if _converts(prev, it, firmly=True) and prev.unit != it.unit else None
        if rate is None or not prev.value or not it.value or _plausible(prev, it) is not None:
            continue
        r = it.value / (prev.value * rate)
        r = max(r, 1.0 / r)
        if any(step / SLIP_SLACK <= r <= step * SLIP_SLACK for step in SLIPS):
            out.append((prev, it))
    return sorted(out, key=lambda p: (p[0].id, p[1].id))


#: what may stand between an amount and an amount that is all the bracket after it holds: " (", "("
BRACKET_GAP = 3


def misconverted(money: Sequence[Any]) -> tuple[list[tuple[Any, Any, float]], list[tuple[Any, Any]]]:
    """Amounts of ``money`` each of which is all the bracket right after an amount in another
    currency holds ("500 tys. dolarów (ok. 5 mln zł)"), or that restates it after a comma and ends
    its clause (``restates``, ``restates_alone``: "1.500 eslotis, unos 530 euros, por cada"; not "2
    mld zł, czyli ok. 2 tys. euro na każdą rodzinę", a red-team review's case) between two steady
    currencies (not "1.000 millones de pesos, unos 700.000 dólares", right at a rate the rough
    ones left behind), at a ratio no rough rate allows, as
    (agreed, wrong): ``agreed`` (amount, conversion, rate) when another article converts between
    the two currencies at that rate too, in another language (``AGREED_RATE``: a currency the rough
    rates have left behind, "1.000 millones de pesos argentinos (unos 13 millones de dólares)" told
    alike twice),
    to teach the run its rate as ``pairs`` do; ``wrong`` (amount, conversion) otherwise: the
    article gives it as that amount converted, wrongly, and it is one quantity with it, to be
    judged against the other articles' amounts; it teaches no rate."""
    found = []  # (amount, conversion, rate, the pair's currencies in sorted order, the rate that way)
    for prev, it in _neighbours(money):
        # (the bracket right after the amount, nothing but a space between: not "€40, and the VIP
        # package (£500)", "£20 million in aid, while the EU (€50 million)")
        if (it.alone and 0 < it.start - prev.end <= BRACKET_GAP or (it.restates_from == prev.end and it.restates_alone
                                                                      and steady(it.unit) and steady(prev.unit))) \
                and not prev.bracketed and prev.unit != it.unit and prev.value and it.value and _plausible(prev, it) is None:
            rate = it.value / prev.value
            found.append((prev, it, rate, *_oriented(prev, it, rate)))
    agreed, wrong = [], []
    for prev, it, rate, key, r in found:
        # (in another language: two copies of one wire story repeat its wrong conversion alike)
        if any(q[0].lang != prev.lang and q[3] == key and abs(q[4] - r) <= AGREED_RATE * r for q in found):
            agreed.append((prev, it, rate))
        else:
            wrong.append((prev, it))
    return sorted(agreed, key=lambda p: (p[0].id, p[1].id)), sorted(wrong, key=lambda p: (p[0].id, p[1].id))


#: a conversion teaches the run its rate only when it stands within this factor of the rough
#: rates of ``rules/shared/exchange.tsv``, or another article's conversion agrees with it
#: (``AGREED_RATE``): one outlet's wrong conversion ("150 euros (ok. 540 zł)", at 3.6 zlotys to the
#: euro) is then no longer the rate the others are judged at, the only one between its two
#: currencies vouching for itself. The table holds 2023-2025 averages in dollars; the euro, the
#: pound and the zloty had moved 6-8% from them by 2025, so the bound is wider than that. A
#: currency that has moved farther (the lira, the peso, the shekel against the euro) teaches no
#: rate from a lone right conversion, and its amounts in two currencies are then judged at rough
#: rates, which see only 1.5 times apart (a fifth, between steady currencies:
#: ``intervals.BOUNDS_OFF``). (Measured on the twenty-six gated sets: 2,757 -> 2,770
#: of 4,703 conflicts found, 886 -> 889 false flags; 1.1 gave the same; 1.2: 2,761 and 889; 1.25:
#: 2,761 and 886.)
RATE_TRUST = 1.15


#: two conversions between one pair of currencies within this much of each other (relative)
#: give one rate: two outlets that agree on it vouch for each other, whatever the rough rates
AGREED_RATE = 0.04


def _trusted(a: Any, b: Any, rate: float, alike: Sequence[tuple[float, str]]) -> bool:
    """Whether a conversion (``a`` into ``b``, at ``rate``, in the pair's sorted direction) may
    teach the run its rate: its ratio stands within ``RATE_TRUST`` of the rough rates', or another
    article converts between the same two currencies at a rate within ``AGREED_RATE`` of it
    (``alike``: the pair's (rate, article), sorted): a currency the table has left behind,
    converted alike twice."""
    apart = times_apart(a, b)
    if apart is not None and apart <= RATE_TRUST:
        return True
    k = bisect.bisect_left(alike, (rate * (1 - AGREED_RATE), ""))
    while k < len(alike) and alike[k][0] * (1 - AGREED_RATE) <= rate:
        if alike[k][1] != a.article:
            return True
        k += 1
    return False


def _oriented(a: Any, b: Any, rate: float) -> tuple[tuple[str, str], float]:
    """A conversion of ``a`` into ``b`` at ``rate`` as its pair of currencies in alphabetical
    order and the rate that way, so that a rate and the rate back are exact reciprocals."""
    return ((a.unit, b.unit), rate) if a.unit < b.unit else ((b.unit, a.unit), 1.0 / rate)


def run_rates(conversions: Sequence[tuple[Any, Any, float]]) -> dict[tuple[str, str], float]:
    """(currency, currency) -> how many of the second one unit of the first is worth, the median
    of the run's conversions between the two (both ways) that stand near the rough rates or that
    another article's conversion agrees with (``_trusted``), or, for two currencies no article
    converts between, the product of their rates to the first third currency (in sorted order)
    that both are converted into."""
    # each pair of currencies in one direction (the first in alphabetical order), so that a rate
    # and the rate back are exact reciprocals, whichever way the articles converted
    told: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
    ways = []
    for a, b, rate in conversions:
        key, r = _oriented(a, b, rate)
        told[key].append((r, a.article))
        ways.append((a, b, key, r))
    for alike in told.values():
        alike.sort()
    seen: dict[tuple[str, str], list[float]] = defaultdict(list)
    for a, b, key, r in ways:
        if _trusted(a, b, r, told[key]):
            seen[key].append(r)
        # else a wrong conversion, or a lone one at a rate far from the table's: it teaches nothing
    direct = {k: statistics.median(v) for k, v in sorted(seen.items())}
    # two currencies no article converts between, through a third each is converted into
    # ("£4.7m (€5.4m)" in one article, "€5.4m (ok. 23 mln zł)" in another: pounds in zlotys)
    both = dict(direct)
    both.update({(y, x): 1.0 / r for (x, y), r in direct.items()})
    out = dict(direct)
    for (x, y), r in sorted(both.items()):
        for (y2, z), r2 in sorted(both.items()):
            if y2 == y and x < z and (x, z) not in out:
                out[(x, z)] = r * r2
    out.update({(y, x): 1.0 / r for (x, y), r in list(out.items())})
    return dict(sorted(out.items()))


def rates_for(units: set[str], rates: dict[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    """The run's rates between the currencies of one quantity."""
    return {(x, y): r for (x, y), r in rates.items() if x in units and y in units}


def restated(items: Sequence[Any]) -> list[tuple[Any, Any]]:
    """(figure, the same figure restated in brackets) pairs of match items of one kind (and one
    dimension): clock times on two clocks ("at 8 p.m. (1800 GMT)", "o 22.47 (21.47 GMT)"), physical
    figures in two units ("65 km/h (40 mph)", "25C (77F)") of about one size, or of any when the
    bracket holds the figure alone, right after the other ("48 knots (about 60km/h)"). The article
    says they are one figure, whether or not its two agree: a wrong restatement is one of the
    errors a reader wants flagged."""
    out = [(prev, it) for prev, it in _neighbours(items)
           if it.bracketed and not prev.bracketed and (prev.kind, prev.unit) == (it.kind, it.unit)
           and (not bare(it) or it.start - prev.end <= BRACKET_GAP)  # ("50 mph toppled 40 trees (110 km/h)")
           and (_same_size(prev, it) or (bare(it) and prev.wording.unit != it.wording.unit))]
    return sorted(out, key=lambda p: (p[0].id, p[1].id))


def bare(it: Any) -> bool:
    """A physical figure that is all its bracket holds, with no words of its own ("(about
    60km/h)"): it restates only the figure its bracket opens right after."""
    return it.kind in ("quantity", "temperature") and bool(it.alone) and not it.terms


def _same_size(a: Any, b: Any) -> bool:
    """Whether two physical figures in their base unit stand within ``UNIT_SLACK`` of each other
    ("65 km/h (40 mph)"), as a restatement does; not "a 10 km walk (5 miles of it uphill)". Clock
    times and temperatures (whose scales have offsets) are not checked: a wrong restatement of
    them is an error to flag."""
    if a.kind != "quantity":
        return True
    x, y = to_base(_number(a.value), a.wording.unit), to_base(_number(b.value), b.wording.unit)
    if x is None or y is None or x <= 0 or y <= 0:
        return True  # nothing to check it against
    return max(x, y) <= UNIT_SLACK * min(x, y)


def _number(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


#: the kinds whose restatement, matched on its words with a quantity its amount's cluster cannot
#: join, is moved to its amount's cluster (``join``): an amount's conversion and a clock time's
#: restatement on another clock. A length or a temperature in another unit keeps its words'
#: cluster: a figure in metres and one in feet are often two heights of one story. (Measured on
#: the forty-three gated sets: 5,155 -> 5,166 of 8,483 conflicts found, 1,301 -> 1,270 false
#: flags; money alone 5,151 and 1,280, clock times alone 5,170 and 1,291, every kind 5,166 and 1,273.)
RESEATED = frozenset({"money", "time"})


#: what a cluster joined through a restatement says of it, per kind
_JOINED = {"money": "an article gives one amount in both currencies",
           "time": "an article restates one moment on another clock",
           "": "an article gives one figure in both units"}


def join(found: list[tuple[list[Any], Any]], pairs: Sequence[tuple[Any, Any]],
         figure: Any) -> list[tuple[list[Any], Any]]:
    """The clusters (items, how matched), with the clusters of the two items of each pair (an
    amount and its conversion, a clock time and its restatement) joined, unless one article
    would then state two figures in one currency of one quantity, beside the pair's own (the
    clusters hold two quantities one article tells apart). ``figure`` gives an item's figure. A
    joined cluster is matched as surely as the least sure of its parts: the restatement itself is
    the article's word."""
    if not pairs:
        return found
    where = {it.id: k for k, (members, _) in enumerate(found) for it in members}
    moved: dict[str, int] = {}  # restatements moved to their amount's cluster
    parent = list(range(len(found)))
    told: dict[int, dict[tuple[str, str, str], set[str]]] = {}

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def figures(k: int) -> dict[tuple[str, str, str], set[str]]:
        if k not in told:
            told[k] = defaultdict(set)
            for it in found[k][0]:
                told[k][(it.source, it.voice, it.unit or "")].add(figure(it))
        return told[k]

    joined: dict[int, str] = {}
    for a, b in pairs:
        ka, kb = root(where[a.id]), root(where[b.id])
        if ka != kb and a.kind in RESEATED and _restates_only(b) and len(found[kb][0]) > 1 \
                and _clash(figures(ka), figures(kb), {figure(a), figure(b)}):
            # the two clusters are two quantities, and the restatement was matched, on its
            # words, with the other: it is its amount's, as its article says
            figures(kb)[(b.source, b.voice, b.unit or "")].discard(figure(b))
            figures(ka)[(b.source, b.voice, b.unit or "")].add(figure(b))
            moved[b.id] = ka
            where[b.id] = ka
            continue
        if ka == kb:
            continue
        fa, fb = figures(ka), figures(kb)
        own = {figure(a), figure(b)}
        if _clash(fa, fb, own):
            continue  # one article would give two figures in one currency, or of one moment
        keep, gone = min(ka, kb), max(ka, kb)
        parent[gone] = keep
        merged = defaultdict(set, {k: set(v) for k, v in fa.items()})
        for key, vals in fb.items():
            merged[key] |= vals
        told[keep] = merged
        told.pop(gone, None)
        joined[keep] = _JOINED.get(a.kind, _JOINED[""])
    if moved:
        found = _moved(found, moved)

    def how(k: int, ks: list[int]) -> Match:
        parts = [found[x][1] for x in ks if found[x][1] is not None]
        basis = max((m.basis for m in parts), key=MATCH_BASES.index, default="same_word")
        confidence = min((m.confidence for m in parts), default=1.0)
        return Match(basis, confidence, tuple(e for m in parts for e in m.evidence)[:4] + (joined[k],))

    # (a cluster whose only claim was moved out is left empty: gone now)
    return [(members, m) for members, m in (regroup(found, root, how) if joined else found) if members]


def _restates_only(it: Any) -> bool:
    """Whether a bracketed or restated figure can be nothing but the one before it in another
    form: an amount that is all its bracket holds ("(roughly £1,870)", not "(€1,184 in Spain)") or
    that a word of restating puts after it (", or about"); a clock time that names its zone
    ("(1640 GMT)", not "(8.31pm in Valencia)", "(7am on Sundays)")."""
    if it.kind == "time":
        return bool(it.wording.zone)
    return it.alone or it.restates_from >= 0


def _moved(found: list[tuple[list[Any], Any]], moved: dict[str, int]) -> list[tuple[list[Any], Any]]:
    """The clusters with each item of ``moved`` (id -> cluster) taken out of its own and put in
    that one; a cluster left empty stays, empty, so that the clusters keep their numbers."""
    going: dict[int, list[Any]] = defaultdict(list)
    for k, (members, _) in enumerate(found):
        for it in members:
            if it.id in moved and moved[it.id] != k:
                going[moved[it.id]].append(it)
    out = []
    for k, (members, m) in enumerate(found):
        kept = [it for it in members if moved.get(it.id, k) == k] + going.get(k, [])
        kept.sort(key=lambda it: (it.article, it.start, it.id))
        if len(kept) < 2:
            m = None
        elif m is None:
            m = Match("same_word", 1.0, (_JOINED.get(kept[0].kind, _JOINED[""]),))
        out.append((kept, m))
    return out


def _clash(fa: dict[tuple[str, str, str], set[str]], fb: dict[tuple[str, str, str], set[str]], own: set[str]) -> bool:
    """Whether joining two clusters (their figures per article, voice and unit) would have one
    article give two figures in one unit, beside a pair's own two (``own``)."""
    return any(key in fb and fb[key] - own != vals - own for key, vals in fa.items())


def regroup(found: list[tuple[list[Any], Any]], root: Callable[[int], int],
            how: Callable[[int, list[int]], Any]) -> list[tuple[list[Any], Any]]:
    """The clusters ``found`` (items, how matched) after joins: those with one ``root`` become
    one, its items in order, matched as ``how(root, the clusters joined)`` says; a cluster
    nothing joined stays as it was."""
    groups: dict[int, list[int]] = defaultdict(list)
    for k in range(len(found)):
        groups[root(k)].append(k)
    out = []
    for k in sorted(groups):
        ks = groups[k]
        if len(ks) == 1:
            out.append(found[k])
            continue
        members = sorted((it for x in ks for it in found[x][0]), key=lambda it: (it.article, it.start, it.id))
        out.append((members, how(k, ks)))
    return out
