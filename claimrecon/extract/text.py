"""Sentences, clauses and quoted spans of a normalized article, with their offsets."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_SENT_END = re.compile(r"[.!?…]+[\"”’»)]*(?=\s+[\"“„«(]?[\w¿¡\d])")
# (the look-ahead names every mark's first character, so other positions fail at once)
_CLAUSE = re.compile(r"(?=[,;:()\[\]“”„«»\"\s])(?:(?<!\d),(?!\d)|,(?=\s)|;|:(?!\d)|\s[–—-]\s|[()\[\]]|[“”„«»\"])")

OPENERS = "“„«"
CLOSERS = "”»"
_QUOTE_MARK = re.compile('[“„«”»"]')
_INITIAL = re.compile(r"\W*[a-ząćęłńóśźż]\.", re.I)
_DOTTED = re.compile(r"\W*(?:[a-z]\.){2,}", re.I)


#: the caches of what was learnt from a text (``text_cache``), so that ``extract.clear_caches``
#: empties every one, including any added later
TEXT_CACHES: list[Any] = []


def text_cache(maxsize: int) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)`` for a function of some text, registered in ``TEXT_CACHES``."""

    def wrap(fn: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        TEXT_CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph_start: int
    paragraph_end: int


@text_cache(maxsize=2)
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the non-empty lines of the text; cached, since ``sentences`` and ``quote_spans``
    both read the same article's."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(out)


#: what may open a chunk before an abbreviation without being part of it
_OPENERS = "([{\"'\u201c\u201e\u00ab\u2018"


def sentences(text: str, abbreviations: frozenset[str], openers: frozenset[str] = frozenset(),
              name_endings: tuple[str, ...] = (), name_after: frozenset[str] = frozenset(),
              ordinal_dot: bool = False) -> list[Sentence]:
    """Split each paragraph into sentences; a period after a known abbreviation does not end one,
    unless a capitalized word of ``openers`` (the language's function words) follows it: "W 2024
    r. szacowało tę grupę na 3,6 mln. Z oceny skutków..." ends after "mln.". In a language that
    capitalizes names but not common nouns (``name_endings`` given: Polish), any capitalized
    word after one of the abbreviations ``name_after`` after a figure opens a sentence too ("było
    ich 35 tys. Porządku pilnowało..."), but for one with such an ending ("35 tys. Polaków") or in
    capitals ("proc. PKB"); after another ("20 st. Celsjusza") only a function word does. Where
    the language writes ordinals as digits and a full stop (``ordinal_dot``: Polish "w 85.
    minucie"), such a stop before a small letter ends none."""
    out: list[Sentence] = []
    for ps, pe in paragraphs(text):
        para = text[ps:pe]
        start = 0
        for m in _SENT_END.finditer(para):
            end = m.end()
            dot = m.group().startswith(".")
            # the last whitespace-free chunk before the mark ("U.S.", "Dr.", "J."): only a period
            # can follow an abbreviation
            # (an opening bracket or quote before it is not part of it: "(ok. 420 mln zł)")
            token = para[start : m.start() + 1].rsplit(None, 1)[-1].lower().lstrip(_OPENERS) if dot else ""
            if dot and (
                token in abbreviations and not _opens(para, start, m.start(), end, openers,
                                                      name_endings if token in name_after else ())
                or _INITIAL.fullmatch(token)  # an initial: "J. Smith"
                or _DOTTED.fullmatch(token)  # "U.S.", "p.m." not listed
                and token not in ("p.m.", "a.m.")
            ):
                continue
            if ordinal_dot and dot and token[:-1].isdigit() and para[end:].lstrip()[:1].islower():
                continue  # "w 85. minucie": digits, a full stop and a small letter are an ordinal, not a sentence's end
            if dot and token in ("p.m.", "a.m."):
                # "at 6 p.m. The event ..." ends a sentence only if a capital follows
                nxt = para[end:].lstrip()[:1]
                if not nxt.isupper():
                    continue
            _add(out, text, ps + start, ps + end, ps, pe)
            start = end
        _add(out, text, ps + start, pe, ps, pe)
    return out


def _opens(para: str, start: int, mark: int, at: int, openers: frozenset[str], name_endings: tuple[str, ...] = ()) -> bool:
    """Whether an abbreviation that ends at ``mark`` and stands right after a figure ("3,6 mln.",
    "16 proc.", "2024 r.": a unit, a scale, a year's mark) is followed, from ``at``, by a
    capitalized function word: a new sentence's first word; or, where ``name_endings`` are
    given, by any word capitalized as a sentence starts ("Porządku"), but for a name that may
    follow a count ("Polaków": one of those endings) or a word in capitals ("PKB"). (Titles and
    street prefixes stand before names, which may start with such a word: "Co. Down", "ul. Na
    Skarpie", "Sr. Del Bosque"; they follow no figure.)"""
    m = _NEXT_WORD.match(para, at)
    if not m or not m.group(1)[:1].isupper():
        return False
    word = m.group(1)
    if not (openers and word.lower() in openers) and not (
            name_endings and len(word) > 1 and word[1:].islower() and not word.lower().endswith(name_endings)):
        return False
    before = para[start:mark].rsplit(None, 2)
    return len(before) >= 2 and any(ch.isdigit() for ch in before[-2])


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)\b")


def _add(out: list[Sentence], text: str, s: int, e: int, ps: int, pe: int) -> None:
    chunk = text[s:e]
    body = chunk.strip()  # str.strip drops what str.isspace calls whitespace
    if body:
        s += len(chunk) - len(chunk.lstrip())
        out.append(Sentence(s, s + len(body), body, ps, pe))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech, per paragraph. A closing mark with no opening one quotes from the
    paragraph start (a quote whose opening mark the page lost); straight quotes pair in order."""
    spans: list[tuple[int, int]] = []
    for ps, pe in paragraphs(text):
        para = text[ps:pe]
        open_at: int | None = None
        straight_open: int | None = None
        for qm in _QUOTE_MARK.finditer(para):
            i, ch = qm.start(), qm.group()
            if ch in OPENERS:
                if open_at is None:
                    open_at = i
            elif ch in CLOSERS:
                spans.append((ps + (open_at if open_at is not None else 0), ps + i + 1))
                open_at = None
            elif ch == '"':
                if straight_open is None:
                    straight_open = i
                else:
                    spans.append((ps + straight_open, ps + i + 1))
                    straight_open = None
        if open_at is not None:
            spans.append((ps + open_at, pe))
    spans.sort()
    return spans


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 10**12)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


@text_cache(maxsize=1024)
def _clause_marks(sentence: str) -> tuple[tuple[int, int], ...]:
    """Spans of a sentence's clause marks, found once per sentence however many figures it has."""
    return tuple((m.start(), m.end()) for m in _CLAUSE.finditer(sentence))


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of a sentence that holds [start, end): between the clause marks around it."""
    marks = _clause_marks(sentence)
    i = bisect.bisect_right(marks, start, key=lambda m: m[1])  # marks[:i] end by start
    left = marks[i - 1][1] if i else 0
    j = bisect.bisect_left(marks, end, key=lambda m: m[0])  # marks[j:] start at or after end
    right = marks[j][0] if j < len(marks) else len(sentence)
    return left, right
