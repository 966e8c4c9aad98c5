"""Ingest: paths -> Articles (decoded, cleaned, normalized text + metadata + language + status).

Knows nothing about numbers. Every input appears in the result, read or not, with a status
(``ok``, ``skipped``: read but not a usable article, ``error``: could not be read) and a
reason: one broken file never stops a folder. The stage, in the order an article meets it:

    sources   paths -> inputs with stable ids (folders walked by name; loops, hidden files)
    reader    open, bound the size, tell the format (text, Markdown, HTML, JSON, JSON Lines)
    decode    bytes -> str (BOMs, UTF-8, Windows-1250/ISO-8859-2/Windows-1252, detection)
    html / markdown / feeds   the article text and the metadata the source states
    assemble  normalize -> language -> metadata from the text -> Article
    duplicates  later copies of one story point at the first
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError, UnsupportedLanguage
from ..records import Article
from .assemble import MAX_TEXT_CHARS, Options
from .decode import text_encoding
from .duplicates import mark_duplicates
from .feeds import MAX_RECORD_BYTES
from .language import supported_languages
from .reader import MAX_FILE_BYTES, parse_bytes, read_input
from .sources import Source, expand_paths, path_list

__all__ = [
    "ingest", "iter_inputs", "expand_paths", "read_path", "read_input", "parse_bytes", "check_options",
    "mark_duplicates", "order_key", "Options", "Source", "MAX_FILE_BYTES", "MAX_RECORD_BYTES", "MAX_TEXT_CHARS",
]

_RECORD_SUFFIX = re.compile(r"^(.*)#(\d+)$")


def check_options(lang: str | None = None, encoding: str | None = None) -> Options:
    """Validate ``--lang`` and ``--encoding`` once, before any file is read (usage errors)."""
    if lang is not None:
        lang = lang.strip().lower()
        if lang not in supported_languages():
            raise UnsupportedLanguage(lang, list(supported_languages()))
    if encoding is not None and text_encoding(encoding) is None:
        raise InputError(
            f"{encoding!r} is not a text encoding" if _known_codec(encoding) else f"unknown text encoding {encoding!r}",
            "Give a text encoding such as utf-8, utf-16, cp1250, iso-8859-2 or cp1252, or leave --encoding out to detect it.",
        )
    return Options(lang=lang or None, encoding=encoding or None)


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        return False
    return True


def iter_inputs(paths: str | Path | Sequence[str | Path]) -> list[Source]:
    """Every input under ``paths``, with its id (relative to the folder given) and known problem."""
    return expand_paths(path_list(paths))


def order_key(article_id: str) -> tuple[str, int]:
    """Articles are reported by id; records of one file by their number (``f#2`` before ``f#10``)."""
    m = _RECORD_SUFFIX.match(article_id)
    return (m.group(1), int(m.group(2))) if m else (article_id, -1)


def ingest(paths: str | Path | Sequence[str | Path], *, lang: str | None = None, encoding: str | None = None) -> list[Article]:
    """Every input as Articles, in a stable order (by id), later copies of a story marked.

    ``paths`` is a list of paths, or one path (a ``str`` or ``Path``: never read as its characters).

    Raises ``UnsupportedLanguage`` / ``InputError`` for a bad ``lang`` / ``encoding`` (usage
    errors, exit 2) and ``RulesError`` for broken rules; never for a bad input.
    """
    opts = check_options(lang, encoding)
    out: list[Article] = []
    for source in expand_paths(path_list(paths)):
        out.extend(read_input(source, opts))
    out.sort(key=lambda a: order_key(a.id))
    return mark_duplicates(out)


def read_path(article_id: str, path: Path | None, *, lang: str | None = None, encoding: str | None = None) -> list[Article]:
    """The Articles of one file (``path``) or of standard input (``path`` None)."""
    return read_input(Source(article_id, path), check_options(lang, encoding))
