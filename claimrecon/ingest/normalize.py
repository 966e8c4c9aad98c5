"""Normalize article text: Unicode NFC, line ends, dashes, spaces, boilerplate lines."""

from __future__ import annotations

import functools
import re
import unicodedata

from ..ruleset import available_languages, load_language

_DASHES = str.maketrans({"\u2012": "–", "\u2015": "—", "\u2212": "-", "\u00ad": None, "\u200b": None, "\ufeff": None})


@functools.lru_cache(maxsize=None)
def _boilerplate(lang: str | None) -> re.Pattern[str] | None:
    langs = [lang] if lang in available_languages() else available_languages()
    pats = []
    for l in langs:
        pats += [r["pattern"] for r in load_language(l).table("boilerplate.tsv")]
    if not pats:
        return None
    return re.compile(r"^\s*(?:" + "|".join(f"(?:{p})" for p in pats) + r")\s*$", re.IGNORECASE)


def normalize(text: str, lang: str | None = None) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").translate(_DASHES)
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)  # words hyphenated across a line break
    # spaces: keep a no-break or narrow space between digits ("500 000"), plain elsewhere
    text = re.sub(r"(?<!\d)[\u00a0\u202f\u2009]|[\u00a0\u202f\u2009](?!\d)", " ", text)
    text = re.sub(r"[ \t]+", " ", text)
    bp = _boilerplate(lang)
    lines = [ln.strip() for ln in text.split("\n")]
    out: list[str] = []
    seen_title: str | None = None
    for ln in lines:
        if bp is not None and ln and bp.match(ln):
            continue
        if ln and seen_title is not None and ln == seen_title:
            continue  # a title repeated by the page
        if ln and seen_title is None:
            seen_title = ln
        out.append(ln)
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text + "\n" if text else ""
