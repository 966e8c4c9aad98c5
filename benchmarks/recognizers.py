"""Peer benchmark: claimrecon on Microsoft Recognizers-Text's English and Spanish spec cases.

    .venv/bin/python benchmarks/recognizers.py            # the table
    .venv/bin/python benchmarks/recognizers.py --misses   # plus every miss and false claim

The spec files live in ``benchmarks/peer/recognizers-text/`` (MIT, see its NOTICE). Each case is
one input text and the values Recognizers-Text expects from it. This script runs
``claimrecon.extract(text, lang)`` on every case and scores *values*:

* **Matching.** An expected result's value (``Resolution.value``, times the subunit factor for
  cents, pence, centavos, peniques) matches a claim of the file's kind — ``percent`` for the Percent
  files, ``money`` for the Currency files, ``quantity`` for the Dimension files, ``temperature`` for
  the Temperature files, ``count``/``money``/``percent`` for the Number files — whose ``value`` (or,
  for a range claim, whose ``low`` or ``high``; in the Number files a percentage also as its fraction
  of a whole: "la mitad" is 50% here, 0.5 there) is equal within a relative 1e-6. Each claim matches
  at most one expected value and the other way round; pairs whose unit (currency, or the physical
  unit) also agrees are made first. The unit is not needed for a match; how often it agrees is
  reported in its own column.
* **Recall** = matched expected values / expected values, over every case of the file, and again
  over the cases that no exclusion rule drops. Results whose value is null (a bare "dollar", "the %
  of increase") hold no number and are not expected values.
* **Precision** = claims that matched / claims of the file's kind, over every case, excluded ones
  included: an excluded wording must give nothing rather than a wrong value. Cases that expect
  nothing (or only null values) still count: every claim of the file's kind there is a false claim.
* **Exclusions** are decided by fixed rules on the spec data alone, never on claimrecon's output,
  and every excluded case is counted per rule in the output (``--misses`` lists them). A case is
  excluded from the second recall when one of its expected spans uses a notation or a dimension
  that news prose does not use, see ``RULES`` below; the Number files, which are mostly bare
  numerals, also drop every case whose input is not a sentence. The test
  ``tests/test_peer_benchmark.py`` caps the number excluded.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SPECS = ROOT / "peer" / "recognizers-text" / "Specs"

#: (label, path under Specs/, language, model). The order is the order of the table.
FILES: tuple[tuple[str, str, str, str], ...] = (
    ("en Percent", "Number/English/PercentModel.json", "en", "percent"),
    ("es Percent", "Number/Spanish/PercentModel.json", "es", "percent"),
    ("en Currency", "NumberWithUnit/English/CurrencyModel.json", "en", "currency"),
    ("es Currency", "NumberWithUnit/Spanish/CurrencyModel.json", "es", "currency"),
    ("en Number", "Number/English/NumberModel.json", "en", "number"),
    ("es Number", "Number/Spanish/NumberModel.json", "es", "number"),
    ("en Dimension", "NumberWithUnit/English/DimensionModel.json", "en", "dimension"),
    ("es Dimension", "NumberWithUnit/Spanish/DimensionModel.json", "es", "dimension"),
    ("en Temperature", "NumberWithUnit/English/TemperatureModel.json", "en", "temperature"),
    ("es Temperature", "NumberWithUnit/Spanish/TemperatureModel.json", "es", "temperature"),
)

#: claimrecon claim kinds scored against each model.
KINDS: dict[str, frozenset[str]] = {
    "percent": frozenset({"percent"}),
    "currency": frozenset({"money"}),
    "number": frozenset({"count", "money", "percent"}),
    "dimension": frozenset({"quantity"}),
    "temperature": frozenset({"temperature"}),
}

_DOLLARS = frozenset({"USD", "CAD", "AUD", "HKD", "NZD", "SGD"})
#: Recognizers-Text unit names without an ISO code: (accepted ISO codes, factor to the main unit).
UNIT_NAMES: dict[str, tuple[frozenset[str], float]] = {
    "dollar": (_DOLLARS, 1.0), "dólar": (_DOLLARS, 1.0),
    "cent": (_DOLLARS | {"EUR"}, 0.01), "centavo": (_DOLLARS | {"EUR"}, 0.01),
    "pound": (frozenset({"GBP"}), 1.0), "libra": (frozenset({"GBP"}), 1.0),
    "pence": (frozenset({"GBP"}), 0.01), "penny": (frozenset({"GBP"}), 0.01),
    "penique": (frozenset({"GBP"}), 0.01),
    "franc": (frozenset({"CHF", "FRF", "BEF", "XOF", "XAF"}), 1.0),
    "franco": (frozenset({"CHF", "FRF", "BEF", "XOF", "XAF"}), 1.0),
    "franco suizo": (frozenset({"CHF"}), 1.0),
    "euro": (frozenset({"EUR"}), 1.0), "yen": (frozenset({"JPY"}), 1.0),
    "yuan chino": (frozenset({"CNY"}), 1.0),
    "rupee": (frozenset({"INR", "PKR", "LKR", "NPR"}), 1.0),
    "peseta": (frozenset({"ESP"}), 1.0),
    "finnish markka": (frozenset({"FIM"}), 1.0), "marco finlandés": (frozenset({"FIM"}), 1.0),
    "netherlands guilder": (frozenset({"NLG"}), 1.0), "florín neerlandés": (frozenset({"NLG"}), 1.0),
    "dólar estadounidense": (frozenset({"USD"}), 1.0), "dólar canadiense": (frozenset({"CAD"}), 1.0),
    "dólar australiano": (frozenset({"AUD"}), 1.0), "dólar de hong kong": (frozenset({"HKD"}), 1.0),
    "bitcoin": (frozenset({"BTC", "XBT"}), 1.0), "satoshi": (frozenset({"BTC", "XBT"}), 1e-8),
}

#: Recognizers-Text's names of physical units (Dimension, Temperature) -> claimrecon's symbols
#: (``rules/shared/quantities.tsv``) that state the same unit. "Degree" alone names no scale.
PHYSICAL_UNITS: dict[str, frozenset[str]] = {
    name: frozenset(symbols.split()) for name, symbols in (
        ("acre", "acre"), ("barrel", "bbl"), ("barril", "bbl"), ("bit", "bit"), ("cubic foot", "ft³"),
        ("pie cúbico", "ft³"), ("centímetro cúbico", "cm³"), ("decimeter", "dm"), ("foot", "ft"), ("pie", "ft"),
        ("gallon", "gal"), ("galón", "gal"), ("gram", "g"), ("inch", "in"), ("pulgada", "in"),
        ("kilogram", "kg"), ("kilometer per hour", "km/h"), ("kilometer", "km"), ("kilómetro", "km"),
        ("megabyte", "MB"), ("meter", "m"), ("metro", "m"), ("metric ton", "t"), ("tonelada métrica", "t"),
        ("ton", "t"), ("tonelada", "t"), ("microgram", "µg"), ("mile per hour", "mph"), ("milla por hora", "mph"),
        ("mile", "mi"), ("milla", "mi"), ("milliliter", "ml"), ("mililitro", "ml"), ("millimeter", "mm"),
        ("milímetro", "mm"), ("ounce", "oz"), ("onza", "oz"), ("pound", "lb"), ("libra", "lb"),
        ("square kilometer", "km²"), ("kilómetro cuadrado", "km²"), ("square meter", "m²"), ("metro cuadrado", "m²"),
        ("tablespoon", "tbsp"), ("teaspoon", "tsp"),
        ("c", "°C"), ("grado celsius", "°C"), ("f", "°F"), ("grado fahrenheit", "°F"), ("kelvin", "K"),
    )
}

# --- exclusion rules: each looks at one case and its expected spans, never at claimrecon ----------

_SMALL = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|veinte|"
    "treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa"
)
_NOTATION = re.compile(r"\d\s*[eE][+-]?\d|\^|\d\s*/\s*\d|\d\s*[x×]\s*10\b")
_FRACTION = {
    "en": re.compile(r"\b\w+ths?\b|\bthirds?\b|\w*firsts?\b|\bover\b|\bout of\b|\bin\b", re.I),
    "es": re.compile(
        r"(?<!cent)avos?\b|[eé]simos?\b|\b(?:tercios?|quintos?|sextos?|s[eé]ptimos?|octavos?|novenos?|d[eé]cimos?)\b"
        r"|\bsobre\b", re.I),
}
_SPOKEN_DECIMAL = re.compile(r"^\D*$")
_DECIMAL_WORD = {"en": re.compile(r"\bpoint\b", re.I), "es": re.compile(r"\b(?:coma|con)\b", re.I)}
_SPLIT_AMOUNT = re.compile(
    rf"(?:\d|\b(?:{_SMALL}))\s+(?:dollars?|d[oó]lar(?:es)?|euros?|usd|kuai)\s+(?:(?:and|y|con)\s+)?(?:\d|(?:{_SMALL})\b)"
    rf"|\d\s*\$\s*\d|\d\s+(?:and|y|con)\s+(?:{_SMALL})\b",
    re.I,
)
_PERCENT_FIRST = re.compile(r"^\s*(?:percents?|per\s*cent)\s+of\b", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}")
_NOT_REPORTED = re.compile(r"degrees?\b|grados\b|\brad\b|\d\s*rad\b|\bturns?\b|vueltas?\b|tablespoons?|teaspoons?|"
                           r"\bcups?\b|drachma|millisecond|/\s*ms\b", re.I)
_TWO_UNITS = re.compile(r"\d\s*(?:ft|feet|m)\s+(?:and\s+)?\d+\s*(?:in|inches|dm)\b", re.I)


@dataclass(frozen=True)
class Rule:
    """One exclusion rule: a name, why, and a test on (input, expected spans, language, model)."""

    name: str
    why: str
    test: Callable[[str, list[str], str, str], bool]


RULES: tuple[Rule, ...] = (
    Rule("notation", "scientific, power or slash notation (1e10, 1.1^23, 3/4%): not news prose",
         lambda text, spans, lang, model: any(_NOTATION.search(s) for s in spans)),
    Rule("fraction-words", "a fraction or ratio in words other than half/quarter (three fifths, "
         "un veintiunavo, one over three)",
         lambda text, spans, lang, model: any(_FRACTION[lang].search(s) for s in spans)),
    Rule("spoken-decimal", "decimals read out in words (two point five, dos coma cinco, siete con "
         "cincuenta): news writes 2.5",
         lambda text, spans, lang, model: any(_SPOKEN_DECIMAL.match(s) and _DECIMAL_WORD[lang].search(s)
                                              for s in spans)),
    Rule("split-amount", "an amount read out as units plus a remainder (3 dollars 50 cents, 15 "
         "dolares con 50): news writes $3.50",
         lambda text, spans, lang, model: any(_SPLIT_AMOUNT.search(s) for s in spans)),
    Rule("percent-first", "the percent word before the number (percent of 10, per cent of 210): not "
         "how English states a percentage",
         lambda text, spans, lang, model: any(_PERCENT_FIRST.match(s) for s in spans)),
    Rule("not-reported", "Dimension files only: an angle (rotate 90 degrees, a half turn), a kitchen measure "
         "(tablespoon, cup, drachma) or a speed per millisecond: no dimension a news claim states",
         lambda text, spans, lang, model: model == "dimension" and any(_NOT_REPORTED.search(s) for s in spans)),
    Rule("feet-and-inches", "Dimension files only: a length read out in two units (5 ft 2 in, 12 m 2 dm): "
         "news writes one figure",
         lambda text, spans, lang, model: model == "dimension" and any(_TWO_UNITS.search(s) for s in spans)),
    Rule("not-a-sentence", "Number files only: an input of fewer than four words is a bare numeral "
         "or fragment, not news",
         lambda text, spans, lang, model: model == "number" and len(_WORD.findall(text)) < 4),
)


# --- expected values ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """One value a spec case expects, in the main unit, with the units that fit it: ISO currency
    codes, or claimrecon's symbols of a physical unit (None: the case names none, or no known one)."""

    text: str
    value: float
    units: frozenset[str] | None = None


