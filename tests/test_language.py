"""Language detection gives langdetect's own answers, float for float.

claimrecon builds langdetect's profile rows on first use and runs its trial loop on numpy
arrays (``ingest/language.py``); both must leave every probability exactly as langdetect's
``detect_langs`` (seed 0) computes it.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from claimrecon.ingest.language import _detect_langs, detect_language, sample

ROOT = Path(__file__).parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted([*ROOT.glob("corpus/*.txt"), *(ROOT / "tests" / "data").rglob("*.txt")])]
TEXTS += [
    "Der Bundestag hat am Donnerstag mit großer Mehrheit ein neues Gesetz beschlossen.",
    "Le gouvernement a annoncé mardi une nouvelle réforme des retraites.",
    "Это короткий тестовый текст на русском языке.",
    "Ponad 500 000 użytkowników dołączyło do transmisji.",
    "Más de 300 personas resultaron heridas.",
]


@pytest.fixture(scope="module")
def stock():
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    return detect_langs


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_probabilities_are_langdetects(stock, i):
    for part in {TEXTS[i], sample(TEXTS[i])}:
        ours = [(x.lang, x.prob) for x in _detect_langs(part)]
        theirs = [(x.lang, x.prob) for x in stock(part)]
        assert ours == theirs


def test_a_text_without_letters_has_no_language():
    assert detect_language("12 345 — 67%") == (None, None)


# Texts of many lengths (so the number of n-grams, and with it random.choice's rejection of
# draws, varies), from the texts above, plus strings that stress the n-gram rules: capital
# words, runs of spaces, characters langdetect drops, Vietnamese marks, other scripts.
VARIED = [t[i : i + size] for t in TEXTS[:6] for i, size in ((0, 1), (3, 9), (0, 31), (10, 64), (5, 129), (0, 257), (40, 700))]
VARIED += [
    "NATO and the EU: GDP UP 3%  in   Q2 ... UNESCO's  ÉTÉ",
    "aB Ab AB ABc abC A B C",
    "  leading and trailing spaces  ",
    "Vie\u0302\u0323t Nam co\u0301 Tie\u0302\u0301ng Vie\u0323\u0302t, ẠẢẤ ạảấ",
    "Москва ЕС НАТО and some latin text, mixed 50/50 Москва",
    "東京は日本の首都です。 한국어 문장. مرحبا بالعالم",
    "mail me: a.b@example.com or see https://example.com/x?y=1 now",
    "Șoseaua și țara, ş ţ",
]


@pytest.fixture(scope="module")
def stock_detector():
    """langdetect's own ``Detector`` class and our class, on the same (lazily loaded) profiles."""
    from langdetect.detector import Detector

    from claimrecon.ingest.language import _detector_class, _factory

    return Detector, _detector_class(), _factory()


def test_n_grams_are_langdetects(stock_detector):
    """append, cleaning_text and _extract_ngrams (a memo per word) give langdetect's n-grams."""
    import random

    Detector, Ours, factory = stock_detector
    rnd = random.Random(0)
    alphabet = [*"aAbBzZ  ..@-1\n\tÉéÖößẞİıДдЖжΣσς東京ـا\u0300\u0301\u0323ȘșẠạ[]^_`{", "http://x.org/a ", "   "]
    fuzz = ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(60))) for _ in range(2000)]
    for text, limit in itertools.product([*TEXTS, *VARIED, *fuzz], (10_000, 25)):
        theirs, ours = Detector(factory), Ours(factory)
        theirs.max_text_length = ours.max_text_length = limit  # append cuts each text there
        theirs.append(text)
        ours.append(text)
        assert ours.text == theirs.text
        theirs.cleaning_text()
        ours.cleaning_text()
        assert ours.text == theirs.text
        expected = theirs._extract_ngrams()
        assert ours._extract_ngrams() == expected
        assert ours._extract_ngrams_by_char() == expected


@pytest.mark.parametrize("i", range(len(VARIED)))
def test_probabilities_and_draws_are_langdetects(stock_detector, i):
    """The same probabilities as langdetect's own Detector, and its generator left in the same
    state: the trial loop draws exactly what langdetect draws, no more."""
    from langdetect.lang_detect_exception import LangDetectException

    Detector, Ours, factory = stock_detector
    theirs, ours = Detector(factory), Ours(factory)
    theirs.append(VARIED[i])
    ours.append(VARIED[i])
    try:
        expected = [(x.lang, x.prob) for x in theirs.get_probabilities()]
    except LangDetectException:
        with pytest.raises(LangDetectException):
            ours.get_probabilities()
        return
    assert [(x.lang, x.prob) for x in ours.get_probabilities()] == expected
    assert ours.langprob == theirs.langprob  # every language, not only those over 0.1
    assert ours.random.getstate() == theirs.random.getstate()
