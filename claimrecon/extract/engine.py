"""Find the numeric mentions of one sentence: numbers, units, hedges, clock times and dates.

Works on the sentence string with the compiled rules of its language; offsets are relative to
the sentence. ``context.py`` then decides what each mention measures and when.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from .lexicon import Lexicon, find_entry, lexicon, qualifier_bounds, words_of
from .numbers import parse_digits, parse_words

#: figures of this size or more (or not finite) are not read: no report compares them (``claimrecon.bounds``)
MAX_FIGURE = 1e100

# Patterns that start with look-behinds and then a digit say "(?=\d)" first: a position that
# holds no digit, most of a text, then fails at once instead of after every look-behind.
_DIGITS = re.compile(
    r"(?=\d)(?<![\w.,:/@#+])(?<![\w][.,])(?<![^\s(\[\d]-)"
    r"(?:\d{1,3}(?:(?:,|\.|[ \u00a0\u202f\u2009])\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\d])"
)
_YEAR_WORD_AFTER = re.compile(r"\s*(?:r\.|roku|rok)(?!\w)", re.I)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|and|y|a|i|do|hasta|al|until)\s*$", re.I)
_DASH_GAP = re.compile(r"^\s?[-–—]\s?$")
_RANGE_LEAD = re.compile(r"(?:between|from|entre|de|desde|od|from)\s*$", re.I)
_PHONE = re.compile(r"(?=[+(\d])(?<![\w.,])\+?\(?\d{1,4}\)?(?:[ \-]\(?\d{1,4}\)?){2,}(?!\w|[.,]\d)")
_GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+")
_ANY_DIGIT = re.compile(r"\d")
_WORD_RUN = re.compile(r"\w+")
_SEPARATOR = re.compile(r"[,. \u00a0\u202f]")
_LEADING_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_LAST_WORD = re.compile(r"(?:[\s-]+\S+)$")
_DIGIT_AT_END = re.compile(r"\d\s*$")
_FOUR_DIGITS = re.compile(r"\d{4}")
_GLUED_WORD = re.compile(r"-\w")
_PER = re.compile(r"\s*[/]\s*\d")
_SPACE_RUN = re.compile(r"\s+")
_TWO_GROUPS = re.compile(r"\d+[ \-]\d+")
_HYPHEN_GLUED = re.compile(r"\s*-\w")
_URL = re.compile(r"(?=[hw])(?:https?://|www\.)[^\s<>\"']+", re.I)  # "?q=30%25": digits of an address


@dataclass
class Mention:
    kind: str
    start: int  # span of the whole mention (hedge + number + unit)
    end: int
    core_start: int
    core_end: int
    value: float | str | None
    unit: str | None = None
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    precision: float = 0.0
    zone: str | None = None
    date: str | None = None
    measure_hint: str | None = None
    vague: bool = False
    words_only: bool = False
    hour_minute: tuple[int, int] | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def copy(self) -> Mention:
        """A copy that can be changed (fields and ``extra``) without touching this one; cheaper
        than ``copy.copy``, which goes through the pickle protocol."""
        new = object.__new__(Mention)
        new.__dict__ = {**self.__dict__, "extra": dict(self.extra)}
        return new


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


# ---------------------------------------------------------------------------------------------
# Dates


@functools.lru_cache(maxsize=None)
def _date_patterns_for(lang: str) -> list[re.Pattern[str]]:
    return _build_date_patterns(lexicon(lang))


def _date_patterns(lx: Lexicon) -> list[re.Pattern[str]]:
    return _date_patterns_for(lx.lang)


def _build_date_patterns(lx: Lexicon) -> list[re.Pattern[str]]:
    M = lx.month_re.pattern if lx.month_re else "(?!x)x"
    return [
        # "June 4, 2023", "June 4"
        re.compile(rf"(?P<month>{M})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>\d{{4}}))?", re.I),
        # "4 June 2023", "19 de enero de 2027", "19 stycznia 2027 r."
        re.compile(rf"(?=\d)(?<!\d)(?P<day>\d{{1,2}})(?:\.|º)?\s+(?:de\s+)?(?P<month>{M})(?:,?\s+(?:de(?:l)?\s+)?(?P<year>\d{{4}})(?:\s*r\.|\s+roku)?)?", re.I),
        # ISO and day-first numeric dates
        re.compile(r"(?=\d)(?<!\d)(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?!\d)"),
        re.compile(r"(?=\d)(?<![\d.])(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./](?P<year>\d{4})(?!\d)"),
    ]


def find_dates(s: str, lx: Lexicon, published: str | None, words: frozenset[str] | None = None) -> list[Mention]:
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    pats = _date_patterns(lx)
    if words is not None and not lx.month_gate.open(words):
        pats = pats[2:]  # no month name: only the numeric forms can match
    for pat in pats:
        for m in pat.finditer(s):
            if _overlaps(taken, m.start(), m.end()):
                continue
            gd = m.groupdict()
            month = int(gd["mnum"]) if gd.get("mnum") else lx.months.get(_SPACE_RUN.sub(" ", gd["month"].lower()))
            if month is None:
                continue
            if gd.get("month") and lx.lang == "en" and gd["month"][0].islower():
                continue  # "may 2" is not a date in English
            day = int(gd["day"])
            year = int(gd["year"]) if gd.get("year") else (int(published[:4]) if published else None)
            try:
                iso = dt.date(year, month, day).isoformat() if year else None
            except ValueError:
                continue
            taken.append((m.start(), m.end()))
            out.append(Mention("date", m.start(), m.end(), m.start(), m.end(), iso, date=iso))
    return out


def resolve_weekday(weekday: int, published: str | None) -> str | None:
    """The most recent such weekday on or before the publication date (news tells the past)."""
    if not published:
        return None
    try:
        pub = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    delta = (pub.isoweekday() - weekday) % 7
    return (pub - dt.timedelta(days=delta)).isoformat()


# ---------------------------------------------------------------------------------------------
# Clock times


@functools.lru_cache(maxsize=None)
def _time_patterns(lang: str) -> tuple[list[tuple[str, re.Pattern[str]]], re.Pattern[str], re.Pattern[str]]:
    lx = lexicon(lang)
    AM, PM = lx.am_re.pattern, lx.pm_re.pattern
    marker = re.compile(rf"\s*(?:(?P<am>{AM})|(?P<pm>{PM}))", re.I)
    zone = re.compile(rf"\s*\(?\s*(?P<z>{lx.zone_re.pattern})\)?", re.I)
    return [
        # each form starts with its hour: "(?=\d)" first (see ``_DIGITS``)
        ("ampm", re.compile(rf"(?=\d)(?<![\d.,:])(?P<h>\d{{1,2}})(?:[:.](?P<m>\d{{2}}))?\s*(?:(?P<am>{AM})|(?P<pm>{PM}))", re.I)),
        ("colon", re.compile(r"(?=\d)(?<![\d.,:])(?P<h>\d{1,2}):(?P<m>\d{2})(?![\d:])(?:\s*(?:h|hrs|horas|godz\.?)(?!\w))?", re.I)),
        ("dot", re.compile(r"(?=\d)(?<![\d.,:])(?P<h>\d{1,2})\.(?P<m>\d{2})(?!\d|[.,]\d)(?:\s*(?P<suffix>h|horas|godz\.?)(?!\w))?", re.I)),
        ("bare", re.compile(r"(?=\d)(?<![\d.,:])(?P<h>\d{1,2})(?![\d.,:])(?:\s*(?P<suffix>h|horas)(?!\w))?", re.I)),
    ], marker, zone


#: words that may follow a clock time in the "dot" and "bare" forms ("20.45 h", "9 horas", "o 9.30 godz.")
_TIME_SUFFIXES = frozenset({"h", "horas", "godz"})


def find_times(s: str, lx: Lexicon, taken: list[tuple[int, int]], words: frozenset[str] | None = None) -> list[Mention]:
    out: list[Mention] = []
    pats, marker, zone_pat = _time_patterns(lx.lang)
    if words is not None:
        # each form needs something the sentence's words show: a marker ("p.m."), a colon, or a
        # preposition or suffix; a form that cannot match is not scanned
        has_marker, has_prep = lx.marker_gate.open(words), lx.prep_gate.open(words)
        has_suffix = not _TIME_SUFFIXES.isdisjoint(words)
        need = {"ampm": has_marker, "colon": ":" in s, "dot": has_prep or has_suffix, "bare": has_prep or (has_suffix and has_marker)}
        pats = [(name, pat) for name, pat in pats if need[name]]
    for name, pat in pats:
        for m in pat.finditer(s):
            if _overlaps(taken, m.start(), m.end()):
                continue
            before = s[max(0, m.start() - 25) : m.start()]
            has_prep = bool(lx.prep_re.search(before)) if lx.prep_re else False
            # the cheap tests first (every small number is a "bare" match): a dotted or bare number
            # is a clock time only after a preposition or with a suffix, a bare one without a
            # preposition only before an am/pm marker; then the unit after it
            if name in ("dot", "bare") and not (has_prep or m.group("suffix")):
                continue
            if name == "bare" and not has_prep and marker.match(s, m.end()) is None:
                continue
            um = lx.unit_after_re.match(s, m.end()) if name in ("dot", "bare") and lx.unit_after_re else None
            if um and lx.units_after.get(um.group("unit").lower(), ("",))[0] in ("percent", "money"):
                continue  # "o 20.45 proc." is a percentage, not a clock time
            h = int(m.group("h"))
            mi = int(m.group("m")) if m.groupdict().get("m") else 0
            end = m.end()
            am = bool(m.groupdict().get("am"))
            pm = bool(m.groupdict().get("pm"))
            if name != "ampm":
                mk = marker.match(s, end)
                if mk:
                    am, pm = bool(mk.group("am")), bool(mk.group("pm"))
                    end = mk.end()
            if h > 24 or mi > 59 or (name == "ampm" and (h == 0 or h > 12)):
                continue
            if pm and h < 12:
                h += 12
            if am and h == 12:
                h = 0
            zone = None
            zm = zone_pat.match(s, end)
            if zm:
                zone = lx.zones.get(_SPACE_RUN.sub(" ", zm.group("z").lower()))
                if zone is None:
                    zone = find_entry(lx.zones, zm.group("z"))  # type: ignore[assignment]
                end = zm.end()
                if s[end - 1 : end] == "(":
                    end -= 1
            start = m.start()
            taken.append((start, end))
            men = Mention("time", start, end, m.start(), m.end(), None, zone=zone, hour_minute=(h % 24, mi))
            out.append(men)
    return out


# ---------------------------------------------------------------------------------------------
# Numbers


@dataclass
class Core:
    start: int
    end: int
    value: float
    precision: float
    words_only: bool
    has_scale: bool
    digits_text: str
    separators: bool


def find_cores(s: str, lx: Lexicon, taken: list[tuple[int, int]], words: frozenset[str] | None = None, digits: bool = True) -> list[Core]:
    cores: list[Core] = []
    absurd: list[tuple[int, int]] = []  # spans of figures past MAX_FIGURE: no part of them is read either
    for m in _DIGITS.finditer(s) if digits else ():
        if _overlaps(taken, m.start(), m.end()):
            continue
        txt = m.group()
        parsed = parse_digits(txt, lx)
        if parsed is None:
            # "2015 500 people": try the first group alone
            first = _LEADING_NUMBER.match(txt)
            if not first:
                continue
            parsed = parse_digits(first.group(), lx)
            if parsed is None:
                continue
            txt = first.group()
        value, precision = parsed
        end = m.start() + len(txt)
        has_scale = False
        sm = lx.scale_after_digits_re.match(s, end)
        if sm and not _overlaps(taken, sm.start(), sm.end()):
            scale_txt = sm.group("attached") or sm.group("scales")
            mult = 1.0
            for tok in _SPACE_RUN.split(scale_txt.strip()):
                entry = lx.words.get(tok.lower()) or lx.words.get(tok)
                if entry:
                    mult *= entry[0]
            if mult != 1.0:
                frac = sm.groupdict().get("frac")
                value = (value + (lx.words[frac.lower()][0] if frac else 0.0)) * mult
                precision *= mult
                has_scale = True
                end = sm.end()
        if not abs(value) < MAX_FIGURE:
            absurd.append((m.start(), end))  # an absurd number (400 digits): skipped, never its article
            continue
        cores.append(Core(m.start(), end, value, precision, False, has_scale, txt, bool(_SEPARATOR.search(txt))))
    for m in lx.word_re.finditer(s) if words is None or lx.word_gate.open(words) else ():
        if _overlaps(taken + absurd, m.start(), m.end()) or _overlaps([(c.start, c.end) for c in cores], m.start(), m.end()):
            continue
        txt = m.group()
        # trailing connectors/articles are not part of the number ("two and", "half a")
        trimmed = _LAST_WORD.sub("", txt)
        parsed = parse_words(txt, lx)
        while parsed is None and trimmed != txt:
            txt = trimmed
            trimmed = _LAST_WORD.sub("", txt)
            parsed = parse_words(txt, lx)
        if parsed is None:
            continue
        value, precision, has_scale = parsed
        if not abs(value) < MAX_FIGURE:
            continue
        # a word glued to the next by a hyphen is an adjective ("two-factor"), unless a unit follows
        cores.append(Core(m.start(), m.start() + len(txt), value, precision, True, has_scale, txt, False))
    cores.sort(key=lambda c: c.start)
    return cores


@functools.lru_cache(maxsize=None)
def _hedge_ends(lang: str) -> tuple[frozenset[str], bool]:
    """The last runs of word characters of the language's hedges ("than" for "more than", "ok"
    for "ok."), and whether some hedge ends without one or with a ``*`` wildcard (then every
    window is searched)."""
    ends, anywhere = set(), False
    for phrase in lexicon(lang).hedges_before:
        last = phrase.split()[-1] if phrase.split() else ""
        runs = _WORD_RUN.findall(last.lower())
        if not runs or last.endswith("*"):
            anywhere = True
        else:
            ends.add(runs[-1])
    return frozenset(ends), anywhere


def _hedge_before(s: str, lx: Lexicon, pos: int) -> tuple[str, int] | None:
    window = s[max(0, pos - 40) : pos]
    ends, anywhere = _hedge_ends(lx.lang)
    if not anywhere:
        # a hedge ends where the window does (but for spaces): its last word must be the window's
        tail = window.rsplit(None, 1)
        runs = _WORD_RUN.findall(tail[-1].lower()) if tail else []
        if not runs or runs[-1] not in ends:
            return None
    hm = lx.hedge_before_re.search(window)
    if not hm:
        return None
    phrase = _SPACE_RUN.sub(" ", hm.group().strip().lower())
    q = lx.hedges_before.get(phrase) or find_entry(lx.hedges_before, phrase)
    if not q or q == "exact":  # "exact": a phrase that holds a hedge word but is no hedge ("wzrosła do")
        return None
    return str(q), pos - (len(window) - hm.start())


@functools.lru_cache(maxsize=None)
def _words_at_end(lang: str) -> re.Pattern[str]:
    """Number words that end a text ("five hundred" before "thousand")."""
    return re.compile(rf"(?:{lexicon(lang).word_re.pattern})\s*$", re.I)  # type: ignore[union-attr]


def prepare(lang: str) -> None:
    """Compile the patterns built from the language's rules (dates, clock times, word endings)
    now rather than on the first sentence that needs them; ``pipeline`` calls this once."""
    _date_patterns_for(lang)
    _time_patterns(lang)
    _hedge_ends(lang)
    _article_before(lang)


def extract_mentions(s: str, lx: Lexicon, published: str | None = None, words: frozenset[str] | None = None) -> list[Mention]:
    """All numeric mentions of a sentence, with kind, value, unit, hedge and bounds.

    ``words`` (``lexicon.words_of(s)``, when the caller has it) lets scans that cannot match
    be skipped; the result is the same with or without it. Of ``published`` only the year is
    read (a date written without one), so a caller may cache the result by year.
    """
    if words is None:
        words = words_of(s)
    digits = _ANY_DIGIT.search(s) is not None
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    taken += [(m.start(), m.end()) for m in _URL.finditer(s)]
    if digits:  # phone numbers, dates and clock times all hold a digit
        for m in _PHONE.finditer(s):
            # three or more digit groups that are not a space-grouped numeral ("500 000 000")
            if not _GROUPED.fullmatch(m.group()) and not _TWO_GROUPS.fullmatch(m.group()):
                taken.append((m.start(), m.end()))
        dates = find_dates(s, lx, published, words)
        for d in dates:
            taken.append((d.start, d.end))
        mentions += [d for d in dates if d.value]
        times = find_times(s, lx, taken, words)
        mentions += times

    # vague amounts first, unless a number stands right before them ("500 tysięcy")
    for m in lx.vague_re.finditer(s) if lx.vague_gate.open(words) else ():
        if _overlaps(taken, m.start(), m.end()):
            continue
        before = s[max(0, m.start() - 20) : m.start()]
        if _DIGIT_AT_END.search(before) or (lx.word_re and _words_at_end(lx.lang).search(before)):
            continue
        low, high = lx.vague.get(_SPACE_RUN.sub(" ", m.group().lower()), (None, None))
        if low is None:
            continue
        start = m.start()
        q = "vague"
        h = _hedge_before(s, lx, start)
        if h:
            start = h[1]
        taken.append((m.start(), m.end()))
        mentions.append(Mention("count", start, m.end(), m.start(), m.end(), None, qualifier=q, low=low, high=high, vague=True))

    # shares: "half of", "three quarters of", "połowę"
    for m in lx.share_re.finditer(s) if lx.share_gate.open(words) else ():
        if _overlaps(taken, m.start(), m.end()):
            continue
        pct = lx.shares.get(_SPACE_RUN.sub(" ", m.group().lower()))
        if pct is None:
            continue
        start, q = m.start(), "exact"
        h = _hedge_before(s, lx, start)
        if h:
            q, start = h
        taken.append((m.start(), m.end()))
        low, high = qualifier_bounds(lx, q, pct)
        mentions.append(Mention("percent", start, m.end(), m.start(), m.end(), pct, unit="%", qualifier=q,
                                low=low, high=high, precision=0.5, extra={"share": True}))

    cores = find_cores(s, lx, taken, words, digits)
    used: set[int] = set()
    for i, c in enumerate(cores):
        if i in used:
            continue
        nxt = cores[i + 1] if i + 1 < len(cores) else None
        rng = None
        if nxt is not None:
            gap = s[c.end : nxt.start]
            if _DASH_GAP.match(gap) and not c.words_only and not nxt.words_only:
                rng = nxt
            elif _RANGE_GAP.match(gap) and _RANGE_LEAD.search(s[max(0, c.start - 12) : c.start]):
                rng = nxt
        men = _number_mention(s, lx, c, rng)
        if men is None and rng is not None:
            rng = None  # "52-48" is a score, not a range: read the numbers one by one
            men = _number_mention(s, lx, c, None)
        if men is None:
            continue
        if rng is not None:
            used.add(i + 1)
        mentions.append(men)
        taken.append((men.start, men.end))

    # a unit with no number: "about an hour", "una hora"; Polish has no article: "około godziny"
    article_before = _article_before(lx.lang)
    for m in lx.duration_unit_re.finditer(s) if lx.duration_gate.open(words) else ():
        if _overlaps(taken, m.start(), m.end()) or _HYPHEN_GLUED.match(s, m.end()):
            continue  # "a minute-long video" is no duration claim
        entry = lx.units_after.get(m.group().lower())
        if not entry:
            continue
        start = m.start()
        am = article_before.search(s[max(0, start - 6) : start]) if article_before else None
        if am:
            start = start - (min(start, 6) - am.start())
        h = _hedge_before(s, lx, start)
        if not h and not am:
            continue
        kind, unit, factor = entry
        q = "exact"
        if h:
            q, start = h
        low, high = qualifier_bounds(lx, q, factor)
        mentions.append(Mention("duration", start, m.end(), m.start(), m.end(), factor, unit="s", qualifier=q,
                                low=low, high=high, precision=0.5 * factor))
        taken.append((start, m.end()))
    mentions.sort(key=lambda x: (x.start, x.end))
    return mentions


@functools.lru_cache(maxsize=None)
def _article_before(lang: str) -> re.Pattern[str] | None:
    """An article ending a text, as a whole word ("an " before "hour"); compiled once."""
    lx = lexicon(lang)
    if lx.article_unit_re is None:
        return None
    art = lx.article_unit_re.pattern[: -len(r"\s+$")]
    return re.compile(rf"(?<!\w){art}\s+$", re.I)


def _number_mention(s: str, lx: Lexicon, c: Core, rng: Core | None) -> Mention | None:
    last = rng or c
    end = last.end
    start = c.start
    kind, unit, factor = "count", None, 1.0
    # unit after the (last) number
    um = lx.unit_after_re.match(s, end)
    if um:
        entry = lx.units_after.get(_SPACE_RUN.sub(" ", um.group("unit").lower())) or find_entry(lx.units_after, um.group("unit"))
        if entry:
            kind, unit, factor = entry  # type: ignore[misc]
            end = um.end()
    # unit before the (first) number: "$44 billion", "US$2m"
    bm = lx.unit_before_re.search(s[max(0, start - 6) : start])
    if bm:
        entry = lx.units_before.get(bm.group("unit").lower()) or find_entry(lx.units_before, bm.group("unit"))
        if entry and (kind == "count" or entry[0] == kind):
            kind, unit, factor = entry  # type: ignore[misc]
            start = start - (min(start, 6) - bm.start())
    before_char = s[start - 1] if start > 0 else " "
    after = s[end:]
    # numbers glued to words are names, not amounts: "COVID-19", "F-35", "6th", "2020s", "two-factor"
    if before_char.isalpha() or (before_char in "-([" and start > 1 and s[start - 2].isalpha()):
        return None  # "F-35", "alert(1)", "x[2]": part of a name or code, not an amount
    if after[:1].isalpha() and kind == "count":
        return None
    if c.words_only and _GLUED_WORD.match(after) and kind == "count":
        return None
    # a sign of its own before a percentage, amount or temperature: "-0,5%", "−5 °C" (never a count)
    negative = (rng is None and kind != "count" and start == c.start and s[start - 1 : start] in ("-", "\u2212")
                and (start == 1 or s[start - 2] in " \t(["))
    if negative:
        start -= 1
    elif rng is None and kind != "count" and lx.sign_re is not None:
        sw = lx.sign_re.search(s[max(0, start - 12) : start])  # "minus five percent", "menos 5 grados"
        if sw:
            negative = True
            start -= min(start, 12) - sw.start()
    value = c.value
    hedge_q = None
    # years, ordinals and other numbers that are not amounts
    if (
        kind == "count" and rng is None and not c.words_only and not c.has_scale and not c.separators
        and _FOUR_DIGITS.fullmatch(c.digits_text) and 1800 <= value <= 2100
    ):
        return None
    if kind == "count" and rng is None and not c.words_only and _YEAR_WORD_AFTER.match(after) and 1800 <= value <= 2100:
        return None
    if kind == "count" and _PER.match(after):
        return None
    q = "exact"
    h = _hedge_before(s, lx, start)
    if h:
        q, start = h
        hedge_q = q
        h2 = _hedge_before(s, lx, start)
        if h2:
            # "only about 250,000": the hedge that bounds is the inner one; "only" adds nothing
            start = h2[1]
            if q == "only":
                q = h2[0]
    ha = lx.hedge_after_re.match(s, end)
    if ha and q == "exact":
        phrase = _SPACE_RUN.sub(" ", ha.group().strip().lower())
        qa = lx.hedges_after.get(phrase)
        if qa:
            q = qa
            end = ha.end()
    value = value * factor * (-1 if negative else 1)
    precision = c.precision * factor
    if rng is not None:
        hi_val = rng.value
        lo_val = c.value
        if rng.has_scale and not c.has_scale and lo_val < hi_val / (10 ** 3):
            mantissa = parse_digits(rng.digits_text, lx) if not rng.words_only else None
            if mantissa and mantissa[0]:
                lo_val *= hi_val / mantissa[0]
        lo_val *= factor
        hi_val *= factor
        if lo_val >= hi_val:
            return None
        low, high = lo_val, hi_val
        value = (lo_val + hi_val) / 2
        q = "range"
        lead = _RANGE_LEAD.search(s[max(0, start - 12) : start])
        if lead:
            start = start - (min(start, 12) - lead.start())
    else:
        low, high = qualifier_bounds(lx, q, value)
        if low is not None and high is not None and low > high:
            low, high = high, low
    men = Mention(kind, start, end, c.start, last.end, value, unit=unit if kind != "count" else None, qualifier=q,
                  low=low, high=high, precision=precision, words_only=c.words_only and rng is None)
    men.extra["has_scale"] = c.has_scale
    men.extra["hedged"] = hedge_q is not None
    return men
