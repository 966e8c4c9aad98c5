"""Load and validate the language rules in ``rules/``.

Every rules file is a tab-separated table: ``#`` starts a comment line, the first other line
names the columns, each further line is one entry. Each file name has a schema below (its
columns and their types); a file that breaks it fails loudly, naming the file and the line,
because a rules file that silently loses entries means claims silently lost.

Phrases are matched case-insensitively on word boundaries. A phrase ending in ``*`` matches
any word that starts with it (``słuchacz*`` matches ``słuchaczy``, ``słuchaczami`` ...), which
is how Polish and Spanish inflections are written once.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import RulesError, UnsupportedLanguage

# ---------------------------------------------------------------------------------------------
# Column types


def _text(v: str) -> str:
    if not v.strip():
        raise ValueError("is empty")
    return v.strip()


def _optional(v: str) -> str | None:
    v = v.strip()
    return None if v in ("", "-") else v


def _number(v: str) -> float:
    v = v.strip()
    if v in ("inf", "+inf"):
        return math.inf
    if v == "-inf":
        return -math.inf
    try:
        return float(v)
    except ValueError:
        raise ValueError(f"{v!r} is not a number") from None


def _regex(v: str) -> str:
    try:
        re.compile(v)
    except re.error as e:
        raise ValueError(f"bad regular expression: {e}") from None
    return v


def _one_of(*choices: str) -> Callable[[str], str]:
    def check(v: str) -> str:
        v = v.strip()
        if v not in choices:
            raise ValueError(f"{v!r} is not one of {', '.join(choices)}")
        return v

    return check


QUALIFIERS = (
    "exact", "about", "more_than", "at_least", "nearly", "up_to", "less_than", "only", "range", "vague",
)
KIND_UNITS = ("percent", "money", "duration", "temperature", "quantity", "age")
#: The unit of a temperature whose scale is not stated ("98 degrees"): never converted.
UNSTATED_SCALE = "°"
#: Dimensions of physical quantities (``shared/quantities.tsv``), each with one base unit.
DIMENSIONS = ("length", "area", "volume", "mass", "speed", "energy", "power", "data", "temperature")

#: where a scope cue stands from the figure (``scope.tsv`` column position; clause when empty)
CUE_POSITIONS = ("before", "after", "next", "clause")

#: file name -> ordered (column, type) pairs. Files in a language folder, then in shared/.
SCHEMAS: dict[str, list[tuple[str, Callable[[str], Any]]]] = {
    "numbers.tsv": [
        ("word", _text),
        ("value", _number),
        ("type", _one_of("unit", "teen", "tens", "hundreds", "hundred", "scale", "abbrev",
                         "fraction", "article", "connector", "dozen", "of", "sign",
                         "decimal", "denominator", "suffix", "alone", "approx", "ratio", "share", "below_zero", "glued",
                         "last_unit", "ordinal_dot", "label")),
    ],
    "vague.tsv": [("phrase", _text), ("low", _number), ("high", _number)],
    "shares.tsv": [("phrase", _text), ("percent", _number)],
    "hedges.tsv": [("phrase", _text), ("qualifier", _one_of(*QUALIFIERS)), ("position", _one_of("before", "after", "time"))],
    "units.tsv": [
        ("phrase", _text),
        ("kind", _one_of(*KIND_UNITS)),
        ("unit", _text),
        ("factor", _number),
        ("position", _one_of("before", "after")),
        # the numbers the unit takes, when its grammar limits them (Polish "roku" only after a
        # fraction, "pół roku", "2,5 roku"; "rok" only after one): fraction | one
        ("number", _optional),
    ],
    "changes.tsv": [("phrase", _text), ("direction", _one_of("up", "down", "link", "level", "from", "either", "range")), ("position", _one_of("before", "after", "after_share"))],
    "cues.tsv": [("phrase", _text), ("kind", _one_of("temperature", "count", "quantity", "age")), ("role", _one_of("cue", "needs_cue", "not_counted", "not_age_before", "not_age_after"))],
    "measures.tsv": [
        ("term", _text),
        ("measure", _text),
        ("role", _one_of("noun", "context")),
        ("applies", _optional),
    ],
    "scope.tsv": [
        ("phrase", _text),
        ("field", _one_of("aggregate", "period", "subevent", "subject", "moment", "anchor", "since", "fronted",
                          "part", "increment", "running", "then")),
        ("value", _text),
        ("position", _optional),  # one of CUE_POSITIONS
    ],
    "grammar.tsv": [
        ("word", _text),
        ("class", _one_of("head", "link", "per", "rate", "function", "content", "day", "place", "town", "conj", "partitive", "level", "opens", "whole", "relative", "article", "extent", "year_before", "verb_ending", "infinitive", "modifier_ending", "plural_ending", "later", "aside", "estimate", "on_day", "restate", "name_ending", "name_after", "dimension", "of_noun", "relative_word", "future", "future_ending", "next_day", "past_link", "not_infinitive", "of_day", "participle_ending", "auxiliary")),
        ("value", _optional),
    ],
    # names: "people" when the word names a country's people or is its adjective ("Polish",
    # "polacos", "Polak"), not the place; empty for a place's name
    "places.tsv": [("name", _text), ("code", _text), ("names", _one_of("", "people"))],
    "concepts.tsv": [
        ("concept", _text),
        ("words", _text),
    ],
    "time.tsv": [
        ("phrase", _text),
        ("type", _one_of("am", "pm", "zone", "prep", "prep_minutes", "prep_seconds", "weekday", "month", "noon", "midnight", "home", "date_order")),
        ("value", _text),
    ],
    "attribution.tsv": [("phrase", _text), ("type", _one_of("before", "verb"))],
    "boilerplate.tsv": [("pattern", _regex)],
    "abbreviations.tsv": [("abbrev", _text)],
    "cases.tsv": [
        ("text", _text),
        ("kind", _one_of("none", "count", "percent", "money", "duration", "time", "date", "temperature", "quantity", "age")),
        ("value", _optional),
        ("unit", _optional),
        ("qualifier", _optional),
        ("measure", _optional),
        ("low", _optional),
        ("high", _optional),
        ("note", _optional),
    ],
    # shared/
    "qualifiers.tsv": [
        ("qualifier", _one_of(*QUALIFIERS)),
        ("low_factor", _number),
        ("high_factor", _number),
        ("gloss", _text),
    ],
    "zones.tsv": [("name", _text), ("tz", _text)],
    "quantities.tsv": [
        ("unit", _text),
        ("pint", _text),
        ("dimension", _one_of(*DIMENSIONS)),
        ("base", _text),
        ("factor", _number),
        ("offset", _number),
    ],
    "canonical.tsv": [("measure", _text), ("gloss", _text)],
    "roles.tsv": [("concept", _text), ("role", _one_of("tally", "state", "deployed", "source", "generic"))],
    "families.tsv": [("family", _text), ("concepts", _text)],
    "local_currencies.tsv": [("currency", _text), ("country", _text), ("code", _text), ("least", _optional)],
    "exchange.tsv": [("code", _text), ("usd", _number), ("steady", _one_of("yes", "no"))],
}

LANGUAGE_FILES = (
    "numbers.tsv", "vague.tsv", "shares.tsv", "hedges.tsv", "units.tsv", "changes.tsv", "cues.tsv", "measures.tsv",
    "scope.tsv", "time.tsv", "attribution.tsv", "boilerplate.tsv", "abbreviations.tsv",
    "grammar.tsv", "concepts.tsv", "places.tsv",
)
SHARED_FILES = ("qualifiers.tsv", "zones.tsv", "canonical.tsv", "quantities.tsv", "roles.tsv", "families.tsv",
                "local_currencies.tsv", "exchange.tsv")


@dataclass(frozen=True, slots=True)
class Row:
    """One entry of a rules file, with where it came from."""

    file: str
    line: int
    fields: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.fields[key]

    def where(self) -> str:
        return f"{self.file}:{self.line}"


# ---------------------------------------------------------------------------------------------
# Where the rules are


def rules_root() -> Path:
    """The rules folder: inside the installed package, or the checkout's ``rules/``."""
    packaged = Path(str(resources.files("claimrecon"))) / "rules"
    if packaged.is_dir():
        return packaged
    here = Path(__file__).resolve().parent.parent / "rules"
    if here.is_dir():
        return here
    raise RulesError([f"no rules folder found (looked in {packaged} and {here})"])


