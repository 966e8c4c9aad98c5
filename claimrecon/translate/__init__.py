"""Translate: opt-in English for non-English evidence sentences, through deep-translator.

Off by default: with ``translate=None`` (CLI ``--translate none``) this package is not even
imported and nothing leaves the machine; every claim still carries its rule-based ``gloss``.
When a backend is chosen, the sentences that hold claims are sent to that third-party service,
and each claim records the translation (``sentence_gloss``), where it came from
(``sentence_gloss_status``: translated / cached / unavailable, ``sentence_gloss_backend``) and,
when missing, why (``sentence_gloss_error``).

    backend = open_backend("google")
    claims = translate_claims(claims, backend, TranslationCache("output/translations.json"))
"""

from __future__ import annotations

from .backends import (
    BACKEND_NAMES,
    DEFAULT_TIMEOUT,
    Backend,
    DeepTranslatorBackend,
    TranslationError,
    make_backend,
)
from .cache import TranslationCache, cache_key
from .fake import FakeBackend
from .run import CACHED, TRANSLATED, UNAVAILABLE, Limits, Summary, summarize, translate_claims, translate_store

__all__ = [
    "BACKEND_NAMES", "DEFAULT_TIMEOUT", "Backend", "DeepTranslatorBackend", "FakeBackend", "Limits", "Summary",
    "TranslationCache", "TranslationError", "cache_key", "make_backend", "open_backend", "summarize",
    "translate_claims", "translate_store", "TRANSLATED", "CACHED", "UNAVAILABLE",
]


def open_backend(translate: str | Backend | None, url: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> Backend | None:
    """The backend to use: None for ``None``/``"none"``, a name's service, or a given object."""
    if translate is None or (isinstance(translate, str) and translate.lower() == "none"):
        if url:
            raise TranslationError("--translate-url needs --translate libre")
        return None
    if isinstance(translate, str):
        return make_backend(translate, url, timeout)
    return translate
