"""The SQLite export as Datasette shows it: links it follows, full-text search, the latest run.

Runs Datasette itself (in process, no server, no network). It is in the ``test`` extra; the test
skips only if it cannot be imported.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from claimrecon.export.sqlite_export import write_sqlite
from claimrecon.records import Report

datasette_app = pytest.importorskip("datasette.app", reason="datasette is not installed: pip install -e '.[test]'")


def _get(db: Path, *paths: str) -> list[Any]:
    async def run() -> list[Any]:
        ds = datasette_app.Datasette([str(db)])
        await ds.invoke_startup()
        out = []
        for path in paths:
            r = await ds.client.get(path)
            assert r.status_code == 200, (path, r.status_code, r.text[:500])
            out.append(r.json())
        return out

    return asyncio.run(run())


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory, corpus_report: Report) -> Path:
    db = tmp_path_factory.mktemp("ds") / "report.sqlite"
    write_sqlite(db, corpus_report)
    write_sqlite(db, corpus_report)
    return db


def test_datasette_follows_every_link(two_runs: Path, corpus_report: Report) -> None:
    (claims, conflicts, figures) = _get(
        two_runs, "/report/claims.json?_shape=objects&_labels=on&_size=max",
        "/report/conflicts.json?_shape=objects&_labels=on&_size=max",
        "/report/figures.json?_shape=objects&_labels=on&_size=max")
    c = claims["rows"][0]
    # a followed link comes back as {"value", "label"}: the key and what Datasette shows for it
    assert isinstance(c["article_key"], dict) and c["article_key"]["value"] == f"1:{c['article']}"
    assert isinstance(c["run_id"], dict)
    grouped = [r for r in claims["rows"] if r["group_id"]]
    assert grouped and all(isinstance(r["group_key"], dict) for r in grouped)
    k = conflicts["rows"][0]
    for col in ("group_key", "claim_a_key", "claim_b_key"):
        assert isinstance(k[col], dict), col
    assert len(conflicts["rows"]) == 2 * len(corpus_report.conflicts)
    assert all(isinstance(f["group_key"], dict) for f in figures["rows"])


def test_datasette_lists_what_points_at_a_row(two_runs: Path, corpus_report: Report) -> None:
    group = corpus_report.conflicts[0].group
    (row,) = _get(two_runs, f"/report/groups/2:{group}.json?_extras=foreign_key_tables")
    incoming = {(t["other_table"], t["other_column"]): t["count"] for t in row["foreign_key_tables"]}
    assert incoming[("conflicts", "group_key")] == sum(1 for k in corpus_report.conflicts if k.group == group)
    assert incoming[("claims", "group_key")] > 0


def test_datasette_searches_the_sentences(two_runs: Path) -> None:
    (found,) = _get(two_runs, "/report/claims.json?_shape=objects&_search=Verge&_size=max")
    assert found["rows"] and all("Verge" in r["sentence"] for r in found["rows"])
    assert {r["run_id"] for r in found["rows"]} == {1, 2}
    (polish,) = _get(two_runs, "/report/claims.json?_shape=objects&_search=milionów&_size=max")
    assert polish["rows"] and all(r["lang"] == "pl" for r in polish["rows"])


def test_datasette_shows_the_latest_run(two_runs: Path, corpus_report: Report) -> None:
    latest, run = _get(two_runs, "/report/latest_conflicts.json?_shape=objects&_size=max",
                       "/report/latest_run.json?_shape=objects")
    assert len(latest["rows"]) == len(corpus_report.conflicts)
    assert {r["run_id"] for r in latest["rows"]} == {2}
    assert [r["run_id"] for r in run["rows"]] == [2]
