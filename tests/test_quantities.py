"""Physical quantities: the unit table against pint, extraction with dimension and base value, and
their comparison in reconciliation (``claimrecon.quantities``, ``reconcile.intervals``)."""

from __future__ import annotations

import math

import pytest

from claimrecon import quantities
from claimrecon.extract import extract
from claimrecon.reconcile.intervals import verdict
from claimrecon.ruleset import UNSTATED_SCALE, available_languages, load_language, rules_root


def test_generated_columns_are_what_pint_says() -> None:
    """``base``, ``factor`` and ``offset`` are generated: regenerating them changes nothing."""
    path = rules_root() / "shared" / "quantities.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert quantities.generated_lines(path) == lines, "run: .venv/bin/python -m claimrecon.quantities --write"


def test_every_dimension_has_its_base_unit_in_the_table() -> None:
    table = quantities.units()
    for dimension, (symbol, _) in quantities.BASE.items():
        assert table[symbol].dimension == dimension
        assert table[symbol].factor == 1 and table[symbol].offset == 0


@pytest.mark.parametrize("lang", available_languages())
def test_every_physical_unit_of_the_rules_is_in_the_table(lang: str) -> None:
    for r in load_language(lang).table("units.tsv"):
        if r["kind"] in ("quantity", "temperature") and r["unit"] != UNSTATED_SCALE:
            assert quantities.unit(r["unit"]) is not None, r.where()


def test_conversions() -> None:
    assert quantities.to_base(120, "mph") == pytest.approx(53.6448)
    assert quantities.to_base(1, "km/h") == pytest.approx(1 / 3.6)
    assert quantities.to_base(212, "°F") == pytest.approx(100)
    assert quantities.to_base(0, "K") == pytest.approx(-273.15)
    assert quantities.to_base(2, "GB") == 2e9
    assert quantities.to_base(5, "USD") is None and quantities.to_base(None, "km") is None


@pytest.mark.parametrize("lang,text,unit,dimension,base", [
    ("en", "Winds reached 120 mph.", "mph", "speed", 53.6448),
    ("en", "The phone has 256GB of storage.", "GB", "data", 256e9),
    ("en", "The fire burned 4,000 hectares.", "ha", "area", 4e7),
    ("en", "Temperatures hit 100F.", "°F", "temperature", 37.7777777778),
    ("es", "El barco transportaba 2,5 millones de toneladas.", "t", "mass", 2.5e9),
    ("pl", "Pociąg jechał 160 kilometrów na godzinę.", "km/h", "speed", 160 / 3.6),
    ("pl", "Było 34 stopnie Celsjusza.", "°C", "temperature", 34.0),
])
def test_claims_carry_dimension_and_base_value(lang: str, text: str, unit: str, dimension: str, base: float) -> None:
    (c,) = [c for c in extract(text, lang) if c.kind in ("quantity", "temperature")]
    assert (c.unit, c.dimension) == (unit, dimension)
    assert c.base_value == pytest.approx(base)
    assert c.base_unit == quantities.BASE[dimension][0]
    assert c.text == text[c.start : c.end]


def test_other_kinds_have_no_dimension() -> None:
    (c,) = extract("It cost $5 million.", "en")
    assert (c.dimension, c.base_value, c.base_unit) == (None, None, None)


def _claim(text: str, lang: str = "en"):
    (c,) = [c for c in extract(text, lang) if c.kind in ("quantity", "temperature")]
    return c


@pytest.mark.parametrize("a,b,expected", [
    ("It reached 120 mph.", "It reached 193 km/h.", "agree"),  # 120 mph is 193.1 km/h
    ("It reached 193 km/h.", "It reached 120 mph.", "agree"),
    ("They walked 5 miles.", "They walked 5 km.", "hard"),
    ("They walked 5 miles.", "They walked 8 km.", "agree"),  # 8.05 km, rounded
    ("They walked 5 miles.", "They walked 9 km.", "soft"),  # 4.5-5.5 mi is 7.2-8.9 km; 9 km is 8.5-9.5
    ("They walked 5 miles.", "They walked 10 km.", "hard"),
    ("They walked about 5 miles.", "They walked 8.5 km.", "agree"),  # 5.3 miles: "about 5"
    ("They walked 1 km.", "They walked 1000 m.", "agree"),
    ("Temperatures hit 100F.", "Temperatures hit 38C.", "agree"),  # 37.8 °C
    ("Temperatures hit 100F.", "Temperatures hit 30C.", "hard"),
    ("The temperature was 98 degrees.", "Temperatures hit 38C.", None),  # a scale not stated: never converted
    ("They walked 5 miles.", "It weighs 5 kg.", None),  # two dimensions
])
def test_physical_figures_compare_in_the_base_unit(a: str, b: str, expected: str | None) -> None:
    assert verdict(_claim(a), _claim(b)) == expected
    assert verdict(_claim(b), _claim(a)) == expected


def test_same_unit_compares_as_written() -> None:
    assert verdict(_claim("They walked 5 km."), _claim("They walked 7 km.")) == "hard"
    assert verdict(_claim("They walked 5 km."), _claim("They walked five km.")) == "agree"


def test_unbounded_hedges_convert() -> None:
    c = _claim("They walked more than 5 miles.")
    assert c.high is None and math.isclose(c.low, 5)
    assert verdict(c, _claim("They walked 10 km.")) == "soft"  # 10 km is more than 5 miles
    assert verdict(c, _claim("They walked 7 km.")) == "hard"  # 7 km is less than 8.05 km


def _duration(text: str, lang: str = "en"):
    (c,) = [c for c in extract(text, lang) if c.kind == "duration"]
    return c


@pytest.mark.parametrize("a,b,expected", [
    ("The winner finished in 9:47:32.", "El ganador tardó 9 horas, 47 minutos.", "agree"),  # cut to the minute
    ("The winner finished in 9:47:32.", "The winner took 9 hours 48 minutes.", "soft"),  # rounded: not how times are told
    ("The winner finished in 9:47:32.", "The winner took 9 hours 46 minutes.", "hard"),
    ("The winner finished in 9:47:32.", "The winner took about 9 hours 47 minutes.", "soft"),  # a hedge: as before
])
def test_a_time_to_the_second_agrees_with_its_minutes_cut(a: str, b: str, expected: str) -> None:
    lb = "es" if "ganador" in b else "en"
    assert verdict(_duration(a), _duration(b, lb)) == expected
    assert verdict(_duration(b, lb), _duration(a)) == expected
