"""Review state: concurrent writers keep every decision, a damaged review file stops the run in one
line before anything is written, the review file lives with its reports (issue 16 items 7-8,
issue 15's review workflow)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimrecon import cli
from claimrecon.export.json_export import validate

from ..conftest import CORPUS

runner = CliRunner()
CLAIMRECON = [sys.executable, "-m", "claimrecon.cli"]


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    o = tmp_path / "out"
    result = runner.invoke(cli.app, ["compare", str(CORPUS), "-f", "json,markdown,html,sqlite", "--out", str(o)])
    assert result.exit_code == 0, result.output
    return o


def ids(out: Path) -> tuple[list[str], list[str]]:
    doc = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return [k["id"] for k in doc["conflicts"]], [g["id"] for g in doc["groups"]]


def test_twelve_concurrent_reviews_keep_every_decision(out: Path) -> None:
    conflicts, groups = ids(out)
    targets = (conflicts + groups)[:12]
    assert len(targets) == 12
    procs = [subprocess.Popen([*CLAIMRECON, "review", t, "--accept", "--note", f"n{i}", "--out", str(out)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for i, t in enumerate(targets)]
    assert [p.wait(timeout=120) for p in procs] == [0] * 12
    kept = json.loads((out / "reviews.json").read_text(encoding="utf-8"))["reviews"]
    assert sorted(r["target"] for r in kept) == sorted(targets)


def test_two_runs_appending_to_one_sqlite_file_keep_both(tmp_path: Path) -> None:
    db = tmp_path / "runs.sqlite"
    for trial in range(2):
        procs = [subprocess.Popen([*CLAIMRECON, "compare", str(CORPUS), "--sqlite", str(db), "--out", str(tmp_path / f"o{trial}{i}")],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for i in range(2)]
        assert [p.wait(timeout=120) for p in procs] == [0, 0]
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 4
    con.close()


def test_compare_reads_the_review_file_of_its_output_folder(out: Path) -> None:
    conflicts, _ = ids(out)
    assert runner.invoke(cli.app, ["review", conflicts[0], "--dismiss", "--note", "other event", "--out", str(out)]).exit_code == 0
    assert runner.invoke(cli.app, ["compare", str(CORPUS), "--out", str(out)]).exit_code == 0
    doc = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert doc["conflicts"] and {k["id"]: k["review"] for k in doc["conflicts"]}[conflicts[0]] == "dismissed"


def test_an_unknown_id_is_refused_and_the_open_ones_listed(out: Path) -> None:
    conflicts, _ = ids(out)
    assert runner.invoke(cli.app, ["review", conflicts[0], "--dismiss", "--out", str(out)]).exit_code == 0
    result = runner.invoke(cli.app, ["review", "k-0123456789ab", "--dismiss", "--out", str(out)])
    assert result.exit_code == 2
    assert "k-0123456789ab is not a conflict or group" in result.output
    assert f"Open conflicts ({len(conflicts) - 1})" in result.output
    assert conflicts[1] in result.output and conflicts[0] not in result.output.split("Open conflicts")[1]
    assert "k-0123456789ab" not in (out / "reviews.json").read_text(encoding="utf-8")


def test_review_without_reports_says_what_to_do(tmp_path: Path) -> None:
    result = runner.invoke(cli.app, ["review", "k-0123456789ab", "--dismiss", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "no reports to review" in result.output and "claimrecon compare" in result.output


def _entry(target: str, **kw: object) -> dict[str, object]:
    return {"target": target, "state": "dismissed", "note": "", "at": "2024-05-01T12:00:00+00:00", **kw}


BROKEN = {
    "deep nesting": lambda t: '{"schema": "claimrecon-reviews/1", "reviews": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "5,000-digit number": lambda t: json.dumps({"schema": "claimrecon-reviews/1", "reviews": [_entry(t)]}).replace('"note": ""', '"note": ' + "7" * 5000),
    "number for a date": lambda t: json.dumps({"schema": "claimrecon-reviews/1", "reviews": [_entry(t, at=20240501)]}),
    "not a date": lambda t: json.dumps({"schema": "claimrecon-reviews/1", "reviews": [_entry(t, at="yesterday")]}),
    "the same target twice": lambda t: json.dumps({"schema": "claimrecon-reviews/1", "reviews": [_entry(t), _entry(t, state="accepted")]}),
    "not JSON": lambda t: '{"schema": "claimrecon-reviews/1", "reviews": [',
    "not UTF-8": lambda t: '{"schema": "claimrecon-reviews/1", "note": "\udcff"}',
}


@pytest.mark.parametrize("damage", list(BROKEN))
def test_a_damaged_review_file_stops_the_run_in_one_line_before_writing(out: Path, damage: str) -> None:
    conflicts, _ = ids(out)
    text = BROKEN[damage](conflicts[0])
    (out / "reviews.json").write_bytes(text.encode("utf-8", "surrogateescape"))
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    result = runner.invoke(cli.app, ["compare", str(CORPUS), "-f", "json,markdown,html,sqlite", "--out", str(out)])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "reviews.json" in lines[0], lines
    assert "nothing was written" in lines[0] and "sqlite" not in lines[0].lower()
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    # and review says the same, rather than overwriting the file
    result = runner.invoke(cli.app, ["review", conflicts[0], "--accept", "--out", str(out)])
    assert result.exit_code == 2 and (out / "reviews.json").read_bytes() == before["reviews.json"]


def test_a_lone_surrogate_in_a_note_is_shown_as_a_replacement_character(out: Path) -> None:
    conflicts, _ = ids(out)
    (out / "reviews.json").write_text(json.dumps({"schema": "claimrecon-reviews/1", "reviews": [_entry(conflicts[0], note="ok \ud800 ok")]}),
                                      encoding="utf-8")
    result = runner.invoke(cli.app, ["compare", str(CORPUS), "-f", "json,markdown,html,sqlite,csv,claimreview", "--out", str(out)])
    assert result.exit_code == 0, result.output
    doc = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert validate(doc) == []
    assert {k["id"]: k["review_note"] for k in doc["conflicts"]}[conflicts[0]] == "ok \ufffd ok"
