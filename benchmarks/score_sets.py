"""Score every annotated event of the blind sets against its gold, and sum them per set.

    .venv/bin/python benchmarks/score_sets.py                    # the gated sets in tests/data
    .venv/bin/python benchmarks/score_sets.py blind11            # one set (a folder name in tests/data)
    .venv/bin/python benchmarks/score_sets.py --out /tmp/e blind9   # also keep each event's JSON export

Each event is a folder holding its articles and a ``gold.json``; it is compared as
``claimrecon compare`` would and scored with ``claimrecon.evaluate`` (the figures of
``tests/test_quality.py``). Per event: claims found, must-flag conflicts found, false flags; per
set and in all: the same summed, and the precision over flagged pairs. Two worker processes.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GATED = ["blind", "holdout", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33", "blind34", "blind35", "blind36", "blind37", "blind38", "blind39", "blind40", "blind41", "blind42", "blind43", "blind44", "blind45", "blind46", "blind47", "blind48", "blind49", "blind50", "blind51", "blind52", "blind53", "blind54", "blind55", "blind56", "blind57", "blind58"]


def _score(item: tuple[str, str, str | None]) -> tuple[str, str, tuple[int, ...]]:
    group, folder, out = item
    sys.path.insert(0, str(ROOT))
    import claimrecon
    from claimrecon.evaluate import score
    from claimrecon.export.json_export import to_json

    with claimrecon.compare([folder]) as report:
        export = json.loads(to_json(report))
    if out:
        target = Path(out) / group
        target.mkdir(parents=True, exist_ok=True)
        (target / (Path(folder).name + ".json")).write_text(json.dumps(export), encoding="utf-8")
    s = score(json.loads((Path(folder) / "gold.json").read_text(encoding="utf-8")), export)
    found = s.conflicts[0] + s.conflicts_stretch[0]
    return group, Path(folder).name, (s.extraction[0], s.extraction[1], s.conflicts[0], s.conflicts[1], len(s.false_flags), found)


def _line(name: str, t: tuple[int, ...] | list[int]) -> str:
    flagged = t[5] + t[4]
    return (f"{name:22} claims {t[0]}/{t[1]}  conflicts {t[2]}/{t[3]} ({t[2] / max(1, t[3]):.2f})  "
            f"false flags {t[4]}  precision {t[5] / flagged if flagged else 1.0:.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help="set folders under tests/data (default: the gated blind sets)")
    ap.add_argument("--out", help="keep each event's JSON export under this folder")
    args = ap.parse_args(argv)
    items = [(name, str(f.parent), args.out) for name in (args.sets or GATED) for f in sorted((DATA / name).glob("*/gold.json"))]
    if not items:
        print("no event with a gold.json found", file=sys.stderr)
        return 2
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(_score, items))
    sums: dict[str, list[int]] = {}
    for group, event, t in results:
        print(_line(f"{group}/{event}", t))
        sums.setdefault(group, [0] * 6)
        sums[group] = [a + b for a, b in zip(sums[group], t)]
    print()
    for group, t in sums.items():
        print(_line(group, t))
    print(_line("all", [sum(t[i] for t in sums.values()) for i in range(6)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
