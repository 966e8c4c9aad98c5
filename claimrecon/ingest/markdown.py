"""Markdown -> plain text: the words a reader sees, one paragraph per line.

Front matter (``---`` YAML-style ``key: value`` lines at the top) gives title, date, author,
outlet and URL. Headings, emphasis, links, images, code fences, block quotes, list markers,
tables' pipes and HTML tags are reduced to their text. Lines of one paragraph are joined, as
Markdown renders them.
"""

from __future__ import annotations

import re

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_KEYS = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "pubdate": "published",
    "author": "author", "authors": "author", "byline": "author",
    "outlet": "outlet", "source": "outlet", "site": "outlet", "publisher": "outlet",
    "url": "url", "link": "url", "canonical": "url",
    "lang": "language", "language": "language",
}
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(?:=+|-+)\s*$")
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_FENCE = re.compile(r"^(?:```|~~~)")
_QUOTE = re.compile(r"^(?:>\s?)+")
_BULLET = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_REFDEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^>\n]{0,200}>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`+([^`]*)`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_TABLE_SEP = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """(metadata, rest of the text) from a leading ``---`` block of ``key: value`` lines."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).split("\n"):
        key, sep, value = line.partition(":")
        field = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if sep and field and value and field not in meta:
            meta[field] = value
    return meta, text[m.end() :]


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _TAG.sub("", line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    line = _EM.sub(r"\2", line)
    return _ESCAPE.sub(r"\1", line)


def markdown_to_text(text: str) -> tuple[str, dict[str, str]]:
    """(plain text, metadata) of a Markdown document; ``title`` is the first heading if not given."""
    meta, body = front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    blocks: list[str] = []  # finished lines of output ("" separates paragraphs)
    para: list[str] = []
    in_fence = False

    def flush() -> None:
        if para:
            blocks.append(" ".join(para))
            blocks.append("")
            para.clear()

    for raw in body.split("\n"):
        line = raw.strip()
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if line:
                blocks.append(line)
            continue
        line = _QUOTE.sub("", line).strip()
        if not line or _RULE.match(line) or _REFDEF.match(line) or _TABLE_SEP.match(line):
            flush()
            continue
        if _SETEXT.match(line) and para:
            heading = " ".join(para)
            para.clear()
            meta.setdefault("title", _inline(heading))
            para.append(heading)
            flush()
            continue
        heading_m = _HEADING.match(line)
        if heading_m:
            flush()
            heading = _inline(heading_m.group(1))
            meta.setdefault("title", heading)
            blocks += [heading, ""]
            continue
        bullet = _BULLET.match(line)
        if bullet or line.startswith("|"):
            flush()
            item = line[bullet.end() :] if bullet else " ".join(c.strip() for c in line.strip("|").split("|"))
            blocks.append(_inline(item))
            continue
        para.append(_inline(line))
    flush()
    return "\n".join(blocks), meta
