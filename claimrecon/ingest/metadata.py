"""Metadata a plain-text article states about itself: title, dateline, outlet.

Nothing is guessed: a field is filled only from a line that says it, and stays None otherwise.
Month names come from ``rules/<lang>/time.tsv`` (type ``month``), so a date is read in the
article's own language ("Sunday, June 4, 2023", "8 de marzo de 2026", "27 września 2026").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Any

from ..ruleset import load_language

#: the dateline and title are looked for among the first lines only
HEAD_LINES = 8
#: a dateline line is short: the date plus at most a place, a weekday, "Published", a time
MAX_DATELINE = 100
MAX_EXTRA_WORDS = 6
#: a title longer than this is a lead paragraph: its first sentence is the title
MAX_TITLE = 200

#: words that introduce where an article comes from, per language (a line of its own)
_SOURCE_CUES = {
    "en": r"source|originally published (?:by|in|on|at)|first published (?:by|in|on|at)|"
    r"this (?:article|story) (?:first |originally )?appeared (?:in|on)|reprinted from",
    "es": r"fuente|publicado (?:originalmente )?(?:en|por)|este art[ií]culo (?:se public[óo]|apareci[óo]) (?:en|originalmente en)",
    "pl": r"[źz]r[óo]d[łl]o|artykuł (?:ukazał się|pierwotnie opublikowano) (?:w|na)|opublikowano (?:pierwotnie )?(?:w|na)",
}
_NOT_OUTLETS = {"link", "source link", "internet", "własne", "propia", "own"}
_WIRE = re.compile(
    r"^[A-ZÁÉÍÓÚÑĄĆĘŁŃÓŚŹŻ][A-ZÁÉÍÓÚÑĄĆĘŁŃÓŚŹŻ .'/-]{1,40}(?:,[^()\n]{0,40})?\s*"
    r"\((?P<outlet>[A-Z][\w .&/-]{1,30})\)\s*(?:[-–—:]|\.-)"
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}(?:[-–]\d{4})?\s*,?\s*)?(?P<outlet>[^.|,]{2,60}?)\s*(?:\.|,|\||all rights|$)", re.I)
_CAP = "A-ZÁÉÍÓÚÑÜĄĆĘŁŃÓŚŹŻ"
_NAME = rf"[{_CAP}][\w'’.-]*"
#: "By Anna Nowak", "Por Redacción", "Autor: Jan Kowalski", "By Anna Nowak and Jan Kowalski, Reuters"
_BYLINE = re.compile(
    rf"^(?:[Bb]y|BY|[Pp]or|POR|[Aa]utor(?:ka|zy)?|[Tt]ext[o]?)\s*:?\s+"
    rf"(?P<author>{_NAME}(?:\s+(?:{_NAME}|de|del|la|van|von|y|and|i|&))*?)(?:\s*[,|–—-]\s*{_NAME}(?:\s+{_NAME})*)?\s*$"
)
_SENTENCE = re.compile(r"^(.{20,}?[.!?…])(?=\s+[\"“„«(]?[^\W\d_])")
_LETTERS = re.compile(r"[^\W\d_]{3}")


@functools.lru_cache(maxsize=None)
def _months(lang: str) -> dict[str, int]:
    return {r["phrase"].lower(): int(r["value"]) for r in load_language(lang).table("time.tsv") if r["type"] == "month"}


@functools.lru_cache(maxsize=None)
def _date_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    months = _months(lang)
    alt = "|".join(re.escape(m).replace(r"\.", r"\.?") for m in sorted(months, key=len, reverse=True))
    month = rf"(?P<month>{alt})(?!\w)\.?"
    pats = [
        rf"(?<!\w){month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})(?!\d)",
        rf"(?<!\d)(?P<day>\d{{1,2}})(?:\.|º|st|nd|rd|th)?\s+(?:de\s+|of\s+)?{month},?\s+(?:de\s+|del\s+)?(?P<year>\d{{4}})(?!\d)",
        r"(?<!\d)(?P<year>\d{4})-(?P<nmonth>\d{2})-(?P<day>\d{2})(?!\d)",
    ]
    if lang != "en":  # day.month.year is the numeric order in Spanish and Polish, not in US English
        pats.append(r"(?<![\d.])(?P<day>\d{1,2})[./](?P<nmonth>\d{1,2})[./](?P<year>\d{4})(?!\d)")
    return tuple(re.compile(p, re.IGNORECASE) for p in pats)


def _month_number(word: str, lang: str) -> int | None:
    months = _months(lang)
    w = word.lower()
    return months.get(w) or months.get(w.rstrip(".")) or months.get(w + ".")


def _to_iso(m: re.Match[str], lang: str) -> str | None:
    groups = m.groupdict()
    month = int(groups["nmonth"]) if groups.get("nmonth") else _month_number(groups.get("month") or "", lang)
    if month is None:
        return None
    try:
        return dt.date(int(m.group("year")), month, int(m.group("day"))).isoformat()
    except ValueError:
        return None


def parse_date(value: str, lang: str | None) -> str | None:
    """An ISO date from a date string ("2023-06-04T18:00Z", "4 June 2023"); None if not a date."""
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])", value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    for code in [lang] if lang else ["en", "es", "pl"]:
        for pat in _date_patterns(code):
            m = pat.search(value)
            if m:
                iso = _to_iso(m, code)
                if iso:
                    return iso
    return None


#: words a dateline carries besides the date: "Updated", "Actualizado", "Aktualizacja", "Published" ...
_FURNITURE = {
    "en": r"updated|last updated|published|posted|first published|modified",
    "es": r"actualizado|actualización|publicado|modificado|a las|hora",
    "pl": r"aktualizacja|zaktualizowano|aktualizowano|opublikowano|data publikacji|godz|godzina",
}
_CLOCK = re.compile(r"(?<![\d.:])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?!\d|[.:]\d)(?:\s*(?P<ampm>[ap]\.?\s?m\.?)(?!\w))?(?:\s*h\b)?", re.I)
_ZONE_ABBR = re.compile(r"\b[A-Z]{2,5}\b")
_WORDS = re.compile(r"[^\W\d_]{2,}")


@functools.lru_cache(maxsize=None)
def _furniture(lang: str) -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in sorted(_weekdays(lang), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{_FURNITURE.get(lang, _FURNITURE['en'])}|{alt})(?!\w)", re.I)


#: what separates the parts of a byline ("Por Redacción La Voz del Paraná | Villa Aurora, 11 de
#: marzo de 2025"): each part may be the dateline
_BYLINE_PARTS = re.compile(r"\s+[|·•]\s+")
#: a dateline that opens the first paragraph, ended by a dash ("CANCÚN, 7 de febrero de 2025.—",
#: "WARSAW, May 3, 2025 -")
_LEAD_DATELINE = re.compile(r"(.{3,90}?)\s*\.?\s*[—–-]{1,2}\s")


def _line_parts(line: str) -> list[tuple[int, int]]:
    """The spans of a line that may be a dateline: the whole line, then each part between bars."""
    bounds = [0, *(x for sep in _BYLINE_PARTS.finditer(line) for x in sep.span()), len(line)]
    return [(0, len(line))] + (list(zip(bounds[::2], bounds[1::2])) if len(bounds) > 2 else [])


#: more words than this after a dateline's dash are the report's first sentence, not the dateline's
LEAD_WORDS = 3


def _dateline_at(line: str, lang: str) -> tuple[re.Match[str], int, int] | None:
    """The date of a line that is a dateline (a match of the line itself) and the part of the
    line that is the dateline: a date and, around it, at most a place, an outlet, a weekday, an
    "updated" word, a time and a zone; the whole line, or a part of a byline between bars, or the
    head of a lead paragraph ended by a dash, which ends the part when it opens the report."""
    spans = _line_parts(line)
    lead = _LEAD_DATELINE.match(line)
    if lead:
        # a dateline ended by a dash that opens the paragraph: what follows the dash is the
        # report ("MALAGA, July 12, 2026 - The plane landed at 10:47"), unless it is a few words
        # of the dateline itself ("MADRID, 27 ABR. - Actualizado: 09:15")
        report = len(_WORDS.findall(_CLOCK.sub(" ", line[lead.end():]))) > LEAD_WORDS
        spans.insert(0, (0, lead.end(1))) if report else spans.append((0, lead.end(1)))
    return next(((m, start, end) for start, end in spans if (m := _dateline_part(line, lang, start, end)) is not None), None)


def report_time_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Where the clock times of the article's dateline stand in ``text`` ("Dziennik Zatoki,
    Gdańsk, poniedziałek, 13 lipca 2026, godz. 19.20"; "Baltic Wire | Gdansk | Monday 13 July 2026,
    17:05 CEST"): when it was published or updated, which no report states as a figure. The first
    dateline only, as ``find_report_time`` reads it: a later line with a date is text."""
    for offset, line in _head_lines(text):
        found = _dateline_at(line, lang)
        if found is not None:
            _, start, end = found
            return [(offset + c.start(), offset + c.end()) for c in _CLOCK.finditer(line, start, end)]
    return []


