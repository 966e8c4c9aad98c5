"""The claims and article texts of one run, in a temporary SQLite database instead of memory.

``compare`` adds claims here as the workers hand them over (already encoded by ``encode``: the
workers do that work, not this process), then reads them back:

- in report order (by article, start, end, id) by iterating the store: it is ``Report.claims``;
- one group at a time, in group-key order, as reconcile's ``Member``s (``groups``); SQLite's
  ORDER BY sorts on disk, so only one group is in memory at once;
- the ids of a group or of one of its figures (``ClaimIds``: ``Group.claims``, ``Figure.claims``);
- by id, for the claims a report shows (``get``, ``resolve``). Extracted claims have ids unique
  in a run (they hash the article id); claims added by a caller may repeat one, and then the last
  in report order answers, as a dict built from the claims would.

The articles' texts wait here too, compressed, with their shingles: duplicate marking compares
a few articles in full, and ``Report.texts`` reads the texts back for exports ``with_text``.

A claim is a row: the columns it is sorted and grouped by, the fields reconcile reads, and the
whole claim, as marshalled tuples. The database is one of SQLite's temporary files (in
``$SQLITE_TMPDIR``, ``$TMPDIR``, else ``/var/tmp``), deleted as soon as it is created: it goes
when ``close()`` is called, when the store is collected, or when the process ends, however it ends.
"""

from __future__ import annotations

import marshal
import os
import sqlite3
import weakref
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import Any, overload

from .errors import InputError
from .reconcile import Member, Wording, Wordings, group_id
from .records import NUMBER_FIELDS, Attribution, Claim, Counted, Scope, tidy_number

__all__ = ["ClaimStore", "ClaimIds", "encode", "decode", "pack_text", "Row"]

#: one claim as stored: article (UTF-8), start, end, id, group key, figure key, reconcile's fields, the claim
Row = tuple[bytes, int, int, str, bytes | None, str | None, bytes | None, bytes]

def _position(i: int, count: int) -> int:
    """A sequence index (negative counts from the end) checked against ``count``."""
    if i < 0:
        i += count
    if not 0 <= i < count:
        raise IndexError("claim index out of range")
    return i


_SCHEMA = """
CREATE TABLE claim (
    article BLOB NOT NULL,  -- the article id in UTF-8 (surrogates kept): sorts as Python sorts the str
    start INTEGER NOT NULL,
    stop INTEGER NOT NULL,
    id TEXT NOT NULL,
    grp INTEGER,  -- the group key's number (``ClaimStore.keys``); NULL when the measure is unknown
    fkey TEXT,  -- figure key within the group
    slim BLOB,  -- what reconcile reads: language and wording
    data BLOB NOT NULL  -- the whole claim
);
CREATE TABLE article (seq INTEGER PRIMARY KEY, text BLOB NOT NULL, shingles BLOB NOT NULL);
"""
# Built once every claim is in: one sort each, rather than an index kept up to date per insert.
_INDEXES = """
CREATE INDEX claim_order ON claim(article, start, stop, id);
CREATE INDEX claim_group ON claim(grp, article, start, stop, id) WHERE grp IS NOT NULL;
CREATE INDEX claim_figure ON claim(grp, fkey, article, start, stop, id) WHERE grp IS NOT NULL;
CREATE INDEX claim_id ON claim(id);
"""
_ORDER = "ORDER BY article, start, stop, id"
#: ids per lookup query
_BATCH = 500

_FIELDS = tuple(Claim.__dataclass_fields__)
_SCOPE, _ATTRIBUTION, _COUNTED = _FIELDS.index("scope"), _FIELDS.index("attribution"), _FIELDS.index("counted")
_SCOPE_FIELDS, _ATTRIBUTION_FIELDS = tuple(Scope.__dataclass_fields__), tuple(Attribution.__dataclass_fields__)
_COUNTED_FIELDS = tuple(Counted.__dataclass_fields__)
_SEP = "\x00"  # between the parts of a group key (rule names: never in one)


def _utf8(s: str) -> bytes:
    return s.encode("utf-8", "surrogatepass")


def _str(b: bytes) -> str:
    return b.decode("utf-8", "surrogatepass")


def encode(c: Claim) -> Row:
    """A claim as a row of the store (done in the worker that extracted it)."""
    fields: list[Any] = [getattr(c, name) for name in _FIELDS]
    s, a = c.scope, c.attribution
    fields[_SCOPE] = tuple(getattr(s, name) for name in _SCOPE_FIELDS)
    fields[_ATTRIBUTION] = tuple(getattr(a, name) for name in _ATTRIBUTION_FIELDS)
    fields[_COUNTED] = tuple(getattr(c.counted, name) for name in _COUNTED_FIELDS)
    wording = Wording.fields(c)
    slim = marshal.dumps((c.lang, marshal.dumps(wording)))
    fkey = Wording(*wording).figure
    # the group is decided later, across articles, by the match stage (``ClaimStore.assign``)
    return (_utf8(c.article), c.start, c.end, c.id, None, fkey, slim, marshal.dumps(tuple(fields)))


