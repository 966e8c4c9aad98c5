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


# --- conventions: --version, -h, help text, completion, stderr, --quiet, progress ---------------------------

def test_version():
    for flag in ("--version", "-V"):
        result = runner.invoke(cli.app, [flag])
        assert result.exit_code == 0 and result.stdout == f"claimrecon {claimrecon.__version__}\n"


@pytest.mark.parametrize("cmd", [[], *COMMANDS], ids=lambda c: " ".join(c) or "claimrecon")
def test_dash_h_is_help(cmd):
    short = runner.invoke(cli.app, [*cmd, "-h"], terminal_width=100)
    long = runner.invoke(cli.app, [*cmd, "--help"], terminal_width=100)
    assert short.exit_code == 0 and short.stdout == long.stdout and short.stdout.startswith("Usage: claimrecon")


@pytest.mark.parametrize("cmd", [[], *COMMANDS], ids=lambda c: " ".join(c) or "claimrecon")
def test_help_text_is_clean(cmd):
    out = runner.invoke(cli.app, [*cmd, "--help"], terminal_width=200).stdout
    # no type names for metavars, no braces around arguments, no box drawing, no markup eaten
    for bad in ("<bool>", "<str>", "<list[str]>", "<path>", "<int", "{", "}", "│", "╭"):
        assert bad not in out, (cmd, bad)
    assert "..." not in out.split("Commands:", 1)[1] if "Commands:" in out else True  # no truncated summaries
    # lines break only where the next word would not fit (help wraps at 100 columns at most):
    # never where the source text happened to break a sentence
    width = 98
    lines = out.splitlines()
    for a, b in zip(lines, lines[1:]):
        rest = b.strip()
        if not a.strip() or not rest or rest[0] in "-0123456789" or rest.endswith(":") or rest.startswith("Example:"):
            continue
        if len(b) - len(b.lstrip()) <= 2:
            continue  # a heading or a new entry
        assert len(a) + 1 + len(rest.split()[0]) > width, f"line broken early in {cmd} --help:\n{a}\n{b}"


def test_compare_help_shows_the_usage_and_the_dask_extra():
    out = runner.invoke(cli.app, ["compare", "--help"], terminal_width=200).stdout
    assert out.startswith("Usage: claimrecon compare [OPTIONS] PATH...\n")
    assert "pip install 'claimrecon[dask]'" in out
    assert "-q, --quiet" in out and "--out DIR" in out and "-j, --jobs N" in out
    assert "    4  no input could be read" in out  # the exit codes stay a list


def test_shell_completion_is_offered(monkeypatch):
    # the shell is named here, not detected from the process tree: a run whose parent is no shell
    # (a detached job, a CI runner) detects none, and "--show-completion" takes no shell argument
    import typer.completion

    monkeypatch.setattr(typer.completion, "_get_shell_name", lambda: "bash")
    result = runner.invoke(cli.app, ["--show-completion"], prog_name="claimrecon")
    assert result.exit_code == 0 and "_CLAIMRECON_COMPLETE" in result.stdout
    # and it completes: the command names after "claimrecon co"
    done = runner.invoke(cli.app, [], prog_name="claimrecon",
                         env={"_CLAIMRECON_COMPLETE": "complete_bash", "COMP_WORDS": "claimrecon co", "COMP_CWORD": "1"})
    assert "compare" in done.stdout


def test_missing_input_is_reported_on_stderr(tmp_path):
    result = runner.invoke(cli.app, ["compare", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 4
    assert "nowhere: no such file or folder" in result.stderr
    assert "no such file" not in result.stdout


def test_quiet_prints_nothing_on_success_and_problems_on_stderr(tmp_path):
    result = runner.invoke(cli.app, ["compare", str(CORPUS), "--out", str(tmp_path), "--quiet"])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    assert (tmp_path / "report.json").exists()
    result = runner.invoke(cli.app, ["compare", str(CORPUS), str(tmp_path / "nowhere"), "--out", str(tmp_path), "-q"])
    assert result.exit_code == 1 and result.stdout == "" and "nowhere" in result.stderr


class _Terminal:
    """A stream that says it is a terminal, keeping what is written."""

    def __init__(self):
        self.parts = []

    def isatty(self):
        return True

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass

    @property
    def text(self):
        return "".join(self.parts)


def test_progress_covers_every_phase_on_a_terminal_only(tmp_path):
    from claimrecon.export import ExportOptions, export, plan
    from claimrecon.progress import Progress

    tty = _Terminal()
    progress = Progress(stream=tty)
    with claimrecon.compare([str(CORPUS)], progress=progress) as report:
        export(report, plan(["json", "markdown"], tmp_path), ExportOptions(progress=progress))
    for phase in ("reading and extracting", "indexing claims", "reconciling", "writing " + str(tmp_path / "report.json"),
                  "writing " + str(tmp_path / "report.md")):
        assert phase in tty.text, phase
    piped = _Terminal()
    piped.isatty = lambda: False
    assert not Progress(stream=piped).enabled
    with Progress(stream=piped).phase("reconciling", 3) as advance:
        advance(1)
    assert piped.text == ""


def test_claimreview_warns_once_naming_what_is_missing(tmp_path):
    result = runner.invoke(cli.app, ["compare", str(CORPUS), "--out", str(tmp_path), "-f", "claimreview", "--author", "Desk"])
    assert result.exit_code == 0
    warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("Warning:")]
    assert len(warnings) == 1
    assert "url (--base-url URL)" in warnings[0] and "datePublished (--review-date YYYY-MM-DD)" in warnings[0]
    assert "author" not in warnings[0].split("lacks", 1)[1].split("which")[0]
    full = runner.invoke(cli.app, ["compare", str(CORPUS), "--out", str(tmp_path), "-f", "claimreview", "--author", "Desk",
                                   "--base-url", "https://desk.example/r.html", "--review-date", "2026-05-01"])
    assert full.exit_code == 0 and "Warning" not in full.stderr
    graph = json.loads((tmp_path / "claimreview.jsonld").read_text(encoding="utf-8"))["@graph"]
    assert graph and all(r["url"].startswith("https://desk.example/r.html#g-") for r in graph)
    assert all(r["author"] == {"@type": "Organization", "name": "Desk"} and r["datePublished"] == "2026-05-01" for r in graph)
    bad = runner.invoke(cli.app, ["compare", str(CORPUS), "--out", str(tmp_path), "--review-date", "May 1"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr
