"""Bad input: every case reported with its status and reason, the good articles beside it read,
no traceback, and the exit codes of ``claimrecon compare`` / ``claimrecon ingest``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimrecon.cli import app
from claimrecon.ingest import MAX_FILE_BYTES, Options, ingest, iter_inputs, read_input
from claimrecon.ingest.problems import InputProblem
from claimrecon.ingest.reader import parse_bytes
from claimrecon.records import STATUSES, Article

from .conftest import DATA, ROOT

PL = (DATA / "ingest" / "pl_tramwaje.txt").read_text(encoding="utf-8")
ES = (DATA / "ingest" / "es_metro.txt").read_text(encoding="utf-8")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


def make_bad_folder(root: Path) -> dict[str, tuple[str, str]]:
    """A folder of good and bad inputs; returns id -> (expected status, a word of the reason)."""
    (root / "sub").mkdir(parents=True)
    (root / "good_pl.txt").write_bytes(PL.encode("cp1250"))
    (root / "sub" / "good_es.txt").write_text(ES, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("  \n\t \r\n", encoding="utf-8")
    (root / "photo.png").write_bytes(PNG)
    (root / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (root / "noise.bin").write_bytes(bytes(range(256)) * 8)
    (root / "garbage.txt").write_bytes(bytes([0x80 + (i * 37) % 128 for i in range(4000)]))
    with open(root / "huge.txt", "wb") as f:  # 50 MB, sparse: nothing is written or read
        f.truncate(50 * 1024 * 1024)
    (root / "one_line.txt").write_text("słowo " * (5 * 1024 * 1024 // 7), encoding="utf-8")
    (root / "data.json").write_text('{"settings": {"theme": "dark"}}', encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    os.symlink("self_loop", root / "self_loop")
    os.symlink("..", root / "sub" / "up")
    os.symlink("missing_target.txt", root / "dangling.txt")
    return {
        "good_pl.txt": ("ok", ""),
        "sub/good_es.txt": ("ok", ""),
        "empty.txt": ("skipped", "empty"),
        "blank.txt": ("skipped", "whitespace"),
        "photo.png": ("skipped", "PNG image"),
        "report.pdf": ("skipped", "PDF"),
        "noise.bin": ("skipped", "binary"),
        "garbage.txt": ("skipped", "undecodable"),
        "huge.txt": ("skipped", "16 MB limit"),
        "one_line.txt": ("skipped", "1,000,000-character limit"),
        "data.json": ("skipped", "not articles"),
        ".DS_Store": ("skipped", "hidden"),
        "self_loop": ("error", "symlink loop"),
        "sub/up": ("skipped", "symlink loop"),
        "dangling.txt": ("error", "broken symlink"),
    }


def test_bad_inputs_are_reported_and_good_ones_read(tmp_path: Path) -> None:
    expected = make_bad_folder(tmp_path / "in")
    missing = str(tmp_path / "does_not_exist.txt")
    arts = {a.id: a for a in ingest([str(tmp_path / "in"), missing])}
    expected[missing] = ("error", "no such file")
    assert set(arts) == set(expected)  # every input is accounted for, nothing else
    for aid, (status, word) in expected.items():
        a = arts[aid]
        assert a.status == status, (aid, a.status, a.reason)
        if status == "ok":
            assert a.reason is None and a.text and a.language in ("pl", "es")
        else:
            assert word in (a.reason or ""), (aid, a.reason)
            assert a.text == ""
    assert arts["good_pl.txt"].encoding == "cp1250" and arts["good_pl.txt"].published == "2026-09-27"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "secret.txt"
    f.write_text(PL, encoding="utf-8")
    (tmp_path / "fine.txt").write_text(ES, encoding="utf-8")
    if os.geteuid() != 0:
        f.chmod(0)
    else:  # root reads anything: make open() refuse this one file
        import builtins

        real_open = builtins.open

        def guarded(file: object, *args: object, **kw: object) -> object:
            if str(file) == str(f):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kw)  # type: ignore[call-overload]

        real_os_open = os.open

        def guarded_os(file: object, *args: object, **kw: object) -> int:
            if str(file) == str(f):
                raise PermissionError(13, "Permission denied", str(file))
            return real_os_open(file, *args, **kw)  # type: ignore[arg-type]

        monkeypatch.setattr(builtins, "open", guarded)
        monkeypatch.setattr(os, "open", guarded_os)  # inputs are opened with os.open (without blocking)
    try:
        arts = {a.id: a for a in ingest([str(tmp_path)])}
    finally:
        f.chmod(0o644)
    assert arts["secret.txt"].status == "error" and "permission denied" in (arts["secret.txt"].reason or "")
    assert arts["fine.txt"].status == "ok"


def test_unlistable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "ok.txt").write_text(ES, encoding="utf-8")
    real_scandir = os.scandir

    def guarded(path: object) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", guarded)
    arts = {a.id: a for a in ingest([str(tmp_path)])}
    assert arts["locked"].status == "error" and "cannot be listed" in (arts["locked"].reason or "")
    assert arts["ok.txt"].status == "ok"


def test_file_disappearing_during_the_run(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PL, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ES, encoding="utf-8")
    sources = iter_inputs([str(tmp_path)])
    (tmp_path / "a.txt").unlink()  # listed, then gone before it is read
    a, b = (read_input(s, Options())[0] for s in sources)
    assert a.status == "error" and "disappeared during the run" in (a.reason or "")
    assert b.status == "ok"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_pipe_in_a_folder_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")  # reading it would block forever
    (tmp_path / "ok.txt").write_text(ES, encoding="utf-8")
    arts = {a.id: a for a in ingest([str(tmp_path)])}
    assert arts["pipe"].status == "skipped" and "not a regular file" in (arts["pipe"].reason or "")


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    (a,) = ingest([str(tmp_path / "nothing")])
    assert a.status == "skipped" and "empty folder" in (a.reason or "")


def test_huge_jsonl_record_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    import json

    f = tmp_path / "feed.jsonl"
    with open(f, "w", encoding="utf-8") as out:
        out.write(json.dumps({"text": ES}) + "\n")
        out.write(json.dumps({"text": "x " * (5 * 1024 * 1024 // 2)}) + "\n")
        out.write(json.dumps({"text": PL}) + "\n")
    arts = ingest([str(f)])
    assert [(a.id, a.status) for a in arts] == [("feed.jsonl#1", "ok"), ("feed.jsonl#2", "skipped"), ("feed.jsonl#3", "ok")]
    assert "4 MB limit" in (arts[1].reason or "")


def test_file_size_limit_is_documented_value() -> None:
    assert MAX_FILE_BYTES == 16 * 1024 * 1024


# ---------------------------------------------------------------------------------------------
# never raises


NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a", "a.pdf"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.one_of(st.binary(max_size=3000), st.text(max_size=1500).map(lambda t: t.encode("utf-8", "surrogatepass"))), name=NAMES)
def test_parse_bytes_never_raises_anything_but_a_reason(raw: bytes, name: str) -> None:
    """Arbitrary bytes under any name: Articles, or an InputProblem with a reason; nothing else."""
    base = Article(name, "ok")
    try:
        arts = parse_bytes(raw, base, name=name)
    except InputProblem as p:
        assert p.reason and p.status in STATUSES
        return
    assert arts
    for a in arts:
        assert a.status in STATUSES
        if a.status == "ok":
            assert a.text and a.language in ("en", "es", "pl")
        else:
            assert a.reason


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=2000), name=NAMES)
def test_read_input_on_a_file_never_raises(tmp_path: Path, raw: bytes, name: str) -> None:
    f = tmp_path / name
    f.write_bytes(raw)
    (src,) = iter_inputs([str(f)])
    arts = read_input(src, Options())
    assert arts and all(a.status in STATUSES for a in arts)
    assert not any("internal error" in (a.reason or "") for a in arts)


# ---------------------------------------------------------------------------------------------
# exit codes


runner = CliRunner()


def test_exit_0_when_every_input_is_read(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "pl.txt").write_text(PL, encoding="utf-8")
    (tmp_path / "in" / "es.txt").write_text(ES, encoding="utf-8")
    r = runner.invoke(app, ["compare", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output


def test_exit_1_when_some_inputs_are_skipped(tmp_path: Path) -> None:
    make_bad_folder(tmp_path / "in")
    r = runner.invoke(app, ["compare", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert r.exit_code == 1, r.output
    assert "skipped: photo.png: binary file" in r.output and "error: self_loop: symlink loop" in r.output


def test_exit_2_for_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PL, encoding="utf-8")
    assert runner.invoke(app, ["compare"]).exit_code == 2
    r = runner.invoke(app, ["compare", str(tmp_path), "--out", str(tmp_path / "o"), "--encoding", "no-such-codec"])
    assert r.exit_code == 2 and "unknown text encoding" in r.output
    r = runner.invoke(app, ["compare", str(tmp_path), "--out", str(tmp_path / "o"), "--lang", "xx"])
    assert r.exit_code == 2 and "no rules for language" in r.output


def test_exit_4_when_nothing_is_readable(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "photo.png").write_bytes(PNG)
    r = runner.invoke(app, ["compare", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert r.exit_code == 4, r.output
    r = runner.invoke(app, ["compare", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert r.exit_code == 4, r.output


def test_ingest_command(tmp_path: Path) -> None:
    r = runner.invoke(app, ["ingest", str(DATA / "ingest" / "pl_tramwaje.txt")])
    assert r.exit_code == 0 and '"published": "2026-09-27"' in r.output and "Udostępnij" not in r.output
    r = runner.invoke(app, ["ingest", str(DATA / "ingest" / "feed.jsonl")])
    assert r.exit_code == 1 and '"id": "feed.jsonl#5"' in r.output
    (tmp_path / "e.txt").write_bytes(b"")
    assert runner.invoke(app, ["ingest", str(tmp_path / "e.txt")]).exit_code == 4


def test_no_traceback_reaches_the_terminal(tmp_path: Path) -> None:
    make_bad_folder(tmp_path / "in")
    r = subprocess.run(
        [sys.executable, "-m", "claimrecon", "compare", str(tmp_path / "in"), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    assert "skipped: huge.txt: file of 50.0 MB" in r.stdout + r.stderr


def test_lone_surrogate_in_a_jsonl_record_is_read_as_a_replacement_character(tmp_path: Path) -> None:
    # JSON may escape half a surrogate pair ("\ud800"); Unicode text cannot hold it, and it used
    # to stop the whole run inside extraction
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"text": "The rally drew 5,000 people. \\ud800 More than 600 officers were there.", "title": "Rally \\udfff"}\n'
        '{"text": "The rally drew 6,000 people."}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["compare", str(tmp_path), "--out", str(tmp_path / "out"), "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    first = next(a for a in report["articles"] if a["id"] == "feed.jsonl#1")
    assert first["status"] == "ok" and first["title"] == "Rally \ufffd"
    assert sorted(c["text"] for c in report["claims"]) == ["5,000", "6,000", "More than 600"]


def test_an_extraction_bug_fails_that_article_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import claimrecon.parallel as parallel

    extract = sys.modules["claimrecon.extract"]  # the package; ``claimrecon.extract`` is also a function
    real = extract.extract_article

    def broken(article: Article) -> list:  # a bug that only one article's text triggers
        if "6,000" in article.text:
            raise ValueError("boom")
        return real(article)

    monkeypatch.setattr(extract, "extract_article", broken)
    (tmp_path / "a.txt").write_text("The rally drew 5,000 people on Tuesday, police said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The rally drew 6,000 people on Tuesday, police said.\n", encoding="utf-8")
    articles, store = parallel.analyse([tmp_path])
    with store:
        by_id = {a.id: a for a in articles}
        assert by_id["a.txt"].status == "ok"
        assert by_id["b.txt"].status == "error"
        assert "internal error while extracting claims (ValueError: boom)" in (by_id["b.txt"].reason or "")
        assert [c.text for c in store] == ["5,000"]