def decode(data: bytes) -> Claim:
    """The claim of a row's ``data``."""
    t = marshal.loads(data)
    fields = list(t)
    fields[_SCOPE], fields[_ATTRIBUTION], fields[_COUNTED] = Scope(*t[_SCOPE]), Attribution(*t[_ATTRIBUTION]), Counted(*t[_COUNTED])
    return Claim(*fields)


def row_dict(data: bytes) -> dict[str, Any]:
    """``decode(data).to_dict()``, without building the claim."""
    t = marshal.loads(data)
    d = dict(zip(_FIELDS, t))
    for name in NUMBER_FIELDS:
        d[name] = tidy_number(d[name])
    d["scope"] = dict(zip(_SCOPE_FIELDS, t[_SCOPE]))
    d["attribution"] = dict(zip(_ATTRIBUTION_FIELDS, t[_ATTRIBUTION]))
    counted = dict(zip(_COUNTED_FIELDS, t[_COUNTED]))
    counted["terms"] = list(counted["terms"])
    counted["weights"] = list(counted["weights"])
    d["counted"] = counted
    return d


def pack_text(text: str) -> bytes:
    """An article text as the store keeps it (done in the worker)."""
    return zlib.compress(_utf8(text), 1)


def _full(e: Exception) -> InputError:
    return InputError(f"cannot keep this run's claims on disk: {e}",
                      "The claim store needs free space in the temporary folder (about 50 MB per 1,000 articles): "
                      "set TMPDIR to a folder that has it.")


def _close(con: sqlite3.Connection, owner: int) -> None:
    if os.getpid() == owner:  # a forked worker inherits the object, never uses it
        con.close()


