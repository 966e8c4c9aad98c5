"""What one article may cost: caps on what it yields and a time budget, each documented in the README.

A hostile or broken article (a 150 KB "sentence" of 10,000 figures, a 400-digit number, a page
that sends the extractor into a loop) must never cost a run more than a bounded share of time,
memory and report size, and must never take its other claims down with it:

- ``MAX_FIGURE``: a figure of 1e100 or more (more than ``MAX_FIGURE_DIGITS`` digits), or one that
  is not finite, is not read (``extract.engine`` skips it); the article keeps its other claims and
  its ``reason`` says what was skipped;
- ``MAX_FIGURES_PER_SENTENCE``: the first figures of a sentence are kept, the rest dropped, said
  in the article's ``reason``;
- ``MAX_EXCERPT_CHARS``: a claim's ``sentence`` is at most this long (or as long as the figure's
  own text, which is never cut): a longer sentence is cut to an excerpt around the figure, at word
  boundaries, and ``sentence_start`` is the excerpt's
  offset, so ``text[sentence_start:][:len(sentence)] == sentence`` still holds and every export
  keeps its offsets (the whole text stays in the article: ``claimrecon ingest FILE``);
- ``ARTICLE_SECONDS``: extracting one article's claims may take this long (the environment
  variable ``CLAIMRECON_ARTICLE_SECONDS`` overrides it; 0 turns the budget off); past it the
  article is reported with status ``error`` and a reason, and the run goes on.
"""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from .extract.engine import MAX_FIGURE
from .records import Claim

MAX_FIGURE_DIGITS = 100
MAX_FIGURES_PER_SENTENCE = 200
MAX_EXCERPT_CHARS = 600
ARTICLE_SECONDS = 30.0

_LONG_NUMBER = re.compile(r"[1-9](?:[ ,.\u00a0\u202f\u2009']?\d){%d,}" % MAX_FIGURE_DIGITS)

assert MAX_FIGURE == 10.0**MAX_FIGURE_DIGITS


def article_seconds() -> float:
    """The time budget of one article's extraction, in seconds (0: none)."""
    raw = os.environ.get("CLAIMRECON_ARTICLE_SECONDS")
    if raw is None:
        return ARTICLE_SECONDS
    try:
        return max(0.0, float(raw))
    except ValueError:
        return ARTICLE_SECONDS


class OverBudget(BaseException):
    """Raised inside an extraction that ran past its budget (a BaseException, so that no
    ``except Exception`` on the way swallows it)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``OverBudget`` in the block after ``seconds`` (with SIGALRM; in the main thread of
    a process only, else the block runs unbounded: a Dask worker's tasks run in threads)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    done = False

    def over(signum: int, frame: object) -> None:
        if not done:
            raise OverBudget()

    previous = signal.signal(signal.SIGALRM, over)
    # then again every 0.1 s: a signal that lands in a garbage-collector callback or a __del__
    # is swallowed there, the next one reaches the extraction
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.1)
    try:
        yield
    finally:
        while True:  # an alarm may still land here: tidy up whatever it interrupts
            try:
                done = True
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except OverBudget:
                continue


def over_budget_reason(seconds: float, text: str) -> str:
    """Why an article over its budget has no claims."""
    longest = max((len(p) for p in re.split(r"(?<=[.!?])\s+", text[:2_000_000])), default=0)
    return (f"extraction stopped after {seconds:g} s (the time budget of one article): {len(text):,} characters, "
            f"the longest sentence {longest:,}; split the article, or raise CLAIMRECON_ARTICLE_SECONDS")


def bound_claims(text: str, claims: Sequence[Claim]) -> tuple[list[Claim], list[str]]:
    """The claims of one article within the caps, and a note for each thing left out."""
    notes = absurd_figures(text, [(c.start, c.end) for c in claims])
    kept: list[Claim] = []
    per_sentence: dict[int, int] = {}
    dropped: dict[int, int] = {}
    for c in claims:
        n = per_sentence[c.sentence_start] = per_sentence.get(c.sentence_start, 0) + 1
        if n > MAX_FIGURES_PER_SENTENCE:
            dropped[c.sentence_start] = dropped.get(c.sentence_start, 0) + 1
            continue
        kept.append(excerpt(c) if len(c.sentence) > MAX_EXCERPT_CHARS else c)
    for start, n in sorted(dropped.items()):
        notes.append(f"the sentence at character {start:,} holds {n + MAX_FIGURES_PER_SENTENCE:,} figures: "
                     f"its first {MAX_FIGURES_PER_SENTENCE} are kept (the cap of one sentence)")
    return kept, notes


def excerpt(c: Claim) -> Claim:
    """The claim with its sentence cut to at most ``MAX_EXCERPT_CHARS`` around the figure."""
    s = c.sentence
    a, b = c.start - c.sentence_start, c.end - c.sentence_start
    if not (0 <= a <= b <= len(s)):
        return dataclasses.replace(c, sentence=s[:MAX_EXCERPT_CHARS])
    room = max(0, MAX_EXCERPT_CHARS - (b - a))
    lo = max(0, a - room // 2)
    hi = min(len(s), lo + (b - a) + room)
    lo = max(0, min(lo, hi - MAX_EXCERPT_CHARS))
    if lo > 0:  # start after a space, if there is one before the figure
        space = s.find(" ", lo, a)
        lo = space + 1 if space >= 0 else lo
    if hi < len(s):  # end before a space, if there is one after the figure
        space = s.rfind(" ", b, hi)
        hi = space if space >= 0 else hi
    return dataclasses.replace(c, sentence=s[lo:hi], sentence_start=c.sentence_start + lo)


def absurd_figures(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """A note for each number of more than ``MAX_FIGURE_DIGITS`` digits that no claim (its
    ``(start, end)`` in ``spans``) covers."""
    notes = []
    for m in _LONG_NUMBER.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in spans):
            continue
        digits = sum(ch.isdigit() for ch in m.group())
        notes.append(f"a number of {digits:,} digits at character {m.start():,} ({m.group()[:12]}...) is not read: "
                     f"figures of more than {MAX_FIGURE_DIGITS} digits are skipped")
        if len(notes) >= 10:
            break
    return notes