def _dateline_part(line: str, lang: str, start: int, end: int) -> re.Match[str] | None:
    """The date of ``line[start:end]`` when that part is a dateline, as a match of the line."""
    if end - start > MAX_DATELINE:
        return None
    for pat in _date_patterns(lang):
        m = pat.search(line, start, end)
        if not m:
            continue
        rest = line[start : m.start()] + " " + line[m.end() : end]
        rest = _furniture(lang).sub(" ", _CLOCK.sub(" ", rest))
        rest = _ZONE_ABBR.sub(" ", rest)
        if len(_WORDS.findall(rest)) <= MAX_EXTRA_WORDS and _to_iso(m, lang):
            return m
    return None


def parse_time(value: str) -> str | None:
    """The "HH:MM" of an ISO date-time string ("2023-06-04T18:00:00Z" -> "18:00"), else None."""
    m = re.match(r"\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})", value.strip())
    return f"{m.group(1)}:{m.group(2)}" if m else None


def dateline(line: str, lang: str) -> str | None:
    """The ISO date of a line that is a dateline: a date and at most a few words around it."""
    found = _dateline_at(line, lang)
    return _to_iso(found[0], lang) if found else None


def find_report_time(text: str, lang: str) -> str | None:
    """The clock time ("HH:MM", local as printed) a dateline gives for the article, the last one
    when it gives two (published, then updated); None when it gives none."""
    for line in _head(text):
        found = _dateline_at(line, lang)
        if found is None:
            continue
        # the dateline's own part of the line, not the report a dash opens after it
        m, start, end = found
        times = [c for c in _CLOCK.finditer(line, start, end) if not (m.start() <= c.start() < m.end())]
        if not times:
            return None
        c = times[-1]
        h = int(c.group("h"))
        ampm = (c.group("ampm") or "").lower()
        if ampm.startswith("p") and h < 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
        return f"{h:02d}:{c.group('m')}"
    return None


