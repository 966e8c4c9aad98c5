"""SQLite: the report as tables for Datasette or any SQL client, one run appended per export.

Tables (every row carries ``run_id``, and a one-column primary key ``key``, ``RUN:ID``):
``runs``, ``articles``, ``claims``, ``groups``, ``figures``, ``conflicts``, ``reviews``. One-column
foreign keys tie claims to articles and groups, figures to groups, conflicts to groups and claims,
so Datasette links them both ways. ``claims_fts`` indexes the claims' sentences, figures and English
glosses for full-text search (Datasette's search box on ``claims``). Views: ``conflict_evidence``
(one row per conflict with both sentences), and ``latest_conflicts``, ``latest_claims``,
``latest_run``: the newest run alone. ``run_id`` is 1, 2, 3... in the order runs are
appended; ``runs.report_sha256`` identifies the report's content (the hash of its JSON export), so
two runs over the same inputs are easy to spot. ``runs.created_at`` is the UTC time of the export
(``SOURCE_DATE_EPOCH`` overrides the clock; None leaves it NULL, as the committed samples do).

Writes are atomic: the existing file (if any) is copied beside itself, the run is appended to the
copy, and the copy replaces the file. An interrupted export leaves the old file untouched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from ..atomic import replacing
from ..errors import InputError
from ..records import Report, tidy_number
from .json_export import iter_json
from .view import claims_with_groups

USER_VERSION = 3  # PRAGMA user_version of the layout below (1: composite keys, before Datasette's links;
#: 2: before conflicts.likelihood, which appending to a file of layout 2 adds)
#: what SQLite says when the disk, not the file, is the trouble
_DISK_TROUBLE = ("disk", "full", "readonly", "read-only", "unable to open", "I/O")

# Every row has a one-column text key, "RUN:ID" ("3:k-0c9eeb72d349"), and links to other rows by such
# keys: Datasette follows one-column foreign keys only, so each link shows as a link, and each row
# lists the rows that point at it. ``run_id`` and ``id`` stay as columns, for SQL by hand.
DDL = """
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY,
    created_at TEXT,
    schema TEXT NOT NULL,
    version TEXT,
    rules_digest TEXT,
    report_sha256 TEXT NOT NULL,
    articles INTEGER, claims INTEGER, groups_count INTEGER, conflicts INTEGER,
    hard_conflicts INTEGER, soft_conflicts INTEGER
);
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(run_id),
    id TEXT NOT NULL,
    status TEXT NOT NULL, reason TEXT, path TEXT, sha256 TEXT, format TEXT, encoding TEXT,
    language TEXT, language_confidence REAL, title TEXT, published TEXT, outlet TEXT, author TEXT,
    url TEXT, duplicate_of TEXT, chars INTEGER,
    UNIQUE (run_id, id)
);
CREATE TABLE IF NOT EXISTS "groups" (
    key TEXT PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(run_id),
    id TEXT NOT NULL,
    label TEXT, kind TEXT, measure TEXT, moment TEXT, aggregate TEXT, period TEXT, subevent TEXT, subject TEXT,
    verdict TEXT, series TEXT, review TEXT, review_note TEXT, claims_count INTEGER,
    match_basis TEXT, match_confidence REAL, match_evidence TEXT,
    UNIQUE (run_id, id)
);
CREATE TABLE IF NOT EXISTS claims (
    key TEXT PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(run_id),
    id TEXT NOT NULL,
    article TEXT NOT NULL, article_key TEXT NOT NULL REFERENCES articles(key),
    group_id TEXT, group_key TEXT REFERENCES "groups"(key),
    lang TEXT, kind TEXT, value REAL, value_text TEXT, unit TEXT, low REAL, high REAL, qualifier TEXT,
    precision REAL, measure TEXT, text TEXT, start_offset INTEGER, end_offset INTEGER,
    sentence TEXT, sentence_start INTEGER, moment TEXT, aggregate TEXT, period TEXT, subevent TEXT,
    subject TEXT, attributed_to TEXT, quoted INTEGER, attribution_cue TEXT, zone TEXT, date TEXT, gloss TEXT,
    sentence_gloss TEXT, sentence_gloss_status TEXT, sentence_gloss_backend TEXT, sentence_gloss_error TEXT,
    UNIQUE (run_id, id)
);
CREATE TABLE IF NOT EXISTS figures (
    key TEXT PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(run_id),
    group_id TEXT NOT NULL, group_key TEXT NOT NULL REFERENCES "groups"(key),
    position INTEGER NOT NULL,
    value REAL, value_text TEXT, qualifier TEXT, corroboration INTEGER,
    claims TEXT, articles TEXT, languages TEXT
);
CREATE TABLE IF NOT EXISTS conflicts (
    key TEXT PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(run_id),
    id TEXT NOT NULL,
    group_id TEXT NOT NULL, group_key TEXT NOT NULL REFERENCES "groups"(key),
    claim_a TEXT NOT NULL, claim_a_key TEXT NOT NULL REFERENCES claims(key),
    claim_b TEXT NOT NULL, claim_b_key TEXT NOT NULL REFERENCES claims(key),
    severity TEXT NOT NULL, score REAL, reason TEXT, review TEXT, review_note TEXT, basis TEXT, confidence REAL,
    likelihood REAL,
    UNIQUE (run_id, id)
);
CREATE TABLE IF NOT EXISTS reviews (
    key TEXT PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(run_id),
    target TEXT NOT NULL, state TEXT NOT NULL, note TEXT, at TEXT
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article_key);
CREATE INDEX IF NOT EXISTS claims_group ON claims(group_key);
CREATE INDEX IF NOT EXISTS claims_measure ON claims(measure);
CREATE INDEX IF NOT EXISTS conflicts_group ON conflicts(group_key);
CREATE INDEX IF NOT EXISTS conflicts_severity ON conflicts(severity);
CREATE INDEX IF NOT EXISTS figures_group ON figures(group_key);
CREATE INDEX IF NOT EXISTS groups_verdict ON "groups"(verdict);
CREATE INDEX IF NOT EXISTS articles_language ON articles(language);
-- full-text search over the claims' sentences, their figures and English glosses (Datasette's search box)
CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(sentence, text, gloss, sentence_gloss, content="claims");
CREATE VIEW IF NOT EXISTS conflict_evidence AS
SELECT k.run_id, k.id AS conflict_id, k.severity, k.likelihood, k.review, g.measure, g.label,
       a.article AS article_a, a.lang AS lang_a, a.text AS figure_a, a.sentence AS sentence_a,
       b.article AS article_b, b.lang AS lang_b, b.text AS figure_b, b.sentence AS sentence_b,
       k.reason
