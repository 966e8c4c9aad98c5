"""One input -> its Articles: open it, bound what is read, tell the format, hand on the text.

Formats, by file name first and content second: plain text, Markdown (``.md``), HTML
(``.html``/``.htm`` or a page saved under another name), JSON Lines (``.jsonl``/``.ndjson``,
or lines of JSON objects), and JSON (``.json``: an article object or a list of them).

Limits, so that one odd file cannot eat the machine: a file holding one article is read only
up to ``MAX_FILE_BYTES`` (16 MiB; a bigger file is skipped unread, by its size); JSON Lines
files are streamed record by record with no total limit, each record up to 4 MiB; an article
text may be up to 1,000,000 characters.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import PurePath
from typing import IO, Any

from ..errors import ClaimreconError
from ..records import Article
from .assemble import Options, make_article
from .decode import decode
from .feeds import MAX_RECORD_BYTES, iter_lines, json_records, parse_line, parse_object, record_fields
from .html import looks_like_html, read_html
from .markdown import markdown_to_text
from .problems import InputProblem, NotAnArticle, Unreadable
from .sources import Source, access_problem

#: the largest single-article file read (HTML pages with inlined images reach a few MB)
MAX_FILE_BYTES = 16 * 1024 * 1024

_SUFFIXES = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
    ".json": "json",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
}
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def problem_article(base: Article, problem: InputProblem) -> Article:
    """The Article that reports ``problem`` (keeping what was learnt before it arose)."""
    known = problem.partial if problem.partial is not None else base
    return replace(known, status=problem.status, reason=problem.reason, text="", duplicate_of=None)


def read_input(source: Source, opts: Options) -> list[Article]:
    """The Articles of one input; a bad input gives one Article with its status and reason.

    Never raises for bad input. A rules error still raises (it concerns every input), and a
    bug in a reader becomes an ``error`` Article rather than stopping the whole folder.
    """
    base = Article(source.id, "ok", path=None if source.path is None else source.shown or str(source.path))
    if source.problem is not None:
        return [problem_article(base, source.problem)]
    out: list[Article] = []
    try:
        _read(source, base, opts, out)
    except InputProblem as p:
        out.append(problem_article(base, p))
    except ClaimreconError:
        raise
    except MemoryError:
        out.append(replace(base, status="error", reason="out of memory while reading this input"))
    except Exception as e:  # noqa: BLE001 - last resort: one input never stops the run
        out.append(replace(base, status="error", reason=f"internal error while reading ({type(e).__name__}: {e}); please report it"))
    return out


@contextmanager
def _open(source: Source) -> Iterator[IO[bytes]]:
    if source.path is None:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise Unreadable("standard input is not available")
        yield stream
        return
    try:
        # never blocks: a named pipe with no writer, or a device, would hang a blocking open
        fd = os.open(source.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError as e:
        if source.listed and not os.path.islink(source.path):
            raise Unreadable("file disappeared during the run (it was listed, then could not be found)") from None
        raise access_problem(e, str(source.path)) from None
    except IsADirectoryError:
        raise Unreadable("a folder, not a file" + (" (it became one during the run)" if source.listed else "")) from None
    except OSError as e:
        raise access_problem(e, str(source.path)) from None
    try:
        f = _stream(fd, source)
    except BaseException:
        os.close(fd)
        raise
    with f:
        yield f


def _stream(fd: int, source: Source) -> IO[bytes]:
    """A blocking stream of an input opened without blocking, once it is known to be readable.

    A regular file is read. A folder, a device, or a pipe or socket found in a folder (it was a
    file when listed) is not. A pipe named on the command line (``<(curl ...)``) is read when a
    writer is at its other end, and skipped when none is (reading would wait forever)."""
    st = os.fstat(fd)
    became = " (it became one during the run)" if source.listed else ""
    if stat.S_ISDIR(st.st_mode):
        raise Unreadable("a folder, not a file" + became)
    if stat.S_ISREG(st.st_mode):
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        raise NotAnArticle("a device, not a file: not read")
    if source.listed:
        raise NotAnArticle("not a regular file (a pipe or socket: it was a file when listed), not read")
    try:
        head = os.read(fd, 65536)
    except BlockingIOError:
        head = None  # a writer is there, nothing written yet
    if head == b"":
        raise NotAnArticle("a named pipe nobody writes to: nothing to read (pipe the text to standard input: -)")
    os.set_blocking(fd, True)
    return io.BufferedReader(_Prepended(head or b"", os.fdopen(fd, "rb", buffering=0)))


class _Prepended(io.RawIOBase):
    """The bytes already read from a pipe, then the rest of it."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self.head:
            n = min(len(b), len(self.head))
            b[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        return self.rest.readinto(b)  # type: ignore[attr-defined, no-any-return]

    def fileno(self) -> int:
        return self.rest.fileno()

    def close(self) -> None:
        self.rest.close()
        super().close()


def _size(stream: IO[bytes]) -> int | None:
    try:
        st = os.fstat(stream.fileno())
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        return None
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def _too_big(size: int) -> NotAnArticle:
    return NotAnArticle(
        f"file of {size / 2**20:.1f} MB is over the {MAX_FILE_BYTES // 2**20} MB limit for one article; "
        "split it, or give many articles as JSON Lines (.jsonl), which is read record by record"
    )


def format_for(name: str, head: bytes) -> str:
    """The format of an input from its name, else from its first bytes."""
    fmt = _SUFFIXES.get(PurePath(name).suffix.lower())
    if fmt:
        return fmt
    sample = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if sample.startswith((b"{", b"[")):
        return "json"  # tried as JSON (or JSON Lines); read as text if it does not parse
    if looks_like_html(sample[:2048].decode("latin-1")):
        return "html"
    return "text"


def _peek(stream: IO[bytes]) -> tuple[IO[bytes], bytes]:
    """The stream (buffered, so nothing is consumed) and its first bytes, to tell the format."""
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)  # type: ignore[type-var]
    return buffered, buffered.peek(4096)[:4096]


