"""Export: one Report -> each format. Computes nothing the report does not hold."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..records import Report
from .json_export import to_json
from .markdown import to_markdown

#: format name -> (file name in the output folder, renderer)
FORMATS: dict[str, tuple[str, Callable[[Report], str]]] = {
    "json": ("report.json", to_json),
    "markdown": ("report.md", to_markdown),
}


def write_text(path: str | Path, text: str) -> None:
    """Write atomically (temporary file in the same folder, then rename); ``-`` is stdout."""
    if str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
