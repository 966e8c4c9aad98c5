"""Hostile inputs, timed: what one bad article or one huge quantity costs a whole `compare` run.

Each case is written to a temporary folder and run as ``claimrecon compare CASE --out OUT`` in a
fresh process; the table gives its wall time, the peak resident memory of that process (from
``wait4``), its exit code, what became of the article(s) and the size of ``report.json``. The
targets (issue 16): every case within a minute and under 1 GB on the project's 2-core machine.

    .venv/bin/python benchmarks/hostile.py            # every case
    .venv/bin/python benchmarks/hostile.py tallies    # the cases named
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one_mb_sentence(d: Path) -> Path:
    """A 1 MB article that is one sentence: figures and words, no full stop."""
    words = []
    size, i = 0, 0
    while size < 999_000:  # the most one article may hold is 1,000,000 characters
        w = f"about {1000 + i:,} people listened and" if i % 3 else f"{i % 97}% of them stayed,"
        words.append(w)
        size += len(w) + 1
        i += 1
    p = d / "one_sentence.txt"
    p.write_text("Organizers said " + " ".join(words) + " the host said", encoding="utf-8")
    return p


def tallies(d: Path) -> Path:
    """5,000 one-line articles, each a different tally of one quantity ("About N people listened")."""
    p = d / "tallies.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        for i in range(5000):
            n = 1000 + 37 * i + (i * 7919) % 31
            f.write(json.dumps({"text": f"About {n:,} people listened to the broadcast, the organizers said.",
                                "published": f"2023-06-{1 + i % 28:02d}"}) + "\n")
    return p


def figures_in_one_sentence(d: Path) -> Path:
    """One 150 KB sentence of 10,000 figures (each claim used to repeat the whole sentence)."""
    p = d / "ten_thousand.txt"
    p.write_text("Shares rose " + " ".join(f"{i % 90 + 1}% in region {i}," for i in range(10_000)) + " today.", encoding="utf-8")
    return p


def absurd_number(d: Path) -> Path:
    """A 400-digit figure among 40 good ones."""
    good = " ".join(f"About {1000 + i:,} people listened, the host said." for i in range(40))
    p = d / "absurd.txt"
    p.write_text(good + " Organizers claimed " + "9" * 400 + " people attended.", encoding="utf-8")
    return p


CASES: dict[str, Callable[[Path], Path]] = {
    "one_mb_sentence": one_mb_sentence,
    "tallies": tallies,
    "figures_in_one_sentence": figures_in_one_sentence,
    "absurd_number": absurd_number,
}


def run(case: str, make: Callable[[Path], Path]) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="claimrecon-hostile-") as tmp:
        d = Path(tmp)
        src = make(d)
        out = d / "out"
        cmd = [str(ROOT / ".venv" / "bin" / "claimrecon"), "compare", str(src), "--lang", "en", "--out", str(out)]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        stdout = proc.stdout.read() if proc.stdout else ""
        report = out / "report.json"
        states = ""
        if report.exists():
            doc = json.loads(report.read_text(encoding="utf-8"))
            arts = doc["articles"]
            states = f"{sum(a['status'] == 'ok' for a in arts)} ok, {sum(a['status'] == 'error' for a in arts)} error; " \
                     f"{len(doc['claims'])} claims, {len(doc['conflicts'])} conflicts"
            notes = [a["reason"] for a in arts if a["reason"]]
            if notes:
                states += f"; {notes[0][:90]}"
        if not states:  # no report: the summary's lines about the articles say why
            states = " | ".join(ln.strip() for ln in stdout.splitlines() if ln.startswith("  "))
        return {"case": case, "input MB": src.stat().st_size / 1e6, "seconds": wall, "peak MB": usage.ru_maxrss / 1024,
                "exit": proc.returncode, "report.json MB": report.stat().st_size / 1e6 if report.exists() else 0.0,
                "result": states or stdout.strip()[-120:]}


def main(argv: list[str]) -> None:
    names = argv or list(CASES)
    print(f"claimrecon hostile benchmark: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(f"{'case':26} {'input MB':>8} {'seconds':>8} {'peak MB':>8} {'exit':>4} {'json MB':>8}  result")
    for name in names:
        r = run(name, CASES[name])
        print(f"{r['case']:26} {r['input MB']:8.2f} {r['seconds']:8.1f} {r['peak MB']:8.0f} {r['exit']:4} "
              f"{r['report.json MB']:8.2f}  {r['result']}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
