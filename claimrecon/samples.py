"""Regenerate ``output/``: the reports of ``corpus/`` in every format (``make samples``).

Runs exactly what ``claimrecon compare corpus/ --format all --out output`` runs, from the repository
root so the article paths in the reports are the same relative ones, with one difference: the
SQLite run carries no timestamp, so the same inputs give the same bytes. ``output/report.sqlite`` is
rebuilt from scratch each time (one run), not appended to. Review decisions in
``output/reviews.json`` are applied, as ``compare`` would.

    python -m claimrecon.samples [--out DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path

from .export import FORMATS, ExportOptions, export, plan

ROOT = Path(__file__).resolve().parent.parent
CORPUS = "corpus"  # relative to ROOT, as a user at the repository root would type it
OUTPUT = ROOT / "output"
#: ClaimReview urls in the samples point at the HTML sample's anchors.
SAMPLE_BASE_URL = "report.html"


def regenerate(out: Path = OUTPUT, reviews: Path | None = None) -> dict[str, str]:
    """Write every format of the corpus report into ``out``; returns format -> file written."""
    from . import compare

    out = Path(out).resolve()
    review_file = reviews if reviews is not None else OUTPUT / "reviews.json"
    with contextlib.chdir(ROOT):
        report = compare([CORPUS], reviews=review_file if review_file.exists() else None)
    targets = plan(list(FORMATS), out)
    # The sample database holds one run: build it in a fresh file, then swap it in.
    fresh = out / ".report.sqlite-fresh.tmp"
    fresh.unlink(missing_ok=True)
    export(report, {**targets, "sqlite": str(fresh)}, ExportOptions(base_url=SAMPLE_BASE_URL, created_at=None))
    os.replace(fresh, targets["sqlite"])
    return targets


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m claimrecon.samples", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUTPUT, help="folder to write (default: output/ in the repository)")
    args = ap.parse_args(argv)
    for name, target in regenerate(args.out).items():
        print(f"{name:12} {os.path.relpath(target)}")


if __name__ == "__main__":
    main()
