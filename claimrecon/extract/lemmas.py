"""Lemmas and concepts: the words around a figure in a form that compares across articles and languages.

Lemmas come from simplemma (MIT): dictionaries for English, Spanish and Polish among some fifty
languages, and no part-of-speech tagger needed, which matters because the default pipeline is
``spacy.blank`` and has none. spaCy's own lookup tables were the other candidate; their Polish
tables are split by part of speech, which a blank pipeline cannot tell.

Concepts come from ``rules/<lang>/concepts.tsv``: keys shared by the languages, so that
"detenidos", "zatrzymanych" and "arrested" all become ``#arrested``. The table is evidence for
matching, never a gate: a word it does not list keeps its lemma ("abonent") and can still be
matched by the same lemma in another article, by a cognate, or by agreeing figures.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ruleset import load_language

__all__ = ["lemma", "name_lemma", "known", "cache_dictionaries", "concepts", "Concepts", "fold"]


@functools.lru_cache(maxsize=None)
def _lemmatizer():  # type: ignore[no-untyped-def]
    """simplemma's lemmatizer, with its dictionaries in the least memory that loads fast: as
    MARISA tries cached on disk once per machine (0.01 s and about 40 MB to load, against 3.5 s
    and 420 MB for the Polish dictionary as a dict), else, where that cache cannot be written,
    read as a stream (about 2 s, 70 MB). The lemmas are the same either way."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    factory = _dictionaries()
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)), factory


def _lemmatize():  # type: ignore[no-untyped-def]
    return _lemmatizer()[0].lemmatize


def known(word: str, lang: str) -> bool:
    """Whether ``word`` is a form the language's dictionary lists (read from the same low-memory
    dictionaries as the lemmas)."""
    try:
        return word in _lemmatizer()[1].get_dictionary(lang)
    except (ValueError, KeyError, TypeError):  # a language simplemma does not know
        return False


def _dictionaries() -> Any:
    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

    try:
        from platformdirs import user_cache_dir
        from simplemma.__metadata__ import __version__ as simplemma_version
        from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

        folder = Path(os.environ.get("CLAIMRECON_CACHE") or user_cache_dir("claimrecon")) / "lemmas" / simplemma_version
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            raise OSError(f"{folder} is not writable")
        return TrieDictionaryFactory(disk_cache_dir=str(folder))
    except (ImportError, OSError):
        return LOW_MEMORY_DICTIONARY_FACTORY


def cache_dictionaries(langs: Iterable[str]) -> None:
    """Write the on-disk dictionaries of ``langs`` (``_dictionaries``) now, in this process, when
    they are not there yet: simplemma writes each file in place, so processes started together
    on a cold cache (a run's workers, the test suite's) would each build it and could read
    another's half-written file. Nothing stays loaded here; a language simplemma does not know,
    or a cache that cannot be written, is left alone."""
    try:
        from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory
    except ImportError:
        return
    factory = _dictionaries()
    if not isinstance(factory, TrieDictionaryFactory):
        return  # no disk cache to write: each process reads the dictionaries as a stream
    for lang in langs:
        try:
            factory.get_dictionary(lang)
        except (ValueError, KeyError, TypeError):
            pass


@functools.lru_cache(maxsize=None)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of a language, lower-cased: its function words."""
    from spacy.util import get_lang_class

    return frozenset(w.lower() for w in get_lang_class(lang).Defaults.stop_words)


@functools.lru_cache(maxsize=262144)
def lemma(word: str, lang: str) -> str:
    """The dictionary form of ``word`` in ``lang``, lower-cased (the word itself when unknown)."""
    w = word.lower()
    return w if len(w) < 3 else name_lemma(w, lang).lower()


def name_lemma(word: str, lang: str) -> str:
    """The dictionary form of a name as written, its capital kept for the lookup ("Poznaniu" ->
    "Poznań", where "poznaniu" would be "poznanie"); the word itself when unknown."""
    try:
        return str(_lemmatize()(word, lang=lang))
    except (ValueError, KeyError, TypeError):  # a language simplemma does not know
        return word


def fold(text: str) -> str:
    """Lower case without diacritics ("Łódź" -> "lodz"): how names and cognates compare."""
    text = text.lower().replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Concepts:
    """One language's concept table, by lemma."""

    single: dict[str, tuple[str, ...]]  # lemma (or lower-cased form) -> concept keys
    multi: dict[tuple[str, ...], tuple[str, ...]]  # a phrase's lemmas -> concept keys
    longest: int  # words in the longest phrase
    masculine: bool = False  # adjectives agree in gender and the table lists the masculine form (-o for -a)

    def of(self, word_lemma: str, word: str) -> tuple[str, ...]:
        found = self.single.get(word_lemma) or self.single.get(word.lower())
        if not found and self.masculine and word_lemma.endswith("a"):
            # "heridas" -> "herida": the table lists the masculine form of an adjective or participle
            found = self.single.get(word_lemma[:-1] + "o")
        return found or ()


@functools.lru_cache(maxsize=None)
def concepts(lang: str) -> Concepts:
    """The concept table of ``lang`` (``rules/<lang>/concepts.tsv``), indexed by lemma."""
    single: dict[str, list[str]] = {}
    multi: dict[tuple[str, ...], list[str]] = {}
    for r in load_language(lang).table("concepts.tsv"):
        key = r["concept"]
        for phrase in r["words"].split("|"):
            words = phrase.split()
            if not words:
                continue
            if len(words) == 1:
                for form in {words[0].lower(), lemma(words[0], lang)}:
                    bucket = single.setdefault(form, [])
                    if key not in bucket:
                        bucket.append(key)
            else:
                lems = tuple(lemma(w, lang) for w in words)
                bucket = multi.setdefault(lems, [])
                if key not in bucket:
                    bucket.append(key)
    return Concepts({k: tuple(v) for k, v in single.items()}, {k: tuple(v) for k, v in multi.items()},
                    max((len(k) for k in multi), default=1), lang in _GENDER_O_A)


#: languages whose adjectives and participles end in -o, -a by gender (the table gives the -o form)
_GENDER_O_A = {"es", "it", "pt"}
