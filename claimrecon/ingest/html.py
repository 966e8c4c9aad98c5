"""Saved web pages: the article's main text and the page's own metadata, via trafilatura.

trafilatura drops navigation, scripts, styles, sidebars, footers and comment sections and
reads title, date, site name, author and URL from meta tags and JSON-LD. It is imported only
when an HTML page appears (importing it costs about 0.3 s). Dates come from the page's markup
only (htmldate without its extensive search, which would guess from the text and the URL).
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

from .problems import NotAnArticle

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAGS = re.compile(r"<(?:p|div|br|article|section|h[1-6]|span|a)\b[^>]*>", re.I)


@dataclass(frozen=True, slots=True)
class Page:
    """What a page yields: its main text and the metadata its markup states."""

    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """Whether text is an HTML document or fragment rather than prose."""
    head = text[:2048]
    return bool(_HTML_START.match(head)) or (head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 2)


@functools.lru_cache(maxsize=1)
def _trafilatura() -> Any:
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).addHandler(logging.NullHandler())  # no stray warnings on a terminal
    try:
        import trafilatura
    except ImportError as e:  # a broken install (e.g. lxml without lxml_html_clean)
        raise NotAnArticle(f"HTML pages cannot be read here: {e} (reinstall claimrecon's dependencies)") from None
    return trafilatura


def read_html(html: str) -> Page:
    """Main text and metadata of a page. Raises ``NotAnArticle`` when no article text is found."""
    trafilatura = _trafilatura()
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            date_extraction_params={"extensive_search": False, "original_date": True, "max_date": "2100-12-31"},
        )
    except (RecursionError, ValueError):
        doc = None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        # lxml gives up on pages nested deeper than 255 elements, and trafilatura on some broken
        # markup: read such a page's text with a parser that takes any nesting
        text = plain_text(html)
        if not text.strip():
            raise NotAnArticle("no article text found in the HTML page")
    # one paragraph per line, paragraphs apart, the headline first (as in a plain-text article)
    body = "\n\n".join(p.strip() for p in text.split("\n") if p.strip())
    title = _clean(getattr(doc, "title", None))
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    return Page(
        text=body,
        title=title,
        published=_clean(getattr(doc, "date", None)),
        outlet=_clean(getattr(doc, "sitename", None)),
        author=_clean(getattr(doc, "author", None)),
        url=_clean(getattr(doc, "url", None)),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


#: elements whose content is never article text
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form", "button",
                   "select", "svg", "iframe", "object", "canvas"})
#: elements that end a paragraph
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
                     "blockquote", "table", "tr", "td", "th", "header", "main", "pre", "hr", "dd", "dt", "figcaption"})


def plain_text(html: str) -> str:
    """The text of a page, paragraph by paragraph, whatever its nesting or unclosed elements
    (the standard library's tolerant parser; no tree is built, so no depth limit applies)."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.skipping: list[str] = []
            self.paragraphs: list[list[str]] = [[]]

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag == "body":  # the head ends where the body starts, closed or not
                self.skipping = [t for t in self.skipping if t != "head"]
            if tag in _SKIP:
                self.skipping.append(tag)
            elif tag in _BLOCKS:
                self.paragraphs.append([])

        def handle_startendtag(self, tag: str, attrs: object) -> None:
            if tag in _BLOCKS:
                self.paragraphs.append([])

        def handle_endtag(self, tag: str) -> None:
            if tag in _SKIP and tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
            elif tag in _BLOCKS:
                self.paragraphs.append([])

        def handle_data(self, data: str) -> None:
            if not self.skipping:
                self.paragraphs[-1].append(data)

    parser = Text()
    parser.feed(html)
    parser.close()
    paragraphs = (" ".join("".join(p).split()) for p in parser.paragraphs)
    return "\n\n".join(p for p in paragraphs if p)