class ClaimStore(Sequence[Claim]):
    """The claims of one run on disk; a sequence of them in report order once ``finish`` is called."""

    def __init__(self) -> None:
        # "": a temporary file, which SQLite deletes as soon as it has opened it
        self.con = sqlite3.connect("", check_same_thread=False, isolation_level=None)
        self._close = weakref.finalize(self, _close, self.con, os.getpid())
        # scratch data: no journal, no syncs; a page cache of 16 MB, the rest stays on disk
        self.con.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -16000;"
                               "PRAGMA temp_store = FILE;" + _SCHEMA)
        self.count = 0
        self.duplicate_ids: frozenset[str] = frozenset()
        self.text_seq: dict[str, int] = {}  # article id -> its row in ``article``
        self.keys: list[tuple[str, ...]] = []  # the group keys met, by number
        self.numbers: dict[bytes, int] = {}  # packed group key -> its number

    # --- filling ---------------------------------------------------------------------------

    def add(self, rows: Sequence[Row], texts: Iterable[tuple[str, bytes, bytes]] = ()) -> None:
        """Add claims (``encode``d) and texts: (article id, ``pack_text``, packed shingles)."""
        try:
            self.con.execute("BEGIN")
            self.con.executemany("INSERT INTO claim VALUES (?,?,?,?,?,?,?,?)", map(self._numbered, rows))
            for article_id, text, shingles in texts:
                seq = self.text_seq[article_id] = len(self.text_seq)
                self.con.execute("INSERT INTO article VALUES (?, ?, ?)", (seq, text, shingles))
            self.con.execute("COMMIT")
        except sqlite3.OperationalError as e:  # the disk is full
            raise _full(e) from None
        self.count += len(rows)

    def _numbered(self, row: Row) -> tuple[Any, ...]:
        """The row with its group key replaced by the key's number (a few bytes in each index)."""
        packed = row[4]
        if packed is None:
            return row
        n = self.numbers.get(packed)
        if n is None:
            n = self.numbers[packed] = len(self.keys)
            self.keys.append(tuple(_str(packed).split(_SEP)))
        return (*row[:4], n, *row[5:])

    def text(self, article_id: str) -> str:
        """An article's normalized text."""
        (z,) = self._query("SELECT text FROM article WHERE seq = ?", (self.text_seq[article_id],)).fetchone()
        return _str(zlib.decompress(z))

    def shingles(self, article_id: str) -> bytes:
        """An article's shingle hashes, as ``ingest.duplicates.fingerprint`` packed them."""
        (packed,) = self._query("SELECT shingles FROM article WHERE seq = ?", (self.text_seq[article_id],)).fetchone()
        return packed  # type: ignore[no-any-return]

    @property
    def texts(self) -> Mapping[str, str]:
        """Article id -> normalized text, read from disk on each lookup."""
        return _Texts(self)

    def finish(self) -> ClaimStore:
        """Index the claims for reading; no claim can be added after."""
        try:
            self.con.executescript(_INDEXES)
        except sqlite3.OperationalError as e:
            raise _full(e) from None
        self.duplicate_ids = frozenset(r[0] for r in self.con.execute("SELECT id FROM claim GROUP BY id HAVING count(*) > 1"))
        return self

    def close(self) -> None:
        """Close the database (its file goes); the store, and a report reading from it, is unusable after."""
        self._close()

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        if not self._close.alive:
            raise ValueError("the claim store of this report is closed")
        return self.con.execute(sql, args)

    # --- the sequence, in report order -----------------------------------------------------

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Claim]:
        for (data,) in self._query(f"SELECT data FROM claim {_ORDER}"):
            yield decode(data)

    @overload
    def __getitem__(self, i: int) -> Claim: ...
    @overload
    def __getitem__(self, i: slice) -> list[Claim]: ...
    def __getitem__(self, i: int | slice) -> Claim | list[Claim]:
        """The claim at a position (read by skipping the ones before it: iterate to read them all)."""
        if isinstance(i, slice):
            return list(self)[i]
        i = _position(i, self.count)
        (data,) = self._query(f"SELECT data FROM claim {_ORDER} LIMIT 1 OFFSET ?", (i,)).fetchone()
        return decode(data)

    def __repr__(self) -> str:
        return f"<ClaimStore of {self.count} claims>"

    def dicts(self) -> Iterator[dict[str, Any]]:
        """``c.to_dict()`` of each claim in report order, without building the claims (the JSON export)."""
        for (data,) in self._query(f"SELECT data FROM claim {_ORDER}"):
            yield row_dict(data)

    def rendered(self, inner: str, jobs: int, batch: int = 2000) -> Iterator[str]:
        """The claims in report order as JSON list items at ``inner`` (``json_export.render_rows``),
        rendered by ``jobs`` worker processes, ``batch`` claims a task; a few tasks ahead of the
        writer, so memory stays bounded. The text is the same as rendering them here."""
        from collections import deque
        from concurrent.futures import ProcessPoolExecutor

        from .export.json_export import render_rows
        from .parallel import mp_context

        from concurrent.futures.process import BrokenProcessPool

        cursor = self._query(f"SELECT data FROM claim {_ORDER}")
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=mp_context()) as pool:
                pending: deque[Any] = deque()
                while True:
                    rows = cursor.fetchmany(batch)
                    if rows:
                        pending.append(pool.submit(render_rows, [r[0] for r in rows], inner))
                    if pending and (not rows or len(pending) > 2 * jobs):
                        yield pending.popleft().result()
                    elif not rows:
                        return
        except BrokenProcessPool:
            raise InputError("a worker process writing the JSON report died (out of memory, or killed)",
                             f"Run again with fewer workers than --jobs {jobs}, or with --jobs 1.") from None

    def with_groups(self) -> Iterator[tuple[Claim, str | None]]:
        """Each claim in report order with the id of its group (None: never grouped)."""
        gids = [group_id(key) for key in self.keys]
        for data, grp in self._query(f"SELECT data, grp FROM claim {_ORDER}"):
            yield decode(data), None if grp is None else gids[grp]

    def ungrouped(self) -> Iterator[Claim]:
        """The claims whose measure is unknown, in report order."""
        for (data,) in self._query(f"SELECT data FROM claim WHERE grp IS NULL {_ORDER}"):
            yield decode(data)

    def rewrite(self, change: Any) -> None:
        """Replace each claim ``c`` by ``change(c)`` (same position and group; e.g. a translation added)."""
        last = -1
        while True:
            batch = self._query("SELECT rowid, data FROM claim WHERE rowid > ? ORDER BY rowid LIMIT 1000", (last,)).fetchall()
            if not batch:
                return
            updates = []
            for rowid, data in batch:
                c = decode(data)
                new = change(c)
                if new is not c:
                    updates.append((encode(new)[-1], rowid))
            if updates:
                self.con.execute("BEGIN")
                self.con.executemany("UPDATE claim SET data = ? WHERE rowid = ?", updates)
                self.con.execute("COMMIT")
            last = batch[-1][0]

    # --- matching ----------------------------------------------------------------------------

    def match_items(self) -> Iterator[Any]:
        """What the match stage reads of each claim it may compare (``match.Item``), in report order."""
        from .match import item_of

        wordings = Wordings()  # one Wording per distinct wording, shared by the items
        for rowid, data in self._query(f"SELECT rowid, data FROM claim {_ORDER}"):
            c = decode(data)
            it = item_of(c, rowid, wordings.of(c))
            if it is not None:
                yield it

    def assign(self, keys: Iterable[tuple[Any, tuple[str, ...]]]) -> None:
        """Put claims in groups: (the item's ``ref``, that is its row, group key) pairs."""
        updates = []
        for rowid, key in keys:
            packed = _utf8(_SEP.join(key))
            n = self.numbers.get(packed)
            if n is None:
                n = self.numbers[packed] = len(self.keys)
                self.keys.append(key)
            updates.append((n, rowid))
        try:
            self.con.execute("BEGIN")
            self.con.executemany("UPDATE claim SET grp = ? WHERE rowid = ?", updates)
            self.con.execute("COMMIT")
        except sqlite3.OperationalError as e:
            raise _full(e) from None

    # --- by group ----------------------------------------------------------------------------

    def groups(self) -> Iterator[tuple[tuple[str, ...], list[Member]]]:
        """(group key, its members by article, start, end and id), one group at a time, in key order."""
        for grp, key in sorted(enumerate(self.keys), key=lambda t: t[1]):
            wordings = Wordings()
            names: dict[bytes, str] = {}  # one str per article
            langs: dict[str, str] = {}
            members = []
            sql = f"SELECT article, start, stop, id, slim, rowid FROM claim WHERE grp = ? {_ORDER}"
            for article, start, stop, cid, slim, rowid in self._query(sql, (grp,)):
                lang, w = marshal.loads(slim)
                name = names.get(article)
                if name is None:
                    name = names[article] = _str(article)
                members.append(Member(name, start, stop, cid, langs.setdefault(lang, lang), wordings.get(w), rowid))
            yield key, members

    def claim_of(self, member: Member) -> Claim:
        """The whole claim of a member read by ``groups``."""
        (data,) = self._query("SELECT data FROM claim WHERE rowid = ?", (member.ref,)).fetchone()
        return decode(data)

    def ids(self, key: tuple[str, ...], figure: str | None, members: list[Member]) -> ClaimIds:
        """The ids of a group's claims (``figure`` None) or of one of its figures, read when needed."""
        return ClaimIds(self, self.numbers[_utf8(_SEP.join(key))], figure, len(members))

    # --- by id -------------------------------------------------------------------------------

    def get(self, claim_id: str) -> Claim | None:
        """The claim with this id (the last in report order if several), or None."""
        return next(self.resolve([claim_id]))

    def resolve(self, ids: Iterable[str]) -> Iterator[Claim | None]:
        """The claim of each id, in the order given, as ``get`` answers."""
        if isinstance(ids, ClaimIds) and ids.store is self:
            # a group's or figure's ids: read their rows in the same pass
            for cid, data in ids.rows():
                yield decode(data) if cid not in self.duplicate_ids else self.get(cid)
            return
        it = iter(ids)
        while batch := list(islice(it, _BATCH)):
            found: dict[str, tuple[tuple[bytes, int, int, int], bytes]] = {}
            sql = f"SELECT id, article, start, stop, rowid, data FROM claim WHERE id IN ({','.join('?' * len(set(batch)))})"
            for cid, article, start, stop, rowid, data in self._query(sql, list(set(batch))):
                place = (article, start, stop, rowid)
                if cid not in found or found[cid][0] < place:
                    found[cid] = (place, data)
            for cid in batch:
                hit = found.get(cid)
                yield None if hit is None else decode(hit[1])


