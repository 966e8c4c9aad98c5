"""Articles exchanged as data: JSON Lines (one article per line) and JSON files of articles.

A record is an object with a ``text`` string (required) and optionally ``title``, ``url``,
``published``, ``outlet``, ``language`` and ``author`` strings. Each record becomes its own
article, with the id ``<file id>#<n>``: n is the 1-based line number in a JSON Lines file (so
an editor's "go to line" finds it; blank lines count but make no article), and the 1-based
position in a JSON array.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from .decode import decode
from .problems import NotAnArticle

#: the largest JSON Lines record read; a longer line is skipped without being held in memory
MAX_RECORD_BYTES = 4 * 1024 * 1024
#: optional string fields of a record, as the Article fields they fill
FIELDS = {"title": "title", "url": "url", "published": "published", "outlet": "outlet", "language": "language", "author": "author"}
_BOM = b"\xef\xbb\xbf"


def iter_lines(stream: IO[bytes], limit: int = MAX_RECORD_BYTES) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes or None when over ``limit``, size in bytes) of each line of a stream."""
    lineno = 0
    while True:
        chunk = stream.readline(limit + 1)
        if not chunk:
            return
        lineno += 1
        if len(chunk) > limit and not chunk.endswith(b"\n"):
            size = len(chunk)
            while True:  # skip the rest of the long line in bounded pieces
                more = stream.readline(1 << 20)
                size += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield lineno, None, size
        else:
            yield lineno, chunk, len(chunk)


def parse_line(line: bytes, encoding: str | None = None) -> tuple[dict[str, Any], str]:
    """(object, encoding) of one JSON Lines record. Raises ``NotAnArticle`` with the reason."""
    if line.startswith(_BOM):
        line = line[len(_BOM) :]
    if encoding:
        text, used = decode(line, encoding)
    else:
        try:
            text, used = line.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, used = decode(line)
    return parse_object(text), used


def _int(digits: str) -> int | float:
    """A JSON integer; one too long for ``int`` (Python refuses more than 4,300 digits) becomes a
    float (infinite), so that an absurd number in any field never stops a record, nor a feed."""
    return int(digits) if len(digits) <= 4000 else float(digits)


def loads(text: str) -> Any:
    """``json.loads`` for untrusted documents: integers of any length read (see ``_int``)."""
    return json.loads(text, parse_int=_int)


def parse_object(text: str) -> dict[str, Any]:
    """The JSON object of one record. Raises ``NotAnArticle`` when it is not one."""
    try:
        obj = loads(text)
    except json.JSONDecodeError as e:
        raise NotAnArticle(f"not valid JSON: {e.msg} (column {e.colno})") from None
    except RecursionError:
        raise NotAnArticle("not valid JSON: nested too deeply") from None
    if not isinstance(obj, dict):
        raise NotAnArticle(f'a JSON {json_type(obj)}, not an object with a "text" field')
    return obj


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type."""
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def record_fields(obj: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """(text, optional fields) of a record. Raises ``NotAnArticle`` when there is no text."""
    text = obj.get("text")
    if text is None:
        raise NotAnArticle('no "text" field: each record needs the article text in "text"')
    if not isinstance(text, str):
        raise NotAnArticle(f'"text" is a JSON {json_type(text)}, not a string')
    given = {field: valid_unicode(v.strip()) for key, field in FIELDS.items() if isinstance(v := obj.get(key), str) and v.strip()}
    return valid_unicode(text), given


def valid_unicode(s: str) -> str:
    """``s`` with each lone surrogate (JSON allows ``"\\ud800"`` alone; Unicode text does not)
    replaced by U+FFFD, as a decoder replaces bytes it cannot read."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return s


def json_records(text: str) -> list[tuple[int, Any]] | None:
    """(position, element) of the articles in a JSON document; None when it is JSON Lines.

    Accepts one object with ``text``, an array of them, or an object holding such an array
    under ``articles``, ``items``, ``data`` or ``records``. Raises ``NotAnArticle`` otherwise.
    """
    try:
        doc = loads(text)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data":
            return None  # several values, one per line
        raise NotAnArticle(f"not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})") from None
    except RecursionError:
        raise NotAnArticle("not valid JSON: nested too deeply") from None
    if isinstance(doc, dict) and "text" in doc:
        return [(0, doc)]
    if isinstance(doc, dict):
        for key in ("articles", "items", "data", "records"):
            if isinstance(doc.get(key), list):
                doc = doc[key]
                break
    if isinstance(doc, list) and doc and any(isinstance(x, dict) and "text" in x for x in doc):
        return list(enumerate(doc, start=1))
    raise NotAnArticle(
        "JSON that is not articles: expected an object with a \"text\" field, a list of them, "
        "or JSON Lines (one article object per line)"
    )
