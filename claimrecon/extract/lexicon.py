"""Compile one language's validated rules into the regexes and tables the extractor uses.

Compiled once per language and cached; nothing here reads text.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from dataclasses import dataclass, field

from ..ruleset import LanguageRules, load_language, phrase_regex
from ..ruleset import alternation as _plain_alternation
from .lemmas import stop_words
from .text import clause_bounds

#: Digit separators by language: (group separators, decimal separator).
_DECIMAL_COMMA = {"es", "pl", "de", "fr", "it", "pt", "nl", "cs", "sk", "ru", "uk"}


@dataclass(frozen=True)
class Entry:
    """A rules row reduced to what matching needs."""

    phrase: str
    data: dict[str, object]


_WORD_RUN = re.compile(r"\w+")


def words_of(text: str) -> frozenset[str]:
    """The lower-cased runs of word characters of a text: what a ``Gate`` looks at."""
    return frozenset(_WORD_RUN.findall(text.lower()))


Needs = tuple[frozenset[str], tuple[str, ...]]  # words a phrase needs, and word prefixes (from "*")


@dataclass(frozen=True)
class Gate:
    """Whether an alternation of rules phrases could match a text, from the text's words alone.

    A phrase matches only where each of its runs of word characters is a whole word of the
    text: "three-quarters of" needs "three", "quarters" and "of"; "tys." needs "tys"; a ``*``
    wildcard ("milion*") needs a word starting with "milion". A phrase without word characters
    ("%") opens the gate for every text. A closed gate means the regex scan cannot find
    anything, so the extractor skips it; an open one only means the scan runs.
    """

    by_first: dict[str, tuple[Needs, ...]] = field(default_factory=dict)  # a phrase's first word -> its needs
    by_prefix: tuple[tuple[str, Needs], ...] = ()  # phrases whose first word is a wildcard
    always: bool = False
    firsts: frozenset[str] = frozenset()
    singles: frozenset[str] = frozenset()  # first words that are a whole phrase: they open the gate alone
    suffixes: tuple[str, ...] = ()  # a word with one of these endings opens the gate ("trillionths", "veintiunavo")

    @classmethod
    def of(cls, phrases: list[str]) -> "Gate":
        by_first: dict[str, list[Needs]] = {}
        by_prefix: list[tuple[str, Needs]] = []
        always = False
        for p in phrases:
            runs = [(m.group(), p.lower()[m.end() : m.end() + 1] == "*") for m in _WORD_RUN.finditer(p.lower())]
            if not runs:
                always = True
                continue
            needs = (frozenset(r for r, wild in runs[1:] if not wild), tuple(sorted({r for r, wild in runs[1:] if wild})))
            if runs[0][1]:
                by_prefix.append((runs[0][0], needs))
            else:
                by_first.setdefault(runs[0][0], []).append(needs)
        firsts = frozenset(by_first)
        singles = frozenset(k for k, v in by_first.items() if (frozenset(), ()) in v)
        return cls({k: tuple(sorted(set(v), key=repr)) for k, v in by_first.items()}, tuple(sorted(set(by_prefix), key=repr)), always,
                   firsts, singles)

    def open(self, words: frozenset[str]) -> bool:
        # one-word phrases ("million", "martes") are most of every gate: one set operation in C
        # decides them; only the first words of longer phrases need their other words checked
        if self.always or not self.singles.isdisjoint(words):
            return True
        if self.suffixes and _suffix_re(self.suffixes).search(" ".join(words)):
            return True
        for w in self.firsts.intersection(words):
            if any(_meets(n, words) for n in self.by_first[w]):
                return True
        return bool(self.by_prefix) and any(any(x.startswith(p) for x in words) and _meets(n, words) for p, n in self.by_prefix)


@functools.lru_cache(maxsize=None)
def _suffix_re(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    """A word of three characters or more before one of ``suffixes`` ("tenths", "veintiunavo")."""
    return re.compile(rf"\w{{3,}}(?:{'|'.join(re.escape(x) for x in sorted(suffixes, key=len, reverse=True))})(?!\w)")


def _meets(needs: Needs, words: frozenset[str]) -> bool:
    exact, prefixes = needs
    return exact <= words and all(any(x.startswith(p) for x in words) for p in prefixes)


@dataclass
class Lexicon:
    lang: str
    decimal_comma: bool
    # number words
    words: dict[str, tuple[float, str]] = field(default_factory=dict)  # lower word -> (value, type)
    suffixes: tuple[str, ...] = ()  # word endings that make a denominator of a number word ("ths", "avos")
    alone: frozenset[str] = frozenset()  # scale words that count one by themselves ("mil")
    last_units: frozenset[str] = frozenset()  # articles that end a number as its one ("treinta y una")
    has_articles: bool = False  # the language says "a million", "un millón": a lone scale word is no number
    ratio_re: re.Pattern[str] | None = None  # the gap of a ratio between two numbers ("1 over 3", "1 sobre 3")
    share_ratio_re: re.Pattern[str] | None = None  # ... of a share, a part of a whole ("seven in ten", "ocho de cada diez")
    word_re: re.Pattern[str] | None = None  # a sequence of number words
    scale_after_digits_re: re.Pattern[str] | None = None  # scales/abbrevs after digits
    article_unit_re: re.Pattern[str] | None = None
    sign_re: re.Pattern[str] | None = None  # "minus" before a percentage, amount or temperature
    below_zero_re: re.Pattern[str] | None = None  # "below zero" after a temperature: it is negative
    unit_fraction_re: re.Pattern[str] | None = None  # "y media" after a unit: "dos horas y media"
    vague_re: re.Pattern[str] | None = None
    vague: dict[str, tuple[float, float]] = field(default_factory=dict)
    share_re: re.Pattern[str] | None = None
    shares: dict[str, float] = field(default_factory=dict)
    # hedges
    hedge_before_re: re.Pattern[str] | None = None
    hedge_after_re: re.Pattern[str] | None = None
    hedges_before: dict[str, str] = field(default_factory=dict)
    hedges_after: dict[str, str] = field(default_factory=dict)
    time_hedges: dict[str, str] = field(default_factory=dict)  # said of a clock time only ("shortly after")
    time_hedge_re: re.Pattern[str] | None = None
    qualifier_bounds: dict[str, tuple[float, float]] = field(default_factory=dict)
    qualifier_gloss: dict[str, str] = field(default_factory=dict)
    # units
    unit_after_re: re.Pattern[str] | None = None
    unit_before_re: re.Pattern[str] | None = None
    units_after: dict[str, tuple[str, str, float]] = field(default_factory=dict)
    glued: dict[str, float] = field(default_factory=dict)  # number forms glued to a unit ("pięcio" in "pięciodniowy")
    ordinal_dot: bool = False  # digits, a full stop and a word in small letters are an ordinal ("w 85. minucie")
    labels: frozenset[str] = frozenset()  # words after which digits are a label, not an amount ("numer 112", "nr 13")
    glued_re: re.Pattern[str] | None = None
    glued_gate: Gate = field(default_factory=Gate)
    units_before: dict[str, tuple[str, str, float]] = field(default_factory=dict)
    duration_unit_re: re.Pattern[str] | None = None
    duration_next_re: re.Pattern[str] | None = None  # a unit of time next, after an article or none ("| an hour")
    # changes: "rose 3%", "spadła do 5", "a 3% rise"
    change_before_re: re.Pattern[str] | None = None
    change_after_re: re.Pattern[str] | None = None
    unit_numbers: dict[str, str] = field(default_factory=dict)  # unit after, lower -> the numbers it takes (fraction | one)
    changes_before: dict[str, str] = field(default_factory=dict)  # lower phrase -> up | down
    change_from_re: re.Pattern[str] | None = None  # "rose overnight from": the figure after it is where the change started
    # a change word earlier in the clause of "from X to Y" ("raising the price of the ticket from
    # 40 to 48"): the two are where the change started and where it went, not a range
    change_clause_re: re.Pattern[str] | None = None
    changes_either: dict[str, str] = field(default_factory=dict)  # lower phrase -> "either": moved, no direction said ("pasará")
    range_words: frozenset[str] = frozenset()  # words that make "from X to Y" after them a range whatever precedes ("ranging")
    change_level_re: re.Pattern[str] | None = None  # "fell to", "spadła do": the figure after it is the level reached
    changes_after: dict[str, str] = field(default_factory=dict)
    # change words read after a percentage only ("22% more than in January"; "500 more people" is an added
    # count, whose comparison base must not take its year away)
    changes_after_share: dict[str, str] = field(default_factory=dict)
    change_after_share_re: re.Pattern[str] | None = None
    change_ends: frozenset[str] = frozenset()  # last words of change phrases and links (a cheap test first)
    # readings that need a cue word of their kind in the sentence (cues.tsv)
    needs_cue: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> lower unit phrases
    cue_re: dict[str, re.Pattern[str]] = field(default_factory=dict)  # kind -> its cue words
    not_age_before_re: re.Pattern[str] | None = None  # "for", "durante", "przez" right before a number of years
    not_age_after_re: re.Pattern[str] | None = None  # "of experience", "de cárcel", "temu" right after it
    not_counted: frozenset[str] = frozenset()  # words after a number word that are not what it counts ("times")
    # measures
    noun_re: re.Pattern[str] | None = None
    nouns: list[tuple[re.Pattern[str], str, str | None]] = field(default_factory=list)
    context_re: re.Pattern[str] | None = None
    contexts: list[tuple[re.Pattern[str], str, str | None]] = field(default_factory=list)
    measure_gloss: dict[str, str] = field(default_factory=dict)
    # scope
    scope: list[tuple[re.Pattern[str], str, str]] = field(default_factory=list)
    scope_re: re.Pattern[str] | None = None
    anchor_re: re.Pattern[str] | None = None
    anchor_not_re: re.Pattern[str] | None = None  # before an anchor in its clause, makes it an "until": "no ... hasta las"
    since_re: re.Pattern[str] | None = None
    until_re: re.Pattern[str] | None = None  # the "since" words that make a year a deadline ("by 2027")
    base_re: re.Pattern[str] | None = None  # the words of a comparison whose base a year after them dates ("than in 2015")
    change_base_re: re.Pattern[str] | None = None  # such words only after a figure of a change ("up 8% from 2023")
    then_re: re.Pattern[str] | None = None  # words that send a sentence back to the year the one before names ("wtedy", "at the time")
    then_not_re: re.Pattern[str] | None = None  # phrases holding such a word that do not ("since then", "od wtedy")
    fronted_re: re.Pattern[str] | None = None
    # time
    am_re: re.Pattern[str] | None = None
    pm_re: re.Pattern[str] | None = None
    noon_re: re.Pattern[str] | None = None
    noon_hours: dict[str, int] = field(default_factory=dict)  # "at noon" -> 12, "o północy" -> 0
    noon_gate: Gate = field(default_factory=Gate)
    # words before hours, minutes and seconds that make them a clock time ("at 14:32:05"), not a duration
    second_prep_re: re.Pattern[str] | None = None
    # the noon or midnight word of those phrases without its preposition ("noon", "mediodía"): a
    # clock time only before a zone name ("(noon BST)", an instant restated in another zone)
    noon_bare_re: re.Pattern[str] | None = None
    noon_bare: dict[str, int] = field(default_factory=dict)
    # articles that may stand between a hedge and its figure (grammar.tsv class article: "casi el
    # 50%"), as a pattern that finds one ending a text, and the preposition each contraction ends
    # a hedge with ("del": "de", "más del 40%")
    article_re: re.Pattern[str] | None = None
    contractions: dict[str, str] = field(default_factory=dict)
    zone_re: re.Pattern[str] | None = None
    zones: dict[str, str] = field(default_factory=dict)
    zone_tz: dict[str, str] = field(default_factory=dict)
    prep_re: re.Pattern[str] | None = None
    minute_prep_re: re.Pattern[str] | None = None  # makes a clock time only of one with minutes ("después de las 21.30")
    weekday_re: re.Pattern[str] | None = None
    weekdays: dict[str, int] = field(default_factory=dict)
    month_re: re.Pattern[str] | None = None
    #: the language writes a month before its day ("June 4"); without it only "4 June" is a date
    month_first: bool = True
    months: dict[str, int] = field(default_factory=dict)
    # attribution
    attr_before_re: re.Pattern[str] | None = None
    attr_verb_re: re.Pattern[str] | None = None
    # sentences
    abbreviations: frozenset[str] = frozenset()
    sentence_openers: frozenset[str] = frozenset()  # function words: capitalized after an abbreviation, a new sentence
    # endings of a capitalized word that may follow a count's abbreviation in one sentence (a
    # demonym: "35 tys. Polaków"); with any, every other capitalized word there opens a sentence
    name_endings: tuple[str, ...] = ()
    name_after: frozenset[str] = frozenset()  # ... the abbreviations that rule is for ("tys.", "proc.", not "st.")
    candidate_re: re.Pattern[str] | None = None  # cheap pre-filter: could this sentence hold a claim?
    # gates: which scans a sentence's words make worth running (see ``Gate``)
    candidate_gate: Gate = field(default_factory=Gate)
    word_gate: Gate = field(default_factory=Gate)
    vague_gate: Gate = field(default_factory=Gate)
    share_gate: Gate = field(default_factory=Gate)
    duration_gate: Gate = field(default_factory=Gate)
    weekday_gate: Gate = field(default_factory=Gate)
    month_gate: Gate = field(default_factory=Gate)
    marker_gate: Gate = field(default_factory=Gate)  # am/pm markers
    prep_gate: Gate = field(default_factory=Gate)  # "at", "o", "a las": what makes a bare number a clock time
    zone_gate: Gate = field(default_factory=Gate)  # "GMT", "czasu polskiego": what makes a dotted number a clock time


I = re.IGNORECASE


def alternation(phrases: list[str]) -> str:
    """``ruleset.alternation`` (same matches, same priority), bucketed by first character.

    The plain form tries every phrase at every position of the text; here a position is first
    checked against the possible first characters, then only the phrases starting with its
    character are tried, in their original longest-first order. Phrases with different first
    characters never match at the same position, so no match changes; searches run many
    times faster over long phrase lists (number words, scope and measure cues).
    """
    uniq = sorted(set(phrases), key=lambda p: (-len(p), p))
    if len(uniq) < 8 or any(not p.split() for p in uniq):
        out = _plain_alternation(uniq)
    else:
        buckets: dict[str, list[str]] = {}
        for p in uniq:
            buckets.setdefault(p.split()[0][0].lower(), []).append(phrase_regex(p))
        firsts = "".join(re.escape(c) for c in sorted(buckets))
        body = "|".join(f"(?=[{re.escape(c)}])(?:{'|'.join(alts)})" for c, alts in sorted(buckets.items()))
        out = f"(?:(?=[{firsts}])(?:{body}))"
    return _AT_WORD_START + out if uniq and all(_WORD_CHAR.match(p) for p in uniq) else out


#: A phrase that starts with a word character only matches at the start of a word
#: (``phrase_regex``). When every phrase of an alternation does, the alternation says so once in
#: front: the positions inside words, most of a text, fail there before any phrase is tried.
_AT_WORD_START = r"(?<!\w)"
_WORD_CHAR = re.compile(r"\w")


#: how many words may stand between a change word and the "from" of "from X to Y" it governs
#: ("raising the price of the basic 90-minute ticket from 40 to 48": six)
CLAUSE_WORDS = 8


def _compile(phrases: list[str], flags: int = I) -> re.Pattern[str]:
    return re.compile(alternation(phrases), flags)


def _lookup(table: dict[str, object], text: str) -> object | None:
    """Find the entry for a matched phrase (exact, then by the phrase patterns)."""
    key = re.sub(r"\s+", " ", text.lower())
    if key in table:
        return table[key]
    for phrase, value in table.items():
        if re.fullmatch(phrase_regex(phrase), key, I):
            return value
    return None


@functools.lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    rules = load_language(lang)
    return _build(rules)


@functools.lru_cache(maxsize=None)
def lexicon_for(lang: str, decimal_comma: bool | None) -> Lexicon:
    """The lexicon of ``lang`` reading digits with the decimal mark an article shows
    (``separator_convention``); None: the language's own."""
    lx = lexicon(lang)
    if decimal_comma is None or decimal_comma == lx.decimal_comma:
        return lx
    return dataclasses.replace(lx, decimal_comma=decimal_comma)


