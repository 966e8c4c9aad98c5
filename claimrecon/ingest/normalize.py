"""Normalize article text: the text claim offsets refer to.

In order: line ends (CRLF, CR, Unicode line separators) -> Unicode NFC -> one form for each
quote, dash and space variant (zero-width and control characters dropped) -> no-break and narrow
spaces kept only between digits ("500 000") -> words hyphenated across a line break joined ->
hard-wrapped paragraphs unwrapped -> boilerplate lines dropped -> repeats of the title line
dropped -> a teaser list at the end (a "Related Posts" head and only short lines after it)
dropped -> at most one blank line between paragraphs. Each paragraph ends up on one line.

Boilerplate comes from ``rules/<lang>/boilerplate.tsv``: whole lines, case-insensitive. The
patterns of every language apply to every article, because page furniture is often in another
language than the article (an English WordPress theme around a Polish story) and a pattern must
match a whole line, so one language's furniture cannot eat another language's sentence.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..errors import RulesError
from ..ruleset import available_languages, load_language

#: spaces that group digits ("500 000", "1 234,5"): kept between digits, plain spaces elsewhere
GROUPING_SPACES = "\u00a0\u202f\u2009\u2007"
#: a line longer than this is a paragraph, never furniture
MAX_BOILERPLATE_LINE = 300

_CHARS = str.maketrans(
    {
        # quotes: the forms the extractor knows (“ ” „ « » ‘ ’ ")
        "\u201f": "“", "\u301d": "“", "\u301e": "”", "\u2e42": "„", "\uff02": '"',
        "\u201b": "‘", "\u201a": "‘", "\u02bc": "’", "\uff07": "'",
        # dashes and minus signs
        "\u2010": "-", "\u2011": "-", "\u2212": "-", "\ufe63": "-", "\uff0d": "-",
        "\u2012": "–", "\u2015": "—", "\ufe58": "—", "\u2e3a": "—", "\u2e3b": "—",
        # spaces other than the grouping ones
        "\t": " ", "\v": " ", "\f": " ", "\u1680": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ",
        "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ", "\u200a": " ",
        "\u205f": " ", "\u3000": " ",
        # line and paragraph separators
        "\u2028": "\n", "\u2029": "\n\n", "\u0085": "\n",
        # invisible: soft hyphen, zero-width space, word joiner, BOM
        "\u00ad": None, "\u200b": None, "\u2060": None, "\ufeff": None,
        # C0 and C1 controls other than line feed
        **{chr(c): None for c in [*range(0, 9), *range(14, 32), *range(0x7F, 0xA0)] if c != 0x85},
    }
)
#: the characters ``_CHARS`` changes, as one class: ``str.translate`` with a dict table looks up
#: every character of the text (0.4 ms an article); a regex visits only the ones to change
_CHANGED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CHARS)) + "]")
_LINE_ENDS = re.compile(r"\r\n?")
_LONELY_GROUPING = re.compile(f"(?<!\\d)[{GROUPING_SPACES}]|[{GROUPING_SPACES}](?!\\d)")
_SPACES = re.compile(r" {2,}")
_LOWER = "a-zà-öø-ÿąćęłńśźżěščřžýůőű"
_HYPHEN_BREAK = re.compile(f"(?<=[^\\W\\d_])-\\n(?=[{_LOWER}])")
_BLANKS = re.compile(r"\n{3,}")
_LIST_ITEM = re.compile(r"^(?:[-*•–—]\s|\d{1,3}[.)]\s)")


#: a pattern holding this (a regex comment, so the rules schema is unchanged) heads a teaser
#: list ("Related Posts"): the short lines after it, to the end, go with it
END_MARK = "(?#end)"
#: a teaser list is cut only if every line after its head is at most this long, and so many
TEASER_LINE = 150
TEASER_LINES = 25


def _alternation(rows: list[tuple[str, str]]) -> re.Pattern[str] | None:
    if not rows:
        return None
    parts = [f"(?:{pattern})" for _, pattern in rows]
    try:
        return re.compile(r"\s*(?:" + "|".join(parts) + r")\s*", re.IGNORECASE)
    except re.error:
        pass
    for (where, _), part in zip(rows, parts):  # only now, to name the culprit: one compile per row
        try:
            re.compile(part)
        except re.error as e:
            raise RulesError([f"{where}: pattern cannot be combined with the others: {e}"]) from None
    raise RulesError(["boilerplate.tsv: the patterns cannot be combined into one (each is valid alone)"])


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    rows = [(r.where(), str(r["pattern"])) for lang in available_languages() for r in load_language(lang).table("boilerplate.tsv")]
    return _alternation(rows), _alternation([row for row in rows if END_MARK in row[1]])


def boilerplate_re() -> re.Pattern[str] | None:
    """One compiled alternation of every language's boilerplate patterns (whole line, any case)."""
    return _patterns()[0]


