"""What each figure of a sentence counts or qualifies, read from the sentence itself.

No list of nouns decides it. The sentence's words are shared out among its figures: each content
word goes to the nearest figure of its clause (a word right after a count belongs to that count:
"212 passengers on board, six of whom were injured" gives 212 the passengers and the board, six
the injury). A figure's words, nearest first and lemmatized, are its ``terms``: what the match
stage compares across articles. Its ``text`` is the noun phrase next to it ("injured passengers",
"abonentów", "fine"), its ``role`` the rest of its words ("on board", "were evacuated").

Grammar comes from the rules: the function words are spaCy's stop words for the language plus
``grammar.tsv`` (which also says where a noun run's head is, which words link a figure to its noun
across them, and which make a rate: "per night"). Cues that separate quantities next to a figure
(a part: "six of whom", "In Spain alone"; an addition: "a further 230"; a running tally: "so
far") are ``scope.tsv`` rows with a position. The work is one pass over the sentence's tokens for
all its figures together: linear in the sentence, however many figures it holds.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
import functools
import re
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from ..records import Counted
from ..ruleset import load_language, phrase_regex
from .lemmas import concepts, fold, lemma, stop_words
from .lexicon import anchored, lexicon
from .text import _clause_marks, clause_bounds

__all__ = ["Reading", "read", "grammar"]

#: how many terms a figure keeps, nearest first
MAX_TERMS = 12
#: words farther than this from their figure are not its terms
MAX_DISTANCE = 10
#: weight of a word from a clause that holds no figure of its own (a fronted "In Spain alone,")
FAR_WEIGHT = 0.15
#: weight of a word of a clause with no figure that opens the sentence with a place's preposition
#: ("In technical schools, ... it stood at 76.2%"), for the figures of the next clause with any
#: (any such opening: "In a statement, ..." too)
FRONTED_WEIGHT = 0.4
#: the weight of a word of another clause of the sentence, one with no figure of its own, for a
#: duration or a clock time: how long or when something happened is often told across a comma
#: ("el granizo, con piedras de hasta cinco centímetros, cayó durante unos 20 minutos")
EVENT_WEIGHT = 0.1

#: the kinds whose figure, when no word of its own clause describes it, takes the words of the
#: sentence's other clauses: how long, when, and what was paid are often told across a comma.
#: Measured on the thirty gated sets, against none: 3,229 -> 3,266 of 5,477 conflicts found,
#: 1,083 -> 1,091 false flags (durations and clock times 3 more found, 2 fewer false flags;
#: amounts 34 and 10 more); counts would add 3 and 12 more, shares 15 and 26. These words come
#: before those a duration takes from the figure before it and an amount shares with its
#: conversion (``_bare_figures``, ``_share_conversions``: giving them only to a figure those leave
#: wordless found fewer conflicts and raised more false flags, measured while this was built), but
#: an amount in brackets that has only these takes the words of the amount it converts
#: (``told_across_only``), and a clock time that says when a count was taken takes none
#: (``lexicon.anchored``)
TOLD_ACROSS = frozenset({"duration", "time", "money"})


def told_across_only(counted: Counted) -> bool:
    """Whether a figure's only words are those its sentence's other clauses lent it
    (``TOLD_ACROSS``, at ``EVENT_WEIGHT``): an amount in brackets that has only those takes the
    words of the amount it converts instead (``extract._conversions_count_alike``)."""
    return bool(counted.weights) and all(w <= EVENT_WEIGHT for w in counted.weights)


def _weigh(weights: dict[str, float], senses: tuple[str, ...] | None, weight: float) -> None:
    """A far word's senses as terms of a figure at ``weight``, unless a nearer word gave them:
    not names, rates or sources, which say who or per what, not what."""
    for term in senses or ():
        if term[:1] != "@" and not term.startswith(("per:", "by:")) and term not in weights:
            weights[term] = weight


_TOKEN = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*|\d[\d.,:]*|[^\w\s]")
_UPPER = re.compile(r"[A-ZÁÉÍÓÚÑÜŁŚŻŹĆĘĄÓ]")
#: a year as a sentence names it (a figure of the sentence that looks like one is taken out by
#: whoever reads it: "1800 litrów", "(2030 GMT)", "2019 people")
YEAR = re.compile(r"(?<![\d.,:/])(1[89]\d\d|20\d\d)(?!\d|[.,:/]\d|\s*(?:%|proc))")
_NAME_BEFORE = re.compile(r"((?:[A-ZÁÉÍÓÚÑŁŚŻŹĆ][\w’'-]*\s+){1,3})$")
_LEADING_SMALL = re.compile(r"^(?:(?:In|At|From|On|The|En|El|La|Los|Las|W|We|Z|Ze|Na)\s+)+")
# a place named after a cue ("in Poland alone", "sólo en el Reino Unido", "solo en EE.UU."): up to
# three capitalised words, after at most one short lower-case word (an article)
_NAME_AFTER = re.compile(r"^\s*(?:[a-ząćęłńóśźżáéíóúñ]{1,3}\s+)?((?:[A-ZÁÉÍÓÚÑŁŚŻŹĆ][\w’'.-]*)(?:\s+[A-ZÁÉÍÓÚÑŁŚŻŹĆ][\w’'.-]*){0,2})")
_ABBREVIATION_END = re.compile(r"(?<=\w)\.(?=\s+[A-ZÁÉÍÓÚÑŁŚŻŹĆ][a-ząćęłńóśźżáéíóúñ])")
_POSSESSIVE = re.compile(r"['’]s$")
_AFTER_WORDS = r"^\s*(?:[^\W\d_][\w’'-]*\s+){0,2}?"


class Reading(NamedTuple):
    """What the reader found for one figure."""

    counted: Counted
    part: str | None  # of_them | place:<name>
    increment: bool
    running: bool
    year: str | None  # a year other than the publication year in the figure's clause ("in 1997")


@dataclass(frozen=True)
class Grammar:
    """One language's word classes and cues, compiled."""

    lang: str
    head_last: bool
    function: frozenset[str]
    links: tuple[tuple[str, ...], ...]  # word sequences, longest first
    per: tuple[tuple[str, ...], ...]
    rates: dict[str, str]  # word -> concept key of its unit
    weekdays: dict[str, int]  # weekday name (any form time.tsv lists) -> its number: "#weekday_5" in every language
    days: tuple[tuple[tuple[str, ...], int], ...] = ()  # "yesterday" -> -1: "#day_-1" in every language
    place: frozenset[str] = frozenset()  # prepositions that say where ("in", "en", "w"): a name after one is a place
    conj: frozenset[str] = frozenset()  # conjunctions that join two clauses' predicates ("and", "y", "i")
    partitive: re.Pattern[str] | None = None  # right after a count, makes it a part: "of the", "de los", "spośród"
    fronted_year: re.Pattern[str] | None = None  # a sentence that opens with a year after a preposition ("In 2019, ...")
    level: tuple[tuple[str, ...], ...] = ()  # verbs that give their subject's level: "rose to", "ascendió a", "wynosi"
    per_mode: dict[tuple[str, ...], str] = field(default_factory=dict)  # a rate word -> what may follow it (time, bare)
    opens: frozenset[str] = frozenset()  # words after which a reported clause's own subject starts ("said", "que", "że")
    whole: re.Pattern[str] | None = None  # between two counts, makes the second the whole of the first: "of", "de", "z"
    relative_year: re.Pattern[str] | None = None  # a year a relative clause is about: "December 2018, when ..."
    relative_after: re.Pattern[str] | None = None  # after a time's words, opens a clause about it: ", when", ", cuando"
    extent: frozenset[str] = frozenset()  # after "14m", a word that leaves it unread: "in", "below", "drop"
    dimension: frozenset[str] = frozenset()  # after "14m", a word that says a length: "high", "long" (metres)
    year_before: frozenset[str] = frozenset()  # words that lead to a year: "en", "desde", "w" ("2000 osób" is no year)
    verb_endings: tuple[str, ...] = ()  # endings of the verb forms that may follow a year ("fallecieron", "odrzuciło")
    infinitive: tuple[str, ...] = ()  # endings of a verb's dictionary form ("-ar", "-ć"): a lemma that is a verb
    gives: re.Pattern[str] | None = None  # words by which a body gives a figure: attribution.tsv's and class estimate
    on_day: frozenset[str] = frozenset()  # words that put a time on a weekday: "on", "el", "w"
    of_noun: frozenset[str] = frozenset()  # between a count's noun and a second count: "people from nine villages"
    relative_word: frozenset[str] = frozenset()  # opens a clause about the noun before it: "that", "donde", "który"
    modifiers: tuple[str, ...] = ()  # endings of an inflected adjective, which a noun follows ("nowych pracowników")
    plural_endings: tuple[str, ...] = ()  # endings of plural nouns that look like participles ("children", "firemen")
    later: re.Pattern[str] | None = None  # words of another time than a sentence's opening year: "this year", "hoy", "teraz"
    aside: re.Pattern[str] | None = None  # words that open an aside on a counted phrase: "many of them", "en su mayoría", "głównie"
    restate: re.Pattern[str] | None = None  # a comma and a word that gives the amount before it again: ", czyli", ", es decir,"
    restate_hedged: re.Pattern[str] | None = None  # ... only before a hedged amount: ", or about", ", o unos"
    restated_share: re.Pattern[str] | None = None  # from a count's end to a share that restates it ("lotes, es decir, un ")
    hedge_next: re.Pattern[str] | None = None  # a hedge of the figure right after it ("more than 18,000": ``hedges.tsv``)
    future: re.Pattern[str] | None = None  # a word that tells a clause's event is still to come: "will", "votará", "odbędzie"
    next_before: re.Pattern[str] | None = None  # right before a weekday, says the coming one: "next", "próximo", "przyszły"
    next_after: re.Pattern[str] | None = None  # ... right after it: "el martes que viene"
    clause_cut: re.Pattern[str] | None = None  # words that start a clause of its own inside a sentence: "that", "and", "que", "że"
    past_link: re.Pattern[str] | None = None  # words after which a day is before its clause's time: "since", "after", "tras"
    of_day: frozenset[str] = frozenset()  # right before a weekday, make it a day of a noun: "from", "del", "z"
    participle_endings: tuple[str, ...] = ()  # endings of a past participle: "arrested", "detenidos", "zatrzymanego"
    auxiliary: frozenset[str] = frozenset()  # between a future word and a participle, keeps the day its: "will be played"
    # month name (any form time.tsv lists) -> (its number, whether the language writes it with a
    # capital): "#month_5" in every language; "March" is the month, "a protest march" is not
    months: dict[str, tuple[int, bool]] = field(default_factory=dict)
    before: list[tuple[re.Pattern[str], str, str]] = field(default_factory=list)  # (pattern, field, value)
    after: list[tuple[re.Pattern[str], str, str]] = field(default_factory=list)
    clause: list[tuple[re.Pattern[str], str, str]] = field(default_factory=list)


#: between a count and a share that restates it: at most eight of the count's words (no clause
#: mark, no figure), a clause mark, a word that restates whatever follows it (grammar class
#: restate), maybe a comma and one short word ("36 de los 42 lotes, es decir, un 86%", "37 z 42
#: obiektów, czyli 88 proc."). (Measured on the forty-four sets: 5,339 -> 5,343 of 8,730
#: conflicts found, 1,316 -> 1,318 false flags; round 44, 120 -> 122 of 247, no more false flags.
#: With any clause mark and no such word, "— 18% —", "(el 42,7%)": 5,359 and 1,332, the share of
#: another predicate of the same noun as often as the count's own. A share said "of the" whole
#: after it, "28% of the 1.72 million cars", taking the whole's noun too: 5,348 and 1,319, and a
#: red-team review's two findings of one poll, "62% of the 2,000 adults polled support", "el 48% de
#: los 2.000 adultos encuestados cree", flagged as one)
_SHARE_ASIDE = r"(?:\s+[^\W\d_][\w'’.-]*){{0,8}}\s*[,(\u2013\u2014]\s*(?:{}),?\s*(?:[^\W\d_]{{1,3}}\s+)?"


