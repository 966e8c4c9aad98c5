"""Ingest and extract many inputs: in this process, in a local process pool, or on Dask.

The work of one input (read, normalize, detect its language, extract its claims) depends on
that input alone, so inputs are cut into chunks and each chunk is handled wherever there is
a free core. Everything that looks across inputs stays here, in the calling process, after
the results are back: ordering by id, marking duplicate stories, reconciling. Results are
consumed in submission order and then sorted, so the output is byte-identical whatever the
number of workers, the scheduler, the file order or ``PYTHONHASHSEED``.

Memory: a worker hands back each article without its text, plus what this process needs of it
(the duplicate fingerprint, the text compressed) and its claims already encoded for the claim
store (``claimrecon.store``). Claims and texts go to disk chunk by chunk, so this process holds
the articles' metadata, not their text or their claims.

- ``jobs=1``: everything in this process (the default; no pool is started).
- ``jobs=N``: a ``concurrent.futures`` process pool of N workers, chunks of ``chunk_size``
  inputs (default: about eight chunks per worker, at most ``MAX_CHUNK`` inputs each).
- ``scheduler="tcp://host:8786"`` (or a ``distributed.Client``): the chunks become tasks on a
  running ``dask.distributed`` cluster (``pip install claimrecon[dask]``). Workers read the
  input files themselves, so every worker must see them at the same absolute path (a shared
  volume), as with any Dask file input. Standard input is always read here.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .progress import Progress, as_progress
from .records import Article

if TYPE_CHECKING:
    from .store import ClaimStore, Row

__all__ = ["analyse", "process_chunk", "chunked", "MAX_CHUNK"]

#: the most inputs one task carries: big enough to amortise task overhead, small enough to
#: keep both cores busy until the end and the progress bar moving
MAX_CHUNK = 64

#: per article: itself without its text; when it has a text, its duplicate fingerprint (key,
#: sketch, shingles) and the text compressed, else None; its claims as claim-store rows
Result = list[tuple[Article, "tuple[bytes, bytes, bytes, bytes] | None", "list[Row]"]]


def process_chunk(sources: Sequence[Any], opts: Any) -> Result:
    """Read and extract one chunk of inputs (``ingest.Source`` records) with ``ingest.Options``.

    Runs in a worker: a pure function of its arguments, safe to run anywhere and more than once.
    """
    from .bounds import OverBudget, article_seconds, bound_claims, over_budget_reason, time_limit
    from .extract import extract_article
    from .ingest import read_input
    from .ingest.duplicates import fingerprint
    from .store import encode, pack_text

    out: Result = []
    budget = article_seconds()
    for source in sources:
        for article in read_input(source, opts):
            try:
                with time_limit(budget):
                    claims = extract_article(article)
                claims, notes = bound_claims(article.text, claims)
                if notes:  # an ok article's reason says what of it was left out
                    article = dataclasses.replace(article, reason="; ".join(notes))
                rows = [encode(c) for c in claims]
                kept = (*fingerprint(article.text), pack_text(article.text)) if article.status == "ok" and article.text else None
            except OverBudget:
                article = dataclasses.replace(article, status="error", reason=over_budget_reason(budget, article.text), text="")
                rows, kept = [], None
            except Exception as e:  # noqa: BLE001 - last resort: one article never stops the run
                reason = ("out of memory while extracting claims" if isinstance(e, MemoryError)
                          else f"internal error while extracting claims ({type(e).__name__}: {e}); please report it")
                article = dataclasses.replace(article, status="error", reason=reason, text="")
                rows, kept = [], None
            out.append((article.without_text(), kept, rows))
    return out


def _process_on_worker(items: Sequence[tuple[Any, str | None]], opts: Any) -> Result:
    """``process_chunk`` for a remote worker: read from absolute paths, report the paths as given."""
    sources = [dataclasses.replace(s, path=Path(absolute)) if absolute else s for s, absolute in items]
    result = process_chunk(sources, opts)
    given = {s.id: None if s.path is None else s.shown or str(s.path) for s, _ in items}
    fixed: Result = []
    for article, kept, rows in result:
        # a JSON Lines file gives articles "file#n": they share the file's path
        key = article.id if article.id in given else article.id.rsplit("#", 1)[0]
        fixed.append((dataclasses.replace(article, path=given.get(key, article.path)), kept, rows))
    return fixed


def chunked(items: Sequence[Any], jobs: int, chunk_size: int | None = None) -> list[list[Any]]:
    """Consecutive chunks of ``items``: about eight per worker, at most ``MAX_CHUNK`` long."""
    if chunk_size is None:
        chunk_size = max(1, min(MAX_CHUNK, -(-len(items) // (8 * max(1, jobs)))))
    return [list(items[i : i + chunk_size]) for i in range(0, len(items), chunk_size)]


def analyse(
    paths: str | Path | Sequence[str | Path],
    *,
    lang: str | None = None,
    encoding: str | None = None,
    jobs: int = 1,
    scheduler: Any = None,
    progress: bool | Progress = False,
    chunk_size: int | None = None,
) -> tuple[list[Article], ClaimStore]:
    """Every input under ``paths`` as Articles (id order, duplicates marked, texts left out: the
    store keeps them) and the store of all their claims, ready to read.

    The same result as ``ingest`` followed by ``extract_article`` on each article, computed on
    ``jobs`` processes or on the Dask cluster at ``scheduler``.
    """
    from .ingest import check_options, expand_paths, order_key
    from .ingest.sources import path_list
    from .store import ClaimStore

    if jobs < 1:
        raise InputError(f"--jobs must be at least 1, not {jobs}", "Use --jobs 1 to run in one process.")
    opts = check_options(lang, encoding)
    sources = expand_paths(path_list(paths))
    local = [s for s in sources if s.path is None]  # standard input can only be read here
    remote = [s for s in sources if s.path is not None]
    chunks = chunked(remote, jobs, chunk_size)
    if len(chunks) > 1 and (jobs > 1 or scheduler is not None):
        _check_rules()  # a broken rules file is reported here, once, not from inside a worker

    shown = as_progress(progress)
    store = ClaimStore()
    articles: list[tuple[Article, tuple[bytes, bytes] | None]] = []  # with the key and sketch of their text
    marks = _Marks(store)
    try:
        with shown.phase("reading and extracting", len(sources), "article") as advance:
            if local:
                _collect(process_chunk(local, opts), articles, store, marks)
                advance(len(local))
            for chunk, result in zip(chunks, _run(chunks, opts, jobs, scheduler)):
                _collect(result, articles, store, marks)
                advance(len(chunk))
        if marks.first is None:  # results came out of id order: mark them again, in that order
            articles.sort(key=lambda item: order_key(item[0].id))
            marks = _Marks(store)
            marks.add(articles)
        with shown.phase("indexing claims"):
            return marks.apply(articles), store.finish()
    except BaseException:
        store.close()
        raise


def _check_rules() -> None:
    """Load and validate every language's rules in this process (raises ``RulesError``), and
    write the lemma dictionaries' disk cache once, before the workers would each write it."""
    from .extract.lemmas import cache_dictionaries
    from .ruleset import available_languages, load_language

    for lang in available_languages():
        load_language(lang)
    cache_dictionaries(available_languages())


