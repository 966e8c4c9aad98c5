"""Untrusted text (file names, titles, outlets, notes, feed fields) made safe to show.

A terminal obeys escape sequences (``ESC [ 2 J`` clears the screen, ``ESC ] 8`` writes links,
``ESC ] 52`` sets the clipboard), and bidirectional overrides make text read otherwise than it
is stored. ``printable`` replaces every C0 and C1 control character, DEL, and the bidirectional
embedding, override and isolate characters by U+FFFD, so that what reaches a terminal or a
Markdown report shows that something was there but cannot act. With ``lines=True`` tabs, line
feeds, carriage returns and form feeds stay (the Markdown renderer folds them into spaces).

``web_url`` keeps a url only when it is an absolute http(s) one (a feed's ``javascript:`` or
``data:`` url must never become a link in a ClaimReview or a report).
"""

from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\\x00-\\x08\\x0e-\\x1f\\x7f-\\x9f{_BIDI}]")
_CONTROLS_AND_LINES = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029{_BIDI}]")
_WEB_URL = re.compile(r"https?://[^\s/?#@]+(?:[/?#][^\s]*)?", re.I)


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with control and bidirectional-override characters as U+FFFD (the whitespace
    ones kept when ``lines``)."""
    pattern = _CONTROLS if lines else _CONTROLS_AND_LINES
    return pattern.sub("\ufffd", text) if pattern.search(text) else text


def web_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http:// or https:// url without spaces or controls, else None."""
    if not url:
        return None
    url = url.strip()
    if _CONTROLS_AND_LINES.search(url) or not _WEB_URL.fullmatch(url):
        return None
    return url
