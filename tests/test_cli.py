"""The command line: help with examples, exit codes, stdout/stderr, the library API."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import claimrecon
from claimrecon import cli

from .conftest import CORPUS

runner = CliRunner()
COMMANDS = [["compare"], ["extract"], ["ingest"], ["schema"], ["review"], ["rules", "check"]]


@pytest.mark.parametrize("cmd", COMMANDS, ids=" ".join)
def test_every_command_help_ends_with_an_example(cmd):
    result = runner.invoke(cli.app, [*cmd, "--help"], terminal_width=200)
    assert result.exit_code == 0
    lines = [ln.strip(" │") for ln in result.output.strip().splitlines() if ln.strip(" │")]
    assert lines[-1].startswith("Example:"), lines[-3:]
    assert "claimrecon" in lines[-1]


def test_compare_writes_reports_and_prints_summary(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli.app, ["compare", str(CORPUS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "conflicts" in result.output and "hard" in result.output
    assert (out / "report.json").exists() and (out / "report.md").exists()
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["schema"] == "claimrecon/1"


def test_json_to_stdout_keeps_stdout_clean(tmp_path):
    result = runner.invoke(cli.app, ["compare", str(CORPUS), "--json", "-", "--out", str(tmp_path)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["summary"]["articles"] == 5


def test_extract_command_reads_stdin():
    result = runner.invoke(cli.app, ["extract", "-", "--lang", "pl"], input="Ponad 500 000 użytkowników dołączyło do wydarzenia.\n")
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)["claims"]
    assert claims[0]["value"] == 500000 and claims[0]["qualifier"] == "more_than" and claims[0]["measure"] == "listeners"


def test_library_extract_has_the_export_fields(corpus_report):
    exported = corpus_report.to_dict()["claims"][0].keys()
    claims = claimrecon.extract("About 500,000 people were trying to listen in.", "en")
    assert claims and set(claims[0].keys()) == set(exported)


def test_unsupported_language_is_a_clear_error():
    result = runner.invoke(cli.app, ["extract", "-", "--lang", "xx"], input="Hallo 5 Leute.\n")
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_review_needs_one_decision(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(cli.app, ["compare", str(CORPUS), "--out", str(out)]).exit_code == 0
    target = json.loads((out / "report.json").read_text(encoding="utf-8"))["conflicts"][0]["id"]
    result = runner.invoke(cli.app, ["review", target, "--out", str(out)])
    assert result.exit_code == 2
    result = runner.invoke(cli.app, ["review", target, "--dismiss", "--note", "n", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads((out / "reviews.json").read_text())["reviews"][0]["state"] == "dismissed"
