"""claimrecon: find where news articles about one event disagree on their numbers.

Library use, no CLI needed::

    import claimrecon
    report = claimrecon.compare(["corpus/"])
    claims = claimrecon.extract("Ponad 500 000 użytkowników dołączyło.", "pl")
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import extract as _extract_stage  # noqa: F401  (imported first: the function below keeps the name)
from .records import Article, Claim, Conflict, Group, Report, Review

if TYPE_CHECKING:
    from .progress import Progress
    from .store import ClaimStore
    from .translate import Backend

__version__ = "0.1.0"
__all__ = ["compare", "extract", "Report", "Article", "Claim", "Group", "Conflict", "Review", "__version__"]


def extract(text: str, lang: str, *, published: str | None = None, article: str = "-") -> list[dict[str, object]]:
    """The claims of one text, as dicts with the same fields as the JSON export, within the caps
    of ``claimrecon.bounds`` (figures per sentence, sentence excerpt) as in a report."""
    from .bounds import bound_claims
    from .extract import extract as _extract

    claims, _ = bound_claims(text, _extract(text, lang, article_id=article, published=published))
    return [c.to_dict() for c in claims]


def compare(
    paths: str | Path | Sequence[str | Path],
    *,
    lang: str | None = None,
    encoding: str | None = None,
    reviews: str | Path | None = None,
    translate: "str | Backend | None" = None,
    translate_url: str | None = None,
    translation_cache: str | Path | None = None,
    jobs: int = 1,
    scheduler: object = None,
    progress: "bool | Progress" = False,
    min_confidence: float | None = None,
    min_likelihood: float | None = None,
) -> Report:
    """Read every article under ``paths``, extract their claims and reconcile them.

    ``paths`` is a list of folders and files (``"-"``: standard input), or one of them alone:
    ``compare("corpus/")`` reads the folder, as ``compare(["corpus/"])`` does.

    ``jobs`` worker processes, or the ``dask.distributed`` cluster at ``scheduler`` (an address
    or a ``Client``), share the reading and extraction; the report is the same byte for byte.
    ``progress`` (True, or a ``claimrecon.progress.Progress``) shows each phase of the run on
    stderr when it is a terminal: reading and extracting, indexing, reconciling.

    The claims stay on disk, in a temporary store that the report reads from (see ``Report``):
    ``report.close()``, or ``with claimrecon.compare(...) as report:``, removes it when done.

    ``min_confidence`` (0-1) is how sure the match stage must be that two claims measure the same
    quantity before it compares them (default ``match.MIN_CONFIDENCE``); a desk raises it for fewer,
    surer flags. ``min_likelihood`` (0-1) keeps only the conflicts at least that likely to be
    right (``Conflict.likelihood``, ``reconcile.likelihood``); the groups keep their figures and
    verdicts.

    ``translate`` (a backend name such as ``"google"``, or a backend object) sends the sentences
    holding non-English claims to that service for English glosses, cached in
    ``translation_cache``; the default ``None`` sends nothing anywhere.
    """
    from .match import MIN_CONFIDENCE, match_store
    from .parallel import analyse
    from .progress import as_progress
    from .reconcile import reconcile_groups
    from .reconcile.review import load_reviews
    from .ruleset import rules_digest

    if min_likelihood is not None and not 0.0 <= min_likelihood <= 1.0:  # (NaN too)
        raise ValueError(f"min_likelihood must be between 0 and 1, not {min_likelihood!r}")
    translator = _translator(translate, translate_url, translation_cache)  # settings checked before any work
    shown = as_progress(progress)
    articles, store = analyse(paths, lang=lang, encoding=encoding, jobs=jobs, scheduler=scheduler, progress=shown)
    try:
        if translator is not None:
            with shown.phase("translating"):
                translator(store)
        review_list = load_reviews(reviews) if reviews else ()
        with shown.phase("matching"):
            info = match_store(store, articles, MIN_CONFIDENCE if min_confidence is None else min_confidence)
        groups_in = shown.iterate("reconciling", store.groups(), len(store.keys), "quantity")
        groups, conflicts = reconcile_groups(articles, groups_in, store.claim_of, review_list, store.ids, info=info)
        if min_likelihood is not None:
            conflicts = tuple(k for k in conflicts if k.likelihood is None or k.likelihood >= min_likelihood)
    except BaseException:
        store.close()
        raise
    return Report(tuple(articles), store, groups, conflicts, tuple(review_list), __version__, rules_digest(), store.texts)


def _translator(
    translate: "str | Backend | None", url: str | None, cache: str | Path | None
) -> "Callable[[ClaimStore], None] | None":
    """The translation step as configured, or None (then the translate package is never loaded)."""
    if translate is None and url is None:
        return None
    from .translate import TranslationCache, open_backend, translate_store

    backend = open_backend(translate, url)
    if backend is None:
        return None
    cache_file = TranslationCache(cache)
    return lambda store: translate_store(store, backend, cache_file)
