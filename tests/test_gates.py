"""The word gates that let the extractor skip regex scans must never hide a match.

For every gated pattern of every language: wherever the pattern finds something in a text,
the gate over that text's words is open. Texts: every rules phrase on its own and inside a
sentence, in several casings, every cases.tsv line and every article in tests/data.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimrecon.extract import extract
from claimrecon.extract.engine import _TIME_SUFFIXES, _hedge_before, extract_mentions
from claimrecon.extract.lexicon import Gate, lexicon, words_of
from claimrecon.ruleset import available_languages, read_table, rules_root

LANGS = available_languages()
DATA = Path(__file__).parent / "data"
GATED = [("word_re", "word_gate"), ("vague_re", "vague_gate"), ("share_re", "share_gate"),
         ("duration_unit_re", "duration_gate"), ("weekday_re", "weekday_gate"), ("month_re", "month_gate"),
         ("am_re", "marker_gate"), ("pm_re", "marker_gate"), ("prep_re", "prep_gate")]


def _texts(lang: str) -> list[str]:
    lx = lexicon(lang)
    phrases = [*lx.words, *lx.vague, *lx.shares, *lx.units_after, *lx.weekdays, *lx.months, *_time_phrases(lang)]
    texts = []
    for p in phrases:
        texts += [p, p.upper(), p.title(), f"Some {p}, then 5 more.", f"({p})"]
    rows, _ = read_table(rules_root() / lang / "cases.tsv", f"{lang}/cases.tsv")
    texts += [r["text"] for r in rows]
    for path in sorted(DATA.rglob("*.txt")):
        texts += path.read_text(encoding="utf-8").splitlines()
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_a_closed_gate_hides_no_match(lang):
    lx = lexicon(lang)
    for text in _texts(lang):
        words = words_of(text)
        for pattern, gate in GATED:
            if getattr(lx, pattern).search(text):
                assert getattr(lx, gate).open(words), (pattern, text)
        if lx.candidate_re.search(text) and not any(ch.isdigit() for ch in text):
            assert lx.candidate_gate.open(words), text


@pytest.mark.parametrize("lang", LANGS)
def test_mentions_are_the_same_with_and_without_the_gates(lang):
    for text in _texts(lang):
        gated = extract_mentions(text, lexicon(lang), "2023-05-25", words_of(text))
        everything = extract_mentions(text, lexicon(lang), "2023-05-25", _all_words(lang))
        assert [(m.kind, m.start, m.end, m.value) for m in gated] == [(m.kind, m.start, m.end, m.value) for m in everything]


def _time_phrases(lang: str) -> list[str]:
    rows, _ = read_table(rules_root() / lang / "time.tsv", f"{lang}/time.tsv")
    return [r["phrase"] for r in rows]


def _all_words(lang: str) -> frozenset[str]:
    """Words that open every gate of a language: each gate's words and wildcard prefixes."""
    lx = lexicon(lang)
    gates = [v for v in vars(lx).values() if isinstance(v, Gate)]
    words: set[str] = set(_TIME_SUFFIXES)
    for g in gates:
        needs = [n for ns in g.by_first.values() for n in ns] + [n for _, n in g.by_prefix]
        words |= set(g.firsts) | {p for p, _ in g.by_prefix}
        words |= {w for exact, prefixes in needs for w in (*exact, *prefixes)}
    return frozenset(words)


def test_gate_reads_first_words_wildcards_and_symbols():
    g = Gate.of(["tys.", "three-quarters of", "milion*", "a few hundred"])
    assert g.open(words_of("200 tys. osób")) and g.open(words_of("Three-quarters of them")) and g.open(words_of("2 miliony"))
    assert g.open(words_of("a few hundred")) and not g.open(words_of("a few")) and not g.open(words_of("three of"))
    assert not g.open(words_of("no figures here"))
    assert Gate.of(["$", "dollars"]).open(words_of("nothing"))  # a phrase starting with a symbol: always open


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnoprstuwyzáéíóúñąćęłńóśźż 0123456789.,-%$€:", max_size=60))
@pytest.mark.parametrize("lang", LANGS)
def test_random_text_extracts_without_error(lang, text):
    extract(text, lang, published="2023-05-25")


@pytest.mark.parametrize("lang", LANGS)
def test_hedge_shortcut_hides_no_hedge(lang):
    """``_hedge_before`` skips the search when the window's last word ends no hedge: never
    when the search would have found one."""
    lx = lexicon(lang)
    texts = _texts(lang) + [f"{h} 5" for h in lx.hedges_before] + [f"we saw {h.upper()}  12 people" for h in lx.hedges_before]
    checked = 0
    for text in texts:
        for pos in (i for i, ch in enumerate(text) if ch.isdigit() or ch.isalpha() and (i == 0 or text[i - 1] == " ")):
            if lx.hedge_before_re.search(text[max(0, pos - 40) : pos]):
                assert _hedge_before(text, lx, pos) is not None or _no_entry(lx, text, pos), (text, pos)
                checked += 1
    assert checked > len(lx.hedges_before)


def _no_entry(lx, text, pos) -> bool:
    """The search matched but the phrase has no table entry, or one saying it is no hedge
    ("exact": "wzrosła do"); then None is the right answer."""
    import re as _re

    from claimrecon.extract.lexicon import find_entry

    hm = lx.hedge_before_re.search(text[max(0, pos - 40) : pos])
    phrase = _re.sub(r"\s+", " ", hm.group().strip().lower())
    return (lx.hedges_before.get(phrase) or find_entry(lx.hedges_before, phrase)) in (None, "", "exact")


def _slow_open(gate: Gate, words: frozenset[str]) -> bool:
    """``Gate.open`` without its shortcut for one-word phrases: the definition it must keep."""
    if gate.always:
        return True
    if any(w.endswith(x) and len(w) >= len(x) + 3 for w in words for x in gate.suffixes):
        return True  # a derived denominator ("tenths"): its own rule, no shortcut
    for w in gate.firsts & words:
        if any(exact <= words and all(any(x.startswith(p) for x in words) for p in prefixes) for exact, prefixes in gate.by_first[w]):
            return True
    return any(any(x.startswith(p) for x in words) and exact <= words and all(any(x.startswith(q) for x in words) for q in prefixes)
               for p, (exact, prefixes) in gate.by_prefix)


@pytest.mark.parametrize("lang", LANGS)
def test_gate_shortcut_changes_no_answer(lang):
    lx = lexicon(lang)
    gates = [v for v in vars(lx).values() if isinstance(v, Gate)]
    for text in _texts(lang):
        words = words_of(text)
        for g in gates:
            assert g.open(words) == _slow_open(g, words), text


@pytest.mark.parametrize("lang", LANGS)
def test_word_start_lead_changes_no_match(lang):
    """An alternation whose phrases all start with a word character begins with "(?<!\\w)"
    (``lexicon.alternation``): without it, every pattern finds the same spans."""
    import re

    lx = lexicon(lang)
    lead = r"(?<!\w)"
    patterns = [p for p in vars(lx).values() if isinstance(p, re.Pattern) and p.pattern.startswith(lead)]
    assert patterns
    for p in patterns:
        bare = re.compile(p.pattern[len(lead):], p.flags)
        for text in _texts(lang):
            assert [m.span() for m in p.finditer(text)] == [m.span() for m in bare.finditer(text)], (p.pattern[:60], text)
