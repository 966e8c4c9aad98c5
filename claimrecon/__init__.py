"""claimrecon: find where news articles about one event disagree on their numbers.

Library use, no CLI needed::

    import claimrecon
    report = claimrecon.compare(["corpus/"])
    claims = claimrecon.extract("Ponad 500 000 użytkowników dołączyło.", "pl")
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .records import Article, Claim, Conflict, Group, Report, Review

__version__ = "0.1.0"
__all__ = ["compare", "extract", "Report", "Article", "Claim", "Group", "Conflict", "Review", "__version__"]


def extract(text: str, lang: str, *, published: str | None = None) -> list[dict[str, object]]:
    """The claims of one text, as dicts with the same fields as the JSON export."""
    from .extract import extract as _extract

    return [c.to_dict() for c in _extract(text, lang, published=published)]


def compare(
    paths: Sequence[str | Path],
    *,
    lang: str | None = None,
    encoding: str | None = None,
    reviews: str | Path | None = None,
) -> Report:
    """Read every article under ``paths``, extract their claims and reconcile them."""
    from .extract import extract_article
    from .ingest import ingest
    from .reconcile import reconcile
    from .reconcile.review import load_reviews
    from .ruleset import rules_digest

    articles = ingest([str(p) for p in paths], lang=lang, encoding=encoding)
    claims: list[Claim] = []
    for a in articles:
        claims.extend(extract_article(a))
    claims.sort(key=lambda c: (c.article, c.start, c.end, c.id))
    review_list = load_reviews(reviews) if reviews else ()
    groups, conflicts = reconcile(articles, claims, review_list)
    return Report(tuple(articles), tuple(claims), groups, conflicts, tuple(review_list), __version__, rules_digest())
