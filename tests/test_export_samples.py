"""``output/`` holds the reports of ``corpus/`` in every format; this fails when they are stale.

Regenerate with ``make samples`` (``python -m claimrecon.samples``) after any change to the
pipeline, the rules, the corpus or a renderer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimrecon import samples
from claimrecon.export import FORMATS
from claimrecon.export.csv_export import CONFLICTS_FILE
from claimrecon.export.pictures import FOLDER
from claimrecon.export.sqlite_export import dump_tables

STALE = "output/ is stale: run `make samples` and commit output/"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    samples.regenerate(out)
    return out


@pytest.mark.parametrize("name", list(FORMATS))
def test_sample_is_current(fresh: Path, name: str) -> None:
    filename = FORMATS[name].filename
    committed = samples.OUTPUT / filename
    assert committed.exists(), f"output/{filename} is missing: run `make samples`"
    if name == "sqlite":
        # Compared by content: the file's header records the SQLite library version that wrote it.
        assert dump_tables(fresh / filename) == dump_tables(committed), f"{filename}: {STALE}"
    else:
        assert (fresh / filename).read_bytes() == committed.read_bytes(), f"{filename}: {STALE}"


def test_samples_write_nothing_else(fresh: Path) -> None:
    assert sorted(p.name for p in fresh.iterdir()) == sorted([f.filename for f in FORMATS.values()] + [FOLDER, CONFLICTS_FILE])


def test_sample_conflicts_csv_is_current(fresh: Path) -> None:
    assert (fresh / CONFLICTS_FILE).read_bytes() == (samples.OUTPUT / CONFLICTS_FILE).read_bytes(), f"{CONFLICTS_FILE}: {STALE}"


def test_sample_pictures_are_current(fresh: Path) -> None:
    made = sorted(p.name for p in (fresh / FOLDER).iterdir())
    assert made, "the corpus has quantities in dispute: the Markdown report has their pictures"
    assert made == sorted(p.name for p in (samples.OUTPUT / FOLDER).iterdir()), f"{FOLDER}/: {STALE}"
    for name in made:
        assert (fresh / FOLDER / name).read_bytes() == (samples.OUTPUT / FOLDER / name).read_bytes(), f"{name}: {STALE}"
    report = (samples.OUTPUT / "report.md").read_text(encoding="utf-8")
    for name in made:
        assert f"]({FOLDER}/{name})" in report  # each picture is shown where the report speaks of it


def _readme_block(opening: str) -> str:
    readme = (samples.OUTPUT.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index(opening) + len(opening)
    return readme[start : readme.index("```\n", start)]


def test_readme_shows_the_real_report(fresh: Path) -> None:
    # the README quotes the top of the table and the first entry of the corpus's report: each
    # quoted piece (between the "..." lines) must be in the report as it is now
    report = (fresh / FORMATS["markdown"].filename).read_text(encoding="utf-8")
    pieces = [p.strip("\n") for p in _readme_block("```markdown\n").split("\n...\n")]
    assert len(pieces) == 2 and all(pieces)
    for piece in pieces:
        assert piece in report, "README.md quotes a stale report.md: copy the new top of the table and first entry"


def test_readme_shows_the_real_summary(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimrecon.cli import app

    block = _readme_block("```\n.venv/bin/claimrecon compare corpus/\n")
    result = CliRunner().invoke(app, ["compare", str(samples.OUTPUT.parent / "corpus"), "--out", str(tmp_path), "--format", "json"])
    summary = [ln for ln in block.splitlines() if not ln.startswith("wrote")]
    printed = [ln for ln in result.stdout.splitlines() + (result.stderr or "").splitlines() if ln.split(" ", 1)[0] in ("articles", "claims", "groups", "conflicts", "disputed")]
    assert printed == summary