def _read(source: Source, base: Article, opts: Options, out: list[Article]) -> None:
    name = source.path.name if source.path is not None else ""
    try:
        with _open(source) as stream:
            stream, head = _peek(stream)
            fmt = format_for(name, head)
            if fmt == "jsonl" and not head.startswith(_WIDE_BOMS):
                _read_jsonl(stream, replace(base, format="jsonl"), opts, out)
                return
            size = _size(stream)
            if size is not None and size > MAX_FILE_BYTES:
                raise _too_big(size)
            raw = stream.read(MAX_FILE_BYTES + 1)
            if len(raw) > MAX_FILE_BYTES:
                raise _too_big(len(raw) if size is None else size)
    except OSError as e:
        raise access_problem(e, str(source.path or "<stdin>")) from None
    out.extend(parse_bytes(raw, base, name=name, opts=opts, fmt=fmt))


def _read_jsonl(stream: IO[bytes], base: Article, opts: Options, out: list[Article]) -> None:
    records = 0
    for lineno, line, size in iter_lines(stream):
        if line is not None and not line.strip():
            continue
        records += 1
        rec = replace(base, id=f"{base.id}#{lineno}")
        if line is None:
            out.append(problem_article(rec, NotAnArticle(
                f"record of {size / 2**20:.1f} MB is over the {MAX_RECORD_BYTES // 2**20} MB limit for one JSON Lines record"
            )))
            continue
        rec = replace(rec, sha256=_sha(line.rstrip(b"\r\n")))
        try:
            obj, enc = parse_line(line, opts.encoding)
            out.append(_record_article(replace(rec, encoding=enc), obj, opts))
        except InputProblem as p:
            out.append(problem_article(rec, p))
        except ClaimreconError:
            raise
        except Exception as e:  # noqa: BLE001 - one record never drops the records after it
            out.append(_record_failed(rec, e))
    if not records:
        out.append(problem_article(base, NotAnArticle("empty: no records in the JSON Lines file")))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_bytes(raw: bytes, base: Article, *, name: str = "", opts: Options = Options(), fmt: str | None = None) -> list[Article]:
    """The Articles in the bytes of one input. Raises ``InputProblem`` for the whole input."""
    base = replace(base, sha256=_sha(raw))
    try:
        if not raw:
            raise NotAnArticle("empty file")
        if not raw.strip():
            raise NotAnArticle("empty: only whitespace")
        fmt = fmt or format_for(name, raw[:4096])
        text, enc = decode(raw, opts.encoding, html=fmt == "html")
        base = replace(base, encoding=enc, format=fmt)
        if fmt in ("json", "jsonl"):
            records = _json_text_records(text, base, opts, strict=fmt == "jsonl" or name.lower().endswith(".json"))
            if records is not None:
                return records
            fmt = "text"  # not JSON after all: prose that starts with a bracket
        if fmt == "text" and looks_like_html(text):
            fmt = "html"  # a page saved under another name
        base = replace(base, format=fmt)
        given: dict[str, str] = {}
        if fmt == "html":
            page = read_html(text)
            text = page.text
            given = {k: v for k, v in (("title", page.title), ("published", page.published), ("outlet", page.outlet)) if v}
            base = replace(base, author=page.author, url=page.url)
        elif fmt == "markdown":
            text, given = markdown_to_text(text)
        return [make_article(base, text, opts, given, wrapped=fmt == "text")]
    except InputProblem as p:
        if p.partial is None:
            p.partial = base
        raise


