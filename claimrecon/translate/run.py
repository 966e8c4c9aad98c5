"""The translation step: English for every non-English evidence sentence, politely and boundedly.

Between extract and reconcile. Sentences are deduplicated, looked up in the cache, and only the
misses are sent: packed several to a request (one per line) up to the backend's size limit,
with a pause between requests, a hard timeout on each, and a cap on requests per run. The first
failure that says the service is out of reach (offline, timeout, rate limit) stops all further
requests; so do a few failures in a row. Nothing here raises for a failed request: each claim
records its sentence translation or why there is none.
"""

from __future__ import annotations

import dataclasses
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records import Claim
from .backends import Backend, Failure, classify
from .cache import TranslationCache

if TYPE_CHECKING:
    from ..store import ClaimStore

TRANSLATED, CACHED, UNAVAILABLE = "translated", "cached", "unavailable"


@dataclass(frozen=True, slots=True)
class Limits:
    """How hard the step may lean on a service."""

    max_requests: int = 200  # per run; the rest waits for the next run (the cache keeps progress)
    max_failures_in_a_row: int = 3


@dataclass(frozen=True, slots=True)
class Outcome:
    """The English of one sentence, or why there is none."""

    status: str  # translated | cached | unavailable
    text: str | None = None
    error: str | None = None


@dataclass(slots=True)
class _Run:
    backend: Backend
    cache: TranslationCache
    target: str
    limits: Limits
    sleep: Callable[[float], None]
    clock: Callable[[], float]
    outcomes: dict[tuple[str, str], Outcome] = field(default_factory=dict)
    requests: int = 0
    failures_in_a_row: int = 0
    stopped: str | None = None  # why no more requests go out
    dead_languages: dict[str, str] = field(default_factory=dict)
    last_request: float | None = None

    def send(self, lang: str, texts: list[str]) -> list[str] | Failure:
        """One request carrying ``texts`` one per line; their translations, or the failure."""
        if self.last_request is not None:
            wait = self.backend.min_interval - (self.clock() - self.last_request)
            if wait > 0:
                self.sleep(wait)
        self.requests += 1
        try:
            answer = self.backend.translate("\n".join(texts), lang, self.target)
        except Exception as e:  # every failure becomes a reason on the claims, never a crash
            return classify(e, getattr(self.backend, "timeout", 0.0))
        finally:
            self.last_request = self.clock()
        lines = [ln.strip() for ln in answer.splitlines() if ln.strip()]
        if len(texts) == 1:
            return [" ".join(lines)] if lines else Failure("the service sent an empty translation", "sentence")
        if len(lines) != len(texts):
            return Failure("the service merged or split lines of a batch", "batch")
        return lines

    def record_failure(self, lang: str, texts: list[str], failure: Failure) -> None:
        if failure.scope == "run":
            self.stopped = failure.reason
        elif failure.scope == "language":
            self.dead_languages[lang] = failure.reason
        else:
            self.failures_in_a_row += 1
            if self.failures_in_a_row >= self.limits.max_failures_in_a_row:
                self.stopped = f"stopped after {self.failures_in_a_row} failed requests in a row; last: {failure.reason}"
        for t in texts:
            self.outcomes[(lang, t)] = Outcome(UNAVAILABLE, error=failure.reason)

    def not_sent(self, lang: str) -> str | None:
        """Why a request for ``lang`` must not go out now (None: go ahead)."""
        if self.stopped:
            return f"not sent: {self.stopped}"
        if lang in self.dead_languages:
            return self.dead_languages[lang]
        if self.requests >= self.limits.max_requests:
            return (f"not sent: limit of {self.limits.max_requests} requests per run reached; "
                    "run again to translate the rest (the cache keeps what was done)")
        return None


def normalize(sentence: str) -> str:
    """The text actually sent and hashed: whitespace collapsed to single spaces."""
    return " ".join(sentence.split())


def _batches(texts: Sequence[str], max_chars: int) -> Iterable[list[str]]:
    """Consecutive groups whose newline-joined length stays within ``max_chars``."""
    batch: list[str] = []
    size = 0
    for t in texts:
        if batch and size + 1 + len(t) > max_chars:
            yield batch
            batch, size = [], 0
        batch.append(t)
        size += len(t) + (1 if size else 0)
    if batch:
        yield batch