def is_boilerplate(line: str) -> bool:
    """Whether a (stripped) line is page furniture by the rules."""
    bp = boilerplate_re()
    return bp is not None and 0 < len(line) <= MAX_BOILERPLATE_LINE and bp.fullmatch(line) is not None


def _teaser_head(line: str) -> bool:
    end = _patterns()[1]
    return end is not None and len(line) <= MAX_BOILERPLATE_LINE and end.fullmatch(line) is not None


def cut_teasers(lines: list[str], heads: list[int]) -> list[str]:
    """``lines`` without the teaser list under the first head (an index into ``lines``) after
    which nothing but short lines follow (headlines of other stories, not this one's
    paragraphs), and no more than half as much text as before it."""
    for at in heads:
        rest = [ln for ln in lines[at:] if ln]
        short = len(rest) <= TEASER_LINES and all(len(ln) <= TEASER_LINE for ln in rest)
        if short and sum(map(len, lines[:at])) >= 2 * sum(map(len, rest)):  # the story comes first
            return lines[:at]
    return lines


def clean_chars(text: str) -> str:
    """Character-level normalization: line ends, NFC, quotes, dashes, spaces, invisibles."""
    if "\r" in text:
        text = _LINE_ENDS.sub("\n", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _CHANGED.sub(_changed, text)
    if any(c in text for c in GROUPING_SPACES):
        text = _LONELY_GROUPING.sub(" ", text)
    return text


def _changed(m: re.Match[str]) -> str:
    return m.group().translate(_CHARS)


def unwrap(lines: list[str]) -> list[str]:
    """Join the lines of hard-wrapped paragraphs (text filled to a fixed width, like e-mail).

    Only when the text looks filled: most lines run on into the next line, often mid-sentence
    (the next line starts in lower case), and the width is that of a fill (30-120 characters).
    A line is then joined to the next when the next line's first word would not have fitted
    on it: that is why the filler broke the line there. Short last lines end a paragraph.
    """
    nonempty = [ln for ln in lines if ln]
    pairs = [(a, b) for a, b in zip(lines, lines[1:]) if a and b]
    if len(pairs) < 5 or len(pairs) < 0.5 * len(nonempty):
        return lines
    lengths = sorted(len(ln) for ln in nonempty)
    width = lengths[int(len(lengths) * 0.95) - 1]
    if not 30 <= width <= 120 or lengths[-1] > width * 1.5:
        return lines
    if sum(1 for _, b in pairs if b[0].islower()) < 0.3 * len(pairs):
        return lines
    out: list[str] = []
    previous = ""
    for ln in lines:
        if previous and ln and not _LIST_ITEM.match(ln) and len(previous) + 1 + len(ln.split(" ", 1)[0]) > width * 0.95:
            out[-1] = out[-1] + " " + ln
        else:
            out.append(ln)
        previous = ln
    return out


def normalize(text: str, lang: str | None = None, *, wrapped: bool = True) -> str:
    """The normalized text of an article (``lang`` is accepted for symmetry; see module doc).

    ``wrapped=False`` skips unwrapping, for inputs whose lines are paragraphs already (HTML).
    """
    text = clean_chars(text)
    lines = [(_SPACES.sub(" ", ln) if "  " in ln else ln).strip() for ln in text.split("\n")]
    text = "\n".join(lines)
    if "-\n" in text:  # the lookbehind makes the scan slow: only when a line ends in a hyphen
        text = _HYPHEN_BREAK.sub("", text)
    lines = text.split("\n")
    if wrapped:
        lines = unwrap(lines)
    out: list[str] = []
    heads: list[int] = []  # where teaser lists begin, in ``out``
    title: str | None = None
    for ln in lines:
        if ln:
            if is_boilerplate(ln):
                if _teaser_head(ln):
                    heads.append(len(out))
                continue
            if title is None:
                title = ln
            elif ln == title:
                continue  # the page repeats its title
        out.append(ln)
    if heads:
        out = cut_teasers(out, heads)
    text = "\n".join(out)
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    text = text.strip()
    return text + "\n" if text else ""