def _collect(result: Result, articles: list[tuple[Article, tuple[bytes, bytes] | None]], store: ClaimStore, marks: _Marks) -> None:
    texts = []
    for article, kept, _ in result:
        if kept is not None:
            key, sketch, shingles, text = kept
            texts.append((article.id, text, shingles))
        articles.append((article, None if kept is None else (key, sketch)))
    store.add([row for _, _, rows in result for row in rows], texts)
    marks.add(articles[len(articles) - len(result) :])


class _Marks:
    """``ingest.mark_duplicates`` on text-less articles, whose shingles are read from the store
    when needed, one batch at a time as the results come in. Articles must come in id order
    (one folder, one feed file: the usual case); at the first one out of that order it stops
    (``first`` None), and ``analyse`` marks them all again once they are sorted."""

    def __init__(self, store: ClaimStore) -> None:
        from .ingest.duplicates import Duplicates, unpack

        self.marker = Duplicates(lambda article_id: unpack(store.shingles(article_id)))
        self.first: dict[str, str] | None = {}  # article id -> the first copy of its story
        self.last: tuple[str, int] | None = None

    def add(self, arrived: list[tuple[Article, tuple[bytes, bytes] | None]]) -> None:
        from .ingest import order_key

        if self.first is None:
            return
        for a, fp in arrived:
            key = order_key(a.id)
            if self.last is not None and key <= self.last:
                self.first = None  # out of order: marked at the end instead
                return
            self.last = key
            first = None if fp is None else self.marker.check(a.id, *fp, a.id)
            if first is not None:
                self.first[a.id] = first

    def apply(self, articles: list[tuple[Article, tuple[bytes, bytes] | None]]) -> list[Article]:
        """The articles with ``duplicate_of`` set on every later copy of a story."""
        first = self.first or {}
        return [a if a.id not in first else dataclasses.replace(a, duplicate_of=first[a.id]) for a, _ in articles]


def _run(chunks: list[list[Any]], opts: Any, jobs: int, scheduler: Any) -> Iterator[Result]:
    """The result of each chunk, in chunk order."""
    if not chunks:
        return iter(())
    if scheduler is not None:
        return _run_dask(chunks, opts, scheduler)
    if jobs == 1 or len(chunks) == 1:
        return (process_chunk(c, opts) for c in chunks)
    return _run_pool(chunks, opts, jobs)


def mp_context() -> Any:
    """``fork`` when this process has no other thread (fast: workers inherit loaded rules),
    otherwise ``spawn`` (forking a threaded process can deadlock)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _run_pool(chunks: list[list[Any]], opts: Any, jobs: int) -> Iterator[Result]:
    from concurrent.futures import ProcessPoolExecutor  # imported here: one-process runs start faster
    from concurrent.futures.process import BrokenProcessPool

    workers = min(jobs, len(chunks))
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp_context()) as pool:
            # map keeps submission order; results are yielded as soon as the next one is ready
            yield from pool.map(process_chunk, chunks, [opts] * len(chunks))
    except BrokenProcessPool:
        raise InputError("a worker process died (out of memory, or killed)",
                         f"Run again with fewer workers than --jobs {jobs}, or with --jobs 1.") from None


def _run_dask(chunks: list[list[Any]], opts: Any, scheduler: Any) -> Iterator[Result]:
    try:
        from distributed import Client
    except ImportError:
        raise InputError(
            "--scheduler needs Dask, which is not installed",
            "Install it with: pip install 'claimrecon[dask]'",
        ) from None
    own = not isinstance(scheduler, Client)
    try:
        client = Client(scheduler, set_as_default=False) if own else scheduler
    except OSError as e:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {e}",
                         "Start one with `dask scheduler` (and `dask worker ADDRESS`), or leave out --scheduler.") from None
    try:
        payload = [[(s, str(s.path.resolve()) if s.path is not None else None) for s in c] for c in chunks]
        futures = client.map(_process_on_worker, payload, opts=opts, pure=False)
        for fut in futures:
            result = fut.result()
            fut.release()  # the cluster forgets a result once it is here
            yield result
    finally:
        if own:
            client.close()
