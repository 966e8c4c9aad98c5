"""Score a claimrecon export against a gold file of quantities and expected conflicts.

Same semantics as the evaluation kit's reference scorer, written for this project:

- a gold claim is found when an exported claim has the same article file name and kind, and
  the same value (within 0.5%; times by local HH:MM; money also by ISO currency);
- pair expectations: ``hard`` (must be flagged hard), ``flag`` (must be flagged),
  ``soft_or_none`` (a hard flag is false), ``none``/default (any flag is false), ``ignore``;
- precision is found must-flag pairs over all flagged pairs that are not ignored.

Usage: ``python -m claimrecon.evaluate GOLD.json EXPORT.json [--verbose]``
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any


def _as_float(x: Any) -> float | None:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def _clock(v: Any) -> str | None:
    if not isinstance(v, str):
        return None
    m = re.search(r"(?:T|^)(\d{1,2}):(\d{2})", v)
    return f"{int(m.group(1)):02d}:{m.group(2)}" if m else None


def stands_for(gold: dict[str, Any], claim: dict[str, Any]) -> bool:
    """Does the exported claim stand for the gold claim?"""
    if PurePosixPath(str(claim.get("article", ""))).name != gold["article"]:
        return False
    if str(claim.get("kind", "")).lower() != gold["kind"]:
        return False
    if gold["kind"] == "time":
        return _clock(claim.get("value")) == gold["value"]
    v = _as_float(claim.get("value"))
    if v is None or abs(v - gold["value"]) > max(1e-9, 0.005 * abs(gold["value"])):
        return False
    if "unit" in gold:
        return str(claim.get("unit") or claim.get("currency") or "").upper() == gold["unit"]
    return True


@dataclass
class Score:
    extraction: tuple[int, int]
    extraction_stretch: tuple[int, int]
    conflicts: tuple[int, int]
    conflicts_stretch: tuple[int, int]
    hard_severity: tuple[int, int]
    false_flags: list[dict[str, str]] = field(default_factory=list)
    missed_claims: list[str] = field(default_factory=list)
    pairs: dict[str, str | None] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        found = self.conflicts[0] + self.conflicts_stretch[0]
        denom = found + len(self.false_flags)
        return round(found / denom, 3) if denom else 1.0

    def line(self) -> str:
        e, es, c, cs, h = self.extraction, self.extraction_stretch, self.conflicts, self.conflicts_stretch, self.hard_severity
        return (f"extraction {e[0]}/{e[1]} (stretch {es[0]}/{es[1]}) | conflicts found {c[0]}/{c[1]} (stretch {cs[0]}/{cs[1]}) | "
                f"hard severity {h[0]}/{h[1]} | false flags {len(self.false_flags)} | precision {self.precision:.2f}")


class GoldIndex:
    """A gold file read against one export's claims: which gold claims each export claim stands
    for, and how the gold judges a flag on two export claims (``judge``)."""

    def __init__(self, gold: dict[str, Any], claims: list[dict[str, Any]]) -> None:
        self.gold = gold
        self.quantity_of: dict[str, int] = {}
        self.gold_claims: dict[str, dict[str, Any]] = {}
        for qi, q in enumerate(gold["quantities"]):
            for g in q["claims"]:
                self.quantity_of[g["id"]] = qi
                self.gold_claims[g["id"]] = g
        self.to_gold: dict[Any, set[str]] = {}
        self.from_gold: dict[str, set[Any]] = {gid: set() for gid in self.gold_claims}
        for c in claims:
            hits = {gid for gid, g in self.gold_claims.items() if stands_for(g, c)}
            self.to_gold[c.get("id")] = hits
            for gid in hits:
                self.from_gold[gid].add(c.get("id"))
        self.ignored = {frozenset(p) for p in gold.get("ignore_across", [])}

    def expected(self, a: str, b: str) -> str:
        """What the gold says of two of its claims: a pair's label, "none" (two quantities, or
        equal values of one) or "ignore"."""
        if self.quantity_of[a] != self.quantity_of[b]:
            return "ignore" if frozenset((a, b)) in self.ignored else "none"
        pairs = self.gold["quantities"][self.quantity_of[a]].get("pairs", {})
        e = pairs.get(f"{a}~{b}") or pairs.get(f"{b}~{a}")
        if e:
            return str(e)
        return "none" if self.gold_claims[a]["value"] == self.gold_claims[b]["value"] else "ignore"

    def judge(self, x: Any, y: Any, severity: str) -> tuple[str, str]:
        """("right" | "open" | "wrong", why) of a flag of ``severity`` on export claims ``x`` and
        ``y``: right on a must-flag pair, open where the gold leaves it so (a pair to ignore, a
        soft flag on a hedge it allows), wrong otherwise (a false flag, with the gold's labels)."""
        gx, gy = self.to_gold.get(x, set()), self.to_gold.get(y, set())
        if not (gx and gy):
            return "wrong", "claim not in gold"
        exps = {self.expected(a, b) for a in gx for b in gy if a != b} or {"none"}
        if exps & {"hard", "flag"}:
            return "right", ""
        if "ignore" in exps or ("soft_or_none" in exps and severity != "hard"):
            return "open", ""
        return "wrong", "/".join(sorted(exps))


def score(gold: dict[str, Any], export: dict[str, Any]) -> Score:
    claims = export.get("claims") or []
    flags_in = export.get("conflicts") or []
    index = GoldIndex(gold, claims)
    gold_claims, from_gold = index.gold_claims, index.from_gold

    flagged: dict[frozenset[Any], str] = {}
    for k in flags_in:
        sev = str(k.get("severity", "hard")).lower()
        for a, b in itertools.combinations(k.get("claims") or [], 2):
            key = frozenset((a, b))
            if flagged.get(key) != "hard":
                flagged[key] = sev

    def best_flag(a: str, b: str) -> str | None:
        best = None
        for x in from_gold[a]:
            for y in from_gold[b]:
                f = flagged.get(frozenset((x, y)))
                if f and (best is None or f == "hard"):
                    best = f
        return best

    must = []
    for q in gold["quantities"]:
        for pair, e in q.get("pairs", {}).items():
            if e in ("hard", "flag"):
                a, b = pair.split("~")
                stretch = bool(gold_claims[a].get("stretch") or gold_claims[b].get("stretch"))
                must.append((pair, e, stretch, best_flag(a, b)))
    by_id = {c.get("id"): c for c in claims}
    false_flags = []
    for key, sev in flagged.items():
        if len(key) != 2:
            continue
        x, y = tuple(key)
        verdict, why = index.judge(x, y, sev)
        if verdict != "wrong":
            continue
        cx, cy = by_id.get(x, {}), by_id.get(y, {})
        false_flags.append({"severity": sev, "why": why, "a": f"{cx.get('article')}: {cx.get('text')}",
                            "b": f"{cy.get('article')}: {cy.get('text')}"})
    core = [g for g in gold_claims if not gold_claims[g].get("stretch")]
    stretch = [g for g in gold_claims if gold_claims[g].get("stretch")]
    core_must = [m for m in must if not m[2]]
    stretch_must = [m for m in must if m[2]]
    hard_found = [m for m in core_must if m[1] == "hard" and m[3]]
    return Score(
        extraction=(sum(1 for g in core if from_gold[g]), len(core)),
        extraction_stretch=(sum(1 for g in stretch if from_gold[g]), len(stretch)),
        conflicts=(sum(1 for m in core_must if m[3]), len(core_must)),
        conflicts_stretch=(sum(1 for m in stretch_must if m[3]), len(stretch_must)),
        hard_severity=(sum(1 for m in hard_found if m[3] == "hard"), len(hard_found)),
        false_flags=false_flags,
        missed_claims=[g for g in core + stretch if not from_gold[g]],
        pairs={m[0]: m[3] for m in must},
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print("usage: python -m claimrecon.evaluate GOLD.json EXPORT.json [--verbose]", file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as f:
        gold = json.load(f)
    with open(args[1], encoding="utf-8") as f:
        export = json.load(f)
    s = score(gold, export)
    if "--verbose" in args:
        for g in s.missed_claims:
            print("missed claim:", g)
        for p, f in s.pairs.items():
            if not f:
                print("missed conflict:", p)
        for ff in s.false_flags:
            print(f"false flag ({ff['severity']}, expected {ff['why']}): {ff['a']}  <>  {ff['b']}")
    print(s.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