def available_languages(root: Path | None = None) -> list[str]:
    root = root or rules_root()
    return sorted(p.name for p in root.iterdir() if p.is_dir() and p.name != "shared" and not p.name.startswith("."))


# ---------------------------------------------------------------------------------------------
# Reading


def read_table(path: Path, label: str | None = None) -> tuple[list[Row], list[str]]:
    """Parse one rules file; returns its rows and the problems found (``file:line: message``)."""
    label = label or path.name
    schema = SCHEMAS.get(path.name)
    if schema is None:
        return [], [f"{label}: unknown rules file (expected one of {', '.join(sorted(SCHEMAS))})"]
    rows: list[Row] = []
    problems: list[str] = []
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        return [], [f"{label}: not UTF-8 ({e.reason} at byte {e.start})"]
    header: list[str] | None = None
    names = [c for c, _ in schema]
    required = len(names) - sum(1 for _, t in schema if t is _optional)
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            if header != names[: len(header)] or len(header) < required:
                problems.append(f"{label}:{lineno}: header should be {' <TAB> '.join(names)}, found {' <TAB> '.join(header)}")
                return [], problems
            continue
        if len(cells) > len(header):
            problems.append(f"{label}:{lineno}: {len(cells)} columns, the header has {len(header)} (a stray tab?)")
            continue
        cells += [""] * (len(header) - len(cells))
        fields: dict[str, Any] = {}
        ok = True
        for (name, conv), cell in zip(schema, cells + [""] * (len(schema) - len(cells))):
            try:
                fields[name] = conv(cell)
            except ValueError as e:
                problems.append(f"{label}:{lineno}: column {name!r} {e}")
                ok = False
        if ok:
            rows.append(Row(label, lineno, fields))
    if header is None:
        problems.append(f"{label}: no header line")
    return rows, problems


