"""Read numerals and number words by the rules of one language.

``parse_digits("500 000", lx)`` -> (500000.0, 0.5): the value and its precision (half a unit of
the last written digit). ``parse_words("dwa i pół miliona", lx)`` -> (2500000.0, 50000.0).
"""

from __future__ import annotations

import functools
import re
import unicodedata

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
        if not all(len(p) == 3 for p in parts[1:-1]) or len(last_int) != 3 \
                or not all(p.isdigit() for p in parts[:-1]) or len(parts[0]) > 3:
            return None  # (no group after a comma or a point: "584,000 250g" is two figures)
        s = "".join(parts)
    commas, dots = s.count(","), s.count(".")
    dec = "," if lx.decimal_comma else "."
    grp = "." if lx.decimal_comma else ","
    if commas and dots:  # both: the last one is the decimal mark
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        grp = "." if dec == "," else ","
    elif commas + dots == 1:
        sep = "," if commas else "."
        head, tail = s.split(sep)
        if len(tail) == 3 and sep == grp and 0 < len(head) <= 3 and head != "0":
            pass  # "1.500" in Spanish, "1,500" in English: grouping ("0.683", "1111.121" cannot be)
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


def fraction_precision(part: float) -> float:
    """How far a figure with a fraction written in words may be from what it tells, in its unit:
    "an hour and a half" is said of what rounds to the half hour (a quarter either side), "three
    and a quarter" of what rounds to the quarter; other fractions are taken as written."""
    steps = part * 4
    if abs(steps - round(steps)) > 1e-9:
        return 0.05
    return 0.25 if round(steps) % 2 == 0 else 0.125


def parse_words(text: str, lx: Lexicon) -> tuple[float, float, bool] | None:
    """Number words: (value, precision, has_scale) or None when the words are not one number the
    rules can read whole.

    Beyond cardinals ("dwa i pół miliona"): a decimal mark read out ("two point five", "siete con
    cincuenta", "dos coma veintiocho"), a fraction ("three fifths", "un veintiunavo", "ciento
    treinta con dos quintos"), approximate amounts ("una veintena", "medio millar").
    """
    tokens = [t for t in _WORD_BREAK.split(text.strip().lower()) if t]
    entries: list[tuple[str, float, str]] = []
    for tok in tokens:
        entry = lx.words.get(tok)
        if entry is None:
            den = denominator(tok, lx)
            if den is None:
                return None
            entry = (den, "denominator")
        entries.append((tok, entry[0], entry[1]))
    entries = _last_units(entries, lx)
    kinds = [k for _, _, k in entries]
    if "decimal" in kinds:
        i = kinds.index("decimal")
        whole = _cardinal(entries[:i])
        rest = list(entries[i + 1 :])
        if whole is None or not rest or "decimal" in kinds[i + 1 :]:
            return None
        if rest[-1][2] == "denominator":  # "ciento treinta con dos quintos": a whole and a fraction
            part = _fraction(rest)
            if part is None or tokens[i] != "con" and not lx.words.get(tokens[i], (0, ""))[1] == "decimal":
                return None
            return whole[0] + part, 0.5 * part, False
        mult = 1.0
        while len(rest) > 1 and rest[-1][2] in ("scale", "abbrev"):  # "two point five million"
            mult *= rest.pop()[1]
        digits = _decimal_digits(rest)
        if digits is None or (mult != 1.0 and whole[2]):
            return None
        value = (whole[0] + int(digits) / 10 ** len(digits)) * mult
        return value, 0.5 * 10 ** -len(digits) * mult, mult != 1.0
    if "denominator" in kinds:
        part = _fraction(entries)
        return None if part is None else (part, 0.5 * part, False)
    return _cardinal(entries)