def find_dateline(text: str, lang: str) -> str | None:
    """The date printed on a line of its own near the top of the article, as an ISO date."""
    for line in _head(text):
        iso = dateline(line, lang)
        if iso:
            return iso
    return None


@functools.lru_cache(maxsize=None)
def _wire_day_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """A wire dateline that prints the day but not the year, at the start of a line: "MONTERREY,
    Mexico, Oct 14 (Global Wire) -", "MADRID, 27 ABR. - Actualizado: 09:15"."""
    months = _months(lang)
    alt = "|".join(re.escape(m).replace(r"\.", r"\.?") for m in sorted(months, key=len, reverse=True))
    # the place in capitals ("MONTERREY", "MADRID/LISBON") or as a name ("Varsovia", "San
    # Sebastián": ``find_dateline_day`` checks it names no weekday nor "Updated"), then at most a
    # region or country; only the month's name in any case ("Oct", "ABR.", "feb.")
    name = rf"[{_CAP}][^\W\d_]+"
    place = (rf"^(?P<place>[{_CAP}][{_CAP}0-9 .'/-]{{2,40}}|{name}(?:[ /-](?:de |del )?{name}){{0,2}})"
             rf"(?:,[^,()\n\d]{{1,30}})?,\s+")
    end = r"\.?(?!\w)(?!,?\s+(?:de\s+|del\s+)?\d)\s*(?:\(|[-–—]|$)"
    # or a byline's date: a weekday, then the day without a year, at the start of a line or after
    # a separator ("By Rosa Huamán | Lima Herald | Tuesday, February 18", "Wtorek, 18 lutego.
    # Marta Zielińska", "martes, 18 de febrero")
    days = "|".join(re.escape(w) for w in sorted(_weekdays(lang), key=len, reverse=True))
    byline = rf"^(?P<place>)(?:.*[|·•—–]\s*)?(?P<weekday>(?i:{days})),?\s+"
    stop = r"(?!\w)(?!,?\s+(?:de\s+|del\s+)?\d)\s*(?:[.,|·•—–(]|$)"
    return (
        re.compile(rf"{place}(?P<month>(?i:{alt}))\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?!,?\s+\d)\s*(?:\(|[-–—]|$)"),
        re.compile(rf"{place}(?P<day>\d{{1,2}})\.?\s+(?:(?i:de)\s+)?(?P<month>(?i:{alt})){end}"),
        re.compile(rf"{byline}(?P<month>(?i:{alt}))\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d){stop}"),
        re.compile(rf"{byline}(?P<day>\d{{1,2}})\.?\s+(?:(?i:de)\s+)?(?P<month>(?i:{alt})){stop}"),
    )