# Numerals only one convention writes: "1,234,567" and "1,234.5" (decimal point), "1.234.567" and
# "1.234,5" (decimal comma), and a decimal of one digit before a scale word or a percent sign
# ("4.8 millones", "3,5%"): a grouped number has three digits after its mark.
_SCALE_OR_PERCENT = r"(?=\s*(?:%|[^\W\d_]*ll[oó]n|mil\b|mln|bn|million|billion))"
# each starts with "(?=\d)": most positions of a text hold no digit and fail at once
_POINT_ONLY = re.compile(r"(?=\d)(?<![\d.,])(?:\d{1,3}(?:,\d{3}){2,}(?![\d,])|\d{1,3}(?:,\d{3})+\.\d|\d+\.\d(?!\d)" + _SCALE_OR_PERCENT + ")", re.I)
_COMMA_ONLY = re.compile(r"(?=\d)(?<![\d.,])(?:\d{1,3}(?:\.\d{3}){2,}(?![\d.])|\d{1,3}(?:\.\d{3})+,\d|\d+,\d(?!\d)" + _SCALE_OR_PERCENT + ")", re.I)


_AMBIGUOUS_NUMERAL = re.compile(r"(?=\d)(?<![\d.,])\d{1,3}[.,]\d{3}(?![\d]|[.,]\d)")
_GROUP_AND_WORD = re.compile(r"(?=\d)(?<![\d.,])\d{1,3}([.,])\d{3}(?![\d.,])\s+([^\W\d_]+)")


