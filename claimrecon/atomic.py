"""Atomic writes for every file claimrecon writes (reports, SQLite runs, reviews, translation
cache): written beside the target, then renamed over it.

An interrupted run leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


def file_mode(p: Path) -> int:
    """The mode a new report gets: the old file's when replacing one, else 0666 less the umask.

    ``mkstemp`` makes its file private (0600); a report should be as readable as any file.
    """
    try:
        return p.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path``; renamed over it when the block succeeds, removed if not."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}-", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, file_mode(p))
        os.replace(tmp, p)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text(path: str | Path, text: str | Iterable[str]) -> None:
    """Write atomically; ``-`` is stdout. ``text`` may come in pieces, written as they come."""
    pieces = [text] if isinstance(text, str) else text
    if str(path) == "-":
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    with replacing(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            for piece in pieces:
                f.write(piece)