@dataclass(frozen=True)
class LanguageRules:
    """All rules of one language (plus the shared ones), validated."""

    lang: str
    tables: dict[str, list[Row]]
    shared: dict[str, list[Row]]

    def table(self, name: str) -> list[Row]:
        return self.tables.get(name, [])


def _check_language(lang: str, tables: dict[str, list[Row]], shared: dict[str, list[Row]]) -> list[str]:
    """Cross-file checks: duplicates and references that a single row cannot show."""
    problems: list[str] = []
    qualifiers = {r["qualifier"] for r in shared.get("qualifiers.tsv", [])}
    numbers = tables.get("numbers.tsv", [])
    articles = {r["word"].lower() for r in numbers if r["type"] == "article"}
    for r in numbers:
        if r["type"] == "last_unit" and r["word"].lower() not in articles:
            problems.append(f"{r.where()}: a last_unit word is an article of this file too, not {r['word']!r}")
        elif r["type"] == "label" and len(r["word"].split()) != 1:
            problems.append(f"{r.where()}: a label is one word (the one right before the digits), not {r['word']!r}")
        elif r["type"] == "ordinal_dot" and r["word"] != ".":
            problems.append(f"{r.where()}: the ordinal_dot row's word is '.', not {r['word']!r}")
    for r in tables.get("hedges.tsv", []):
        if r["qualifier"] not in qualifiers:
            problems.append(f"{r.where()}: qualifier {r['qualifier']!r} has no bounds in shared/qualifiers.tsv")
    canonical = {r["measure"] for r in shared.get("canonical.tsv", [])}
    for r in tables.get("measures.tsv", []):
        m = r["measure"]
        if not m.startswith("@") and m not in canonical:
            problems.append(f"{r.where()}: measure {m!r} is not listed in shared/canonical.tsv")
    for r in tables.get("scope.tsv", []):
        pos = r.fields.get("position")
        if pos is not None and pos not in CUE_POSITIONS:
            problems.append(f"{r.where()}: position {pos!r} is not one of {', '.join(CUE_POSITIONS)}")
        if r["field"] == "part" and r["value"] not in ("of_them", "among", "place_before", "place_after"):
            problems.append(f"{r.where()}: a part cue's value is of_them, among, place_before or place_after, not {r['value']!r}")
    heads = [r for r in tables.get("grammar.tsv", []) if r["class"] == "head"]
    if "grammar.tsv" in tables and (len(heads) != 1 or heads[0]["word"] not in ("first", "last")):
        problems.append(f"{lang}/grammar.tsv: needs exactly one row 'first<TAB>head' or 'last<TAB>head' (which word of a noun run is its head)")
    for r in tables.get("grammar.tsv", []):
        if r["class"] == "rate" and not r.fields.get("value"):
            problems.append(f"{r.where()}: a rate word needs the concept key of its unit in the value column")
        if r["class"] == "day" and not re.fullmatch(r"-?\d", r.fields.get("value") or ""):
            problems.append(f"{r.where()}: a day word needs its offset in days from the publication date (-1 for yesterday)")
    seen_concepts: dict[str, Row] = {}
    for r in tables.get("concepts.tsv", []):
        if not re.fullmatch(r"[a-z0-9_]+", r["concept"]):
            problems.append(f"{r.where()}: concept key {r['concept']!r} is not lower-case letters, digits and _")
        if r["concept"] in seen_concepts:
            problems.append(f"{r.where()}: concept {r['concept']!r} listed twice, first at line {seen_concepts[r['concept']].line}")
        else:
            seen_concepts[r["concept"]] = r
        if any(not w.strip() for w in r["words"].split("|")):
            problems.append(f"{r.where()}: an empty word between | separators")
    known = {r["concept"] for r in tables.get("concepts.tsv", [])}
    if known:
        for r in shared.get("roles.tsv", []):
            if r["concept"] not in known:
                problems.append(f"{r.where()}: concept {r['concept']!r} is not in {lang}/concepts.tsv")
        for r in shared.get("families.tsv", []):
            for c in r["concepts"].split("|"):
                if c not in known:
                    problems.append(f"{r.where()}: concept {c!r} is not in {lang}/concepts.tsv")
    zones = {r["name"].lower() for r in shared.get("zones.tsv", [])}
    for r in tables.get("time.tsv", []):
        if r["type"] == "zone" and r["value"].lower() not in zones and not re.fullmatch(r"[+-]\d\d:\d\d|local", r["value"]):
            problems.append(f"{r.where()}: zone {r['value']!r} is not in shared/zones.tsv")
    physical = {r["unit"] for r in shared.get("quantities.tsv", [])}
    for r in tables.get("units.tsv", []):
        if r["kind"] in ("quantity", "temperature") and r["unit"] not in physical and r["unit"] != UNSTATED_SCALE:
            problems.append(f"{r.where()}: unit {r['unit']!r} is not listed in shared/quantities.tsv")
    after_units = {r["phrase"].lower() for r in tables.get("units.tsv", []) if r["position"] == "after"}
    for r in tables.get("cues.tsv", []):
        if r["role"] == "needs_cue" and r["phrase"].lower() not in after_units:
            problems.append(f"{r.where()}: {r['phrase']!r} needs a cue but is no unit of units.tsv")
    for name in ("numbers.tsv", "hedges.tsv", "units.tsv"):
        seen: dict[str, Row] = {}
        for r in tables.get(name, []):
            key = (r.fields.get("word") or r.fields.get("phrase") or "").lower() + "|" + str(r.fields.get("position", "")) + "|" + str(r.fields.get("type", ""))
            if key in seen:
                problems.append(f"{r.where()}: duplicate entry, first at line {seen[key].line}")
            else:
                seen[key] = r
    return problems