def _last_units(entries: list[tuple[str, float, str]], lx: Lexicon) -> list[tuple[str, float, str]]:
    """The entries with an article that is the unit one of the number (numbers.tsv type
    last_unit: "treinta y una personas", "ciento un heridos", "treinta y un mil") read as that
    unit: after tens or hundreds, last or before a scale word; elsewhere it stays an article ("un
    millón", "a million and a half")."""
    out = list(entries)
    for k, (tok, _, kind) in enumerate(entries):
        if kind != "article" or tok not in lx.last_units:
            continue
        if k + 1 < len(entries) and entries[k + 1][2] not in ("scale", "abbrev"):
            continue
        joined = k > 0 and entries[k - 1][2] == "connector"
        before = [e for e in entries[:k] if e[2] != "connector"]
        if before and (before[-1][2] == "tens" and joined or before[-1][2] in ("hundreds", "hundred") and not joined):
            out[k] = (tok, 1.0, "unit")  # "treinta y una", "ciento un"; not "los ochenta un millón"
    return out


def _cardinal(entries: list[tuple[str, float, str]]) -> tuple[float, float, bool] | None:
    """A whole number (with halves and quarters: "dos millones y medio"), or None."""
    groups: list[tuple[float, float]] = []  # (amount, scale) of each group closed by a scale word
    cur = 0.0
    trailing_fraction = False
    seen = False
    has_scale = False
    frac_part = False
    approx = False
    last_small = ""  # the kind of the last word of the current group (order check)
    noun = 0.0  # the noun of number just read ("millar", "docenas"), whose fraction may follow
    for tok, value, kind in entries:
        if kind in ("connector", "article", "of"):
            continue
        if kind in ("decimal", "denominator"):
            return None
        seen = True
        after_noun, noun = noun, 0.0
        if kind in ("unit", "teen", "tens", "hundreds"):
            # within a group: hundreds, then tens, then units ("ciento veinte", not "cinco cinco")
            if last_small and _ORDER[kind] >= _ORDER[last_small]:
                return None
            if value != int(value):
                frac_part = True
            cur += value
            last_small = kind
        elif kind == "hundred":
            cur = (cur or 1) * value
            last_small = "hundreds"
        elif kind == "fraction" and after_noun and not groups:
            frac_part = True  # "un millar y medio", "dos docenas y media": half the noun of number (1,500; 30)
            cur += value * after_noun
        elif kind == "fraction":
            frac_part = True
            # "tres millones y medio", "a million and a half": half the scale before, unless a
            # scale follows ("one billion and a half million")
            if cur and groups:
                return None  # "two million and one half": which half is not said
            trailing_fraction = not cur and bool(groups)
            cur += value
            last_small = "unit"
        elif kind in ("dozen", "approx"):
            approx = approx or kind == "approx"
            cur = (cur or 1) * value
            noun = value
            last_small = "hundreds"
        elif kind in ("scale", "abbrev"):
            has_scale = True
            # a larger scale takes the smaller groups before it: "mil millones",
            # "cuatrocientos cincuenta y cinco mil doscientos veintiocho millones" (455 228 million)
            amount = cur
            while groups and groups[-1][1] < value:
                amount += groups.pop()[0]
            if groups and groups[-1][1] == value:
                return None  # "thousand ... thousand": two numbers, not one
            groups.append(((amount or 1.0) * value, value))
            cur = 0.0
            trailing_fraction = False
            last_small = ""
    if not seen:
        return None
    if trailing_fraction:
        cur *= groups[-1][1]
    result = sum(a for a, _ in groups) + cur
    if result == 0 and not any(v == 0 and k == "unit" for _, v, k in entries):
        return None
    # half a unit of the last word written: "mil quinientos veintitrés" 0.5, "2.6 million" 50,000
    last_scale = groups[-1][1] if groups and not cur else (groups[-1][1] if trailing_fraction else 1.0)
    precision = (0.05 if frac_part else 0.5) * last_scale
    if approx:
        precision = 0.1 * result  # "una veintena": about twenty
    return result, precision, has_scale


#: the order of the words of one group below a scale: hundreds before tens before units
_ORDER = {"hundreds": 3, "teen": 2, "tens": 2, "unit": 1}


