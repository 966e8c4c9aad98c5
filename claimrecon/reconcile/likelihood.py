"""How likely a flagged conflict is right: that its two claims are one quantity told two ways, not
two quantities the matching joined.

The confidence of a match says how alike two claims' words are; it says little of whether a flag
is right (on the annotated sets, flags at every confidence are right about three times in four).
What does tell, measured on those sets, is the shape of the disagreement:

- two different figures with the same digits in another order or at another scale ("15,135",
  "15.315"; "2,800", "28.000") are one figure miscopied far more often than two quantities;
- two figures each given by two or more outlets are more often two quantities (a morning and an
  evening count, two towns) than one figure told wrongly;
- a group with many figures for few articles has likely joined several quantities;
- a later outlet's higher figure, hours after an earlier one's, is as often the figure that rose
  in between (the evacuees of the morning and of the evening) as one told wrongly; a later
  outlet's lower figure is more often wrong (the publication times of the two articles, read on
  their outlets' home clocks);
- and the kind: clock times and amounts are flagged rightly more often than counts and
  temperatures.

``likelihood`` combines these in a logistic model whose weights are data
(``likelihood.json``), fitted by ``benchmarks/fit_likelihood.py`` on the annotated sets' flags and
measured on sets it was not fitted on. The reports show it and a desk may keep only the likelier
flags (``--min-likelihood``); it never decides whether a pair is a conflict, and matching never
reads it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .intervals import significant_digits

#: the kinds a conflict may be of, each a feature of its own
KINDS = ("count", "percent", "money", "duration", "time", "temperature", "quantity")
#: the kinds whose values keep the digits as written (a duration is held in seconds: 18 minutes
#: and 3 hours, 1,080 and 10,800 of them, are no slip)
AS_WRITTEN = frozenset({"count", "percent", "money", "quantity", "temperature"})
#: the largest log-ratio of two figures the model reads (farther apart reads as this far)
LOG_RATIO_CAP = 5.0
#: the most hours between two articles' publications the model reads (farther apart reads as this far)
HOURS_CAP = 48.0
_MODEL = Path(__file__).with_name("likelihood.json")


@functools.lru_cache(maxsize=4096)
def published_at(day: str | None, clock: str | None, lang: str) -> dt.datetime | None:
    """When an article was published, as an instant: its date and clock time read on the clock
    most outlets of its language keep (``rules/<lang>/time.tsv``, type "home"), or on UTC when the
    language names none (English: a British outlet's clock is an hour off it at most, an American
    one's more); None when the date or the clock time is unknown. (Read once per article: a
    group's every flag asks again.)"""
    if not day or not clock:
        return None
    from ..match.eventzone import home_zone  # (matching reads reconcile's verdicts: imported when used)

    home = home_zone(lang)
    try:
        when = dt.datetime.fromisoformat(f"{day[:10]}T{clock}")
        zone: dt.tzinfo = ZoneInfo(home) if home else dt.timezone.utc
    except (ValueError, ZoneInfoNotFoundError):
        return None
    return when.replace(tzinfo=zone) if when.tzinfo is None else when


def features(severity: str, kind: str, basis: str | None, confidence: float | None, a: Any, b: Any,
             support_a: int, support_b: int, figures: int, articles: int, lang_a: str, lang_b: str,
             qualifier_a: str, qualifier_b: str, conflicts: int,
             when_a: dt.datetime | None = None, when_b: dt.datetime | None = None) -> dict[str, float]:
    """The features of one conflict: its severity, kind and match, its two values ``a`` and ``b``
    (numbers, or clock times as text), how many independent articles give each of its two figures,
    how many figures, articles and conflicts its group has, its two claims' languages and hedges,
    and when their two articles were published (``published_at``), when known."""
    f: dict[str, float] = {
        "hard": 1.0 if severity == "hard" else 0.0,
        "conf": float(confidence) if confidence is not None and math.isfinite(confidence) else 1.0,
        "inferred": 1.0 if basis == "inferred" else 0.0,
        "canonical": 1.0 if basis == "canonical" else 0.0,
        "logratio": 0.0, "slip": 0.0, "telling": 0.0, "numeric": 0.0,
    }
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a > 0 and b > 0 \
            and math.isfinite(a) and math.isfinite(b):
        f["logratio"] = min(abs(math.log(a / b)), LOG_RATIO_CAP)
        f["numeric"] = 1.0
        if kind in AS_WRITTEN:
            da, db = significant_digits(float(a)), significant_digits(float(b))
            f["slip"] = 1.0 if a != b and (da == db or (len(da) > 1 and sorted(da) == sorted(db))) else 0.0
            f["telling"] = 1.0 if min(len(da), len(db)) >= 3 else 0.0
    f["support_min"] = float(min(support_a, support_b))
    f["support_max"] = float(max(support_a, support_b))
    f["lonely"] = 1.0 if min(support_a, support_b) == 1 and max(support_a, support_b) >= 2 else 0.0
    f["nfig"] = float(figures)
    f["narts"] = float(articles)
    f["figs_per_art"] = figures / max(1, articles)
    f["crosslang"] = 1.0 if lang_a != lang_b else 0.0
    f["hedged"] = 1.0 if qualifier_a != "exact" or qualifier_b != "exact" else 0.0
    f["nconf_group"] = float(conflicts)
    # the hours from the earlier article to the later, by whether the later one's figure is higher
    f["timed"] = f["rise_hours"] = f["fall_hours"] = 0.0
    if when_a is not None and when_b is not None and f["numeric"]:
        (first, x), (then, y) = sorted(((when_a, a), (when_b, b)), key=lambda p: p[0])
        hours = min(HOURS_CAP, (then - first).total_seconds() / 3600)
        f["timed"] = 1.0
        if y > x:
            f["rise_hours"] = hours
        elif y < x:
            f["fall_hours"] = hours
    for k in KINDS:
        f["k_" + k] = 1.0 if kind == k else 0.0
    return f


@functools.lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    """The fitted model (``likelihood.json``): feature -> (mean, spread, weight), and its bias."""
    return json.loads(_MODEL.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _terms() -> tuple[float, tuple[tuple[str, float, float, float], ...]]:
    """The model's bias and its (feature, mean, spread, weight), in a fixed order, read once."""
    m = model()
    return m["bias"], tuple((name, mean, spread, w) for name, (mean, spread, w) in sorted(m["weights"].items()))


def likelihood(f: dict[str, float]) -> float:
    """The probability, as the model puts it, that a conflict of features ``f`` is right, to two
    decimals (so that a report's bytes do not hang on a float's last digits)."""
    bias, terms = _terms()
    z = bias + sum(w * (f.get(name, 0.0) - mean) / spread for name, mean, spread, w in terms)
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 2)
