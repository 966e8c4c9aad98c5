"""Sentence translation (issue 7): opt-in, cached, bounded, and silent on the network by default.

No test here reaches a network: the fake backend stands in for a service, and the tests that
exercise the real deep-translator code path run with sockets forbidden (the offline case).
"""

from __future__ import annotations

import json
import socket
import time
import types
from pathlib import Path

import pytest

# --translate needs the translate extra (deep-translator, requests); without it these tests skip
requests = pytest.importorskip("requests")
dx = pytest.importorskip("deep_translator.exceptions")

import claimrecon
from claimrecon.records import Claim
from claimrecon.translate import (
    CACHED,
    TRANSLATED,
    UNAVAILABLE,
    FakeBackend,
    Limits,
    TranslationCache,
    TranslationError,
    cache_key,
    make_backend,
    open_backend,
    summarize,
    translate_claims,
)
from claimrecon.translate.backends import _mymemory_code, _TimeoutRequests, classify
from claimrecon.translate.run import normalize

from .conftest import CORPUS

POLISH = "003_a755ee8edd3d3d50.txt"


class _NoNetwork(OSError):
    pass


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Forbid every socket in this process; returns the attempts made (should stay empty)."""
    attempts: list[str] = []

    class ForbiddenSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            attempts.append("socket")
            raise _NoNetwork("sockets are forbidden in this test")

    def forbidden(name: str):  # type: ignore[no-untyped-def]
        def refuse(*args: object, **kwargs: object) -> None:
            attempts.append(name)
            raise _NoNetwork(f"{name} is forbidden in this test")
        return refuse

    monkeypatch.setattr(socket, "socket", ForbiddenSocket)
    monkeypatch.setattr(socket, "create_connection", forbidden("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", forbidden("getaddrinfo"))
    return attempts


def _polish(claims: tuple[Claim, ...] | list[Claim]) -> list[Claim]:
    return [c for c in claims if c.article == POLISH]


# --- default settings: no network, rule-based glosses --------------------------------------


def test_default_compare_opens_no_connection_and_keeps_rule_glosses(no_sockets: list[str]) -> None:
    report = claimrecon.compare([str(CORPUS)])
    assert no_sockets == []
    pl = _polish(report.claims)
    assert pl and all(c.lang == "pl" for c in pl)
    assert all(c.gloss for c in pl), [c.text for c in pl if not c.gloss]
    glosses = {c.text: c.gloss for c in pl}
    assert glosses["Ponad 500 000"] == "more than 500,000 listeners"
    assert glosses["setki tysięcy"] == "hundreds of thousands of listeners"
    assert glosses["prawie pół godziny"] == "delay of nearly 30 minutes"
    assert all(c.sentence_gloss_status is None and c.sentence_gloss is None for c in report.claims)


_GUARDED_RUN = """
import socket, sys
def refuse(*a, **k):
    raise OSError("network forbidden")
class NoSocket(socket.socket):
    def __init__(self, *a, **k):
        refuse()
socket.socket, socket.create_connection, socket.getaddrinfo = NoSocket, refuse, refuse
import claimrecon
report = claimrecon.compare([sys.argv[1]])
pl = [c for c in report.claims if c.lang == "pl"]
assert pl and all(c.gloss for c in pl), "Polish claims lack glosses"
print(sorted(m for m in ("deep_translator", "claimrecon.translate") if m in sys.modules))  # spaCy itself imports requests
"""


def test_default_run_in_a_fresh_process_without_sockets_loads_no_network_code() -> None:
    """The whole interpreter starts with sockets forbidden; the translation code is never loaded."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _GUARDED_RUN, str(CORPUS)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_none_is_the_same_as_no_translation(no_sockets: list[str], tmp_path: Path) -> None:
    cache = tmp_path / "translations.json"
    report = claimrecon.compare([str(CORPUS / POLISH)], translate="none", translation_cache=cache)
    assert no_sockets == [] and not cache.exists()
    assert all(c.sentence_gloss_status is None for c in report.claims)


# --- the real backends, offline ---------------------------------------------------------------


def test_google_offline_finishes_fast_and_says_why(no_sockets: list[str], tmp_path: Path) -> None:
    t0 = time.monotonic()
    report = claimrecon.compare([str(CORPUS)], translate="google", translation_cache=tmp_path / "t.json")
    assert time.monotonic() - t0 < 30
    assert no_sockets, "deep-translator should have tried to connect"
    pl = _polish(report.claims)
    assert pl and all(c.sentence_gloss_status == UNAVAILABLE and c.sentence_gloss is None for c in pl)
    assert all(c.sentence_gloss_backend == "google" for c in pl)
    assert all("cannot reach" in (c.sentence_gloss_error or "") or "network" in (c.sentence_gloss_error or "") for c in pl)
    assert all(c.gloss for c in pl)  # the rule-based glosses stay
    assert all(c.sentence_gloss_status is None for c in report.claims if c.lang == "en")
    assert not (tmp_path / "t.json").exists()  # failures are not cached
    s = summarize(report.claims)
    assert s.unavailable == s.sentences > 0 and s.warning() and "google" in s.warning()  # type: ignore[operator]