class ClaimIds(Sequence[str]):
    """The claim ids of one group, or of one figure of it, in report order, read from the store."""

    def __init__(self, store: ClaimStore, grp: int, figure: str | None, count: int) -> None:
        self.store, self.grp, self.figure, self.count = store, grp, figure, count

    def rows(self, columns: str = "id, data") -> sqlite3.Cursor:
        if self.figure is None:
            return self.store._query(f"SELECT {columns} FROM claim WHERE grp = ? {_ORDER}", (self.grp,))
        return self.store._query(f"SELECT {columns} FROM claim WHERE grp = ? AND fkey = ? {_ORDER}", (self.grp, self.figure))

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[str]:
        for (cid,) in self.rows("id"):
            yield cid

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return list(self)[i]
        return next(islice(iter(self), _position(i, self.count), None))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ClaimIds) and other.store is self.store:
            return (self.grp, self.figure) == (other.grp, other.figure)
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<ClaimIds: {self.count} claims>"


class _Texts(Mapping[str, str]):
    def __init__(self, store: ClaimStore) -> None:
        self.store = store

    def __getitem__(self, article_id: str) -> str:
        if article_id not in self.store.text_seq:
            raise KeyError(article_id)
        return self.store.text(article_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self.store.text_seq)

    def __len__(self) -> int:
        return len(self.store.text_seq)
