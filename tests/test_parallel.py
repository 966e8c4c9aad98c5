"""``--jobs`` and the Dask path give the same bytes as one process; big groups stay cheap."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import claimrecon
import claimrecon.parallel as parallel
from claimrecon.export.json_export import to_json
from claimrecon.ingest import ingest
from claimrecon.parallel import analyse, chunked
from claimrecon.records import Article, Claim
from claimrecon.reconcile import CONFLICTS_PER_GROUP, PAIRS_PER_FIGURES, reconcile

from .conftest import CORPUS, DEV

INPUTS = [str(CORPUS), str(DEV)]


@pytest.fixture(scope="module")
def single_json() -> str:
    return to_json(claimrecon.compare(INPUTS))


def test_jobs_2_is_byte_identical(single_json: str) -> None:
    # chunks of one article, so both workers get several tasks and results arrive out of order
    articles, claims = analyse(INPUTS, jobs=2, chunk_size=1)
    assert len(articles) > len(list(CORPUS.glob("*.txt"))) and claims
    assert to_json(claimrecon.compare(INPUTS, jobs=2)) == single_json


def test_cli_jobs_with_another_hash_seed_and_file_order(single_json: str, tmp_path: Path) -> None:
    files = sorted(CORPUS.glob("*.txt"), reverse=True)
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "claimrecon", "compare", *map(str, files), "--jobs", "2", "--json", "-", "--out", str(out)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().startswith("articles")  # the summary, and no progress bar when piped
    expected = to_json(claimrecon.compare([str(f) for f in sorted(files)]))
    assert done.stdout == expected


def test_dask_local_cluster_is_byte_identical(single_json: str) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        # by address, as --scheduler passes it
        report = claimrecon.compare(INPUTS, scheduler=cluster.scheduler_address)
    assert to_json(report) == single_json


def test_progress_is_silent_when_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    analyse([str(CORPUS)], progress=True)
    assert capsys.readouterr().err == ""


def test_chunks_cover_every_input_in_order() -> None:
    items = list(range(1000))
    chunks = chunked(items, jobs=2)
    assert [x for c in chunks for x in c] == items
    assert max(len(c) for c in chunks) <= 64 and len(chunks) >= 16
    assert chunked([1, 2, 3], jobs=4) == [[1], [2], [3]]


def test_jobs_must_be_positive() -> None:
    from claimrecon.errors import InputError

    with pytest.raises(InputError):
        analyse([str(CORPUS)], jobs=0)


# --- reconciliation at scale ------------------------------------------------------------------


def _claim(i: int, article: str, value: float) -> Claim:
    return Claim(
        id=f"c-{i:08d}", article=article, lang="en", kind="count", value=value, unit=None, low=value, high=value,
        qualifier="exact", precision=0.5, measure="listeners", text=str(value), start=i, end=i + 3,
        sentence="", sentence_start=0,
    )


def test_many_claims_of_two_figures_are_capped_and_fast() -> None:
    n = 20_000
    articles = [Article(f"a{i:05d}", "ok", language="en", text="x") for i in range(n)]
    claims = [_claim(i, articles[i].id, 400_000.0 if i % 2 else 250_000.0) for i in range(n)]
    t0 = time.perf_counter()
    groups, conflicts = reconcile(articles, claims)
    assert time.perf_counter() - t0 < 10
    assert len(groups) == 1 and len(groups[0].claims) == n
    assert [len(f.claims) for f in groups[0].figures] == [n // 2, n // 2]  # figures keep every claim
    assert groups[0].verdict == "conflict"
    assert 0 < len(conflicts) <= min(PAIRS_PER_FIGURES, CONFLICTS_PER_GROUP)
    # the same answer whatever the input order
    assert reconcile(articles[::-1], claims[::-1]) == (groups, conflicts)


def test_group_cap_keeps_the_highest_scores() -> None:
    values = [1000.0 + 10.0 * k for k in range(40)]  # 40 figures, every pair disagrees (within 1.75 times: one quantity)
    articles = [Article(f"a{i:03d}", "ok", language="en", text="x") for i in range(len(values))]
    claims = [_claim(i, articles[i].id, v) for i, v in enumerate(values)]
    _, conflicts = reconcile(articles, claims)
    assert len(conflicts) == CONFLICTS_PER_GROUP  # 780 pairs disagree
    scores = [k.score for k in conflicts]
    assert scores == sorted(scores, reverse=True)
    assert json.dumps([k.id for k in conflicts]) == json.dumps([k.id for k in reconcile(articles, claims[::-1])[1]])


def test_grouped_verdicts_match_every_pair_below_the_caps() -> None:
    """Judging each figure pair once per wording finds exactly the conflicts that judging every
    claim pair finds (keep ``reconcile._wording`` in step with what ``verdict`` reads)."""
    from claimrecon.reconcile import _figure_key
    from claimrecon.reconcile.intervals import verdict

    report = claimrecon.compare(INPUTS)
    src = {a.id: a.duplicate_of or a.id for a in report.articles}
    claims = {c.id: c for c in report.claims}
    by_group = {g.id: [claims[i] for i in g.claims] for g in report.groups}
    expected = set()
    for members in by_group.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if _figure_key(a) == _figure_key(b) or src[a.article] == src[b.article]:
                    continue  # one figure, or one source: never a conflict
                if verdict(a, b) in ("hard", "soft"):
                    expected.add(frozenset((a.id, b.id)))
    assert expected, "the inputs should disagree somewhere"
    assert {frozenset(k.claims) for k in report.conflicts} == expected


def test_duplicates_are_marked_as_results_arrive_in_id_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = sorted(CORPUS.glob("*.txt"))[0].read_text(encoding="utf-8")
    for name in ("x1.txt", "x2.txt", "x3.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "x0.txt").write_text(text.replace("\n\n", "\n\nUpdated. ", 1), encoding="utf-8")

    made = []

    class OnlyOnce(parallel._Marks):  # a second marker means marking again at the end
        def __init__(self, *args: object) -> None:
            if made:
                raise AssertionError("marked at the end, though the results came in id order")
            made.append(self)
            super().__init__(*args)

    monkeypatch.setattr(parallel, "_Marks", OnlyOnce)
    articles, store = parallel.analyse([tmp_path], jobs=2, chunk_size=1)
    store.close()
    assert [(a.id, a.duplicate_of) for a in articles] == [(a.id, a.duplicate_of) for a in ingest([str(tmp_path)])]
    assert [a.duplicate_of for a in articles] == [None, "x0.txt", "x0.txt", "x0.txt"]


def test_duplicates_arriving_out_of_id_order_are_marked_at_the_end(tmp_path: Path) -> None:
    # the folder walk gives a/b.txt before a.txt; in id order, a.txt comes first ("." < "/")
    text = sorted(CORPUS.glob("*.txt"))[0].read_text(encoding="utf-8")
    (tmp_path / "a").mkdir()
    for path in (tmp_path / "a" / "b.txt", tmp_path / "a.txt", tmp_path / "c.txt"):
        path.write_text(text, encoding="utf-8")
    articles, store = parallel.analyse([tmp_path])
    store.close()
    assert [(a.id, a.duplicate_of) for a in articles] == [("a.txt", None), ("a/b.txt", "a.txt"), ("c.txt", "a.txt")]
    assert [(a.id, a.duplicate_of) for a in articles] == [(a.id, a.duplicate_of) for a in ingest([str(tmp_path)])]
