"""Every export is a view of the same Report: schema validity, content, safety, atomicity, determinism."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import claimrecon
from claimrecon.errors import InputError
from claimrecon.export import FORMATS, ExportOptions, export, parse_formats, plan, write_text
from claimrecon.export.claimreview import RATING, to_claimreview
from claimrecon.export.csv_export import COLUMNS, to_csv
from claimrecon.export.html_export import to_html
from claimrecon.export.json_export import from_dict, to_json, validate
from claimrecon.export.markdown import md_code, md_text, to_markdown
from claimrecon.export.sqlite_export import write_sqlite
from claimrecon.export.view import ReportView
from claimrecon.records import Report

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev"
DEV_SETS = sorted(p.name for p in DEV.iterdir() if p.is_dir())

HOSTILE_TEXT = """Hostile test article

More than 500,000 listeners <script>alert(1)</script> | joined the stream, said `rm -rf` and <img src=x onerror=alert(1)>.

Only about 300,000 listeners <script>alert(1)</script> [x](javascript:alert(1)) stayed | until the end, ** bold ** claims _x_ the organizer <img src=x onerror=alert(1)>.
"""


def gfm(text: str) -> str:
    """Markdown rendered as GitHub would: CommonMark with raw HTML allowed, plus tables."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(text)


@pytest.fixture(scope="module")
def dev_reports() -> dict[str, Report]:
    return {name: claimrecon.compare([str(DEV / name)]) for name in DEV_SETS}


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "evil_en.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "calm_en.txt").write_text(
        "Calm article\n\nMore than 450,000 listeners stayed until the end, the organizer said.\n", encoding="utf-8")
    return claimrecon.compare([str(folder)], lang="en")


# --- JSON -------------------------------------------------------------------------------------

def test_corpus_json_validates_and_round_trips(corpus_report: Report) -> None:
    data = json.loads(to_json(corpus_report))
    assert validate(data) == []
    full = to_json(corpus_report, with_text=True)
    assert to_json(from_dict(json.loads(full)), with_text=True) == full


def test_a_physical_amount_is_exported_as_a_count_of_its_unit(tmp_path: Path) -> None:
    # the kinds a desk reads (the eval kit's) have no "quantity": 84,000 tonnes is a count of
    # tonnes there, its dimension set; read back, it is a physical quantity again
    folder = tmp_path / "spill"
    folder.mkdir()
    (folder / "a_en.txt").write_text("Spill\n\nThe tanker carried 84,000 tonnes of crude and 26 crew.\n", encoding="utf-8")
    report = claimrecon.compare([str(folder)], lang="en")
    assert {c.kind for c in report.claims} == {"quantity", "count"}
    data = json.loads(to_json(report))
    assert validate(data) == []
    by_text = {c["text"]: c for c in data["claims"]}
    tonnes = next(c for t, c in by_text.items() if "tonnes" in t)
    assert (tonnes["kind"], tonnes["value"], tonnes["dimension"]) == ("count", 84000, "mass")
    assert by_text["26"]["kind"] == "count" and by_text["26"]["dimension"] is None
    assert sorted(c.kind for c in from_dict(data).claims) == ["count", "quantity"]


@pytest.mark.parametrize("name", DEV_SETS)
def test_dev_set_json_validates(dev_reports: dict[str, Report], name: str) -> None:
    report = dev_reports[name]
    assert report.claims, f"dev set {name} produced no claims"
    assert validate(json.loads(to_json(report))) == []
    assert validate(json.loads(to_json(report, with_text=True))) == []


def test_cli_schema_is_the_shipped_schema() -> None:
    from typer.testing import CliRunner

    from claimrecon.cli import app
    from claimrecon.export.json_export import schema

    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == schema()


# --- Markdown ---------------------------------------------------------------------------------

