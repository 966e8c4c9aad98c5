"""What a mention measures, when, and on whose word: measure, scope and attribution.

Works on one sentence with its spaCy tokens (for word windows) and the compiled rules.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from ..records import Attribution, Scope
from .counted import compared_with, grammar, may_state_change
from .engine import Mention
from .lexicon import Lexicon, lexicon
from .text import clause_bounds, text_cache

_STOP = set(",.;:!?()[]“”„\"«»—–")


def _token_starts(doc: Any, text: str | None = None) -> list[tuple[int, int, str, bool]]:
    """(start, end, text, is punctuation) of each token, read from the doc's arrays (no Token objects)."""
    s = doc.text if text is None else text
    out = []
    for idx, length, punct in doc.to_array(["IDX", "LENGTH", "IS_PUNCT"]).tolist():
        t = s[idx : idx + length]
        out.append((idx, idx + length, t, bool(punct) or t in _STOP))
    return out


def _measure_of(lx: Lexicon, text: str) -> tuple[str, str | None] | None:
    return _noun_row(lx.lang, text)


@text_cache(maxsize=4096)
def _noun_row(lang: str, text: str) -> tuple[str, str | None] | None:
    """The (measure, applies) of the first noun row of measures.tsv whose term fits ``text``."""
    for pat, measure, applies in lexicon(lang).nouns:
        if pat.fullmatch(text):
            return measure, applies
    return None


def _applies(applies: str | None, kind: str) -> bool:
    return applies is None or kind in applies.split(",")


def noun_after(lx: Lexicon, s: str, toks: list[tuple[int, int, str, bool]], pos: int, kind: str, limit: int = 5) -> tuple[str, int] | None:
    """The first measure noun in the few words after ``pos``, stopping at punctuation or a number."""
    seen = 0
    for k in range(_first_at(toks, pos), len(toks)):  # from the first token at pos (bisection: no scan)
        a, b, text, stop = toks[k]
        if stop and text not in ("'", "’", "'s", "’s"):
            break
        if text[:1].isdigit():
            break
        m = lx.noun_re.match(s, a)
        if m:
            found = _measure_of(lx, m.group())
            if found and _applies(found[1], kind):
                return found[0], m.end()
        seen += 1
        if seen >= limit:
            break
    return None


def _first_at(toks: list[tuple[int, int, str, bool]], pos: int) -> int:
    """The index of the first token that starts at or after ``pos`` (tokens are in order)."""
    return bisect.bisect_left(toks, pos, key=lambda t: t[0])


def _first_ending_after(toks: list[tuple[int, int, str, bool]], pos: int) -> int:
    """The index of the first token that ends after ``pos`` (tokens do not overlap)."""
    return bisect.bisect_right(toks, pos, key=lambda t: t[1])


def noun_before(lx: Lexicon, s: str, toks: list[tuple[int, int, str, bool]], pos: int, kind: str, limit: int = 4) -> tuple[str, int] | None:
    """A measure noun just before the figure ("subida salarial del 8%", "podwyżki o 10 proc.")."""
    k = _first_ending_after(toks, pos)  # the tokens that end by pos are toks[:k]
    for a, b, text, stop in reversed(toks[max(0, k - limit) : k]):
        if stop:
            break
        m = lx.noun_re.match(s, a)
        if m and m.end() <= pos:
            found = _measure_of(lx, m.group())
            if found and _applies(found[1], kind) and not found[0].startswith("@"):
                return found[0], a
    return None


