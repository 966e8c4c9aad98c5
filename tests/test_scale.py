"""Big runs in bounded memory: claims spilled to the claim store, texts left out of the report,
reports written as they are rendered. Every output must be the bytes the in-memory path gives."""

from __future__ import annotations

import gc
import json
import math
import sqlite3
import tracemalloc
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings

from claimrecon.match import match_store
from hypothesis import strategies as st

import claimrecon
from claimrecon.export import FORMATS, ExportOptions, export, plan
from claimrecon.export.json_export import Stream, dumps, encode, iter_json, to_json
from claimrecon.export.sqlite_export import write_sqlite
from claimrecon.export.view import ReportView
from claimrecon.extract import extract_article
from claimrecon.ingest import duplicates, ingest
from claimrecon.ingest.duplicates import Duplicates, fingerprint, mark_duplicates, unpack
from claimrecon.parallel import analyse
from claimrecon.reconcile import reconcile, reconcile_groups
from claimrecon.records import Article, Attribution, Claim, Report, Scope
from claimrecon.ruleset import rules_digest
from claimrecon.store import ClaimStore
from claimrecon.store import encode as encode_claim

from .conftest import CORPUS, DATA, DEV
from .test_ingest_bad import make_bad_folder

ODD = "tab\there \"quoted\" back\\slash \u2028line\u2029sep \x00\x1f ctl é ł ñ 😀 </script> & <b> \ud800"
WRITABLE = ODD.replace("\ud800", "")  # a lone surrogate is no UTF-8: no file can hold it


