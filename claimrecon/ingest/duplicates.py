"""Copies of one story: identical or near-identical texts, marked ``duplicate_of`` the first.

Method: word 5-gram shingles (lower case, words only, so punctuation, quotes and spacing do
not matter), hashed stably across runs (see ``shingles``). Two texts are copies
when their shingle sets have a Jaccard similarity of at least 0.8 (a syndicated copy with
another headline, a byline or a trailing paragraph), or when at least 90% of the shorter one's
shingles are in the longer one (a copy trimmed of its last paragraphs).

Scale: comparing every pair is quadratic. Each first copy is indexed by its 8 smallest
shingle hashes (a bottom-k sketch); a later article is compared in full only with the first
copies it shares at least two of those hashes with (the four sharing most). Only sketches are kept: the shingles of a
first copy are recomputed from its text when a candidate needs them, so memory stays small. Near-identical texts share most of their
smallest hashes; unrelated texts almost never share two. Identical texts are caught first,
by a hash of the whole text.

``fingerprint`` (that hash, the sketch and the shingles, packed) needs only the article, so big
runs compute it where the article is read; ``Duplicates`` then marks articles in id order and
asks for an article's shingles only when a candidate has to be compared in full
(``claimrecon.parallel`` keeps them on disk).
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..records import Article

SHINGLE = 5
JACCARD = 0.8
CONTAINMENT = 0.9
#: containment is only trusted when the shorter text has this many shingles
MIN_CONTAINED = 30
SKETCH = 8
#: at most this many first copies (those sharing most sketch hashes) are compared in full
CANDIDATES = 4
#: votes are counted with numpy once the first copies sharing an article's sketch hashes are
#: this many: in a feed whose articles share paragraphs they grow with the feed
NUMPY_FROM = 2000
_WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[int]:
    """The hashed word 5-grams of a text (the whole text as one, if it is shorter).

    Each word is hashed once with CRC-32; a 5-gram's hash is the hash of its tuple of word
    hashes (integers hash the same in every run, unlike strings).
    """
    return _shingles_of(_WORD.findall(text.lower()))


def _shingles_of(words: list[str]) -> frozenset[int]:
    ids = [zlib.crc32(w.encode()) for w in words]
    if len(ids) < SHINGLE:
        return frozenset([hash(tuple(ids))]) if ids else frozenset()
    return frozenset(map(hash, zip(*(ids[i:] for i in range(SHINGLE)))))


def same_story(a: frozenset[int], b: frozenset[int]) -> bool:
    """Whether two shingle sets are copies of one text (see module doc for the thresholds)."""
    if not a or not b:
        return False
    common = len(a & b)
    if common >= JACCARD * (len(a) + len(b) - common):
        return True
    shorter = min(len(a), len(b))
    return shorter >= MIN_CONTAINED and common >= CONTAINMENT * shorter


def fingerprint(text: str) -> tuple[bytes, bytes, bytes]:
    """(key, sketch, shingles) of a text: a hash of its words (identical copies share it), its
    ``SKETCH`` smallest shingle hashes and all its shingle hashes, the last two packed (``unpack``)."""
    words = _WORD.findall(text.lower())
    sh = _shingles_of(words)
    key = hashlib.blake2b(" ".join(words).encode(), digest_size=16).digest()
    return key, array("q", heapq.nsmallest(SKETCH, sh)).tobytes(), array("q", sh).tobytes()


def unpack(packed: bytes) -> frozenset[int]:
    """The shingle hashes packed by ``fingerprint``."""
    return frozenset(array("q", packed))


class Duplicates:
    """Marks copies one article at a time, in id order, without holding texts.

    ``check`` takes an article's key and sketch (``fingerprint``) and a reference to its text;
    ``load(ref)`` gives its shingles when a candidate must be compared in full (by default the
    reference is the text, whose shingles are computed).
    """

    def __init__(self, load: Callable[[Any], frozenset[int]] = shingles) -> None:
        self.load = load
        self.exact: dict[bytes, str] = {}
        self.index: dict[int, array[int]] = {}  # sketch hash -> first copies holding it, in order
        self.originals: list[tuple[str, Any]] = []  # first copies: (id, reference to the text)
        self.shingles = functools.lru_cache(maxsize=256)(lambda i: self.load(self.originals[i][1]))

    def check(self, article_id: str, key: bytes, sketch: bytes, ref: Any) -> str | None:
        """The id of the first copy this article copies, or None: it is then a first copy itself."""
        if key in self.exact:
            return self.exact[key]
        hashes = array("q", sketch)
        likely = self.likely(hashes)
        if likely:
            sh = self.load(ref)
            first = next((self.originals[i][0] for i in likely if same_story(sh, self.shingles(i))), None)
            if first is not None:
                return first
        self.exact[key] = article_id
        n = len(self.originals)
        for h in hashes:
            self.index.setdefault(h, array("i")).append(n)
        self.originals.append((article_id, ref))
        return None

    def likely(self, hashes: array[int]) -> list[int]:
        """The ``CANDIDATES`` first copies sharing most of ``hashes`` (at least two of them, or
        the one), the earlier first among equals; by position."""
        need = 2 if len(hashes) >= 2 else 1
        lists = [self.index[h] for h in hashes if h in self.index]
        if not lists:
            return []
        if sum(map(len, lists)) < NUMPY_FROM:
            votes: Counter[int] = Counter()
            for found in lists:
                votes.update(found)
            return sorted(i for _, i in heapq.nsmallest(CANDIDATES, ((-n, i) for i, n in votes.items() if n >= need)))
        import numpy as np  # loaded with spaCy anyway; only big runs get here

        counts = np.bincount(np.concatenate([np.frombuffer(found, dtype=np.intc) for found in lists]))
        found = np.flatnonzero(counts >= need)
        if not len(found):
            return []
        # one sort key: more votes first, then the earlier copy
        keys = (SKETCH + 1 - counts[found]) * len(counts) + found
        best = np.partition(keys, min(CANDIDATES, len(keys)) - 1)[:CANDIDATES]
        return sorted(int(k) % len(counts) for k in best)


def mark_duplicates(articles: list[Article]) -> list[Article]:
    """``articles`` (in id order) with ``duplicate_of`` set on every later copy of a story."""
    marker = Duplicates()
    out: list[Article] = []
    for a in articles:
        if a.status != "ok" or not a.text:
            out.append(a)
            continue
        key, sketch, _ = fingerprint(a.text)
        first = marker.check(a.id, key, sketch, a.text)
        out.append(a if first is None else replace(a, duplicate_of=first))
    return out
