"""Extract: one article's normalized text -> its numeric claims.

The pipeline per language is ``spacy.blank(lang)`` plus the rule component
``claimrecon_claims`` fed from ``rules/<lang>/``. A cheap pre-filter keeps spaCy off sentences
that hold no digit and no number word; the component reads the others token by token.
Knows nothing about other articles.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from ..errors import UnsupportedLanguage
from ..quantities import unit as quantity_unit
from ..records import Article, Attribution, Claim, Counted, Scope, clock, offset_text, zone_minutes
from ..ruleset import alternation
from .context import _STOP, _conjunct, attribution_for, context_spans, measure_for, scope_for
from .counted import WHEN, YEAR, grammar, told_across_only, weekday_ahead
from .counted import read as read_counted
from .engine import _WORDS, Mention, extract_mentions, prepare, resolve_weekday
from .gloss import gloss
from .lexicon import Lexicon, anchored, lexicon, lexicon_for, separator_convention, words_of
from .text import TEXT_CACHES, Sentence, inside, quote_spans, sentences, text_cache

__all__ = ["extract", "extract_article", "pipeline"]

COMPONENT = "claimrecon_claims"


@functools.lru_cache(maxsize=None)
def pipeline(lang: str) -> Any:
    """``spacy.blank(lang)`` with the claimrecon rule component; cached per language."""
    from spacy.language import Language
    from spacy.util import get_lang_class

    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, default_config={"lang": "en"}, func=_make_component)
    lx = lexicon(lang)  # validate the rules before building anything
    prepare(lx.lang)  # and compile every pattern now, not in the middle of the first article
    nlp = get_lang_class(lang)()  # the tokenizer spacy.blank builds, without its config fill and validation
    nlp.add_pipe(COMPONENT, config={"lang": lx.lang})
    nlp.max_length = 10**8  # only the tokenizer runs: spaCy's limit is for parsers, which need 1 GB per 100,000 characters
    return nlp


def _make_component(nlp: Any, name: str, lang: str) -> "ClaimComponent":
    return ClaimComponent(lexicon(lang))


class ClaimComponent:
    """spaCy component: finds the claims of an article doc, sentence by sentence.

    ``doc.user_data["claimrecon"]`` carries the candidate sentences and the article's context;
    the result, a list of (sentence, claims) pairs, goes to ``doc.user_data["claimrecon_mentions"]``.
    A doc without that context (``nlp("some text")``) is read as one sentence. The doc holds
    only the sentences whose tokens are needed (``_needs_tokens``) and whose ``Parts`` are not
    known yet (``parts`` is None for them).
    """

    def __init__(self, lx: Lexicon) -> None:
        self.lx = lx

    def __call__(self, doc: Any) -> Any:
        ctx = doc.user_data.get("claimrecon", {})
        lx: Lexicon = ctx.get("lexicon") or self.lx  # the article's own decimal mark (``separator_convention``)
        text = ctx.get("text") or doc.text
        found: list[Found] = ctx.get("found") or _find(lx, [Sentence(0, len(text), text, 0, len(text))], ctx.get("published"))
        known = ctx["parts"] if "parts" in ctx else [None] * len(found)
        at = ctx["doc_starts"] if "doc_starts" in ctx else [f.sentence.start for f in found]  # where each sentence is in the doc
        # (offset, length, is punctuation) of every token as plain ints: one conversion per doc,
        # then each sentence slices its own by bisection
        rows = doc.to_array(["IDX", "LENGTH", "IS_PUNCT"]).tolist() if len(doc) else []
        starts = [r[0] for r in rows]
        dtext = ctx.get("doc_text") or text
        out = []
        for f, parts, lo_at in zip(found, known, at):

            def toks(sent: Sentence = f.sentence, lo_at: int = lo_at) -> list[tuple[int, int, str, bool]]:
                """The sentence's tokens, offsets relative to the sentence."""
                lo, hi = bisect.bisect_left(starts, lo_at), bisect.bisect_left(starts, lo_at + len(sent.text))
                return [(i - lo_at, i - lo_at + n, t, bool(p) or t in _STOP)
                        for i, n, p in rows[lo:hi] for t in (dtext[i : i + n],)]

            out.append((f.sentence, sentence_claims(lx, toks, dict(ctx, sentence=f.sentence, mentions=f.mentions, parts=parts))))
        doc.user_data["claimrecon_mentions"] = out
        return doc


class Found(NamedTuple):
    """A sentence that holds numeric mentions, with them (shared templates: never changed)."""

    sentence: Sentence
    mentions: tuple[Mention, ...]


class Parts(NamedTuple):
    """What a sentence's claims are, whatever article it stands in: the mentions that make
    claims (copies, with their values filled in), each with its measure, scope, gloss and
    counted thing, and the weekday that stands for a date ("on Tuesday") with its gloss, if
    there is one. The article adds where the sentence is (datelines), its quotes (attribution)
    and its publication moment (``Scope.as_of``)."""

    claims: tuple[tuple[Mention, str | None, Scope, str, Counted], ...]
    weekday: tuple[Mention, str] | None


_DIGIT = re.compile(r"\d")
#: a word of four letters or more right after a number word: what it counts ("siete heridos", "pięcioro dzieci")
_COUNTED_WORD = re.compile(r"\s+([^\W\d_]{4,})(?![\w-])")


_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\s+$")


def _after_time_unit(lx: Lexicon, s: str, start: int) -> bool:
    """Whether a number word follows a unit of time that makes it a name ("los años setenta", the
    seventies; "lata siedemdziesiąte")."""
    m = _PREVIOUS_WORD.search(s, max(0, start - 20), start)
    return bool(m) and lx.units_after.get(m.group(1).lower(), ("",))[0] == "duration"


def _next_word_counted(lx: Lexicon, s: str, end: int) -> bool | None:
    """Whether the word after a number word is what it counts ("siete heridos": True) or a word
    that makes it no count ("three times": False); None when no such word follows."""
    m = _COUNTED_WORD.match(s, end)
    return None if m is None else m.group(1).lower() not in lx.not_counted


_NON_LETTERS = re.compile(r"[\W\d_]+")
_OFFSET = re.compile(r"[+-]\d\d:\d\d")
_YEAR_DIGITS = re.compile(r"\d{4}")
_AFTER_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def _find(lx: Lexicon, sents: list[Sentence], published: str | None) -> list[Found]:
    """The sentences that hold a mention (``lx`` may read digits with an article's own decimal mark)."""
    year = published[:4] if published else published  # all that extract_mentions reads of it
    out = []
    for sent in sents:
        mentions = _scan(lx.lang, sent.text, year, lx.decimal_comma)
        if mentions is not None:
            out.append(Found(sent, mentions))
    return out


