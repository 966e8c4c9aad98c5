"""Read numerals and number words by the rules of one language.

``parse_digits("500 000", lx)`` -> (500000.0, 0.5): the value and its precision (half a unit of
the last written digit). ``parse_words("dwa i pół miliona", lx)`` -> (2500000.0, 50000.0).
"""

from __future__ import annotations

import re

from .lexicon import Lexicon

_SPACES = " \u00a0\u202f\u2009"
_DECIMAL_MARK = re.compile(r"[.,]")
_WORD_BREAK = re.compile(r"[\s\-]+")


def parse_digits(text: str, lx: Lexicon) -> tuple[float, float] | None:
    """A digit numeral with the language's separators, or None when it cannot be one number."""
    s = text.strip()
    for sp in _SPACES:
        s = s.replace(sp, " ")
    if " " in s:  # "500 000", "1 000,5": spaces group thousands in every language
        parts = s.split(" ")
        last_int = _DECIMAL_MARK.split(parts[-1], maxsplit=1)[0]
        if not all(len(p) == 3 for p in parts[1:-1]) or len(last_int) != 3:
            return None
        s = "".join(parts)
    commas, dots = s.count(","), s.count(".")
    dec = "," if lx.decimal_comma else "."
    grp = "." if lx.decimal_comma else ","
    if commas and dots:  # both: the last one is the decimal mark
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        grp = "." if dec == "," else ","
    elif commas + dots == 1:
        sep = "," if commas else "."
        tail = s.split(sep)[1]
        if len(tail) == 3 and sep == grp:
            pass  # "1.500" in Spanish, "1,500" in English: grouping
        else:
            dec, grp = sep, ("." if sep == "," else ",")
    elif commas > 1 or dots > 1:
        grp = "," if commas > 1 else "."
        dec = "." if grp == "," else ","
        if not all(len(p) == 3 for p in s.split(grp)[1:]):
            return None
    whole, _, frac = s.replace(grp, "").partition(dec)
    if not whole.isdigit() and whole:
        return None
    if frac and not frac.isdigit():
        return None
    value = float(f"{whole or '0'}.{frac or '0'}")
    precision = 0.5 * 10 ** (-len(frac))
    return value, precision


def parse_words(text: str, lx: Lexicon) -> tuple[float, float, bool] | None:
    """Number words: (value, precision, has_scale) or None if nothing numeric is there."""
    tokens = [t for t in _WORD_BREAK.split(text.strip().lower()) if t]
    groups: list[tuple[float, float]] = []  # (amount, scale) of each group closed by a scale word
    cur = 0.0
    trailing_fraction = False
    seen = False
    has_scale = False
    frac_part = False
    for tok in tokens:
        entry = lx.words.get(tok)
        if entry is None:
            return None
        value, kind = entry
        if kind == "connector":
            continue
        if kind == "article":
            continue
        if kind == "of":
            continue
        seen = True
        if kind in ("unit", "teen", "tens", "hundreds"):
            if value != int(value):
                frac_part = True
            cur += value
        elif kind == "hundred":
            cur = (cur or 1) * value
        elif kind == "fraction":
            frac_part = True
            # "tres millones y medio", "a million and a half": half the scale before, unless a
            # scale follows ("one billion and a half million")
            trailing_fraction = not cur and bool(groups)
            cur += value
        elif kind == "dozen":
            cur = (cur or 1) * value
        elif kind in ("scale", "abbrev"):
            has_scale = True
            # a larger scale takes the smaller groups before it: "mil millones",
            # "cuatrocientos cincuenta y cinco mil doscientos veintiocho millones" (455 228 million)
            amount = cur
            while groups and groups[-1][1] < value:
                amount += groups.pop()[0]
            groups.append(((amount or 1.0) * value, value))
            cur = 0.0
            trailing_fraction = False
    if not seen:
        return None
    if trailing_fraction:
        cur *= groups[-1][1]
    result = sum(a for a, _ in groups) + cur
    if result == 0 and not any(lx.words.get(t, (1, ""))[0] == 0 for t in tokens):
        return None
    last_scale = 1.0
    for tok in tokens:
        v, k = lx.words.get(tok, (0, ""))
        if k in ("scale", "abbrev"):
            last_scale = v
    precision = (0.05 if frac_part else 0.5) * (last_scale if has_scale else 1.0)
    return result, precision, has_scale
