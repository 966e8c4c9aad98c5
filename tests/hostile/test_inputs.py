"""Hostile inputs: each one costs a bounded share of the run, never the rest of its feed or article,
and never a traceback (issue 16, items 3, 4, 5, 9, 11, 12 and the time budget of one article)."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimrecon
from claimrecon import bounds, cli
from claimrecon.ingest import ingest
from claimrecon.parallel import analyse

from ..conftest import CORPUS

runner = CliRunner()
EN = "Police said 5,000 people attended the rally on Sunday. Organizers said about 8,000 people attended."


def report_of(paths: list[str], **kw: object) -> dict:
    with claimrecon.compare(paths, **kw) as report:  # type: ignore[arg-type]
        return json.loads(json.dumps(report.to_dict()))


# 4. one JSON Lines record never drops the rest of the feed

def test_a_huge_integer_in_one_record_drops_nothing(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    second = json.dumps({"text": EN, "views": 0}).replace('"views": 0', '"views": ' + "9" * 5000)
    f.write_text("\n".join([json.dumps({"text": EN}), second, json.dumps({"text": EN.replace("5,000", "6,000")}),
                            '{"text": ' + "1" * 5000 + "}"]) + "\n", encoding="utf-8")
    arts = ingest([str(f)])
    assert [(a.id, a.status) for a in arts] == [("feed.jsonl#1", "ok"), ("feed.jsonl#2", "ok"), ("feed.jsonl#3", "ok"),
                                                 ("feed.jsonl#4", "skipped")]
    assert arts[3].reason == '"text" is a JSON number, not a string'


def test_a_json_file_with_a_huge_integer_is_read(tmp_path: Path) -> None:
    f = tmp_path / "articles.json"
    f.write_text('[{"text": "%s", "n": %s}]' % (EN, "7" * 5000), encoding="utf-8")
    (a,) = ingest([str(f)])
    assert a.status == "ok"


# 5. one absurd number never discards its article

ABSURD = "Police said 5,000 people attended the rally. Organizers claimed " + "9" * 400 + " people attended. About 8,000 people listened, the host said."


def test_a_400_digit_number_is_skipped_with_a_reason_and_the_rest_kept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ABSURD, encoding="utf-8")
    doc = report_of([str(tmp_path / "a.txt")])
    (a,) = doc["articles"]
    assert a["status"] == "ok" and "400 digits" in a["reason"] and "skipped" in a["reason"]
    assert sorted(c["value"] for c in doc["claims"]) == [5000, 8000]


def test_extract_prints_no_traceback_for_an_absurd_number(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ABSURD, encoding="utf-8")
    result = runner.invoke(cli.app, ["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 0, result.output
    assert "note: a number of 400 digits" in result.stderr
    assert [c["value"] for c in json.loads(result.stdout)["claims"]] == [5000, 8000]


def test_a_scale_word_past_the_cap_is_skipped() -> None:
    claims = claimrecon.extract("Officials said " + "9" * 99 + " trillion people came. About 500 people left.", "en")
    assert [c["value"] for c in claims] == [500]


# 3. amplification: figures per sentence and sentence text per claim are capped

def test_one_long_sentence_of_figures_is_capped(tmp_path: Path) -> None:
    (tmp_path / "pct.txt").write_text("Shares rose " + "5% " * 600 + "today.", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(cli.app, ["compare", str(tmp_path / "pct.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    doc = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(doc["claims"]) == bounds.MAX_FIGURES_PER_SENTENCE
    assert "600 figures" in doc["articles"][0]["reason"]
    text = (tmp_path / "pct.txt").read_text(encoding="utf-8")
    for c in doc["claims"]:
        assert len(c["sentence"]) <= bounds.MAX_EXCERPT_CHARS
        assert text[c["sentence_start"] : c["sentence_start"] + len(c["sentence"])] == c["sentence"]
        assert c["sentence"][c["start"] - c["sentence_start"] :][: len(c["text"])] == c["text"]
    # 200 claims of a 600-character excerpt each, where each claim held the 1.8 kB sentence
    assert (out / "report.json").stat().st_size < 400_000


def test_an_excerpt_keeps_the_claims_fields() -> None:
    long = "Officials said that " + "the crowd kept growing all afternoon and " * 40 + "about 8,000 people attended."
    (c,) = claimrecon.extract(long, "en")
    assert len(c["sentence"]) <= bounds.MAX_EXCERPT_CHARS and c["sentence"].endswith("8,000 people attended.")
    assert long[c["sentence_start"] :].startswith(c["sentence"]) and c["value"] == 8000 and "counted" in c and "scope" in c


# the time budget of one article

@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # an alarm swallowed by a gc callback
def test_a_runaway_article_becomes_an_error_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert threading.current_thread() is threading.main_thread()
    monkeypatch.setenv("CLAIMRECON_ARTICLE_SECONDS", "0.3")
    (tmp_path / "a_slow.txt").write_text("Shares rose " + "5% " * 8000 + "today.", encoding="utf-8")
    (tmp_path / "b_fine.txt").write_text(EN, encoding="utf-8")
    articles, store = analyse([str(tmp_path)])
    store.close()
    slow, fine = articles
    assert slow.status == "error" and "extraction stopped after 0.3 s" in (slow.reason or "") and "24,0" in (slow.reason or "")
    assert fine.status == "ok"


# 9. --encoding: text encodings only

@pytest.mark.parametrize("codec", ["hex", "rot13", "zlib", "base64", "unicode_escape", "raw_unicode_escape", "undefined", "idna"])
def test_encoding_must_be_a_text_encoding(codec: str) -> None:
    result = runner.invoke(cli.app, ["compare", str(CORPUS), "--encoding", codec, "--out", "/nonexistent/never"])
    assert result.exit_code == 2 and f"{codec!r} is not a text encoding" in result.output
    assert "internal error" not in result.output


def test_utf7_surrogates_do_not_break_the_reports(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Police said 5,000 people attended the rally +2AA- on Sunday.")
    out = tmp_path / "out"
    result = runner.invoke(cli.app, ["compare", str(tmp_path), "--encoding", "utf-7", "-f", "all", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "\ufffd" in (out / "report.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("charset", ["unicode_escape", "hex"])
def test_an_html_meta_charset_that_is_no_text_encoding_is_ignored(tmp_path: Path, charset: str) -> None:
    page = (f'<html><head><meta charset="{charset}"><title>Rally</title></head><body><p>' + EN +
            " Caf\xe9 owners said sales doubled, see \\x41 and \\u00f1.</p></body></html>")
    (tmp_path / "a.html").write_bytes(page.encode("cp1252"))
    (a,) = ingest([str(tmp_path / "a.html")])
    assert a.status == "ok" and a.encoding in ("cp1252", "windows-1252", "cp1250", "iso8859-2")
    assert "\\x41 and \\u00f1" in a.text  # read as written, not as escapes


# 11. inputs opened without blocking

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_on_the_command_line_without_a_writer_is_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "ok.txt").write_text(EN, encoding="utf-8")
    arts = {a.id: a for a in ingest([str(tmp_path / "pipe"), str(tmp_path / "ok.txt")])}
    assert arts["pipe"].status == "skipped" and "nobody writes" in (arts["pipe"].reason or "")
    assert arts["ok.txt"].status == "ok"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_file_swapped_for_a_pipe_after_listing_is_skipped(tmp_path: Path) -> None:
    from claimrecon.ingest import Options, iter_inputs, read_input

    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (source,) = iter_inputs([str(tmp_path)])
    (tmp_path / "a.txt").unlink()
    os.mkfifo(tmp_path / "a.txt")
    fd = os.open(tmp_path / "a.txt", os.O_RDWR)  # a writer at the other end: reading would still wait
    try:
        (a,) = read_input(source, Options())
    finally:
        os.close(fd)
    assert a.status == "skipped" and "not a regular file" in (a.reason or "")


def test_a_device_is_skipped() -> None:
    (a,) = ingest(["/dev/zero"])
    assert a.status == "skipped" and "device" in (a.reason or "")


def test_a_pipe_with_a_writer_is_read(tmp_path: Path) -> None:
    r, w = os.pipe()
    os.write(w, EN.encode())
    os.close(w)
    try:
        (a,) = ingest([f"/dev/fd/{r}"])
    finally:
        os.close(r)
    assert a.status == "ok" and "5,000" in a.text


# 12. control characters, urls, ids, broken HTML

def test_control_characters_never_reach_the_terminal_or_the_markdown(tmp_path: Path) -> None:
    name = "evil\x1b]0;owned\x07\x1b[2J.txt"
    (tmp_path / name).write_text(EN, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": EN, "title": "T\x1b[31mred\u202eevil"}) + "\n" + '{"text": 5}\n',
                                         encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(cli.app, ["compare", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "\x1b" not in md and "\u202e" not in md and "\x07" not in md
    assert "evil\ufffd]0;owned" in md


def test_only_http_urls_reach_the_claimreview(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "About 500,000 people were trying to listen in, the host said.", "url": "javascript:alert(1)"}),
             json.dumps({"text": "According to The Verge, 600,000 people listened to the broadcast.", "url": "https://news.example/a"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(cli.app, ["compare", str(tmp_path), "-f", "claimreview", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "claimreview.jsonld").read_text(encoding="utf-8")
    assert "javascript" not in text and "https://news.example/a" in text
    result = runner.invoke(cli.app, ["compare", str(tmp_path), "-f", "claimreview", "--base-url", "javascript:x", "--out", str(out)])
    assert result.exit_code == 2


def test_claim_ids_do_not_depend_on_argument_order(tmp_path: Path) -> None:
    for folder, figure in (("a", "5,000"), ("b", "7,000")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(EN.replace("5,000", figure), encoding="utf-8")
    ab = report_of([str(tmp_path / "a"), str(tmp_path / "b")])
    ba = report_of([str(tmp_path / "b"), str(tmp_path / "a")])
    assert sorted(a["id"] for a in ab["articles"]) == ["a/x.txt", "b/x.txt"]
    assert {c["id"]: (c["article"], c["value"]) for c in ab["claims"]} == {c["id"]: (c["article"], c["value"]) for c in ba["claims"]}


@pytest.mark.parametrize("page", [
    "<html><head><title>Rally</title></head><body>" + "<div>" * 3000 + "<p>" + EN + "</p>" + "</div>" * 3000 + "</body></html>",
    "<html><body>" + "<div>" * 600 + "<p>" + EN,
    "<html><head><title>Rally</title><body><p>" + EN + "<script>x()</script>",
], ids=["deep", "deep-unclosed", "unclosed-head"])
def test_nested_or_unclosed_html_with_text_is_read(tmp_path: Path, page: str) -> None:
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (a,) = ingest([str(tmp_path / "a.html")])
    assert a.status == "ok", a.reason
    assert "5,000 people attended" in a.text and "x()" not in a.text
