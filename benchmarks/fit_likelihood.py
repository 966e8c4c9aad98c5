"""Fit the model of how likely a flagged conflict is right (``claimrecon/reconcile/likelihood.py``)
on the annotated sets' flags, and measure it on sets it was not fitted on.

    .venv/bin/python benchmarks/score_sets.py --out /tmp/e          # the gated sets' exports
    .venv/bin/python benchmarks/fit_likelihood.py /tmp/e            # measure, leaving each set out in turn
    .venv/bin/python benchmarks/fit_likelihood.py /tmp/e --write    # ... and write likelihood.json
    .venv/bin/python benchmarks/fit_likelihood.py /tmp/e --test blind39   # fit without a set, measure on it

Each flagged claim pair of an export is labelled from its event's gold as the scorer reads it
(``claimrecon.evaluate``): right when its claims are a must-flag pair, wrong when the scorer
counts it a false flag (a hard flag on a hedge the gold allows is one), and left out when the gold
leaves it open (a pair to ignore, a soft flag on a hedge the gold allows). Its features are those
the report computes (``likelihood.features``), read here from the export. The model is a logistic
regression with a small ridge penalty, fitted by Newton's method (numpy, which spaCy brings).
Held out one set at a time, the script prints the area under the ROC curve and, per threshold,
how many flags stay and how many of them are right.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT))

from claimrecon.evaluate import GoldIndex  # noqa: E402
from claimrecon.reconcile.likelihood import _MODEL, features, published_at  # noqa: E402

#: the ridge penalty on the standardised weights
RIDGE = 1.0
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def rows_of(export: dict, gold: dict) -> list[tuple[dict[str, float], int]]:
    """(features, 1 right / 0 wrong) of each flagged pair of one event's export the gold decides."""
    index = GoldIndex(gold, export["claims"])
    claims = {c["id"]: c for c in export["claims"]}
    groups = {g["id"]: g for g in export["groups"]}
    when = {a["id"]: published_at(a.get("published"), a.get("published_time"), a.get("language") or "")
            for a in export.get("articles", [])}
    per_group: dict[str, int] = {}
    for k in export["conflicts"]:
        per_group[k["group"]] = per_group.get(k["group"], 0) + 1
    # per group: claim id -> its figure, and the articles of all its figures
    figures_of = {gid: ({c: f for f in g["figures"] for c in f["claims"]}, {a for f in g["figures"] for a in f["articles"]})
                  for gid, g in groups.items() if gid in per_group}
    out = []
    for k in export["conflicts"]:
        x, y = k["claims"][:2]
        verdict, _ = index.judge(x, y, k["severity"])
        if verdict == "open":
            continue  # the gold leaves it open
        label = 1 if verdict == "right" else 0
        g = groups[k["group"]]
        figure_of, articles = figures_of[k["group"]]
        support = [len(figure_of[c]["articles"]) if c in figure_of else 1 for c in (x, y)]
        cx, cy = claims[x], claims[y]
        f = features(k["severity"], g["kind"], k.get("basis"), k.get("confidence"), cx["value"], cy["value"],
                     support[0], support[1], len(g["figures"]), len(articles), cx["lang"], cy["lang"],
                     cx["qualifier"], cy["qualifier"], per_group[k["group"]], when.get(cx["article"]), when.get(cy["article"]))
        out.append((f, label))
    return out


def fit(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mean, spread, weights with the bias last) of a ridge logistic regression."""
    mean, spread = X.mean(0), X.std(0)
    spread[spread == 0] = 1.0
    Z = np.hstack([(X - mean) / spread, np.ones((len(X), 1))])
    w = np.zeros(Z.shape[1])
    ridge = np.diag(np.r_[np.full(len(w) - 1, RIDGE), 0.0])
    for _ in range(50):
        p = 1 / (1 + np.exp(-Z @ w))
        step = np.linalg.solve((Z * (p * (1 - p))[:, None]).T @ Z + ridge, Z.T @ (p - y) + ridge @ w)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return mean, spread, w


def predict(model: tuple[np.ndarray, np.ndarray, np.ndarray], X: np.ndarray) -> np.ndarray:
    mean, spread, w = model
    return 1 / (1 + np.exp(-(np.hstack([(X - mean) / spread, np.ones((len(X), 1))]) @ w)))


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """The area under the ROC curve: how often a right flag scores above a wrong one (ties half)."""
    order = np.argsort(p, kind="stable")
    ranks = np.empty(len(p))
    ranks[order] = np.arange(1, len(p) + 1)
    for value in np.unique(p):  # tied scores share their ranks' mean
        tied = p == value
        ranks[tied] = ranks[tied].mean()
    pos, neg = y.sum(), len(y) - y.sum()
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg)) if pos and neg else math.nan


def curve(p: np.ndarray, y: np.ndarray) -> list[str]:
    lines = [f"  all flags: {len(y)}, right {int(y.sum())} ({y.mean():.2f}); AUC {auc(p, y):.3f}"]
    for t in THRESHOLDS:
        kept = p >= t
        right = int(y[kept].sum())
        lines.append(f"  likelihood >= {t}: {int(kept.sum())} flags kept, {right} right ({right / max(1, kept.sum()):.2f}),"
                     f" {right / max(1, y.sum()):.2f} of the right ones kept")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("exports", help="a folder of exports by set, as benchmarks/score_sets.py --out writes them")
    ap.add_argument("--test", action="append", default=[], help="a set to leave out of fitting and measure on")
    ap.add_argument("--write", action="store_true", help="write the model fitted on every set but --test ones")
    args = ap.parse_args(argv)
    rows, sets = [], []
    for folder in sorted(p for p in Path(args.exports).iterdir() if p.is_dir()):
        for f in sorted(folder.glob("*.json")):
            gold = DATA / folder.name / f.stem / "gold.json"
            if gold.exists():
                got = rows_of(json.loads(f.read_text(encoding="utf-8")), json.loads(gold.read_text(encoding="utf-8")))
                rows += got
                sets += [folder.name] * len(got)
    if not rows:
        print("no export with a gold found", file=sys.stderr)
        return 2
    names = sorted(rows[0][0])
    X = np.array([[f[n] for n in names] for f, _ in rows])
    y = np.array([label for _, label in rows], dtype=float)
    where = np.array(sets)
    train = ~np.isin(where, args.test)
    held = np.zeros(len(y))
    for s in sorted(set(where[train])):
        mask = where == s
        held[mask] = predict(fit(X[train & ~mask], y[train & ~mask]), X[mask])
    print(f"each of {len(set(where[train]))} sets held out in turn:")
    print("\n".join(curve(held[train], y[train])))
    model = fit(X[train], y[train])
    for s in args.test:
        mask = where == s
        print(f"{s}, never fitted on:")
        print("\n".join(curve(predict(model, X[mask]), y[mask])))
    if args.write:
        mean, spread, w = model
        doc = {
            "about": "How likely a flagged conflict is right: a logistic model over likelihood.features, "
                     "written by benchmarks/fit_likelihood.py",
            "fitted": dt.date.today().isoformat(),
            "sets": sorted(set(where[train])),
            "flags": int(train.sum()),
            "right": int(y[train].sum()),
            "held_out_auc": round(auc(held[train], y[train]), 3),
            "bias": round(float(w[-1]), 6),
            "weights": {n: [round(float(m), 6), round(float(s), 6), round(float(c), 6)]
                        for n, m, s, c in zip(names, mean, spread, w[:-1])},
        }
        _MODEL.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {_MODEL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