@text_cache(maxsize=4096)
def _scan(lang: str, text: str, year: str | None, decimal_comma: bool | None = None) -> tuple[Mention, ...] | None:
    """The mentions of a sentence that holds a mention, else None. Digits or a number word make
    a sentence a candidate (``Lexicon.candidate_gate``); only candidates are scanned.

    Cached by text and publication year, the only inputs: a feed repeats sentences (bylines,
    boilerplate, wire copy shared by outlets) and a repeat costs one lookup. The mentions are
    shared templates: ``sentence_parts`` copies them before filling in values.
    """
    lx = lexicon_for(lang, decimal_comma)
    words = words_of(text)
    if _DIGIT.search(text) is None and not lx.candidate_gate.open(words):
        return None
    mentions = extract_mentions(text, lx, year, words)
    if mentions or (lx.weekday_gate.open(words) and lx.weekday_re.search(text)):  # "on Tuesday" alone is a date
        return tuple(mentions)
    return None


def _dateline(lx: Lexicon, sent: Sentence, mentions: Sequence[Mention]) -> bool:
    """A line that is only a date (and maybe a place and weekday): page furniture, not a claim."""
    if sent.start != sent.paragraph_start or sent.end < sent.paragraph_end - 1:
        return False
    dates = [m for m in mentions if m.kind == "date"]
    if not dates:
        return False
    rest = sent.text
    for m in sorted(dates, key=lambda m: -m.start):
        rest = rest[: m.start] + rest[m.end :]
    if rest == sent.text:
        return False
    rest = lx.weekday_re.sub("", rest)
    rest = _NON_LETTERS.sub(" ", rest).strip()
    return len(rest.split()) <= 3 and all(w[:1].isupper() for w in rest.split())


def _time_value(h: int, mi: int, zone: str | None, date: str | None, lx: Lexicon, published: str | None = None) -> tuple[str, str | None]:
    """ISO clock time as written, with its UTC offset when the zone is stated. A zone that
    follows daylight saving needs a date: the stated one, else the publication date (the season
    is known even when the day is not; the date itself is then not claimed)."""
    tz = lx.zone_tz.get(zone.lower(), zone) if zone else None
    offset = ""
    when = date or (published[:10] if published else None)
    if tz and _OFFSET.fullmatch(tz):
        offset = tz
    elif tz and tz != "local" and when:
        try:
            total = zone_minutes(tz, dt.date.fromisoformat(when), h, mi)
            offset = offset_text(total) if total is not None else ""
        except Exception:  # an unknown zone name leaves the offset unknown, never guessed
            offset = ""
    clock = f"{h:02d}:{mi:02d}:00{offset}"
    return (f"{date}T{clock}" if date else clock), tz


