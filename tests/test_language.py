"""Language detection gives langdetect's own answers, float for float.

claimrecon builds langdetect's profile rows on first use and runs its trial loop on numpy
arrays (``ingest/language.py``); both must leave every probability exactly as langdetect's
``detect_langs`` (seed 0) computes it.
"""

from __future__ import annotations

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
