"""Language of a cleaned article: langdetect, seeded so that results repeat run after run.

langdetect's cost grows with the text it is given (about 5-8 ms per 1,000 characters, in pure
Python), which matters over 100,000 articles. It is first given a sample drawn evenly from the
whole article: the whole text up to 1,500 characters, else four windows of 375 characters
spread from the beginning to the end, each cut at spaces. When the sample leaves it unsure
(confidence under 0.9), it reads the whole text (langdetect itself stops at 10,000 characters).
"""

from __future__ import annotations

import functools
import re

_CODE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")


def detect_language(text: str) -> tuple[str | None, float | None]:
    """(language code, confidence 0..1) of ``text``; (None, None) when it has no words to go by."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        part = sample(text)
        best = detect_langs(part)[0]
        if best.prob < SURE and part is not text:
            best = detect_langs(text)[0]
    except LangDetectException:
        return None, None
    return str(best.lang).split("-")[0], round(float(best.prob), 3)


SAMPLE_CHARS = 1500
WINDOWS = 4
SURE = 0.9


def sample(text: str) -> str:
    """Up to ``SAMPLE_CHARS`` characters of ``text``, in ``WINDOWS`` windows spread over all of it."""
    if len(text) <= SAMPLE_CHARS:
        return text
    size = SAMPLE_CHARS // WINDOWS
    step = (len(text) - size) / (WINDOWS - 1)
    parts = []
    for i in range(WINDOWS):
        start = int(i * step)
        window = text[start : start + size]
        if start:
            window = window.split(None, 1)[-1]  # start at a word
        parts.append(window.rsplit(None, 1)[0] if start + size < len(text) else window)
    return "\n".join(parts)


def language_code(value: object) -> str | None:
    """A language code as given in metadata ("en-US", "PL", "es_ES") -> "en", "pl", "es"."""
    if not isinstance(value, str):
        return None
    m = _CODE.match(value)
    return m.group(1).lower() if m else None


@functools.lru_cache(maxsize=1)
def supported_languages() -> tuple[str, ...]:
    """The languages with a rules folder (read once per process)."""
    from ..ruleset import available_languages

    return tuple(available_languages())