def test_cli_offline_exits_0_warns_and_reports_why(no_sockets: list[str], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimrecon.cli import app

    result = CliRunner().invoke(app, ["compare", str(CORPUS), "--translate", "google", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Warning: --translate google" in result.stderr
    assert "Warning" not in result.stdout
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "English sentence unavailable (google): cannot reach" in md
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert {c["sentence_gloss_status"] for c in data["claims"] if c["lang"] == "pl"} == {UNAVAILABLE}


def test_help_says_translate_sends_sentences_to_a_third_party() -> None:
    from typer.testing import CliRunner

    from claimrecon.cli import app

    raw = CliRunner().invoke(app, ["compare", "--help"], terminal_width=200).output
    out = " ".join(raw.replace("│", " ").split())  # the help is drawn in boxes
    assert "SENDS THOSE ARTICLE SENTENCES TO THAT THIRD-PARTY SERVICE" in out
    assert "--translation-cache" in out and "--translate-url" in out


def test_cli_rejects_unknown_backend(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimrecon.cli import app

    result = CliRunner().invoke(app, ["compare", str(CORPUS), "--translate", "bing", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "unknown translation backend" in result.stderr


# --- backend construction ---------------------------------------------------------------------


def test_make_backend_checks_its_settings() -> None:
    with pytest.raises(TranslationError, match="unknown"):
        make_backend("deepl")
    with pytest.raises(TranslationError, match="needs --translate-url"):
        make_backend("libre")
    with pytest.raises(TranslationError, match="only used with --translate libre"):
        make_backend("google", url="http://localhost:5000/")
    with pytest.raises(TranslationError, match="http"):
        make_backend("libre", url="localhost:5000")
    with pytest.raises(TranslationError):
        open_backend("none", url="http://localhost:5000/")
    assert open_backend(None) is None and open_backend("NONE") is None
    assert make_backend("libre", url="http://localhost:5000").name == "libre"
    assert make_backend("Google").name == "google"
    fake = FakeBackend()
    assert open_backend(fake) is fake


def test_mymemory_language_codes() -> None:
    assert _mymemory_code("pl") == "pl-PL"
    assert _mymemory_code("es") == "es-ES"
    assert _mymemory_code("en").startswith("en-")


def test_requests_proxy_adds_a_timeout() -> None:
    seen: list[dict[str, object]] = []
    real = types.SimpleNamespace(get=lambda *a, **k: seen.append(k), post=lambda *a, **k: seen.append(k), codes=42)
    proxy = _TimeoutRequests(real, (3.0, 8.0))  # type: ignore[arg-type]
    proxy.get("https://example.invalid/")
    proxy.post("https://example.invalid/", timeout=1)
    assert seen == [{"timeout": (3.0, 8.0)}, {"timeout": 1}]
    assert proxy.codes == 42


@pytest.mark.parametrize(
    ("exc", "scope", "words"),
    [
        (requests.ConnectionError("HTTPSConnectionPool(host='translate.google.com', port=443)"), "run", "cannot reach translate.google.com"),
        (requests.ReadTimeout("slow"), "run", "timed out"),
        (requests.exceptions.SSLError("host='translate.google.com' bad cert"), "run", "TLS error"),
        (dx.TooManyRequests(), "run", "rate-limiting"),
        (dx.RequestError(), "sentence", "HTTP error"),
        (dx.ServerException(429), "run", "rate-limiting"),
        (dx.ServerException(404), "run", "--translate-url"),
        (dx.ServerException(500), "sentence", "HTTP 500"),
        (dx.TranslationNotFound("x"), "sentence", "could not be read"),
        (ValueError("bad json"), "sentence", "could not be read"),
        (dx.LanguageNotSupportedException("xx"), "language", "language pair"),
        (RuntimeError("boom"), "sentence", "unexpected error"),
    ],
)
def test_classify(exc: BaseException, scope: str, words: str) -> None:
    f = classify(exc, 8)
    assert f.scope == scope and words in f.reason


# --- the step, with the fake backend ----------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_claims() -> list[Claim]:
    return list(claimrecon.compare([str(CORPUS)]).claims)


def _sentences(claims: list[Claim]) -> set[str]:
    return {normalize(c.sentence) for c in claims if c.lang != "en"}


def _longest(claims: list[Claim]) -> int:
    """A request size that fits every sentence but few at a time: several requests per run."""
    return max(len(s) for s in _sentences(claims))


def test_translates_each_non_english_sentence_once_in_one_batch(corpus_claims: list[Claim]) -> None:
    fake = FakeBackend()
    out = translate_claims(corpus_claims, fake)
    assert len(fake.requests) == 1  # 9 short sentences fit one request
    assert fake.requests[0].count("\n") == len(_sentences(corpus_claims)) - 1
    for c in _polish(out):
        assert c.sentence_gloss_status == TRANSLATED and c.sentence_gloss_backend == "fake"
        assert c.sentence_gloss == "[pl>en] " + normalize(c.sentence)
    assert all(c.sentence_gloss_status is None for c in out if c.lang == "en")
    assert [c.id for c in out] == [c.id for c in corpus_claims]


def test_small_requests_and_rate_limit(corpus_claims: list[Claim]) -> None:
    waits: list[float] = []
    fake = FakeBackend(max_chars=300, min_interval=0.5)
    out = translate_claims(corpus_claims, fake, sleep=waits.append)
    assert len(fake.requests) > 2 and all(len(r) <= 300 for r in fake.requests if "\n" in r)
    assert len(waits) == len(fake.requests) - 1 and all(0.3 < w <= 0.5 for w in waits)
    assert {c.sentence_gloss_status for c in _polish(out)} == {TRANSLATED}


def test_batch_that_loses_line_breaks_falls_back_to_one_by_one(corpus_claims: list[Claim]) -> None:
    fake = FakeBackend(merge_lines=True)
    out = translate_claims(corpus_claims, fake)
    n = len(_sentences(corpus_claims))
    assert len(fake.requests) == 1 + n
    assert all(c.sentence_gloss == "[pl>en] " + normalize(c.sentence) for c in _polish(out))


def test_cache_second_run_sends_nothing(tmp_path: Path) -> None:
    cache = tmp_path / "translations.json"
    first = FakeBackend()
    r1 = claimrecon.compare([str(CORPUS)], translate=first, translation_cache=cache)
    assert first.requests and cache.exists()
    second = FakeBackend()
    r2 = claimrecon.compare([str(CORPUS)], translate=second, translation_cache=cache)
    assert second.requests == []
    assert {c.sentence_gloss_status for c in _polish(r2.claims)} == {CACHED}
    assert [c.sentence_gloss for c in r1.claims] == [c.sentence_gloss for c in r2.claims]
    data = json.loads(cache.read_text(encoding="utf-8"))
    assert data["format"] == "claimrecon-translations/1"
    assert len(data["entries"]) == len(_sentences(list(r1.claims)))
    assert not any("Ponad" in k for k in data["entries"])  # keyed by hash, no source text


def test_cache_misses_only_are_sent(corpus_claims: list[Claim], tmp_path: Path) -> None:
    sentences = sorted(_sentences(corpus_claims))
    cache = TranslationCache(tmp_path / "t.json")
    cache.put("fake", "pl", "en", sentences[0], "from a colleague")
    cache.save()
    fake = FakeBackend()
    out = translate_claims(corpus_claims, fake, TranslationCache(tmp_path / "t.json"))
    sent = fake.requests[0].split("\n")
    assert sentences[0] not in sent and len(sent) == len(sentences) - 1
    assert [c.sentence_gloss for c in out if normalize(c.sentence) == sentences[0]][0] == "from a colleague"
    # another backend's translation is not reused
    assert TranslationCache(tmp_path / "t.json").get("google", "pl", "en", sentences[0]) is None


def test_cache_key_and_merge_on_save(tmp_path: Path) -> None:
    path = tmp_path / "shared" / "t.json"
    a, b = TranslationCache(path), TranslationCache(path)
    a.put("google", "pl", "en", "Jeden.", "One.")
    b.put("google", "es", "en", "Dos.", "Two.")
    a.save()
    b.save()  # must keep a's entry
    c = TranslationCache(path)
    assert c.get("google", "pl", "en", "Jeden.") == "One." and c.get("google", "es", "en", "Dos.") == "Two."
    assert cache_key("google", "pl", "en", "x").startswith("google:pl:en:") and len(cache_key("g", "p", "e", "x")) == 6 + 64


@pytest.mark.parametrize("content", ["{not json", '{"entries": []}', "[]"])
def test_broken_cache_is_refused_not_overwritten(tmp_path: Path, content: str) -> None:
    path = tmp_path / "t.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TranslationError, match=str(path.name)):
        TranslationCache(path)
    assert path.read_text(encoding="utf-8") == content


def test_hung_service_is_abandoned_after_the_timeout(corpus_claims: list[Claim]) -> None:
    fake = FakeBackend(hang=True, timeout=0.3, max_chars=200)
    t0 = time.monotonic()
    try:
        out = translate_claims(corpus_claims, fake)
    finally:
        fake.release()
    assert time.monotonic() - t0 < 3
    assert len(fake.requests) == 1  # a timeout stops all further requests
    errors = {c.sentence_gloss_error for c in _polish(out)}
    assert all(c.sentence_gloss_status == UNAVAILABLE for c in _polish(out))
    assert any("timed out" in (e or "") for e in errors)
    assert any((e or "").startswith("not sent:") for e in errors)


@pytest.mark.parametrize(
    ("exc", "words"),
    [
        (requests.ConnectionError("host='translate.google.com'"), "cannot reach"),
        (dx.TooManyRequests(), "rate-limiting"),
    ],
)
def test_fatal_errors_stop_the_run(corpus_claims: list[Claim], exc: BaseException, words: str) -> None:
    fake = FakeBackend(fail=exc, max_chars=_longest(corpus_claims))
    out = translate_claims(corpus_claims, fake)
    assert len(fake.requests) == 1
    assert all(c.sentence_gloss_status == UNAVAILABLE and words in (c.sentence_gloss_error or "") for c in _polish(out))


def test_bad_answer_for_one_sentence_spares_the_others(corpus_claims: list[Claim]) -> None:
    bad = sorted(_sentences(corpus_claims))[0]
    fake = FakeBackend(fail=lambda text: dx.TranslationNotFound(text) if bad in text else None)
    out = translate_claims(corpus_claims, fake)
    by_sentence = {normalize(c.sentence): c for c in _polish(out)}
    assert by_sentence[bad].sentence_gloss_status == UNAVAILABLE
    assert "could not be read" in (by_sentence[bad].sentence_gloss_error or "")
    others = [c for s, c in by_sentence.items() if s != bad]
    assert others and all(c.sentence_gloss_status == TRANSLATED for c in others)


def test_repeated_failures_stop_and_request_cap(corpus_claims: list[Claim]) -> None:
    size = _longest(corpus_claims)
    fake = FakeBackend(fail=dx.RequestError(), max_chars=size)
    out = translate_claims(corpus_claims, fake)
    # a failed batch is retried one sentence at a time; three failures in a row end the run
    assert len(fake.requests) == (4 if "\n" in fake.requests[0] else 3)
    assert any("in a row" in (c.sentence_gloss_error or "") for c in _polish(out))
    assert any((c.sentence_gloss_error or "").startswith("not sent:") for c in _polish(out))
    capped = FakeBackend(max_chars=size)
    out = translate_claims(corpus_claims, capped, limits=Limits(max_requests=2))
    assert len(capped.requests) == 2
    assert any("limit of 2 requests" in (c.sentence_gloss_error or "") for c in _polish(out))
    assert sum(c.sentence_gloss_status == TRANSLATED for c in _polish(out)) >= 2


def test_sentence_over_the_service_limit_is_not_sent(corpus_claims: list[Claim]) -> None:
    fake = FakeBackend(max_chars=10)
    out = translate_claims(corpus_claims, fake)
    assert fake.requests == []
    assert all("longer than the 10 characters" in (c.sentence_gloss_error or "") for c in _polish(out))


# --- the reports ------------------------------------------------------------------------------


def test_reports_render_translations_and_reasons(tmp_path: Path) -> None:
    from claimrecon.export.json_export import to_json, validate
    from claimrecon.export.markdown import to_markdown

    report = claimrecon.compare([str(CORPUS)], translate=FakeBackend())
    md = to_markdown(report)
    assert "> English sentence (machine translation by fake): \\[pl\\>en\\]" in md
    assert validate(json.loads(to_json(report))) == []

    bad = claimrecon.compare([str(CORPUS)], translate=FakeBackend(fail=dx.TooManyRequests()))
    md = to_markdown(bad)
    assert "> English sentence unavailable (fake): the service is rate-limiting us" in md
    assert "English: more than 500,000 listeners" in md or "English: hundreds of thousands of listeners" in md
    assert validate(json.loads(to_json(bad))) == []

    cache = tmp_path / "t.json"
    claimrecon.compare([str(CORPUS)], translate=FakeBackend(), translation_cache=cache)
    again = claimrecon.compare([str(CORPUS)], translate=FakeBackend(), translation_cache=cache)
    assert "(machine translation by fake, from the cache)" in to_markdown(again)