def _json_text_records(text: str, base: Article, opts: Options, *, strict: bool) -> list[Article] | None:
    """Articles of a decoded JSON / JSON Lines document; None if not JSON and not ``strict``."""
    try:
        found = json_records(text)
    except NotAnArticle as p:
        if not strict and p.reason.startswith("not valid JSON"):
            return None
        raise NotAnArticle(p.reason, base) from None
    if found is not None:
        fmt = "json"
        items: list[tuple[int, Any]] = found
    else:
        fmt = "jsonl"
        items = [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    out: list[Article] = []
    for n, item in items:
        rec = replace(base, id=base.id if n == 0 else f"{base.id}#{n}", format=fmt)
        try:
            if fmt == "jsonl":
                rec = replace(rec, sha256=_sha(item.encode("utf-8", "surrogatepass")))
                item = parse_object(item)
            elif not isinstance(item, dict):
                raise NotAnArticle('not an object with a "text" field')
            out.append(_record_article(rec, item, opts))
        except InputProblem as p:
            out.append(problem_article(rec, p))
        except ClaimreconError:
            raise
        except Exception as e:  # noqa: BLE001 - one record never drops the records after it
            out.append(_record_failed(rec, e))
    return out


def _record_failed(rec: Article, e: Exception) -> Article:
    """The Article of a record whose reading failed unexpectedly (the feed goes on)."""
    reason = ("out of memory while reading this record" if isinstance(e, MemoryError)
              else f"internal error while reading this record ({type(e).__name__}: {str(e)[:200]}); please report it")
    return replace(rec, status="error", reason=reason, text="")


def _record_article(base: Article, obj: dict[str, Any], opts: Options) -> Article:
    text, given = record_fields(obj)
    wrapped = True
    if looks_like_html(text):  # scrapers often keep the page markup in "text"
        page = read_html(text)
        text, wrapped = page.text, False
        stated = {"title": page.title, "published": page.published, "outlet": page.outlet, "author": page.author, "url": page.url}
        given = {**{k: v for k, v in stated.items() if v}, **given}
    base = replace(base, author=given.get("author"), url=given.get("url"))
    return make_article(base, text, opts, given, wrapped=wrapped)
