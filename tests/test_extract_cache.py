"""Extraction caches results by sentence (``_scan``, ``_PARTS``, lru caches in ``context``):
a repeated sentence, in another article, with another publication date or from a cold start,
must give the same claims as the first time."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimrecon.extract import extract
from claimrecon.ruleset import available_languages, read_table, rules_root

X = sys.modules["claimrecon.extract"]
LANGS = available_languages()
DATA = Path(__file__).parent / "data"
PUBLISHED = [None, "2023-05-25", "2023-05-25T23:30:00Z", "2023-05-22", "2023-11-05", "2024-02-29T08:00:00+01:00"]


def _cold() -> None:
    X.clear_caches()
    assert X._scan.cache_info().currsize == 0 and not X._PARTS


def _texts(lang: str) -> list[str]:
    rows, _ = read_table(rules_root() / lang / "cases.tsv", f"{lang}/cases.tsv")
    texts = [r["text"] for r in rows]
    return texts + ["\n\n".join(texts[i : i + 4]) for i in range(0, len(texts), 4)]


@pytest.mark.parametrize("lang", LANGS)
def test_cached_claims_equal_cold_claims(lang):
    texts = _texts(lang)
    cold = {}
    for published in PUBLISHED:
        for text in texts:
            _cold()
            cold[published, text] = extract(text, lang, article_id="a", published=published)
    # warm: every sentence may now come from what another text or publication date left behind
    for order in (texts, texts[::-1]):
        for published in PUBLISHED:
            for text in order:
                assert extract(text, lang, article_id="a", published=published) == cold[published, text], (published, text)


@pytest.mark.parametrize("lang", LANGS)
def test_mentions_read_only_the_year_of_the_publication_date(lang):
    """``_scan`` caches ``extract_mentions`` by the year of the publication date alone."""
    from claimrecon.extract.engine import extract_mentions
    from claimrecon.extract.lexicon import lexicon

    lx = lexicon(lang)
    for text in _texts(lang):
        for published in PUBLISHED[1:]:
            full = extract_mentions(text, lx, published)
            assert extract_mentions(text, lx, published[:4]) == full
            assert extract_mentions(text, lx, published[:4] + "-01-01") == full


def test_articles_in_data_are_the_same_warm_and_cold():
    # each article in the language its file name gives ("es_...txt"), else in every language: the
    # sets grow every round, and reading a Polish article as English says little about the cache
    # that the tests on each language's own texts above do not
    for path in sorted(DATA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for lang in [path.name[:2]] if path.name[:2] in LANGS and path.name[2:3] in "_." else LANGS:
            for published in ("2023-05-25", "2023-06-01T12:00:00Z"):
                _cold()
                cold = extract(text, lang, published=published)
                assert extract(text, lang, published=published) == cold, (path, lang, published)