def sentence_claims(lx: Lexicon, tokens: Callable[[], list[tuple[int, int, str, bool]]], ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """The claims of one sentence as plain dicts (offsets relative to the sentence); ``toks`` are
    its tokens as (start, end, text, is punctuation), offsets relative to the sentence, from a
    callable so that sentences without a mention are never split into tokens."""
    sent: Sentence = ctx["sentence"]
    s: str = sent.text
    base = sent.start if sent else 0
    published: str | None = ctx.get("published")
    quotes: list[tuple[int, int]] = ctx.get("quotes", [])
    full_text: str | None = ctx.get("text")
    mentions: Sequence[Mention] = ctx["mentions"] if ctx.get("mentions") is not None else extract_mentions(s, lx, published)
    if sent is not None and _dateline(lx, sent, mentions):
        return []
    parts: Parts | None = ctx.get("parts")
    if parts is None:
        parts = sentence_parts(lx, s, tokens, mentions, published)
    out: list[dict[str, Any]] = []
    for men, measure, scope, text, counted in parts.claims:
        quoted = inside(quotes, base + men.core_start)
        attribution = attribution_for(lx, s, quoted, men.core_start)
        if quoted and attribution.source is None and full_text:
            attribution = _speaker_after_quote(lx, full_text, quotes, base + men.core_start) or attribution
        out.append({"men": men, "measure": measure, "scope": scope, "attribution": attribution, "gloss": text, "counted": counted})
    if parts.weekday is not None and not (sent and _dateline_words(lx, sent)):
        # "on Tuesday", "el martes", "we wtorek": a date once the publication date fixes the week
        wd, text = parts.weekday
        out.append({"men": wd, "measure": None, "scope": Scope(), "attribution": attribution_for(lx, s, inside(quotes, base + wd.start)),
                    "gloss": text, "counted": Counted()})
        out.sort(key=lambda c: (c["men"].start, c["men"].end))
    return out


#: ``Parts`` by (language, sentence, publication day): a repeated sentence (boilerplate, wire
#: copy, a fact restated) is measured and scoped once, and needs no tokens after that.
_PARTS: dict[tuple[str, str, str | None, bool], Parts] = {}
_PARTS_LIMIT = 4096


def _parts_key(lx: Lexicon, s: str, published: str | None) -> tuple[str, str, str | None, bool]:
    """Of the publication date, ``Parts`` read only the day (weekdays, time zone offsets); of the
    article, the decimal mark its numerals use."""
    return lx.lang, s, published[:10] if published else published, lx.decimal_comma


def _read(lx: Lexicon, s: str, mentions: Sequence[Mention], published: str | None) -> list[Any]:
    """The counted reader's ``Reading`` of each of a sentence's mentions."""
    return read_counted(lx.lang, s, [(m.start, m.end, m.kind) for m in mentions], published,
                        [context_spans(lx, s, m.core_start, m.end) for m in mentions], lx.since_re, lx.until_re,
                        [m.unit for m in mentions], lx.base_re, [m.value for m in mentions],
                        lx.change_base_re, [bool(m.extra.get("change")) for m in mentions])


#: the most characters between a part and its whole ("Five | of the | 23 patients")
PART_GAP = 10


def _counts_something(reading: Any, adds_to_count: bool = True) -> bool:
    """Whether a reading says what a bare number word counts: a concept close to it, a part of a
    count named before it, or an addition to a plain count before it (``adds_to_count``: "15
    casos, siete más que el viernes"; not to a share, an amount or a count with a scale word, whose
    unit the number word leaves unsaid: "al 12%, dos más que en enero"). (Measured on the
    thirty-three gated sets: the additions read 20 more claims of the golds and moved no conflict;
    a place named after the number word, "nine in Poland", read 37 more and found 3 conflicts more
    for 6 more false flags: not kept.)"""
    if reading is None:
        return False
    if reading.part in ("of_them", "among") or (reading.increment and adds_to_count):
        return True  # (an increment counts what the count before it counts: "15 cases, six more than on Monday")
    return any(t[:1] == "#" and w >= 0.5 for t, w in zip(reading.counted.terms, reading.counted.weights)
               if not t.startswith(WHEN))


def _after_plain_count(mentions: Sequence[Mention], i: int) -> bool:
    """Whether the figure before mention ``i`` in its sentence, if any, is a count with no scale
    word ("Son siete más que la víspera" adds to a figure of an earlier sentence: a count)."""
    before = [m for m in mentions[:i] if m.kind != "date"]
    return not before or (before[-1].kind == "count" and not before[-1].extra.get("has_scale"))


def sentence_parts(lx: Lexicon, s: str, tokens: Callable[[], list[tuple[int, int, str, bool]]], mentions: Sequence[Mention],
                   published: str | None) -> Parts:
    """The ``Parts`` of sentence ``s`` with these mentions (``extract_mentions`` of it), cached."""
    key = _parts_key(lx, s, published)
    parts = _PARTS.get(key)
    if parts is None:
        parts = _sentence_parts(lx, s, tokens, mentions, published)
        if len(_PARTS) >= _PARTS_LIMIT:
            _PARTS.clear()
        _PARTS[key] = parts
    return parts


def _range_ends(lx: Lexicon, entry: tuple[Mention, str | None, Scope, str, Counted]) -> list[tuple[Mention, str | None, Scope, str, Counted]]:
    """A range read whole ("between 20 and 30 people were injured") as its two ends, each a claim
    described as the range is (``range_end`` of ``engine._number_mention``); any other entry as it is."""
    men, measure, scope, gloss, counted = entry
    end = men.extra.get("range_end")
    if not end or men.qualifier != "range":
        return [entry]
    start2, end2, value2, precision2, first_end = end
    first = men.copy()
    first.end = first.core_end = first_end
    second = men.copy()
    second.start, second.end, second.core_start, second.value, second.precision = start2, end2, start2, value2, precision2
    second.extra["hedged"] = False
    return [(first, measure, scope, _gloss(lx, first, measure), counted),
            (second, measure, scope, _gloss(lx, second, measure), counted)]


def _clock_day(lx: Lexicon, s: str, men: Mention, dated: list[tuple[int, int, Any]], first_day: list[tuple[int, int, Any]],
               days: list[tuple[int, int, Any]]) -> Any:
    """The day a clock time of sentence ``s`` is on: the nearest weekday or date of its own
    conjunct that only function words stand between ("stopped at 4.40am on Tuesday and restarted
    at 4.55pm on Wednesday": each its own; "fue hallado el lunes a las 20.15"), else the date or
    first weekday of the sentence nearest it ("presentados este martes a las 10.30 ..., la noche
    del 27 al 28 de enero": Tuesday's, not January's; "On Wednesday the plant that stopped on
    Tuesday restarted at 5.55pm", "We wtorek nieczynną od niedzieli hutę uruchomiono o 18.55": the
    day that opens it, a red-team review's cases)."""
    own = _conjunct(s, context_spans(lx, s, men.core_start, men.end), men.core_start, lx.lang) if days else []
    function = grammar(lx.lang).function
    near = [d for d in dated + days if own and own[0][0] <= d[0] and d[1] <= own[0][1]
            and all(w.lower() in function for w in _WORDS.findall(s, min(d[1], men.end), max(d[0], men.start)))
            and not any(ch in "()[],;" for ch in s[min(d[1], men.end) : max(d[0], men.start)])]
    if near:
        return min(near, key=lambda d: (max(d[0] - men.end, men.start - d[1], 0), d[0]))[2]
    every = dated + first_day
    return min(every, key=lambda d: (abs(d[0] - men.start), d[0]))[2] if every else None


def _sentence_parts(lx: Lexicon, s: str, tokens: Callable[[], list[tuple[int, int, str, bool]]], templates: Sequence[Mention],
                    published: str | None) -> Parts:
    mentions = [m.copy() for m in templates if not _rate_of_previous(s, templates, m)]  # the templates are shared
    toks = tokens() if _needs_tokens(mentions) else []
    weekdays = [(w, resolve_weekday(lx.weekdays.get(w.group().lower(), 0), published, weekday_ahead(lx.lang, s, w.start(), w.end())))
                for w in (lx.weekday_re.finditer(s) if lx.weekday_gate.open(words_of(s)) else ())]
    wm, weekday_date = weekdays[0] if weekdays else (None, None)
    # the days the sentence names, where it names them: a clock time takes the nearest ("presentados
    # este martes a las 10.30 ..., la noche del 27 al 28 de enero": Tuesday's, not January's;
    # "stopped at 4.40am on Tuesday and restarted at 4.55pm on Wednesday": each its own)
    dated = [(m.start, m.end, m.value) for m in mentions if m.kind == "date" and m.value]
    first_day = [(wm.start(), wm.end(), weekday_date)] if wm and weekday_date else []
    # every weekday, for a clock time that names its own in its conjunct (not a possessive one:
    # "Wednesday's early shift")
    days = [(w.start(), w.end(), d) for w, d in weekdays if d and not s.startswith(("'s", "’s"), w.end())]
    out: list[tuple[Mention, str | None, Scope, str, Counted]] = []
    anchors: list[tuple[int, str]] = []
    measures = [measure_for(lx, s, toks, men) if men.kind != "date" else None for men in mentions]
    bare = [men.kind == "count" and men.words_only and not men.extra.get("has_scale") and not men.extra.get("noun")
            and not (isinstance(men.value, float) and men.value > 1 and _next_word_counted(lx, s, men.end) is True)
            and not men.extra.get("approx") for men in mentions]
    readings = _read(lx, s, mentions, published) if any(bare) else []
    # a bare number word of one word ("one of them" is none) is a claim when the reader finds
    # what it counts close to it ("put the death toll at seven"; "six of them in critical
    # condition"); longer ones ("forty two and a third") are left as they were: the readings of
    # compound number words without a noun are too often wrong to trust on that evidence
    # a number word right before the whole it is a part of ("Seven of 12 sampling points", "Four
    # of the 11 injured") counts what that whole counts
    parts = {i for i in range(len(mentions) - 1) if readings and readings[i + 1] is not None
             and readings[i + 1].part == "whole" and 0 < mentions[i + 1].start - mentions[i].end <= PART_GAP}
    kept = [(men, measure) for i, (men, measure, b, r) in enumerate(zip(mentions, measures, bare, readings or [None] * len(mentions)))
            if not b or (isinstance(men.value, float) and men.value > 1 and _next_word_counted(lx, s, men.end) is not False
                         and not _after_time_unit(lx, s, men.start)
                         and len(s[men.start:men.end].split()) == 1 and (_counts_something(r, _after_plain_count(mentions, i)) or i in parts))]
    if len(kept) < len(mentions) or not readings:
        # read once the figures are known: a number word that counts nothing ("jednym z
        # kurortów", one of the resorts) neither takes the words nor closes the clause around it
        readings = _read(lx, s, [m for m, _ in kept], published)
    clock_before: tuple[int, Any] | None = None  # where the last clock time ends, and its day
    for (men, measure), reading in zip(kept, readings):
        if men.kind == "time":
            h, mi = men.hour_minute or (0, 0)
            date = _clock_day(lx, s, men, dated, first_day, days)
            if clock_before is not None and days and _restatement(lx).fullmatch(s, clock_before[0], men.start):
                date = clock_before[1]  # "at 4.55pm BST on Wednesday (5.55pm local time)": the restatement's day is the clock's
            clock_before = (men.end, date)
            value, tz = _time_value(h, mi, men.zone, date, lx, published)
            men.value, men.zone, men.date = value, tz, date
            if measure is None and anchored(lx, s, men.start):
                anchors.append((men.start, value[11:16] if "T" in value else value[:5]))
        scope = scope_for(lx, s, men) if men.kind != "date" else Scope()
        if men.kind != "date":
            scope = dataclasses.replace(
                scope,
                period=scope.period or (f"in_{reading.year}" if reading.year else None)
                or ("before_change" if men.extra.get("from_level") or (lx.change_from_re and lx.change_from_re.search(s, max(0, men.start - 60), men.start)) else None),
                # "otros 230" is another 230; "other" qualifies counted things ("most other spaces have
                # hundreds of listeners"), not amounts ("damage to benches and other furniture: 2.1 million")
                subject=None if scope.subject == "other" and (reading.increment or men.kind not in ("count", "percent")) else scope.subject,
                part=reading.part, increment=reading.increment, running=reading.running)
        out.append((men, measure, scope, _gloss(lx, men, measure), reading.counted))
    out = [part for entry in out for part in _range_ends(lx, entry)]
    out = _conversions_count_alike(lx.lang, s, out)
    if anchors:
        for i, (men, measure, sc, text, counted) in enumerate(out):
            if men.kind in ("count", "percent"):
                pos, moment = min(anchors, key=lambda a: abs(a[0] - men.start))
                if sc.moment is None:  # a named moment ("at kickoff") stated in the clause wins
                    out[i] = (men, measure, dataclasses.replace(sc, moment=moment), text, counted)
    weekday = None
    if wm and weekday_date and not any(m.kind == "date" for m in mentions):
        men = Mention("date", wm.start(), wm.end(), wm.start(), wm.end(), weekday_date, date=weekday_date)
        weekday = men, _gloss(lx, men, None)
    return Parts(tuple(out), weekday)


#: what stands between an amount and its conversion in brackets: "150 bahts (unos cuatro euros)",
#: "(ok. 3,2 mln dolarów, czyli blisko 13 mln zł)"
_OPENING = re.compile(r"\s*(?:[^\W\d_]+\s+){0,3}[(\[]\s*")  # (a rate between: "la botella")
_NEXT_IN_BRACKET = re.compile(r"\s*[,;/]?\s*(?:[^\W\d_]+\.?\s+)?")


def _conversions_count_alike(lang: str, s: str, out: list[tuple[Mention, str | None, Scope, str, Counted]]) -> list[tuple[Mention, str | None, Scope, str, Counted]]:
    """An amount in brackets after another that its sentence tells nothing of itself ("a unos 150
    bahts la botella (unos cuatro euros)"), or after a word that restates it ("18,5 mln euro,
    czyli ok. 79 mln zł"), is that amount converted: it counts what the amount before it counts."""
    for k in range(1, len(out)):
        men, counted = out[k][0], out[k][4]
        if men.kind != "money" or (counted.terms and not told_across_only(counted)):
            continue  # (words of its own; not those its sentence's other clauses lent it)
        prev = out[k - 1]
        if prev[0].kind != "money" or not prev[4].terms or prev[0].unit == men.unit:
            continue  # (one currency: a breakdown, "£12 million (£5 million, £4 million ...)", not a conversion)
        gap = s[prev[0].end : men.start]
        if _OPENING.fullmatch(gap) or (_NEXT_IN_BRACKET.fullmatch(gap) and s.rfind("(", 0, prev[0].start) > s.rfind(")", 0, prev[0].start)) \
                or (not out[k][2].increment and _restates(lang, s, prev[0].end, men.start, men.qualifier in APPROXIMATE, men.end)):
            out[k] = out[k][:4] + (prev[4],)
    return out


#: the qualifiers of a figure given as roughly another ("or about $21.7 million", "or nearly"):
#: after "or" only those restate the amount before it ("or up to £4,500" offers another)
APPROXIMATE = frozenset({"about", "nearly"})


def _restates(lang: str, s: str, prev_end: int, start: int, approximate: bool, end: int | None = None) -> bool:
    """Whether the amount at ``start`` (ending at ``end``) gives the amount that ends at
    ``prev_end`` again: nothing but a comma and a word of class restate stands between them
    (``restating``)."""
    found = restating(lang, s, start, approximate, end)
    return found is not None and found[0] == prev_end


def restating(lang: str, text: str, at: int, approximate: bool, end: int | None = None) -> tuple[int, bool] | None:
    """Where the amount a figure at ``at`` in ``text`` gives again ends, when the words before the
    figure end in a comma and a word that restates it (``grammar.tsv`` class restate: ", czyli",
    ", es decir,"; with value hedged only when the figure is ``approximate``, ``APPROXIMATE``: ",
    or about"): (the offset the comma stands at, whitespace before it included; whether the word
    restates whatever follows it, not only an approximate amount), else None. Whether the figure
    is the amount converted is for their ratio to say (``match.conversions``). An approximate
    figure right after a comma restates the same way, with no word, when it ends at ``end`` and
    its clause ends with it ("1.500 eslotis, unos 530 euros, por cada intervención", "10,000
    zlotys, around £2,000."; ``_BARE_COMMA``, ``ends_clause``; not "2 million zlotys, around
    €400,000 of it from EU funds", "120,000 zlotys, roughly 700 euros each", a part or a rate of
    the amount, a red-team review's cases). A language without rules has no such words."""
    try:
        g = grammar(lang)
    except UnsupportedLanguage:
        return None
    bare = _BARE_COMMA if approximate and end is not None and ends_clause(text, end) else None
    for pat, firm in ((g.restate, True), (g.restate_hedged if approximate else None, False), (bare, False)):
        m = pat.search(text, max(0, at - 32), at) if pat is not None else None
        if m is not None:
            if pat is bare and _DASH.search(text, m.start(), at) and not _one_amount_before(text, m.start()):
                return None
            return m.start(), firm
    return None


#: where a clause ends: a clause mark, a closing bracket, a full stop (not a decimal point) or the end
_CLAUSE_END = re.compile(r"\s*(?:[,;:)\]\u2013\u2014]|\.(?!\d)|$)")


def ends_clause(text: str, end: int) -> bool:
    """Whether nothing but a clause's end follows offset ``end`` of ``text`` ("unos 530 euros, por
    cada", not "around €400,000 of it")."""
    return bool(_CLAUSE_END.match(text, end))


#: the words that give a rate before its unit ("a month", "al mes", "za dobę")
_RATE_PREPS = "a|an|per|each|every|al|por|cada|na|za"
#: a comma (or a spaced dash: "1.5m zloty – about £300,000 –") and nothing else before an
#: approximate figure, or the rate the amount before it is given at and a comma ("1.200 eslotis
#: al mes, unos 280 euros", "£20 a night, about €23"): an apposition that gives the amount before
#: it again. (Measured on the fifty-six gated sets, with
#: ``conversions.misconverted`` reading such an amount at a ratio no rough rate allows as a wrong
#: conversion: 7,045 -> 7,115 of 11,652 conflicts found, 1,537 -> 1,530 false flags; the rate
#: between, on the fifty-seven: 7,266 -> 7,279 of 11,896, 1,556 false flags both.)
_BARE_COMMA = re.compile(rf"(?:\s+(?:{_RATE_PREPS})\s+[^\W\d_]+)?(?:\s*,|\s+[\u2013\u2014-])\s*$", re.I)
#: ... a spaced dash restates only the one figure its sentence gives before it, said of no share
#: ("Gdańsk gets 4m zloty and Sopot 2m zloty – about €1.4m": the sum; "families will each get
#: 5,000 zloty – about €350,000": the total; a red-team review's cases). (The dash, measured on
#: the fifty-seven gated sets before round 57: 1 more conflict found, no more false flag; round 57:
#: 3 more found.)
_DASH = re.compile(r"\s[\u2013\u2014-]\s*$")
_FIGURE = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")
_EACH = re.compile(r"\b(?:each|every|per|apiece|cada|por\s+cabeza|każd\w*)\b", re.I)


def _one_amount_before(text: str, end: int) -> bool:
    """Whether ``text`` up to ``end`` gives one figure (years aside: "In 2025 she won 1.5m zloty –
    about £3m –") and no word of a share ("each")."""
    figures = [f for f in _FIGURE.findall(text, 0, end) if not YEAR.fullmatch(f)]
    return len(figures) == 1 and not _EACH.search(text, 0, end)


_RATE_WORDS = re.compile(rf"^(?:{_RATE_PREPS})\s+\w+$", re.I)
_NO_BREAK = re.compile(r"^[\s\w’'-]*$")


def _rate_of_previous(s: str, mentions: Sequence[Mention], m: Mention) -> bool:
    """A one-unit duration right after a count or amount and its noun ("6,000 travellers a day",
    "150 euro za dobę") is the rate of that figure, not a duration of its own."""
    if m.kind != "duration" or not _RATE_WORDS.match(s[m.start : m.end]):
        return False
    for p in mentions:
        if p.kind in ("count", "money") and p.end <= m.start and m.start - p.end <= 30 and _NO_BREAK.match(s[p.end : m.start]):
            return len(s[p.end : m.start].split()) <= 2
    return False


def _needs_tokens(mentions: Sequence[Mention]) -> bool:
    """Whether ``measure_for`` reads the sentence's tokens: only counts and percentages look for
    a measure noun next to the figure ("500,000 listeners", "a 5% pay rise")."""
    return any(m.kind in ("count", "percent") for m in mentions)


def _gloss(lx: Lexicon, men: Mention, measure: str | None) -> str:
    return gloss(lx, men.kind, men.value, men.unit, men.qualifier, measure, men.low, men.high, men.zone)


def _dateline_words(lx: Lexicon, sent: Sentence) -> bool:
    """A line that is a weekday and a date, nothing else."""
    return sent.start == sent.paragraph_start and len(sent.text) < 45 and bool(_YEAR_DIGITS.search(sent.text))


def _speaker_after_quote(lx: Lexicon, text: str, quotes: list[tuple[int, int]], pos: int) -> Attribution | None:
    """The speaker named right after the quote that holds ``pos`` ("...,” Sacks said.")."""
    for a, b in quotes:
        if a <= pos < b:
            tail = text[b : b + 80].split("\n", 1)[0]
            tail = _AFTER_SENTENCE_END.split(tail, maxsplit=1)[0]
            att = attribution_for(lx, tail, True, 0)
            if att.source:
                return att
    return None


def _claim_id(article_id: str, text_hash: str, start: int, end: int) -> str:
    """Stable across runs and unique in a report: the article's id (two copies of one text are
    two articles), its text (an edited text gets new ids) and the claim's offsets."""
    key = f"{article_id}\x00{text_hash}:{start}:{end}".encode("utf-8", "surrogatepass")
    return "c-" + hashlib.blake2b(key, digest_size=6).hexdigest()


def extract(text: str, lang: str, *, article_id: str = "-", published: str | None = None,
            published_time: str | None = None) -> list[Claim]:
    """The numeric claims of one normalized text in language ``lang``.

    >>> [c.value for c in extract("Ponad 500 000 użytkowników dołączyło.", "pl")]
    [500000.0]
    """
    lx = lexicon_for(lang, separator_convention(text, lexicon(lang)))
    nlp = pipeline(lang)
    text_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    claims: list[Claim] = []
    sents = sentences(text, lx.abbreviations, lx.sentence_openers, lx.name_endings, lx.name_after, lx.ordinal_dot)
    found = _find(lx, sents, published)
    if not found:
        return claims
    starts = [x.start for x in sents]
    figures = {f.sentence.start: f.mentions for f in found}
    quotes = quote_spans(text)
    # one Doc per article, made of the sentences whose tokens are read (a count or percentage to
    # measure) and whose Parts are not known yet, and nothing else: a sentence is whole
    # whitespace-separated chunks, so its tokens are the same as in the whole text
    parts = [_PARTS.get(_parts_key(lx, f.sentence.text, published)) for f in found]
    doc_starts: list[int | None] = []
    todo: list[str] = []
    pos = 0
    for f, p in zip(found, parts):
        if p is None and _needs_tokens(f.mentions):
            doc_starts.append(pos)
            todo.append(f.sentence.text)
            pos += len(f.sentence.text) + 1
        else:
            doc_starts.append(None)
    doc_text = " ".join(todo)
    doc = nlp.make_doc(doc_text)
    doc.user_data["claimrecon"] = {"found": found, "parts": parts, "doc_starts": doc_starts, "doc_text": doc_text, "lexicon": lx,
                                   "published": published, "quotes": quotes, "text": text}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    as_of = (published + ("T" + published_time if published_time else "")) if published else None
    currency: tuple[str, int] | None = None  # the last currency stated, and in which sentence (its number among these)
    last_money: tuple[int, int] | None = None  # where the last amount of money ends (sentence number, offset)
    money_last = False  # whether the last figure with a scale word ("millones") was an amount of money
    for n, (sent, found) in enumerate(doc.user_data["claimrecon_mentions"]):
        then = _year_before(lx, sents, starts, figures, sent, published)
        for c in found:
            men: Mention = c["men"]
            start, end = sent.start + men.start, sent.start + men.end
            kind, unit, gloss_text = men.kind, men.unit, c["gloss"]
            if men.kind == "money":
                # an amount restated in brackets in another currency ("99 millones de euros (85
                # millones de libras)", or after a word that restates it: ", czyli ok. 420 mln zł")
                # leaves the article's currency where it was
                if not (last_money is not None and last_money[0] == n and (_CONVERTED.fullmatch(sent.text, last_money[1], men.start)
                                                                           or _restates(lx.lang, sent.text, last_money[1], men.start, men.qualifier in APPROXIMATE))):
                    currency = (str(men.unit), n)
                last_money = (n, men.end)
                money_last = True
            elif currency is not None and n - currency[1] <= 1 and _implied_amount(lx, sent.text, men, c["measure"], money_last):
                # "Destinará 10 millones de euros. Otros 5 millones irán a...": euros, said before
                kind, unit = "money", currency[0]
                currency = (currency[0], n)  # and the next such amount may lean on this one
                gloss_text = gloss(lx, kind, men.value, unit, men.qualifier, None, men.low, men.high, men.zone)
            if kind != "money" and men.extra.get("has_scale"):
                # "1,2 millones de visitantes", "3 millones de toneladas", "3,5 millones votaron":
                # "los 1,4 millones" after it counts what that figure counts
                money_last = False
            physical = quantity_unit(men.unit) if men.kind in ("quantity", "temperature") else None
            claims.append(
                Claim(
                    id=_claim_id(article_id, text_hash, start, end),
                    article=article_id,
                    lang=lang,
                    kind=kind,
                    value=men.value,
                    unit=unit,
                    low=men.low,
                    high=men.high,
                    qualifier=men.qualifier,
                    precision=men.precision,
                    measure=c["measure"],
                    text=text[start:end],
                    start=start,
                    end=end,
                    sentence=sent.text,
                    sentence_start=sent.start,
                    scope=_scoped(c["scope"], as_of if men.kind != "date" else None, then if men.kind != "date" else None,
                                  _told_year(lx, sent, figures, published, men.start) if c["scope"].period == "previous_year" else None),
                    attribution=c["attribution"],
                    zone=men.zone,
                    date=men.date,
                    gloss=gloss_text,
                    counted=c["counted"],
                    dimension=physical.dimension if physical else None,
                    base_value=physical.to_base(men.value) if physical and isinstance(men.value, float) else None,
                    base_unit=physical.base if physical else None,
                    change=men.extra.get("change"),  # type: ignore[arg-type]
                )
            )
    if any(c.kind == "money" and (c.unit or "").startswith("local:") for c in claims):
        claims = _local_currencies(claims, text, lang, lx)
    if sum(c.kind == "time" for c in claims) > 1:
        claims = _bracketed_clocks(claims, text, lx)
    return claims


def _scoped(scope: Scope, as_of: str | None, then: str | None, told: str | None = None) -> Scope:
    """A claim's scope with its article's report moment, and the year of the sentence before when
    its own sentence points back to it (``_year_before``) and gives it no period of its own. "The
    year before" is the year before the one the text speaks of (``told``: "In 2025 ... 9,214, up
    from 8,102 a year earlier" is 2024's), or before the article's when it speaks of none."""
    changes: dict[str, Any] = {}
    if as_of:
        changes["as_of"] = as_of
    if then and not scope.period:
        changes["period"] = "in_" + then
    elif scope.period == "previous_year":
        changes["period"] = f"in_{int(told) - 1}" if told else "last_year"
    return dataclasses.replace(scope, **changes) if changes else scope


def _year_before(lx: Lexicon, sents: list[Sentence], starts: list[int], figures: dict[int, tuple[Mention, ...]],
                 sent: Sentence, published: str | None) -> str | None:
    """The past year a sentence points back to with "then", "at the time", "wtedy", "entonces":
    the one past year the sentence before it names ("The 1997 flood killed 56 people. Aid back
    then was PLN 1,000 per hectare"), when the sentence names no year of its own. ``figures``:
    each sentence's mentions by where it starts (a figure is no year: "2019 people", "1930 BST")."""
    if lx.then_re is None or not _points_back(lx, sent.text) or _years(sent, figures):
        return None
    i = bisect.bisect_left(starts, sent.start)
    if i == 0:
        return None
    years = set(_years(sents[i - 1], figures))
    if published:
        years = {y for y in years if y < published[:4]}
    return years.pop() if len(years) == 1 else None


def _told_year(lx: Lexicon, sent: Sentence, figures: dict[int, tuple[Mention, ...]], published: str | None,
               before: int) -> str | None:
    """The year before the article's, when its sentence names it before a figure at ``before``
    (not as a start: "since 2024"), and no other: the year the sentence's figures are of, for "a
    year earlier" to count back from ("W 2025 r. ... 9 214, o 13,7 proc. więcej niż rok wcześniej,
    gdy było ich 8 102", in January 2026). Older years are left alone ("founded in 1998, it made
    $40m, up from $30m a year earlier"): then "a year earlier" counts back from the article's date."""
    if not published or not published[:4].isdigit():
        return None
    text = sent.text
    years = {m.group(1) for m in _year_matches(sent, figures) if m.end() <= before
             and not (lx.since_re is not None and lx.since_re.search(text, max(0, m.start() - 12), m.start()))}
    last = str(int(published[:4]) - 1)
    return last if years == {last} else None


def _points_back(lx: Lexicon, text: str) -> bool:
    """Whether a "then" word of the text points back to a past time, not one of the language's
    phrases that only contain one ("since then", "by then", "desde entonces", "od wtedy")."""
    blocked = [(m.start(), m.end()) for m in lx.then_not_re.finditer(text)] if lx.then_not_re else []
    return any(not any(a <= m.start() < b for a, b in blocked) for m in lx.then_re.finditer(text))  # type: ignore[union-attr]


def _years(sent: Sentence, figures: dict[int, tuple[Mention, ...]]) -> list[str]:
    """The years a sentence names, not counting figures that look like one ("2019 people")."""
    return [m.group(1) for m in _year_matches(sent, figures)]


def _year_matches(sent: Sentence, figures: dict[int, tuple[Mention, ...]]) -> list[re.Match[str]]:
    """``_years``, where the sentence names them."""
    spans = [(m.start, m.end) for m in figures.get(sent.start, ()) if m.kind != "date"]
    return [m for m in YEAR.finditer(sent.text) if not any(a <= m.start() < b for a, b in spans)]


def _bracket_opening(barred: str) -> re.Pattern[str]:
    """What stands between a figure and its restatement in brackets: a bracket opening and a few
    words at most, with no figure, no bracket and none of ``barred``."""
    return re.compile(rf"[\s,]*[(\[][^\d()\[\]{barred}]{{0,24}}")


#: what stands between a clock time and its restatement in another zone: a bracket opening
#: and a few words at most, no figure ("11:42 a.m. (1042 GMT)", "a las 15.40 (13.40 GMT)",
#: "o 19.42 czasu lokalnego (w sobotę o 2.42 czasu polskiego)"), after the weekday the time is
#: of, if it names one (``_restated``)
_RESTATED = _bracket_opening(".;")


@functools.lru_cache(maxsize=8)
def _restated(weekdays: str, on_day: frozenset[str]) -> re.Pattern[str]:
    """``_RESTATED``, after the weekday a clock time names, and a word that puts it on that day
    before it ("3:40 a.m. on Sunday (0840 GMT)", "a las 9.00 del domingo (las 3.00 en la España
    peninsular)", "o 4.25 w sobotę (2.25 GMT)"); ``weekdays``: the pattern of the language's
    weekday words (``time.tsv``), ``on_day`` its words of class on_day (``grammar.tsv``). Only a
    weekday: any other word ("until dawn (0400 GMT)", "to Sunday (0400 GMT)", "i zamknięto (o
    15.00 GMT)") may well lead to another moment."""
    if not weekdays:
        return _RESTATED
    before = rf"(?:\s+(?i:{alternation(on_day)}))?" if on_day else ""
    return re.compile(rf"(?:{before}\s+(?i:{weekdays})(?![^\W\d_]))?" + _RESTATED.pattern)
def _restatement(lx: Lexicon) -> re.Pattern[str]:
    """``_restated`` for a language: after its weekday words and its words of class on_day."""
    return _restated(lx.weekday_re.pattern if lx.weekday_re is not None else "", grammar(lx.lang).on_day)


#: ... and between an amount and its conversion into another currency ("99 millones de euros
#: (unos 85 millones de libras)"), where a hedge's abbreviation may stand ("99 mln euro (ok. 420
#: mln zł)")
_CONVERTED = _bracket_opening(";")


def _bracketed_clocks(claims: list[Claim], text: str, lx: Lexicon) -> list[Claim]:
    """A clock time whose zone the article leaves implied, restated next to it in a stated zone
    ("11:42 a.m. (1042 GMT)"), is the same instant: it gets the offset that makes it so, as its
    zone "local+01:00" (the local clock of the article, at that offset): the two agree. Offsets
    that are not whole quarter hours, or eleven hours or more either way (+13:00 and -11:00 read
    alike on a clock), are left alone. When both carry the day the sentence names, the restatement
    takes the day that makes them one instant ("on Saturday at 00:30 (2330 GMT)": Friday, GMT)."""
    out = list(claims)
    times = [i for i, c in enumerate(claims) if c.kind == "time" and isinstance(c.value, str)]
    between = _restatement(lx)
    for i, j in zip(times, times[1:]):
        a, b = claims[i], claims[j]
        if a.sentence_start != b.sentence_start or not between.fullmatch(text, a.end, b.start):
            continue
        ca, cb = clock(a.value), clock(b.value)
        if not ca or not cb or (ca[1] is None) == (cb[1] is None) or (a.zone not in (None, "local") and ca[1] is None) \
                or (b.zone not in (None, "local") and cb[1] is None):
            continue
        bare, known, n, k = (ca, cb, i, j) if ca[1] is None else (cb, ca, j, i)
        off = (bare[0] - known[0] + known[1] + 720) % 1440 - 720  # the bare clock's offset, in minutes
        if off % 15 or abs(off) >= 660:
            continue
        zone = offset_text(off)
        c = claims[n]
        value, local = str(c.value) + zone, "local" + zone
        out[n] = dataclasses.replace(c, value=value, zone=local,
                                     gloss=gloss(lx, "time", value, None, c.qualifier, c.measure, c.low, c.high, local))
        r = claims[k]
        if "T" in value and "T" in str(r.value):
            try:
                apart = dt.datetime.fromisoformat(value) - dt.datetime.fromisoformat(str(r.value))
                day = (dt.date.fromisoformat(str(r.value)[:10]) + dt.timedelta(days=round(apart.total_seconds() / 86400))).isoformat()
            except ValueError:
                continue
            if day != str(r.value)[:10]:
                moved = day + str(r.value)[10:]
                out[k] = dataclasses.replace(r, value=moved, date=day,
                                             gloss=gloss(lx, "time", moved, None, r.qualifier, r.measure, r.low, r.high, r.zone))
    return out


def _local_currencies(claims: list[Claim], text: str, lang: str, lx: Lexicon) -> list[Claim]:
    """Amounts in a currency several countries name alike ("20 millones de pesos") in the currency
    of the country the claim's own words name, else of the country the article names most
    (``rules/shared/local_currencies.tsv``), and of two named as often, the one named last before
    the amount; an amount whose country cannot be told (none named, or two in its own words)
    stays a plain figure, not a guess."""
    from ..ruleset import load_shared
    from .counted import NAME_WORD, countries, country_keys

    codes: dict[str, dict[str, str]] = {}
    least: dict[str, float] = {}
    for r in load_shared().get("local_currencies.tsv", []):
        codes.setdefault(r["currency"].lower(), {})[r["country"].upper()] = r["code"].upper()
        if r["least"]:
            least[r["currency"].lower()] = float(r["least"])
    named = countries(lang)
    seen: dict[str, int] = {}  # country -> how often the article names it (by its words, and as its claims read them)
    where: list[tuple[int, str]] = []  # (offset, country) of each name, in text order
    for m in NAME_WORD.finditer(text):
        code = next((named[k] for k in country_keys(m.group(), lang) if k in named), None)
        if code:
            seen[code] = seen.get(code, 0) + 1
            where.append((m.start(), code))
    for c in claims:
        for t in c.counted.terms:
            if t.startswith("@country:") and " " in t:  # a name of several words the word scan misses
                seen[t[len("@country:"):]] = seen.get(t[len("@country:"):], 0) + 1
    out = []
    for c in claims:
        if c.kind == "money" and c.unit and c.unit.startswith("local:"):
            name = c.unit[len("local:"):]
            options = codes.get(name, {})
            own = sorted({t[len("@country:"):] for t in c.counted.terms if t.startswith("@country:")} & set(options))
            ranked = sorted(((n, code) for code, n in seen.items() if code in options), key=lambda x: -x[0])
            if isinstance(c.value, float) and c.value < least.get(name, 0.0) and not _CENTS.search(c.text):
                # "2 crowns and 4 fillings": things, not a sum; but a figure with its hundredths
                # ("35,80 coronas", "54.90 crowns") is a price
                country: str | None = None
            elif len(own) == 1:
                country = own[0]
            elif not own and ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
                country = ranked[0][1]
            elif not own and ranked:
                # named as often as another: the one of those named last before the amount ("the
                # Danish capital ... 28bn kroner", with Sweden named as often elsewhere)
                tied = {code for n, code in ranked if n == ranked[0][0]}
                country = next((code for at, code in reversed(where) if at < c.start and code in tied), None)
            else:
                country = None
            if country:
                unit = options[country]
                c = dataclasses.replace(c, unit=unit, gloss=gloss(lx, "money", c.value, unit, c.qualifier, None, c.low, c.high, c.zone))
            else:
                c = dataclasses.replace(c, kind="count", unit=None,
                                        gloss=gloss(lx, "count", c.value, None, c.qualifier, None, c.low, c.high, c.zone))
        out.append(c)
    return out




#: a figure written to its hundredths ("35,80", "54.90"): a price's cents
_CENTS = re.compile(r"\d[.,]\d\d(?!\d)")


_AFTER_IMPLIED = re.compile(r"\s*(?:[.,;:!?)]|$|(?!(?:de|of|del|z)\s)[^\W\d_]{1,3}\s)", re.I)


#: "de"/"of"/"z" right after a figure, or after one word: it says what the figure counts ("los 11
#: millones de votantes", "los 11 millones restantes de habitantes")
_OF_WHAT = re.compile(r"\s*(?:[^\W\d_]+\s+)?(?:de|del|of|z)\s", re.I)
#: after "de"/"of"/"z", a year: the amount is dated, it counts nothing ("los 31 millones de 2024")
_OF_YEAR = re.compile(r"\s*(?:de|of|z)\s+(?:1[89]|20)\d\d(?!\d)", re.I)


def _implied_amount(lx: Lexicon, s: str, men: Mention, measure: str | None, money_last: bool = False) -> bool:
    """Whether a count is an amount of the currency stated just before: a figure with a scale word
    ("5 millones") with no measure of its own and nothing it counts after it: the clause ends, a
    short word that is no "de"/"of" follows ("5 millones para educación", "5 mln na szkoły"), or
    "de" leads to a year ("frente a los 31 millones de 2024"). A verb or any longer word after it
    may say what it counts ("11 millones votaron", "9 millones desplazados"): no amount then."""
    if men.kind != "count" or not men.extra.get("has_scale") or men.extra.get("noun") or measure is not None or men.vague:
        return False
    if _AFTER_IMPLIED.match(s, men.end) is not None or _OF_YEAR.match(s, men.end) is not None:
        return True
    # an article before it points back to the amount, when the last figure with a scale word
    # before it was one (``money_last``: "los 28,8 millones restantes", "los 38 millones
    # presupuestados"), unless "de" names what it counts ("los 11 millones de votantes")
    return money_last and lx.article_re is not None and lx.article_re.search(s, max(0, men.core_start - 6), men.core_start) is not None \
        and _OF_WHAT.match(s, men.end) is None


def extract_article(article: Article) -> list[Claim]:
    """The claims of an ingested article (none unless its status is ``ok``), but for the clock
    times of its dateline: when it was published or updated is no figure of the report."""
    if article.status != "ok" or not article.language:
        return []
    claims = extract(article.text, article.language, article_id=article.id, published=article.published,
                     published_time=article.published_time)
    if not article.published_time:
        return claims
    from ..ingest.metadata import report_time_spans  # the dateline as ingest reads it

    spans = report_time_spans(article.text, article.language)
    return [c for c in claims if not (c.kind == "time" and any(a <= c.start < b for a, b in spans))]


def clear_caches() -> None:
    """Forget every sentence seen: what the caches keyed by sentence text hold (the rules and
    compiled patterns stay). For measuring extraction without the help of repeated sentences;
    the claims are the same either way."""
    _PARTS.clear()
    for cached in TEXT_CACHES:
        cached.cache_clear()
