"""Shared fixtures: paths of the repo's own data (never ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DATA = ROOT / "tests" / "data"
GOLD = DATA / "gold"
DEV = DATA / "dev"


@pytest.fixture(scope="session")
def corpus_report():
    import claimrecon

    return claimrecon.compare([str(CORPUS)])
