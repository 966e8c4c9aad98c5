"""``output/`` holds the reports of ``corpus/`` in every format; this fails when they are stale.

Regenerate with ``make samples`` (``python -m claimrecon.samples``) after any change to the
pipeline, the rules, the corpus or a renderer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimrecon import samples
from claimrecon.export import FORMATS
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
    assert sorted(p.name for p in fresh.iterdir()) == sorted(f.filename for f in FORMATS.values())
