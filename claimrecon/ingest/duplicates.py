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
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import re
import zlib
from collections import defaultdict
from dataclasses import replace

from ..records import Article

SHINGLE = 5
JACCARD = 0.8
CONTAINMENT = 0.9
#: containment is only trusted when the shorter text has this many shingles
MIN_CONTAINED = 30
SKETCH = 8
#: at most this many first copies (those sharing most sketch hashes) are compared in full
CANDIDATES = 4
_WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[int]:
    """The hashed word 5-grams of a text (the whole text as one, if it is shorter).

    Each word is hashed once with CRC-32; a 5-gram's hash is the hash of its tuple of word
    hashes (integers hash the same in every run, unlike strings).
    """
    ids = [zlib.crc32(w.encode()) for w in _WORD.findall(text.lower())]
    if len(ids) < SHINGLE:
        return frozenset([hash(tuple(ids))]) if ids else frozenset()
    return frozenset(map(hash, zip(*(ids[i:] for i in range(SHINGLE)))))


_shingles = functools.lru_cache(maxsize=256)(shingles)


def same_story(a: frozenset[int], b: frozenset[int]) -> bool:
    """Whether two shingle sets are copies of one text (see module doc for the thresholds)."""
    if not a or not b:
        return False
    common = len(a & b)
    if common >= JACCARD * (len(a) + len(b) - common):
        return True
    shorter = min(len(a), len(b))
    return shorter >= MIN_CONTAINED and common >= CONTAINMENT * shorter


def mark_duplicates(articles: list[Article]) -> list[Article]:
    """``articles`` (in id order) with ``duplicate_of`` set on every later copy of a story."""
    exact: dict[str, str] = {}
    index: dict[int, list[int]] = defaultdict(list)
    originals: list[Article] = []  # first copies; their shingles are recomputed when needed
    out: list[Article] = []
    for a in articles:
        if a.status != "ok" or not a.text:
            out.append(a)
            continue
        key = hashlib.blake2b(" ".join(_WORD.findall(a.text.lower())).encode(), digest_size=16).hexdigest()
        if key in exact:
            out.append(replace(a, duplicate_of=exact[key]))
            continue
        sh = shingles(a.text)
        sketch = heapq.nsmallest(SKETCH, sh)
        votes: dict[int, int] = defaultdict(int)
        for h in sketch:
            for i in index.get(h, ()):
                votes[i] += 1
        need = 2 if len(sketch) >= 2 else 1
        likely = sorted((i for i in votes if votes[i] >= need), key=lambda i: (-votes[i], i))[:CANDIDATES]
        first = next((originals[i].id for i in sorted(likely) if same_story(sh, _shingles(originals[i].text))), None)
        if first is not None:
            out.append(replace(a, duplicate_of=first))
            continue
        exact[key] = a.id
        for h in sketch:
            index[h].append(len(originals))
        originals.append(a)
        out.append(a)
    return out
