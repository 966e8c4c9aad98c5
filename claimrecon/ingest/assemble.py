"""Decoded text of one article -> the finished Article: normalized, language, metadata.

Metadata a source states (HTML markup, a JSON record, Markdown front matter) comes first; what
it does not state is read from the text (title, dateline, outlet); the rest stays None.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..records import Article
from .language import detect_language, language_code, supported_languages
from .metadata import dateline_day_and_weekday, find_author, find_dateline, find_outlet, find_report_time, find_title, parse_date, parse_time, shorten_title
from .normalize import normalize
from .problems import NotAnArticle

#: the longest article text read, in characters (spaCy's default document limit); a longer
#: text is a dump or a book, not an article
MAX_TEXT_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class Options:
    """What the user asked for: a language and an encoding for every input, or None to detect."""

    lang: str | None = None
    encoding: str | None = None


def make_article(base: Article, text: str, opts: Options, given: Mapping[str, str] | None = None, *, wrapped: bool = True) -> Article:
    """The ``ok`` Article for ``text``; raises ``NotAnArticle`` (with the fields known so far)."""
    given = given or {}
    if len(text) > MAX_TEXT_CHARS:
        raise NotAnArticle(
            f"text of {len(text):,} characters is over the {MAX_TEXT_CHARS:,}-character limit for one article "
            "(one huge line or a whole dump? split it into articles)"
        )
    if not text.strip():
        raise NotAnArticle("empty: only whitespace")
    norm = normalize(text, wrapped=wrapped)
    if not norm:
        raise NotAnArticle("no article text left after removing page furniture")
    stated = opts.lang or language_code(given.get("language"))
    language: str | None
    confidence: float | None = None  # a language given, not detected, has no confidence
    if stated:
        language = stated
    else:
        language, confidence = detect_language(norm)
    base = replace(base, language=language, language_confidence=confidence)
    if language is None:
        raise NotAnArticle("language not recognised (too few words?); give it with --lang", base)
    if language not in supported_languages():
        raise NotAnArticle(
            f"language {language!r} has no rules (supported: {', '.join(supported_languages())}); "
            "use --lang to read it as one of them",
            base,
        )
    title = given.get("title")
    published = parse_date(given["published"], language) if given.get("published") else None
    found = published or find_dateline(norm, language)
    day, weekday, named = (None, None, False) if found else dateline_day_and_weekday(norm, language)
    return replace(
        base,
        text=norm,
        title=shorten_title(" ".join(title.split())) if title else find_title(norm, language),
        published=found,
        dateline_day=day,
        dateline_weekday=weekday if named else None,
        weekday_guess=None if named else weekday,
        published_time=(parse_time(given["published"]) if published else None) or find_report_time(norm, language),
        outlet=given.get("outlet") or find_outlet(norm, language),
        author=given.get("author") or base.author or find_author(norm),
        url=given.get("url") or base.url,
    )