@functools.lru_cache(maxsize=None)
def _weekdays(lang: str) -> dict[str, int]:
    """A language's weekday names, in every form ``time.tsv`` lists -> the weekday's number (1 is
    Monday)."""
    return {r["phrase"].lower(): int(r["value"]) for r in load_language(lang).table("time.tsv") if r["type"] == "weekday"}


def find_dateline_day(text: str, lang: str) -> str | None:
    """The "MM-DD" of a wire dateline that gives no year ("WARSAW, Jan 22 (Wire) -"), when the
    article prints no full date: the run's other articles may say which year (``match``)."""
    return dateline_day_and_weekday(text, lang)[0]


def dateline_day_and_weekday(text: str, lang: str) -> tuple[str | None, int | None, bool]:
    """``find_dateline_day``, the weekday that day falls on (1 is Monday), and whether the byline
    names it ("Tuesday, February 18": 2, True) or it is read from the weekdays the article names
    (``_recent_weekday``: False): what weekday that day is when no article of a run prints a year."""
    for line in _head(text):
        for pat in _wire_day_patterns(lang):
            m = pat.match(line)
            if m and not (m.group("place") != m.group("place").upper() and _furniture(lang).search(m.group("place"))):
                month = _month_number(m.group("month"), lang)
                day = int(m.group("day"))
                try:
                    dt.date(2000, month or 0, day)  # a leap year: any day a calendar has
                except ValueError:
                    continue
                named = m.groupdict().get("weekday")
                if named:
                    return f"{month:02d}-{day:02d}", _weekdays(lang).get(named.lower()), True
                return f"{month:02d}-{day:02d}", _recent_weekday(text, lang), False
    return None, None, False