def _number(value: str, lang: str) -> float:
    s = value.strip().rstrip("%")
    if lang == "es":  # Recognizers-Text writes Spanish resolutions with a decimal comma
        s = s.replace(".", "").replace(",", ".") if "," in s else s
    return float(s)


def expected_values(case: dict[str, object], lang: str) -> list[Expected]:
    """The numeric values a case expects; results with a null value are skipped."""
    out: list[Expected] = []
    for r in case.get("Results", []):  # type: ignore[union-attr]
        res = r.get("Resolution") or {}
        raw = res.get("value")
        if raw in (None, "null", ""):
            continue
        value = _number(str(raw), lang)
        units: frozenset[str] | None = None
        name = str(res.get("unit", "")).lower()
        if r.get("TypeName") in ("dimension", "temperature"):
            units = PHYSICAL_UNITS.get(name)
        elif "unit" in res:
            iso = res.get("isoCurrency")
            codes, factor = UNIT_NAMES.get(name, (None, 1.0))
            if iso:
                codes = frozenset({str(iso)})
            units = codes
            value *= factor
        out.append(Expected(str(r.get("Text", "")), value, units))
    return out


# --- scoring -----------------------------------------------------------------------------------


@dataclass
class FileScore:
    """The tallies of one spec file: recall over every case and over the cases kept (no exclusion
    rule drops them), precision over every case."""

    label: str
    cases: int = 0
    excluded: dict[str, int] = field(default_factory=dict)
    expected: int = 0  # every case
    matched: int = 0
    expected_kept: int = 0  # the cases no rule excludes
    matched_kept: int = 0
    claims: int = 0  # every case
    true_claims: int = 0
    unit_known: int = 0
    unit_agree: int = 0
    misses: list[str] = field(default_factory=list)
    false_claims: list[str] = field(default_factory=list)
    unit_differs: list[str] = field(default_factory=list)
    excluded_cases: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Over every case."""
        return self.matched / self.expected if self.expected else 1.0

    @property
    def recall_kept(self) -> float:
        """Over the cases no exclusion rule drops."""
        return self.matched_kept / self.expected_kept if self.expected_kept else 1.0

    @property
    def precision(self) -> float:
        """Over every case."""
        return self.true_claims / self.claims if self.claims else 1.0


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _claim_values(claim: dict[str, object]) -> list[float]:
    if claim.get("qualifier") == "range":
        return [float(v) for v in (claim.get("low"), claim.get("high")) if isinstance(v, (int, float))]
    v = claim.get("value")
    return [float(v)] if isinstance(v, (int, float)) else []


def _number_values(claim: dict[str, object]) -> list[float]:
    """A claim's values as the Number files write them: a percentage also as its fraction of a
    whole ("la mitad de la clase": 50% there, 0.5 in the Number file)."""
    values = _claim_values(claim)
    return values + [v / 100 for v in values] if claim.get("kind") == "percent" else values


def match(wanted: list[Expected], claims: list[dict[str, object]], values: Callable[[dict[str, object]], list[float]] | None = None) -> dict[int, int]:
    """Pair expected values with claims (index -> index), one to one, value first: a first pass
    pairs equal values whose unit also agrees, a second pass equal values alone."""
    _claim_values = values or globals()["_claim_values"]
    pairs: dict[int, int] = {}
    for need_unit in (True, False):
        for k, exp in enumerate(wanted):
            if k in pairs:
                continue
            for i, c in enumerate(claims):
                if i in pairs.values() or not any(_close(v, exp.value) for v in _claim_values(c)):
                    continue
                if need_unit and not (exp.units and c.get("unit") in exp.units):
                    continue
                pairs[k] = i
                break
    return pairs


def load_cases(path: Path) -> list[dict[str, object]]:
    """A spec file's cases (the files may start with a byte-order mark)."""
    return json.loads(path.read_text(encoding="utf-8-sig"))