def _counted_in_thousands(text: str, lx: Lexicon, mark: str) -> bool:
    """Whether ``mark`` groups thousands in a count of things: "3,512 muertos" (no unit, no scale
    after it: people are not counted in thousandths)."""
    for m in _GROUP_AND_WORD.finditer(text):
        word = m.group(2).lower()
        if m.group(1) == mark and len(word) > 3 and word not in lx.words and word not in _unit_words(lx.lang):
            return True
    return False


@functools.lru_cache(maxsize=None)
def _unit_words(lang: str) -> frozenset[str]:
    """The first words of the language's units after a number ("kilómetros", "millas")."""
    return frozenset(u.split()[0] for u in lexicon(lang).units_after if u.split())


def separator_convention(text: str, lx: Lexicon) -> bool | None:
    """Whether an article writes a decimal comma (True) or a decimal point (False), decided from
    its numerals that only one convention writes; None when they do not say, or say both (then
    the language's own convention reads it). A Spanish text from the Americas may write
    "4,800 millones" for 4.8 billion: its "1,234,567" or "4.8 millones" elsewhere tell."""
    if _AMBIGUOUS_NUMERAL.search(text) is None:
        return None  # no "4,800" nor "1.500" anywhere: nothing the convention would change
    point = _POINT_ONLY.search(text) is not None or _counted_in_thousands(text, lx, ",")
    comma = _COMMA_ONLY.search(text) is not None or _counted_in_thousands(text, lx, ".")
    if point == comma:
        return None
    return comma


