"""ClaimReview: a schema.org JSON-LD projection of the conflicts, for fact-check systems.

One ``ClaimReview`` per group with at least one conflict that is not dismissed, in the report's
severity order. Each carries what Google's Fact Check tools read (``claimReviewed``,
``reviewRating.alternateName`` = "Conflicting across sources", ``url`` when a base URL is given:
``BASE#<group id>``, which is also the group's anchor in the HTML report) and
``itemReviewed``, a ``Claim`` whose ``appearance`` lists one ``NewsArticle`` per article
reporting the quantity. claimrecon's own details sit under ``claimrecon:details``, declared in
the context as a JSON literal (``@json``) so JSON-LD processors keep it as it is.

No ``ratingValue``: the verdict is "these sources disagree", not a point on a truth scale.
``author`` (an Organization: the desk publishing the reviews) and ``datePublished`` come from the
desk (``--author``, ``--review-date``); Google's fact-check markup requires them and ``url``, and
``missing_for_google`` names the ones not given so the CLI can warn once. ``<``, ``>`` and ``&`` are
written as ``\\u003c``-style escapes so the file can be pasted into an HTML ``<script>`` element.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..records import Article, Claim, Conflict, Group, Report
from ..text_safety import web_url
from .json_export import Stream, encode
from .view import ReportView, measure_label

RATING = "Conflicting across sources"
NAMESPACE = "https://claimrecon.invalid/ns#"
CONTEXT: list[Any] = [
    "https://schema.org",
    {"claimrecon": NAMESPACE, "claimrecon:details": {"@id": "claimrecon:details", "@type": "@json"}},
]


def _drop_empty(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def _appearance(a: Article | None, article_id: str, claims: list[Claim]) -> dict[str, Any]:
    said = "; ".join(f"{c.text!s} ({' '.join(c.sentence.split())})" for c in claims)
    return _drop_empty({
        "@type": "NewsArticle",
        "identifier": article_id,
        "url": web_url(a.url) if a else None,  # a feed's javascript: or data: url never becomes a link
        "headline": a.title if a else None,
        "inLanguage": (a.language if a else None) or (claims[0].lang if claims else None),
        "datePublished": a.published if a else None,
        "publisher": {"@type": "Organization", "name": a.outlet} if a and a.outlet else None,
        "author": {"@type": "Person", "name": a.author} if a and a.author else None,
        "description": f"Reports {said}",
    })


def _conflict_details(k: Conflict) -> dict[str, Any]:
    return {"id": k.id, "severity": k.severity, "score": k.score, "claims": list(k.claims), "reason": k.reason,
            "review": k.review, "review_note": k.review_note}


def missing_for_google(base_url: str | None, author: str | None, date_published: str | None) -> list[str]:
    """The ClaimReview properties Google's fact-check markup requires that these settings leave out,
    each with the option that gives it."""
    wanted = (("url", "--base-url URL", base_url), ("author", "--author NAME", author),
              ("datePublished", "--review-date YYYY-MM-DD", date_published))
    return [f"{prop} ({option})" for prop, option, value in wanted if not value]


def _review(v: ReportView, g: Group, conflicts: list[Conflict], base_url: str | None,
            author: str | None = None, date_published: str | None = None) -> dict[str, Any]:
    label = measure_label(g)
    figures = []
    for f in g.figures:
        c0 = v.claims.get(f.claims[0]) if f.claims else None
        n = len(f.articles)
        figures.append(f"{(c0.gloss or c0.text) if c0 else f.value} ({n} article{'s' if n != 1 else ''})")
    # the ids of the group's claims by article (a big group's claims are read again per article)
    by_article: dict[str, list[str]] = {}
    for c in v.claims.many(g.claims):
        by_article.setdefault(c.article, []).append(c.id)
    node: dict[str, Any] = {"@type": "ClaimReview"}
    if base_url:
        node["url"] = f"{base_url.split('#', 1)[0]}#{g.id}"
    if author:
        node["author"] = {"@type": "Organization", "name": author}
    if date_published:
        node["datePublished"] = date_published
    node.update({
        "identifier": g.id,
        "name": f"Conflicting figures: {label}",
        "claimReviewed": f"{label}: " + "; ".join(figures),
        "reviewBody": " ".join(k.reason for k in conflicts),
        "reviewRating": {"@type": "Rating", "alternateName": RATING, "ratingExplanation": conflicts[0].reason},
        "itemReviewed": {
            "@type": "Claim",
            "name": label,
            "appearance": Stream(_appearance(v.articles.get(aid), aid, list(v.claims.many(ids)))
                                 for aid, ids in by_article.items()),
        },
        "claimrecon:details": {
            "group": g.to_dict(Stream),
            "conflicts": [_conflict_details(k) for k in conflicts],
            "claims": Stream(c.to_dict() for c in v.claims.many(g.claims)),
        },
    })
    return node


def to_claimreview(report: Report, base_url: str | None = None, author: str | None = None,
                   date_published: str | None = None) -> str:
    """JSON-LD text: ``{"@context": ..., "@graph": [ClaimReview, ...]}``."""
    return "".join(iter_claimreview(report, base_url, author, date_published))


def iter_claimreview(report: Report, base_url: str | None = None, author: str | None = None,
                     date_published: str | None = None) -> Iterator[str]:
    """``to_claimreview`` in pieces, one claim or appearance at a time."""
    v = ReportView.of(report)
    per_group: dict[str, list[Conflict]] = {}
    for k in v.conflicts():
        if k.review != "dismissed" and k.group in v.groups:
            per_group.setdefault(k.group, []).append(k)
    graph = Stream(_review(v, v.groups[gid], ks, base_url, author, date_published) for gid, ks in per_group.items())
    # Desks paste JSON-LD into <script type="application/ld+json">: article text holding "</script>"
    # must not close that tag. \u escapes are the same JSON data, inert in HTML.
    for piece in encode({"@context": CONTEXT, "@graph": graph}):
        yield piece.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    yield "\n"