def exclusion(case: dict[str, object], lang: str, model: str) -> str | None:
    """The name of the first rule that excludes this case, or None."""
    text = str(case.get("Input", ""))
    spans = [str(r.get("Text", "")) for r in case.get("Results", [])]  # type: ignore[union-attr]
    for rule in RULES:
        if rule.test(text, spans, lang, model):
            return rule.name
    return None


def score_file(label: str, path: Path, lang: str, model: str,
               extract: Callable[[str, str], list[dict[str, object]]]) -> FileScore:
    """Run ``extract`` on every case of one file and tally the matches."""
    fs = FileScore(label)
    kinds = KINDS[model]
    for case in load_cases(path):
        fs.cases += 1
        text = str(case["Input"])
        rule = exclusion(case, lang, model)
        if rule:
            fs.excluded[rule] = fs.excluded.get(rule, 0) + 1
            fs.excluded_cases.append(f"[{rule}] {text[:100]!r}")
        wanted = expected_values(case, lang)
        claims = [c for c in extract(text, lang) if c.get("kind") in kinds]
        pairs = match(wanted, claims, _number_values if model == "number" else None)
        used = set(pairs.values())
        for k, exp in enumerate(wanted):
            fs.expected += 1
            fs.expected_kept += rule is None
            if k not in pairs:
                fs.misses.append(f"{'[' + rule + '] ' if rule else ''}{exp.text!r} = {exp.value:g} in {text[:100]!r}")
                continue
            fs.matched += 1
            fs.matched_kept += rule is None
            if exp.units is not None:
                fs.unit_known += 1
                unit = claims[pairs[k]].get("unit")
                fs.unit_agree += unit in exp.units
                if unit not in exp.units:
                    fs.unit_differs.append(f"{exp.text!r}: {unit}, expected {'/'.join(sorted(exp.units))}")
        # a range's second end is a claim of its own here, where the peers give the range as one
        # entity: it is neither right nor wrong when its first end matched the range
        second = {i for i, c in enumerate(claims) if i - 1 in used and c.get("qualifier") == "range"
                  and claims[i - 1].get("qualifier") == "range"
                  and (c.get("low"), c.get("high")) == (claims[i - 1].get("low"), claims[i - 1].get("high"))
                  and i not in used}
        fs.claims += len(claims) - len(second)
        fs.true_claims += len(used)
        for i, c in enumerate(claims):
            if i not in used and i not in second:
                fs.false_claims.append(f"{c.get('text')!r} -> {c.get('value')} {c.get('unit') or ''} in {text[:100]!r}")
    return fs