def _build(rules: LanguageRules) -> Lexicon:
    lx = Lexicon(rules.lang, decimal_comma=rules.lang in _DECIMAL_COMMA)
    shared = rules.shared
    for r in shared["qualifiers.tsv"]:
        lx.qualifier_bounds[r["qualifier"]] = (r["low_factor"], r["high_factor"])
        lx.qualifier_gloss[r["qualifier"]] = "" if r["gloss"] == "-" else r["gloss"]
    for r in shared["canonical.tsv"]:
        lx.measure_gloss[r["measure"]] = r["gloss"]
    for r in shared["zones.tsv"]:
        lx.zone_tz[r["name"].lower()] = r["tz"]

    # --- number words
    seq_words, scale_words, abbrevs, articles, connectors, ofs, signs, below = [], [], [], [], [], [], [], []
    suffixes, alone, ratios, part_of, last_units, labels = [], [], [], [], [], []
    glued_numbers: dict[str, float] = {}
    for r in rules.table("numbers.tsv"):
        w, v, t = r["word"], r["value"], r["type"]
        if t == "glued":
            glued_numbers[w.lower()] = v
            continue
        if t == "suffix":
            suffixes.append(w)
            continue
        if t == "alone":
            alone.append(w.lower())
            continue
        if t == "ordinal_dot":
            lx.ordinal_dot = True
            continue
        if t == "label":
            labels.append(w.lower())
            continue
        if t == "last_unit":
            last_units.append(w.lower())
            continue
        if t in ("ratio", "share"):
            ratios.append(w)
            if t == "share":
                part_of.append(w)
            continue
        if t == "below_zero":
            below.append(w)
            continue
        lx.words[w.lower()] = (v, t)
        if t in ("unit", "teen", "tens", "hundreds", "hundred", "scale", "fraction", "dozen", "decimal", "denominator", "approx"):
            seq_words.append(w)
        if t == "scale":
            scale_words.append(w)
        elif t == "abbrev":
            abbrevs.append(w)
        elif t == "article":
            articles.append(w)
        elif t == "connector":
            connectors.append(w)
        elif t == "of":
            ofs.append(w)
        elif t == "sign":
            signs.append(w)
    W = alternation(seq_words)
    ART = alternation(articles)
    CONN = alternation(connectors)
    sep = rf"(?:\s*-\s*|\s+(?:{CONN}\s+)?(?:{ART}\s+)?)" if connectors else r"(?:\s*-\s*|\s+)"
    # see ``alternation``; without articles (Polish) ART is a pattern that never matches
    lead = _AT_WORD_START if (not articles or ART.startswith(_AT_WORD_START)) and W.startswith(_AT_WORD_START) else ""
    # a word that ends in a suffix of denominators ("trillionths", "veintiunavos") may follow a
    # number word or an article; ``numbers.denominator`` decides whether it is one (three letters
    # at least before the suffix, as the gate asks: "a path" is none)
    D = rf"(?:{W}|[^\W\d_]{{3,}}(?:{'|'.join(re.escape(x) for x in sorted(suffixes, key=len, reverse=True))})(?!\w))" if suffixes else W
    lx.suffixes = tuple(sorted((x.lower() for x in suffixes), key=len, reverse=True))
    lx.alone = frozenset(alone)
    lx.has_articles = bool(articles)
    lx.ratio_re = re.compile(rf"\s+(?:{alternation(ratios)})\s+$", I) if ratios else None
    lx.share_ratio_re = re.compile(rf"\s+(?:{alternation(part_of)})\s+$", I) if part_of else None
    # an article that ends a number as its one ("treinta y una", "ciento un"; numbers.tsv type last_unit)
    last = rf"(?:\s+(?:{CONN}\s+)?(?:{alternation(last_units)}))?" if last_units and connectors else ""
    lx.last_units = frozenset(last_units)
    lx.labels = frozenset(labels)
    lx.word_re = re.compile(rf"{lead}(?:(?:{ART}\s+){D}|{W})(?:{sep}{D})*{last}", I)
    lx.word_gate = dataclasses.replace(Gate.of(seq_words), suffixes=tuple(_plain_suffixes(suffixes)))
    # After digits: "2.6 million", "2,5 mln", "200 tys.", "44bn", "1,5 mil millones"
    long_abbr = [a for a in abbrevs if len(a.rstrip(".")) > 1]
    short_abbr = [a for a in abbrevs if len(a.rstrip(".")) <= 1]
    hundreds = [w for w, (_, t) in lx.words.items() if t in ("hundred", "dozen")]  # "322 hundred", "3 dozen"
    SC = alternation([a for a in scale_words + long_abbr + hundreds if a.lower() == a])
    capital = [a for a in long_abbr if a.lower() != a]
    if capital:
        SC = rf"(?:{SC}|(?-i:{alternation(capital)}))"
    # an abbreviation written with capitals keeps its case: "5 MM" (millions) is not "5 mm"; a scale
    # word may be glued to its digits too ("$1.8billion", "3millones")
    attached = "|".join((f"(?-i:{re.escape(a)})" if a.lower() != a else re.escape(a))
                        for a in sorted(set(short_abbr + long_abbr + [w for w in scale_words if w.isalpha()]), key=lambda a: (-len(a), a)))
    # "3 millones y medio", "3 million and a half": a fraction of the scale after it
    fractions = [w for w, (_, t) in lx.words.items() if t == "fraction"]
    FR = rf"(?:\s+{CONN}\s+(?:{ART}\s+)?(?P<frac>{alternation(fractions)}))?" if connectors and fractions else ""
    lx.scale_after_digits_re = re.compile(
        rf"(?:(?P<attached>{attached or '(?!x)x'})(?!\w)|(?:\s*|-(?=[^\W\d_]))(?P<scales>{SC}(?:\s+{SC})*){FR})",
        I,
    )
    lx.article_unit_re = re.compile(rf"{ART}\s+$", I) if articles else None
    # "dos horas y media", "an hour and a half": a fraction of the unit after it
    lx.unit_fraction_re = re.compile(rf"\s+{CONN}\s+(?:{ART}\s+)?(?P<frac>{alternation(fractions)})(?!\w)", I) \
        if connectors and fractions else None
    lx.sign_re = re.compile(rf"{alternation(signs)}\s+$", I) if signs else None
    lx.below_zero_re = re.compile(rf"\s+(?:{alternation(below)})", I) if below else None
    lx.vague = {r["phrase"].lower(): (r["low"], r["high"]) for r in rules.table("vague.tsv")}
    lx.vague_re = _compile(list(lx.vague))
    lx.vague_gate = Gate.of(list(lx.vague))
    lx.shares = {r["phrase"].lower(): r["percent"] for r in rules.table("shares.tsv")}
    lx.share_re = _compile(list(lx.shares))
    lx.share_gate = Gate.of(list(lx.shares))
    of_re = alternation(ofs) if ofs else None

    # --- hedges
    for r in rules.table("hedges.tsv"):
        {"before": lx.hedges_before, "after": lx.hedges_after, "time": lx.time_hedges}[r["position"]][r["phrase"].lower()] = r["qualifier"]
    if lx.time_hedges:
        lx.time_hedge_re = re.compile(rf"(?<![^\W\d_])(?:{alternation(list(lx.time_hedges))})\s*$", I)
    lx.hedge_before_re = re.compile(rf"(?:{alternation(list(lx.hedges_before))})\s*$", I)
    lx.hedge_after_re = re.compile(rf"\s*(?:{alternation(list(lx.hedges_after))})", I)

    # --- units
    dur = []
    after_phrases: list[tuple[str, str]] = []  # (phrase as written, kind)
    cased = _cased_codes(rules)
    for r in rules.table("units.tsv"):
        target = lx.units_before if r["position"] == "before" else lx.units_after
        target[r["phrase"].lower()] = (r["kind"], r["unit"], r["factor"])
        if r["position"] == "after" and r.fields.get("number"):
            lx.unit_numbers[r["phrase"].lower()] = r["number"]
        if r["position"] == "after":
            after_phrases.append((r["phrase"], r["kind"]))
            if _is_symbol(r["phrase"], r["kind"]) or r["phrase"] in cased:
                target[r["phrase"]] = (r["kind"], r["unit"], r["factor"])  # looked up as written
        if r["kind"] == "duration":
            dur.append(r["phrase"])
    # a number glued to a unit of time in one adjective ("pięciodniowy strajk", "dwuletnie
    # śledztwo"): the number forms numbers.tsv gives as ``glued``, then a stem units.tsv gives with
    # "*" ("dniow*")
    stems = [u[:-1] for u, (k, _, _) in lx.units_after.items() if u.endswith("*") and k == "duration"]
    if glued_numbers and stems:
        lx.glued = glued_numbers
        lx.glued_gate = Gate.of([g + "*" for g in glued_numbers])
        lx.glued_re = re.compile(rf"(?<!\w)(?P<num>{'|'.join(sorted(map(re.escape, glued_numbers), key=len, reverse=True))})"
                                 rf"(?P<unit>{'|'.join(sorted(map(re.escape, stems), key=len, reverse=True))})\w*", I)
    of_part = rf"(?:{of_re}\s+)?" if of_re else ""
    # a unit may follow its number glued ("50mph", "256GB", "38C"): no word boundary before it
    glued = "|".join(_unit_regex(p, _is_symbol(p, kind) or p in cased) for p, kind in sorted(set(after_phrases), key=lambda pk: (-len(pk[0]), pk)))
    lx.unit_after_re = re.compile(rf"(?:\s*-\s*|\s*){of_part}(?:{ART}\s+)?(?P<unit>{glued})", I)
    # a currency's code keeps its case before its figure too ("SEK 610 million"; "rub 2 drops" is none)
    codes = sorted({r["phrase"] for r in rules.table("units.tsv") if r["position"] == "before" and r["phrase"] in cased})
    lowered = {c.lower() for c in codes}
    words = [p for p in lx.units_before if p not in lowered]
    coded = "|(?-i:" + "|".join(phrase_regex(c) for c in codes) + ")" if codes else ""  # not bucketed: buckets fold case
    lx.unit_before_re = re.compile(rf"(?P<unit>{alternation(words)}{coded})\s*$", I)
    lx.duration_unit_re = _compile(dur)
    art_part = rf"(?:{ART}\s+)?" if articles else ""
    # (one unit, not several: "a third of days", "a third of second-year students", "a year's salary")
    known = {d.lower() for d in dur}
    singular = [d for d in dur if not (d.lower().endswith("s") and (d.lower()[:-1] in known or d.lower()[:-2] in known))]
    lx.duration_next_re = re.compile(rf"\s*{art_part}(?:{alternation(singular)})(?![\w'’-])", I) if singular else None
    lx.duration_gate = Gate.of(dur)

    # --- changes and cues
    links, froms, levels, ranges = [], [], [], set()
    for r in rules.table("changes.tsv"):
        if r["direction"] in ("link", "level", "from"):
            links.append(r["phrase"])
            if r["direction"] == "from":
                froms.append(r["phrase"])
            elif r["direction"] == "level":
                levels.append(r["phrase"])
        elif r["direction"] == "either":
            lx.changes_either[r["phrase"].lower()] = "either"
        elif r["direction"] == "range":
            ranges.add(r["phrase"].lower())
        else:
            target = {"before": lx.changes_before, "after": lx.changes_after}.get(r["position"], lx.changes_after_share)
            target[r["phrase"].lower()] = r["direction"]
    lx.range_words = frozenset(ranges)
    LINK = rf"(?:\s+(?:{alternation(links)})){{0,2}}" if links else ""
    lx.change_before_re = re.compile(rf"(?P<change>{alternation(list(lx.changes_before))}){LINK}\s*$", I)
    # a change word, at most two words, then "from" right before the figure: the level it started from
    lx.change_from_re = (re.compile(rf"(?:{alternation(list(lx.changes_before))})(?:\s+[^\W\d_]+){{0,2}}\s+(?:{alternation(froms)})\s*$", I)
                         if froms and lx.changes_before else None)
    # a change word, then at most CLAUSE_WORDS words with no stop or bracket between, right before the
    # opener of "from X to Y": the figure after it is where the change started
    movers = list(lx.changes_either)
    lx.change_clause_re = (re.compile(rf"(?<![\w-])(?P<change>{alternation(movers)})(?![\w-])(?:[^\S\n]+(?![-–—])[^\s.,;:!?()\[\]]+){{0,{CLAUSE_WORDS}}}[^\S\n]*$", I)
                           if movers else None)
    # a link right before the figure (a short word between: "hasta el 5%") that makes it the level a
    # change reached, not the change's size ("fell to 4.8%")
    lx.change_level_re = re.compile(rf"(?:{alternation(levels)})(?:\s+\w{{1,3}})?\s*$", I) if levels else None
    # the last word a change phrase can end a window with: its own last word, or a link
    lx.change_ends = frozenset(w for p in list(lx.changes_before) + links for w in _WORD_RUN.findall(p.lower())[-1:])
    lx.change_after_re = re.compile(rf"\s*(?P<change>{alternation(list(lx.changes_after))})", I)
    lx.change_after_share_re = (re.compile(rf"\s*(?P<change>{alternation(list(lx.changes_after_share))})", I)
                                if lx.changes_after_share else None)
    needs: dict[str, set[str]] = {}
    cues: dict[str, list[str]] = {}
    not_age: dict[str, list[str]] = {"not_age_before": [], "not_age_after": []}
    for r in rules.table("cues.tsv"):
        if r["role"] == "not_counted":
            lx.not_counted = lx.not_counted | {r["phrase"].lower()}
        elif r["role"] == "needs_cue":
            needs.setdefault(r["kind"], set()).add(r["phrase"].lower())
        elif r["role"] in ("not_age_before", "not_age_after"):
            not_age[r["role"]].append(r["phrase"])
        else:
            cues.setdefault(r["kind"], []).append(r["phrase"])
    lx.needs_cue = {k: frozenset(v) for k, v in needs.items()}
    lx.cue_re = {k: _compile(v) for k, v in cues.items()}
    # a number of years right after / before these words lasted that long: it is no age ("for 27
    # years"; engine._age_context looks past a hedge: "durante casi 30 años")
    words = not_age["not_age_before"]
    lx.not_age_before_re = re.compile(rf"(?<![^\W\d_])(?:{alternation(words)})\s*$", I) if words else None
    words = not_age["not_age_after"]
    lx.not_age_after_re = re.compile(rf"\s*(?:{alternation(words)})(?![^\W\d_])", I) if words else None

    # --- measures
    nouns, contexts = [], []
    for r in rules.table("measures.tsv"):
        pat = re.compile(phrase_regex(r["term"]), I)
        if r["role"] == "noun":
            lx.nouns.append((pat, r["measure"], r["applies"]))
            nouns.append(r["term"])
        else:
            lx.contexts.append((pat, r["measure"], r["applies"]))
            contexts.append(r["term"])
    lx.noun_re = _compile(nouns)
    lx.context_re = _compile(contexts)

    # --- scope
    anchors, sinces, untils, bases, fronted, thens, then_nots, scopes = [], [], [], [], [], [], [], []
    change_bases: list[str] = []
    anchor_nots: list[str] = []
    for r in rules.table("scope.tsv"):
        f = r["field"]
        if f == "anchor":
            (anchor_nots if r["value"] == "not" else anchors).append(r["phrase"])
        elif f == "since":
            (untils if r["value"] == "end" else bases if r["value"] == "base"
             else change_bases if r["value"] == "change_base" else sinces).append(r["phrase"])
        elif f == "fronted":
            fronted.append(r["phrase"])
        elif f == "then":
            (then_nots if r["value"] == "not" else thens).append(r["phrase"])
        elif f in ("part", "increment", "running"):
            continue  # cues next to a figure: compiled by the counted reader (counted.py)
        else:
            lx.scope.append((re.compile(phrase_regex(r["phrase"]), I), f, r["value"]))
            scopes.append(r["phrase"])
    lx.scope_re = _compile(scopes)
    lx.anchor_re = re.compile(rf"(?:{alternation(anchors)})\s*$", I)
    lx.anchor_not_re = _compile(anchor_nots) if anchor_nots else None
    lx.since_re = _compile(sinces)
    # a deadline word right before the year ("by 2027", "by the end of 2027"), not anywhere near it
    lx.until_re = re.compile(rf"(?:{alternation(untils)})\s*$", I) if untils else None
    lx.base_re = _compile(bases) if bases else None
    lx.change_base_re = _compile(change_bases) if change_bases else None
    lx.fronted_re = re.compile(rf"^\W*(?:{alternation(fronted)})", I)
    lx.then_re = _compile(thens) if thens else None
    lx.then_not_re = _compile(then_nots) if then_nots else None

    # --- time words
    ams, pms, noons, zones, wds, mons, preps, minute_preps, second_preps = [], [], [], [], [], [], [], [], []
    orders: list[str] = []
    for r in rules.table("time.tsv"):
        t, p = r["type"], r["phrase"]
        if t == "am":
            ams.append(p)
        elif t == "pm":
            pms.append(p)
        elif t in ("noon", "midnight"):
            noons.append(p)
            lx.noon_hours[p.lower()] = int(r["value"])
        elif t == "zone":
            zones.append(p)
            lx.zones[p.lower()] = r["value"]
        elif t == "weekday":
            wds.append(p)
            lx.weekdays[p.lower()] = int(r["value"])
        elif t == "prep":
            preps.append(p)
        elif t == "prep_minutes":
            minute_preps.append(p)
        elif t == "prep_seconds":
            second_preps.append(p)
        elif t == "date_order":
            orders.append(p.lower())
        elif t == "month":
            mons.append(p)
            lx.months[p.lower()] = int(r["value"])
    lx.am_re = _compile(ams)
    lx.pm_re = _compile(pms)
    lx.noon_re = _compile(noons)
    lx.noon_bare = {p.split()[-1]: h for p, h in lx.noon_hours.items() if len(p.split()) > 1}
    lx.noon_bare_re = _compile(sorted(lx.noon_bare))
    lx.noon_gate = Gate.of(noons + sorted(lx.noon_bare))
    lx.name_endings = tuple(sorted(r["word"].lower() for r in rules.table("grammar.tsv") if r["class"] == "name_ending"))
    lx.name_after = frozenset(r["word"].lower() for r in rules.table("grammar.tsv") if r["class"] == "name_after")
    articles = [r for r in rules.table("grammar.tsv") if r["class"] == "article"]
    if articles:
        words = sorted({r["word"].lower() for r in articles}, key=len, reverse=True)
        lx.article_re = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, words))})\s*$", I)
        lx.contractions = {r["word"].lower(): (r.fields.get("value") or "") for r in articles}
    # zone names are case-sensitive when they are upper-case abbreviations ("ET", not "et")
    lx.zone_re = re.compile("(?:" + "|".join(
        (f"(?-i:{phrase_regex(z)})" if z.isupper() else phrase_regex(z)) for z in sorted(set(zones), key=lambda p: (-len(p), p))
    ) + ")", I)
    lx.prep_re = re.compile(rf"(?:{alternation(preps)})\s*$", I)
    lx.prep_gate = Gate.of(preps + minute_preps)
    lx.minute_prep_re = re.compile(rf"(?:{alternation(minute_preps)})\s*$", I) if minute_preps else None
    lx.second_prep_re = re.compile(rf"(?<![^\W\d_])(?:{alternation(second_preps)})\s*$", I) if second_preps else None
    lx.zone_gate = Gate.of(sorted(set(zones)))
    lx.marker_gate = Gate.of(ams + pms)
    lx.weekday_re = _compile(wds)
    lx.weekday_gate = Gate.of(wds)
    lx.month_re = _compile(mons)
    lx.month_first = not orders or "month day" in orders
    lx.month_gate = Gate.of(mons)

    # --- attribution
    before, verbs = [], []
    for r in rules.table("attribution.tsv"):
        (before if r["type"] == "before" else verbs).append(r["phrase"])
    lx.attr_before_re = _compile(before)
    lx.attr_verb_re = _compile(verbs)

    # --- sentences
    lx.abbreviations = frozenset(r["abbrev"].lower() for r in rules.table("abbreviations.tsv"))
    lx.sentence_openers = stop_words(lx.lang)
    cand = [w for w in seq_words if len(w) > 2] + list(lx.vague) + list(lx.shares)
    cand += [u for u in lx.units_after if lx.units_after[u.lower()][0] == "duration"]
    cand += list(lx.weekdays)
    cand += list(lx.noon_hours)  # "at noon": a clock time with no digits
    cand += [g + "*" for g in lx.glued]  # "pięciodniowy": a number glued to its unit
    lx.candidate_re = re.compile(r"\d|" + alternation(cand), I)
    lx.candidate_gate = Gate.of(cand)
    return lx