@functools.lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    rules = load_language(lang)
    stop = set(stop_words(lang))
    head_last = True
    links: list[tuple[str, ...]] = []
    per: list[tuple[str, ...]] = []
    rates: dict[str, str] = {}
    content: set[str] = set()
    conj: set[str] = set()
    partitive: list[str] = []
    whole: list[str] = []
    days: list[tuple[tuple[str, ...], int]] = []
    place: set[str] = set()
    of_noun: set[str] = set()
    relative_word: set[str] = set()
    level: list[tuple[str, ...]] = []
    per_mode: dict[tuple[str, ...], str] = {}
    opens: set[str] = set()
    relative: list[str] = []
    extent: set[str] = set()
    dimension: set[str] = set()
    year_before: set[str] = set()
    verb_endings: set[str] = set()
    infinitive: set[str] = set()
    modifiers: set[str] = set()
    plural_endings: set[str] = set()
    later: set[str] = set()
    aside: set[str] = set()
    estimate: set[str] = set()
    on_day: set[str] = set()
    restate: set[str] = set()
    restate_hedged: set[str] = set()
    future: set[str] = set()
    future_inf: set[str] = set()
    future_endings: set[str] = set()
    past_link: set[str] = set()
    not_infinitive: set[str] = set()
    of_day: set[str] = set()
    participle_endings: set[str] = set()
    auxiliary: set[str] = set()
    next_day: list[tuple[str, str]] = []
    for r in rules.table("grammar.tsv"):
        word, cls = r["word"].lower(), r["class"]
        if cls == "head":
            head_last = word == "last"
        elif cls == "link":
            links.append(tuple(word.split()))
        elif cls == "per":
            per.append(tuple(word.split()))
            if r["value"]:
                per_mode[tuple(word.split())] = r["value"]
        elif cls == "rate":
            rates[word] = r["value"]
        elif cls == "function":
            stop.update(word.split())
        elif cls == "content":
            content.add(word)
        elif cls == "day":
            days.append((tuple(word.split()), int(r["value"])))
        elif cls == "place":
            place.add(word)
        elif cls == "conj":
            conj.add(word)
        elif cls == "partitive":
            partitive.append(word)
        elif cls == "whole":
            whole.append(word)
        elif cls == "level":
            level.append(tuple(word.split()))
        elif cls == "opens":
            opens.add(word)
        elif cls == "relative":
            relative.append(word)
        elif cls == "extent":
            extent.add(word)
        elif cls == "dimension":
            dimension.add(word)
        elif cls == "year_before":
            year_before.add(word)
        elif cls == "verb_ending":
            verb_endings.add(word)
        elif cls == "infinitive":
            infinitive.add(word)
        elif cls == "modifier_ending":
            modifiers.add(word)
        elif cls == "plural_ending":
            plural_endings.add(word)
        elif cls == "later":
            later.add(word)
        elif cls == "aside":
            aside.add(word)
        elif cls == "estimate":
            estimate.add(word)
        elif cls == "on_day":
            on_day.add(word)
        elif cls == "of_noun":
            of_noun.add(word)
        elif cls == "relative_word":
            relative_word.add(word)
        elif cls == "future":
            (future_inf if r["value"] == "infinitive" else future).add(word)
        elif cls == "future_ending":
            future_endings.add(word)
        elif cls == "past_link":
            past_link.add(word)
        elif cls == "not_infinitive":
            not_infinitive.add(word)
        elif cls == "of_day":
            of_day.add(word)
        elif cls == "participle_ending":
            participle_endings.add(word)
        elif cls == "auxiliary":
            auxiliary.add(word)
        elif cls == "next_day":
            next_day.append((word, r["value"]))
        elif cls == "restate":
            (restate_hedged if r["value"] == "hedged" else restate).add(word)
    for r in rules.table("scope.tsv"):
        if r["field"] in ("part", "increment", "running") and " " not in r["phrase"].strip():
            stop.add(r["phrase"].lower().rstrip("*"))  # a cue says its part in the scope, not as a term
    weekdays = {r["phrase"].lower(): int(r["value"]) for r in rules.table("time.tsv") if r["type"] == "weekday" and " " not in r["phrase"]}
    months = {r["phrase"].lower() for r in rules.table("time.tsv") if r["type"] == "month" and " " not in r["phrase"]}
    g = Grammar(lang, head_last, frozenset(stop - content), tuple(sorted(links, key=len, reverse=True)),
                tuple(sorted(per, key=len, reverse=True)), rates, weekdays, tuple(sorted(days, key=lambda d: -len(d[0]))), frozenset(place), frozenset(conj),
                _words_re(partitive, r"\s+(?:{})\s+[^\W\d_]"), _fronted_year(place, months),
                tuple(sorted(level, key=len, reverse=True)), per_mode, frozenset(opens),
                # the word of a whole, then at most one word ("of the", "of Spain's", "de sus", "z")
                whole=_words_re(whole, r"\s+(?:{})(?:\s+[^\W\d_][\w'’]*)?\s+"),
                # a year, its abbreviation ("2018 r."), a comma and a relative word: "December 2018, when"
                relative_year=_words_re(relative, r"(?<!\d)((?:1[89]|20)\d\d)(?:\s*r\.)?\s*,?\s+(?:{})\b"),
                relative_after=_words_re(relative, r"\s*,?\s+(?:{})\b"), extent=frozenset(extent), dimension=frozenset(dimension), year_before=frozenset(year_before),
                verb_endings=tuple(sorted(verb_endings)), infinitive=tuple(sorted(infinitive)),
                modifiers=tuple(sorted(modifiers)), plural_endings=tuple(sorted(plural_endings)), later=_words_re(later, r"(?<![^\W\d_])(?:{})(?![^\W\d_])"),
                aside=_words_re(aside, r"\s*(?:{})(?![^\W\d_])"),
                # (an attribution word that makes a rate, "per", gives no figure's source: "per cent")
                gives=_words_re(estimate | ({r["phrase"].lower() for r in rules.table("attribution.tsv")} - {" ".join(w) for w in per}),
                                r"(?<![^\W\d_])(?:{})(?![^\W\d_])"),
                on_day=frozenset(on_day), of_noun=frozenset(of_noun), relative_word=frozenset(relative_word),
                # all that stands between two amounts: a comma, the word, maybe a comma ("es decir,")
                restate=_words_re(restate, r"\s*,\s*(?:{}),?\s*$"),
                restate_hedged=_words_re(restate_hedged, r"\s*,\s*(?:{}),?\s*$"),
                restated_share=_words_re(restate, _SHARE_ASIDE),
                hedge_next=_words_re({r["phrase"].lower() for r in rules.table("hedges.tsv") if r["position"] == "before"},
                                     r"(?:{})\s+\d"),
                future=_future_re(future, future_endings, future_inf, infinitive, not_infinitive),
                next_before=_words_re([w for w, v in next_day if v != "after"], r"(?<![^\W\d_])(?:{})\s+$"),
                next_after=_words_re([w for w, v in next_day if v == "after"], r"\s+(?:{})(?![^\W\d_])"),
                clause_cut=_words_re(opens | conj, r"(?<![^\W\d_])(?:{})(?![^\W\d_])"),
                past_link=_words_re(past_link, r"(?<![^\W\d_])(?:{})(?![^\W\d_])"),
                of_day=frozenset(of_day), participle_endings=tuple(sorted(participle_endings)), auxiliary=frozenset(auxiliary),
                months={r["phrase"].lower(): (int(r["value"]), r["phrase"][:1].isupper()) for r in rules.table("time.tsv")
                        if r["type"] == "month" and " " not in r["phrase"] and r["phrase"][-1:].isalpha()})
    for r in rules.table("scope.tsv"):
        f = r["field"]
        if f not in ("part", "increment", "running"):
            continue
        pos = r.fields.get("position") or "clause"
        src = phrase_regex(r["phrase"])
        if pos == "before":
            g.before.append((re.compile(rf"{src}\s*,?\s*$", re.I), f, r["value"]))  # "Of them, six"
        elif pos == "after":
            g.after.append((re.compile(_AFTER_WORDS + src, re.I), f, r["value"]))
        elif pos == "next":  # the word right after the figure: "210 dodatkowych pracowników"
            g.after.append((re.compile(r"^\s*" + src, re.I), f, r["value"]))
        else:
            g.clause.append((re.compile(src, re.I), f, r["value"]))
    return g


def _phrase_at(toks: list[Any], owner: list[int], i: int, longest: int, shortest: int,
               look: Any) -> tuple[int, Any]:
    """The longest run of words from token ``i`` (``longest`` down to ``shortest`` words, none of
    them part of a figure) that ``look(size)`` knows: (its size, what it gave), or (0, None)."""
    for size in range(min(longest, len(toks) - i), shortest - 1, -1):
        if any(owner[i + j] >= 0 or toks[i + j].kind != "w" for j in range(size)):
            continue
        found = look(size)
        if found:
            return size, found
    return 0, None


def _country_of(words: list[str], lang: str) -> str | None:
    """The ISO code of a country named by these words as written, or by their lemmas."""
    known = countries(lang)
    return known.get(fold(" ".join(words))) or (
        known.get(" ".join(fold(lemma(w, lang)) for w in words)) if len(words) > 1 else None)


#: the prefixes of the terms that say when a figure was, not what it counts: a weekday, a month,
#: a day counted from the article's ("#weekday_6", "#month_5", "#day_-1"), the same in every language
WHEN = ("#weekday_", "#month_", "#day_")


@functools.lru_cache(maxsize=None)
def countries(lang: str) -> dict[str, str]:
    """Country names of ``lang`` (folded, one word or several) -> ISO 3166 code, from pycountry's
    names and translations, plus ``places.tsv`` for the short forms news uses ("UK", "EE.UU.")."""
    import gettext

    import pycountry

    tr = (lambda s: s) if lang == "en" else gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True).gettext
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for name in {c.name, getattr(c, "common_name", None) or c.name, getattr(c, "official_name", None) or c.name}:
            out.setdefault(fold(tr(name)), c.alpha_2)
            if lang == "en":
                out.setdefault(fold(name), c.alpha_2)
    for r in load_language(lang).table("places.tsv"):
        out[fold(r["name"])] = r["code"].upper()
        if " " not in r["name"]:
            out[fold(lemma(r["name"], lang))] = r["code"].upper()  # as the reader meets it: lemmatized
    return out


@functools.lru_cache(maxsize=None)
def peoples(lang: str) -> frozenset[str]:
    """The words of ``lang`` (folded, and lemmatized as the reader meets them) that name a
    country's people or are its adjective ("Polish", "polacos", "Polak"): ``places.tsv`` rows
    whose "names" is "people"."""
    out = set()
    for r in load_language(lang).table("places.tsv"):
        if r["names"] == "people":
            out.add(fold(r["name"]))
            if " " not in r["name"]:
                out.add(fold(lemma(r["name"], lang)))
    return frozenset(out)


#: a word as a country's name may be written ("EE.UU.", "Bośnia-Hercegowina")
NAME_WORD = re.compile(r"[^\W\d_][\w.-]*")


def country_keys(phrase: str, lang: str, lemmatize: bool = True) -> tuple[str, ...]:
    """The keys ``countries`` may know a name by, the likeliest first: as written, without the
    full stop of a sentence it ends ("from Denmark."), and lemmatized (``lemmatize``: one word,
    "w Polsce")."""
    bare = phrase.rstrip(".")
    keys = (fold(phrase), fold(bare))
    return keys + (fold(lemma(bare, lang)),) if lemmatize else keys


@functools.lru_cache(maxsize=4096)
def places_named(text: str, lang: str) -> frozenset[str]:
    """The ISO codes of the countries ``text`` names as places ("in Poland", "w Polsce", "el Reino
    Unido"), not those it names only through their people ("38 Polish tourists", "turistas
    polacos"): where something happened, not whose it is."""
    named = countries(lang)
    people = peoples(lang)
    words = [m.group() for m in NAME_WORD.finditer(text)]
    out = set()
    i = 0
    while i < len(words):
        size = 1
        for n in (3, 2, 1):  # a name of several words first ("Korea Południowa")
            phrase = " ".join(words[i : i + n])
            if i + n > len(words) or not phrase[:1].isupper():  # a name is capitalized in all three
                continue
            keys = country_keys(phrase, lang, lemmatize=n == 1)
            code = next((named[k] for k in keys if k in named), None)
            if code:
                if people.isdisjoint(keys):
                    out.add(code)
                size = n
                break
        i += size
    return frozenset(out)


