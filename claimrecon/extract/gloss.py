"""English renderings of claims from the rules' own lexicons: no translation service involved.

"ponad 500 000 użytkowników" (listeners) -> "more than 500,000 listeners";
"setki tysięcy" (listeners) -> "hundreds of thousands of listeners";
"prawie pół godziny" (delay) -> "delay of nearly 30 minutes".
"""

from __future__ import annotations

import datetime as dt
import math
import re

from ..records import TIME_HEDGE_WORDS, local_offset
from .lexicon import Lexicon

#: How a vague amount reads, by the order of magnitude of its lower bound (``vague.tsv``).
_VAGUE_WORDS = {
    1: "dozens",
    2: "hundreds",
    3: "thousands",
    4: "tens of thousands",
    5: "hundreds of thousands",
    6: "millions",
    7: "tens of millions",
    8: "hundreds of millions",
    9: "billions",
}
#: Kinds whose figure is an amount of the measure: "delay of nearly 30 minutes".
_AMOUNT_KINDS = ("money", "duration", "temperature", "quantity")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_ISO_TIME = re.compile(r"(?:(?P<date>\d{4}-\d{2}-\d{2})T)?(?P<hm>\d{2}:\d{2})(?::\d{2})?(?P<off>Z|[+-]\d{2}:\d{2})?$")


def human_number(v: float) -> str:
    """500000 -> "500,000"; 2600000 -> "2.6 million"; 44e9 -> "44 billion"."""
    for scale, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            q = v / scale
            if abs(q - round(q, 2)) < 1e-9:
                return f"{q:,.2f}".rstrip("0").rstrip(".") + f" {name}"
    if abs(v - round(v)) < 1e-9:
        return f"{int(round(v)):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


#: the units durations are written in, largest first, with their seconds (a month of 30 days
#: and a year of 365, as ``units.tsv`` reads them)
DURATION_UNITS = (("year", 31536000), ("month", 2592000), ("week", 604800), ("day", 86400), ("hour", 3600), ("minute", 60))


def human_duration(seconds: float) -> str:
    """1800 -> "30 minutes"; 3600 -> "1 hour"; 5400 -> "1.5 hours"."""
    for unit, size in DURATION_UNITS:
        if seconds >= size and (seconds / size) >= 1:
            q = seconds / size
            if abs(q * 4 - round(q * 4)) < 1e-6 or q >= 10:
                txt = f"{q:g}" if abs(q - round(q, 2)) < 1e-9 else f"{q:.1f}"
                return f"{txt} {unit}{'' if q == 1 else 's'}"
    return f"{seconds:g} seconds"


def _human_date(iso: str) -> str:
    """"2024-05-07" -> "7 May 2024" (left as written when it is not a full ISO date)."""
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _human_time(iso: str, zone: str | None = None) -> str:
    """"2024-05-07T18:00:00-04:00" -> "18:00 UTC-04:00 on 7 May 2024"; "18:21:00" -> "18:21".

    A named zone replaces the offset: "18:00 New York time", "18:00 local time".
    """
    m = _ISO_TIME.match(iso)
    if not m:
        return iso
    out = m["hm"]
    if zone == "local":
        out += " local time"
    elif local_offset(zone):
        out += f" local time (UTC{local_offset(zone)})"
    elif zone and "/" in zone:
        out += f" {zone.rsplit('/', 1)[1].replace('_', ' ')} time"
    elif zone or m["off"]:
        off = zone or m["off"]
        out += " UTC" if off in ("Z", "UTC") else f" UTC{off}"
    if m["date"]:
        out += f" on {_human_date(m['date'])}"
    return out


def _vague_words(low: float | None, high: float | None) -> str | None:
    """200000..999999 -> "hundreds of thousands"; None when no single magnitude word fits."""
    if low is None or high is None or low <= 0:
        return None
    k = int(math.floor(math.log10(low) + 1e-9))
    words = _VAGUE_WORDS.get(k)
    return words if words and low >= 2 * 10**k else None  # "kilkanaście" (11-19) is not "dozens"


def render_value(kind: str, value: float | str | None, unit: str | None, low: float | None = None, high: float | None = None) -> str:
    """The figure alone, in English: "500,000", "75%", "$44 billion", "30 minutes", "18:00"."""
    if kind == "date":
        return _human_date(str(value))
    if kind == "time":
        return _human_time(str(value))
    if value is None:
        if low is not None and high is not None:
            return f"between {human_number(low)} and {human_number(high)}"
        return "?"
    v = float(value)
    if kind == "percent":
        return f"{v:g}%"
    if kind == "money":
        sym = {"USD": "$", "EUR": "€", "GBP": "£"}.get(unit or "")
        return f"{sym}{human_number(v)}" if sym else f"{human_number(v)} {unit}"
    if kind == "duration":
        return human_duration(v)
    if kind == "temperature":
        return f"{v:g} {unit or ''}".strip()
    if kind == "age":
        return f"{v:g} years old"
    if kind == "quantity":
        return f"{human_number(v)} {unit or ''}".strip()  # "120 mph", "2.5 million t"
    return human_number(v)


def _noun_for(lx: Lexicon, measure: str, kind: str) -> bool:
    """Whether the measure is a noun that follows a figure of this kind ("a 5% pay rise")."""
    return any(m == measure and applies == kind for _, m, applies in lx.nouns)


def _measure_words(lx: Lexicon, measure: str) -> str:
    return lx.measure_gloss.get(measure, measure.replace("_", " "))


def _with_measure(lx: Lexicon, kind: str, body: str, measure: str) -> str:
    """Join a figure and what it measures the way English says it."""
    g = _measure_words(lx, measure)
    if kind == "count":
        return f"{body} {g}"  # "more than 500,000 listeners"
    if kind == "percent":
        if g.endswith(" rate"):
            return f"{g} of {body}"  # "unemployment rate of 11.5%"
        if g.startswith("of ") or _noun_for(lx, measure, kind):
            return f"{body} {g}"  # "about 75% of staff cut", "5% pay rise"
        return f"{body} of {g}"  # "52% of votes"
    if kind == "time":
        return f"{g} {body}"  # "scheduled start 18:00 New York time"
    if measure == "duration":
        return f"lasting {body}"  # "lasting about 1 hour"
    if kind in _AMOUNT_KINDS:
        return f"{g} of {body}"  # "delay of nearly 30 minutes", "purchase price of $44 billion"
    return f"{body} ({g})"


def gloss(lx: Lexicon, kind: str, value: float | str | None, unit: str | None, qualifier: str,
          measure: str | None, low: float | None, high: float | None, zone: str | None = None) -> str:
    """The claim in plain English, built from the lexicons: hedge, figure, zone, measure."""
    hedge = lx.qualifier_gloss.get(qualifier, "")
    hedged = (hedge + " ") if hedge else ""
    if qualifier == "range" and low is not None and high is not None:
        body = f"between {render_value(kind, low, unit)} and {render_value(kind, high, unit)}"
    elif qualifier == "vague":
        words = _vague_words(low, high)
        if words is None and (low is None or high is None):
            words = "an unspecified number"
        if words is not None and measure and kind == "count":
            return f"{words} of {_measure_words(lx, measure)}"  # "hundreds of thousands of listeners"
        body = words or render_value(kind, None, unit, low, high)
    elif kind == "time":
        body = (TIME_HEDGE_WORDS[qualifier] + " " if qualifier in TIME_HEDGE_WORDS else hedged) + _human_time(str(value), zone)
    else:
        body = hedged + render_value(kind, value, unit)
    return _with_measure(lx, kind, body, measure) if measure else body
