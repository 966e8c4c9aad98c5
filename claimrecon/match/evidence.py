"""The evidence that two claims describe the same thing: their terms, and how terms correspond.

A claim's terms (``Counted.terms``) are concept keys of the rules' bilingual table (``#arrested``),
lemmas in its language (``pl:abonent``), names (``@gdynia``) and rates (``per:#night``). Within
one block of a run (one kind, one currency) a ``Vocabulary`` weighs them (a term that describes
many figures of the block tells less than a rare one) and links terms that the table does not:

- cognates across languages, by spelling ("evacuado", "evacuate");
- correspondences learnt from agreeing figures: when two articles state one distinctive figure
  once each and the words did not link them, their head words are taken to mean the same for
  the rest of the block ("1.4 million subscribers", "1,4 mln abonentów": abonent = subscriber).
"""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from rapidfuzz.distance import Indel

from ..extract.counted import WHEN
from ..extract.lemmas import fold
from ..ruleset import load_shared

__all__ = ["Vocabulary", "describe_terms", "distinctive"]

#: how much a term of each sort counts, next to a plain word
_SORT_WEIGHT = {"@": 0.6, "w": 0.5, "p": 1.0}
#: the weight of a canonical measure of the rules (``measures.tsv``), as a term next to the figure
MEASURE_WEIGHT = 0.5
#: how much a word counts for its family ("subscribers" for "customers"), next to itself
FAMILY_WEIGHT = 0.6
#: a term counts with weight w * idf ** IDF_POWER: a word that describes many figures of the
#: block counts less, softened so that the counted noun of a quantity most articles give still counts
IDF_POWER = 0.5
#: cognates: at least this similarity of spelling (0-1), or a shared beginning this long
COGNATE_RATIO = 0.85
COGNATE_PREFIX = 5


def _sort(term: str) -> str:
    if term.startswith("@"):
        return "@"
    if term.startswith(("#weekday_", "#month_")):
        return "w"
    if term.startswith("per:"):
        return "p"
    return ""


def _word(term: str) -> str:
    """The word of a term, for spelling comparisons and for readers: "pl:abonent" -> "abonent"."""
    t = term.split(":", 1)[1] if term.startswith(("per:", "by:")) else term
    if t.startswith("#") or t.startswith("@"):
        return t[1:].replace("_", " ")
    return t.split(":", 1)[1] if ":" in t else t


def _lang(term: str) -> str | None:
    if term[:1] in "#@" or term.startswith("per:"):
        return None
    return term.split(":", 1)[0] if ":" in term else None