def _plain_suffixes(suffixes: list[str]) -> list[str]:
    """The suffixes lower-cased, with and without accents (the gate sees words as written)."""
    import unicodedata

    out = set()
    for x in suffixes:
        out.add(x.lower())
        out.add("".join(ch for ch in unicodedata.normalize("NFD", x.lower()) if not unicodedata.combining(ch)))
    return sorted(out)


def _cased_codes(rules: LanguageRules) -> frozenset[str]:
    """The currency codes of ``units.tsv`` that are also words of the language when written in
    lower case ("RUB" and "rub", "TRY" and "try", Polish "SEK" and "sek"): they are read as
    written, in capitals, only. Other codes read in any case ("usd 20")."""
    from .lemmas import known

    return frozenset(r["phrase"] for r in rules.table("units.tsv")
                     if r["kind"] == "money" and len(r["phrase"]) == 3 and r["phrase"].isascii() and r["phrase"].isalpha()
                     and r["phrase"].isupper() and known(r["phrase"].lower(), rules.lang))


def _is_symbol(phrase: str, kind: str) -> bool:
    """A unit symbol that keeps its case: up to three characters, one of them a capital ("MB",
    "kW", "C"), or a single letter ("g", "t", "l"), of a physical quantity or temperature ("MB"
    is not "mb", "38C" not "38c", "24703 L-202" no litres)."""
    return (kind in ("quantity", "temperature") and len(phrase) <= 3 and " " not in phrase
            and (phrase.lower() != phrase or (len(phrase) == 1 and phrase.isalpha()))
            and phrase[0] not in "°º")  # "°c" is as clear as "°C"