def in_memory(paths: list[str], **kw: object) -> Report:
    """The report as claimrecon built it before the claim store: every text and claim in memory."""
    arts = ingest(paths, **kw)  # type: ignore[arg-type]
    claims = sorted((c for a in arts for c in extract_article(a)), key=lambda c: (c.article, c.start, c.end, c.id))
    groups, conflicts = reconcile(arts, claims)
    return Report(tuple(arts), tuple(claims), groups, conflicts, (), claimrecon.__version__, rules_digest())


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Articles with exact copies (the same text, different ids), a near copy, JSON Lines and bad inputs."""
    root = tmp_path_factory.mktemp("feed")
    for src in sorted(CORPUS.glob("*.txt")):
        (root / src.name).write_bytes(src.read_bytes())
    first = sorted(CORPUS.glob("*.txt"))[0].read_text(encoding="utf-8")
    (root / "zz_exact_copy.txt").write_text(first, encoding="utf-8")
    (root / "zz_near_copy.txt").write_text(first.replace("\n\n", "\n\nUpdated. ", 1), encoding="utf-8")
    lines = [json.dumps({"text": p.read_text(encoding="utf-8"), "outlet": "Wire"}) for p in sorted((DEV / "ferry").glob("*.txt"))]
    (root / "wire.jsonl").write_text("\n".join(lines + ["not json", lines[0]]) + "\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return root


def test_spilled_report_gives_the_bytes_of_the_in_memory_one(feed: Path) -> None:
    expected = in_memory([str(feed)])
    with claimrecon.compare([str(feed)]) as report:
        assert isinstance(report.claims, ClaimStore) and len(report.claims) == len(expected.claims)
        assert not report.claims.duplicate_ids, "an exact copy's claims have their own ids"
        assert len({c.id for c in report.claims}) == len(report.claims)
        assert [a.duplicate_of for a in report.articles] == [a.duplicate_of for a in expected.articles]
        assert any(a.duplicate_of for a in report.articles)
        assert all(a.text == "" for a in report.articles)
        assert [a.to_dict()["chars"] for a in report.articles] == [a.to_dict()["chars"] for a in expected.articles]
        opts = ExportOptions(base_url="https://desk.example/r.html")
        for name, fmt in FORMATS.items():
            if fmt.render is not None:
                assert fmt.render(report, opts) == fmt.render(expected, opts), name
        assert to_json(report, with_text=True) == to_json(expected, with_text=True)
        assert reconcile(report.articles, list(report.claims)) == (report.groups, report.conflicts)


def test_spilled_sqlite_is_byte_identical(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for p in [*CORPUS.glob("*.txt"), *(DEV / "ferry").glob("*.txt")]:
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "zz_exact_copy.txt").write_bytes(sorted(CORPUS.glob("*.txt"))[0].read_bytes())  # its claims have their own ids
    (folder / "empty.txt").write_bytes(b"")
    write_sqlite(tmp_path / "a.sqlite", claimrecon.compare([str(folder)]))
    write_sqlite(tmp_path / "b.sqlite", in_memory([str(folder)]))
    assert (tmp_path / "a.sqlite").read_bytes() == (tmp_path / "b.sqlite").read_bytes()


def test_dev_sets_and_jobs_2_spilled_equal_in_memory() -> None:
    paths = [str(DEV), str(CORPUS)]
    expected = to_json(in_memory(paths))
    assert to_json(claimrecon.compare(paths)) == expected
    assert to_json(claimrecon.compare(paths, jobs=2)) == expected


def test_a_broken_file_does_not_stop_a_folder(tmp_path: Path) -> None:
    expected = make_bad_folder(tmp_path / "bad")
    report = claimrecon.compare([str(tmp_path / "bad")], jobs=2)
    status = {a.id: a.status for a in report.articles}
    for aid, (st_, _) in expected.items():
        assert status[aid] == st_, aid
    assert to_json(report) == to_json(in_memory([str(tmp_path / "bad")]))


# --- the JSON writer ---------------------------------------------------------------------------

def _odd_claim(i: int, article: str, value: float | None, odd: str = ODD) -> Claim:
    return Claim(id=f"c-{i:012d}", article=article, lang="pl", kind="count", value=value, unit=None, low=0.5, high=math.inf,
                 qualifier="more_than", precision=0.5, measure="listeners", text=odd[: 5 + i % 9], start=i, end=i + 5,
                 sentence=odd, sentence_start=0, scope=Scope(moment=None, aggregate="total"),
                 attribution=Attribution(odd, True, "said"), gloss=odd)


def test_streamed_json_equals_json_dumps_with_odd_characters() -> None:
    arts = (Article(ODD, "ok", language="pl", title=ODD, text=ODD), Article("b", "error", reason=ODD))
    claims = tuple(_odd_claim(i, ODD, v) for i, v in enumerate([1.0, float("nan"), -0.0, 10**20, None, 2.5e-300]))
    groups, conflicts = reconcile(arts, claims)
    report = Report(arts, claims, groups, conflicts, version=ODD, rules_digest="x")
    for with_text in (False, True):
        whole = json.dumps(report.to_dict(with_text=with_text), ensure_ascii=False, indent=2) + "\n"
        assert to_json(report, with_text) == whole
        assert "".join(iter_json(report, with_text)) == whole
    empty = Report((), (), (), ())
    assert to_json(empty) == json.dumps(empty.to_dict(), ensure_ascii=False, indent=2) + "\n"


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_dumps_is_json_dumps(value: object) -> None:
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
    lazy = {"a": Stream(iter([value, value])), "b": [Stream(iter([])), {"c": Stream(iter([value]))}], "d": value}
    plain = {"a": [value, value], "b": [[], {"c": [value]}], "d": value}
    assert "".join(encode(lazy)) == json.dumps(plain, ensure_ascii=False, indent=2)


def test_json_is_written_in_bounded_memory(tmp_path: Path) -> None:
    """12,000 claims in a store: writing their JSON (15 MB) holds a small part of it at any time
    (one json.dumps of the whole report held about 7.6 times the text)."""
    store = ClaimStore()
    n = 12_000
    rows = [encode_claim(_odd_claim(i, f"a{i // 20:05d}", float(100 + i % 7), WRITABLE)) for i in range(n)]
    store.add(rows)
    del rows
    store.finish()
    arts = tuple(Article(f"a{i:05d}", "ok", language="pl", chars=10) for i in range(n // 20))
    groups, conflicts = reconcile_groups(arts, store.groups(), store.claim_of, (), store.ids)
    report = Report(arts, store, groups, conflicts)
    target = tmp_path / "report.json"
    gc.collect()
    tracemalloc.start()
    export(report, plan(["json"], tmp_path), ExportOptions())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    size = target.stat().st_size
    assert size > 12_000_000 and peak < 2_000_000, (peak, size)
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["claims"] == n
    report.close()


# --- the store ---------------------------------------------------------------------------------

def test_store_orders_groups_and_looks_up_like_the_claims_in_memory(feed: Path) -> None:
    expected = in_memory([str(feed)])
    articles, store = analyse([str(feed)], chunk_size=2)
    with store:
        assert list(store) == list(expected.claims)
        assert [store[0], store[-1]] == [expected.claims[0], expected.claims[-1]]
        assert list(store.dicts()) == [c.to_dict() for c in expected.claims]
        last = {c.id: c for c in expected.claims}  # a dict in report order: the last claim of an id wins
        ids = [c.id for c in expected.claims] + ["c-unknown"]
        assert list(store.resolve(ids)) == [last.get(i) for i in ids]
        assert store.get(expected.claims[3].id) == last[expected.claims[3].id]
        info = match_store(store, articles)
        groups, conflicts = reconcile_groups(articles, store.groups(), store.claim_of, (), store.ids, info=info)
        assert (groups, conflicts) == (expected.groups, expected.conflicts)  # ids read from the store equal the tuples
        for g in groups:
            assert list(store.resolve(g.claims)) == [last[c] for c in g.claims]
        assert dict(store.texts) == {a.id: a.text for a in expected.articles if a.status == "ok"}
        v = ReportView.of(Report(tuple(articles), store, groups, conflicts))
        assert list(v.ungrouped()) == list(ReportView.of(expected).ungrouped())


def test_store_is_closed_when_closed_or_collected() -> None:
    store = ClaimStore()
    store.close()
    with pytest.raises(ValueError):
        list(store)
    report = claimrecon.compare([str(CORPUS)])
    con = report.claims.con  # type: ignore[attr-defined]
    con.execute("SELECT 1")
    del report
    gc.collect()
    with pytest.raises(sqlite3.ProgrammingError):  # closed: SQLite deleted its file when it opened it
        con.execute("SELECT 1")


@pytest.mark.parametrize("numpy_from", [0, 10**9])  # votes counted with numpy, or with a Counter
def test_duplicates_from_fingerprints_equal_mark_duplicates(numpy_from: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(duplicates, "NUMPY_FROM", numpy_from)
    arts = [a for a in ingest([str(DATA / "ingest"), str(DEV), str(CORPUS)]) if a.status == "ok"]
    text = arts[0].text
    arts += [Article("zz1", "ok", text=text), Article("zz2", "ok", text=text + " One more line."),
             Article("zz3", "ok", text=text[: len(text) * 3 // 4])]
    packed = {a.id: fingerprint(a.text) for a in arts}
    marker = Duplicates(lambda aid: unpack(packed[aid][2]))
    firsts = [marker.check(a.id, *packed[a.id][:2], a.id) for a in arts]
    assert firsts == [a.duplicate_of for a in mark_duplicates(arts)]
    assert firsts[-3:] == [arts[0].id] * 3


def test_duplicate_votes_with_numpy_equal_the_counter(monkeypatch: pytest.MonkeyPatch) -> None:
    """First copies sharing many sketch hashes (as in a feed built from shared paragraphs)."""
    import random

    rnd = random.Random(7)
    both = [Duplicates(frozenset), Duplicates(frozenset)]
    for n in range(400):
        hashes = array("q", rnd.sample(range(14), rnd.randint(0, 8)))
        found = []
        for marker, numpy_from in zip(both, (10**9, 0)):
            monkeypatch.setattr(duplicates, "NUMPY_FROM", numpy_from)
            found.append(marker.likely(hashes))
            for h in hashes:
                marker.index.setdefault(h, array("i")).append(len(marker.originals))
            marker.originals.append((str(n), ()))
        assert found[0] == found[1]


def test_claims_rendered_by_worker_processes_give_the_same_json(feed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimrecon.export.json_export as json_export

    monkeypatch.setattr(json_export, "PARALLEL_FROM", 1)  # the feed is small: render it in workers anyway
    with claimrecon.compare([str(feed)]) as report:
        single = "".join(json_export.iter_json(report))
        assert ",\n    ".join(report.claims.rendered("\n    ", 2, batch=7)) == ",\n    ".join(
            json_export.dumps(d, "\n    ") for d in report.claims.dicts())
        assert "".join(json_export.iter_json(report, jobs=2)) == single
        assert single == json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _dies(rows: list[bytes], inner: str) -> str:
    import os

    os._exit(9)  # as a worker killed for lack of memory


def test_a_json_worker_that_dies_gives_a_clear_error(feed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimrecon.export.json_export as json_export
    from claimrecon.errors import InputError

    monkeypatch.setattr(json_export, "render_rows", _dies)
    with claimrecon.compare([str(feed)]) as report:
        with pytest.raises(InputError, match="worker process writing the JSON report died"):
            ",".join(report.claims.rendered("\n    ", 2))
