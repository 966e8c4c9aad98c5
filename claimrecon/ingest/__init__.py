"""Ingest: paths -> Articles (decoded, cleaned, normalized text + metadata + language + status).

Knows nothing about numbers. Every input path appears in the result, read or not, with a
status and a reason: one broken file never stops a folder.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from ..records import Article
from .decode import decode
from .language import detect_language
from .metadata import plain_metadata
from .normalize import normalize

__all__ = ["ingest", "iter_inputs", "read_path"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}


def iter_inputs(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """(id, path) for every input: folders recursively in a stable order; ids relative to the folder."""
    for raw in paths:
        if raw == "-":
            yield "<stdin>", None
            continue
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    fp = Path(root) / name
                    yield fp.relative_to(p).as_posix(), fp
        else:
            yield p.name if p.exists() else raw, p


def read_path(article_id: str, path: Path | None, *, lang: str | None = None, encoding: str | None = None) -> list[Article]:
    """Read one input into one article (or its reason for not being one)."""
    import sys

    try:
        raw = sys.stdin.buffer.read() if path is None else path.read_bytes()
    except FileNotFoundError:
        return [Article(article_id, "error", "file not found", path=str(path))]
    except PermissionError:
        return [Article(article_id, "error", "permission denied: the file cannot be read", path=str(path))]
    except OSError as e:
        return [Article(article_id, "error", f"cannot read: {e.strerror or e}", path=str(path))]
    sha = hashlib.sha256(raw).hexdigest()
    base = Article(article_id, "ok", path=None if path is None else str(path), sha256=sha, format="text")
    if not raw.strip():
        return [replace(base, status="skipped", reason="empty file")]
    text, enc, problem = decode(raw, encoding)
    if text is None:
        return [replace(base, status="skipped", reason=problem or "not text")]
    text = normalize(text, lang)
    if not text.strip():
        return [replace(base, status="skipped", reason="no article text after removing page furniture", encoding=enc)]
    language, confidence = (lang, 1.0) if lang else detect_language(text)
    from ..ruleset import available_languages

    if language not in available_languages():
        return [replace(base, status="skipped", reason=f"language {language!r} has no rules (supported: {', '.join(available_languages())})",
                        encoding=enc, language=language, language_confidence=confidence, text="")]
    text = normalize(text, language)  # again, with the language's boilerplate rules
    meta = plain_metadata(text, language)
    return [replace(base, encoding=enc, language=language, language_confidence=confidence, text=text, **meta)]


def ingest(paths: Sequence[str], *, lang: str | None = None, encoding: str | None = None) -> list[Article]:
    """Every input as an Article, in a stable order (by id), duplicates marked."""
    out: list[Article] = []
    for article_id, path in iter_inputs(paths):
        out.extend(read_path(article_id, path, lang=lang, encoding=encoding))
    out.sort(key=lambda a: a.id)
    return mark_duplicates(out)


def mark_duplicates(articles: list[Article]) -> list[Article]:
    """Identical normalized texts: the later copies point at the first (by id)."""
    first: dict[str, str] = {}
    out = []
    for a in articles:
        if a.status != "ok":
            out.append(a)
            continue
        key = hashlib.sha256(" ".join(a.text.split()).lower().encode()).hexdigest()
        if key in first:
            out.append(replace(a, duplicate_of=first[key]))
        else:
            first[key] = a.id
            out.append(a)
    return out