def _fraction(entries: list[tuple[str, float, str]]) -> float | None:
    """numerator / denominator ("three fifths", "un quinto", "ciento treinta y dos quintos"), or None."""
    if entries[-1][2] != "denominator" or any(k == "denominator" for _, _, k in entries[:-1]):
        return None
    head = entries[:-1]
    if not head:
        return None  # "the twelfth month", "el quinto día": an ordinal; a fraction has its numerator ("a twelfth")
    kinds = [k for _, _, k in head]
    if any(k in ("scale", "abbrev") for k in kinds) and any(k == "connector" for k in kinds[kinds.index(next(k for k in kinds if k in ("scale", "abbrev"))) :]):
        return None  # "two million and three fifths": what the fraction is of is not said
    if all(k in ("article", "connector", "of") for k in kinds):
        numerator = 1.0  # "a third", "un quinto"
    else:
        num = _cardinal(head)
        if num is None:
            return None
        numerator = num[0]
    den = entries[-1][1]
    return numerator / den if den else None


def _decimal_digits(entries: list[tuple[str, float, str]]) -> str | None:
    """The digits after a decimal mark read out: one word per digit ("point two five") or one
    number ("coma veintiocho" .28, "con quinientos doce" .512)."""
    if all(k == "unit" and v == int(v) and 0 <= v <= 9 for _, v, k in entries):
        return "".join(str(int(v)) for _, v, _ in entries)
    n = _cardinal(entries)
    if n is None or n[0] != int(n[0]):
        return None
    return str(int(n[0]))


_MARKS = re.compile(r"[\u0300-\u036f]")


def _plain(word: str) -> str:
    """A word without its accents ("veintiún" -> "veintiun")."""
    return _MARKS.sub("", unicodedata.normalize("NFD", word))


@functools.lru_cache(maxsize=4096)
def _stems(lang: str) -> dict[str, float]:
    """Number words that may stand in a compound stem, without accents: cardinal words and scales."""
    from .lexicon import lexicon

    return {_plain(w): v for w, (v, k) in lexicon(lang).words.items()
            if k in ("unit", "teen", "tens", "hundreds", "hundred", "scale")}


def denominator(word: str, lx: Lexicon) -> float | None:
    """The denominator a word names: listed ("fifths", "quintos") or made of a number word and a
    suffix of the language ("trillionths", "veintiunavos", "treintaicincoavos", "dosmilésimos")."""
    entry = lx.words.get(word)
    if entry is not None:
        return entry[0] if entry[1] == "denominator" else None
    return _derived(word, lx.lang, lx.suffixes)


@functools.lru_cache(maxsize=4096)
def _derived(word: str, lang: str, suffixes: tuple[str, ...]) -> float | None:
    plain = _plain(word)
    for suffix in suffixes:
        suffix = _plain(suffix)
        if not plain.endswith(suffix) or len(plain) == len(suffix):
            continue
        stem = plain[: -len(suffix)]
        # a vowel of the number word may merge with the suffix: "treinta" + "avos" = "treintavos"
        for candidate in (stem, stem + "a", stem + "e", stem + "o"):
            value = _compound(candidate, lang)
            if value:
                return value
    return None


def _compound(stem: str, lang: str) -> float | None:
    """The value of number words written as one ("dosmil", "treintaicinco", "veintemil"), or None."""
    table = _stems(lang)
    parts = _split(stem, table)
    if parts is None:
        return None
    entries = [(p, table[p], _kind_of(p, lang)) for p in parts]
    n = _cardinal(entries)
    return n[0] if n else None


def _kind_of(word: str, lang: str) -> str:
    from .lexicon import lexicon

    for w, (_, k) in lexicon(lang).words.items():
        if _plain(w) == word and k in ("unit", "teen", "tens", "hundreds", "hundred", "scale"):
            return k
    return "unit"


def _split(stem: str, table: dict[str, float]) -> list[str] | None:
    """``stem`` as number words, longest first, joined by nothing or by "i" (Spanish "treintaicinco")."""
    if not stem:
        return []
    for i in range(len(stem), 0, -1):
        if stem[:i] in table:
            rest = stem[i:]
            for r in ((rest[1:],) if rest.startswith("i") and rest[1:] else ()) + (rest,):
                tail = _split(r, table)
                if tail is not None:
                    return [stem[:i], *tail]
    return None