FROM conflicts k
JOIN "groups" g ON g.key = k.group_key
JOIN claims a ON a.key = k.claim_a_key
JOIN claims b ON b.key = k.claim_b_key;
-- the newest run only: what a desk opens first
CREATE VIEW IF NOT EXISTS latest_conflicts AS
SELECT * FROM conflict_evidence WHERE run_id = (SELECT max(run_id) FROM runs);
CREATE VIEW IF NOT EXISTS latest_claims AS
SELECT * FROM claims WHERE run_id = (SELECT max(run_id) FROM runs);
CREATE VIEW IF NOT EXISTS latest_run AS
SELECT * FROM runs WHERE run_id = (SELECT max(run_id) FROM runs);
"""

#: Tables holding report rows, in insertion order (for readers and the staleness check).
TABLES = ("runs", "articles", "groups", "claims", "figures", "conflicts", "reviews")


def now_utc() -> str:
    """The export time: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    t = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch and epoch.isdigit() else dt.datetime.now(dt.timezone.utc)
    return t.replace(microsecond=0).isoformat()


def _split_value(x: float | str | None) -> tuple[float | None, str | None]:
    """Numbers go to ``value``, ISO strings (times, dates) to ``value_text``."""
    if isinstance(x, str):
        return None, x
    return (tidy_number(float(x)) if x is not None else None), None


