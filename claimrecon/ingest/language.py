"""Language of a cleaned article: langdetect, seeded so that results repeat."""

from __future__ import annotations


def detect_language(text: str) -> tuple[str | None, float | None]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        best = detect_langs(text[:20000])[0]
    except LangDetectException:
        return None, None
    return best.lang, round(best.prob, 3)