@functools.lru_cache(maxsize=None)
def concepts_of_role(role: str) -> frozenset[str]:
    """The concepts ``roles.tsv`` gives a role, as terms: "source" -> "#police", "#organisers"...;
    "generic" -> "#figure", "#person"... (words for a figure or for people in general)."""
    from ..ruleset import load_shared

    return frozenset("#" + r["concept"] for r in load_shared().get("roles.tsv", []) if r["role"] == role)


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str
    kind: str  # w: word, d: digits, p: punctuation


def _tokens(s: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(s):
        t = m.group()
        c = t[0]
        kind = "d" if c.isdigit() else "w" if c.isalpha() else "p"
        out.append(_Tok(m.start(), m.end(), t, t.lower(), kind))
    return out


def _fronted_year(place: Iterable[str], months: Iterable[str]) -> re.Pattern[str] | None:
    """A sentence's opening preposition of place or time and its year, a month (and its day) may
    stand between: "In 2019", "In August 2023", "En agosto de 2023", "W sierpniu 2023 r."."""
    # (``_words_re`` fills the template's "{}" with the prepositions: its own braces are doubled)
    month = _alternation(months)
    between = r"(?:(?:\d{{1,2}}\.?\s+)?(?:" + month + r")\.?(?:\s+[^\W\d_]{{1,2}})?\s+)?" if month else ""
    return _words_re(place, r"\W*(?:{})\s+" + between + r"((?:1[89]|20)\d\d)\b")


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first (so a longer word wins)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _words_re(words: Iterable[str], template: str) -> re.Pattern[str] | None:
    """``template`` with its ``{}`` filled by an alternation of ``words`` (longest first),
    compiled case-insensitively; None when there are no words."""
    alt = _alternation(words)
    return re.compile(template.format(alt), re.I) if alt else None


def _future_re(words: Iterable[str], endings: Iterable[str], before_infinitive: Iterable[str] = (),
               infinitive: Iterable[str] = (), not_infinitive: Iterable[str] = ()) -> re.Pattern[str] | None:
    """The words of class future (group ``w``: "will", and "ma" of value infinitive when a verb's
    dictionary form follows it, "ma ruszyć", not a word of an ending of class not_infinitive,
    "ma większość", "ma pięć"), and any word of two letters or more before an ending of class
    future_ending ("votará", "habrán": group ``e``)."""
    alt = _alternation(words)
    inf = "|".join(re.escape(e) for e in sorted(infinitive, key=len, reverse=True))
    alt_inf = _alternation(before_infinitive) if inf else ""
    nots = "|".join(re.escape(e) for e in sorted(not_infinitive, key=len, reverse=True))
    noun = rf"(?![^\W\d_]*(?:{nots})(?![^\W\d_]))" if nots else ""
    ends = "|".join(re.escape(e) for e in sorted(endings, key=len, reverse=True))
    said = "|".join(x for x in (alt, rf"(?:{alt_inf})\s+{noun}[^\W\d_]+(?:{inf})" if alt_inf else "") if x)
    parts = ([rf"(?P<w>(?i:(?<![^\W\d_])(?:{said})(?![^\W\d_])))"] if said else []) + (
        [rf"(?P<e>(?<![^\W\d_])[^\W\d_]{{2,}}(?:{ends})(?![^\W\d_]))"] if ends else [])
    return re.compile("|".join(parts)) if parts else None


#: what ``weekday_ahead`` says of a weekday: the last one on or before the article's day (news
#: tells the past), the coming one from that day on ("will vote on Tuesday"), or the coming one
#: after it ("next Tuesday")
LAST, COMING, NEXT = 0, 1, 2
#: how many words may stand between a word of the future and the weekday after it, the day's
#: preposition included ("will begin in Oviedo at 8.27pm on Wednesday"; not "will cover damage
#: caused by the storm on Sunday", whose day is the storm's)
FUTURE_REACH = 6


@functools.lru_cache(maxsize=4096)
def weekday_ahead(lang: str, s: str, start: int, end: int) -> int:
    """Which Tuesday the weekday at ``s[start:end]`` names (``LAST``, ``COMING``, ``NEXT``). NEXT
    when a word of class next_day stands next to it ("next Tuesday", "el próximo martes", "el
    martes que viene", "w przyszły wtorek"). COMING when a word of class future stands in its
    clause before it, at most ``FUTURE_REACH`` words away ("The vote will be held on Tuesday", "el
    pleno votará el martes", "Głosowanie odbędzie się we wtorek"; an ending counts in a word in
    lower case only, so a name such as "Durán" is no verb), or after a day that opens its clause
    ("On Tuesday, the council will vote", "We wtorek rada ma zatwierdzić"), or in a clause about
    the day ("comes on Sunday, when the parade is due to start"). Not a future word after a day
    inside its clause ("The man who died on Sunday will be buried", "said in a statement on
    Monday it will cut"), nor one far before it ("will release the names of the victims killed
    on Sunday"), nor one before a word that opens a clause of its own or links to an earlier time
    (classes opens, conj, past_link: "that", "said", "and", "after", "que", "tras", "że": "Shares
    will open lower after a 3% drop on Tuesday"), nor for a possessive day ("Saturday's storm"),
    nor right after a word of reporting ("said on Monday")."""
    g = grammar(lang)
    if (g.next_before and g.next_before.search(s, max(0, start - 30), start)) or (g.next_after and g.next_after.match(s, end)):
        return NEXT
    if g.future is None or s[start:end].endswith(("'s", "’s")) or s[end:end + 2] in ("'s", "’s"):
        return LAST
    before = s[max(0, start - 40):start].split()
    if before and before[-1].lower() in g.of_day:
        return LAST  # a day of a noun: "el accidente del domingo", "wypadku z soboty", "footage from Saturday"
    if g.gives is not None:
        said = [m for m in g.gives.finditer(s, max(0, start - 40), start)]
        if said and s[said[-1].end():start].strip().lower() in g.on_day | {""}:
            return LAST
    left, right = clause_bounds(s, start, end)
    cuts = [m.end() for m in g.clause_cut.finditer(s, left, start)] if g.clause_cut is not None else []
    left = max(cuts, default=left)
    linked = list(g.past_link.finditer(s, left, start)) if g.past_link is not None else []
    if linked and s[linked[-1].end():start].strip().lower() in g.on_day | {""}:
        return LAST  # "since Friday", "tras el lunes"
    spans = [(linked[-1].end() if linked else left, start)]
    # a day that opens its clause ("We wtorek rada ma zatwierdzić", "y el martes lo hará el
    # Senado", "; el jueves se conocerá"), or its sentence, alone before a comma ("On Tuesday, the
    # council will vote"); not one set off by commas inside it ("The club, which sacked its
    # manager, Tom Reid, on Monday, will ...", "Col. Baquerizo, on Monday, is due to ...")
    starts = not linked and len(s[left:start].split()) <= 1
    alone = len(s[end:right].split()) <= 1  # the day and its preposition all its clause holds
    first = left == 0 or bool(cuts) or not s[:left].strip(" \"“„«'‘")
    if starts and (first or not alone):
        spans.append((end, _first_cut(g, s, end, right)))
    if right < len(s) and ((starts and alone and first) or (g.relative_after and g.relative_after.match(s, end))):
        spans.append((right, _first_cut(g, s, right + 1, clause_bounds(s, right + 1, right + 1)[1])))
    # the word before the day's preposition, when it is a participle: the day of what it says happened
    # ("the driver arrested on Saturday"), unless the future word is its own, right before it or
    # before an auxiliary ("zostanie przeprowadzone w sobotę", "will be played on Sunday")
    words = s[spans[0][0]:start].split()
    tail = [i for i in (-3, -2) if len(words) >= -i and words[-1].lower() in g.on_day
            and words[i].lower().endswith(g.participle_endings) and len(words[i]) >= 4]  # ("handed down on")
    for k, (a, b) in enumerate(spans):
        for m in g.future.finditer(s, a, b):
            between = s[m.end():start].split()
            # the participle's place among the words between: right after the future word, or
            # after an auxiliary ("permanecerá cerrado hasta el viernes", "will be played on")
            at = len(between) + tail[0] if tail and len(between) >= -tail[0] else -1
            if k == 0 and (len(between) > FUTURE_REACH
                           or (at > 0 and not (at == 1 and between[0].lower() in g.auxiliary))):
                continue  # said of a noun after it: "will release the names of the victims killed on Sunday"
            if m.groupdict().get("w") or m.group()[:1].islower():  # (an ending only in lower case)
                return COMING
    return LAST


def _first_cut(g: Grammar, s: str, start: int, end: int) -> int:
    """Where the first word that opens a clause of its own, or a word of reporting, stands in
    ``s[start:end]`` ("On Monday, the minister announced 300 soldiers will ..."), else ``end``."""
    found = [m.start() for cut in (g.clause_cut, g.gives) if cut is not None for m in [cut.search(s, start, end)] if m]
    return min(found, default=end)


def _seq_at(toks: list[_Tok], i: int, seqs: tuple[tuple[str, ...], ...]) -> int:
    """Length of the first word sequence of ``seqs`` that starts at token ``i`` (0: none)."""
    for seq in seqs:
        n = len(seq)
        if i + n <= len(toks) and all(toks[i + j].low == seq[j] for j in range(n)):
            return n
    return 0


def _seq_before(toks: list[_Tok], i: int, seqs: tuple[tuple[str, ...], ...]) -> int:
    """Length of the first word sequence of ``seqs`` that ends at token ``i - 1`` (0: none)."""
    for seq in seqs:
        n = len(seq)
        if i - n >= 0 and all(toks[i - n + j].low == seq[j] for j in range(n)):
            return n
    return 0


#: how far before a year or a period cue a word of comparison may stand to make it the
#: comparison's base ("than in the same period of 2024", "from the previous year"): far enough
#: for the base's own words, no farther
BASE_REACH = 32


def may_state_change(kind: str, changed: bool) -> bool:
    """Whether a figure may state a change: a change word reads with it ("up 8%"), or it is a
    percentage ("to fall by about 45% from last year"), which news gives of changes far more
    often than of a thing that comes from somewhere."""
    return changed or kind == "percent"


#: how far into a period cue a word of change_base may run ("on a year" in "up 6.8% on a year earlier")
CUE_OVERLAP = 12


def compared_with(s: str, lo: int, at: int, base: re.Pattern[str] | None, change_base: re.Pattern[str] | None,
                  of_change: bool) -> bool:
    """Whether a word of comparison stands after ``lo`` (a figure's end) and at most
    ``BASE_REACH`` before ``at`` (a year or a period cue): then what stands at ``at`` is what the
    figure is compared with ("2.7% fewer than in 2015"); a word of ``change_base`` ("from") only
    for a figure that may state a change (``of_change``: "up 8% from 2023", not "2,000 people from
    their homes in 2019")."""
    lo = max(lo, at - BASE_REACH)
    if base is not None and base.search(s, lo, at):
        return True
    if not of_change or change_base is None:
        return False
    # a word of change_base may run into the cue's first words ("up 6.8% on a year earlier", "on
    # the same week last year"): it need only start before the cue
    m = change_base.search(s, lo, min(len(s), at + CUE_OVERLAP))
    return m is not None and m.start() < at


def read(lang: str, s: str, spans: list[tuple[int, int, str]], published: str | None,
         context: list[list[tuple[int, int]]] | None = None, since: re.Pattern[str] | None = None,
         until: re.Pattern[str] | None = None, units: list[str | None] | None = None,
         base: re.Pattern[str] | None = None, values: list[Any] | None = None,
         change_base: re.Pattern[str] | None = None, changes: list[bool] | None = None) -> list[Reading]:
    """A ``Reading`` for each figure of sentence ``s``: ``spans`` are the figures' (start, end, kind),
    in the sentence; ``context`` the spans of each figure's clause (its clause, and a fronted
    subordinate clause) where clause cues and years are looked for; ``since`` the language's
    "since" words (a year right after one starts a running count, it does not date the figure);
    ``until`` its deadline words (a year right after one is a deadline: it dates no figure);
    ``units`` each figure's unit (an amount and its conversion into another currency share words);
    ``base`` its words of comparison (a year after one dates what a figure before it is compared
    with, not the figure: "2.7% fewer than in 2015", "92.4%, down from 97.1% in 2015"), and
    ``change_base`` such words for percentages and the figures ``changes`` marks as read with a
    change word ("up 38% from 2023", not "2,000 people from their homes in 2019"); ``values``
    each figure's value (a part is no larger than its whole: "120 z 15 budynków" is 120 from 15
    buildings)."""
    g = grammar(lang)
    cx = concepts(lang)
    sources = concepts_of_role("source")
    toks = _tokens(s)
    n = len(toks)
    starts = [t.start for t in toks]
    # clause number of each token: clause marks cut the sentence
    # clause marks, and a period the sentence splitter kept because an abbreviation ends with it
    # ("spadł o 8,3 proc. Infolinia przyjęła..."): before a capital it ends a clause here
    marks = tuple(sorted(_clause_marks(s) + tuple((m.start(), m.end()) for m in _ABBREVIATION_END.finditer(s))))
    mark_ends = [b for _, b in marks]
    clause = [bisect.bisect_right(mark_ends, t.start) for t in toks]
    clause_starts = [0] + mark_ends + [len(s)]
    # which figure each token belongs to (-1: none)
    owner = [-1] * n
    fig_tok: list[tuple[int, int]] = []
    for fi, (a, b, _kind) in enumerate(spans):
        lo = bisect.bisect_left(starts, a)
        hi = bisect.bisect_left(starts, b)
        while lo > 0 and toks[lo - 1].end > a:
            lo -= 1
        for k in range(lo, hi):
            owner[k] = fi
        fig_tok.append((lo, max(lo, hi - 1)))
    # content words and their concepts (a phrase of the table may span function words: "on board")
    terms: list[tuple[str, ...] | None] = [None] * n
    is_name = [False] * n
    skip = [False] * n
    long_links = tuple(x for x in g.links if len(x) > 1)
    for k in range(n) if long_links else ():  # a link of several words ("w wysokości", amounting to) is no counted word
        size = _seq_at(toks, k, long_links)
        for j in range(k, k + size):
            skip[j] = True
    for pat, _f, _v in g.before + g.after + g.clause:
        for m in pat.finditer(s):  # a cue ("so far", "a further") says its part in the scope, not as a term
            a0 = m.start() + len(m.group()) - len(m.group().lstrip())
            for k in range(bisect.bisect_left(starts, a0), bisect.bisect_left(starts, m.end())):
                if owner[k] < 0:
                    skip[k] = True
    i = 0
    while i < n:
        t = toks[i]
        if owner[i] >= 0 or t.kind != "w" or skip[i]:
            i += 1
            continue
        hit = 0
        for seq, offset in g.days:
            if _seq_at(toks, i, (seq,)) and not any(owner[i + j] >= 0 for j in range(len(seq))):
                terms[i] = (f"#day_{offset}",)
                for j in range(1, len(seq)):
                    skip[i + j] = True
                hit = len(seq)
                break
        if hit:
            i += hit
            continue
        if _UPPER.match(t.text):  # a country of several words ("Reino Unido") or in capitals ("US")
            hit, code = _phrase_at(toks, owner, i, 3, 1 if t.text.isupper() and len(t.text) > 1 else 2,
                                   lambda size: _country_of([toks[i + j].text for j in range(size)], lang))
            if hit:
                terms[i] = ("@country:" + code,)
                is_name[i] = True
        if not hit:
            hit, keys = _phrase_at(toks, owner, i, cx.longest, 2,
                                   lambda size: cx.multi.get(tuple(lemma(toks[i + j].text, lang) for j in range(size))))
            if hit:
                terms[i] = tuple("#" + k for k in keys)
        if hit:
            for j in range(1, hit):
                skip[i + j] = True
            i += hit
            continue
        if t.low in g.rates:
            terms[i] = ("per:#" + g.rates[t.low],)
        elif t.low in g.weekdays or _POSSESSIVE.sub("", t.low) in g.weekdays:
            # "#weekday_+2": the coming Tuesday, "#weekday_++2": the next (``weekday_ahead``)
            ahead = "+" * weekday_ahead(lang, s, t.start, t.end)
            terms[i] = (f"#weekday_{ahead}{g.weekdays.get(t.low) or g.weekdays[_POSSESSIVE.sub('', t.low)]}",)
        elif t.low in g.months and (t.text[:1].isupper() or not g.months[t.low][1]):
            terms[i] = (f"#month_{g.months[t.low][0]}",)
        elif t.low not in g.function and len(t.low) > 1:
            lem = lemma(t.text, lang)
            keys = cx.of(lem, t.text)
            if not keys and "-" in t.text:  # "intensive-care": the words of a compound, as a phrase of the table
                keys = cx.multi.get(tuple(lemma(p, lang) for p in t.text.split("-") if p), ())
            country = countries(lang).get(fold(lem)) if not keys else None
            if country:
                terms[i] = ("@country:" + country,)
                is_name[i] = True
            elif keys:
                terms[i] = tuple("#" + k for k in keys)
            elif _UPPER.match(t.text) and i > 0 and toks[i - 1].kind != "p":
                country = countries(lang).get(fold(lem)) or countries(lang).get(fold(t.text))
                if country:
                    terms[i] = ("@country:" + country,)
                elif toks[i - 1].low in g.place:
                    # "in Madrid", "w Warszawie", "en San Sebastián": a place, named by its words
                    size = 1
                    while (size < 3 and i + size < n and owner[i + size] < 0 and toks[i + size].kind == "w"
                           and _UPPER.match(toks[i + size].text)):
                        size += 1
                    terms[i] = ("@place:" + "_".join(fold(lemma(toks[i + j].text, lang)) for j in range(size)),)
                    for j in range(1, size):
                        skip[i + j] = True
                        is_name[i + j] = True
                    is_name[i] = True
                    i += size
                    continue
                else:
                    terms[i] = ("@" + fold(_POSSESSIVE.sub("", lem)),)  # "Altavía's": the name
                is_name[i] = True
            elif lem not in g.function:
                terms[i] = (f"{lang}:{lem}",)
        i += 1
    # per phrases: the noun after "per", "por", "za" is a rate
    for i in range(n):
        if terms[i] is None or owner[i] >= 0:
            continue
        k = _seq_before(toks, i, g.per)
        if k and toks[i - k].kind == "w":
            if toks[i - k].low != "per" and not _right_after_figure(toks, owner, i - k, g.function):
                continue  # "atendidas por inhalación", "zwrot za bilet": not a rate; only "per" is one anywhere
            mode = g.per_mode.get(tuple(x.low for x in toks[i - k : i]))
            if mode == "time" and not any(t in _TIME_UNITS for t in terms[i]):
                continue  # "1.140 muertes al calor": "al" makes a rate of a unit of time only ("al día")
            if mode == "bare" and not _bare_singular(toks[i], lang, terms[i]):
                continue  # "una multa por deficiencias", "za czerwcową awarię": a cause, not a rate
            terms[i] = tuple("per:" + x for x in terms[i])
    # share the content words out: each to the nearest figure of its clause (ties: the figure before it);
    # a word of a clause without figures goes to the nearest figure with less weight, at full weight
    # when that figure's own clause has no word of its own ("odszkodowanie – po 12 tys. euro")
    order = [fi for fi, (a, b, kind) in enumerate(spans) if kind != "date"]
    assign: list[tuple[int, float]] = [(-1, 0.0)] * n  # (figure, weight)
    word_index = [0] * n  # words (and digits) before each token: distances skip punctuation
    c = 0
    for k in range(n):
        word_index[k] = c
        if toks[k].kind != "p":
            c += 1
    fig_clause = {fi: clause[fig_tok[fi][0]] for fi in order}
    clauses_with_figures = set(fig_clause.values())
    # an aside on a counted phrase, between commas ("Thirty-two people, many of them children on
    # a ski trip, were taken to hospital"): the clause after it is the phrase's own, its words
    # as near as if the aside were not there
    clause_kinds: dict[int, set[str]] = defaultdict(set)
    last_of_clause: dict[int, int] = {}
    for fi in order:
        clause_kinds[fig_clause[fi]].add(spans[fi][2])
        last_of_clause[fig_clause[fi]] = fi
    figs = {c: fig_tok[fi] for c, fi in last_of_clause.items()}
    share_clause, word_index = _past_asides(s, g, toks, starts, clause, clause_starts, marks, clause_kinds, figs, word_index)
    content = [terms[k] is not None and not skip[k] and owner[k] < 0 for k in range(n)]
    clause_words: dict[int, int] = defaultdict(int)
    for k in range(n):
        if content[k]:
            clause_words[share_clause[k]] += 1
    bare = {fi for fi in order if clause_words.get(fig_clause[fi], 0) == 0}
    # the nearest figure before and after each token (one sweep each way: linear in the sentence)
    left = [-1] * n
    right = [-1] * n
    last = -1
    ends = {fig_tok[fi][1]: fi for fi in order}
    begins = {fig_tok[fi][0]: fi for fi in order}
    for k in range(n):
        left[k] = last
        if k in ends:
            last = ends[k]
    last = -1
    for k in range(n - 1, -1, -1):
        right[k] = last
        if k in begins:
            last = begins[k]
    generic = concepts_of_role("generic")  # words for people or figures in general ("people", "personas")
    conj_at = [0] * n  # conjunctions joining predicates met before each token
    c = 0
    for k in range(n):
        if toks[k].low in g.conj and owner[k] < 0:
            c += 1
        conj_at[k] = c
    for k in range(n):
        if not content[k]:
            continue
        best: tuple[int, int, int, int] | None = None  # (distance, a count first, after-figure first, figure)
        # past an aside, the figure before it is the one its clause's words may be said of
        before = last_of_clause[share_clause[k]] if share_clause[k] != clause[k] else left[k]
        for fi, after in ((before, 0), (right[k], 1)):
            if fi < 0:
                continue
            lo, hi = fig_tok[fi]
            same = fig_clause[fi] == share_clause[k]
            if not same and share_clause[k] in clauses_with_figures:
                continue
            d = max(0, word_index[k] - word_index[hi] - 1) if after == 0 else max(0, word_index[lo] - word_index[k] - 1)
            if after and left[k] >= 0 and fig_clause[left[k]] == share_clause[k] and conj_at[k] != conj_at[lo]:
                # "Half a dozen are still missing | and 40,000 were evacuated": a word before the
                # conjunction is said of the figure before it
                d += MAX_DISTANCE
            if after and left[k] >= 0 and fig_clause[left[k]] == share_clause[k] and lo > k + 1 \
                    and toks[lo - 1].low in g.place and owner[lo - 1] < 0 \
                    and (spans[fi][2] in ("time", "duration") or (spans[fi][2] == "count" and hi + 1 < n and owner[hi + 1] < 0
                                                          and terms[hi + 1] is not None
                                                          and generic.isdisjoint(terms[hi + 1]))):
                # "18 people had been arrested | in six countries": a time, a span or a count of
                # things of its own (not of people: "put the death toll at 23 people") after a
                # preposition of place says where or when; the words before the preposition are
                # said of the figure before ("estimated the crowd at 15,000" keeps its crowd)
                d += MAX_DISTANCE
            if not same and not (fi in bare and abs(fig_clause[fi] - share_clause[k]) == 1):
                d += MAX_DISTANCE
            # a tie between a count and another figure ("at 3:40 a.m. injured five rescuers"):
            # the word is the count's, a clock time or an amount is less often what it describes
            key = (d, 0 if spans[fi][2] == "count" else 1, after, fi)
            if best is None or key < best:
                best = key
        if best is None:
            continue
        d, _, _, fi = best
        if d > 2 * MAX_DISTANCE:
            continue
        w = FAR_WEIGHT if d >= MAX_DISTANCE else 1.0 / (1.0 + 0.5 * d)
        assign[k] = (fi, round(w, 2))
    # "The death toll from the collapse of the bridge rose to 12": a figure a verb gives as the
    # level of its clause's subject counts that subject, however far it stands
    subject: dict[int, list[int]] = {}
    for fi in order if g.level else ():
        size = _seq_before(toks, fig_tok[fi][0], g.level)
        if size:
            run = _subject(toks, terms, owner, skip, is_name, clause, g, fig_tok[fi][0] - size, sources)
            nxt = fig_tok[fi][1] + 1
            # its own noun right after it ("Rescuers reached 12 survivors", "wzrosła do 21 osób"):
            # the subject only describes it, as a word near it does
            own_noun = nxt < n and owner[nxt] < 0 and terms[nxt] is not None and not skip[nxt]
            if run and not own_noun:
                subject[fi] = run
            for k in run:
                assign[k] = (fi, 0.5 if own_noun else 1.0)
    owned: dict[int, list[int]] = defaultdict(list)
    for k in range(n):
        if assign[k][0] >= 0:
            owned[assign[k][0]].append(k)
    told_of = _told_of_the_first(toks, terms, owner, skip, spans, fig_tok, clause, owned, assign, content, g)
    # cues and years, found once per sentence; each figure looks up the ones in its spans
    clause_cues = sorted((m.start(), m.end(), f, value, pat) for pat, f, value in g.clause for m in pat.finditer(s))
    cue_starts = [x[0] for x in clause_cues]
    # a year is no figure of the sentence ("1800 litrów", "(2030 GMT)" are an amount and a clock)
    years = [m for m in YEAR.finditer(s) if not any(fa <= m.start() < fb and fk != "date" for fa, fb, fk in spans)]
    # a sentence that opens with a year after a preposition of place or time ("In 2023, ...",
    # "En 2019, ...", "W 2019 r. ...") is about that year, whatever clauses follow
    fronted_year = g.fronted_year.match(s) if g.fronted_year else None
    relative_years = list(reversed(list(g.relative_year.finditer(s)))) if g.relative_year else []  # the last before a figure first
    year_starts = [m.start() for m in years]
    # a sentence that opens with a place's preposition in a clause with no figure ("In technical
    # schools, which combine ..., it stood at 76.2%"; "W technikach, z których ..., odsetek ten
    # wyniósł 76,2 proc."): where the figures of the next clause that has any were counted,
    # however far (not a later clause's: "In Madrid, 40 died, while in Seville 12 died")
    fronted = [k for k in range(n) if clause[k] == clause[0] and content[k]] \
        if n and toks[0].low in g.place and clause[0] not in clauses_with_figures else []
    fronted_to = min((c for c in clauses_with_figures if c > clause[0]), default=-1) if fronted else -1
    out: list[Reading] = []
    pub_year = published[:4] if published else None
    prev_hi = -1  # the last token of the figure before (sources are named since it)
    gave = False  # the figure before was given by a body a word of reporting or estimating named
    for fi, (a, b, kind) in enumerate(spans):
        if kind == "date":
            out.append(Reading(Counted(), None, False, False, None))
            continue
        lo, hi = fig_tok[fi]
        mine = owned.get(fi, [])
        run = [k for k in _run(toks, terms, owner, skip, g, lo, hi, kind) if clause[k] == clause[lo] or clause[k] == clause[hi]]
        if fi in subject and (not run or run[0] < lo):
            run = subject[fi]  # the subject rather than the verb's own words before the figure
        if run and all(toks[k].low in g.function for k in run):
            run = []  # function words alone say nothing it counts ("de ellos", "of them", "w tym", "ya son")
        head = None
        hk = -1
        if run:
            hk = run[-1] if g.head_last else run[0]
            head = lemma(toks[hk].text, lang)
        weights: dict[str, float] = {}
        words = [(k, assign[k][1]) for k in mine] + told_of.get(fi, [])
        words += [(k, FRONTED_WEIGHT) for k in fronted] if fig_clause[fi] == fronted_to else []
        for k, weight in words:
            senses = terms[k] or ()
            for term in senses:
                w = round(weight / len(senses) ** 0.5, 2)  # an ambiguous word shares its weight among its senses
                if weights.get(term, -1.0) < w:
                    weights[term] = w
        if kind in ("duration", "time"):
            # how long or when something happened is said of the clause's event, whichever figure
            # is nearer its words ("empezaron a sacrificar a las aves a las 6.00 y tardaron 36
            # horas"): the clause's other words, far; and the words of the sentence's clauses
            # that hold no figure, farther still
            for k in range(n):
                own = clause[k] == clause[lo]
                if content[k] and assign[k][0] != fi and (own or clause[k] not in clauses_with_figures):
                    _weigh(weights, terms[k], FAR_WEIGHT if own else EVENT_WEIGHT)
        if not weights and kind in TOLD_ACROSS and not (kind == "time" and anchored(lexicon(lang), s, a)):
            # nothing in its clause says what it measures ("Płatności przywrócono o godz. 18.05,
            # czyli po niemal 10 godzinach"; "la multa, de 200.000 zlotys"): the words of the
            # sentence's other clauses, those of its other figures too, at the least weight; not a
            # clock time that says when the sentence's count was taken ("As of 6:37 p.m., the event
            # had about 200,000 listeners"): it is that count's moment, nothing of its own
            for k in range(n):
                if content[k] and assign[k][0] != fi:
                    _weigh(weights, terms[k], EVENT_WEIGHT)
        spans_ = _cue_spans(s, clause_starts, clause[lo], clauses_with_figures)
        if not any(t.startswith("@country:") for t in weights):
            # "En España, el grupo cerrará 44 de sus 109 tiendas": a country named after a
            # preposition of place in the figure's clause (or a fronted clause with no figure)
            # is every figure's there, not only the nearest one's; not when the clause names two
            named = {t for ca, cb in spans_ for k in range(bisect.bisect_left(starts, ca), bisect.bisect_left(starts, cb))
                     if k > 0 and (toks[k - 1].low in g.place or (k > 1 and toks[k - 2].low in g.place and toks[k - 1].low in g.function))
                     for t in terms[k] or () if t.startswith("@country:")}  # "in (the) UK", "en (el) Reino Unido"
            if len(named) == 1:
                weights[next(iter(named))] = FAR_WEIGHT
        found = [x for ca, cb in spans_ for x in clause_cues[bisect.bisect_left(cue_starts, ca):bisect.bisect_left(cue_starts, cb)]
                 if x[1] <= cb]
        # a place's or a time's part named after another figure is that figure's ("31,870 thefts
        # last year and a further 5,960 in January alone": not the 31,870's)
        found = [x for x in found if not (x[2] == "part" and x[3].startswith("place_") and x[0] >= b
                                          and any(b <= o[0] < x[0] and o[2] != "date" for o in spans))]
        part, increment, running = _cues(g, s, a, b, kind, found, spans_, lang)
        if part is None and kind == "count" and fi and spans[fi - 1][2] == "count" and g.whole is not None \
                and g.whole.fullmatch(s, spans[fi - 1][1], a) and not _larger(values, fi - 1, fi):
            part = "whole"  # "1,180 of the roughly 1,400 flights", "44 de sus 109 tiendas": the whole a part is of
        if part == "among":
            # "Entre los heridos hay 19 británicos y 13 polacos": the whole each part is among
            # ("los heridos") says what happened to every part of it, however far
            cue_end = max(end for start, end, f, value, _ in found if f == "part" and value == "among" and end <= a)
            for k in range(bisect.bisect_left(starts, cue_end), lo):
                if owner[k] >= 0:
                    break
                for term in (terms[k] or ()) if not skip[k] else ():
                    weights[term] = max(weights.get(term, 0.0), 0.5)
        head_terms = set(terms[hk] or ()) if hk >= 0 and assign[hk][0] == fi else set()
        # the head of the counted noun first (``terms[0]`` when ``text`` is set), then by weight
        ranked = sorted(weights.items(), key=lambda kv: (kv[0] not in head_terms, -kv[1], kv[0]))[:MAX_TERMS]
        run_set = set(run)
        role_toks = [k for k in mine if k not in run_set and share_clause[k] == share_clause[lo] and not is_name[k]]
        # who gives the figure: a body named since the previous figure ("Police estimated the crowd at
        # 85,000, while the organisers ... put it at 250,000"; "Według policji ... 85 tys."), when a
        # word of reporting or estimating stands there or in the rest of the figure's clause: a body
        # named otherwise is what the figure is about ("220 police officers, supported by 140
        # private guards"; "the organiser has hired 1,400 guards"), not who gives it
        by = sorted({"by:" + t for k in range(prev_hi + 1, lo) for t in terms[k] or () if t in sources})
        if by and not (gave and lo - prev_hi <= SHARED_VERB):
            # (a body right after another's figure may share its verb: "Police put it at 40,000,
            # organisers at 120,000"); the window ends at the next figure, or at the next body
            # named: its words are its own
            nxt = fig_tok[fi + 1][0] if fi + 1 < len(fig_tok) else n
            nxt = next((k for k in range(hi + 1, nxt) if any(t in sources for t in terms[k] or ())), nxt)
            if not _gives(s, toks, clause, prev_hi + 1, hi, nxt, g):
                by = []
        gave = bool(by)
        prev_hi = max(prev_hi, hi)
        counted = Counted(
            text=" ".join(toks[k].text for k in run) or None,
            lemma=" ".join(lemma(toks[k].text, lang) for k in run) or None,
            head=head,
            role=" ".join(toks[k].text for k in role_toks) or None,
            role_lemma=" ".join(lemma(toks[k].text, lang) for k in role_toks) or None,
            terms=tuple(t for t, _ in ranked) + tuple(by),
            weights=tuple(w for _, w in ranked) + tuple(1.0 for _ in by),
        )
        year = None
        near: int | None = None  # how far the year taken is from the figure: the nearest in its clause dates it
        for ca, cb in spans_:
            for m in years[bisect.bisect_left(year_starts, ca):bisect.bisect_left(year_starts, cb)]:
                if pub_year and m.group(1) >= pub_year:
                    continue  # this year, or a year to come: a plan's horizon, not a past period
                if since and since.search(s, max(0, m.start() - 24), m.start()) and a < m.start():
                    continue  # "the worst since 1997": a start, for a figure before it
                if _since_year(s, m, since, g.place) and not (g.relative_year and g.relative_year.match(s, m.start())):
                    # "since 2015 the EU has channelled €465 million": the start of a running count,
                    # for a figure after it too; "since 1997, when 56 died" dates the 56
                    continue
                if until and until.search(s, max(0, m.start() - 24), m.start()):
                    continue  # "by the end of 2027": a deadline, whatever the figure
                if b <= m.start() and compared_with(s, b, m.start(), base, change_base,
                                                    may_state_change(kind, bool(changes and changes[fi]))):
                    continue  # "2.7% fewer than in 2015": the year of what the figure is compared with
                gap = a - m.end() if m.end() <= a else m.start() - b
                if near is None or gap < near:  # "fined €180,000 in 2019 and €54,000 in 2022"
                    year, near = m.group(1), gap
            if year:
                break
        if year is None and fronted_year and fronted_year.end() <= a and not (pub_year and fronted_year.group(1) >= pub_year) \
                and not any(fronted_year.end() <= m.start() < a for m in years) \
                and not (g.later is not None and g.later.search(s, max(fronted_year.end(), clause_starts[clause[lo]]), a)):
            # "In 2023, when ..., 69 runners needed treatment": the whole sentence's year, up to
            # another year it names ("En febrero de 2024 ..., y a finales de 2023 ... 12 días") or
            # words of another time in the figure's own clause ("In May 2024, ..., and this year
            # 450 have left"; not an aside before it: "..., a record that still stands today, and
            # killed 40")
            year = fronted_year.group(1)
        if year is None:
            # "memories of December 2018, when drones halted flights for 33 hours, affecting 1,000
            # flights": the relative clause and the clauses after it are about that year (not
            # "since 2018, when": a running count from then)
            rel = next((m for m in relative_years if m.end() <= a), None)
            # (not a figure its own words date to a day: "today the airport handles 4,000 flights")
            if rel and not (pub_year and rel.group(1) >= pub_year) and not _since_year(s, rel, since, g.place) \
                    and not any(t.startswith(WHEN) for t in weights):
                year = rel.group(1)
        if part in ("of_them", "among"):
            # "including 170 in Italy": a part that names its place is that place's part (a place
            # named after a preposition of place: "14 Polish students" are not Poland's part)
            placed = {t for k in mine if k > 0 and toks[k - 1].low in g.place for t in terms[k] or ()}
            place = next((t for t, w in ranked if w >= 0.3 and t in placed and t.startswith(("@country:", "@place:"))), None)
            if place:
                part = "place:" + place.split(":", 1)[1]
        out.append(Reading(counted, part, increment, running, year))
    _parts_count_the_whole(spans, out)
    _parts_before_their_whole(spans, out)
    _share_conversions(s, spans, out, units)
    _bare_figures(s, spans, out, changes, lang, (base, change_base))
    _restated_shares(s, spans, out, g, changes)
    return out


#: at most this much between a "since" word and its year: "since 2015", "od marca 2019 r.", "since
#: the end of 2015" (farther back, "od turystów w 2019 r." is no start of a running count)
_SINCE_GAP = re.compile(r"\s*(?:[^\W\d_]+\s+){0,3}$")


#: tokens at most between a figure given by a named body and the next, for a body named right
#: before the next to share the first one's word ("Police estimated the crowd at 40,000,
#: organisers at 120,000"; "la policía cifró en 40.000 los asistentes; los organizadores, en 250.000")
SHARED_VERB = 8


def _gives(s: str, toks: list[_Tok], clause: list[int], first: int, last: int, stop: int, g: Grammar) -> bool:
    """Whether a word by which a body gives a figure (``Grammar.gives``) stands from token
    ``first`` to the end of the clause of token ``last`` (the figure's last token), short of token
    ``stop`` (the next figure's first, or the next body's: their words are their own)."""
    if g.gives is None:
        return False
    end = last
    while end + 1 < min(len(toks), stop) and clause[end + 1] == clause[last]:
        end += 1
    return g.gives.search(s, toks[first].start, toks[end].end) is not None


def _since_year(s: str, year: re.Match[str], since: re.Pattern[str] | None, place: frozenset[str]) -> bool:
    """Whether a year is the start of a running count: a "since" word right before it, with no
    preposition of place or time between ("od turystów w 2019 r.": the year of the takings)."""
    if since is None:
        return False
    m = None
    for m in since.finditer(s, max(0, year.start() - 24), year.start()):
        pass  # the last such word before the year
    if m is None:
        return False
    gap = s[m.end():year.start()]
    return _SINCE_GAP.match(gap) is not None and not any(w.lower() in place for w in gap.split())


#: concepts that mark a part rather than say what it counts ("including", "de ellos", "w tym")
_PART_MARKS = frozenset({"#included"})
#: the weight of a whole's words in a part that names no noun of its own
INHERITED = 0.8


def _own_noun(c: Counted) -> bool:
    return any(t[:1] == "#" and w >= 0.5 and t not in _PART_MARKS and not t.startswith(WHEN)
               for t, w in zip(c.terms, c.weights))


def _larger(values: list[Any] | None, i: int, j: int) -> bool:
    """Whether figure ``i`` is known to be larger than figure ``j`` (then it is no part of it)."""
    if not values or max(i, j) >= len(values):
        return False
    a, b = values[i], values[j]
    return isinstance(a, (int, float)) and isinstance(b, (int, float)) and a > b


def _parts_count_the_whole(spans: list[tuple[int, int, str]], out: list[Reading]) -> None:
    """A part that names no noun counts what its whole counts: "Korvex employs roughly 1,100
    people, including about 450 in Malta" (450 people), "1.100 empleados, unos 150 de ellos en
    Madrid", "ok. 1100 osób, w tym 220 w Warszawie". Such a part takes the words of the nearest
    count before it in the sentence that is no part itself, a little lighter than its own."""
    for fi, r in enumerate(out):
        if spans[fi][2] != "count" or not r.part or r.part == "whole" or _own_noun(r.counted):
            continue
        # the nearest count before it that is no part itself; when that one names nothing, nothing
        # ("Five people died and 58 more were taken away, including 12 in Madrid": not the dead)
        whole = next((out[j] for j in range(fi - 1, -1, -1) if spans[j][2] == "count" and out[j].part in (None, "whole")), None)
        if whole is None or not _own_noun(whole.counted):
            continue
        own = r.counted
        extra = _inherited(own, whole.counted, concepts_only=True)
        terms = (own.terms + tuple(t for t, _ in extra))[:MAX_TERMS]
        weights = (own.weights + tuple(w for _, w in extra))[:MAX_TERMS]
        out[fi] = r._replace(counted=replace(own, terms=terms, weights=weights))


def _inherited(own: Counted, whole: Counted, concepts_only: bool = False) -> list[tuple[str, float]]:
    """The words a part takes from its whole, each ``INHERITED`` of its weight there: those it
    lacks, not the whole's part marks (and only concepts, when ``concepts_only``)."""
    return [(t, round(w * INHERITED, 2)) for t, w in zip(whole.terms, whole.weights)
            if t not in _PART_MARKS and t not in own.terms and (t[:1] == "#" or not concepts_only)]


def _noun_first(own: Counted, other: Counted, extra: list[tuple[str, float]]) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The words of a figure that takes ``extra`` (weighted words of ``other``'s): ``other``'s noun
    first, when ``extra`` holds it, then its own words, then the rest of ``extra``, at most
    ``MAX_TERMS``."""
    lead = extra[:1] if extra and other.terms and extra[0][0] == other.terms[0] else []
    ranked = (lead + list(zip(own.terms, own.weights)) + extra[len(lead):])[:MAX_TERMS]
    return tuple(t for t, _ in ranked), tuple(x for _, x in ranked)


def _describing(t: str) -> bool:
    """Whether a term describes what a figure measures, to be lent to another figure: a concept
    (not a part's mark) or a lemma; not a name, a rate or who gives it."""
    return (t.startswith("#") and t not in _PART_MARKS) or (t[:1] not in "#@" and ":" in t and not t.startswith(("per:", "by:")))


def _parts_before_their_whole(spans: list[tuple[int, int, str]], out: list[Reading]) -> None:
    """A count right before the whole it is a part of counts what that whole counts: "Six of the
    15 alpine resorts have closed", "only 31km of 94km of runs", "han cerrado 11 de las 24
    estaciones", "zakończyło 11 z 24 stacji" (six resorts, 31 km of runs). It takes the whole's
    noun, and its words a little lighter than its own; the whole stays the whole."""
    for fi in range(len(out) - 1):
        r, whole = out[fi], out[fi + 1]
        if spans[fi][2] != "count" or spans[fi + 1][2] != "count" or whole.part != "whole" or r.part == "whole" \
                or not whole.counted.text:
            continue
        # (the words the reader gave it come from before it: what happened to it, "cerrado",
        # "Sezon zakończyło"; they stay, after the whole's noun)
        own, w = r.counted, whole.counted
        # the whole's noun first, when it is the part's to take
        terms, weights = _noun_first(own, w, _inherited(own, w))
        # a part that names its whole, as "among the 15 resorts" would
        out[fi] = r._replace(counted=replace(own, text=w.text, lemma=w.lemma, head=w.head, terms=terms, weights=weights),
                             part=r.part or "among")


#: the weight of the words a figure takes from the figure before it (``_bare_figures``)
BARE_WEIGHT = 0.5
#: the kinds that always do so (measured on the seventeen gated sets against no such words:
#: durations 2 more conflicts found and no false flag; amounts 10 more for 6 more false flags,
#: percentages 1 for 3, counts 2 for 4, clock times 1 for 3); a percentage does only as a
#: change's aside (``_change_aside``)
BARE_KINDS = ("duration",)


def _bare_figures(s: str, spans: list[tuple[int, int, str]], out: list[Reading], changes: list[bool] | None = None,
                  lang: str = "", bases: tuple[re.Pattern[str] | None, ...] = ()) -> None:
    """A figure of ``BARE_KINDS`` with no word of its own is said of what the figure before it in
    the sentence describes: "opuścili gondole o 4:20 nad ranem, po blisko 17 godzinach" (how long
    the people trapped in the gondolas waited). So is a percentage a change word reads with
    (``changes``) that opens its own aside after that figure ("recorded 2,310 rescues last year,
    up 14% on 2023"; not "Sales at Acme, which employs 4,000 people, were up 12%"). It takes that
    figure's words, so that it may meet its match in another article instead of going uncompared
    (at ``BARE_WEIGHT``: matching scales a claim's words to unit length, so the weight tells only
    against the words of its own a figure may have). Such an aside takes them beside the words of
    its own, which are mostly the change's ("more than", "frente a", "mniej") and the sentence's,
    unless it names what changed after its figure (``_names_its_own``, with ``bases`` the language's
    words of comparison: "up 9% in revenue terms").
    (Measured on the fifty-two gated sets, with English "more", "less" and "fewer" read as change
    words after a percentage, as Spanish and Polish read theirs: 6,477 -> 6,495 of 10,684 conflicts
    found, 1,497 -> 1,499 false flags; the aside alone, 6,485 and 1,494; the same with the aside
    that names what changed kept to its own words. Not kept: any percentage after a clause mark
    that names no noun, change or not ("czyli ok. 11 proc.", "(ok. 15 proc.)"), 6,518 and 1,517; an
    aside of up to three words after its mark ("a rise of nearly 15%"), 6,500 and 1,509.)"""
    for fi, r in enumerate(out):
        aside = _change_aside(s, spans, fi, changes)
        if aside and lang and _names_its_own(s, spans[fi][1], lang, bases):
            continue  # "sold 120,000 vehicles, up 9% in revenue terms": the aside says what rose
        if not aside and (r.counted.terms or spans[fi][2] not in BARE_KINDS):
            continue
        prev = next((out[j] for j in range(fi - 1, -1, -1) if _own_noun(out[j].counted)), None)
        if prev is None:
            continue
        own = r.counted
        extra = [(t, round(w * BARE_WEIGHT, 2)) for t, w in zip(prev.counted.terms, prev.counted.weights)
                 if _describing(t) and t not in own.terms]
        if extra:
            ranked = list(zip(own.terms, own.weights)) + extra
            if len(ranked) > MAX_TERMS:  # the heaviest words stay, in their order
                keep = sorted(sorted(range(len(ranked)), key=lambda k: (-ranked[k][1], k))[:MAX_TERMS])
                ranked = [ranked[k] for k in keep]
            out[fi] = r._replace(counted=replace(own, terms=tuple(t for t, _ in ranked), weights=tuple(w for _, w in ranked)))


def _names_its_own(s: str, end: int, lang: str, bases: tuple[re.Pattern[str] | None, ...] = ()) -> bool:
    """Whether a change's aside names what changed in words of its own after its figure, before
    the next clause mark, clause, figure or word of comparison (``bases``: the language's words
    of comparison, as ``read`` gets them) ("up 9% in revenue terms", "a 6% rise in seats sold"; not
    "up 14% on 2023 as hikers flocked", "57% more than at the same point in 2024"): a concept
    that is no word of comparison, time, people or figures in general (``_naming_nothing``). (Its
    words before the figure, and those the reader lends it from the rest of the sentence, are the
    sentence's: "The average list price ... was €30,400, 3.1% higher than a year earlier".)"""
    stop = _ASIDE_END.search(s, end)
    tail = s[end : stop.start() if stop else len(s)]
    tail = tail[: next((i for i, ch in enumerate(tail) if ch.isdigit()), len(tail))]  # up to its base ("on 2023")
    for cut in (*bases, grammar(lang).clause_cut):  # ... its word of comparison ("than at the same point"), a clause
        m = cut.search(tail) if cut is not None else None
        tail = tail[: m.start()] if m else tail
    table, stops, nothing = concepts(lang), stop_words(lang), _naming_nothing(lang)
    return any(t not in nothing and not t.startswith(WHEN)
               for word in re.findall(r"[^\W\d_]+", tail) if word.lower() not in stops
               for t in ("#" + key for key in table.of(lemma(word, lang), word)))


#: concepts of time a change's aside names of its base, not of what changed ("than a year earlier",
#: "on the previous season", "frente al mismo mes")
_TIME_WORDS = frozenset({"#year", "#month", "#week", "#day", "#hour", "#season", "#time_of_day", "#former_ex", "#duration"})
#: where a change's aside ends: a clause mark or a full stop
_ASIDE_END = re.compile(r"[,;:()\u2013\u2014]|\.(?!\d)")


@functools.lru_cache(maxsize=None)
def _naming_nothing(lang: str) -> frozenset[str]:
    """The concepts that never say what changed, whatever a change's aside names with them: those
    of a language's change words and hedges (``changes.tsv``, ``hedges.tsv``: "more than", "rose",
    "więcej") and of its cues of a period or of what a figure is compared with (``scope.tsv``
    fields period and since: "last year", "frente a"), words of time (``_TIME_WORDS``), of people
    or figures in general (role "generic") and a part's marks."""
    table = concepts(lang)
    rules = load_language(lang)
    phrases = [r["phrase"] for name in ("changes.tsv", "hedges.tsv") for r in rules.table(name)]
    phrases += [r["phrase"] for r in rules.table("scope.tsv") if r["field"] in ("period", "since")]
    out = set(_TIME_WORDS | _PART_MARKS | concepts_of_role("generic"))
    for phrase in phrases:
        words = phrase.lower().replace("*", "").split()
        lems = tuple(lemma(w, lang) for w in words)
        # (a phrase's own concepts; a word of a longer phrase alone may mean anything: "baja")
        out.update("#" + k for k in (table.of(lems[0], words[0]) if len(words) == 1 else table.multi.get(lems, ())))
    return frozenset(out)


#: a clause mark before a change's aside (", up 14%", "; un 19% más", "– o 8 proc. więcej")
_ASIDE_MARK = re.compile(r"[,;:(\u2013\u2014]\s*(?:[^\W\d_]+\s+)?$")


def _change_aside(s: str, spans: list[tuple[int, int, str]], fi: int, changes: list[bool] | None) -> bool:
    """Whether figure ``fi`` is a percentage a change word reads with that opens an aside after
    another figure: a clause mark, then at most one word (the change word: "up", "un", "o")
    before it."""
    a, _b, kind = spans[fi]
    if kind != "percent" or not changes or not changes[fi] or fi == 0:
        return False
    return _ASIDE_MARK.search(s, spans[fi - 1][1], a) is not None


#: what may stand between an amount and the same amount in another currency, bracketed, after a
#: dash or after a comma ("550 million crowns ($54 million)", "150 mln euro (ok. 640 mln zł)",
#: "780 millones de euros, unos 910 millones de dólares"): an opening bracket, a dash or a comma,
#: and at most three words (a hedge, "i.e.", "czyli", "equivalent to")
_CONVERSION_GAP = re.compile(r"^\s*[(\[–—,]\s*(?:[^\W\d_]+\.?\s+){0,3}$")


def _share_conversions(s: str, spans: list[tuple[int, int, str]], out: list[Reading],
                       units: list[str | None] | None) -> None:
    """An amount followed by the same amount in another currency in brackets, after a dash or
    after a comma ("780 millones de euros, unos 910 millones de dólares") is one amount told
    twice: both describe the same thing, so each takes the other's words (the converted one
    usually has none of its own). Two amounts in one currency are two amounts ("€5 million (up
    from €4 million)", "(plus $300,000 in fees)")."""
    if units is None:
        return
    for fi in range(len(spans) - 1):
        (a, b, ka), (c, _d, kb) = spans[fi], spans[fi + 1]
        if ka != "money" or kb != "money" or not units[fi] or not units[fi + 1] or units[fi] == units[fi + 1] \
                or not _CONVERSION_GAP.match(s[b:c]):
            continue
        x, y = out[fi].counted, out[fi + 1].counted
        merged: dict[str, float] = {}
        for t, w in list(zip(x.terms, x.weights)) + list(zip(y.terms, y.weights)):
            merged[t] = max(merged.get(t, 0.0), w)
        ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
        terms, weights = tuple(t for t, _ in ranked), tuple(w for _, w in ranked)
        for k, (own, other) in ((fi, (x, y)), (fi + 1, (y, x))):
            counted = Counted(text=own.text or other.text, lemma=own.lemma or other.lemma, head=own.head or other.head,
                              role=own.role or other.role, role_lemma=own.role_lemma or other.role_lemma,
                              terms=terms, weights=weights)
            out[k] = out[k]._replace(counted=counted)


#: terms that say when, which a modifying count does not lend (its own moment, not the first count's)
_MOMENT_TERMS = WHEN + ("#time_of_day", "#year")


def _told_of_the_first(toks: list[_Tok], terms: list[tuple[str, ...] | None], owner: list[int], skip: list[bool],
                       spans: list[tuple[int, int, str]], fig_tok: list[tuple[int, int]], clause: list[int],
                       owned: dict[int, list[int]], assign: list[tuple[int, float]], content: list[bool],
                       g: Grammar) -> dict[int, list[tuple[int, float]]]:
    """The words of a count that modifies another count's noun, past its own noun phrase, said of
    that other count too: "2,380 people from nine villages had been evacuated", "50 firefighters
    from 11 units took part", "3.240 vecinos de nueve localidades fueron desalojados" (grammar
    class of_noun: the preposition between the first count's noun and the second count). The
    second count keeps them; the first gets them at the weight they have there. Only one or two
    words, and no punctuation, between the first count and the preposition, in one clause; not
    the words of a relative clause about the second noun ("200 people from three buildings where
    residents were hurt", "40 aficionados de dos clubes cuyos seguidores hirieron", class
    relative_word), not a day or a date (the second count's moment: "5,000 residents of 3 towns
    flooded on Monday"), and not after a verb that gives the first count as a level ("rose to 45
    people from 30 on Monday": the 30 is the level before, no modifier). (Measured on the
    forty-five gated sets: 5,469 -> 5,474 of 8,977 conflicts found, 1,348 false flags either
    way; round 45, unseen, unchanged at 124 of 247. A red-team review's narrowing, the relative
    clauses, the days, the levels and the second noun's whole phrase: the same scores, and three
    of its events back to their right flags.)"""
    out: dict[int, list[tuple[int, float]]] = defaultdict(list)
    if not g.of_noun:
        return out
    ends: dict[int, int] | None = None  # where each count ends -> the count (built at the first preposition)
    for fi, sp in enumerate(spans):
        lo, hi = fig_tok[fi]
        if sp[2] != "count" or lo < 3 or toks[lo - 1].low not in g.of_noun:
            continue
        if ends is None:
            ends = {fig_tok[fj][1]: fj for fj, sq in enumerate(spans) if sq[2] == "count"}
        first = next((ends[e] for e in (lo - 3, lo - 4) if e in ends), None)
        if first is None:
            continue
        between = range(fig_tok[first][1] + 1, lo - 1)
        if not any(content[k] for k in between) or any(toks[k].kind != "w" for k in between) \
                or clause[fig_tok[first][1]] != clause[lo] or _seq_before(toks, fig_tok[first][0], g.level):
            continue
        run = _run(toks, terms, owner, skip, g, lo, hi, "count")
        noun_end = run[-1] if g.head_last and run and run[0] == hi + 1 else hi + 1
        stop = next((k for k in range(noun_end + 1, len(toks)) if toks[k].low in g.relative_word), len(toks))
        out[first].extend((k, assign[k][1]) for k in owned.get(fi, [])
                          if noun_end < k < stop and clause[k] == clause[lo]
                          and not any(t.startswith(_MOMENT_TERMS) for t in terms[k] or ()))
    return out


def _restated_shares(s: str, spans: list[tuple[int, int, str]], out: list[Reading], g: Grammar,
                     changes: list[bool] | None) -> None:
    """A share that names no noun of its own and restates the count before it (``_SHARE_ASIDE``:
    "sprzedano 37 z 42 obiektów, czyli 88 proc.", "36 de los 42 lotes, es decir, un 86%") is a
    share of what that count counts (a part's, not its whole's: 37 of the 42). It takes that
    count's noun first, then its own words, then the rest of that count's, a little lighter
    (``INHERITED``). Not a share a change word reads with ("40 personas, es decir, un 20% más que
    el año pasado": a change, not a share of the dead)."""
    if g.restated_share is None:
        return
    for fi, r in enumerate(out):
        if spans[fi][2] != "percent" or r.counted.text or not fi or spans[fi - 1][2] != "count" \
                or (changes and changes[fi]) or not g.restated_share.fullmatch(s, spans[fi - 1][1], spans[fi][0]):
            continue
        k = fi - 2 if out[fi - 1].part == "whole" and fi >= 2 and spans[fi - 2][2] == "count" else fi - 1
        own, w = r.counted, out[k].counted
        if not w.terms:
            continue
        extra = [(t, round(x * INHERITED, 2)) for t, x in zip(w.terms, w.weights) if t not in own.terms and _describing(t)]
        terms, weights = _noun_first(own, w, extra)
        out[fi] = r._replace(counted=replace(own, text=w.text or own.text, lemma=w.lemma or own.lemma, head=w.head or own.head,
                                             terms=terms, weights=weights))


_WORDS = re.compile(r"\w+")
_CLAUSE_OR_YEAR = re.compile(r"[,;:()]|(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def _names_a_whole(between: str) -> bool:
    """Whether the words between an "among" cue and a figure name a whole of which the figure is a
    part: at least two words, no year ("entre los años 2019 y 2021": a span of time) and no
    clause break ("among the hardest hit, with 300 homes destroyed"); other parts may stand
    between ("Entre los heridos hay 19 británicos y 13 polacos")."""
    return len(_WORDS.findall(between)) >= 2 and not _CLAUSE_OR_YEAR.search(between)


def _cue_spans(s: str, bounds: list[int], ci: int, with_figures: set[int]) -> list[tuple[int, int]]:
    """Where a figure's clause cues are looked for: its clause, and the clauses before it that
    hold no figure of their own ("So far, 19 people have died"; "In Spain alone, 312 ...");
    ``bounds``: where each clause starts, then the sentence's end."""
    lo = ci
    while lo > 0 and (lo - 1) not in with_figures:
        lo -= 1
    return [(bounds[lo], bounds[min(ci + 1, len(bounds) - 1)] if ci + 1 < len(bounds) else len(s))]


#: the clause marks an aside stands between: commas and dashes (spaced, as ``text._CLAUSE`` reads them)
_ASIDE_MARKS = frozenset(",–—-")
#: how many words a figure's counted phrase may run to before the comma of an aside on it
#: ("Thirty-two people, many of them ...", "ponad 40 osób z bloku, głównie ...")
ASIDE_REACH = 3


def _past_asides(s: str, g: Grammar, toks: list[_Tok], starts: list[int], clause: list[int], clause_starts: list[int],
                 marks: tuple[tuple[int, int], ...], kinds: dict[int, set[str]], figs: dict[int, tuple[int, int]],
                 word_index: list[int]) -> tuple[list[int], list[int]]:
    """The tokens' clause numbers and word counts for sharing words out, past each aside on a
    counted phrase that is its clause's subject: a clause between commas or dashes that opens with
    a word of the grammar's class ``aside``, right after a clause whose last figure stands first
    in it (nothing but function words before it) and whose counted phrase ends within
    ``ASIDE_REACH`` words of the aside, an aside holding no figure of a kind that clause's figures
    have ("Thirty-two people, many of them children, were taken to hospital"; "Diecinueve
    personas, en su mayoría alumnos que pasaban unos días de esquí, resultaron intoxicadas"; not
    "Nine people, including three children, were taken to hospital", whose aside is a part with
    its own verb, nor "The fire destroyed 40 homes, mostly in the old town, ..."). The clause after
    the aside, if it has no figure and opens with no conjunction, takes the clause number of the
    one before it, and the aside's words are not counted in the distance to it."""
    if g.aside is None or len(marks) < 2:
        return clause, word_index
    moved: dict[int, int] = {}
    skipped: set[int] = set()
    for c in range(1, len(marks)):
        a, b = marks[c - 1], marks[c]
        if not kinds.get(c - 1) or kinds.get(c + 1) or not kinds[c - 1].isdisjoint(kinds.get(c, ())):
            continue
        lo, hi = figs[c - 1]
        first = bisect.bisect_left(starts, clause_starts[c])  # the aside's first token
        if sum(1 for t in toks[hi + 1 : first] if t.kind != "p") > ASIDE_REACH:
            continue  # the aside is on a word further on ("colas en las paradas del Luas, que ..."), not the counted phrase
        if any(t.kind != "p" and t.low not in g.function for t in toks[bisect.bisect_left(starts, clause_starts[c - 1]) : lo]):
            continue  # the count is no subject ("The fire destroyed 40 homes, mostly in the old town, and ..."): its verb is before it
        after = bisect.bisect_left(starts, clause_starts[c + 1])
        if after < len(toks) and toks[after].low in g.conj:
            continue  # a clause of its own follows ("..., and firefighters rescued residents")
        if s[a[0]:a[1]].strip() not in _ASIDE_MARKS or s[b[0]:b[1]].strip() not in _ASIDE_MARKS:
            continue
        if g.aside.match(s, clause_starts[c]) is None:
            continue
        moved[c + 1] = c - 1
        skipped.add(c)
    if not moved:
        return clause, word_index
    own = [moved.get(c, c) for c in clause]
    count = 0
    words = [0] * len(toks)
    for k, t in enumerate(toks):
        words[k] = count
        if t.kind != "p" and clause[k] not in skipped:
            count += 1
    return own, words


def _plural(t: _Tok, g: Grammar, nxt: _Tok | None = None) -> bool:
    """A word in a form other than its dictionary form that is not a participle: in a language whose
    heads come last, the end of a counted noun phrase ("coaches", "people", "passengers"). An
    inflected adjective (grammar.tsv ``modifier_ending``: "nowych") ends it only when no inflected
    word that is no verb follows (``nxt``): "1400 nowych pracowników" counts workers, but
    "Czterech rannych przetransportowano" counts the injured ("rannych", an adjective as a noun).
    A plural whose ending a participle shares ("children", "firemen": grammar.tsv
    ``plural_ending``) is one: "3,800 schoolchildren took part" counts schoolchildren; unless
    another plural follows it, which it qualifies ("1,500 women workers", "340 children refugees"
    count workers and refugees)."""
    lem = lemma(t.text, g.lang)
    if lem != t.low and g.plural_endings and t.low.endswith(g.plural_endings):
        return nxt is None or not (nxt.low.endswith("s") and lemma(nxt.text, g.lang) != nxt.low)
    if lem == t.low or t.low.endswith(("ed", "ing", "en")):
        return False
    if g.modifiers and t.low.endswith(g.modifiers) and nxt is not None and nxt.kind == "w":
        after = lemma(nxt.text, g.lang)
        return after == nxt.low or verb_form(nxt.low, after, g)
    return True


def verb_form(word: str, lem: str, g: Grammar) -> bool:
    """Whether a word (of lemma ``lem``) is a verb form: an ending of a verb form (grammar.tsv
    ``verb_ending``: "-ło", "-ron") on a word whose lemma is an infinitive (``infinitive``: "-ć",
    "-ar"), so "odrzuciło", "fallecieron", "Ewakuowano", but not "nauczycieli" (whose lemma is
    no infinitive)."""
    return word.endswith(g.verb_endings) and lem.endswith(g.infinitive)


def _right_after_figure(toks: list[_Tok], owner: list[int], i: int, function: frozenset[str] = frozenset()) -> bool:
    """Whether token ``i`` comes right after a figure, or after a figure and one word that is not
    a function word ("€150 a night", "3,300 flights a day"; not "€310 million for a social plan"):
    only there is "a" a rate."""
    return (i >= 1 and owner[i - 1] >= 0) or (i >= 2 and owner[i - 2] >= 0 and toks[i - 1].kind == "w"
                                               and toks[i - 1].low not in function)


def _run(toks: list[_Tok], terms: list[tuple[str, ...] | None], owner: list[int], skip: list[bool], g: Grammar,
         lo: int, hi: int, kind: str) -> list[int]:
    """The tokens of the noun phrase next to a figure: the content words right after it (across a
    link word: "75% of the staff"), else right before it ("a fine of $3 million")."""
    n = len(toks)

    def forward(k: int) -> list[int]:
        out = []
        while k < n and len(out) < 4 and toks[k].kind == "w" and owner[k] < 0 and (terms[k] is not None or skip[k]):
            out.append(k)
            nxt = toks[k + 1] if k + 1 < n and owner[k + 1] < 0 and (terms[k + 1] is not None or skip[k + 1]) else None
            if g.head_last and kind == "count" and _plural(toks[k], g, nxt) \
                    and not (terms[k] or ("",))[0].startswith("@country:"):
                break  # "400 coaches brought protesters": the noun phrase ends with its plural head
                # (a nationality before its noun is not one: "14 polskich studentów")
            k += 1
        return out

    def backward(k: int) -> list[int]:
        out: list[int] = []
        while k >= 0 and len(out) < 3 and toks[k].kind == "w" and owner[k] < 0 and (terms[k] is not None or skip[k]):
            out.insert(0, k)
            k -= 1
        return out

    after = forward(hi + 1)
    if not after and kind in ("count", "percent") and hi + 1 < n:
        link = _seq_at(toks, hi + 1, g.links)
        if link:
            k = hi + 1 + link
            while k < n and toks[k].kind == "w" and terms[k] is None and not skip[k] and toks[k].low in g.function and k < hi + 1 + link + 2:
                k += 1  # "of the", "de los"
            after = forward(k)
    if after and (kind in ("count", "percent") or after[0] == hi + 1):
        return after
    link = _seq_before(toks, lo, g.links) if lo > 0 else 0
    before = backward(lo - 1 - link) if link else backward(lo - 1)  # "fundusz w wysokości 3 mld euro"
    return before or after


#: concept keys of units of time: the only nouns a rate word such as "al" makes a rate of
_TIME_UNITS = frozenset({"#hour", "#day", "#week", "#month", "#year"})


def _bare_singular(t: _Tok, lang: str, senses: tuple[str, ...] | None) -> bool:
    """A noun in the singular with nothing before it, as the noun of a rate is ("por persona",
    "za litr"): its dictionary form; in Polish a feminine accusative ("-ę") only for a person or
    a unit of time ("za osobę", "za dobę"), since a cause takes the same form ("kara za awarię");
    not a plural ("por deficiencias", "za uchybienia") nor an adjective ("za czerwcową awarię")."""
    low = t.low
    if lang == "pl" and low.endswith("ę"):
        return any(x in _TIME_UNITS or x == "#person" for x in senses or ())
    return lemma(t.text, lang).lower() == low


def _subject(toks: list[_Tok], terms: list[tuple[str, ...] | None], owner: list[int], skip: list[bool],
             is_name: list[bool], clause: list[int], g: Grammar, verb: int, sources: frozenset[str]) -> list[int]:
    """The subject of the clause whose verb starts at token ``verb`` (the clause starting after an
    ``opens`` word: "said", "que", "że"): the first word or phrase of the table of its first run
    of content words that names no place, person, day or source ("the death toll", "liczba
    ofiar"); a word for a figure in general takes the word after it, across a link word too
    ("liczba rannych", "the number of dead", "la cifra de muertos"); empty when another figure
    stands between."""
    ci = clause[verb - 1] if verb > 0 else -1
    k = verb - 1
    while k >= 0 and clause[k] == ci and toks[k].low not in g.opens:
        if owner[k] >= 0:
            return []  # another figure of the clause stands before the verb: its words are its own
        k -= 1
    roles = concepts_of_role("generic")
    k += 1  # the clause's start, or the word after "said", "que", "że": a reported clause's subject
    while k < verb:
        if toks[k].kind == "w" and terms[k] is not None and not skip[k] and not is_name[k] \
                and not any(t[:1] == "@" or t.startswith(WHEN) or t in sources for t in terms[k]):
            break
        k += 1
    run: list[int] = []
    while k < verb and toks[k].kind == "w" and (terms[k] is not None or skip[k]) and len(run) < 4:
        run.append(k)
        k += 1
    # the subject's first word or phrase of the table ("the death toll", "liczba ofiar"), not the
    # words that qualify it ("liczba ofiar katastrofy mostu": of the disaster, of the bridge)
    first = 1
    while first < len(run) and skip[run[first]]:
        first += 1
    if run and all(t in roles for t in terms[run[0]] or ()):
        # a word for a figure in general counts the word after it: "liczba rannych", or across
        # a link word, "the number of dead", "la cifra de muertos"
        if len(run) > first:
            nxt = first + 1
            while nxt < len(run) and skip[run[nxt]]:
                nxt += 1
            return run[:nxt]
        link = _seq_at(toks, k, g.links) if k < verb else 0
        j = k + link
        while link and j < verb and toks[j].kind == "w" and terms[j] is None and not skip[j] and toks[j].low in g.function:
            j += 1
        if link and j < verb and toks[j].kind == "w" and (terms[j] is not None or skip[j]):
            run.append(j)
            while j + 1 < verb and skip[j + 1]:  # the rest of a phrase of the table ("death toll")
                j += 1
                run.append(j)
        return run
    return run[:first]


#: the last word of a cue
_LAST_WORD = re.compile(r"[^\W\d_]+$")


def _hedges_next(g: Grammar, tail: str, end: int) -> bool:
    """Whether the addition's cue that ends at ``end`` opens a hedge of the figure right after it
    instead ("raised €1.46m from more than 18,000 donors", "de más de 200"): no addition ("30,000
    more than in 2019" is one)."""
    w = _LAST_WORD.search(tail, 0, end)
    return g.hedge_next is not None and w is not None and g.hedge_next.match(tail, w.start()) is not None


def _cues(g: Grammar, s: str, a: int, b: int, kind: str, found: list[tuple[int, int, str, str, Any]],
          spans: list[tuple[int, int]], lang: str) -> tuple[str | None, bool, bool]:
    """The part, addition and running-tally cues of a figure at [a, b): those right before or after
    it, and ``found``, the clause cues of the sentence that lie in its ``spans``."""
    part: str | None = None
    increment = running = False
    head = s[max(0, a - 60) : a]
    tail = s[b : b + 60]
    for pat, f, value in g.before:
        if pat.search(head):
            if f == "part":
                part = part or value
            elif f == "increment":
                increment = True
    for pat, f, value in g.after:
        m = pat.match(tail)
        if m and not re.search(r"[,;:.!?]", tail[: m.start() + len(m.group())]) \
                and not (f == "increment" and _hedges_next(g, tail, m.end())):
            if f == "part":
                part = part or value
            elif f == "increment":
                increment = True
    if part is None and kind == "count" and g.partitive is not None and g.partitive.match(s, b):
        part = "of_them"  # "Siete de los fallecidos", "two of the dead": a part of a group named after it
    ca = spans[0][0] if spans else 0
    cb = spans[-1][1] if spans else len(s)
    for start, end, f, value, _pat in found:
        if f == "running":
            running = True
        elif f == "part" and part is None and value == "among" and kind == "count" and end <= a \
                and _names_a_whole(s[end:a]):
            part = value  # "Among the dead were three children": the whole is named first, then the part
        elif f == "part" and part is None and value.startswith("place_"):
            name = (_NAME_BEFORE.search(s[ca:start]) if value == "place_before" else _NAME_AFTER.match(s[end:cb]))
            if name:
                words = _LEADING_SMALL.sub("", name.group(1).strip()).split() or name.group(1).split()
                if words[-1].endswith(".") and "." not in words[-1][:-1]:
                    words[-1] = words[-1][:-1]  # "solo en Madrid.": the sentence's full stop ("EE.UU." keeps its own)
                calendar = [w.lower() for w in words if w.lower() not in g.conj]
                if calendar and all(w in g.months or w in g.weekdays for w in calendar):
                    # "in January and February alone", "On Monday alone": a part of a time, not of
                    # a place; it stays apart from a count of the whole period as a place's part
                    # does ("Cape May" stays a place: not all its words are the calendar's)
                    part = "time:" + "_".join(fold(w) for w in calendar)
                else:
                    folded = " ".join(fold(lemma(w, lang)) for w in words)
                    code = countries(lang).get(folded) or countries(lang).get(fold(" ".join(words)))
                    part = "place:" + (code or folded)
    if increment and kind not in ("count", "money"):
        increment = False  # "fell by 4.8%": a change in a rate is how a rate is reported
    return part, increment, running