class Vocabulary:
    """The terms of one block: their weights, and the links between them (cognates, learnt)."""

    def __init__(self, nodes: Sequence[Any]) -> None:
        """``nodes``: the block's claims worded alike (``nodes.Node``), each counting as its claims."""
        self.n = sum(len(n.items) for n in nodes)
        self.parent: dict[str, str] = {}
        self.why: dict[tuple[str, str], str] = {}  # linked term pair -> why ("cognates", "learnt from ...")
        df: Counter[str] = Counter()
        for node in nodes:
            k = len(node.items)
            for t in set(node.terms):
                df[t] += k
            if node.measure:
                df["=" + node.measure] += k
        self.df = df
        self._cognates(sorted(df))

    # --- links ---------------------------------------------------------------------------

    def canon(self, t: str) -> str:
        p = self.parent.get(t, t)
        while p != self.parent.get(p, p):
            p = self.parent.get(p, p)
        return p

    def _link(self, a: str, b: str, why: str) -> bool:
        ra, rb = self.canon(a), self.canon(b)
        if ra == rb:
            return False
        lo, hi = sorted((ra, rb))
        self.parent[hi] = lo
        self.why[tuple(sorted((a, b)))] = why  # type: ignore[assignment]
        return True

    def _cognates(self, terms: list[str]) -> None:
        """Link lemmas of different languages spelt alike ("evacuado" and "evacuate")."""
        by_lang: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for t in terms:
            lang = _lang(t)
            if lang:
                w = fold(_word(t))
                if len(w) >= COGNATE_PREFIX:
                    by_lang[lang].append((w, t))
        langs = sorted(by_lang)
        for i, la in enumerate(langs):
            for lb in langs[i + 1 :]:
                for wa, ta in by_lang[la]:
                    for wb, tb in by_lang[lb]:
                        if wa[:2] != wb[:2]:
                            continue
                        if _cognate(wa, wb):
                            self._link(ta, tb, "cognates")

    def learn(self, nodes: Sequence[Any], sims: dict[tuple[int, int], tuple[float, tuple[str, ...]]], min_conf: float) -> bool:
        """Link the head words of distinctive figures that two articles state alike, once each,
        but the words did not join; True when something was learnt."""
        by_value: dict[str, list[tuple[int, Any]]] = defaultdict(list)
        for i, node in enumerate(nodes):
            for it in node.items:
                key = distinctive(it)
                if key is not None:
                    by_value[key].append((i, it))
        learnt = False
        tried: set[tuple[int, int]] = set()
        for key in sorted(by_value):
            found = by_value[key]
            first = {i: it for i, it in reversed(found)}  # each node's first claim of the figure
            per_source = Counter(it.source for _, it in found)
            ids = sorted({i for i, it in found if per_source[it.source] == 1})
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    i, j = ids[x], ids[y]
                    a, b = nodes[i], nodes[j]
                    if (i, j) in tried or a.veto != b.veto or sims.get((i, j), (0.0,))[0] >= min_conf:
                        continue
                    tried.add((i, j))
                    ha, hb = _head(a), _head(b)  # the counted nouns: only what the figures count is learnt
                    if ha is None or hb is None or ha == hb:
                        continue
                    if ha.startswith("#") and hb.startswith("#"):
                        continue  # the table says these are different things: a coincidence of figures
                    if self._link(ha, hb, f"learnt from the agreeing figure {first[i].gloss or first[i].value}"):
                        learnt = True
        return learnt

    # --- vectors -------------------------------------------------------------------------

    def vector(self, it: Any) -> dict[str, float]:
        """The item's terms as a unit-length vector of canonical terms; a canonical measure of the
        rules (``measures.tsv``) counts as one more term right next to the figure."""
        v: dict[str, float] = {}
        terms, weights = list(it.terms), list(it.weights)
        if it.measure:
            terms.append("=" + it.measure)
            weights.append(MEASURE_WEIGHT)
        fams = families()
        for t, w in zip(terms, weights):
            c = self.canon(t)
            idf = math.log(1.0 + self.n / self.df.get(t, 1)) ** IDF_POWER
            x = w * idf * _SORT_WEIGHT.get(_sort(t), 1.0)
            if x > v.get(c, 0.0):
                v[c] = x
            for f in fams.get(t, ()):  # a neighbouring word of the same family counts, for less
                if FAMILY_WEIGHT * x > v.get(f, 0.0):
                    v[f] = FAMILY_WEIGHT * x
        norm = math.sqrt(sum(x * x for x in v.values()))
        return {t: x / norm for t, x in v.items()} if norm else {}

    # --- explaining ----------------------------------------------------------------------

    def basis(self, a: Any, b: Any, shared: tuple[str, ...]) -> str:
        """canonical | same_word | inferred, from the strongest evidence two items share."""
        words = [t for t in shared if (t[:1] in "#=" or ":" in t)
                 and not t.startswith(("by:", "per:", "@") + WHEN)]  # a day is no word for the quantity
        if words and words[0].startswith("="):
            return "canonical"
        for c in words[:1]:
            ta = [t for t in a.terms if self.canon(t) == c]
            tb = [t for t in b.terms if self.canon(t) == c]
            if set(ta) & set(tb):
                return "same_word"  # the same lemma, or words the rules' table gives one concept
        return "inferred"

    def explain(self, c: str, a: Any, b: Any) -> str | None:
        """The evidence of one shared canonical term, in words for a reader."""
        if c.startswith("="):
            return f"same measure: {c[1:]}"
        if " " in c:  # already words: "the same figure", "same source: police"
            return c
        if c.startswith("~"):
            return f"related words ({c[1:]})"
        ta = sorted(t for t in a.terms if self.canon(t) == c)
        tb = sorted(t for t in b.terms if self.canon(t) == c)
        if not ta or not tb:
            return None
        x, y = ta[0], tb[0]
        if x == y:
            if x.startswith("#"):
                return f"same concept: {_word(x)}" + (f" ({a.lang}, {b.lang})" if a.lang != b.lang else "")
            if x.startswith("@"):
                return f"same name: {_word(x)}"
            return f"same word: {_word(x)}"
        why = self.why.get(tuple(sorted((x, y))), "linked")  # type: ignore[call-overload]
        return f"{_word(x)} ~ {_word(y)} ({why})"


