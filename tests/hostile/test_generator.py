"""New shapes of bad input on every run (hypothesis draws fresh examples each time; a failure is
kept in .hypothesis/ and replayed first). Each test stops after a few seconds' worth of examples;
``CLAIMRECON_HOSTILE_EXAMPLES=2000 pytest tests/hostile`` tries many more by hand.

The properties: reading never raises and accounts for every input and record; extraction never
raises and keeps its offsets; every report of a hostile folder is written, valid and free of
control characters; a review file either loads or is refused with a ``ReviewError``.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimrecon
from claimrecon.bounds import MAX_EXCERPT_CHARS
from claimrecon.errors import ReviewError
from claimrecon.export import FORMATS, ExportOptions, export, plan
from claimrecon.export.json_export import validate
from claimrecon.ingest import ingest
from claimrecon.reconcile.review import load_reviews

EXAMPLES = int(os.environ.get("CLAIMRECON_HOSTILE_EXAMPLES", "0"))


def budget(n: int) -> settings:
    return settings(max_examples=EXAMPLES or n, deadline=None, suppress_health_check=list(HealthCheck))


# pieces of hostile text: figures of every size and shape, controls, markup, quotes, odd spaces
FIGURE = st.one_of(
    st.integers(0, 10**6).map(lambda n: f"{n:,}"),
    st.integers(1, 500).map(lambda n: "9" * n),
    st.integers(1, 50).map(lambda n: "1" + ",000" * n),
    st.sampled_from(["5%", "$3.5 billion", "about 500,000", "ponad 100 milionów", "más de 2,5 millones", "1e999",
                     "-0", "0.000000000001", "½", "١٢٣", "𝟓𝟎𝟎", "6:37 p.m. ET", "2023-13-45", "between 20 and"]),
)
NOISE = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(["\x1b[2J", "\x00", "\u202e", "\ud800", "\r\n", "\n\n\n", "<script>", "</div>", "<div>" * 30, "“", "„", "'",
                     " people", " listeners", " osób", " personas", " according to Reuters", " said police", ". ", "; ",
                     "\u00a0", "\u2028", "&amp;", "]]>", "{", "\t"]),
)
TEXT = st.lists(st.one_of(FIGURE, NOISE), min_size=1, max_size=60).map("".join)

JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.floats(), st.text(max_size=20), TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["text", "title", "url", "published", "outlet", "language", "x"]), inner, max_size=5)),
    max_leaves=12,
)
RECORD = st.one_of(
    st.builds(lambda t, extra: json.dumps({"text": t, **extra}), TEXT,
              st.dictionaries(st.sampled_from(["title", "url", "published", "outlet", "language", "n"]), JSON_VALUE, max_size=4)),
    JSON_VALUE.map(json.dumps),
    st.sampled_from(['{"text": ' + "9" * 5000 + "}", '{"text": "a", "n": ' + "9" * 5000 + "}", "[" * 5000, "{", "",
                     '{"text": "\\ud800 5,000 people"}', '"just a string"']),
)
HTML = st.builds(lambda depth, body, closed: "<html><body>" + "<div>" * depth + "<p>" + body + ("</p>" + "</div>" * depth if closed else ""),
                 st.integers(0, 3000), TEXT, st.booleans())
FILE = st.one_of(
    TEXT.map(lambda t: ("txt", t.encode("utf-8", "surrogatepass"))),
    st.binary(max_size=300).map(lambda b: ("txt", b)),
    st.lists(RECORD, max_size=6).map(lambda rs: ("jsonl", "\n".join(rs).encode("utf-8", "surrogatepass"))),
    HTML.map(lambda h: ("html", h.encode("utf-8", "surrogatepass"))),
    TEXT.map(lambda t: ("md", ("# " + t + "\n\n" + t).encode("utf-8", "surrogatepass"))),
)


@budget(40)
@given(st.lists(FILE, min_size=1, max_size=4))
def test_reading_accounts_for_every_input_and_record(files):
    with tempfile.TemporaryDirectory() as d:
        expected = 0
        for i, (suffix, data) in enumerate(files):
            Path(d, f"f{i}.{suffix}").write_bytes(data)
            lines = [ln for ln in data.split(b"\n") if ln.strip()] if suffix == "jsonl" else [b""]
            expected += max(1, len(lines))
        arts = ingest([d])
        assert len(arts) == expected
        for a in arts:
            assert a.status in ("ok", "skipped", "error") and (a.status == "ok" or a.reason)
            assert "internal error" not in (a.reason or ""), a.reason
            a.text.encode("utf-8")  # no lone surrogate reaches the reports


@budget(60)
@given(TEXT, st.sampled_from(["en", "es", "pl"]))
def test_extraction_never_raises_and_keeps_its_offsets(text, lang):
    from claimrecon.ingest.decode import without_surrogates
    from claimrecon.ingest.normalize import normalize

    clean = normalize(without_surrogates(text))
    for c in claimrecon.extract(clean, lang):
        assert clean[c["start"] : c["end"]] == c["text"]
        assert len(c["sentence"]) <= max(MAX_EXCERPT_CHARS, len(c["text"]))  # a figure is never cut
        assert clean[c["sentence_start"] :].startswith(c["sentence"])
        assert c["value"] is None or isinstance(c["value"], str) or abs(c["value"]) < 1e100


@budget(12)
@given(st.lists(FILE, min_size=1, max_size=3))
def test_every_report_of_a_hostile_folder_is_written_and_valid(files):
    with tempfile.TemporaryDirectory() as d:
        src, out = Path(d, "in"), Path(d, "out")
        src.mkdir()
        for i, (suffix, data) in enumerate(files):
            (src / f"f\x1b[{i}.{suffix}").write_bytes(data)
        with claimrecon.compare([str(src)]) as report:
            export(report, plan(list(FORMATS), out), ExportOptions(base_url="https://desk.example/r.html"))
        doc = json.loads((out / "report.json").read_text(encoding="utf-8"))
        assert validate(doc) == []
        md = (out / "report.md").read_text(encoding="utf-8")
        assert not any(ch in md for ch in "\x1b\x00\u202e")
        assert [p.name for p in out.iterdir() if p.name.startswith(".claimrecon")] == []


REVIEW = st.one_of(
    st.builds(lambda rs: json.dumps({"schema": "claimrecon-reviews/1", "reviews": rs}),
              st.lists(st.dictionaries(st.sampled_from(["target", "state", "note", "at"]),
                                       st.one_of(JSON_VALUE, st.sampled_from(["k-0123456789ab", "g-0123456789ab", "dismissed", "accepted",
                                                                              "2024-05-01T12:00:00+00:00", "\ud800"])), max_size=4), max_size=4)),
    JSON_VALUE.map(json.dumps),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
)


@budget(100)
@given(REVIEW)
def test_a_review_file_loads_or_is_refused_in_one_line(text):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d, "reviews.json")
        p.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            reviews = load_reviews(p)
        except ReviewError as e:
            assert "\n" not in e.message and str(p) in e.message
            return
        for r in reviews:
            json.dumps(r.to_dict(), ensure_ascii=False).encode("utf-8")
