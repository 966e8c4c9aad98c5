"""Journalists' decisions on conflicts and groups: a review file that survives re-runs.

The file is JSON (``{"schema": "claimrecon-reviews/1", "reviews": [...]}``), keyed by the stable
ids of conflicts and groups, written next to the reports (``output/reviews.json`` by default).
A dismissed conflict stays dismissed on every later run whose claims give it the same id.
"""

from __future__ import annotations

import dataclasses

import datetime as dt
import json
import re
from collections.abc import Sequence
from pathlib import Path

from ..atomic import write_text
from ..errors import ReviewError
from ..ingest.decode import without_surrogates
from ..records import Conflict, Group, Report, Review

REVIEW_SCHEMA = "claimrecon-reviews/1"
STATES = ("accepted", "dismissed")
#: beside the reports of a run: what ``review`` may decide (the run's conflicts and groups)
INDEX = ".claimrecon-index.json"
INDEX_SCHEMA = "claimrecon-index/1"


def load_reviews(path: str | Path) -> tuple[Review, ...]:
    """The decisions in a review file (none when it does not exist).

    A file that cannot be used raises ``ReviewError`` with one line that names the file, the
    entry and what to do: the run stops before it writes anything (exit 2), so no report ever
    shows a decision as missing because its file was damaged.
    """
    p = Path(path)
    if not p.exists():
        return ()
    fix = "fix that entry or remove it (or the file), then run again; nothing was written"
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise ReviewError(f"cannot read the review file {p}: {e.strerror or e}; fix its permissions, then run again; nothing was written") from None
    except UnicodeDecodeError as e:
        raise ReviewError(f"the review file {p} is not UTF-8 (byte {e.start}); {fix}") from None
    except json.JSONDecodeError as e:
        raise ReviewError(f"the review file {p} is not valid JSON ({e.msg}, line {e.lineno} column {e.colno}); {fix}") from None
    except (RecursionError, ValueError) as e:  # nesting too deep, an integer of thousands of digits
        what = "nested too deeply" if isinstance(e, RecursionError) else "it holds a number too long to read"
        raise ReviewError(f"the review file {p} cannot be read: {what}; {fix}") from None
    if not isinstance(data, dict) or data.get("schema") != REVIEW_SCHEMA or not isinstance(data.get("reviews"), list):
        raise ReviewError(f"{p} is not a claimrecon review file (expected schema {REVIEW_SCHEMA!r}); record decisions "
                          "with `claimrecon review ID --dismiss` rather than by hand; nothing was written")
    out: dict[str, tuple[int, Review]] = {}
    for i, r in enumerate(data["reviews"], start=1):
        problem = _problem(r)
        if problem:
            raise ReviewError(f"{p}: review #{i} {problem}; {fix}")
        target = r["target"]
        if target in out:
            raise ReviewError(f"{p}: reviews #{out[target][0]} and #{i} both decide {target}; keep one of them, then run again; nothing was written")
        out[target] = (i, Review(target, r["state"], without_surrogates(r.get("note") or ""), r.get("at")))
    return tuple(sorted((r for _, r in out.values()), key=lambda r: r.target))


_TARGET = re.compile(r"[kg]-[0-9A-Za-z_-]{1,64}")


def _problem(r: object) -> str | None:
    """What is wrong with one entry of a review file, or None."""
    if not isinstance(r, dict):
        return "is not an object"
    target, state, note, at = r.get("target"), r.get("state"), r.get("note"), r.get("at")
    if not isinstance(target, str) or not _TARGET.fullmatch(target):
        return "needs a 'target': a conflict id (k-...) or group id (g-...) from a report"
    if state not in STATES:
        return f"needs a 'state' of {' or '.join(STATES)}"
    if note is not None and not isinstance(note, str):
        return "has a 'note' that is not text"
    if at is not None:
        if not isinstance(at, str):
            return "has an 'at' that is not a date and time (such as 2024-05-01T12:00:00+00:00)"
        try:
            dt.datetime.fromisoformat(at)
        except ValueError:
            return f"has an 'at' that is not a date and time: {at[:40]!r}"
    return None


def save_review(path: str | Path, target: str, state: str, note: str = "", at: str | None = None) -> Review:
    """Record one decision. The file is read and rewritten under its folder's lock
    (``reportset.folder_lock``), so concurrent ``review`` commands keep every decision."""
    from ..reportset import folder_lock

    if state not in STATES:
        raise ReviewError(f"unknown review state {state!r}; use one of {', '.join(STATES)}")
    p = Path(path)
    review = Review(target, state, without_surrogates(note), at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat())
    with folder_lock(p.parent, waiting=f"waiting: another claimrecon command is writing in {p.parent}"):
        existing = {r.target: r for r in load_reviews(p)}
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


def index_text(report: Report) -> str:
    """The index of a run's reports (``INDEX``): every conflict (id, group, severity, quantity,
    reason) and group (id, quantity, verdict), for ``review`` to check and list ids without
    reading the reports themselves."""
    quantity = {g.id: g.label or g.measure or g.kind for g in report.groups}
    doc = {
        "schema": INDEX_SCHEMA,
        "conflicts": [[k.id, k.group, k.severity, quantity.get(k.group, ""), k.reason] for k in report.conflicts],
        "groups": [[g.id, quantity[g.id], g.verdict] for g in report.groups],
    }
    return json.dumps(doc, ensure_ascii=False) + "\n"


def load_index(folder: str | Path) -> dict[str, list[list[str]]] | None:
    """The index of the reports in ``folder``, or None when there is none (or it is unreadable)."""
    try:
        doc = json.loads((Path(folder) / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(doc, dict) or doc.get("schema") != INDEX_SCHEMA:
        return None
    return {"conflicts": list(doc.get("conflicts") or []), "groups": list(doc.get("groups") or [])}


def open_conflicts(index: dict[str, list[list[str]]], reviews: Sequence[Review]) -> list[list[str]]:
    """The conflicts of an index no decision covers (a dismissed group covers its conflicts), in report order."""
    decided = {r.target for r in reviews}
    dismissed = {r.target for r in reviews if r.state == "dismissed"}
    return [k for k in index["conflicts"] if k[0] not in decided and k[1] not in dismissed]
