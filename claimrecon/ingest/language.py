"""Language of a cleaned article: langdetect, seeded so that results repeat run after run.

langdetect's cost is about 2 ms per text plus 2-3 ms per 1,000 characters (pure Python), which
matters over 100,000 articles. It is first given a sample drawn evenly from the whole article:
the whole text up to 600 characters, else four windows of 150 characters spread from the
beginning to the end, each cut at spaces (measured on 500 synthetic articles: 3 ms a text
against 5-7 ms for 1,500 characters, the same language and confidence for every one of them
and for every article in tests/data). When the sample leaves it unsure
(confidence under 0.9), it reads the whole text (langdetect itself stops at 10,000 characters).

langdetect's own loader builds a table of 55 probabilities for each of its ~88,000 n-grams up
front (0.3 s); ``_Profiles`` computes each n-gram's row the same way, only when a text asks.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import re
from typing import Any

_CODE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")


def detect_language(text: str) -> tuple[str | None, float | None]:
    """(language code, confidence 0..1) of ``text``; (None, None) when it has no words to go by."""
    from langdetect.lang_detect_exception import LangDetectException

    try:
        part = sample(text)
        best = _detect_langs(part)[0]
        if best.prob < SURE and part is not text:
            best = _detect_langs(text)[0]
    except LangDetectException:
        return None, None
    return str(best.lang).split("-")[0], round(float(best.prob), 3)


def _detect_langs(text: str) -> list[Any]:
    """``langdetect.detect_langs`` with seed 0, on the lazily loaded profiles."""
    detector = _detector_class()(_factory())
    detector.append(text)
    return detector.get_probabilities()  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=1)
def _detector_class() -> type:
    """langdetect's ``Detector`` with its trial loop on numpy arrays.

    The arithmetic is langdetect's, operation for operation: each update multiplies every
    language's probability by (weight + its n-gram probability), the sum that normalizes is
    Python's own left-to-right ``sum``, and the random draws come from the same generator in the
    same order; so every probability is the same float (tests compare it with langdetect's).
    Only the loop over 55 languages runs in numpy instead of Python.
    """
    import numpy as np
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    from langdetect.utils.ngram import NGram

    rows: dict[str, Any] = {}

    class Normalized(dict[int, str]):
        """``str.translate`` table giving ``NGram.normalize`` of each character, filled on use."""

        def __missing__(self, code: int) -> str:
            self[code] = value = NGram.normalize(chr(code))
            return value  # type: ignore[no-any-return]

    table_of_chars = Normalized()

    class NumpyDetector(Detector):  # type: ignore[misc]
        def _extract_ngrams(self) -> list[str]:
            """langdetect's n-grams of the text, in its order: ``NGram.add_char`` and ``get``
            inlined, each character normalized once per process."""
            known = self.word_lang_prob_map
            result: list[str] = []
            grams, capital = " ", False
            for ch in self.text.translate(table_of_chars):
                last = grams[-1]
                if last == " ":
                    grams, capital = " ", False
                    if ch == " ":
                        continue
                elif len(grams) >= 3:
                    grams = grams[1:]
                grams += ch
                if ch.isupper():
                    if last.isupper():
                        capital = True
                else:
                    capital = False
                if capital:
                    continue
                if ch != " " and ch in known:
                    result.append(ch)
                n = len(grams)
                if n >= 2:
                    if grams[-2:] in known:
                        result.append(grams[-2:])
                    if n >= 3 and grams in known:
                        result.append(grams)
            return result

        def _detect_block(self) -> None:
            self.cleaning_text()
            ngrams = self._extract_ngrams()
            if not ngrams:
                raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
            table = self.word_lang_prob_map
            n = len(self.langlist)
            langprob = np.zeros(n)
            self.random.seed(self.seed)
            for _ in range(self.n_trial):
                prob = np.array(self._init_probability(), dtype=float)
                alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
                weight = alpha / self.BASE_FREQ
                i = 0
                while True:
                    word = self.random.choice(ngrams)
                    row = rows.get(word)
                    if row is None:
                        row = rows[word] = np.array(table[word], dtype=float)
                    prob *= weight + row
                    if i % 5 == 0:
                        total = sum(prob.tolist())
                        if total == 0.0:
                            raise ZeroDivisionError("float division by zero")  # as langdetect's own loop
                        prob /= total
                        if prob.max() > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                            break
                    i += 1
                langprob += prob / self.n_trial
            self.langprob = langprob.tolist()

    return NumpyDetector


@functools.lru_cache(maxsize=1)
def _factory() -> Any:
    """A ``DetectorFactory`` holding langdetect's own profiles, as its ``load_profile`` reads them."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.seed = 0
    factory.word_lang_prob_map = _Profiles(PROFILES_DIRECTORY)
    factory.langlist = factory.word_lang_prob_map.langlist
    return factory


class _Profiles(dict[str, Any]):
    """langdetect's n-gram -> [probability per language] map, each row built on first use.

    Holds every n-gram of every profile (``in`` stays a plain dict lookup); the languages, their
    order (the directory's) and every value are those of ``DetectorFactory.load_profile``. The
    detector only asks ``word in map`` and ``map[word]``.
    """

    def __init__(self, directory: str) -> None:
        names = os.listdir(directory)
        self.size = len(names)  # as langdetect: the length of every row
        self.langlist: list[str] = []
        self.profiles: list[tuple[dict[str, int], list[int]]] = []
        for name in names:
            path = os.path.join(directory, name)
            if name.startswith(".") or not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            self.langlist.append(data["name"])
            self.profiles.append((data["freq"], data["n_words"]))
        super().__init__(dict.fromkeys(itertools.chain.from_iterable(freq for freq, _ in self.profiles)))

    def __getitem__(self, word: str) -> list[float]:
        row: list[float] | None = dict.__getitem__(self, word)
        if row is None:
            row = [0.0] * self.size
            n = len(word)
            if 1 <= n <= 3:
                for i, (freq, n_words) in enumerate(self.profiles):
                    count = freq.get(word)
                    if count is not None:
                        row[i] = 1.0 * count / n_words[n - 1]
            self[word] = row
        return row


SAMPLE_CHARS = 600
WINDOWS = 4
SURE = 0.9


def sample(text: str) -> str:
    """Up to ``SAMPLE_CHARS`` characters of ``text``, in ``WINDOWS`` windows spread over all of it."""
    if len(text) <= SAMPLE_CHARS:
        return text
    size = SAMPLE_CHARS // WINDOWS
    step = (len(text) - size) / (WINDOWS - 1)
    parts = []
    for i in range(WINDOWS):
        start = int(i * step)
        window = text[start : start + size]
        if start:
            window = window.split(None, 1)[-1]  # start at a word
        parts.append(window.rsplit(None, 1)[0] if start + size < len(text) else window)
    return "\n".join(parts)


def language_code(value: object) -> str | None:
    """A language code as given in metadata ("en-US", "PL", "es_ES") -> "en", "pl", "es"."""
    if not isinstance(value, str):
        return None
    m = _CODE.match(value)
    return m.group(1).lower() if m else None


@functools.lru_cache(maxsize=1)
def supported_languages() -> tuple[str, ...]:
    """The languages with a rules folder (read once per process)."""
    from ..ruleset import available_languages

    return tuple(available_languages())