def translate_sentences(
    wanted: Sequence[tuple[str, str]],
    backend: Backend,
    cache: TranslationCache,
    *,
    target: str = "en",
    limits: Limits = Limits(),
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> dict[tuple[str, str], Outcome]:
    """Outcomes for ``(language, normalized sentence)`` pairs; the cache is saved before returning."""
    run = _Run(backend, cache, target, limits, sleep, clock)
    misses: dict[str, list[str]] = {}
    for lang, text in dict.fromkeys(wanted):
        hit = cache.get(backend.name, lang, target, text)
        if hit is not None:
            run.outcomes[(lang, text)] = Outcome(CACHED, hit)
        elif len(text) > backend.max_chars:
            run.outcomes[(lang, text)] = Outcome(
                UNAVAILABLE, error=f"sentence longer than the {backend.max_chars} characters {backend.name} accepts")
        else:
            misses.setdefault(lang, []).append(text)
    try:
        for lang, texts in misses.items():
            queue = deque(_batches(texts, backend.max_chars))
            while queue:
                batch = queue.popleft()
                reason = run.not_sent(lang)
                if reason:
                    for t in batch:
                        run.outcomes[(lang, t)] = Outcome(UNAVAILABLE, error=reason)
                    continue
                result = run.send(lang, batch)
                if isinstance(result, Failure):
                    if len(batch) > 1 and result.scope in ("sentence", "batch"):
                        queue.extendleft([t] for t in reversed(batch))  # retry one by one
                    else:
                        run.record_failure(lang, batch, result)
                    continue
                run.failures_in_a_row = 0
                for t, english in zip(batch, result):
                    cache.put(backend.name, lang, target, t, english)
                    run.outcomes[(lang, t)] = Outcome(TRANSLATED, english)
    finally:
        cache.save()  # keep what was translated even if interrupted
    return run.outcomes


def translate_claims(
    claims: Sequence[Claim],
    backend: Backend,
    cache: TranslationCache | None = None,
    *,
    target: str = "en",
    limits: Limits = Limits(),
    sleep: Callable[[float], None] = time.sleep,
) -> list[Claim]:
    """The claims, each not already in ``target`` carrying its sentence's translation or why not."""
    cache = cache if cache is not None else TranslationCache()
    outcomes = translate_sentences(_wanted(claims, target), backend, cache, target=target, limits=limits, sleep=sleep)
    return [_with_outcome(c, outcomes, backend.name, target) for c in claims]


def translate_store(
    store: ClaimStore,
    backend: Backend,
    cache: TranslationCache | None = None,
    *,
    target: str = "en",
    limits: Limits = Limits(),
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """``translate_claims`` on the claims of a run's store, rewritten in place."""
    cache = cache if cache is not None else TranslationCache()
    outcomes = translate_sentences(_wanted(store, target), backend, cache, target=target, limits=limits, sleep=sleep)
    store.rewrite(lambda c: _with_outcome(c, outcomes, backend.name, target))


def _wanted(claims: Iterable[Claim], target: str) -> list[tuple[str, str]]:
    """The distinct (language, sentence) pairs to translate, in the order claims first hold them."""
    return list(dict.fromkeys((c.lang, normalize(c.sentence)) for c in claims if c.lang and c.lang != target))


def _with_outcome(c: Claim, outcomes: dict[tuple[str, str], Outcome], backend: str, target: str) -> Claim:
    o = outcomes.get((c.lang, normalize(c.sentence))) if c.lang != target else None
    if o is None:
        return c
    return dataclasses.replace(c, sentence_gloss=o.text, sentence_gloss_status=o.status,
                               sentence_gloss_backend=backend, sentence_gloss_error=o.error)


@dataclass(frozen=True, slots=True)
class Summary:
    """What the step achieved, counted in distinct sentences."""

    backend: str | None
    sentences: int
    translated: int
    cached: int
    unavailable: int
    reasons: tuple[str, ...]  # distinct reasons, most frequent first

    def warning(self) -> str | None:
        """One line for stderr when some sentences have no translation, else None."""
        if not self.unavailable:
            return None
        why = "; ".join(self.reasons[:2])
        return (f"Warning: --translate {self.backend}: {self.unavailable} of {self.sentences} sentences not translated: "
                f"{why}. The reports show the rule-based glosses and say why each translation is missing.")


def summarize(claims: Iterable[Claim]) -> Summary:
    """Count the sentence translations carried by ``claims`` (distinct sentences)."""
    seen: dict[tuple[str, str], Claim] = {}
    for c in claims:
        if c.sentence_gloss_status:
            seen.setdefault((c.lang, normalize(c.sentence)), c)
    by_status = {s: 0 for s in (TRANSLATED, CACHED, UNAVAILABLE)}
    reasons: dict[str, int] = {}
    for c in seen.values():
        by_status[c.sentence_gloss_status or ""] = by_status.get(c.sentence_gloss_status or "", 0) + 1
        if c.sentence_gloss_error:
            why = c.sentence_gloss_error.removeprefix("not sent: ")
            reasons[why] = reasons.get(why, 0) + 1
    backend = next((c.sentence_gloss_backend for c in seen.values()), None)
    ordered = tuple(sorted(reasons, key=lambda r: (-reasons[r], r)))
    return Summary(backend, len(seen), by_status[TRANSLATED], by_status[CACHED], by_status[UNAVAILABLE], ordered)
