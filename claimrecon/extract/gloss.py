"""English renderings of claims from the rules' own lexicons: no translation service involved.

"ponad 500 000 użytkowników" (listeners) -> "more than 500,000 listeners".
"""

from __future__ import annotations

from .lexicon import Lexicon


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


def human_duration(seconds: float) -> str:
    for unit, size in (("year", 31557600), ("month", 2629800), ("week", 604800), ("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and (seconds / size) >= 1:
            q = seconds / size
            if abs(q * 4 - round(q * 4)) < 1e-6 or q >= 10:
                txt = f"{q:g}" if abs(q - round(q, 2)) < 1e-9 else f"{q:.1f}"
                return f"{txt} {unit}{'' if q == 1 else 's'}"
    return f"{seconds:g} seconds"


def render_value(kind: str, value: float | str | None, unit: str | None, low: float | None = None, high: float | None = None) -> str:
    if kind == "time" or kind == "date":
        return str(value)
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
    return human_number(v)


def gloss(lx: Lexicon, kind: str, value: float | str | None, unit: str | None, qualifier: str,
          measure: str | None, low: float | None, high: float | None, zone: str | None = None) -> str:
    if qualifier == "range" and low is not None and high is not None:
        body = f"between {render_value(kind, low, unit)} and {render_value(kind, high, unit)}"
    elif qualifier == "vague":
        body = f"an unspecified {render_value(kind, None, unit, low, high)}"
    else:
        hedge = lx.qualifier_gloss.get(qualifier, "")
        body = (hedge + " " if hedge else "") + render_value(kind, value, unit)
    if kind == "time" and zone:
        body += f" ({zone})"
    if measure:
        g = lx.measure_gloss.get(measure, measure.replace("_", " "))
        body += f" ({g})" if kind in ("percent", "money", "duration", "time") else f" {g}"
    return body
