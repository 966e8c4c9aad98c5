"""CSV: one row per claim mention, for spreadsheets and quick filtering; beside it
``report-conflicts.csv``, one row per pair of claims that disagree.

Decisions:

* UTF-8 **with** a byte-order mark and CRLF line ends (RFC 4180). Excel only reads UTF-8 CSV
  correctly when the BOM is there, and Polish and Spanish text is unreadable without it;
  LibreOffice, Google Sheets, pandas and Python's ``utf-8-sig`` read it either way.
* Ids that can be several go in one cell separated by ``;`` with no spaces, in report order:
  ``conflict_ids`` (``k-1;k-2``) and ``reviews`` (``target:state`` pairs, ``k-1:dismissed;g-2:accepted``),
  where a review's id is the id of the conflict or group it decides. ``severity`` is the worst
  severity among the claim's conflicts.
* Numbers are written as plain numbers (``600000``, ``2.5``); text cells that a spreadsheet would
  run as a formula (starting with ``= + - @``, tab or CR) get a leading ``'``, since article text is
  untrusted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from ..records import Claim, Report, tidy_number
from .view import SEVERITY_RANK, ReportView, attribution_phrase, claims_with_groups, figure_phrase, measure_label, quantity_name

COLUMNS = (
    "claim_id", "article", "outlet", "language", "published",
    "kind", "measure", "quantity", "text", "value", "unit", "low", "high", "qualifier", "gloss",
    "moment", "aggregate", "period", "subevent", "attributed_to", "quoted",
    "group_id", "group_verdict", "series_id", "conflict_ids", "severity", "reviews",
    "sentence", "sentence_english", "start", "end",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _num(x: float | int | None) -> str:
    """A number as a spreadsheet reads it: integral floats without ``.0``; None empty."""
    if x is None:
        return ""
    x = tidy_number(x)
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return repr(x)


def _text(x: object) -> str:
    """A text cell, defused against formula injection."""
    if x is None:
        return ""
    s = str(x)
    return "'" + s if s.startswith(_FORMULA_START) else s


def _row(v: ReportView, c: Claim, group_id: str | None, severity: dict[str, set[str]]) -> list[str]:
    a = v.articles.get(c.article)
    g = v.groups.get(group_id or "")
    kids = v.conflicts_of.get(c.id, [])
    severities = sorted({s for k in kids for s in severity[k]}, key=lambda s: SEVERITY_RANK.get(s, 99))
    value = _num(c.value) if isinstance(c.value, (int, float)) else _text(c.value)
    return [
        _text(c.id), _text(c.article), _text(a.outlet if a else None), _text(c.lang), _text(a.published if a else None),
        _text(c.kind), _text(c.measure), _text(measure_label(g) if g else None), _text(c.text), value, _text(c.unit),
        _num(c.low), _num(c.high), _text(c.qualifier), _text(c.gloss),
        _text(c.scope.moment), _text(c.scope.aggregate), _text(c.scope.period), _text(c.scope.subevent),
        _text(c.attribution.source), "yes" if c.attribution.quoted else "no",
        _text(g.id if g else None), _text(g.verdict if g else None), _text(g.series if g else None),
        ";".join(kids), severities[0] if severities else "",
        ";".join(f"{r.target}:{r.state}" for r in v.reviews_touching(c.id, group_id)),
        _text(" ".join(c.sentence.split())), _text(c.sentence_gloss), str(c.start), str(c.end),
    ]


def to_csv(report: Report) -> str:
    """The claims table as CSV text, BOM first (encode it as UTF-8)."""
    return "".join(iter_csv(report))


def iter_csv(report: Report) -> Iterator[str]:
    """``to_csv`` in pieces, a few hundred rows at a time."""
    v = ReportView.of(report)
    severity: dict[str, set[str]] = {}  # conflict id -> severities (two conflicts can share an id)
    for k in report.conflicts:
        severity.setdefault(k.id, set()).add(k.severity)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    buf.write("\ufeff")
    w.writerow(COLUMNS)
    for n, (c, group_id) in enumerate(claims_with_groups(report), 1):
        w.writerow(_row(v, c, group_id, severity))
        if n % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


#: the conflicts CSV, written beside the claims CSV: one row per pair of claims that disagree
CONFLICT_COLUMNS = (
    "conflict_id", "group_id", "quantity", "severity", "disagreement", "score",
    "figure_a", "claim_a", "article_a", "outlet_a", "language_a", "attribution_a", "sentence_a",
    "figure_b", "claim_b", "article_b", "outlet_b", "language_b", "attribution_b", "sentence_b",
    "reason", "review", "review_note", "match_basis", "match_confidence", "likelihood",
)
#: the conflicts CSV's name, beside ``report.csv``
CONFLICTS_FILE = "report-conflicts.csv"


def iter_conflicts_csv(report: Report) -> Iterator[str]:
    """The conflicts as CSV (same conventions as the claims CSV), in the report's display order.
    ``disagreement``: ``hard`` (cannot both be right), ``opposite`` ("nearly 8" against "more than
    8"), ``bound`` (a bound the other figure meets) or ``hedged`` (both hedged, overlapping)."""
    from .view import pair_kind

    v = ReportView.of(report)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    buf.write("\ufeff")
    w.writerow(CONFLICT_COLUMNS)
    for n, k in enumerate(v.conflicts(), 1):
        g = v.groups.get(k.group)
        sides = []
        for cid in k.claims:
            c = v.claims.get(cid)
            a = v.articles.get(c.article) if c is not None else None
            sides += ([_text(figure_phrase(c)), _text(c.id), _text(c.article), _text(a.outlet if a else None), _text(c.lang),
                       _text(attribution_phrase(c)), _text(" ".join(c.sentence.split()))] if c is not None
                      else ["", _text(cid), "", "", "", "", ""])
        w.writerow([_text(k.id), _text(k.group), _text(quantity_name(g) if g else None), _text(k.severity),
                    pair_kind(v, k), _num(k.score), *sides, _text(k.reason), _text(k.review), _text(k.review_note),
                    _text(k.basis or (g.match.basis if g and g.match else None)),
                    _num(k.confidence if k.confidence is not None else (g.match.confidence if g and g.match else None)),
                    _num(k.likelihood)])
        if n % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def write_conflicts_csv(report: Report, claims_csv: Path) -> None:
    """The conflicts CSV beside the claims CSV ``claims_csv``."""
    from ..atomic import write_text

    write_text(claims_csv.parent / CONFLICTS_FILE, iter_conflicts_csv(report))