def _dispute_rows(md: str) -> list[str]:
    section = md.split("## Quantities in dispute", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    return [line for line in section.splitlines() if re.match(r"\| \[\d+\]", line)]


def test_markdown_answers_first_one_row_per_quantity(corpus_report: Report) -> None:
    md = to_markdown(corpus_report)
    v = ReportView.of(corpus_report)
    rows = _dispute_rows(md)
    assert len(rows) == len({k.group for k in corpus_report.conflicts}) == 3
    names = [re.sub(r" \(inferred match, confidence [\d.]+\)$", "", r.split("|")[2].strip()) for r in rows]
    assert names == ["listeners", "staff cut", "followers"]
    # the answer comes first: the quantities in dispute right after the summary, the articles last
    heads = ["## Quantities in dispute", "## Evidence", "## Agreements", "## Timelines", "## Single-source figures",
             "## Figures not compared", "## Articles"]
    assert [h for h in re.findall(r"^## .*$", md, re.M)] == heads
    listeners = rows[0]
    for figure in ("**600,000**", "**500,000**", "**about 500,000**", "**more than 500,000**"):
        assert figure in listeners
    # hard first, then the bound the other figure meets, within the one line
    assert listeners.index("**hard**") < listeners.index("**soft**")
    assert "600,000 vs 500,000, about 500,000: cannot both be right" in listeners
    assert "more than 500,000 allows 600,000" in listeners
    assert "citing The Verge" in listeners and "in a quote from Sacks" in listeners
    # every pair's claims are quoted in their quantity's evidence, each sentence once
    for i, d in enumerate(v.disputes(), 1):
        section = md.split(f"\n### {i}. {d.name}:", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
        quotes = re.findall(r"^> (?!—)(?!>)(.+)$", section, re.M)
        assert len(quotes) == len(set(quotes)), d.name
        for k in d.conflicts:
            assert md_code(k.id) in section
            for cid in k.claims:
                c = v.claims[cid]
                assert f"**{md_text(c.text)}**" in section, (k.id, c.text)
                if c.lang != "en" and c.gloss:
                    assert f"English: {md_text(c.gloss)}" in section


def test_markdown_no_pair_rows_and_no_repeated_sentence(corpus_report: Report) -> None:
    md = to_markdown(corpus_report)
    # the 600,000 sentence was quoted in 4 pair entries; now once
    assert md.count("According to The Verge, **600,000** people") == 1


def test_single_source_lists_no_figure_in_dispute(corpus_report: Report) -> None:
    md = to_markdown(corpus_report)
    single = md.split("## Single-source figures", 1)[1].split("\n## ", 1)[0]
    v = ReportView.of(corpus_report)
    in_dispute = {cid for k in corpus_report.conflicts for cid in k.claims}
    for c in (v.claims[cid] for cid in in_dispute):
        assert f"**{md_text(c.text)}** · {md_code(c.article)}" not in single, c.text
    assert "staff cut" not in single and "listeners: **600,000**" not in single
    assert "purchase price" in single


def test_attribution_names_a_source_not_a_pronoun(corpus_report: Report) -> None:
    md = to_markdown(corpus_report)
    html = to_html(corpus_report)
    for text in (md, html):
        assert "citing The duo" not in text and "citing Para" not in text
        assert "citing The Verge" in text and "citing Musk" in text


@pytest.mark.parametrize("source, shown", [
    ("The duo", None), ("Para", None), ("the pair", None), ("They", None), ("Obaj", None), ("the two", None),
    ("The Verge", "The Verge"), ("Sacks", "Sacks"), ("police", "police"), ("the coast guard", "the coast guard"),
])
def test_source_name(source: str, shown: str | None) -> None:
    from claimrecon.export.view import source_name
    from claimrecon.records import Attribution

    assert source_name(Attribution(source, False, "said")) == shown


def test_markdown_renders_as_tables_and_quotes(corpus_report: Report) -> None:
    html = gfm(to_markdown(corpus_report))
    assert html.count("<table>") == 2  # the quantities in dispute, the articles
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    assert body.count("<tr>") == len(ReportView.of(corpus_report).disputes())
    assert all(r.count("<td>") == 6 for r in body.split("<tr>")[1:])
    assert html.count("<blockquote>") >= 10


def test_markdown_escapes_every_injection(hostile_report: Report) -> None:
    md = to_markdown(hostile_report)
    assert hostile_report.conflicts, "the hostile article should conflict with the calm one"
    html = gfm(md)
    assert "<script" not in html and "<img" not in html
    assert "javascript:" not in "".join(re.findall(r'href="([^"]*)"', html))
    assert not re.findall(r'<a href="(?!#)', html)  # only the summary's links to its own evidence
    assert "<em>" not in html  # _x_ and ** bold ** stay literal
    for table in html.split("<table>")[1:]:
        body = table.split("</table>")[0]
        widths = {r.count("<td>") for r in body.split("<tr>")[2:]}
        assert len(widths) == 1, "a pipe in article text split a table cell"
    # Shown as text, not dropped (the extractor may mark the "1" inside as a figure).
    assert "&lt;script&gt;alert(" in html and "&lt;img src=x onerror=alert(" in html


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "a | b", "`x`",
    "# heading", "- item", "1. item", "**bold**", "_em_", "~~del~~", "&lt;b&gt;", "<!-- c -->", "![i](x.png)",
])
def test_md_text_is_literal(text: str) -> None:
    html = gfm(f"| a |\n|---|\n| {md_text(text)} |\n\n> {md_text(text)}\n")
    cells = re.findall(r"<td>(.*?)</td>", html)
    assert len(cells) == 1
    from html import unescape

    assert unescape(cells[0]) == text
    assert unescape(re.search(r"<blockquote>\n<p>(.*?)</p>", html, re.S).group(1)) == text  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["a|b", "``x``", "` lead", "<b>x</b>"])
