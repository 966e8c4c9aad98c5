"""Metadata of a plain-text article: title, dateline, outlet. What is not stated stays None."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..ruleset import load_language


def _months(lang: str) -> dict[str, int]:
    return {r["phrase"].lower(): int(r["value"]) for r in load_language(lang).table("time.tsv") if r["type"] == "month"}


def find_dateline(text: str, lang: str) -> str | None:
    """A date printed on a line of its own near the top ("Sunday, June 4, 2023", "8 de marzo de 2026")."""
    months = _months(lang)
    alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    pats = [
        rf"(?P<month>{alt})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})",
        rf"(?P<day>\d{{1,2}})\.?\s+(?:de\s+)?(?P<month>{alt})\s+(?:de\s+)?(?P<year>\d{{4}})",
    ]
    for line in text.split("\n")[:8]:
        line = line.strip()
        if not line or len(line) > 60:
            continue
        for p in pats:
            m = re.search(p, line, re.IGNORECASE)
            if m:
                try:
                    return dt.date(int(m.group("year")), months[m.group("month").lower()], int(m.group("day"))).isoformat()
                except (ValueError, KeyError):
                    continue
    return None


def plain_metadata(text: str, lang: str) -> dict[str, Any]:
    title = None
    for line in text.split("\n"):
        line = line.strip()
        if len(line) >= 12 and not re.fullmatch(r"[\W\d]+", line) and not (len(line) < 45 and find_dateline(line, lang)):
            title = line
            break
    return {"title": title, "published": find_dateline(text, lang)}