def public_extract() -> Callable[[str, str], list[dict[str, object]]]:
    """``claimrecon.extract``; once the ``claimrecon.extract`` subpackage has been imported, the
    package attribute names the subpackage, so fall back to the same call made through it."""
    import claimrecon

    if callable(claimrecon.extract):
        return claimrecon.extract
    from claimrecon.extract import extract as claims

    return lambda text, lang: [c.to_dict() for c in claims(text, lang)]


def run(extract: Callable[[str, str], list[dict[str, object]]] | None = None,
        files: Iterable[tuple[str, str, str, str]] = FILES) -> list[FileScore]:
    """Score every spec file; ``extract`` defaults to ``claimrecon.extract``."""
    if extract is None:
        extract = public_extract()
    return [score_file(label, SPECS / rel, lang, model, extract) for label, rel, lang, model in files]


def table(scores: list[FileScore]) -> str:
    """The results as a Markdown table."""
    rows = ["| file | cases | expected | recall, every case | excluded | recall, cases kept | claims | precision, every case | unit agrees |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in scores:
        unit = f"{s.unit_agree}/{s.unit_known}" if s.unit_known else "-"
        rows.append(f"| {s.label} | {s.cases} | {s.expected} | {s.matched}/{s.expected} = {s.recall:.2f} | "
                    f"{sum(s.excluded.values())} | {s.matched_kept}/{s.expected_kept} = {s.recall_kept:.2f} | {s.claims} | "
                    f"{s.true_claims}/{s.claims} = {s.precision:.2f} | {unit} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Print the exclusion rules, the per-file exclusions and the score table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--misses", action="store_true", help="list every miss, false claim and exclusion")
    args = ap.parse_args(argv)
    scores = run()
    print("Exclusion rules (decided on the spec data alone):")
    for rule in RULES:
        print(f"  {rule.name}: {rule.why}")
    print()
    for s in scores:
        parts = ", ".join(f"{k} {v}" for k, v in s.excluded.items()) or "none"
        print(f"excluded from {s.label}: {parts}")
    print()
    print(table(scores))
    if args.misses:
        for s in scores:
            print(f"\n## {s.label}")
            for title, items in (("missed", s.misses), ("false claims", s.false_claims),
                                 ("unit differs", s.unit_differs), ("excluded", s.excluded_cases)):
                print(f"### {title} ({len(items)})")
                for item in items:
                    print("  " + item)
    return 0


if __name__ == "__main__":
    sys.exit(main())