def test_md_code_is_literal_in_tables(text: str) -> None:
    html = gfm(f"| a |\n|---|\n| {md_code(text, in_table=True)} |\n")
    from html import unescape

    assert [unescape(c) for c in re.findall(r"<td><code>(.*?)</code></td>", html)] == [text]


# --- CSV --------------------------------------------------------------------------------------


def test_conflicts_csv_beside_the_claims_csv(tmp_path: Path, corpus_report: Report) -> None:
    from claimrecon.export.csv_export import CONFLICT_COLUMNS, CONFLICTS_FILE

    export(corpus_report, plan(["csv"], tmp_path), ExportOptions())
    raw = (tmp_path / CONFLICTS_FILE).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0].keys()) == CONFLICT_COLUMNS
    v = ReportView.of(corpus_report)
    assert [r["conflict_id"] for r in rows] == [k.id for k in v.conflicts()]
    kinds = {(r["figure_a"], r["figure_b"]): r["disagreement"] for r in rows}
    assert kinds[("600,000", "about 500,000")] == "hard"
    assert kinds[("more than 500,000", "600,000")] == "bound"
    assert kinds[("about 75%", "about 80%")] == "hedged"
    assert {r["article_a"] for r in rows} <= {a.id for a in corpus_report.articles}
    assert any(r["attribution_a"] == "citing The Verge" for r in rows)
    # written only beside a file: the claims CSV on its own elsewhere has no companion
    assert not (tmp_path / "figures").exists()


def test_csv_one_row_per_claim_with_ids(corpus_report: Report) -> None:
    text = to_csv(corpus_report)
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert tuple(rows[0]) == COLUMNS
    assert [r["claim_id"] for r in rows] == [c.id for c in corpus_report.claims]
    for k in corpus_report.conflicts:
        for cid in k.claims:
            row = next(r for r in rows if r["claim_id"] == cid)
            assert k.id in row["conflict_ids"].split(";")
            assert row["group_id"] == k.group
    in_conflict = {cid for k in corpus_report.conflicts for cid in k.claims}
    assert all((r["conflict_ids"] != "") == (r["claim_id"] in in_conflict) for r in rows)


def test_csv_defuses_formulas_and_reads_back_as_utf8(hostile_report: Report) -> None:
    from dataclasses import replace

    a = hostile_report.articles[0]
    report = replace(hostile_report, articles=(replace(a, title="=HYPERLINK(\"http://x\")", outlet="@SUM(A1)"),
                                               *hostile_report.articles[1:]))
    raw = to_csv(report).encode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    outlets = {r["outlet"] for r in rows if r["article"] == a.id}
    assert outlets == {"'@SUM(A1)"}
    assert any("<script>" in r["sentence"] for r in rows)  # CSV carries text as it is; only formulas are defused


def test_csv_reviews_column(corpus_report: Report) -> None:
    from dataclasses import replace

    from claimrecon.records import Review

    k = corpus_report.conflicts[0]
    report = replace(corpus_report, reviews=(Review(k.id, "dismissed", "same figure"),))
    rows = list(csv.DictReader(io.StringIO(to_csv(report).removeprefix("\ufeff"))))
    for cid in k.claims:
        row = next(r for r in rows if r["claim_id"] == cid)
        assert f"{k.id}:dismissed" in row["reviews"].split(";")