def load_shared(root: Path | None = None) -> dict[str, list[Row]]:
    root = root or rules_root()
    tables, problems = {}, []
    for name in SHARED_FILES:
        path = root / "shared" / name
        if not path.exists():
            problems.append(f"shared/{name}: missing")
            continue
        rows, p = read_table(path, f"shared/{name}")
        tables[name] = rows
        problems += p
    if problems:
        raise RulesError(problems)
    return tables


@functools.lru_cache(maxsize=None)
def load_language(lang: str, root: Path | None = None) -> LanguageRules:
    """The validated rules of ``lang``; raises ``RulesError`` naming file and line."""
    root = root or rules_root()
    folder = root / lang
    if not folder.is_dir():
        raise UnsupportedLanguage(lang, available_languages(root))
    shared = load_shared(root)
    tables: dict[str, list[Row]] = {}
    problems: list[str] = []
    for name in LANGUAGE_FILES:
        path = folder / name
        if not path.exists():
            problems.append(f"{lang}/{name}: missing (every language folder has {', '.join(LANGUAGE_FILES)})")
            continue
        rows, p = read_table(path, f"{lang}/{name}")
        tables[name] = rows
        problems += p
    for path in sorted(folder.iterdir()):
        if path.suffix == ".tsv" and path.name not in SCHEMAS:
            problems.append(f"{lang}/{path.name}: unknown rules file")
    problems += _check_language(lang, tables, shared)
    if problems:
        raise RulesError(problems)
    return LanguageRules(lang, tables, shared)


