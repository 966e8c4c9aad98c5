"""An on-disk translation cache: one JSON file a desk can keep beside its reports and share.

Entries are keyed by backend, source and target language and the SHA-256 of the exact text
sent, so a re-run sends nothing already translated, and a colleague's file works on any
machine. The file holds translations, never the source sentences. Saving merges with what is on
disk at that moment and replaces the file atomically, so two runs sharing a file lose nothing
but a duplicate translation.

    {"format": "claimrecon-translations/1",
     "entries": {"google:pl:en:<sha256>": {"translation": "...", "backend": "google",
                                            "source": "pl", "target": "en", "at": "2026-..."}}}
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from ..atomic import write_text
from .backends import TranslationError

FORMAT = "claimrecon-translations/1"


def cache_key(backend: str, source: str, target: str, text: str) -> str:
    """"google:pl:en:<sha256 of text>"."""
    return f"{backend}:{source}:{target}:{hashlib.sha256(text.encode('utf-8')).hexdigest()}"


class TranslationCache:
    """Translations by :func:`cache_key`; in memory only when ``path`` is None."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.entries: dict[str, dict[str, Any]] = _read(self.path) if self.path else {}
        self._new: dict[str, dict[str, Any]] = {}

    def get(self, backend: str, source: str, target: str, text: str) -> str | None:
        entry = self.entries.get(cache_key(backend, source, target, text))
        return entry.get("translation") if entry else None

    def put(self, backend: str, source: str, target: str, text: str, translation: str) -> None:
        entry = {
            "translation": translation,
            "backend": backend,
            "source": source,
            "target": target,
            "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        }
        key = cache_key(backend, source, target, text)
        self.entries[key] = entry
        self._new[key] = entry

    def save(self) -> None:
        """Write new entries (merged with the file's current content); no-op if nothing is new."""
        if self.path is None or not self._new:
            return
        merged = _read(self.path)
        merged.update(self._new)
        data = {"format": FORMAT, "entries": dict(sorted(merged.items()))}
        write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        self.entries = merged
        self._new.clear()


def _read(path: Path) -> dict[str, dict[str, Any]]:
    """The entries of a cache file (none if it does not exist); refuses anything else."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as e:
        raise TranslationError(f"cannot read translation cache {path}: {e.strerror or e}") from None
    hint = "Move the file aside or give another one with --translation-cache FILE."
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise TranslationError(f"translation cache {path} is not valid JSON (line {e.lineno})", hint) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("entries"), dict):
        raise TranslationError(f"{path} is not a claimrecon translation cache ({FORMAT})", hint)
    entries = data["entries"]
    return {k: v for k, v in entries.items() if isinstance(v, dict) and isinstance(v.get("translation"), str)}