# --- ClaimReview ------------------------------------------------------------------------------

def test_claimreview_one_per_conflicting_group(corpus_report: Report) -> None:
    doc = json.loads(to_claimreview(corpus_report, "https://desk.example/report.html"))
    assert "https://schema.org" in doc["@context"]
    reviews = doc["@graph"]
    groups = list(dict.fromkeys(k.group for k in ReportView.of(corpus_report).conflicts()))
    assert [r["identifier"] for r in reviews] == groups
    v = ReportView.of(corpus_report)
    for r in reviews:
        g = v.groups[r["identifier"]]
        assert r["@type"] == "ClaimReview"
        assert r["reviewRating"]["alternateName"] == RATING == "Conflicting across sources"
        assert r["claimReviewed"]
        assert r["url"] == f"https://desk.example/report.html#{g.id}"
        item = r["itemReviewed"]
        assert item["@type"] == "Claim"
        ids = [a["identifier"] for a in item["appearance"]]
        assert len(ids) == len(set(ids)) == len({v.claims[c].article for c in g.claims})
        details = r["claimrecon:details"]
        assert details["group"]["id"] == g.id
        assert {k["id"] for k in details["conflicts"]} == {k.id for k in corpus_report.conflicts if k.group == g.id}


def test_claimreview_without_base_url_has_no_url(corpus_report: Report) -> None:
    doc = json.loads(to_claimreview(corpus_report))
    assert doc["@graph"] and all("url" not in r for r in doc["@graph"])


def test_claimreview_is_safe_inside_a_script_element(hostile_report: Report) -> None:
    text = to_claimreview(hostile_report)
    assert "<" not in text and ">" not in text
    assert "<script>" in json.dumps(json.loads(text), ensure_ascii=False)  # same data once parsed


# --- SQLite -----------------------------------------------------------------------------------

def test_sqlite_two_runs_keep_both(tmp_path: Path, corpus_report: Report, dev_reports: dict[str, Report]) -> None:
    db = tmp_path / "claims.sqlite"
    other = dev_reports[DEV_SETS[0]]
    assert write_sqlite(db, corpus_report, "2027-01-01T00:00:00+00:00") == 1
    assert write_sqlite(db, other, "2027-01-02T00:00:00+00:00") == 2
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT run_id, created_at FROM runs ORDER BY run_id").fetchall() == [
            (1, "2027-01-01T00:00:00+00:00"), (2, "2027-01-02T00:00:00+00:00")]
        for run, rep in ((1, corpus_report), (2, other)):
            for table, n in (("articles", len(rep.articles)), ("claims", len(rep.claims)), ('"groups"', len(rep.groups)),
                             ("conflicts", len(rep.conflicts)), ("reviews", len(rep.reviews))):
                assert con.execute(f"SELECT count(*) FROM {table} WHERE run_id = ?", (run,)).fetchone()[0] == n, table
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"claims_article", "claims_group", "conflicts_severity"} <= indexes
        evidence = con.execute("SELECT count(*) FROM conflict_evidence WHERE run_id = 1").fetchone()[0]
        assert evidence == len(corpus_report.conflicts)
        # Claims join their group and article within a run.
        orphans = con.execute(
            "SELECT count(*) FROM claims c LEFT JOIN articles a ON a.run_id = c.run_id AND a.id = c.article "
            "WHERE a.id IS NULL").fetchone()[0]
        assert orphans == 0
    finally:
        con.close()


def test_sqlite_same_report_twice_is_two_runs_with_one_digest(tmp_path: Path, corpus_report: Report) -> None:
    db = tmp_path / "r.sqlite"
    write_sqlite(db, corpus_report)
    write_sqlite(db, corpus_report)
    con = sqlite3.connect(db)
    rows = con.execute("SELECT run_id, report_sha256 FROM runs").fetchall()
    con.close()
    assert [r[0] for r in rows] == [1, 2] and rows[0][1] == rows[1][1]


def test_sqlite_refuses_a_foreign_file_and_leaves_it(tmp_path: Path, corpus_report: Report) -> None:
    db = tmp_path / "notes.sqlite"
    db.write_bytes(b"this is not a database, just notes\n" * 200)
    before = db.read_bytes()
    with pytest.raises(InputError):
        write_sqlite(db, corpus_report)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]  # no temporary left behind