def context_spans(lx: Lexicon, s: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clause of the mention, plus a fronted subordinate clause ("When it was relaunched, ...")."""
    return list(_context_spans(lx.lang, s, start, end))


@text_cache(maxsize=1024)
def _context_spans(lang: str, s: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """``context_spans``, cached: the measure and the scope of a mention both ask for them."""
    cl = clause_bounds(s, start, end)
    first = clause_bounds(s, 0, 0)
    if first != cl and first[1] <= cl[0] and lexicon(lang).fronted_re.match(s[first[0] : first[1]]):
        return first, cl
    return (cl,)




def _conjunct(s: str, spans: list[tuple[int, int]], anchor: int, lang: str) -> list[tuple[int, int]]:
    """The part of the mention's clause between coordinating conjunctions ("... murieron | y
    cerca de 310 resultaron heridas")."""
    for a, b in spans:
        if a <= anchor <= b:
            left, right = a, b
            conj = _conjunctions(lang, s)  # found once per sentence; the nearest on each side by bisection
            i = bisect.bisect_right(conj, anchor, key=lambda m: m[1])  # conj[:i] end by the anchor
            if i > 0 and conj[i - 1][1] > left and conj[i - 1][0] >= a:
                left = conj[i - 1][1]
            j = bisect.bisect_left(conj, anchor, key=lambda m: m[0])  # conj[j:] start at or after it
            if j < len(conj) and conj[j][0] < right and conj[j][1] <= b:
                right = conj[j][0]
            return [(left, right)]
    return spans


@text_cache(maxsize=1024)
def _conjunctions(lang: str, s: str) -> list[tuple[int, int]]:
    """The spans of a sentence's coordinating conjunctions, in order."""
    return [(m.start(), m.end()) for m in _conj_re(lang).finditer(s)]


@functools.lru_cache(maxsize=None)
def _conj_re(lang: str) -> re.Pattern[str]:
    """The language's conjunctions that join predicates (``grammar.tsv`` class ``conj``)."""
    from .counted import _words_re, grammar

    return _words_re(grammar(lang).conj, r"\s(?:{})\s") or re.compile(r"(?!x)x")


def context_cue(lx: Lexicon, s: str, spans: list[tuple[int, int]], want: str, anchor: int) -> str | None:
    """The context cue for class or kind ``want`` nearest to the mention: first within its own
    conjunct, then anywhere in its clause."""
    narrow = _conjunct(s, spans, anchor, lx.lang)
    if narrow != spans:
        found = _nearest_cue(lx, s, narrow, want, anchor)
        if found:
            return found
    return _nearest_cue(lx, s, spans, want, anchor)


@text_cache(maxsize=1024)
def _cues(lang: str, s: str, a: int, b: int) -> tuple[tuple[int, int, tuple[tuple[str, str | None], ...]], ...]:
    """The context cues in ``s[a:b]``: (start, end, the (measure, applies) rows its words fit).
    Cached: the figures of one sentence share their clauses."""
    lx = lexicon(lang)
    return tuple((m.start(), m.end(), _cue_rows(lang, m.group())) for m in lx.context_re.finditer(s, a, b))


@text_cache(maxsize=4096)
def _cue_rows(lang: str, cue: str) -> tuple[tuple[str, str | None], ...]:
    """The (measure, applies) rows of measures.tsv whose term fits a cue's words."""
    return tuple((measure, applies) for pat, measure, applies in lexicon(lang).contexts if pat.fullmatch(cue))


def _nearest_cue(lx: Lexicon, s: str, spans: list[tuple[int, int]], want: str, anchor: int) -> str | None:
    best: tuple[int, int, str] | None = None
    for a, b in spans:
        for start, end, rows in _cues(lx.lang, s, a, b):
            for measure, applies in rows:
                if applies == want:
                    dist = min(abs(start - anchor), abs(end - anchor))
                    cand = (dist, start - end, measure)
                    if best is None or cand < best:
                        best = cand
                    break
    return best[2] if best else None


def measure_for(lx: Lexicon, s: str, toks: list[tuple[int, int, str, bool]], men: Mention) -> str | None:
    spans = context_spans(lx, s, men.core_start, men.end)
    kind = men.kind
    noun = noun_after(lx, s, toks, men.end, kind) if kind in ("count", "percent") else None
    if noun is None and kind in ("count", "percent"):
        noun = noun_before(lx, s, toks, men.start, kind)
    measure: str | None = noun[0] if noun else None
    if measure and measure.startswith("@"):
        cls = measure
        measure = context_cue(lx, s, spans, cls, men.core_start)
        if measure is None and cls == "@staff":
            measure = "staff"
        men.extra["class"] = cls
    elif measure is None and kind not in ("count",):
        measure = context_cue(lx, s, spans, kind, men.core_start)
    elif measure is None and kind == "count" and not men.words_only and not men.vague and _bare_subject(s, men.end):
        # "cerca de 310 resultaron heridas", "około 400 zostało rannych": the figure is the subject
        # and its predicate follows it closely; a cue before it belongs to something else
        measure = context_cue(lx, s, [(men.end, min(len(s), men.end + 40))], "@person", men.end)
    men.extra["noun"] = noun is not None
    return measure


_NEXT_WORD = re.compile(r"\s+([a-ząćęłńóśźżáéíóúñ]+)")


def _bare_subject(s: str, end: int) -> bool:
    """A figure followed directly by a verb-like word rather than a noun phrase or punctuation."""
    nxt = _NEXT_WORD.match(s, end)
    return bool(nxt) and len(nxt.group(1)) > 3


@text_cache(maxsize=1024)
def _scope_cues(lang: str, s: str, a: int, b: int) -> tuple[tuple[str, str, int, int], ...]:
    """(field, value, start, end) of the scope cues in ``s[a:b]``, in order; cached per sentence
    and clause."""
    lx = lexicon(lang)
    out = []
    for m in lx.scope_re.finditer(s, a, b):
        for pat, fieldname, value in lx.scope:
            if pat.fullmatch(m.group()):
                if fieldname == "period" and lx.since_re.search(s[max(a, m.start() - 40) : m.start()]):
                    break  # "since buying the company last year": a start, not the period
                out.append((fieldname, value, m.start(), m.end()))
                break
    return tuple(out)


#: the words at most of a sentence's opening clause that dates the clause after it
FRONTED_WORDS = 6


@text_cache(maxsize=1024)
def _opening_period(lang: str, s: str) -> tuple[int, str, bool] | None:
    """(end, period, possessive) of a short clause that opens the sentence and holds no figure
    ("Last year, 40 people died"; "Hace un año, el gasóleo costaba 1,41 euros"): it dates the
    clause after it; an opening possessive ("Last year's top lot, an 830-gram truffle, ...") only
    the clause right after it ("Last year's winner, Jane Smith, said 300 runners ..." is not)."""
    a, b = clause_bounds(s, 0, 0)
    if b >= len(s) or any(ch.isdigit() for ch in s[a:b]) or len(s[a:b].split()) > FRONTED_WORDS:
        return None
    lx = lexicon(lang)
    if lx.since_re.search(s, a, b) or (lx.base_re is not None and lx.base_re.search(s, a, b)):
        return None  # "Since last year, 40 have died", "Compared with last year, sales rose 5%"
    close = a + len(s[a:b].rstrip(" ,;:-–—"))
    opens = b - len(s[a:b].lstrip(" ,;:-–—\"“„«"))
    for m in lx.scope_re.finditer(s, a, b):
        # the clause ends with its cue ("Last year,", "El récord del año pasado,"), or opens with its
        # possessive: the sentence's subject ("Last year's top lot, an 830-gram truffle, sold for ...")
        possessive = m.end() != close
        if not possessive or (m.start() == opens and _POSSESSIVE.search(m.group())):
            value = _period_value(lx, m.group())
            return (b, value, possessive) if value is not None else None
    return None


def _period_value(lx: Lexicon, cue: str) -> str | None:
    """The period a scope cue's words give ("last_year"), None for a cue of another field."""
    return next((v for pat, f, v in lx.scope if f == "period" and pat.fullmatch(cue)), None)


def _names_base(lx: Lexicon, s: str, lo: int, at: int) -> bool:
    """Whether a word of comparison stands right before a cue at ``at`` ("from the previous year",
    "frente al año anterior", "wobec roku poprzedniego"): the cue names what a figure is compared
    with, not the time of the figures after it."""
    close = len(s[:at].rstrip())
    return any(m.end() == close for pat in (lx.base_re, lx.change_base_re) if pat is not None
               for m in pat.finditer(s, max(lo, close - 30), close))


@text_cache(maxsize=1024)
def _relative_period(lang: str, s: str, clause_start: int) -> tuple[int, str] | None:
    """(end, period) of a relative word that opens the clause starting at ``clause_start`` right
    after a period's words ("than last year, when 36 people died"; "que el año pasado, cuando
    murieron 36"; "niż przed rokiem, gdy zginęło 36 osób"): the clause is about that period. Not
    after a start ("since last year, when ..."): a running count from then."""
    rel = grammar(lang).relative_after
    if rel is None:
        return None
    lx = lexicon(lang)
    for m in lx.scope_re.finditer(s, 0, clause_start + 1):
        after = rel.match(s, m.end())
        if after is None or not m.end() <= clause_start < after.end():
            continue  # the comma between the time's words and the relative word closes the clause before
        value = _period_value(lx, m.group())
        own = clause_bounds(s, m.start(), m.end())[0]
        if value is not None and not lx.since_re.search(s, max(own, m.start() - 40), m.start()):
            return after.end(), value
    return None


@text_cache(maxsize=1024)
def _sentence_moment(lang: str, s: str) -> str | None:
    """A named moment anywhere in the sentence ("At kickoff, ..."): it stands for the whole
    sentence, like a clock time."""
    lx = lexicon(lang)
    for m in lx.scope_re.finditer(s):
        for pat, fieldname, value in lx.scope:
            if fieldname == "moment" and pat.fullmatch(m.group()):
                return value
    return None


#: a cue that ends in a possessive ("last year's") dates the figure of its noun phrase only: one
#: that starts at most this many characters after it ("last year's toll of 40")
_POSSESSIVE = re.compile(r"['’]s$")
_YEAR_AFTER = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
POSSESSIVE_REACH = 25


#: a clock time as digits ("4.55pm", "17:55", "a las 17.55")
_CLOCK_DIGITS = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?[ap]\.?m\b|\b\d{1,2}[.:]\d{2}\b", re.I)


def _clocked(s: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a span of ``s`` holds a clock time written in digits."""
    return any(_CLOCK_DIGITS.search(s, a, b) for a, b in spans)


#: a cue that ends in "of"/"de" governs the figure right after it ("an average of", "una media de")
_GOVERNS_NEXT = re.compile(r"\s(?:of|de|del)$")


def scope_for(lx: Lexicon, s: str, men: Mention) -> Scope:
    spans = context_spans(lx, s, men.core_start, men.end)
    found: dict[str, str] = {}
    for a, b in spans:
        for fieldname, value, at, end in _scope_cues(lx.lang, s, a, b):
            if men.kind == "time" and s.startswith(("'s", "’s"), end):
                # the cue as the rules write it ("next year") and its possessive after it: a clock
                # time is no figure of that year's noun ("agreeing next year's catch limits at
                # about 6.40am"); for other figures the cue keeps dating its clause
                end += 2
            if fieldname == "subject" and men.end <= at and s[men.end:at].strip():
                continue  # "its 421 guests were moved to six other hotels": another noun's, not the figure's
            if fieldname == "period" and men.end <= at and compared_with(
                    s, men.end, at, lx.base_re, lx.change_base_re, may_state_change(men.kind, bool(men.extra.get("change")))):
                continue  # "up 8% from the previous year", "o 8 proc. więcej niż rok wcześniej": the base
            if fieldname == "period" and end <= men.core_start and _names_base(lx, s, a, at):
                continue  # "rose 8% from the previous year to €1.2bn": the base, not the €1.2bn's year
            if _POSSESSIVE.search(s, end - 2, end) and not 0 <= men.core_start - end <= POSSESSIVE_REACH \
                    and (s[a:at].strip() or _YEAR_AFTER.search(s, end)):
                # (one that opens the clause is its subject, "Last year's floods killed 229", unless
                # the clause names a year of its own: "Last year's report said 5% in 2025")
                continue  # "victims of last year's floods took £4m": a possessive dates its own noun phrase
            found.setdefault(fieldname, value)
    if "period" not in found:
        opening = _opening_period(lx.lang, s)
        if opening is not None and spans and not any(ch.isdigit() for ch in s[opening[0] : spans[-1][0]]) \
                and not (opening[2] and s[opening[0] : spans[-1][0]].strip(" ,;:-–—")):
            # the first clause with a figure after it, asides between them ("Last year, according
            # to police, 40 died"); not a later one ("..., while it now costs €1.60")
            found["period"] = opening[1]
    if "period" not in found:
        clause = clause_bounds(s, men.core_start, men.end)
        relative = _relative_period(lx.lang, s, clause[0])
        later = grammar(lx.lang).later
        if relative is not None and relative[0] <= men.core_start \
                and not (later is not None and later.search(s, relative[0], men.core_start)) \
                and not _YEAR_AFTER.search(s, relative[0], clause[1]):
            # "five more than last year, when 36 died": the clause after the time's words is about it
            # (up to words of another time, and where the clause names no year of its own: not
            # "..., when it rose to 23% and now stands at 25%", nor "..., when 36 died in 2024")
            found["period"] = relative[1]
    if "aggregate" in found:
        # a peak or an average said in the figure's own conjunct outweighs one of the clause's
        # other conjunct ("an average of 3.18m people watched and that viewing peaked at 4.27m")
        narrow = _conjunct(s, spans, men.core_start, lx.lang)
        # (not an average's cue that governs the figure after it, "... 4,7 millones frente a una
        # media de 3,6"; a total's keeps reaching back, as it did before averages were read)
        cues = [(v, at, end, v == "average" and at >= men.end and bool(_GOVERNS_NEXT.search(s, at, end)))
                for a, b in spans for f, v, at, end in _scope_cues(lx.lang, s, a, b) if f == "aggregate"]
        own = [(max(at - men.end, men.core_start - end, 0), v) for v, at, end, ahead in cues
               if not ahead and any(a <= at and end <= b for a, b in narrow)]
        if own:
            found["aggregate"] = min(own)[1]  # the nearest
        elif cues and all(ahead for *_, ahead in cues):
            del found["aggregate"]  # only cues of figures after it
        elif found["aggregate"] == "average" and narrow and narrow[0] not in spans:
            # an average is said of its own conjunct's figure only ("received on average £250 and
            # 42,000 households were helped", a red-team review's case)
            del found["aggregate"]
    if "subevent" in found and men.kind == "time":
        # a sub-event's word in another conjunct of a clock time's own clause is that conjunct's:
        # "stopped at 4.40am on Tuesday and restarted at 4.55pm" restarts at 4.55pm only (a
        # fronted clause, "When it was relaunched, ...", still places the whole sentence; and a
        # count keeps it: "The relaunched sale offered 6,000 standing and 2,500 seated tickets",
        # "Flights resumed at 6am but 14 departures were cancelled", a red-team review's cases)
        narrow = _conjunct(s, spans, men.core_start, lx.lang)
        own = next(((a, b) for a, b in spans if a <= men.core_start <= b), None)
        cues = [at for a, b in spans for f, _, at, _ in _scope_cues(lx.lang, s, a, b) if f == "subevent"]
        if narrow and own and narrow[0] != own and all(own[0] <= at < own[1] and not narrow[0][0] <= at < narrow[0][1]
                                                       and _clocked(s, _conjunct(s, [own], at, lx.lang)) for at in cues):
            del found["subevent"]  # (when that conjunct has its clock time: "restarted but only at 6.55pm" keeps it)
    if "subject" in found:
        # "another", "otro" qualify what stands in their own conjunct: "se desplomaron un 9,5% ...
        # y cedieron otro 14%" makes the 14% another fall, not the 9.5%
        narrow = _conjunct(s, spans, men.core_start, lx.lang)
        if not any(f == "subject" for a, b in narrow for f, *_ in _scope_cues(lx.lang, s, a, b)):
            del found["subject"]
    if "moment" not in found:
        moment = _sentence_moment(lx.lang, s)
        if moment is not None:
            found["moment"] = moment
    return Scope(
        moment=found.get("moment"),
        aggregate=found.get("aggregate"),
        period=found.get("period"),
        subevent=found.get("subevent"),
        subject=found.get("subject"),
    )


_NAME = r"(?:[A-ZÁÉÍÓÚÑŁŚŻŹĆ][\w’'.-]*)(?:\s+(?:[A-ZÁÉÍÓÚÑŁŚŻŹĆ][\w’'.-]*|de|del|la|van|von))*"
_TRAIL_PUNCT = re.compile(r"[\s,.;:!?\"“”„«»]+$")
_LEAD_PUNCT = re.compile(r"^[\s\"“”„«»–—-]+")
_SOURCE_AFTER = re.compile(r"\s*([^,;:()\"“”„«»]+)")
_NAME_BEFORE = re.compile(rf"({_NAME})(?:\s+[a-ząćęłńóśźż]+)?$")
_CLOSE_QUOTE_END = re.compile(r"[”\"»]\s*$")
_THAT = re.compile(r"\s+(?:that|que|że|iż)\b")
_CLAUSE_BREAK = re.compile(r"[,;:”\"»–—]")
_WORDISH = re.compile(r"[\w’'-]+")
_NAME_AFTER = re.compile(rf"(?:\s+[a-ząćęłńóśźż]+){{0,3}}\s+({_NAME})")
_AUDIENCE = re.compile(r"\s+(?:to|CNN|reporters)\b")
_LEAD = re.compile(r"^(?:the|a|an|el|la|los|las|un|una)\s+", re.I)
_FUNCTION = {"a", "an", "that", "and", "but", "as", "he", "she", "it", "they", "we", "who", "which", "el", "la",
             "los", "las", "que", "y", "i", "że", "a", "który", "która", "to", "this", "also", "once", "later", "then"}


def _clean(src: str | None) -> str | None:
    if not src:
        return None
    src = _TRAIL_PUNCT.sub("", src.strip())
    src = _LEAD_PUNCT.sub("", src)
    return src or None


@text_cache(maxsize=1024)
def _attribution_cues(lang: str, s: str) -> tuple[tuple[str | None, str] | None, tuple[tuple[int, int, str], ...]]:
    """The sentence's "according to X" (source, cue), if any, and its speech verbs (start, end,
    text); found once per sentence however many figures it has."""
    lx = lexicon(lang)
    m = lx.attr_before_re.search(s)
    if m:
        src = _SOURCE_AFTER.match(s[m.end() :])
        if src:
            return (_clean(" ".join(src.group(1).split()[:5])), m.group().lower()), ()
    return None, tuple((v.start(), v.end(), v.group()) for v in lx.attr_verb_re.finditer(s))


#: characters around a speech verb where its source is looked for
ATTRIBUTION_WINDOW = 300


def attribution_for(lx: Lexicon, s: str, quoted: bool, near: int = 0) -> Attribution:
    """Who the sentence says the figure comes from: "according to X", "X said", "said X"."""
    return _attribution(lx.lang, s, quoted, near)


@text_cache(maxsize=4096)
def _attribution(lang: str, s: str, quoted: bool, near: int) -> Attribution:
    """``attribution_for``, cached: a repeated sentence is read once (an ``Attribution`` is frozen)."""
    according, verbs = _attribution_cues(lang, s)
    if according:
        return Attribution(source=according[0], quoted=quoted, cue=according[1])
    if not verbs:
        return Attribution(source=None, quoted=quoted, cue=None)
    v_start, v_end, v_text = min(verbs, key=lambda x: abs(x[0] - near))
    # a source is named within a few words of its verb: read a window, not the whole sentence
    # (a sentence of thousands of figures asks once per figure)
    before = s[max(0, v_start - ATTRIBUTION_WINDOW) : v_start].rstrip()
    after = s[v_end : v_end + ATTRIBUTION_WINDOW]
    src = None
    # "Sacks said", "Sachs once said": a name right before the verb (an adverb may stand between)
    nb = _NAME_BEFORE.search(before)
    if nb and not _CLOSE_QUOTE_END.search(before[: nb.start()]) or (nb and nb.start() > 0 and before[nb.start() - 1] in " "):
        cand = nb.group(1) if nb else None
        if cand and cand.lower() not in _FUNCTION and not _LEAD.match(cand + " "):
            src = cand
    if src is None and _THAT.match(after):
        clause = _CLAUSE_BREAK.split(before)[-1]
        words = [w for w in _WORDISH.findall(clause)][-3:]
        while words and words[0].lower() in _FUNCTION:
            words = words[1:]
        src = " ".join(words) or None
    if src is None:
        # "said Sacks", "– powiedział w pewnym momencie Sacks", "told CNN" is the audience, not the source
        na = _NAME_AFTER.match(after)
        if na and not _AUDIENCE.match(after) and v_text.lower() not in ("told",):
            src = na.group(1)
    if src is None:
        # "police said", "the former employee told CNN": the words before the verb in its clause
        clause = _CLAUSE_BREAK.split(before)[-1]
        words = [w for w in _WORDISH.findall(clause)][-3:]
        while words and words[0].lower() in _FUNCTION:
            words = words[1:]
        src = " ".join(words) or None
    return Attribution(source=_clean(src), quoted=quoted, cue=v_text.lower())
