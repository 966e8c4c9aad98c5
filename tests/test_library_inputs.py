"""What the library and the exports do with the paths and numbers they are given (issue 15).

- ``claimrecon.compare("folder")`` reads the folder: a string is one path, not its characters.
- ``articles[].path`` is relative to the folder compared: no absolute local path in any export.
- Exports write floats without binary noise (``3960.0``, not ``3960.0000000000005``).
- Every third-party package the code imports is declared in pyproject.toml; the optional
  ``--translate`` says how to install its extra when it is missing.
"""

from __future__ import annotations

import ast
import json
import re
import sys
import tomllib
from pathlib import Path

import pytest

import claimrecon
from claimrecon.export.csv_export import to_csv
from claimrecon.export.json_export import to_json
from claimrecon.records import Article, Claim, Report, tidy_number

from .conftest import CORPUS, ROOT


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_en.txt").write_text("Calm\n\nAbout 300,000 listeners joined the stream.\n", encoding="utf-8")
    (folder / "b_en.txt").write_text("Busy\n\nMore than 500,000 listeners joined the stream.\n", encoding="utf-8")
    return folder


def test_a_string_is_one_path_not_its_characters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _folder(tmp_path)
    monkeypatch.chdir(tmp_path)  # relative, so a character-by-character reading could not reach "/"
    with claimrecon.compare("in", lang="en") as report:
        assert [a.id for a in report.articles] == ["a_en.txt", "b_en.txt"]
        assert all(a.status == "ok" for a in report.articles)
    with claimrecon.compare(Path("in"), lang="en") as report:
        assert len(report.articles) == 2
    from claimrecon.ingest import ingest

    assert [a.id for a in ingest("in", lang="en")] == ["a_en.txt", "b_en.txt"]


def test_article_paths_are_relative_to_the_compared_folder(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "sub").mkdir()
    (folder / "sub" / "c_en.txt").write_text("Sub\n\nAbout 310,000 listeners joined.\n", encoding="utf-8")
    single = tmp_path / "single_en.txt"
    single.write_text("One\n\nAbout 320,000 listeners joined.\n", encoding="utf-8")
    with claimrecon.compare([str(folder.resolve()), str(single.resolve()), str(tmp_path / "missing")], lang="en") as report:
        paths = {a.id: a.path for a in report.articles}
        text = to_json(report)
    assert paths == {"a_en.txt": "a_en.txt", "b_en.txt": "b_en.txt", "sub/c_en.txt": "sub/c_en.txt",
                     "single_en.txt": "single_en.txt", str(tmp_path / "missing"): "missing"}
    exported = [a["path"] for a in json.loads(text)["articles"]]
    assert not [p for p in exported if p and (p.startswith("/") or str(tmp_path) in p)]


def test_paths_are_relative_with_worker_processes_too(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with claimrecon.compare([str(folder.resolve())], lang="en", jobs=2) as report:
        assert [a.path for a in report.articles] == ["a_en.txt", "b_en.txt"]


def test_tidy_number() -> None:
    assert tidy_number(0.9 * 3600 * 1.0) == 3240.0
    assert tidy_number(3960.0000000000005) == 3960.0
    assert tidy_number(220000.00000000003) == 220000.0
    assert tidy_number(0.1 + 0.2) == 0.3
    assert tidy_number(2.65) == 2.65 and tidy_number(1234567.891) == 1234567.891
    assert tidy_number(None) is None and tidy_number("18:00:00") == "18:00:00" and tidy_number(float("inf")) == float("inf")


def test_exports_carry_no_float_noise(tmp_path: Path) -> None:
    sentence = "The livestream ended after about an hour."
    c = Claim("c-1", "a.txt", "en", "duration", 3600.0, "s", 3600.0 * 0.9, 3600.0 * 1.1, "about", 0.5, "duration",
              "about an hour", 26, 39, sentence, 0)
    assert c.high == 3960.0000000000005  # the noise is there before the export
    report = Report((Article("a.txt", "ok", language="en"),), (c,), (), ())
    noisy = re.compile(r"\d\.\d*0000000000|\d\.\d*9999999999")
    assert json.loads(to_json(report))["claims"][0]["high"] == 3960.0
    assert not noisy.search(to_json(report))
    assert not noisy.search(to_csv(report)) and ",3960," in to_csv(report)
    from claimrecon.export.sqlite_export import write_sqlite

    import sqlite3

    write_sqlite(tmp_path / "r.sqlite", report)
    (high,) = sqlite3.connect(tmp_path / "r.sqlite").execute("SELECT high FROM claims").fetchone()
    assert high == 3960.0


def test_corpus_exports_carry_no_float_noise(corpus_report: Report) -> None:
    text = to_json(corpus_report) + to_csv(corpus_report)
    assert not re.search(r"\d\.\d*0000000000\d|\d\.\d*9999999999\d", text)


# --- dependencies -----------------------------------------------------------------------------

#: import name -> distribution name, where they differ
_DIST = {"deep_translator": "deep-translator", "charset_normalizer": "charset-normalizer", "yaml": "pyyaml"}


def _third_party_imports() -> dict[str, set[str]]:
    """Top-level module -> the claimrecon files that import it (stdlib and claimrecon left out)."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / "claimrecon").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "claimrecon":
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"]) + [r for extra in project["optional-dependencies"].values() for r in extra]
    return {re.split(r"[<>=!\[ ;]", r, maxsplit=1)[0].lower().replace("_", "-") for r in reqs}


def test_every_imported_package_is_declared() -> None:
    declared = _declared()
    missing = {m: sorted(files) for m, files in _third_party_imports().items()
               if _DIST.get(m, m).lower().replace("_", "-") not in declared}
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_optional_packages_are_extras_not_dependencies() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = " ".join(project["dependencies"])
    assert "deep-translator" not in core and "dask" not in core and "datasette" not in core
    extras = project["optional-dependencies"]
    assert any(r.startswith("deep-translator") for r in extras["translate"])
    assert any(r.startswith("requests") for r in extras["translate"])
    assert any(r.startswith("datasette") for r in extras["test"])


def test_lock_pins_every_declared_package() -> None:
    pinned = {ln.split("==")[0].lower().replace("_", "-") for ln in (ROOT / "requirements.lock").read_text().splitlines()
              if "==" in ln}
    assert not {d for d in _declared() if d not in pinned}, "run `make lock` after changing pyproject.toml"


def test_translate_without_its_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimrecon import cli

    for name in [m for m in sys.modules if m == "deep_translator" or m.startswith("deep_translator.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "deep_translator", None)  # import deep_translator now raises ImportError
    result = CliRunner().invoke(cli.app, ["compare", str(CORPUS), "--translate", "google", "--out", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "pip install 'claimrecon[translate]'" in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "report.json").exists()