def _unit_regex(phrase: str, sensitive: bool) -> str:
    """A unit after a number: ``phrase_regex`` without its word boundary in front (the unit may be
    glued to the number), case-sensitive for a symbol (``_is_symbol``). A symbol followed by a
    hyphen (or a soft, non-breaking or en dash hyphen) is part of a name ("800,000 F-Series
    pickups", "1,250 t-shirts")."""
    body = phrase_regex(phrase)
    if body.startswith("(?<!\\w)"):
        body = body[len("(?<!\\w)"):]
    return f"(?-i:{body}(?![-\u00ad\u2010\u2011\u2012\u2013]|\\.\\w))" if sensitive else body  # not "F-Series", "C.P.I.", "t-shirts"


#: how far before a clock time a word that makes it the moment a count was taken may start
ANCHOR_REACH = 20


def anchored(lx: Lexicon, s: str, at: int) -> bool:
    """Whether a word that makes a clock time the moment a count was taken ("as of", "hasta las",
    ``scope.tsv`` field anchor) stands right before ``at`` in ``s``, and no word of a negation
    before it in its clause (value not: "no se restablecieron hasta las 17:05", "dopiero do godz.
    14": not until then, the time something happened)."""
    m = lx.anchor_re.search(s[max(0, at - ANCHOR_REACH) : at]) if lx.anchor_re is not None else None
    if m is None:
        return False
    if lx.anchor_not_re is None:
        return True
    word = max(0, at - ANCHOR_REACH) + m.start()
    return lx.anchor_not_re.search(s, clause_bounds(s, word, word)[0], word) is None


def qualifier_bounds(lx: Lexicon, qualifier: str, value: float) -> tuple[float | None, float | None]:
    lo_f, hi_f = lx.qualifier_bounds.get(qualifier, (1.0, 1.0))
    low = None if math.isinf(lo_f) else value * lo_f
    high = None if math.isinf(hi_f) else value * hi_f
    if qualifier in ("up_to", "less_than"):
        low = 0.0
    return low, high


def find_entry(table: dict[str, object], text: str) -> object | None:
    return _lookup(table, text)
