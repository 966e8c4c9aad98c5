"""Find the numeric mentions of one sentence: numbers, units, hedges, clock times and dates.

Works on the sentence string with the compiled rules of its language; offsets are relative to
the sentence. ``context.py`` then decides what each mention measures and when.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..records import one_clock_zone
from .lexicon import Lexicon, find_entry, lexicon, qualifier_bounds, words_of
from .numbers import denominator, fraction_precision, parse_digits, parse_words

#: figures of this size or more (or not finite) are not read: no report compares them (``claimrecon.bounds``)
MAX_FIGURE = 1e100

# Patterns that start with look-behinds and then a digit say "(?=\d)" first: a position that
# holds no digit, most of a text, then fails at once instead of after every look-behind.
_DIGITS = re.compile(
    # no word character before the digits, but a currency code or sign glued to them ("USD10m",
    # "$US113", "zł6 million")
    r"(?=\d)(?:(?<![\w.,:/@#^])|(?<=(?<!\w)[A-Z]{3})|(?<=\$US)|(?<=(?<!\w)zł))(?<![\w][.,])(?<![^\s(\[\d]-)"
    r"(?:\d{1,3}(?:(?:,|\.|[ \u00a0\u202f\u2009])\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\d])"
)
_YEAR_WORD_AFTER = re.compile(r"\s*(?:r\.|roku|rok)(?!\w)", re.I)
#: the words between a range's two figures ("between 20 and 30", "od 10 do 15", "del 1 al 15")
_RANGE_WORDS = "to|and|y|a|i|do|hasta|al|until"
#: ... of them, those that join two figures with no opener before the first ("5% to 10%")
_TO_WORDS = "to|a|al|do"
_RANGE_GAP = re.compile(rf"^\s*(?:-|–|—|{_RANGE_WORDS})\s*$", re.I)
_LEADLESS_GAP = re.compile(rf"^\s*(?:{_TO_WORDS})\s*$", re.I)
_BETWEEN = frozenset({"between", "entre"})
#: openers of a range that no change word far before them makes a change ("Podwyżka obejmie
#: zarabiających od 4 do 6 tys. zł": Polish writes a change "z X do Y")
_RANGE_ONLY = frozenset({"od"})
_OR_GAP = re.compile(r"^\s+(?:or|o|u|lub|albo)\s+$", re.I)
_DASH_GAP = re.compile(r"^\s?[-–—]\s?$")
#: (a currency's sign may stand between the opener and its figure: "from £40 to £48")
_RANGE_LEAD = re.compile(r"(?<!\w)(?:between|from|entre|de|desde|od|z)\s*[^\w\s]{0,3}$", re.I)
_PHONE = re.compile(r"(?=[+(\d])(?<![\w.,])\+?\(?\d{1,4}\)?(?:[ \-]\(?\d{1,4}\)?){2,}(?!\w|[.,]\d)")
_GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+")
_ANY_DIGIT = re.compile(r"\d")


#: how far before a figure the word that opens its range may start ("between", "entre los")
RANGE_LEAD_REACH = 16


def _range_lead(s: str, lx: Lexicon, start: int) -> tuple[int, str] | None:
    """Where the word that opens a range before the figure at ``start`` begins, and that word
    ("between 10", "od 10"), also across an article the language puts before a figure ("entre el
    10% y el 15%", "entre los 200 y los 300 euros": grammar.tsv class ``article``), a contraction
    being its preposition ("del 10 al 15%" opens with "de"); None when no such word stands there."""
    at = max(0, start - RANGE_LEAD_REACH)
    before = s[at:start]
    m = _RANGE_LEAD.search(before)
    if m:
        return at + m.start(), m.group().strip().lower()
    art = lx.article_re.search(before) if lx.article_re is not None else None
    if art is None:
        return None
    word = art.group().strip().lower()
    if lx.contractions.get(word):
        return at + art.start(), lx.contractions[word]
    m = _RANGE_LEAD.search(before, 0, art.start())
    return (at + m.start(), m.group().strip().lower()) if m else None


def _range_gap(gap: str, lx: Lexicon) -> bool:
    """Whether the words between two figures join a range's two ends ("and", "y", "do"), also
    with an article before the second ("y el", "y los")."""
    if _RANGE_GAP.match(gap):
        return True
    art = lx.article_re.search(gap) if lx.article_re is not None else None
    return art is not None and bool(_RANGE_GAP.match(gap[: art.start()]))
_WORD_RUN = re.compile(r"\w+")
_SEPARATOR = re.compile(r"[,. \u00a0\u202f]")
_LEADING_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_DIGIT_AT_END = re.compile(r"\d\s*$")
_FOUR_DIGITS = re.compile(r"\d{4}")
_GLUED_WORD = re.compile(r"-\w")
_PER = re.compile(r"\s*[/]\s*\d")
#: "to" and a figure right after a figure: the second is where a change went ("del 21% al 10%")
_TO_NEXT = re.compile(rf"\s+(?:{_TO_WORDS})\s+[-\u2212]?\d")
#: ... after a word that says where a change started ("del", "from", "z"): the first figure is that level
_FROM_BEFORE = re.compile(r"(?<![^\W\d_])(?:del|de|from|z|od)\s+$", re.I)
#: the word right before a figure, with a full stop it may end in ("nr", "art.")
_LABEL_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+\.?)[ \t\u00a0]+$")
#: a full stop right after digits and a word in small letters after it: an ordinal where the
#: language writes them so ("w 85. minucie", "zajął 3. miejsce"; numbers.tsv type ordinal_dot)
_ORDINAL_DOT = re.compile(r"\.[ \t\u00a0]+(?=[^\W\d_])")
_SPACE_RUN = re.compile(r"\s+")
_TWO_GROUPS = re.compile(r"\d+[ \-]\d+")
_HYPHEN_GLUED = re.compile(r"\s*-\w")
#: a word of letters right after a figure (what a count counts, or the word after it)
_THING_WORD = re.compile(r"\s+[^\W\d_]{2,}")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")


def _counts_things(s: str, lx: Lexicon, c: Core, kind: str, start: int, end: int) -> bool:
    """Whether a figure after a dash is a whole count of things (a word after it, no function word
    before the dash): "48 turistas -12 británicos" (a dash, not a sign); not "fell to -5 points"."""
    from .counted import grammar

    if kind != "count" or c.value != int(c.value) or _THING_WORD.match(s, end) is None:
        return False
    m = _LAST_WORD.search(s, max(0, start - 30), start)
    return not (m and m.group(1).lower() in grammar(lx.lang).function)
#: a scale written glued to digits that is also a unit: "5m" is 5 million or 5 metres
_AMBIGUOUS_SCALES = frozenset({"m", "M"})
_NUMBER_NEXT = re.compile(r"\s*\d")
#: the first dash after a figure (a hyphen inside a word aside), when it is glued to the end of a
#: word and a mark, the sentence's end or a word follows: the close of an aside the figure's dash
#: opened (not " -la más fría-", which opens another; a connector after it, "pre- and post-war",
#: makes it a hyphen)
_CLOSING_DASH = re.compile(r"(?:[^-\u2212]|(?<=[^\W\d_])[-\u2212](?=[^\W\d_]))*?[^\W\d_][-\u2212](?:[,.;:)]|\s*$|\s+(?P<next>[^\W\d_]+))")
_LONE_LETTER = re.compile(r"\s[^\W\d_](?:\s*$|\s*[.,;:!?)\]])")
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


def _ends_with_link(phrase: str, lang: str) -> bool:
    """Whether a phrase ends with a word that joins a figure to its noun ("half of", "la mitad de")."""
    from .counted import grammar

    words = phrase.lower().split()
    return bool(words) and any(link[-1] == words[-1] for link in grammar(lang).links)


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
    # "June 4, 2023", "June 4": only in a language that writes its month first ("w czerwcu 21 ton"
    # is no date); a pattern that cannot match keeps the list's order for ``find_dates``
    M1 = M if lx.month_first else "(?!x)x"

    def day_month(group: str) -> str:
        """A day's number (in ``group``), then its month and maybe a year: "4 June 2023", "19 de
        enero de 2027", "19 stycznia 2027 r."."""
        return (rf"(?P<{group}>\d{{1,2}})(?:\.|º)?\s+(?:de\s+)?(?P<month>{M})"
                rf"(?:,?\s+(?:de(?:l)?\s+)?(?P<year>\d{{4}})(?:\s*r\.|\s+roku)?)?")

    return [
        re.compile(rf"(?P<month>{M1})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>\d{{4}}))?", re.I),
        # a span of days of one month: "1 to 15 May", "del 1 al 15 de mayo", "w dniach 1-15 maja" (its
        # first day stands for it: no count of 1)
        re.compile(rf"(?=\d)(?<![\d.,])(?P<day>\d{{1,2}})(?:\.|º)?(?:\s*[-–]\s*|\s+(?:{_RANGE_WORDS})\s+){day_month('day2')}", re.I),
        # "4 June 2023", "19 de enero de 2027", "19 stycznia 2027 r."
        re.compile(rf"(?=\d)(?<!\d){day_month('day')}", re.I),
        # ISO and day-first numeric dates
        re.compile(r"(?=\d)(?<!\d)(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?!\d)"),
        re.compile(r"(?=\d)(?<![\d.])(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./](?P<year>\d{4})(?!\d)"),
    ]


def find_dates(s: str, lx: Lexicon, published: str | None, words: frozenset[str] | None = None) -> list[Mention]:
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    pats = _date_patterns(lx)
    if words is not None and not lx.month_gate.open(words):
        pats = pats[3:]  # no month name: only the numeric forms can match
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
            if gd.get("day2") and not day < int(gd["day2"]) <= 31:
                continue  # "zgłosiło się 30 do 15 maja": a count, then a date; not a span of days
            year = int(gd["year"]) if gd.get("year") else (int(published[:4]) if published else None)
            try:
                iso = dt.date(year, month, day).isoformat() if year else None
            except ValueError:
                continue
            taken.append((m.start(), m.end()))
            out.append(Mention("date", m.start(), m.end(), m.start(), m.end(), iso, date=iso))
    return out


def resolve_weekday(weekday: int, published: str | None, ahead: int = 0) -> str | None:
    """The date of a weekday: the most recent such day on or before the publication date (news
    tells the past), or, as ``counted.weekday_ahead`` says, the coming one ("will vote on
    Tuesday": that day on) or the next ("next Tuesday": after that day)."""
    if not published:
        return None
    try:
        pub = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    pub = coming_from(pub, published, ahead)
    return (pub + dt.timedelta(days=days_to(weekday, pub.isoweekday(), ahead))).isoformat()


#: a report published before this hour may still tell of the evening before as to come ("The
#: Senate will vote later on Friday", stamped 01:30 on Saturday, often in UTC)
EARLY_HOURS = 6


def coming_from(day: dt.date, published: str, ahead: int) -> dt.date:
    """The day a coming weekday (``ahead`` 1) is counted from: the publication's, or the one
    before for a report published in the small hours (``EARLY_HOURS``)."""
    hour = published[11:13] if len(published) >= 13 and published[10:11] == "T" else ""
    return day - dt.timedelta(days=1) if ahead == 1 and hour.isdigit() and int(hour) < EARLY_HOURS else day


def days_to(weekday: int, today: int, ahead: int = 0) -> int:
    """Days from a day of weekday ``today`` to the last ``weekday`` on or before it (0 or less),
    ``ahead`` 1 to the coming one (0 to 6), ``ahead`` 2 to the next one after it (1 to 7)."""
    if ahead:
        return (weekday - today) % 7 or (7 if ahead > 1 else 0)
    return -((today - weekday) % 7)


# ---------------------------------------------------------------------------------------------
# Clock times


@functools.lru_cache(maxsize=None)
def _time_patterns(lang: str) -> tuple[list[tuple[str, re.Pattern[str]]], re.Pattern[str], re.Pattern[str]]:
    lx = lexicon(lang)
    AM, PM = lx.am_re.pattern, lx.pm_re.pattern
    marker = re.compile(rf"\s*(?:(?P<am>{AM})|(?P<pm>{PM}))", re.I)
    # the marker may be glued to the digits ("8.40am", "7pm"): no word boundary before it there
    AM, PM = AM.replace(r"(?<!\w)", ""), PM.replace(r"(?<!\w)", "")
    zone = re.compile(rf"\s*\(?\s*(?P<z>{lx.zone_re.pattern})\)?", re.I)
    return [
        # each form starts with its hour: "(?=\d)" first (see ``_DIGITS``)
        ("ampm", re.compile(rf"(?=\d)(?<![\d.,:])(?P<h>\d{{1,2}})(?:[:.](?P<m>\d{{2}}))?\s*(?:(?P<am>{AM})|(?P<pm>{PM}))", re.I)),
        ("colon", re.compile(r"(?=\d)(?<![\d.,:])(?P<h>\d{1,2}):(?P<m>\d{2})(?![\d:])(?:\s*(?:h|hrs|horas|godz\.?)(?!\w))?", re.I)),
        ("dot", re.compile(r"(?=\d)(?<![\d.,:])(?P<h>\d{1,2})\.(?P<m>\d{2})(?!\d|[.,]\d)(?:\s*(?P<suffix>h|horas|godz\.?)(?!\w))?", re.I)),
        ("bare", re.compile(r"(?=\d)(?<![\d.,:])(?P<h>\d{1,2})(?![\d:]|[.,]\d)(?:\s*(?P<suffix>h|horas|o['’]clock)(?!\w))?", re.I)),
        # "0930 GMT": four digits with a zone right after them
        ("zoned", re.compile(rf"(?=\d)(?<![\d.,:])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?![\d.,:])(?=\s*(?-i:{lx.zone_re.pattern}))", re.I)),
    ], marker, zone


#: the end of a clause right after a figure ("około 16.45." ; not "ok. 4.25 za euro")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")
#: a clock time, its zone's words and an opening bracket: what follows it in the bracket is that
#: instant on another clock ("11.40 czasu lokalnego (19.40 w Polsce)", ``_restated_clock``)
_CLOCK_THEN_BRACKET = re.compile(r"(?<![\d.,])\d{1,2}(?:[.:]\d{2})?(?P<words>(?:\s*[^\W\d_]+\.?){1,4})\s*\(\s*"
                                 r"(?P<opener>[^\W\d_]{1,5}\.?\s+)?$")


#: a clock figure in a bracket: an hour, and its minutes if written ("13", "13.40")
_CLOCK_FIGURE = re.compile(r"\d{1,2}(?:[.:](?P<minutes>\d{2}))?")


def _restated_clock(s: str, lx: Lexicon, zone_pat: re.Pattern[str], at: int) -> bool:
    """Whether a figure at ``at`` opens a bracket, after an article or a clock's preposition at most
    ("(las 14.00 en Bucarest)"), right after a clock time whose words name its clock with a zone's
    phrase or abbreviation ("11.40 czasu lokalnego (19.40 w Polsce)", "11.40 hora local (18.40 en
    Madrid)", "9.30 CET (8.30 GMT)", "o godz. 14 czasu lokalnego (13 czasu polskiego)"): the same
    instant told on another clock; a whole hour there names its own zone too. After any other
    figure ("6.40 zł (6.55 w Niemczech)", "1.15 (1.20 last year)", "2.15 in eastern regions (2.30
    last year)") it is no clock time."""
    m = _CLOCK_THEN_BRACKET.search(s, max(0, at - 60), at)
    if m is None or not _named_zone(zone_pat.search(m.group("words"))):
        return False
    opener = m.group("opener")
    if opener and not any(p is not None and p.fullmatch(opener.rstrip()) for p in (lx.article_re, lx.prep_re)):
        return False  # an article or a clock's preposition may open it ("(las 14.00"), no other word ("(up 2.15")
    # a whole hour in the bracket ("o godz. 14 czasu lokalnego (13 czasu polskiego)") is one only
    # when it names its zone too ("(las 14 comunidades ...)" is no clock time)
    fm = _CLOCK_FIGURE.match(s, at)
    return fm is not None and (fm.group("minutes") is not None or _abbreviated_zone(zone_pat, s, fm.end()))


def _said_of_a_day(s: str, lx: Lexicon, start: int) -> bool:
    """Whether a weekday is named just before ``start`` ("w niedzielę ok. 21.15 na fermie", "el
    domingo hacia 21.15 llegaron"): a hedged dotted figure that a word follows is a clock time
    only then, not an amount ("ok. 4.25 za euro")."""
    return lx.weekday_re is not None and lx.weekday_re.search(s, max(0, start - 40), start) is not None


#: a word of the sentence that is a time with its am/pm glued ("40am", "7pm")
_GLUED_MARKER = re.compile(r"\d+[ap]m$")


def _abbreviated_zone(zone_pat: re.Pattern[str], s: str, at: int) -> bool:
    """Whether a zone's abbreviation in capitals ("13.40 GMT", "7.42 CET") or a phrase of a zone
    ("13.15 czasu polskiego", "15.40 hora local") follows ``at``: a zone's one-word name there may
    be a region's ("6.20 Central Italy")."""
    return _named_zone(zone_pat.match(s, at))


def _named_zone(zm: re.Match[str] | None) -> bool:
    """Whether a zone found is surely one: an abbreviation in capitals or a phrase of several
    words (a zone's one-word name may be a plain word: "eastern", "Central Italy")."""
    return zm is not None and (zm.group("z").isupper() or " " in zm.group("z").strip())


#: "o'clock" after an hour: the hour is a clock time with an a.m. or p.m. marker, else no claim
_OCLOCK = re.compile(r"\d\s*o['’]clock(?!\w)", re.I)
#: words that may follow a clock time in the "dot" and "bare" forms ("20.45 h", "9 horas", "o 9.30 godz.")
_TIME_SUFFIXES = frozenset({"h", "horas", "godz"})
#: the seconds of the one unit of time that may follow a clock time ("a partir de las 18 horas")
_HOUR = 3600.0


#: the hedges of amounts a clock time takes: a time about or nearly the one written ("up to",
#: "hasta", "do" before a time say until when, not how exactly; "more than" says nothing of one)
TIME_HEDGES = frozenset({"about", "nearly"})


def _time_hedge(s: str, lx: Lexicon, start: int, prep_at: int | None) -> str | None:
    """The qualifier of a hedge right before a clock time at ``start``, or before its preposition
    at ``prep_at``: one said of clock times only (``Lexicon.time_hedges``), else an amount's
    hedge of ``TIME_HEDGES``."""
    for at in (start, prep_at):
        if at is None:
            continue
        window = s[max(0, at - 40):at]
        tm = lx.time_hedge_re.search(window) if lx.time_hedge_re else None
        if tm:
            return lx.time_hedges.get(_SPACE_RUN.sub(" ", tm.group().strip().lower()))
        h = _hedge_before(s, lx, at, across=False)
        if h and h[0] in TIME_HEDGES:
            return h[0]
    return None


def find_times(s: str, lx: Lexicon, taken: list[tuple[int, int]], words: frozenset[str] | None = None) -> list[Mention]:
    out: list[Mention] = []
    pats, marker, zone_pat = _time_patterns(lx.lang)
    if words is not None:
        # each form needs something the sentence's words show: a marker ("p.m."), a colon, or a
        # preposition or suffix; a form that cannot match is not scanned
        has_marker, has_prep = lx.marker_gate.open(words) or any(_GLUED_MARKER.match(w) for w in words), lx.prep_gate.open(words)
        has_suffix = not _TIME_SUFFIXES.isdisjoint(words)
        need = {"ampm": has_marker, "colon": ":" in s, "bare": has_prep or (has_suffix and has_marker) or _OCLOCK.search(s) is not None,
                "dot": has_prep or has_suffix or lx.decimal_comma or lx.zone_gate.open(words),
                "zoned": True}
        pats = [(name, pat) for name, pat in pats if need[name]]
    for name, pat in pats:
        for m in pat.finditer(s):
            if _overlaps(taken, m.start(), m.end()):
                continue
            window = max(0, m.start() - 25)
            before = s[window : m.start()]
            pm = lx.prep_re.search(before) if lx.prep_re else None
            if pm is None and name in ("dot", "colon") and lx.minute_prep_re is not None:
                pm = lx.minute_prep_re.search(before)  # "después de las 21.30", not "después de las 12 horas"
            # an abbreviated hour right after a number is that number's unit, no clock's: "2 godz. 15 min"
            # (not after a preposition of its own: "od godz. 8 do godz. 20" ends at 20:00)
            has_prep = pm is not None and not (pm.group().rstrip().endswith(".") and len(pm.group().split()) == 1
                                               and _NUMBER_END.search(before, 0, pm.start()))
            prep_at = window + pm.start() if has_prep and pm is not None else None
            # the cheap tests first (every small number is a "bare" match): a dotted or bare number
            # is a clock time only after a preposition or with a suffix, a bare one without a
            # preposition only before an am/pm marker; then the unit after it
            if name == "dot" and not has_prep and lx.decimal_comma and (
                    _CLAUSE_END.match(s, m.end())
                    or (lx.hedge_before_re.search(before) and _said_of_a_day(s, lx, m.start())
                        and not (lx.scale_after_digits_re and lx.scale_after_digits_re.match(s, m.end()))
                        and not (lx.unit_after_re and lx.unit_after_re.match(s, m.end())))):
                # where the decimal mark is a comma, two digits after a dot are no decimals and no
                # group of thousands: a clock time where they end a clause ("rozkładowej godziny
                # 18.47.", "zaplanowano na 10.34"; not "4.25 za euro", "12.45 puntos": what follows
                # is read), or after a hedge, said of a day ("ok. 21.15 w niedzielę")
                has_prep = True
            oclock = name == "bare" and (m.group("suffix") or "")[:1].lower() == "o"
            if oclock and not (1 <= int(m.group("h")) <= 11 and marker.match(s, m.end()) is not None):
                # "at 3 o'clock", "the 10 o'clock news", "at 12 o'clock": an hour of the morning or
                # of the afternoon (or no time at all); no count either
                taken.append((m.start(), m.end()))
                continue
            if oclock:
                has_prep = True  # "at 7 o'clock in the morning": a clock time by its own words and its marker
            # after a preposition of one or two letters, the Polish "o" above all ("o 19": at 19:00, or by 19)
            after_o = name == "bare" and pm is not None and len(pm.group().strip()) <= 2
            if name in ("dot", "bare") and not has_prep and _restated_clock(s, lx, zone_pat, m.start()):
                has_prep = True  # "(19.40 w Polsce)" after a clock time: the same instant, told on another clock
            if name in ("dot", "bare") and not (has_prep or m.group("suffix")) and not (name == "dot" and _abbreviated_zone(zone_pat, s, m.end())):
                continue  # (a dotted figure with a zone's abbreviation right after it is a clock time: "(13.40 GMT)")
            if name == "bare" and not has_prep and marker.match(s, m.end()) is None:
                continue
            if after_o and _counts_next(s, lx, m.end()):
                continue  # "o 19 poszkodowanych" (about 19 injured), "o 16 więcej" (16 more): no clock time
            if after_o and _GROUPED_AFTER.match(s, m.end()):
                continue  # "przekroczony o 22 903 osoby": the first group of a number's thousands, no hour
                # (after a bare "o" only: "o godz. 15 120 strażaków" keeps its hour)
            if after_o and pm is not None and change_before(s, lx, window + pm.end()) is not None:
                continue  # "wzrosła o 4 eurocenty", "spadną o 5-8 proc.": a change's size, no clock time
            if name in ("dot", "bare") and not oclock and (
                    _amount_after(s, lx, m.end())
                    or ((pm is None or after_o) and (rt := _RANGE_TAIL.match(s, m.end())) is not None
                        and _amount_after(s, lx, rt.end()))):
                # "o 20.45 proc.", "para las 2.45 toneladas", "de las 3.25 millones de hectáreas", "o 5-8 proc."
                # (a range only after a bare "o": "o godz. 13 – 2,85 mln" is an hour, then its count)
                continue
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
            zone, end = _zone_after(s, lx, zone_pat, end)
            start = m.start()
            taken.append((start, end))
            men = Mention("time", start, end, m.start(), m.end(), None, zone=zone, hour_minute=(h % 24, mi))
            # a hedge before the time or its preposition ("about 9am", "ok. godz. 21"), or one said
            # of clock times only (hedges.tsv, position "time": "shortly after 9am", "poco después
            # de las 9.00", "około godz. 21"), widens it; "until" and "by" do not
            hedge = _time_hedge(s, lx, start, prep_at)
            if hedge:
                men.qualifier = hedge
            out.append(men)
    if not out:
        return out
    _range_zones(s, out)
    return out + _clock_range_ends(s, lx, out, taken)


def _range_zones(s: str, clocks: list[Mention]) -> None:
    """A zone stated after the second end of a clock range is said of both ends ("from 2.52pm to
    9.30pm BST", "entre las 6.00 y las 7.00 (hora peninsular)", "od godz. 8.00 do godz. 18.00
    GMT"): the first end, stated with none, takes it. (Measured on the fifty-eight gated sets
    before round 58: 7,420 -> 7,419 of 12,138 conflicts found, false flags unchanged at 1,564; the
    one lost is a time another outlet converted wrongly and that now joins another group. A
    red-team review found 16 right against 5 wrong: a clock change's range is on two offsets,
    "from 1am to 2am BST" starts at 1am GMT, and a zone read wrongly is now wrong twice.)"""
    ordered = sorted(clocks, key=lambda t: t.start)
    for a, b in zip(ordered, ordered[1:]):
        if a.zone is not None or b.zone is None:
            continue
        link = _RANGE_LINK.fullmatch(s, a.end, b.start)
        opener = _CLOCK_RANGE_OPENER.search(s, max(0, a.start - 20), a.start)
        if link and opener and _paired(opener.group("lead"), link.group("c")):
            a.zone = b.zone


def _word_clocks(s: str, lx: Lexicon, taken: list[tuple[int, int]]) -> list[Mention]:
    """Clock times in words: an hour (and a half or a quarter) after a clock's preposition and
    before a word of the day's part ("a las ocho de la mañana", "a las diez y media de la noche",
    "at eight in the morning"); either alone leaves a count ("las ocho víctimas", "eight in the
    morning raid" has no preposition)."""
    _, marker, _ = _time_patterns(lx.lang)
    out = []
    for m in _word_matches(s, lx, []):
        if _overlaps(taken, m.start(), m.end()):
            continue
        txt = m.group().rstrip()
        parsed = parse_words(txt, lx)
        mk = marker.match(s, m.start() + len(txt))
        if parsed is None or mk is None:
            continue
        at = max(0, m.start() - 25)
        prep = _clock_word_before(s[at : m.start()], (lx.prep_re, lx.minute_prep_re, lx.second_prep_re))
        if prep is None:
            continue
        value = parsed[0]
        h, mi = int(value), round((value - int(value)) * 60)
        if not 1 <= h <= 11 or mi not in (0, 15, 30, 45):  # (twelve "de la noche" is midnight, "p.m." noon)
            continue
        if mk.group("pm"):
            h += 12
        start, end = m.start(), mk.end()
        taken.append((start, end))
        men = Mention("time", start, end, start, end, None, hour_minute=(h, mi))
        hedge = _time_hedge(s, lx, start, at + prep.start())  # "alrededor de las diez de la noche"
        if hedge:
            men.qualifier = hedge
        out.append(men)
    return out


#: the second end of a range right after a figure ("5-8", "5 – 8"): what follows it is the range's unit
_RANGE_TAIL = re.compile(r"\s?[-–]\s?\d+(?:[.,]\d+)?")
#: after a number, a space and three more digits: a group of thousands ("22 903", "12 500")
_GROUPED_AFTER = re.compile(r"[ \u00a0\u202f]\d{3}(?![\d.,:]\d|\d)")

#: what opens a clock range before its first end, and the connectors each goes with ("from 7 to
#: 9", "between 7 and 9", "od godz. 7 do 21", "de 9.00 a 21.00", "entre las 7 y las 21")
_CLOCK_RANGE_PAIRS = {"between": ("and",), "from": ("to", "until", "-", "–", "—"), "entre": ("y",),
                      "de": ("a", "-", "–", "—"), "desde": ("hasta", "a"), "od": ("do", "-", "–", "—"), "między": ("a",)}
_RANGE_LEADS = "|".join(_CLOCK_RANGE_PAIRS)
_RANGE_CONNECTORS = "|".join(sorted({re.escape(c) for cs in _CLOCK_RANGE_PAIRS.values() for c in cs}, key=lambda c: (-len(c), c)))
_RANGE_HOUR = r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?"
#: the other end of a clock range, right after one end that is a clock time ("od godz. 7 do 21",
#: "de 9.00 a 21.00 horas"), or right before it, after the range's opener ("from 7 to 9 p.m.")
_CLOCK_RANGE_END = re.compile(rf"\s*(?P<c>{_RANGE_CONNECTORS})\s*(?:las\s+)?{_RANGE_HOUR}(?![\d:]|[.,]\d)", re.I)
_CLOCK_RANGE_START = re.compile(rf"(?<!\w)(?P<lead>{_RANGE_LEADS})\s+(?:las\s+|godz\.\s+)?{_RANGE_HOUR}\s*(?P<c>{_RANGE_CONNECTORS})\s*(?:las\s+)?$", re.I)
_CLOCK_RANGE_OPENER = re.compile(rf"(?<!\w)(?P<lead>{_RANGE_LEADS})\s+(?:las\s+|godz\.\s+)?$", re.I)
#: what stands between the two ends of a clock range, both read as clock times ("to", "y las", "do godz.")
_RANGE_LINK = re.compile(rf"\s*(?P<c>{_RANGE_CONNECTORS})\s*(?:las\s+|godz\.\s+)?", re.I)
#: what may follow the second end of a clock range: punctuation, the clause's end, an hour's word
_CLOCK_RANGE_CLOSE = re.compile(r"\s*(?:$|[.,;:!?)\]–—-]|(?:h|hrs|horas|hora|godz\.?|godziny|local|czasu)(?!\w))", re.I)


def _clock_range_ends(s: str, lx: Lexicon, clocks: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """The ends of clock ranges that only their other end shows to be clock times: a bare hour
    ("od godz. 7 do 21": 21:00) or one whose am/pm marker its other end carries ("from 7 to 9
    p.m.": 19:00). A range has its opener and the connector that goes with it ("at 9 p.m. and 12
    people were arrested" is none), and its second end closes the clause or takes an hour's word
    ("od godz. 8 do 16 osób czekało", "do 21 tys. pojazdów" are counts)."""
    out = []
    for t in clocks:
        if t.hour_minute is None:
            continue
        found = []
        after = _CLOCK_RANGE_END.match(s, t.end)
        opener = _CLOCK_RANGE_OPENER.search(s, max(0, t.start - 20), t.start)
        if after and opener and _paired(opener.group("lead"), after.group("c")) and (
                _CLOCK_RANGE_CLOSE.match(s, after.end()) or (after.group("m") and not _amount_after(s, lx, after.end()))):
            # (an end with its minutes is a clock time wherever the clause goes on: "entre las
            # 15.00 y las 18.00 en las zonas...", unless a unit or scale follows it)
            found.append((after, False))
        before = _CLOCK_RANGE_START.search(s, max(0, t.start - 40), t.start)
        if before and _paired(before.group("lead"), before.group("c")):
            found.append((before, True))
        for m, first in found:
            start, end = m.start("h"), m.end("m") if m.group("m") else m.end("h")
            h, mi = int(m.group("h")), int(m.group("m") or 0)
            if h > 24 or mi > 59 or _overlaps(taken, start, end):
                continue
            if first and h < 12 and h + 12 <= t.hour_minute[0] and _pm_in(s, lx, t):
                h += 12  # "from 7 to 9 p.m.": a marker said once is said of both ends
            taken.append((start, end))
            out.append(Mention("time", start, end, start, end, None, zone=t.zone, hour_minute=(h % 24, mi)))
    return out


def _amount_after(s: str, lx: Lexicon, end: int) -> bool:
    """Whether a unit, a currency or a scale after a figure makes it an amount, no clock time ("o
    20.45 proc.", "16.50 zł", "a partir de las 14 semanas", "3.25 millones"); not an hour's unit
    ("20.45 h") nor a one-letter abbreviation of something else ("o godz. 18.30 m.in.")."""
    um = lx.unit_after_re.match(s, end) if lx.unit_after_re else None
    entry = lx.units_after.get(um.group("unit").lower(), ("", "", 0.0)) if um else None
    if um and len(um.group("unit")) == 1 and _ABBREVIATION_ON.match(s, um.end()):
        entry = None
    if entry and entry[0] and not (entry[0] == "duration" and entry[2] == _HOUR):
        return True
    sm = lx.scale_after_digits_re.match(s, end) if lx.scale_after_digits_re else None
    return bool(sm and (sm.group("attached") or sm.group("scales")))


def _clock_word_before(before: str, patterns: Sequence[re.Pattern[str] | None]) -> re.Match[str] | None:
    """The first of ``patterns`` (a language's clock prepositions, ``Lexicon.prep_re`` and the
    like) that matches at the end of the text before a figure, or None."""
    return next((p for r in patterns if r is not None and (p := r.search(before))), None)


def _paired(lead: str, connector: str) -> bool:
    """Whether a range's opener goes with its connector ("from ... to", "entre ... y", "od ... do")."""
    return connector.lower() in _CLOCK_RANGE_PAIRS.get(lead.lower(), ())


def _pm_in(s: str, lx: Lexicon, t: Mention) -> bool:
    """Whether a clock time is written with a p.m. marker ("9 p.m.", "9pm"): the "ampm" form."""
    ampm = next(pat for name, pat in _time_patterns(lx.lang)[0] if name == "ampm")
    m = ampm.match(s, t.core_start)
    return m is not None and bool(m.group("pm"))


def _counts_next(s: str, lx: Lexicon, end: int) -> bool:
    """Whether the word after an hour that only a preposition of one or two letters makes a clock
    time ("o 19") makes it a count: a change word said after a figure ("więcej") or a word for what news counts
    as it develops, the injured, the dead, the missing, the damaged (a concept ``roles.tsv`` calls
    a tally or a state). An hour word or an article keeps a clock time ("o godz. 19", "a las 8
    menos cuarto")."""
    wm = _WORD_NEXT.match(s, end)
    if wm is None:
        return False
    word = wm.group(1)
    if word.lower() in lx.changes_after:
        return True
    from .lemmas import concepts, lemma

    counted = _developing()
    return any("#" + k in counted for k in concepts(lx.lang).of(lemma(word, lx.lang), word.lower()))


@functools.lru_cache(maxsize=1)
def _developing() -> frozenset[str]:
    """The concepts news counts as a story develops: ``roles.tsv``'s tallies and states."""
    from .counted import concepts_of_role

    return concepts_of_role("tally") | concepts_of_role("state")


def _fraction_word(lx: Lexicon, text: str) -> bool:
    """Whether a number's words hold a fraction ("and a half", "y cuarto", "półtorej"): a word
    whose value is no whole number."""
    return any((v := lx.words.get(w.lower())) is not None and v[0] != int(v[0]) for w in _WORDS.findall(text))


_WORDS = re.compile(r"[^\W\d_]+")


def _article_gap(gap: str, lx: Lexicon) -> bool:
    """Whether the words between a figure and its unit are one article ("554,000 | a | year",
    "£10 | a | gram"; not "66 millones | de | años")."""
    return lx.words.get(gap.strip().lower(), (0, ""))[1] == "article"


#: a dot and a letter right after a one-letter unit: an abbreviation ("m.in."), not the unit
_ABBREVIATION_ON = re.compile(r"\.\s?[^\W\d_]")


#: the word right after a figure (a space, then a letter: "14m-long" has none)
_WORD_NEXT = re.compile(r" ([^\W\d_][\w'’]*)")


def _glued_m(s: str, lx: Lexicon, end: int, figure: float) -> str:
    """What "m" glued to a figure with no currency is: "metres" when a word of a length follows
    ("14m high", "26m long"); "million" when any other word follows that is no function word and
    no word of extent ("14m Covid vaccine doses", "1.2m patients", "a 5m loss"); "" (unread)
    when nothing follows, a function word or another word of extent does ("60m in five seconds",
    "7.4m in England", "a 40m drop"), or the figure is a thousand or more ("the 3,412m summit":
    a thousand millions are written "bn")."""
    from .counted import grammar

    nm = _WORD_NEXT.match(s, end)
    if nm is None:
        return ""
    word = nm.group(1).lower()
    g = grammar(lx.lang)
    if word in g.dimension:
        return "metres"
    if word in g.function or word in g.extent or "'" in word or "’" in word:
        return ""  # (a contraction is a verb's: "1m isn't a number")
    if figure >= 1000:
        return ""
    return "million"


def _zone_after(s: str, lx: Lexicon, zone_pat: re.Pattern[str], end: int) -> tuple[str | None, int]:
    """The zone a clock time at ``end`` is stated in ("GMT", "hora local", "czasu polskiego"), as
    time.tsv maps it, or None, and where the clock time ends with it (before an opening bracket
    the zone pattern took: "(1100 GMT)" is read apart)."""
    zm = zone_pat.match(s, end)
    if not zm:
        return _country_clock(s, lx, end)
    zone = lx.zones.get(_SPACE_RUN.sub(" ", zm.group("z").lower()))
    if zone is None:
        zone = find_entry(lx.zones, zm.group("z"))  # type: ignore[assignment]
    end = zm.end()
    if s[end - 1 : end] == "(":
        end -= 1
    return zone, end


#: a place preposition and a name right after a clock time ("11.30 w Polsce", "18.30 en Irlanda",
#: "10am in Ireland", "9am in the UK", "las 10.00 en el Reino Unido"), up to a closing bracket or
#: the clause's end
_IN_PLACE = re.compile(r"\s+(?P<prep>[^\W\d_]{1,3})\s+(?:[^\W\d_]{2,3}\s+(?![a-zßàáâäçèéêëìíîïñòóôöùúûüąćęłńśźż]))?"
                       r"(?P<name>[^\W\d_]{2,}(?:\s+[^\W\d_]{2,}){0,2})(?=\s*(?:[).,;:!?]|$))")


def _country_clock(s: str, lx: Lexicon, end: int) -> tuple[str | None, int]:
    """The zone of a country a clock time at ``end`` names right after it ("11.30 w Polsce":
    Europe/Warsaw), when the country keeps one clock (``records.one_clock_zone``; "en España" is
    none: the Canaries keep another hour), and where the clock time ends with it; else None, ``end``."""
    m = _IN_PLACE.match(s, end)
    if m is None:
        return None, end
    from .counted import countries, grammar
    from .lemmas import fold, lemma

    if not m.group("name")[:1].isupper() or m.group("prep").lower() not in grammar(lx.lang).place:
        return None, end
    names = countries(lx.lang)
    code = names.get(fold(m.group("name"))) or names.get(fold(lemma(m.group("name"), lx.lang)))
    zone = one_clock_zone(code) if code else None
    return (zone, m.end()) if zone else (None, end)


#: hours, minutes and seconds with colons ("9:47:32", "(11:58:05)"), or minutes and seconds with
#: their fraction ("2:31,84", "1:43.5"): a race's or a record's time
_STOPWATCH = re.compile(r"(?<![\d.,:])(?:(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![\d:]|[.,]\d)"
                        r"|(?P<mm>\d{1,2}):(?P<ss>[0-5]\d)[.,](?P<f>\d{1,3})(?![\d:]|[.,]\d))")


def find_stopwatch(s: str, lx: Lexicon, taken: list[tuple[int, int]]) -> list[Mention]:
    """Hours, minutes and seconds written with colons, or minutes and seconds with their fraction:
    a duration ("won in 9:47:32", "z czasem 10:05:18", "w 2:31,84"), unless a clock's word stands
    before it or an am/pm marker or a zone's name after it ("at 14:32:05", "14:32:05 GMT"): a
    clock time to the second, which is left unread rather than read as its hour. A hedge before
    it is said of it ("just under 12:00:00")."""
    out: list[Mention] = []
    _, marker, zone_pat = _time_patterns(lx.lang)
    for m in _STOPWATCH.finditer(s):
        if _overlaps(taken, m.start(), m.end()):
            continue
        taken.append((m.start(), m.end()))
        before = s[max(0, m.start() - 25) : m.start()]
        if _clock_word_before(before, (lx.prep_re, lx.minute_prep_re, lx.second_prep_re, lx.anchor_re)) \
                or marker.match(s, m.end()) or zone_pat.match(s, m.end()):
            continue
        if m.group("h") is not None:
            value = float(int(m.group("h")) * 3600 + int(m.group("m")) * 60 + int(m.group("s")))
        else:
            value = round(int(m.group("mm")) * 60 + int(m.group("ss")) + float("0." + m.group("f")), 3)
        start, qualifier, low, high = m.start(), "exact", value, value
        h = _hedge_before(s, lx, m.start())
        if h:
            qualifier, start = h[0], h[1]
            low, high = qualifier_bounds(lx, qualifier, value)
        out.append(Mention("duration", start, m.end(), m.start(), m.end(), value, unit="s", qualifier=qualifier,
                           low=low, high=high, precision=1.0, extra={"has_scale": False, "hedged": bool(h), "factor": 1.0}))
    return out


def find_noons(s: str, lx: Lexicon, taken: list[tuple[int, int]]) -> list[Mention]:
    """Noon and midnight after their preposition ("at noon", "al mediodía", "o północy"), or
    without it before a zone name ("(noon BST)"): clock times with no digits (time.tsv rows of
    type noon and midnight hold the preposition)."""
    out: list[Mention] = []
    _, _, zone_pat = _time_patterns(lx.lang)
    for m in lx.noon_re.finditer(s) if lx.noon_re is not None and lx.noon_hours else ():
        if _overlaps(taken, m.start(), m.end()):
            continue
        hour = lx.noon_hours.get(_SPACE_RUN.sub(" ", m.group().lower()))
        if hour is None:
            continue
        zone, end = _zone_after(s, lx, zone_pat, m.end())
        taken.append((m.start(), end))
        out.append(Mention("time", m.start(), end, m.start(), m.end(), None, zone=zone, hour_minute=(hour, 0)))
    # the word alone, before a zone name: "11:00 local time (noon BST)"
    for m in lx.noon_bare_re.finditer(s) if lx.noon_bare_re is not None else ():
        hour = lx.noon_bare.get(m.group().lower())
        if hour is None or _overlaps(taken, m.start(), m.end()):
            continue
        zone, end = _zone_after(s, lx, zone_pat, m.end())
        if zone is None:
            continue
        taken.append((m.start(), end))
        out.append(Mention("time", m.start(), end, m.start(), m.end(), None, zone=zone, hour_minute=(hour, 0)))
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
    approx: bool = False  # "una veintena", "medio millar": about that many
    needs_unit: bool = False  # a fraction or ratio ("3/4", "1 sobre 3"): a claim only with its unit ("3/4%")
    scale_text: str = ""  # the scale word after the digits, as written ("m" in "5m")
    share: bool = False  # "seven in ten", "ocho de cada diez": a share, its value in percent


#: what may follow digits and make them a notation read whole: "1e10", "1,1^23", "3/4"
_EXPONENT = re.compile(r"[eE]([+-]?\d{1,3})(?![\w.,]\d|\w)")
_POWER = re.compile(r"\^([+-]?)(\d{1,3})(?![\d^]|[.,]\d)")
_SLASH = re.compile(r"/(\d{1,4})(?![\d/]|[.,]\d)")
#: what may follow digits and leave them unread: another digit group ("12,34,567", "192.168.1.2"),
#: a power or slash not read above, a multiplication by a power of ten
_UNREAD_AFTER = re.compile(r"[.,]\d|[\^/]|\s*[x×]\s*10\b")
_LEADING_DECIMAL = re.compile(r"(?=[.,]\d)(?<![\w.,:/@#+\-])[.,]\d+(?![\d]|[.,]\d)")
_SPACES_ONLY = re.compile(r"\s+")


def _scale_of(text: str, lx: Lexicon) -> float:
    """What the scale words after a number multiply it by ("mln" 1e6, "thousand million" 1e9)."""
    mult = 1.0
    for tok in _SPACE_RUN.split(text.strip()):
        entry = lx.words.get(tok.lower()) or lx.words.get(tok)
        if entry:
            mult *= entry[0]
    return mult


def find_cores(s: str, lx: Lexicon, taken: list[tuple[int, int]], words: frozenset[str] | None = None, digits: bool = True) -> list[Core]:
    cores: list[Core] = []
    absurd: list[tuple[int, int]] = []  # spans of figures past MAX_FIGURE: no part of them is read either
    decimal_mark = "," if lx.decimal_comma else "."
    for m in _LEADING_DECIMAL.finditer(s) if digits else ():
        # ",08 por ciento", ".5%": a decimal fraction written without its zero
        if m.group()[0] == decimal_mark and not _overlaps(taken, m.start(), m.end()):
            frac = m.group()[1:]
            cores.append(Core(m.start(), m.end(), float("0." + frac), 0.5 * 10 ** -len(frac), False, False, m.group(), True))
    for m in _DIGITS.finditer(s) if digits else ():
        if _overlaps(taken, m.start(), m.end()) or (cores and m.start() < cores[-1].end):
            continue  # inside a notation already read ("1.1^+23", "12.32e+14")
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
        needs_unit = False
        em, pm, fm = _EXPONENT.match(s, end), _POWER.match(s, end), _SLASH.match(s, end)
        if em:  # "1e10%"
            try:
                scale = 10.0 ** int(em.group(1))
            except OverflowError:
                continue  # "1e999": past any float, no claim
            value, precision, end = value * scale, precision * scale, em.end()
        elif pm:  # "1,1^23 por ciento"
            try:
                value = value ** (int(pm.group(2)) * (-1 if pm.group(1) == "-" else 1))
            except (OverflowError, ZeroDivisionError):
                continue
            precision, end = 0.0, pm.end()
        elif fm and value == int(value) and int(fm.group(1)) > 0:  # "3/4%", "1/4 mile": a unit must follow
            value, precision, end, needs_unit = value / int(fm.group(1)), 0.0, fm.end(), True
        elif _UNREAD_AFTER.match(s, end):
            continue  # "12,34,567.89", "192.168.1.2", "24/7", "1.3x10^6": not read whole, no claim
        has_scale = False
        scale_text = ""
        sm = lx.scale_after_digits_re.match(s, end)
        if sm and not _overlaps(taken, sm.start(), sm.end()) and not needs_unit:
            scale_txt = sm.group("attached") or sm.group("scales")
            mult = _scale_of(scale_txt, lx)
            if mult != 1.0:
                frac = sm.groupdict().get("frac")
                value = (value + (lx.words[frac.lower()][0] if frac else 0.0)) * mult
                precision *= mult
                has_scale = True
                scale_text = scale_txt.strip()
                end = sm.end()
        if not abs(value) < MAX_FIGURE:
            absurd.append((m.start(), end))  # an absurd number (400 digits): skipped, never its article
            continue
        cores.append(Core(m.start(), end, value, precision, False, has_scale, txt, bool(_SEPARATOR.search(txt)),
                          needs_unit=needs_unit, scale_text=scale_text))
    digit_spans = [(c.start, c.end) for c in cores] + absurd
    word_runs = list(_word_matches(s, lx, digit_spans)) if words is None or lx.word_gate.open(words) else []
    # a unit after digits whose words are number words is no number of its own ("40 por ciento")
    units_spans = [(um.start("unit"), um.end("unit")) for c in cores
                   if word_runs and lx.unit_after_re is not None and (um := lx.unit_after_re.match(s, c.end))]
    for m in word_runs:
        if _overlaps(taken, m.start(), m.end()) or _overlaps(digit_spans, m.start(), m.end()) \
                or _overlaps(units_spans, m.start(), m.end()):
            continue
        full = txt = m.group()
        if lx.last_units and txt.rsplit(None, 1)[-1].lower() in lx.last_units and not _plural_or_scale_next(s, lx, m.end()):
            full = txt = txt.rsplit(None, 1)[0]  # "treinta y un puñado de curiosos": the article opens the next phrase
        # trailing connectors/articles are not part of the number ("two and", "half a")
        trimmed = _LAST_WORD.sub("", txt)
        parsed = parse_words(txt, lx)
        while parsed is None and trimmed != txt:
            txt = trimmed
            trimmed = _LAST_WORD.sub("", txt)
            parsed = parse_words(txt, lx)
        if parsed is None or _number_word_in(full[len(txt):], lx):
            continue  # "five billion and three quarters", "dos coma": words the rules do not read whole
        toks = [t for t in _WORD_BREAK.split(txt.lower()) if t]
        real = [t for t in toks if lx.words.get(t, (0, ""))[1] not in ("article", "connector", "of")]
        if len(real) == 1 and lx.words.get(real[0], (0, ""))[1] == "scale" and lx.has_articles and real[0] not in lx.alone \
                and len(toks) == 1:
            continue  # "million" alone is no number where the language says "a million"
        value, precision, has_scale = parsed
        end = m.start() + len(txt)
        sm = None if has_scale else lx.scale_after_digits_re.match(s, end)
        if sm and sm.group("attached") is None and not _overlaps(taken, sm.start(), sm.end()):
            # a number in words before a scale's abbreviation: "półtora mln osób", "dwa tys. zł"
            mult = _scale_of(sm.group("scales"), lx)
            if mult != 1.0:
                value, precision, has_scale, end = value * mult, precision * mult, True, sm.end()
                txt = s[m.start():end]
        if not abs(value) < MAX_FIGURE:
            continue
        # a noun of number is loose: "una veintena" (about 20), "a dozen", "half a dozen", "two
        # dozen" (about 12, 6, 24); not the abbreviations of a trade's dozen ("12 dz"), nor a dozen
        # inside a longer number ("three hundred and two dozens")
        types = [lx.words.get(t, (0, ""))[1] for t in toks]
        approx = "approx" in types or (
            any(ty == "dozen" and len(t) > 3 for t, ty in zip(toks, types))
            and not any(ty in ("hundred", "scale", "abbrev") for ty in types))
        cores.append(Core(m.start(), end, value, precision, True, has_scale, txt, False, approx=approx))
    cores.sort(key=lambda c: c.start)
    return _join_cores(s, lx, cores)


_WORD_BREAK = re.compile(r"[\s\-]+")


def _plural_or_scale_next(s: str, lx: Lexicon, at: int) -> bool:
    """Whether a unit, a scale word ("treinta y un mil") or a plural follows ``at``: what an article
    that ends a number as its one comes before. (The plural is read by its final "s", the mark of
    the one language whose numbers.tsv has last_unit rows, Spanish: "treinta y una personas".)"""
    if _unit_kind_at(s, lx, at) is not None:
        return True  # "treinta y un km", "treinta y un por ciento"
    m = _NEXT_WORD.match(s, at)
    return m is not None and (m.group(1).lower().endswith("s") or lx.words.get(m.group(1).lower(), (0, ""))[1] == "scale")


def _word_matches(s: str, lx: Lexicon, digit_spans: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """The sequences of number words; one that starts inside digits and a scale ("6 crore and
    two hundred") is looked for again after them."""
    pos = 0
    while (m := lx.word_re.search(s, pos)) is not None:  # type: ignore[union-attr]
        inside = next((b for a, b in digit_spans if a <= m.start() < b and m.end() > b), None)
        if inside is not None:
            pos = inside
            continue
        stray = _not_a_denominator(m.group(), lx)
        if stray is not None:
            # a word that only looks like a denominator ends the run: "three deaths", "seven
            # births"; the words after it are looked for again
            head = m.group()[: stray[0]].rstrip(" -")
            if head:
                yield from _two_numbers(_Piece(m.start(), head), lx)
            pos = m.start() + stray[1]
            continue
        yield from _two_numbers(m, lx)
        pos = m.end() if m.end() > m.start() else m.start() + 1


_RUN_WORD = re.compile(r"[^\s\-]+")


def _not_a_denominator(text: str, lx: Lexicon) -> tuple[int, int] | None:
    """The span of the first word of a run of number words that is neither a number word nor a
    denominator (a word with a denominator's ending: "deaths", "births", "months"), or None."""
    for w in _RUN_WORD.finditer(text):
        t = w.group().lower()
        if t not in lx.words and denominator(t, lx) is None:
            return w.span()
    return None


class _Piece:
    """A part of a match of number words, read as a match of its own."""

    __slots__ = ("_start", "_text")

    def __init__(self, start: int, text: str) -> None:
        self._start, self._text = start, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start + len(self._text)

    def group(self) -> str:
        return self._text


_CONNECTOR_RUN = re.compile(r"\s+([^\W\d_]+)\s+")


def _two_numbers(m: Any, lx: Lexicon) -> Iterator[Any]:
    """A run of number words as one number, or as two joined by a connector when only the two read
    whole ("between two and six years", "entre dos y diez días", "dwa i pięć"); else as it is."""
    text = m.group()
    # (the connector first: most runs are one word, and the caller parses every run anyway)
    if _CONNECTOR_RUN.search(text) and parse_words(text, lx) is None:
        for c in _CONNECTOR_RUN.finditer(text):
            if lx.words.get(c.group(1).lower(), (0, ""))[1] != "connector":
                continue
            left, right = text[: c.start()], text[c.end() :]
            a, b = parse_words(left, lx), parse_words(right, lx)
            if a and b and not a[2] and a[0] >= 1 and b[0] >= 1 and a[0] == int(a[0]) and b[0] == int(b[0]):
                yield _Piece(m.start(), left)
                yield _Piece(m.start() + c.end(), right)
                return
    yield m


def _number_word_in(rest: str, lx: Lexicon) -> bool:
    """Whether words trimmed off a number word sequence hold a number word (then the sequence
    was not read whole); trailing connectors and articles are fine ("two and", "half a")."""
    return any(lx.words.get(t, (0, "connector"))[1] not in ("article", "connector", "of")
               for t in _WORD_BREAK.split(rest.lower()) if t)


#: the most a share told as parts of a whole ("one in four") may stand from the percentage it
#: states, in points: "seven in ten" is said of 65% to 75%, "one in four" of 20% to 30%
SHARE_PRECISION = 5.0
#: the most parts a whole may have for a ratio to be a share ("one in a thousand" is a rate)
SHARE_PARTS = 100


#: the word after a figure
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _number_word_next(s: str, lx: Lexicon, at: int) -> bool:
    """Whether a word of a number's scale, or its plural, follows ``at`` ("five | hundreds",
    "ten | thousand"): the number read on is a bigger one."""
    m = _NEXT_WORD.match(s, at)
    w = m.group(1).lower() if m else ""
    entry = lx.words.get(w) or (lx.words.get(w[:-1]) if w.endswith("s") else None)
    return entry is not None and entry[1] in ("hundred", "hundreds", "scale")


#: the wholes a share joined by a word that also says where ("in") is told with: "seven in ten",
#: "nine in 100" (but "3 in 5 states", "7 in 9 innings" say where the three were)
ROUND_WHOLES = (10.0, 100.0)


def _place_word(gap: str, lang: str) -> bool:
    """Whether the words between two numbers are a preposition of place (grammar.tsv class place:
    "in", "en", "w"), which joins a count to where it was counted as often as to a whole."""
    from .counted import grammar

    return gap.strip().lower() in grammar(lang).place


def _share_of(part: Core, whole: Core, word: str, lang: str) -> bool:
    """Whether two whole numbers a share word joins are a share: a part of one to ``SHARE_PARTS``
    parts ("seven in ten", "1 de cada 4", "9 out of 10"). A share word that is also a preposition
    of place (grammar.tsv class place: "in") makes one only as the idiom has it: one part ("one in
    four") or a round whole (``ROUND_WHOLES``)."""
    if not (part.value == int(part.value) and whole.value == int(whole.value) and 1 <= part.value < whole.value <= SHARE_PARTS):
        return False
    return not _place_word(word, lang) or part.value == 1 or whole.value in ROUND_WHOLES


def _join_cores(s: str, lx: Lexicon, cores: list[Core]) -> list[Core]:
    """Join the numbers of one written figure and drop the ones the rules cannot read whole:
    "10 1/2" (10.5), "4 thousand 3 hundred and 21" (4321), "6 crore and two hundred", "1 sobre 3"
    (a ratio: a claim only with its unit); two numbers with only spaces between ("4000 3 hundred")
    are none."""
    out: list[Core] = []
    dropped: set[int] = set()
    i = 0
    while i < len(cores):
        c = cores[i]
        while i + 1 < len(cores):
            n = cores[i + 1]
            gap = s[c.end : n.start]
            spaces = _SPACES_ONLY.fullmatch(gap) is not None
            if spaces and n.needs_unit and not c.needs_unit and c.value == int(c.value) and not c.has_scale and n.value < 1:
                c = Core(c.start, n.end, c.value + n.value, 0.0, False, False, c.digits_text, c.separators, needs_unit=True)
            elif lx.ratio_re is not None and lx.ratio_re.match(" " + gap.strip() + " ") and not c.has_scale and not n.has_scale \
                    and 0 < n.value < 1000 and not c.needs_unit and not n.needs_unit and _unit_kind_at(s, lx, n.end) == "percent" \
                    and not lx.unit_before_re.search(s[max(0, c.start - 6) : c.start]):  # type: ignore[union-attr]
                # "uno sobre tres por ciento"; not "$10000 in 3 years"
                c = Core(c.start, n.end, c.value / n.value, 0.0, c.words_only and n.words_only, False, c.digits_text, False,
                         needs_unit=True)
            elif lx.ratio_re is not None and lx.ratio_re.match(" " + gap.strip() + " ") and not c.has_scale and not n.has_scale \
                    and 0 < n.value < 1000 and not c.needs_unit and not n.needs_unit \
                    and not lx.unit_before_re.search(s[max(0, c.start - 6) : c.start]) and _unit_kind_at(s, lx, n.end) is None:  # type: ignore[union-attr]
                if lx.share_ratio_re is not None and lx.share_ratio_re.match(" " + gap.strip() + " ") \
                        and _share_of(c, n, gap.strip().lower(), lx.lang) and not _number_word_next(s, lx, n.end) \
                        and not (i + 2 < len(cores) and _SPACES_ONLY.fullmatch(s[n.end : cores[i + 2].start])):
                    # "seven in ten corals", "ocho de cada diez fallecidos", "9 out of 10": a share,
                    # rounded to half a part of the whole, and never finer than SHARE_PRECISION
                    # (not "two out of five hundred TVs": the whole is read on)
                    c = Core(c.start, n.end, 100.0 * c.value / n.value, min(50.0 / n.value, SHARE_PRECISION),
                             c.words_only and n.words_only, False, c.digits_text, False, share=True)
                    i += 1
                    break  # a share joins nothing more
                if _place_word(gap, lx.lang) and not (c.value < n.value <= SHARE_PARTS and (c.words_only or n.words_only)):
                    break  # "arrests at 23 in seven countries": two counts, the second says where
                dropped.update((i, i + 1))  # "1 over 3": a ratio of nothing said
                break
            elif not c.words_only and not c.has_scale and c.value == int(c.value) and n.words_only and _connector_gap(gap, lx) \
                    and 0 < n.value / (scale := _last_scale(n, lx)) < 1:
                # "3 and a half hours", "2 and a half million dollars": the fraction adds to the digits before it
                c = Core(c.start, n.end, c.value * scale + n.value, n.precision, False, n.has_scale, c.digits_text,
                         c.separators, scale_text=n.scale_text)
            elif c.has_scale and (spaces or _connector_gap(gap, lx)) and _last_scale(c, lx) > n.value and \
                    (not n.has_scale or _last_scale(n, lx) < _last_scale(c, lx)):
                c = Core(c.start, n.end, c.value + n.value, n.precision, c.words_only and n.words_only, True, c.digits_text,
                         c.separators, scale_text=n.scale_text)
            elif c.words_only and 0 < c.value < 1 and not c.has_scale and n.has_scale and n.words_only \
                    and lx.words.get(gap.strip().lower(), (0, ""))[1] == "of":
                # "two thirds of a million"
                c = Core(c.start, n.end, c.value * n.value, c.value * n.precision, c.words_only and n.words_only, True, c.digits_text,
                         False, scale_text=n.scale_text)
            elif c.words_only and 0 < c.value < 1 and not c.has_scale and not n.words_only \
                    and lx.words.get(gap.strip().lower(), (0, ""))[1] == "of":
                dropped.add(i)  # "una media de 6,2 millones": an average (a red-team review's case), no half of the figure in digits after it
                break
            elif spaces and c.words_only and 0 < c.value < 1 and not c.has_scale and not n.words_only:
                dropped.add(i)  # "cuesta de media 11,95 euros": "media" (on average) is no half of the figure after it
                break
            elif spaces and not c.words_only and n.words_only and lx.words.get(s[n.start : n.end].split()[0].lower(), (0, ""))[1] == "article":
                # "€2.50 a dozen", "$3 a hundred": the figure, per the number after it (a rate's unit, no claim)
                dropped.add(i + 1)
                break
            elif spaces and not (c.words_only and n.words_only):
                dropped.update((i, i + 1))  # "4000 3 hundred", "2 1/4 3": two numbers, no reading of both
                break
            else:
                break
            i += 1
        if i not in dropped:
            out.append(c)
        i += 1
    return out


def _unit_kind_at(s: str, lx: Lexicon, pos: int) -> str | None:
    """The kind of the unit that follows ``pos``, if one does."""
    um = lx.unit_after_re.match(s, pos) if lx.unit_after_re else None
    entry = lx.units_after.get(_SPACE_RUN.sub(" ", um.group("unit").lower())) if um else None
    return entry[0] if entry else None


def _connector_gap(gap: str, lx: Lexicon) -> bool:
    """A gap that is one connector of the language between spaces ("4 thousand 3 hundred and 21")."""
    word = gap.strip().lower()
    return gap[:1].isspace() and gap[-1:].isspace() and lx.words.get(word, (0, ""))[1] == "connector"


def _last_scale(c: Core, lx: Lexicon) -> float:
    """The smallest scale written in a core ("4 thousand 3 hundred": 100), 1 when none."""
    scale = 1.0
    for tok in _WORD_BREAK.split(_core_words(c)):
        v, k = lx.words.get(tok, (0.0, ""))
        if k in ("scale", "abbrev", "hundred"):
            scale = v
    return scale


def _core_words(c: Core) -> str:
    return (c.scale_text or c.digits_text).lower()


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


def _hedge_before(s: str, lx: Lexicon, pos: int, across: bool = True) -> tuple[str, int] | None:
    """(qualifier, start) of the hedge that ends right before ``pos`` ("more than 40%"), also
    across an article ("casi el 50%", "más del 40%": más de + el) when ``across``, or None. Across
    an article, "hasta" is no hedge: after a verb it gives the level reached ("llegó hasta el 27%");
    a longer bound is ("no más del 2%")."""
    at = max(0, pos - 40)
    window = s[at:pos]
    found = _hedge_ending(window, lx)
    if found is None and across:
        am = lx.article_re.search(window) if lx.article_re is not None else None
        if am is not None:
            head = window[: am.start()]
            joined = head + lx.contractions.get(am.group().strip().lower(), "")
            found = _hedge_ending(joined, lx)
            if found is not None and (found[1] >= len(head) or (found[0] == "up_to" and len(joined[found[1]:].split()) == 1)):
                found = None  # a contraction's preposition alone is no hedge, nor "hasta el" (but "no más del 2%")
    return None if found is None else (found[0], at + found[1])


def _hedge_ending(window: str, lx: Lexicon) -> tuple[str, int] | None:
    """(qualifier, where in ``window`` it starts) of the hedge that ends ``window``, or None."""
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
    return str(q), hm.start()


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
        if ":" in s:
            mentions += find_stopwatch(s, lx, taken)
        times = find_times(s, lx, taken, words)
        mentions += times
    if lx.noon_gate.open(words):
        mentions += find_noons(s, lx, taken)
    if lx.word_re is not None and lx.marker_gate.open(words) and lx.word_gate.open(words):
        mentions += _word_clocks(s, lx, taken)

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
        after = len(s) - len(s[m.end():].lstrip())  # where the next word starts
        if _overlaps(taken, m.start(), m.end()) or _NUMBER_NEXT.match(s, m.end()) or \
                (lx.word_re is not None and lx.word_re.match(s, after)):
            continue  # "two thirds of a million": a fraction of a number, read with it
        if lx.duration_next_re is not None and lx.duration_next_re.match(s, m.end()):
            continue  # "a quarter of an hour", "un cuarto de hora": a span of time, read as a duration
        if lx.weekday_re is not None and lx.weekday_re.match(s, after) and not _ends_with_link(m.group(), lx.lang):
            continue  # "co drugą sobotę", every other Saturday: how often, not a share ("half of Monday's flights" is one)
        pct = lx.shares.get(_SPACE_RUN.sub(" ", m.group().lower()))
        if pct is None:
            continue
        start, q = m.start(), "exact"
        h = _hedge_before(s, lx, start)
        if h:
            q, start = h
        taken.append((m.start(), m.end()))
        low, high = qualifier_bounds(lx, q, pct)
        extra: dict[str, object] = {"share": True}
        # a share that is the size of a change ("spadła o połowę"; "rose by a third", whose phrase
        # holds the change's last word)
        first = m.group().split(None, 1)[0]
        change = change_before(s, lx, m.start()) or (change_before(s, lx, m.start() + len(first) + 1)
                                                      if first.lower() in lx.change_ends else None) \
            or (change_before(s, lx, start) if start < m.start() else None)  # "spadł o prawie jedną trzecią": before the hedge
        if not change:  # "a third more", "un tercio menos", "o połowę mniej": the phrase ends in the change's word
            last = m.group().split()[-1].lower()
            ha = lx.hedge_after_re.match(s, m.end() - len(last) - 1) if lx.hedge_after_re is not None else None
            if ha is None or ha.end() <= m.end():  # (not "un tercio más o menos": about a third)
                change = lx.changes_after_share.get(last) or lx.changes_after.get(last)
        if change:
            extra["change"] = change
        mentions.append(Mention("percent", start, m.end(), m.start(), m.end(), pct, unit="%", qualifier=q,
                                low=low, high=high, precision=0.5, extra=extra))

    cores = find_cores(s, lx, taken, words, digits)
    used: set[int] = set()
    for i, c in enumerate(cores):
        if i in used:
            continue
        nxt = cores[i + 1] if i + 1 < len(cores) else None
        rng, change, gap_unit = None, None, None
        if nxt is not None:
            gap, gap_unit = _gap_without_units(s[c.end : nxt.start], lx)
            lead = _range_lead(s, lx, c.start)
            if _DASH_GAP.match(gap) and not c.words_only and not nxt.words_only:
                rng = nxt
            elif lead and _range_gap(gap, lx):
                rng = nxt  # "between 20 and 30"; "rose from 10 to 15" is a change from one to the other
            elif _LEADLESS_GAP.match(gap) and not c.words_only and not nxt.words_only and change_before(s, lx, c.start) is None:
                rng = nxt  # "5% to 10%", "$10 to $15 billion", "40 to 50 hours"
            elif _LEADLESS_GAP.match(gap) and c.words_only and nxt.words_only and c.value < nxt.value \
                    and _unit_kind_at(s, lx, nxt.end) in ("duration", "quantity", "percent", "money"):
                rng = nxt  # "two to three weeks", "de dos a tres semanas": number words with a unit after the second
            elif _OR_GAP.match(gap) and not c.has_scale:
                rng = nxt  # "two or three people", "3 or 4 days"
            lead_at, opener = lead or (0, "")
            if rng is not None and opener and opener not in _BETWEEN:
                # a change word before the range's opener makes its two figures a change's
                change = change_before(s, lx, lead_at) or (change_in_clause(s, lx, lead_at) if opener not in _RANGE_ONLY else None)
        men = _number_mention(s, lx, c, rng, change)
        if men is not None and rng is not None and men.kind == "count" and _year_like(c) and _year_like(rng) \
                and (_DASH_GAP.match(gap) or not _counts_noun_after(s, rng.end) or _YEAR_WORD_AFTER.match(s, rng.end)):
            used.add(i + 1)
            continue  # "between 2007 and 2015", "od 2015 do 2022": a span of years, no count
        if men is not None and gap_unit is not None and rng is not None and (men.kind, men.unit) != gap_unit[:2]:
            men = None  # "5 km to 10 miles": two units, no range
        elif men is not None and gap_unit is not None and rng is not None and men.kind in ("duration", "quantity") \
                and men.low and c.value and not c.has_scale and abs(men.low / c.value - gap_unit[2]) > 1e-9 * gap_unit[2]:
            men = None  # "from six months to eight years": each end has its own unit, read one by one
        if men is None and rng is not None:
            if _DASH_GAP.match(gap) and not (c.has_scale or rng.has_scale):
                used.add(i + 1)
                continue  # "won 52-48", "the 2022-23 season": a score or a span, not two amounts
            rng = None  # read the numbers one by one
            men = _number_mention(s, lx, c, None)
        if men is None:
            continue
        if rng is not None:
            used.add(i + 1)
        elif nxt is not None and men.kind in ("money", "quantity", "duration"):
            whole = _compound(s, lx, men, nxt)  # "3 dollars 50 cents", "5 feet 2 inches", "3 minutes and 50 seconds"
            if whole is _UNREAD:
                used.add(i + 1)
                continue
            if whole is not None:
                men = whole
                used.add(i + 1)
        then = men.extra.pop("then", None)
        mentions.append(men)
        taken.append((men.start, men.end))
        if isinstance(then, Mention):  # the value a change went to
            mentions.append(then)
            taken.append((then.start, then.end))

    # a number glued to a unit of time in one word: "pięciodniowy strajk", "dwuletnie śledztwo";
    # next to a word of age, an age ("pięcioletni chłopiec"), as "5-letni chłopiec" is
    for m in lx.glued_re.finditer(s) if lx.glued_re is not None and lx.glued_gate.open(words) else ():
        if _overlaps(taken, m.start(), m.end()):
            continue
        factor, number = lx.units_after[m.group("unit").lower() + "*"][2], lx.glued[m.group("num").lower()]
        start, q = m.start(), "exact"
        h = _hedge_before(s, lx, start)
        if h:
            q, start = h
        if _age_context(s, lx, m.start(), m.end()):
            if factor < _YEAR:
                continue  # "pięciomiesięczne niemowlę": an infant's age in months, no claim
            kind, amount, unit, precision = "age", number, "year", 0.5  # "dwuletnia dziewczynka", as "2-letnia"
        else:
            kind, amount, unit, precision = "duration", number * factor, "s", 0.5 * factor
        low, high = qualifier_bounds(lx, q, amount)
        mentions.append(Mention(kind, start, m.end(), m.start(), m.end(), amount, unit=unit, qualifier=q,
                                low=low, high=high, precision=precision))
        taken.append((start, m.end()))

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
            before = s[:start].rstrip()
            if before and (before[-1].isdigit() or any(b == len(before) for _, b in taken)):
                continue  # "$3,500 a month", "50 km an hour": a rate, not a duration of its own
        h = _hedge_before(s, lx, start, across=False)  # "hasta la hora de cierre" is no duration
        kind, unit, factor = entry
        rest = _remainder_after(s, lx, m.end(), factor, mentions)
        if not h and not am and not (lx.unit_fraction_re and lx.unit_fraction_re.match(s, m.end())) \
                and not _spans_remainder(s, lx, m.end(), rest):
            # (a unit and its fraction, or its remainder after a connector, need no article: "hora y
            # media", "godzinę i 20 minut"; not "w ubiegłym roku 9,5 minuty")
            continue
        if h and h[0] == "up_to" and (wb := _LAST_WORD.search(s, max(0, h[1] - 20), h[1])) \
                and (lx.units_after.get(wb.group(1).lower()) or ("", "", 0.0))[2] == factor:
            continue  # "rok do roku", "miesiąc do miesiąca": year on year, no duration "up to a year"
        q = "exact"
        if h:
            q, start = h
        end, amount, precision = m.end(), factor, 0.5 * factor
        fm = lx.unit_fraction_re.match(s, end) if lx.unit_fraction_re else None
        if fm:  # "about an hour and a half"
            part = lx.words[fm.group("frac").lower()][0]
            amount, end, precision = factor * (1 + part), fm.end(), fraction_precision(part) * factor
        else:  # "an hour and 45 minutes", "una hora y 45 minutos": the remainder read as a figure of its own
            if rest is not None:
                amount, end, precision = factor + float(rest.value), rest.end, rest.precision  # type: ignore[arg-type]
                mentions.remove(rest)
                taken.remove((rest.start, rest.end))
            elif _DIGIT_NEXT.match(s, end) and (m.group().endswith(".") or len(m.group()) == 1):
                continue  # "ok. godz. 20": an abbreviation that stands before a clock time, no duration
        low, high = qualifier_bounds(lx, q, amount)
        mentions.append(Mention("duration", start, end, m.start(), end, amount, unit="s", qualifier=q,
                                low=low, high=high, precision=precision))
        taken.append((start, end))
    mentions.sort(key=lambda x: (x.start, x.end))
    if any(m.kind == "money" for m in mentions):
        _elided_currency(s, lx, mentions)
    return mentions


@functools.lru_cache(maxsize=None)
def _rate_words(lang: str) -> frozenset[str]:
    """The one-word rate words of a language (grammar.tsv class per: "per", "por", "za"), but for
    the English articles, which are rates only right after an amount ("€250 a passenger")."""
    from .counted import grammar

    return frozenset(w[0] for w in grammar(lang).per if len(w) == 1 and w[0] not in ("a", "an"))


#: what may stand between the rate of one amount of a list and the next figure: a comma, a
#: semicolon or a conjunction (grammar.tsv's class conj)
_LIST_GAP = re.compile(r"\s*(?:[,;]\s*(?:(?P<c1>\w+)\s+)?|\s+(?P<c2>\w+)\s+)$")


def _elided_currency(s: str, lx: Lexicon, mentions: list[Mention]) -> None:
    """A list of amounts that names its currency once and then leaves it out: "150 euros por
    oveja, 600 por ternero y 1.200 por vaca", "50 zł za bilet, 30 za ulgowy". A bare figure in
    digits that follows an amount's rate ("por oveja") after a comma or a conjunction, and is
    itself followed by the same rate word ("por ternero"), is an amount in that currency, in
    place (``mentions``, sorted)."""
    from .counted import grammar

    pers = _rate_words(lx.lang)
    if not pers:
        return
    g = grammar(lx.lang)
    for k in range(1, len(mentions)):
        prev, m = mentions[k - 1], mentions[k]
        if prev.kind != "money" or m.kind != "count" or m.unit or m.words_only or m.vague:
            continue
        after_prev = _FIRST_WORD.match(s, prev.end)
        after_m = _FIRST_WORD.match(s, m.end)
        if not after_prev or not after_m or after_prev.group(1).lower() not in pers \
                or after_m.group(1).lower() != after_prev.group(1).lower():
            continue
        # between: the rate phrase of the amount before ("por oveja adulta"), then the list's joint
        gap = s[after_prev.end(1) : m.start]
        joint = _LIST_GAP.search(gap)
        if joint is None or "," not in gap and ";" not in gap and (joint.group("c2") or "").lower() not in g.conj:
            continue
        word = (joint.group("c1") or joint.group("c2") or "").lower()
        if word and word not in g.conj:
            continue
        if len(gap[: joint.start()].split()) > 3:
            continue  # the rate of the amount before is a short noun phrase
        tail = _RATE_TAIL.match(s, after_m.end(1))
        if tail is None or (tail.group("conj") is not None and tail.group("conj").lower() not in g.conj):
            continue  # the list item ends with its rate ("600 por ternero y"); "20 per week were issued" is a count
        amount = m.copy()
        amount.kind, amount.unit = "money", prev.unit
        mentions[k] = amount


_FIRST_WORD = re.compile(r"\s*(\w+)")
#: a list item's rate noun phrase (one or two words) and what ends the item: a punctuation mark,
#: the sentence's end, or a conjunction before the next figure
_RATE_TAIL = re.compile(r"(?:\s+[^\W\d_][\w'’-]*){1,2}?(?:\s*(?:[,;.:)]|$)|\s+(?P<conj>\w+)\s+\d)")


@functools.lru_cache(maxsize=None)
def _article_before(lang: str) -> re.Pattern[str] | None:
    """An article ending a text, as a whole word ("an " before "hour"); compiled once."""
    lx = lexicon(lang)
    if lx.article_unit_re is None:
        return None
    art = lx.article_unit_re.pattern[: -len(r"\s+$")]
    return re.compile(rf"(?<!\w){art}\s+$", re.I)


_DIGIT_NEXT = re.compile(r"\s*\d")
_NUMBER_END = re.compile(r"\d\s*$")
_CONNECTOR_GAP = re.compile(r"\s+(?:(?P<conn>[^\W\d_]+)\s+)?")


def _spans_remainder(s: str, lx: Lexicon, end: int, rest: Mention | None) -> bool:
    """Whether a unit with no number that ends at ``end`` and its remainder ``rest`` are joined by
    a connector ("godzinę i 20 minut") and are a span, not a moment ("po godzinie i 20 minut
    później", "w ubiegłym roku i 3 miesiące wcześniej": cues.tsv not_age_after words follow)."""
    gm = _CONNECTOR_GAP.match(s, end)
    return rest is not None and gm is not None and gm.group("conn") is not None \
        and not (lx.not_age_after_re is not None and lx.not_age_after_re.match(s, rest.end))


def _remainder_after(s: str, lx: Lexicon, end: int, factor: float, mentions: list[Mention]) -> Mention | None:
    """The duration right after a unit that has no number ("an hour | and 45 minutes") when it is
    that unit's remainder: an exact figure of a smaller unit, joined by nothing or a connector."""
    gm = _CONNECTOR_GAP.match(s, end)
    conn = gm.group("conn") if gm else None
    if gm is None or (conn and lx.words.get(conn.lower(), (0, ""))[1] != "connector"):
        return None
    rest = next((m for m in mentions if m.start == gm.end()), None)
    return rest if rest is not None and _remainder_of(factor, rest) else None


def _remainder_of(factor: float | None, second: Mention) -> bool:
    """Whether ``second`` is the remainder of a duration in a unit of ``factor`` seconds: an exact
    duration in a smaller unit, less than one of the bigger ("2 hours | 15 minutes")."""
    small = second.extra.get("factor")
    return (second.kind == "duration" and second.qualifier == "exact" and bool(factor) and bool(small)
            and small < factor and isinstance(second.value, float) and second.value < factor)


#: what ``_compound`` says of an amount that is neither one whole nor separate figures
_UNREAD = Mention("count", 0, 0, 0, 0, None)
_COMPOUND_GAP = re.compile(r"\s*(?:,\s*)?(?:(?P<conn>\w+)\s+)?$")
#: a short abbreviation glued to a number ("12sec") or ending a clause after it ("21 s."): a unit,
#: perhaps one the rules lack
_ABBREVIATION_AFTER = re.compile(r"(?:([^\W\d_]{1,3})(?![^\W\d_])|\s([^\W\d_]{1,3})(?=[.,;:)]|$))")
_REMAINDER_END = re.compile(r"\s*(?:[.,;:!?)]|$|(?:and|y|i|or|o)\s)", re.I)


def _compound(s: str, lx: Lexicon, men: Mention, nxt: Core) -> Mention | None:
    """One amount written in two units: "3 dollars 50 cents", "15 dólares con 50", "5 feet 2
    inches", "tres minutos y 50 segundos" (a money amount in its main unit and then its subunit,
    or a bare remainder of cents at the end of a clause; a length in two units of one dimension;
    a duration and its remainder in a smaller unit). None when it is not one."""
    gm = _COMPOUND_GAP.match(s[men.end : nxt.start])
    # a hedge before a duration is said of the whole ("ok. 1 godz. 45 min", "about 2 hours 10 minutes")
    hedged = men.kind == "duration" and men.qualifier not in ("exact", "only", "range", "vague")
    if gm is None or (men.qualifier not in ("exact", "only") and not hedged) or nxt.has_scale:
        return None
    conn = gm.group("conn")
    if conn and lx.words.get(conn.lower(), (0, ""))[1] not in ("connector", "decimal"):
        return None
    second = _number_mention(s, lx, nxt, None)
    if men.kind == "duration" and not conn and (second is None or second.kind == "count") and not nxt.has_scale:
        ab = _ABBREVIATION_AFTER.match(s, nxt.end)
        if ab and (ab.group(1) or ab.group(2)).lower() not in lx.words:
            return _UNREAD  # "1 min 21 s": a remainder in a unit the rules do not name, not one minute
    # a hedge after the remainder is said of the whole ("12 ft 2 in more or less")
    hedged_after = second is not None and second.qualifier not in ("exact", "only", "range", "vague") \
        and second.start == nxt.start and men.qualifier == "exact"
    if second is None or (second.qualifier != "exact" and not hedged_after):
        return None
    if men.kind == "money":
        if men.extra.get("factor") != 1.0 or men.extra.get("has_scale") or not isinstance(men.value, float):
            return None
        shared = second.kind == "money" and second.start < men.end  # "17 USD 25": one code, two numbers
        small = not nxt.has_scale and nxt.value == int(nxt.value) and 0 < nxt.value < 100
        if second.kind == "money" and second.unit == men.unit and second.extra.get("factor") == 0.01 and second.start == nxt.start:
            add, end = float(second.value), second.end  # type: ignore[arg-type]
        elif (second.kind == "count" or shared) and small and _REMAINDER_END.match(s, nxt.end):
            add, end = nxt.value / 100, nxt.end  # "15 dollars 50.", "17 USD 25.": the cents
        elif (shared or second.kind == "count" and not gm.group("conn")) and small and men.core_end < men.end:
            return _UNREAD  # "15 dólares 50 puedes": the cents, or a count? not read whole
        else:
            return None
        precision = 0.005
    elif men.kind == "duration":
        # "three minutes and 50 seconds", "2 hours 15 minutes": a smaller unit's remainder
        if not _remainder_of(men.extra.get("factor"), second) or second.start != nxt.start or men.extra.get("has_scale"):
            return None
        add, end = float(second.value), second.end
        # a whole unit of its remainder either way: "2 hours 11 minutes" is how a report writes
        # a finishing time of 2:11:37 (cut to the minute, not rounded)
        precision = 2 * second.precision
    else:
        from ..quantities import unit as quantity_unit

        big, small = quantity_unit(men.unit), quantity_unit(second.unit)
        if second.kind != "quantity" or big is None or small is None or big.dimension != small.dimension \
                or small.factor >= big.factor or not isinstance(men.value, float) or second.start != nxt.start \
                or small.to_base(float(second.value)) >= big.factor:  # type: ignore[arg-type]
            return None  # (a remainder is less than one of the larger unit: "82 km y 5.200 m" are two lengths)
        add, end = small.to_base(float(second.value)) / big.factor, second.end  # type: ignore[arg-type]
        precision = second.precision * small.factor / big.factor
    value = men.value + add
    qualifier = second.qualifier if hedged_after else men.qualifier
    low, high = qualifier_bounds(lx, qualifier, value) if hedged or hedged_after else (value, value)
    whole = Mention(men.kind, men.start, end, men.core_start, nxt.end, value, unit=men.unit, qualifier=qualifier,
                    low=low, high=high, precision=precision, extra=dict(men.extra))
    return whole


_AMBIGUOUS_GROUPING = re.compile(r"\d{1,3}[.,]\d{3}")
_NOUN_AFTER = re.compile(r"\s+[^\W\d_]{4,}")


def _counts_noun_after(s: str, end: int) -> bool:
    """A word follows the figure: what it counts ("3,512 muertos")."""
    return _NOUN_AFTER.match(s, end) is not None


_NAME_BEFORE = re.compile(r"(?P<w>[^\W\d_][\w&+.'’-]*|[\w]*&[\w&]*)\s")
_CAPITAL_INSIDE = re.compile(r".[A-Z&]|&")


def _in_name(s: str, lx: Lexicon, c: Core, start: int) -> bool:
    """Whether a plain number belongs to a name: a capitalized word (not a hedge, month or weekday)
    right before it ("Game 2", "iPhone 11", "S&P 500"), or a number word written with a capital
    inside a sentence ("the Million Man March")."""
    if c.words_only:
        before = s[:start].rstrip()
        # a dash or bracket opens text as a full stop does: a wire's dateline ("LONDON (Wire) -
        # Five people died"), an aside ("(Twenty of them were children.)")
        opening = before[-1:] in ("–", "—", "(") or before.endswith(" -")
        return c.digits_text[:1].isupper() and start > 0 and before[-1:] not in ("", ".", "!", "?", "\"", "“", "„", "«", ":") \
            and not opening
    if c.has_scale or c.separators or c.value != int(c.value) or s[start - 1 : start] != " ":
        return False
    before = s[max(0, start - 30) : start - 1].rsplit(None, 1)
    nm = _NAME_BEFORE.fullmatch(before[-1] + " ") if before else None
    if nm is None:
        return False
    word = nm.group("w")
    first = s[: start - len(word) - 1].strip() == ""
    if not (word[:1].isupper() or _CAPITAL_INSIDE.search(word)) or (first and not _CAPITAL_INSIDE.search(word)):
        return False
    low = word.lower().rstrip(".")
    if low in lx.months or low in lx.weekdays or lx.hedges_before.get(low) or low in lx.words:
        return False
    if _place_before(s, lx, word, start, c.end):
        return False
    return _hedge_before(s, lx, start) is None


_COUNTED_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")


def _place_before(s: str, lx: Lexicon, word: str, start: int, end: int) -> bool:
    """Whether the capitalized word before a number names where it happened, not what it is part
    of: a country ("In Poland 56 people died", "w Polsce 56 ofiar"), or a name after a preposition
    of place (grammar.tsv) with a counted word after the number ("in Madrid 87 flights"; "in
    Section 3 of" stays a name)."""
    from .counted import countries, grammar
    from .lemmas import fold, lemma

    known = countries(lx.lang)
    if fold(word) in known or fold(lemma(word, lx.lang)) in known:
        return True
    g = grammar(lx.lang)
    prev = s[: start - len(word) - 1].rsplit(None, 1)
    if not prev or prev[-1].lower() not in g.place:
        return False
    nxt = _COUNTED_WORD_AFTER.match(s, end)
    return bool(nxt and nxt.group(1).islower() and nxt.group(1) not in g.function)


#: a duration unit of at least this many seconds is a number of years (rules/<lang>/units.tsv)
_YEAR = 31_000_000
_APPOSITION_AGE = re.compile(r".*\b[A-Z][\w'’.-]*,\s*$", re.S)
_AFTER_APPOSITION = re.compile(r"\s*,")
_APPOSITION_YEARS = re.compile(r"(?:^|,|\()\s*\w{1,3}\s+$")


def _age_context(s: str, lx: Lexicon, start: int, end: int) -> bool:
    """Whether a number of years is someone's age: "de 71 años" in apposition (", de 71 años,")
    or next to a word the rules give as a cue of age (cues.tsv: "hombre", "mężczyzna"); never
    right after or before a word that makes it how long something lasted (cues.tsv not_age_before,
    not_age_after: "for 27 years", "durante 30 años", "22 años de experiencia")."""
    before = start
    if lx.hedge_before_re is not None:  # "durante casi 30 años": the word before the hedge
        h = lx.hedge_before_re.search(s, max(0, start - 30), start)
        before = h.start() if h else start
    if (lx.not_age_before_re is not None and lx.not_age_before_re.search(s, max(0, before - 30), before)) or \
            (lx.not_age_after_re is not None and lx.not_age_after_re.match(s, end)):
        return False
    if _APPOSITION_YEARS.search(s[max(0, start - 8) : start]) and _AFTER_APPOSITION.match(s, end) or s[end : end + 1] == ")":
        return True
    cue = lx.cue_re.get("age")
    return cue is not None and cue.search(s, max(0, start - 25), min(len(s), end + 25)) is not None


#: how far before a number its unit may start ("percents of 20")
_UNIT_BEFORE_WINDOW = 14


def _number_before(s: str, lx: Lexicon, pos: int) -> bool:
    """Whether a number (digits or a number word) ends right before ``pos``."""
    before = s[max(0, pos - 20) : pos]
    return bool(_DIGIT_AT_END.search(before) or (lx.word_re and _words_at_end(lx.lang).search(before)))


def _gap_without_units(gap: str, lx: Lexicon) -> tuple[str, tuple[str, str | None, float] | None]:
    """The gap between two numbers without the unit the first repeats ("5% to 10%": "% to ",
    "$10 to $15": " to $"), and that unit's entry (kind, unit, factor)."""
    entry = None
    um = lx.unit_after_re.match(gap) if lx.unit_after_re else None
    if um and um.start("unit") < 3:
        found = lx.units_after.get(_SPACE_RUN.sub(" ", um.group("unit").lower()))
        if found:
            entry, gap = found, gap[um.end() :]
    bm = lx.unit_before_re.search(gap) if lx.unit_before_re else None
    if bm:
        found = lx.units_before.get(bm.group("unit").lower())
        if found and (entry is None or entry == found):
            entry, gap = found, gap[: bm.start()]
    return gap, entry  # type: ignore[return-value]


def _takes(number: str | None, c: Core) -> bool:
    """Whether a unit whose grammar limits its numbers (``units.tsv`` column ``number``) may follow
    the number ``c``: ``fraction``, a number with a fractional part not written as a ratio ("pół",
    "półtora", "2,5"); ``one``, the number one."""
    if number == "fraction":
        return c.value != int(c.value) and not c.needs_unit
    if number == "one":
        return c.value == 1
    return True


_NOUN_WORD_AFTER = re.compile(r"\s+([^\W\d_]{3,})(?!\w)")
_WORD_BEFORE_YEAR = re.compile(r"([^\W\d_]+)\W*$")
#: concepts of the time words a year may stand before ("2019 season", "2024 miesiące")
_TIME_CONCEPTS = frozenset({"year", "month", "week", "day", "season", "monthly"})


def _counts_before_noun(s: str, lx: Lexicon, start: int, end: int) -> bool:
    """Whether a figure that looks like a year (four digits, 1800 to 2100, no separator) is a
    count, in a language whose news leaves four-digit numbers unseparated ("2000 osób", "2000
    personas"; ``rules/<lang>/grammar.tsv`` gives it words of class ``year_before``): a noun of
    the concept table follows it in lower case, no verb ("igrzyska 2024 odrzuciło"), and before
    it stands a hedge ("Más de 2000 personas") or a word that neither leads to a year ("w 2019",
    "en mayo de 2019": class ``year_before``, a month) nor names something the year belongs to
    ("Euro 2012 kibice": a capitalized word right before it, unless a verb: "Ewakuowano 2000
    osób")."""
    from .counted import grammar
    from .lemmas import concepts, lemma

    g = grammar(lx.lang)
    if not g.year_before:
        return False  # a language whose news separates thousands ("2,000 people"): four bare digits are a year
    nxt = _NOUN_WORD_AFTER.match(s, end)
    if nxt is None or not nxt.group(1).islower():
        return False
    word = nxt.group(1)
    cx = concepts(lx.lang)
    found = cx.single.get(word) or cx.single.get(lemma(word, lx.lang))
    if not found or any(k in _TIME_CONCEPTS for k in found) or _verb(word, lx.lang, g):
        return False  # no noun the table knows, a time word, or a verb
    h = _hedge_before(s, lx, start)
    if h is not None:
        return _SPACE_RUN.sub(" ", s[h[1] : start].strip().lower()) not in g.year_before  # "más de 2000", not "do 2000"
    before = _WORD_BEFORE_YEAR.search(s[max(0, start - 30) : start])
    if before is None:
        return True
    prev = before.group(1)
    if prev[:1].isupper() and not s[max(0, start - 30) + before.end(1) : start].strip() and not _verb(prev.lower(), lx.lang, g):
        return False  # "Euro 2012 kibice", "Matura 2024 uczniowie": a name's year
    return prev.lower() not in g.year_before and prev.lower() not in lx.months


def _verb(word: str, lang: str, g: Any) -> bool:
    """Whether a word is a verb form (``counted.verb_form``)."""
    from .counted import verb_form
    from .lemmas import lemma

    return verb_form(word, lemma(word, lang), g)


def _sign_either_side(unit: str, lx: Lexicon) -> bool:
    """A currency sign written before or after its figure ("zł6 million", "6 zł"), but a code of
    three letters ("15 USD 50" is read as neither: 15.50 or 15 and 50?)."""
    return unit.lower() in lx.units_after and not (len(unit) == 3 and unit.isascii() and unit.isalpha())


def _cued_by_itself(s: str, lx: Lexicon, c: Core, um: re.Match[str]) -> bool:
    """Whether a unit that needs a word of its kind in the sentence (``cues.tsv``: "38C" after
    "temperatures") is that unit without one, glued to a figure no name or code takes: one with
    decimals ("16.4C", "61.5F") or after a hedge or a sign ("about 24C", "minus 21C"); a seat, a
    flat or a form ("14C", "13F") is neither hedged nor decimal. A degree sign alone is no such
    symbol: it is an angle's or a latitude's too ("listing by about 20°", "36.4°N"); nor a letter
    before a slash ("14.7C/ per security": cents)."""
    if um.start("unit") != c.end or c.words_only or not um.group("unit").isalpha() or s[um.end("unit") : um.end("unit") + 1] == "/":
        return False
    if any(ch in c.digits_text for ch in ".,") and c.precision < 0.5:
        return True
    return _hedge_before(s, lx, c.start, across=False) is not None or _sign_word_before(s, lx, c.start) is not None


def _sign_word_before(s: str, lx: Lexicon, pos: int) -> re.Match[str] | None:
    """A sign in words right before ``pos`` ("minus five percent", "menos 5 grados"), or None."""
    return lx.sign_re.search(s[max(0, pos - 12) : pos]) if lx.sign_re is not None else None


def _year_like(c: Core) -> bool:
    """Whether a number is written as a year is: four digits from 1800 to 2100, no separator, no scale."""
    return (not c.words_only and not c.has_scale and not c.separators and c.value == int(c.value)
            and 1800 <= c.value <= 2100 and len(c.digits_text) == 4)


def _number_mention(s: str, lx: Lexicon, c: Core, rng: Core | None, change: str | None = None) -> Mention | None:
    last = rng or c
    end = last.end
    start = c.start
    kind, unit, factor = "count", None, 1.0
    # unit after the (last) number
    um = lx.unit_after_re.match(s, end)
    rate = um is not None and _article_gap(s[um.start() : um.start("unit")], lx)  # "£10 | a | gram"
    if um:
        phrase = _SPACE_RUN.sub(" ", um.group("unit").lower())
        entry = lx.units_after.get(phrase) or find_entry(lx.units_after, um.group("unit"))
        if entry and not _takes(lx.unit_numbers.get(phrase), c):
            entry = None  # "3 roku" (third year), "w 2019 roku": "roku" counts years only after a fraction
        if entry and entry[0] == "duration" and c.value >= 1 and rate:
            entry = None  # "554,000 a year earlier", "five a day": a figure per unit of time, not a span
        if entry and not um.group("unit")[-1].isalnum() and s[um.end() : um.end() + 1].isdigit():
            entry = None  # "80,000 €100 notes": a sign glued to the next figure is that figure's
        if entry and not (phrase in lx.needs_cue.get(entry[0], ()) and not lx.cue_re[entry[0]].search(s)  # type: ignore[index]
                          and not _cued_by_itself(s, lx, c, um)):
            kind, unit, factor = entry  # type: ignore[misc]
            end = um.end()
            fm = lx.unit_fraction_re.match(s, end) if lx.unit_fraction_re and kind in ("duration", "quantity") else None
            if fm and rng is None and not c.has_scale and c.value == int(c.value):
                part = lx.words[fm.group("frac").lower()][0]  # "dos horas y media": two and a half hours
                c = Core(c.start, c.end, c.value + part, 0.05, c.words_only, False, c.digits_text, c.separators)
                last = c
                end = fm.end()
    # unit before the (first) number: "$44 billion", "US$2m", "per cent of 210"
    window = min(start, _UNIT_BEFORE_WINDOW)
    bm = lx.unit_before_re.search(s[start - window : start])
    if bm and bm.group("unit")[-1:].isalpha() and (" " in bm.group("unit") or _sign_either_side(bm.group("unit"), lx)) \
            and _number_before(s, lx, start - window + bm.start()):
        bm = None  # "5 percent of 10 people", "250,000 zł 48 hours after": the unit is the figure's before it
    if bm:
        entry = lx.units_before.get(_SPACE_RUN.sub(" ", bm.group("unit").lower())) or find_entry(lx.units_before, bm.group("unit"))
        if entry and kind != "count" and entry[0] != kind:
            if entry[0] == "age" and kind == "duration" and factor >= _YEAR:
                kind, unit, factor = entry  # type: ignore[misc]  # "w wieku 71 lat", "aged 71 years"
                start = start - (window - bm.start())
            elif entry[0] == "money" and (kind == "duration" or rate):
                kind, unit, factor = entry  # type: ignore[misc]  # "$3,500 a month", "£10 a gram": the amount, a rate
                end = last.end
                start = start - (window - bm.start())
            elif entry[0] == "money":
                return None  # "£100 m": a currency and a unit of another kind, not read whole
        elif entry and kind == "money" and entry[0] == "money" and entry[1] != unit:
            return None  # "rmb 10 usd 20": two currencies around one number
        elif entry and kind == entry[0] and entry[2] != factor:
            start = start - (window - bm.start())  # "$ 30 cents": the sign and the subunit say one currency
        elif entry:
            kind, unit, factor = entry  # type: ignore[misc]
            start = start - (window - bm.start())
    if kind == "duration" and factor >= _YEAR and rng is None and _age_context(s, lx, start, end):
        kind, unit, factor = "age", "year", 1.0  # "un hombre de 71 años", "71-letni mężczyzna", ", de 71 años,"
    elif kind == "count" and rng is None and not c.words_only and _APPOSITION_AGE.match(s[max(0, start - 40) : start]) \
            and _AFTER_APPOSITION.match(s, end) and c.value == int(c.value) and 0 < c.value < 120 and not c.separators:
        kind, unit, factor = "age", "year", 1.0  # "John Smith, 71, said": an age in apposition
    before_char = s[start - 1] if start > 0 else " "
    after = s[end:]
    # numbers glued to words are names, not amounts: "COVID-19", "F-35", "6th", "2020s", "two-factor"
    if before_char.isalpha() or (before_char in "-([" and start > 1 and s[start - 2].isalpha()):
        return None  # "F-35", "alert(1)", "x[2]": part of a name or code, not an amount
    if after[:1].isalpha() and kind == "count":
        return None
    if c.words_only and _GLUED_WORD.match(after) and kind == "count":
        return None
    if c.share and kind == "count":
        kind, unit = "percent", "%"  # "seven in ten corals": 70% of the corals
    if c.needs_unit and kind == "count":
        return None  # "3/4", "1 sobre 3": a fraction or ratio of nothing said
    if kind == "count" and _LONE_LETTER.match(s, end):
        return None  # "2.33 k", "1,674.5 G": a letter the rules do not read
    if kind == "count" and c.scale_text in _AMBIGUOUS_SCALES and (glued := _glued_m(s, lx, end, c.value / 1e6)) != "million":
        if glued != "metres":
            return None  # "5m" with no currency: million, or metres? not read
        # "14m high": metres, the figure without its scale
        kind, unit, factor = "quantity", "m", 1.0
        c = dataclasses.replace(c, value=c.value / 1e6, precision=c.precision / 1e6, has_scale=False, scale_text="")
        last, value = c, c.value
    # a sign of its own: "-0,5%", "−5 °C", "-9.23"; but a whole number followed by a word is a
    # count of things, never below zero: before one a dash is punctuation ("48 turistas -12
    # británicos, 17 polacos"; "48 holidaymakers - 21 from the UK")
    # (a number in words takes no sign: "del total -un millón y medio de personas-" is a dash)
    signed = rng is None and start == c.start and s[start - 1 : start] in ("-", "\u2212") and (start == 1 or s[start - 2] in " \t([") \
        and s[start : start + 1].isdigit()
    dashed = rng is None and start == c.start and s[max(0, start - 3) : start] in (" - ", " \u2212 ") or s[:start] in ("- ", "\u2212 ")
    things = (signed or dashed) and _counts_things(s, lx, c, kind, start, end)
    cm = _CLOSING_DASH.match(s, c.end) if signed else None
    if cm and not (cm.group("next") and lx.words.get(cm.group("next").lower(), (0, ""))[1] == "connector"):
        signed = False  # "del viernes -42 euros la de adulto y 32 la infantil-": a dash that opens an aside
    negative = signed and not things
    if dashed and not things:
        return None  # "convert - 20 degrees": a dash or a minus? not read
    if negative:
        start -= 1
    elif rng is None and lx.sign_re is not None:
        sw = _sign_word_before(s, lx, start)
        if sw and _hedge_before(s, lx, start) is not None:
            sw = None  # "al menos 12": a hedge, not a sign
        if sw:
            negative = True
            start -= min(start, 12) - sw.start()
    value = c.value
    hedge_q = None
    # years, ordinals and other numbers that are not amounts
    year_shaped = rng is None and not c.words_only and not c.has_scale and not c.separators \
        and _FOUR_DIGITS.fullmatch(c.digits_text) is not None and 1800 <= value <= 2100
    if kind == "count" and year_shaped and not _counts_before_noun(s, lx, start, end):
        return None
    if kind == "count" and rng is None and not c.words_only and _YEAR_WORD_AFTER.match(after) and 1800 <= value <= 2100:
        return None
    if kind == "duration" and year_shaped and not lx.decimal_comma and not s[:end].endswith("s"):
        # "the 2022 fortnight", "the 2019 week": a year before a unit in the singular, where
        # thousands take a comma ("2000 hours of work" stays a duration)
        return None
    if kind == "count" and _PER.match(after):
        return None
    if lx.ordinal_dot and rng is None and not c.words_only and s[c.end - 1 : c.end].isdigit() and c.end == end \
            and (om := _ORDINAL_DOT.match(s, end)) and s[om.end()].islower():
        return None  # "w 85. minucie": an ordinal
    if kind == "count" and rng is None and not c.has_scale and _AMBIGUOUS_GROUPING.fullmatch(c.digits_text) \
            and c.digits_text[-4] == ("," if lx.decimal_comma else ".") and _counts_noun_after(s, end):
        # "3,512 muertos" in a text with a decimal comma: people are not counted in thousandths
        value_int = float(c.digits_text.replace(",", "").replace(".", ""))
        c = Core(c.start, c.end, value_int, 0.5, False, False, c.digits_text, True)
        last, value = c, value_int
    if kind == "count" and rng is None and _in_name(s, lx, c, start):
        return None  # "S&P 500", "iPhone 11", "Game 2", "the Million Man March": part of a name
    if kind == "count" and rng is None and not c.words_only and lx.labels \
            and (lw := _LABEL_BEFORE.search(s[max(0, start - 24) : start])) and lw.group(1).lower() in lx.labels:
        return None  # "pod numer 112", "linii nr 13", "art. 148": a label, not an amount
    q = "about" if c.approx else "exact"  # "una veintena": about twenty
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
    if ha and (q == "exact" or (c.approx and hedge_q is None)):  # "a dozen or so": the words after say it too
        phrase = _SPACE_RUN.sub(" ", ha.group().strip().lower())
        qa = lx.hedges_after.get(phrase)
        if qa:
            q = qa
            end = ha.end()
    if kind == "temperature" and rng is None and not negative and lx.below_zero_re is not None:
        bz = lx.below_zero_re.match(s, end)
        if bz:  # "14 grados bajo cero", "14 stopni mrozu": below zero
            negative = True
            end = bz.end()
    value = value * factor * (-1 if negative else 1)
    extra_factor = factor
    precision = c.precision * factor
    if kind == "duration" and not c.has_scale and c.value > 1 and c.value != int(c.value) and _fraction_word(lx, s[c.start : end]):
        # a whole and a fraction in words rounds to the fraction's step: "one and a half hours",
        # "2 and a half hours", "dos horas y media", "półtorej godziny" are said of 75 to 105
        # minutes or 135 to 165 ("half an hour" alone keeps its rounding, and so does "two point
        # five hours")
        precision = max(precision, fraction_precision(c.value - int(c.value)) * factor)
    if rng is not None:
        hi_val = rng.value
        lo_val = c.value
        if rng.has_scale and not c.has_scale and lo_val < hi_val / (10 ** 3):
            mantissa = parse_digits(rng.digits_text, lx) if not rng.words_only else None
            if mantissa and mantissa[0]:
                lo_val *= hi_val / mantissa[0]
        lo_val *= factor
        hi_val *= factor
        lead = _range_lead(s, lx, start)
        if change == "either" and hi_val == lo_val:
            change = None  # "pasará de 30 a 30": no change, and no range either
        if change is not None and lead:
            # "rose from 10 to 15 million": two figures, the one it went from and the one it went to
            if change == "either":  # "pasará de 30 a 36": which way, the figures say
                change = "up" if hi_val > lo_val else "down"
            lo_prec = c.precision * factor * (lo_val / (c.value * factor) if c.value else 1.0)
            first = Mention(kind, lead[0], c.end, c.start, c.end, lo_val,
                            unit=unit if kind != "count" else None, low=lo_val, high=lo_val, precision=lo_prec,
                            extra={"change": change, "has_scale": c.has_scale or rng.has_scale, "hedged": False, "from_level": True})
            first.extra["then"] = Mention(kind, rng.start, end, rng.start, last.end, hi_val, unit=unit if kind != "count" else None,
                                          low=hi_val, high=hi_val, precision=rng.precision * factor,
                                          extra={"change": change, "has_scale": rng.has_scale, "hedged": False})
            return first
        if lo_val >= hi_val:
            return None
        low, high = lo_val, hi_val
        # the figure a range states first, as written (not its midpoint, a figure no article
        # wrote: it would equal another article's figure by chance); low and high bound it
        value = lo_val
        q = "range"
        lead = _range_lead(s, lx, start)
        if lead:
            start = lead[0]
        # the first end's precision at the scale it takes from the second ("10 to 15 million")
        precision = c.precision * factor * (lo_val / (c.value * factor) if c.value else 1.0)
        # the second end is a figure the article states too ("entre 350 y 1.200 euros": 350, and
        # 1,200): where it is, its value and precision, for the reader to make it a claim of its
        # own once the range as a whole is read (``extract.sentence_parts``)
        range_end = (rng.start, end, hi_val, rng.precision * factor, c.end)
    else:
        low, high = qualifier_bounds(lx, q, value)
        if low is not None and high is not None and low > high:
            low, high = high, low
    men = Mention(kind, start, end, c.start, last.end, value, unit=unit if kind != "count" else None, qualifier=q,
                  low=low, high=high, precision=precision, words_only=c.words_only and rng is None)
    men.extra["has_scale"] = c.has_scale or (rng is not None and rng.has_scale)  # "entre 12 y 18 millones"
    if rng is not None:
        men.extra["range_end"] = range_end
    men.extra["hedged"] = hedge_q is not None
    men.extra["factor"] = extra_factor
    if c.approx:
        men.extra["approx"] = True  # "una veintena de heridos": a noun of number, counting what follows
    change = change_before(s, lx, start)
    if change is not None and _TO_NEXT.match(s, end) and _FROM_BEFORE.search(s, max(0, start - 8), start):
        # "la bajada del 21% al 10%": the level it fell from, not the fall's size ("rose 3.9% to
        # 171.3m" keeps its rise)
        change = None
    # (not a hedge after it: "about 40% more or less", which a hedge before it kept from being read as one)
    if change is None and not (lx.hedge_after_re is not None and lx.hedge_after_re.match(s, end)):
        after = [(lx.change_after_re, lx.changes_after)] + ([(lx.change_after_share_re, lx.changes_after_share)] if kind == "percent" else [])
        for pattern, words in after:
            ca = pattern.match(s, end) if pattern is not None else None
            if ca and not _WORD_AFTER.match(s, ca.end()):
                change = find_entry(words, ca.group("change"))  # type: ignore[assignment]
                break
    if change:
        men.extra["change"] = change
    return men


_WORD_AFTER = re.compile(r"\w")


def change_in_clause(s: str, lx: Lexicon, pos: int) -> str | None:
    """"either" when a verb that moves a figure without saying which way (``changes.tsv``
    direction either: "raising", "pasará", "zdrożeje") stands earlier in the clause of the "from"
    that opens "from X to Y" at ``pos`` ("raising the price of the basic ticket from 40 to 48",
    "encarecerá el billete de 90 minutos de 40 a 48 coronas"), with at most
    ``lexicon.CLAUSE_WORDS`` words between and no comma, stop, bracket or dash, nor a word that
    keeps a range or opens a clause of its own (direction range: "ranging", "which", "y"); the
    figures then say which way. None otherwise: the two figures are a range ("from 40 to 50
    people"). Words that name a direction ("rose", "up") count only right before "from"
    (``change_before``): further off, "set up" or "the cuts" are no change of these figures."""
    if lx.change_clause_re is None:
        return None
    cm = lx.change_clause_re.search(s, max(0, pos - 120), pos)
    if cm is None or not lx.range_words.isdisjoint(_WORD_RUN.findall(s[cm.end("change") : pos].lower())):
        return None  # none, or a word between says the two are a range ("grew in stores ranging from 40 to 50 m²")
    return find_entry(lx.changes_either, cm.group("change"))  # type: ignore[return-value]


def change_before(s: str, lx: Lexicon, pos: int) -> str | None:
    """The direction of a change stated right before ``pos`` ("rose by", "spadła do", "subió un"), or None."""
    if lx.change_before_re is None:
        return None
    window = s[max(0, pos - 40) : pos]
    tail = window.rsplit(None, 1)
    runs = _WORD_RUN.findall(tail[-1].lower()) if tail else []
    if not runs or runs[-1] not in lx.change_ends:
        return None  # the window does not end with a word a change phrase ends with
    cm = lx.change_before_re.search(window)
    if cm is None:
        return None
    found = cm.group("change")
    # (a phrase of the table may end in "*": "zwiększył*" says "zwiększyła" and "zwiększyło" too)
    return find_entry(lx.changes_before, found)  # type: ignore[return-value]
