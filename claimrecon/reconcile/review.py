"""Journalists' decisions on conflicts and groups: a review file that survives re-runs.

The file is JSON (``{"schema": "claimrecon-reviews/1", "reviews": [...]}``), keyed by the stable
ids of conflicts and groups, written next to the reports (``output/reviews.json`` by default).
A dismissed conflict stays dismissed on every later run whose claims give it the same id.
"""

from __future__ import annotations

import dataclasses

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

from ..atomic import write_text
from ..errors import ReviewError
from ..records import Conflict, Group, Review

REVIEW_SCHEMA = "claimrecon-reviews/1"
STATES = ("accepted", "dismissed")


def load_reviews(path: str | Path) -> tuple[Review, ...]:
    p = Path(path)
    if not p.exists():
        return ()
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ReviewError(f"cannot read the review file {p}: {e}", "Fix or delete the file, then run again.") from None
    if not isinstance(data, dict) or data.get("schema") != REVIEW_SCHEMA or not isinstance(data.get("reviews"), list):
        raise ReviewError(f"{p} is not a claimrecon review file (expected schema {REVIEW_SCHEMA!r})",
                          "Record decisions with `claimrecon review ID --dismiss` rather than by hand.")
    out = []
    for i, r in enumerate(data["reviews"]):
        if not isinstance(r, dict) or not isinstance(r.get("target"), str) or r.get("state") not in STATES:
            raise ReviewError(f"{p}: review #{i + 1} needs a 'target' id and a 'state' of {' or '.join(STATES)}")
        out.append(Review(r["target"], r["state"], str(r.get("note") or ""), r.get("at")))
    return tuple(sorted(out, key=lambda r: r.target))


def save_review(path: str | Path, target: str, state: str, note: str = "", at: str | None = None) -> Review:
    if state not in STATES:
        raise ReviewError(f"unknown review state {state!r}; use one of {', '.join(STATES)}")
    p = Path(path)
    existing = {r.target: r for r in load_reviews(p)}
    review = Review(target, state, note, at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat())
    existing[target] = review
    payload = {"schema": REVIEW_SCHEMA, "reviews": [r.to_dict() for r in sorted(existing.values(), key=lambda r: r.target)]}
    write_text(p, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return review


def apply_reviews(groups: Sequence[Group], conflicts: Sequence[Conflict], reviews: Sequence[Review]) -> tuple[list[Group], list[Conflict]]:
    """Attach each decision to the conflict or group it names; unknown ids are kept in the file."""
    by = {r.target: r for r in reviews}
    out_g = []
    for g in groups:
        r = by.get(g.id)
        out_g.append(g if r is None else dataclasses.replace(g, review=r.state, review_note=r.note))
    out_k = []
    for k in conflicts:
        r = by.get(k.id) or (by.get(k.group) if by.get(k.group) and by[k.group].state == "dismissed" else None)
        out_k.append(k if r is None else dataclasses.replace(k, review=r.state, review_note=r.note))
    return out_g, out_k
