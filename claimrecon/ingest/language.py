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

``_detector_class`` gives langdetect's answers float for float, faster. Measured on those 500
articles and 500 more (synth.py --seed 7) on a 2-core machine shared with other work, each
article timed 5 times alternately with the previous version in one process, minimum kept:
``detect_language`` costs about 1.05 ms an article, against 2.0 ms when the trial loop ran
one iteration at a time and the n-grams were found character by character (1.9x). About
0.75 ms of it is the trial loop (7 trials of ~10 blocks of up to 5 iterations; a block is 5
numpy calls on small arrays and its draws, ~10 us), 0.1 ms building the detector and cleaning
the text, 0.05 ms the n-grams (worked out once per word, kept for 20,000 words).
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import re
import threading
from typing import Any

_CODE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")
_SPACES = re.compile("  +")
_LATIN = re.compile("[A-z]+")  # langdetect's 'A' <= ch <= 'z'
_NON_LATIN = re.compile("[\u0300-\U0010ffff]+")
_LATIN_EXTENDED_ADDITIONAL = re.compile("[\u1e00-\u1eff]")


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
    The loop over 55 languages runs in numpy instead of Python, five iterations at a time, and a
    word's n-grams are worked out once and remembered (``WordRows``).
    """
    import numpy as np
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException
    from langdetect.utils.ngram import NGram
    from langdetect.utils.unicode_block import unicode_block

    class Normalized(dict[int, str]):
        """``str.translate`` table giving ``NGram.normalize`` of each character, filled on use."""

        def __missing__(self, code: int) -> str:
            self[code] = value = NGram.normalize(chr(code))
            return value  # type: ignore[no-any-return]

    table_of_chars = Normalized()

    def grams_by_char(known: Any, chars: str) -> list[str]:
        """langdetect's n-grams of normalized ``chars``, in its order: ``NGram.add_char`` and
        ``get`` inlined, from a new ``NGram``'s state."""
        result: list[str] = []
        grams, capital = " ", False
        for ch in chars:
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

    class Rows:
        """The n-grams of one profile map (``known``) met so far, numbered: ``matrix[i]`` is a
        copy of ``known[words[i]]`` (the same floats), so a block's rows are one ``take``."""

        def __init__(self, known: Any) -> None:
            self.known = known
            self.number: dict[str, int] = {}
            self.words: list[str] = []
            self.matrix = np.empty((0, 0))
            self.lock = threading.Lock()  # taken only to add rows
            self.spaced, self.final = WordRows(self, " "), WordRows(self, "")

        def add(self, gram: str) -> int:
            with self.lock:
                i = self.number.get(gram)
                if i is None:
                    row = self.known[gram]
                    i = len(self.words)
                    if i == len(self.matrix):
                        grown = np.empty((max(2 * i, 1024), len(row)))
                        if i:
                            grown[:i] = self.matrix
                        self.matrix = grown
                    self.matrix[i] = row
                    self.words.append(gram)
                    self.number[gram] = i  # last: a number is handed out once its row is written
            return i

    class WordRows(dict[str, tuple[int, ...]]):
        """word -> the numbers of ``grams_by_char(known, word + end)``, filled on use.

        Holds words up to ``LONGEST`` characters (a longer "word", such as a CJK sentence, is
        seldom seen twice), and starts again empty when it holds ``LIMIT`` of them.
        """

        LIMIT = 20_000
        LONGEST = 24

        def __init__(self, rows: Rows, end: str) -> None:
            super().__init__()
            self.rows, self.end = rows, end

        def __missing__(self, word: str) -> tuple[int, ...]:
            rows = self.rows
            get = rows.number.get
            numbers = []
            for gram in grams_by_char(rows.known, word + self.end):
                i = get(gram)
                numbers.append(rows.add(gram) if i is None else i)
            value = tuple(numbers)
            if len(word) <= self.LONGEST:
                if len(self) >= self.LIMIT:
                    self.clear()
                self[word] = value
            return value

    tables: dict[int, Rows] = {}

    def rows_of(known: Any) -> Rows:
        """``known``'s ``Rows`` (which keeps ``known``, so its id is not reused)."""
        rows = tables.get(id(known))
        if rows is None:
            rows = tables[id(known)] = Rows(known)
        return rows

    class NumpyDetector(Detector):  # type: ignore[misc]
        def append(self, text: str) -> None:
            """langdetect's ``append``: its loop keeps a character unless it is a space after a
            space of this text (its ``pre`` starts as 0), i.e. makes each run of spaces one."""
            text = self.URL_RE.sub(" ", text)
            text = self.MAIL_RE.sub(" ", text)
            text = NGram.normalize_vi(text)
            self.text += _SPACES.sub(" ", text[: self.max_text_length])

        def cleaning_text(self) -> None:
            """langdetect's ``cleaning_text``, counting with regular expressions: Latin letters
            are 'A' <= ch <= 'z'; the others it counts are ch >= U+0300 for which its
            ``unicode_block(ch) != 'Latin Extended Additional'`` (asked here for the characters of
            that block, U+1E00-U+1EFF; langdetect 1.0.9's ``unicode_block`` returns a number, so
            it leaves none out)."""
            text = self.text
            without_latin = _LATIN.sub("", text)
            latin_count = len(text) - len(without_latin)
            non_latin_count = len(text) - len(_NON_LATIN.sub("", text))
            for ch in _LATIN_EXTENDED_ADDITIONAL.findall(text):
                if unicode_block(ch) == "Latin Extended Additional":
                    non_latin_count -= 1
            if latin_count * 2 < non_latin_count:
                self.text = without_latin

        def _extract_numbers(self, rows: Rows) -> list[int]:
            """The numbers in ``rows`` of langdetect's n-grams of the text, in its order.

            On the character after a space ``NGram.add_char`` starts again (grams " ", not a
            capital word: a new ``NGram``'s state), and a space after a space adds nothing; so
            the n-grams of the text are those of each word with its following space, one word
            after the other, each the same whatever came before: worked out once per word.
            """
            words = self.text.translate(table_of_chars).split(" ")
            last = words.pop()  # the only word not followed by a space ("" if there is none)
            numbers = list(itertools.chain.from_iterable(map(rows.spaced.__getitem__, filter(None, words))))
            if last:
                numbers += rows.final[last]
            return numbers

        def _extract_ngrams(self) -> list[str]:
            """langdetect's n-grams of the text, in its order (as ``_detect_block`` gets them)."""
            rows = rows_of(self.word_lang_prob_map)
            return [rows.words[i] for i in self._extract_numbers(rows)]

        def _extract_ngrams_by_char(self) -> list[str]:
            """langdetect's n-grams of the text, in its order, character by character."""
            return grams_by_char(self.word_lang_prob_map, self.text.translate(table_of_chars))

        def _detect_block(self) -> None:
            self.cleaning_text()
            rows = rows_of(self.word_lang_prob_map)
            ngrams = self._extract_numbers(rows)  # n-gram numbers: rows of rows.matrix
            if not ngrams:
                raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
            matrix = rows.matrix  # (holds every row of ngrams: they were added before)
            n_trial, conv, limit = self.n_trial, self.CONV_THRESHOLD, self.ITERATION_LIMIT
            langprob = np.zeros(len(self.langlist))
            init = np.array(self._init_probability(), dtype=float)
            # A block's arithmetic runs in a (iterations + 1, languages) array: the probabilities
            # as the block starts, then the factor of each of its iterations.
            first, block = np.empty((2, len(init))), np.empty((6, len(init)))
            first_factors, first_end = first[1:], first[1]
            block_factors, block_end, block_start = block[1:], block[5], block[0]
            rng = self.random
            rng.seed(self.seed)
            # random.choice(ngrams) is ngrams[rng._randbelow(n)], and for random.Random,
            # _randbelow(n) calls getrandbits(k) until the result is below n (CPython's
            # _randbelow_with_getrandbits); the loop below makes the same calls, so it picks the
            # same n-grams and leaves the generator in the same state (tests/test_language.py
            # compares that state with langdetect's own Detector's after a detection).
            getrandbits, n = rng.getrandbits, len(ngrams)
            k = n.bit_length()
            for _ in range(n_trial):
                first[0] = init
                alpha = self.alpha + rng.gauss(0.0, 1.0) * self.ALPHA_WIDTH
                weight = alpha / self.BASE_FREQ
                # langdetect tests convergence only when i % 5 == 0 (i = 0, 5, 10 ...), so its
                # iterations fall into blocks that end there: [0], [1..5], [6..10] ... A block's
                # draws are all made before its arithmetic (which draws nothing), exactly as many
                # as the block has iterations, so nothing is drawn that langdetect would not draw.
                last, size = -1, 1  # last: langdetect's i at the end of the block
                buffer, factors, end = first, first_factors, first_end
                while True:
                    picks: list[int] = []
                    for _ in range(size):
                        r = getrandbits(k)
                        while r >= n:
                            r = getrandbits(k)
                        picks.append(ngrams[r])
                    # factors[j] = weight + row of the j-th n-gram drawn: per language the same
                    # float as langdetect's `weight + lang_prob_map[i]` (one IEEE addition).
                    # (mode="clip" only spares take() a buffer: every pick is a row of matrix.)
                    matrix.take(picks, axis=0, out=factors, mode="clip")
                    factors += weight
                    # Row j of the accumulation is (its row j - 1) * factors[j - 1], so its last
                    # row is prob * f0 * f1 * ... left to right, one rounded multiplication at a
                    # time, as langdetect's `prob[i] *= weight + lang_prob_map[i]` iteration after
                    # iteration. (An accumulation outputs every partial product, so none can be
                    # regrouped; np.prod or multiply.reduce would be free to.)
                    np.multiply.accumulate(buffer, axis=0, out=buffer)
                    last += size
                    values = end.tolist()
                    total = sum(values)  # Python's left-to-right sum, as langdetect's
                    if total == 0.0:
                        raise ZeroDivisionError("float division by zero")  # as langdetect's own loop
                    np.divide(end, total, out=block_start)  # the next block starts from it
                    # langdetect's maxp is the largest p / total; dividing by the same positive
                    # total keeps the order (correct rounding is monotonic), so it is the largest
                    # value divided by total.
                    if max(values) / total > conv or last >= limit:
                        break
                    buffer, factors, end, size = block, block_factors, block_end, 5
                langprob += block_start / n_trial
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