# --- Registry, CLI, atomic writes -------------------------------------------------------------

def test_parse_formats() -> None:
    assert parse_formats(["json,csv", "html", "csv"]) == ["json", "csv", "html"]
    assert parse_formats(["all"]) == list(FORMATS)
    with pytest.raises(InputError):
        parse_formats(["pdf"])
    with pytest.raises(InputError):
        plan(["json", "markdown"], "out", {"json": "-", "markdown": "-"})
    with pytest.raises(InputError):
        plan(["sqlite"], "out", {"sqlite": "-"})


def test_cli_format_list_writes_each_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimrecon.cli import app

    out = tmp_path / "out"
    corpus = ROOT / "tests" / "data" / "dev" / DEV_SETS[0]
    result = CliRunner().invoke(app, ["compare", str(corpus), "--format", "csv,html", "-f", "claimreview",
                                      "--sqlite", str(tmp_path / "db.sqlite"), "--base-url", "https://x.example/r.html",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [".claimrecon-index.json", "claimreview.jsonld", "report-conflicts.csv",
                                                     "report.csv", "report.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite", "out"]  # no staging folder left
    assert "conflicts" in result.output and "wrote" in result.output
    doc = json.loads((out / "claimreview.jsonld").read_text(encoding="utf-8"))
    assert all(r["url"].startswith("https://x.example/r.html#g-") for r in doc["@graph"])


def test_cli_json_to_stdout_still_works(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimrecon.cli import app

    corpus = ROOT / "tests" / "data" / "dev" / DEV_SETS[0]
    result = CliRunner().invoke(app, ["compare", str(corpus), "--json", "-", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["schema"] == "claimrecon/1"
    assert (tmp_path / "report.md").exists()


def test_cli_rejects_unknown_format(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimrecon.cli import app

    result = CliRunner().invoke(app, ["compare", str(ROOT / "corpus"), "--format", "pdf", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "unknown format 'pdf'" in result.output
    assert not any(tmp_path.iterdir())


def test_interrupted_write_keeps_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.md"
    target.write_text("old report\n", encoding="utf-8")

    def boom(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_text(target, "new report\n")
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_reports_are_readable_files(tmp_path: Path, corpus_report: Report) -> None:
    targets = plan(list(FORMATS), tmp_path)
    export(corpus_report, targets, ExportOptions())
    for t in targets.values():
        assert os.stat(t).st_mode & 0o044, f"{t} is private; reports are written for others to read"


# --- Determinism ------------------------------------------------------------------------------

def test_same_inputs_same_bytes(tmp_path: Path, corpus_report: Report) -> None:
    again = claimrecon.compare([str(ROOT / "corpus")])
    for name, fmt in FORMATS.items():
        if fmt.render is not None:
            opts = ExportOptions(base_url="https://d.example/r.html")
            assert fmt.render(corpus_report, opts) == fmt.render(again, opts), name
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    write_sqlite(a, corpus_report)
    write_sqlite(b, again)
    assert a.read_bytes() == b.read_bytes()


# --- HTML (static checks; the browser test is in test_html_browser.py) ------------------------

class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained_and_escaped(hostile_report: Report) -> None:
    page = to_html(hostile_report)
    p = _Tags()
    p.feed(page)
    names = [t for t, _ in p.tags]
    assert names.count("script") == 1 and "img" not in names and "iframe" not in names
    assert not [a for _, attrs in p.tags for a in attrs if a.startswith("on")]
    assert not [v for _, attrs in p.tags for k, v in attrs.items() if k in ("src", "href") and v and not v.startswith("#")]
    assert "&lt;script&gt;alert(" in page and "&lt;img src=x onerror=alert(" in page
    assert "Content-Security-Policy" in page


def test_an_empty_report_renders_in_every_format(tmp_path: Path) -> None:
    empty = Report((), (), (), ())
    targets = plan(list(FORMATS), tmp_path)
    export(empty, targets, ExportOptions())
    assert "no conflicting figures were found." in Path(targets["markdown"]).read_text(encoding="utf-8")
    assert json.loads(Path(targets["claimreview"]).read_text(encoding="utf-8"))["@graph"] == []
    assert validate(json.loads(Path(targets["json"]).read_text(encoding="utf-8"))) == []


def test_a_quantity_matched_by_inference_is_marked_as_such() -> None:
    from claimrecon.records import Article, Attribution, Claim, Conflict, Figure, Group, Match, Scope

    en = "The ferry carried 412 injured passengers, the coast guard said."
    es = "El ferri llevaba 415 pasajeros heridos."
    a = Claim("c-a", "a.txt", "en", "count", 412.0, None, 412.0, 412.0, "exact", 0.5, "passengers", "412", 18, 21, en, 0,
              Scope(), Attribution("the coast guard", False, "said"), gloss="412 passengers")
    b = Claim("c-b", "b.txt", "es", "count", 415.0, None, 415.0, 415.0, "exact", 0.5, "passengers", "415", 17, 20, es, 0,
              gloss="415 passengers")
    g = Group("g-000000000001", "count", "passengers", Scope(), ("c-a", "c-b"), "conflict",
              (Figure(412.0, "exact", ("c-a",), ("a.txt",), ("en",)), Figure(415.0, "exact", ("c-b",), ("b.txt",), ("es",))),
              label="injured passengers", match=Match("inferred", 0.72, ("passenger = pasajero", "injured = herido")))
    k = Conflict("k-000000000001", g.id, ("c-a", "c-b"), "hard", 1.5, "412 vs 415", basis="inferred", confidence=0.72)
    report = Report((Article("a.txt", "ok", language="en"), Article("b.txt", "ok", language="es")), (a, b), (g,), (k,))
    md = to_markdown(report)
    (row,) = _dispute_rows(md)
    assert "injured passengers (inferred match, confidence 0.72)" in row
    assert "Matched by: inferred from context (confidence 0.72): passenger = pasajero; injured = herido." in md
    assert "citing the coast guard" in row
    page = to_html(report)
    assert '<span class="inferred">inferred match, confidence 0.72</span>' in page
    assert "passenger = pasajero" in page


def test_a_bound_in_one_currency_is_not_read_against_a_figure_in_another() -> None:
    """A soft flag between two currencies is shown as one (at rough rates), never as a bound the
    other figure meets: "at least £5 million" says nothing of "$5.2 million" as written."""
    from claimrecon.extract import extract
    from claimrecon.reconcile import reconcile
    from claimrecon.records import Article, Report

    arts = (Article("a.txt", "ok", language="en", text="The club paid at least £5 million for the striker.", published="2025-05-02"),
            Article("b.txt", "ok", language="en", text="The club paid $4.8 million for the striker.", published="2025-05-02"))
    claims = tuple(c for a in arts for c in extract(a.text, "en", article_id=a.id, published=a.published))
    groups, conflicts = reconcile(arts, claims)
    assert [k.severity for k in conflicts] == ["soft"]
    md = to_markdown(Report(arts, claims, groups, conflicts))
    row = next(line for line in md.splitlines() if line.startswith("| [1]"))
    assert "at least £5 million vs \\$4.8 million: in two currencies, further apart than a conversion explains" in row
    assert "£5 million" in row.split(" | ")[2] and "4.8 million" in row.split(" | ")[2]  # who says what
    assert "allows" not in md


def test_sqlite_of_the_layout_before_likelihood_takes_new_runs(tmp_path: Path, corpus_report: Report) -> None:
    db = tmp_path / "old.sqlite"
    assert write_sqlite(db, corpus_report, "2027-01-01T00:00:00+00:00") == 1
    con = sqlite3.connect(db)
    con.executescript("DROP VIEW latest_conflicts; DROP VIEW conflict_evidence;")
    con.execute("ALTER TABLE conflicts DROP COLUMN likelihood")  # as layout 2 wrote it
    con.execute("CREATE VIEW conflict_evidence AS SELECT k.run_id, k.id AS conflict_id, k.severity FROM conflicts k")
    con.execute("CREATE VIEW latest_conflicts AS SELECT * FROM conflict_evidence")
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.close()
    assert write_sqlite(db, corpus_report, "2027-01-02T00:00:00+00:00") == 2
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT run_id, likelihood FROM conflicts").fetchall()
        assert {r for r, x in rows if x is None} == {1} and all(x is not None for r, x in rows if r == 2)
        assert con.execute("PRAGMA user_version").fetchone()[0] == 3
        cols = [r[1] for r in con.execute("PRAGMA table_info(latest_conflicts)")]
        assert "likelihood" in cols  # the views are made again with it
    finally:
        con.close()