@functools.lru_cache(maxsize=None)
def families() -> dict[str, tuple[str, ...]]:
    """"#concept" -> the families it belongs to, as terms ("~crowd"), from ``rules/shared/families.tsv``."""
    out: dict[str, list[str]] = defaultdict(list)
    for r in load_shared().get("families.tsv", []):
        for c in r["concepts"].split("|"):
            out["#" + c].append("~" + r["family"])
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=None)
def _measure_gloss() -> dict[str, str]:
    return {r["measure"]: r["gloss"] for r in load_shared().get("canonical.tsv", [])}


def _cognate(a: str, b: str) -> bool:
    if Indel.normalized_similarity(a, b) >= COGNATE_RATIO:
        return True
    k = 0
    for ca, cb in zip(a, b):
        if ca != cb:
            break
        k += 1
    return k >= COGNATE_PREFIX and k >= 0.6 * min(len(a), len(b))


def _head(it: Any) -> str | None:
    """The term of the counted noun's head, if the claim has a counted noun phrase."""
    if not it.text or not it.terms or _sort(it.terms[0]) != "":
        return None
    return it.terms[0]  # the reader puts the head's term first when there is a counted noun


def distinctive(it: Any) -> str | None:
    """A figure distinctive enough that two articles stating it alike likely mean one quantity."""
    v = it.value
    if v is None:
        return None
    if isinstance(v, float):
        if not math.isfinite(v):
            return None
        if it.kind == "count" and (v < 13 or (v == int(v) and v % 100 == 0 and v < 1000)):
            return None
        if it.kind == "percent" and v in (50.0, 100.0):
            return None
        return f"{it.kind}|{it.unit or ''}|{v:.6g}"
    return f"{it.kind}|{v}"


def describe_terms(items: Iterable[Any]) -> str | None:
    """A name for a quantity, in English: the canonical measure most of its claims have (the rules'
    bridge lexicon, e.g. "listeners"), else the counted phrase most of its English claims use, else
    its commonest concept."""
    items = list(items)
    measures = Counter(it.measure for it in items if it.measure)
    if measures:
        measure, n = sorted(measures.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if 2 * n >= len(items):
            gloss = _measure_gloss().get(measure, measure.replace("_", " "))
            return gloss[3:] if gloss.startswith("of ") else gloss  # "75% of staff cut": the quantity is "staff cut"
    en = Counter(it.text.lower() for it in items if it.lang == "en" and it.text)
    if en:
        return sorted(en.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    concepts: Counter[str] = Counter()
    for it in items:
        for t, w in zip(it.terms, it.weights):
            if t.startswith("#") and not t.startswith(("#weekday_", "#month_")):
                concepts[t] += w
    if concepts:
        return _word(sorted(concepts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0])
    texts = Counter(it.text.lower() for it in items if it.text)
    if texts:
        return sorted(texts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return None
