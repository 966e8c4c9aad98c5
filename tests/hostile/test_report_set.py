"""A run's reports are one set: a failed, refused or killed run leaves the previous set whole
(issue 16, items 6 and 10; issue 15: a run that read nothing replaces nothing)."""

from __future__ import annotations

import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimrecon import cli
from claimrecon.reportset import JOURNAL, STAGING_PREFIX

from ..conftest import CORPUS, DEV

runner = CliRunner()
CLAIMRECON = [sys.executable, "-m", "claimrecon.cli"]
FILES = ["report.json", "report.md", "report.csv", "claimreview.jsonld", "report.html"]


def snapshot(out: Path) -> dict[str, object]:
    """The report set in ``out``: text reports by bytes, the SQLite file by its number of runs."""
    snap: dict[str, object] = {name: (out / name).read_bytes() for name in FILES if (out / name).exists()}
    if (out / "report.sqlite").exists():
        con = sqlite3.connect(out / "report.sqlite")
        snap["runs"] = con.execute("SELECT COUNT(*) FROM runs").fetchone()[0]
        con.close()
    return snap


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(STAGING_PREFIX) or p.name == JOURNAL)


@pytest.fixture(scope="module")
def two_sets(tmp_path_factory):
    """An old set (the corpus) and what a new run (a dev set) writes over it."""
    root = tmp_path_factory.mktemp("sets")
    old, new = root / "old", root / "new"
    assert runner.invoke(cli.app, ["compare", str(CORPUS), "-f", "all", "--out", str(old)]).exit_code == 0
    assert runner.invoke(cli.app, ["compare", str(CORPUS), "-f", "all", "--out", str(new)]).exit_code == 0
    ferry = str(DEV / "ferry")
    assert runner.invoke(cli.app, ["compare", ferry, "-f", "all", "--out", str(new)]).exit_code == 0
    return snapshot(old), snapshot(new), ferry


def test_out_naming_a_file_is_one_line_and_exit_5(tmp_path):
    (tmp_path / "taken").write_text("mine\n")
    for out in (tmp_path / "taken", tmp_path / "taken" / "below"):
        result = runner.invoke(cli.app, ["compare", str(CORPUS), "--out", str(out)])
        assert result.exit_code == 5, result.output
        assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
        first = result.output.splitlines()
        assert first[0].startswith("Error: cannot write") and str(tmp_path / "taken") in first[0]
    assert (tmp_path / "taken").read_text() == "mine\n"


def _limit_file_size():  # in the child: a write past 40 kB fails with EFBIG, as on a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))


def test_a_failed_write_leaves_the_previous_set_whole(tmp_path, two_sets):
    old, _, ferry = two_sets
    out = tmp_path / "out"
    assert runner.invoke(cli.app, ["compare", str(CORPUS), "-f", "all", "--out", str(out)]).exit_code == 0
    before = snapshot(out)
    assert before == old
    proc = subprocess.run([*CLAIMRECON, "compare", ferry, "-f", "all", "--out", str(out)],
                          capture_output=True, text=True, preexec_fn=_limit_file_size, timeout=120)
    assert proc.returncode == 5, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"Error: cannot write {out}/") and "File too large" in proc.stderr.splitlines()[0]
    assert snapshot(out) == before
    assert leftovers(out) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_one_line_and_exit_5(tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = runner.invoke(cli.app, ["compare", str(CORPUS), "--out", str(out)])
    finally:
        out.chmod(0o755)
    assert result.exit_code == 5 and "Permission denied" in result.output


def test_a_run_that_read_nothing_replaces_nothing(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(cli.app, ["compare", str(CORPUS), "--out", str(out)]).exit_code == 0
    before = snapshot(out)
    result = runner.invoke(cli.app, ["compare", str(tmp_path / "corpu"), "--out", str(out)])
    assert result.exit_code == 4
    assert "no article was read" in result.output and "left as they were" in result.output
    assert snapshot(out) == before


def test_kill_9_while_writing_leaves_the_old_or_the_new_set(tmp_path, two_sets):
    """The run is killed at random moments of its writing phase (spotted by its staging folder)."""
    old, new, ferry = two_sets
    rng = random.Random(16)
    seen = {"old": 0, "new": 0}
    delays = [0.0, 0.002, rng.uniform(0, 0.03), rng.uniform(0, 0.1)]  # the first ones land while it writes
    for attempt, delay in enumerate(delays):
        out = tmp_path / f"out{attempt}"
        assert runner.invoke(cli.app, ["compare", str(CORPUS), "-f", "all", "--out", str(out)]).exit_code == 0
        proc = subprocess.Popen([*CLAIMRECON, "compare", ferry, "-f", "all", "--out", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while proc.poll() is None and not leftovers(out) and time.monotonic() < deadline:
            time.sleep(0.001)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if JOURNAL in leftovers(out):  # killed within the renames: the next command completes them
            runner.invoke(cli.app, ["review", "k-000000000000", "--dismiss", "--out", str(out)])
        snap = snapshot(out)
        assert snap in (old, new), f"attempt {attempt}: a mix of two report sets"
        seen["old" if snap == old else "new"] += 1
        # the next run into the folder removes what the killed one left
        assert runner.invoke(cli.app, ["compare", ferry, "-f", "all", "--out", str(out)]).exit_code == 0
        assert leftovers(out) == []
    assert seen["old"] >= 1, seen


KILL_AFTER_FIRST_RENAME = """
import os, signal, sys
import claimrecon.reportset as rs
real = os.replace
count = 0
def replace(a, b):
    global count
    real(a, b)
    if str(a).find("staging") >= 0 and not str(b).endswith(".json"):
        count += 1
        if count == 2:
            os.kill(os.getpid(), signal.SIGKILL)
rs.os.replace = replace
from claimrecon.cli import main
sys.argv = ["claimrecon"] + sys.argv[1:]
main()
"""


def test_a_swap_cut_short_is_finished_by_the_next_command(tmp_path, two_sets):
    old, new, ferry = two_sets
    out = tmp_path / "out"
    assert runner.invoke(cli.app, ["compare", str(CORPUS), "-f", "all", "--out", str(out)]).exit_code == 0
    proc = subprocess.run([sys.executable, "-c", KILL_AFTER_FIRST_RENAME, "compare", ferry, "-f", "all", "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert JOURNAL in leftovers(out)
    assert snapshot(out) not in (old, new)  # two files are new, the others old: the journal says what is left
    result = runner.invoke(cli.app, ["review", "k-000000000000", "--dismiss", "--out", str(out)])
    assert result.exit_code == 2  # an unknown id, but the swap is finished first
    assert snapshot(out) == new and leftovers(out) == []


def test_the_index_lists_what_review_may_decide(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(cli.app, ["compare", str(CORPUS), "--out", str(out)]).exit_code == 0
    index = json.loads((out / ".claimrecon-index.json").read_text(encoding="utf-8"))
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [k[0] for k in index["conflicts"]] == [k["id"] for k in report["conflicts"]]
    assert sorted(g[0] for g in index["groups"]) == sorted(g["id"] for g in report["groups"])