def append_run(con: sqlite3.Connection, report: Report, created_at: str | None) -> int:
    """Create the tables if needed, insert the report as a new run and return its run id."""
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version not in (0, 2, USER_VERSION):
        raise InputError(f"the SQLite file has layout version {version}; this claimrecon writes version {USER_VERSION}",
                         "Write to a new file with --sqlite NEW.sqlite (the old one stays readable as it is).")
    if version == 2:
        con.execute("ALTER TABLE conflicts ADD COLUMN likelihood REAL")  # its runs' conflicts keep NULL
        con.executescript("DROP VIEW latest_conflicts; DROP VIEW conflict_evidence;")  # made again below, with it
    con.executescript(DDL)
    con.execute(f"PRAGMA user_version = {USER_VERSION}")
    s = report.summary()
    sev = s["conflicts_by_severity"]
    sha = hashlib.sha256()
    for piece in iter_json(report):
        sha.update(piece.encode("utf-8"))
    digest = sha.hexdigest()
    cur = con.execute(
        "INSERT INTO runs (created_at, schema, version, rules_digest, report_sha256, articles, claims, groups_count,"
        " conflicts, hard_conflicts, soft_conflicts) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (created_at, "claimrecon/1", report.version, report.rules_digest, digest, s["articles"], s["claims"],
         s["groups"], s["conflicts"], sev.get("hard", 0), sev.get("soft", 0)),
    )
    run = int(cur.lastrowid or 0)

    def key(*parts: object) -> str:
        return ":".join(str(x) for x in (run, *parts))

    con.executemany(
        "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(key(a.id), run, a.id, a.status, a.reason, a.path, a.sha256, a.format, a.encoding, a.language,
          a.language_confidence, a.title, a.published, a.outlet, a.author, a.url, a.duplicate_of, a.length())
         for a in report.articles],
    )
    con.executemany(
        'INSERT INTO "groups" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
        [(key(g.id), run, g.id, g.label, g.kind, g.measure, g.scope.moment, g.scope.aggregate, g.scope.period,
          g.scope.subevent, g.scope.subject, g.verdict, g.series, g.review, g.review_note, len(g.claims),
          g.match.basis if g.match else None, tidy_number(g.match.confidence) if g.match else None,
          json.dumps(list(g.match.evidence), ensure_ascii=False) if g.match else None) for g in report.groups],
    )
    rows: list[tuple[Any, ...]] = []
    for n, (c, group_id) in enumerate(claims_with_groups(report, first=False), 1):  # the last group, as a dict would keep
        value, value_text = _split_value(c.value)
        rows.append((key(c.id), run, c.id, c.article, key(c.article), group_id, key(group_id) if group_id else None,
                     c.lang, c.kind, value, value_text, c.unit, tidy_number(c.low), tidy_number(c.high),
                     c.qualifier, tidy_number(c.precision), c.measure, c.text, c.start, c.end, c.sentence, c.sentence_start,
                     c.scope.moment, c.scope.aggregate, c.scope.period, c.scope.subevent, c.scope.subject,
                     c.attribution.source, int(c.attribution.quoted), c.attribution.cue, c.zone, c.date, c.gloss,
                     c.sentence_gloss, c.sentence_gloss_status, c.sentence_gloss_backend, c.sentence_gloss_error))
        if n % 1000 == 0:
            con.executemany(f"INSERT OR REPLACE INTO claims VALUES ({','.join('?' * len(rows[0]))})", rows)
            rows = []
    if rows:
        con.executemany(f"INSERT OR REPLACE INTO claims VALUES ({','.join('?' * len(rows[0]))})", rows)
    con.execute("INSERT INTO claims_fts(rowid, sentence, text, gloss, sentence_gloss) "
                "SELECT rowid, sentence, text, gloss, sentence_gloss FROM claims WHERE run_id = ?", (run,))
    con.executemany(  # one figure at a time: together they list every grouped claim
        "INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        ((key(g.id, i), run, g.id, key(g.id), i, *_split_value(f.value), f.qualifier, len(f.articles),
          json.dumps(list(f.claims)), json.dumps(list(f.articles), ensure_ascii=False), json.dumps(list(f.languages)))
         for g in report.groups for i, f in enumerate(g.figures)),
    )
    con.executemany(
        "INSERT OR REPLACE INTO conflicts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(key(k.id), run, k.id, k.group, key(k.group), k.claims[0], key(k.claims[0]), k.claims[1], key(k.claims[1]),
          k.severity, tidy_number(k.score), k.reason, k.review, k.review_note, k.basis, tidy_number(k.confidence),
          tidy_number(k.likelihood))
         for k in report.conflicts],
    )
    con.executemany("INSERT OR REPLACE INTO reviews VALUES (?,?,?,?,?,?)",
                    [(key(r.target), run, r.target, r.state, r.note, r.at) for r in report.reviews])
    return run


def write_sqlite(path: str | Path, report: Report, created_at: str | None = None, into: Path | None = None) -> int:
    """Append the report as a new run to the SQLite file at ``path`` (created if missing), atomically;
    with ``into``, the new file is written there and the caller puts it in place (``export``,
    which holds the folder's lock from the copy to the swap, so no concurrent run is lost)."""
    if str(path) == "-":
        raise InputError("SQLite cannot be written to stdout", "Give a file: --sqlite report.sqlite")
    p = Path(path)
    if into is not None:
        return _append_copy(p, into, report, created_at)
    with replacing(p) as tmp:
        return _append_copy(p, tmp, report, created_at)


def _append_copy(p: Path, tmp: Path, report: Report, created_at: str | None) -> int:
    """``p`` (if it exists) copied to ``tmp``, with the report appended as a new run."""
    if p.exists():
        shutil.copyfile(p, tmp)
    con = sqlite3.connect(tmp)
    try:
        with con:
            return append_run(con, report, created_at)
    except sqlite3.OperationalError as e:
        if any(w in str(e) for w in _DISK_TROUBLE):
            raise  # the disk, not the file: ``export`` names the path and the cause
        raise InputError(f"cannot append to {p}: {e}", "Give a new file or a SQLite file written by claimrecon.") from None
    except sqlite3.DatabaseError as e:
        raise InputError(f"cannot append to {p}: {e}", "Give a new file or a SQLite file written by claimrecon.") from None
    finally:
        con.close()


def dump_tables(path: str | Path, skip: dict[str, tuple[str, ...]] | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every report table, sorted: for comparing two files by content.

    ``skip`` names columns to leave out per table (e.g. ``{"runs": ("created_at",)}``).
    """
    skip = skip or {}
    con = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        out: dict[str, list[tuple[Any, ...]]] = {}
        for t in TABLES:
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{t}")') if r[1] not in skip.get(t, ())]
            sel = ", ".join(f'"{c}"' for c in cols)
            out[t] = sorted(con.execute(f'SELECT {sel} FROM "{t}"').fetchall(), key=repr)
        return out
    finally:
        con.close()