def check_all(root: Path | None = None) -> tuple[list[str], list[str]]:
    """Validate every folder under ``rules/``: (languages checked, problems)."""
    root = root or rules_root()
    problems: list[str] = []
    langs = available_languages(root)
    try:
        load_shared(root)
    except RulesError as e:
        problems += e.problems
    for lang in langs:
        try:
            load_language.__wrapped__(lang, root)  # uncached: check what is on disk now
        except RulesError as e:
            problems += e.problems
        cases = root / lang / "cases.tsv"
        if not cases.exists():
            problems.append(f"{lang}/cases.tsv: missing (a language needs its table of test cases)")
        else:
            problems += read_table(cases, f"{lang}/cases.tsv")[1]
    return langs, sorted(set(problems), key=problems.index)


def rules_digest(root: Path | None = None) -> str:
    """A digest of every rules file, recorded in each report so results can be traced to rules."""
    root = root or rules_root()
    h = hashlib.sha256()
    for path in sorted(root.rglob("*.tsv")):
        h.update(str(path.relative_to(root)).encode())
        h.update(b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# Phrase patterns


def phrase_regex(phrase: str) -> str:
    """Regex source for a rules phrase: words split on spaces, ``*`` a word-prefix wildcard."""
    parts = []
    for word in phrase.split():
        if word.endswith("*") and len(word) > 1:
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word))
    body = r"\s+".join(parts)
    # word boundaries only where the phrase starts/ends with a word character
    left = r"(?<!\w)" if re.match(r"\w", phrase) else ""
    right = r"(?!\w)" if re.search(r"[\w*]$", phrase) else ""
    return left + body + right


def alternation(phrases: Iterator[str] | list[str]) -> str:
    """One alternation of phrases, longest first so that the longest phrase wins."""
    uniq = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase_regex(p) for p in uniq) + ")" if uniq else "(?!x)x"