def _recent_weekday(text: str, lang: str) -> int | None:
    """The weekday an article's day most likely falls on, from the weekdays its text names: news
    tells of the last few days, so the day that puts them nearest before it ("rose to 12 on
    Saturday", "said late on Friday": Saturday). A guess (a weekday to come, "talks will resume on
    Monday", misleads it), which a byline's weekday overrides (``match.calendar_year``). None when
    no weekday is named or two days fit as well."""
    days = _weekdays(lang)
    named = [days[m.group(1).lower()] for m in _weekday_words(lang).finditer(text)]
    if not named:
        return None
    back = sorted((sum((day - w) % 7 for w in named), day) for day in range(1, 8))
    return back[0][1] if back[0][0] < back[1][0] else None


@functools.lru_cache(maxsize=None)
def _weekday_words(lang: str) -> re.Pattern[str]:
    """A weekday's name as ``time.tsv`` writes it, in the case it gives ("Monday", "lunes": so
    "Plácido Domingo" is none; "the Sunday Times" still is one)."""
    phrases = [r["phrase"] for r in load_language(lang).table("time.tsv") if r["type"] == "weekday"]
    alt = "|".join(re.escape(w) for w in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alt})(?!\w)")


def _head(text: str) -> list[str]:
    return [line for _, line in _head_lines(text)]


def _head_lines(text: str) -> Iterator[tuple[int, str]]:
    """The first ``HEAD_LINES`` lines of a text that are not blank, stripped, each with the offset
    in ``text`` where it starts."""
    pos = seen = 0
    for raw in text.split("\n", 64)[:64]:
        line = raw.strip()
        if line:
            yield pos + len(raw) - len(raw.lstrip()), line
            seen += 1
            if seen == HEAD_LINES:
                return
        pos += len(raw) + 1


def shorten_title(line: str) -> str:
    """A title from a line: the line itself, or the first sentence of a lead paragraph."""
    if len(line) <= MAX_TITLE:
        return line
    m = _SENTENCE.match(line)
    if m and len(m.group(1)) <= MAX_TITLE:
        return m.group(1)
    cut = line[:MAX_TITLE].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–— ") + "…"


def find_title(text: str, lang: str) -> str | None:
    """The first meaningful line: not a dateline, not a byline, with words in it."""
    for line in _head(text):
        if not _LETTERS.search(line) or _BYLINE.match(line) or dateline(line, lang):
            continue
        return shorten_title(line)
    return None


def find_outlet(text: str, lang: str) -> str | None:
    """The outlet an article names itself: "Source: CNN", "WARSAW (PAP) -", "© 2023 The Verge"."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    cues = re.compile(rf"^(?:{_SOURCE_CUES.get(lang, _SOURCE_CUES['en'])})\s*:?\s+(?P<outlet>.{{2,60}}?)\.?$", re.I)
    for line in lines[:HEAD_LINES]:
        m = _WIRE.match(line)
        if m:
            return m.group("outlet").strip()
    for line in lines[:HEAD_LINES] + lines[-HEAD_LINES:]:
        if len(line) > 80:
            continue
        m = cues.match(line) or _COPYRIGHT.match(line)
        if m:
            outlet = m.group("outlet").strip(" .:-–—")
            if outlet and outlet.lower() not in _NOT_OUTLETS and _LETTERS.search(outlet):
                return outlet
    return None


def find_author(text: str) -> str | None:
    """The author of a byline near the top ("By Anna Nowak", "Por Redacción", "Autor: Jan Kowalski")."""
    for line in _head(text):
        m = _BYLINE.match(line)
        if m and len(line) <= 80:
            return m.group("author").strip(" .,:")
    return None


def plain_metadata(text: str, lang: str) -> dict[str, Any]:
    """Title, date, outlet and author a normalized plain-text article states (None if unstated)."""
    return {
        "title": find_title(text, lang),
        "published": find_dateline(text, lang),
        "outlet": find_outlet(text, lang),
        "author": find_author(text),
    }
