"""Property tests: a number formatted the way a language writes it parses back to itself."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimrecon.extract import extract
from claimrecon.extract.lexicon import lexicon
from claimrecon.extract.numbers import parse_digits, parse_words

SEPARATORS = {"en": (",", "."), "es": (".", ","), "pl": ("\u00a0", ",")}


def _fmt(n: int, frac: int | None, lang: str) -> str:
    group, dec = SEPARATORS[lang]
    s = f"{n:,}".replace(",", group)
    return s + (f"{dec}{frac}" if frac is not None else "")


@pytest.mark.parametrize("lang", ["en", "es", "pl"])
@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=0, max_value=10**12), frac=st.one_of(st.none(), st.integers(min_value=1, max_value=99)))
def test_digits_round_trip(lang, n, frac):
    text = _fmt(n, frac, lang)
    value, _ = parse_digits(text, lexicon(lang))
    expected = float(f"{n}.{frac}") if frac is not None else float(n)
    assert value == pytest.approx(expected)


@pytest.mark.parametrize("lang", ["en", "es", "pl"])
@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=2100, max_value=10**9))
def test_count_in_a_sentence_round_trips(lang, n):
    noun = {"en": "listeners", "es": "oyentes", "pl": "słuchaczy"}[lang]
    text = f"{_fmt(n, None, lang)} {noun}."
    values = [c.value for c in extract(text, lang) if c.kind == "count"]
    assert values == [float(n)]


@pytest.mark.parametrize(
    "lang,words,value",
    [
        ("en", "half a million", 500_000), ("en", "two and a half million", 2_500_000), ("en", "a dozen", 12),
        ("en", "twenty-seven", 27), ("en", "three hundred thousand", 300_000), ("en", "one million two hundred thousand", 1_200_000),
        ("es", "medio millón", 500_000), ("es", "mil millones", 10**9), ("es", "dos mil millones", 2 * 10**9),
        ("es", "tres millones doscientos mil", 3_200_000), ("es", "ciento cincuenta mil", 150_000), ("es", "veintisiete", 27),
        ("pl", "pół miliona", 500_000), ("pl", "osiemset tysięcy", 800_000), ("pl", "półtora miliona", 1_500_000),
        ("pl", "dwa i pół miliona", 2_500_000), ("pl", "dwadzieścia pięć", 25), ("pl", "trzech", 3),
        ("pl", "dwóch miliardów", 2 * 10**9), ("pl", "pięciuset tysięcy", 500_000),
    ],
)
def test_number_words(lang, words, value):
    parsed = parse_words(words, lexicon(lang))
    assert parsed is not None and parsed[0] == pytest.approx(value)


@pytest.mark.parametrize("form", ["tysiąc", "tysiąca", "tysiące", "tysięcy", "tysiącem", "tysiącom", "tysiącami", "tysiącach", "tysiącu",
                                  "milion", "miliona", "miliony", "milionów", "milionem", "milionom", "milionami", "milionach", "milionie",
                                  "miliard", "miliarda", "miliardy", "miliardów", "miliardem", "miliardom", "miliardami", "miliardach", "miliardzie"])
def test_every_polish_scale_form(form):
    entry = lexicon("pl").words.get(form)
    assert entry is not None and entry[1] == "scale"
    assert parse_words(f"dwa {form}", lexicon("pl"))[0] == 2 * entry[0]


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
@pytest.mark.parametrize("lang", ["en", "es", "pl"])
def test_extract_never_raises_and_offsets_hold(lang, text):
    for c in extract(text, lang):
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize("lang, text, value, precision", [
    ("en", "The average delay was an hour and a half.", 5400.0, 900.0),  # to the half hour: a quarter either side
    ("en", "The average delay was one and a half hours.", 5400.0, 900.0),
    ("es", "Tardaron dos horas y media en llegar.", 9000.0, 900.0),
    ("pl", "Opóźnienie wyniosło półtorej godziny.", 5400.0, 900.0),
    ("en", "It took two and a quarter hours.", 8100.0, 450.0),
    ("en", "The firm lost three and a half million euros.", 3500000.0, 50000.0),  # a scale word: a twentieth of it
    ("en", "Flights were delayed by 1.5 hours.", 5400.0, 180.0),  # digits: half their last digit
    ("en", "They waited half an hour.", 1800.0, 180.0),  # a fraction with no whole keeps its rounding
    ("en", "It took 2 and a half hours.", 9000.0, 900.0),  # digits and a fraction in words
    ("en", "It took two point five hours.", 9000.0, 180.0),  # a decimal read out: its last digit
    ("es", "Tardaron dos coma cinco horas.", 9000.0, 180.0),
])
def test_a_fraction_in_words_rounds_to_its_step(lang: str, text: str, value: float, precision: float) -> None:
    (claim,) = [c for c in extract(text, lang) if c.kind in ("duration", "money")]
    assert (claim.value, claim.precision) == (value, precision)


@pytest.mark.parametrize("lang, text", [("en", "Prices rose by half a percent."), ("pl", "Inflacja wyniosła dwa i pół procent."),
                                        ("en", "It cost one and a half euros.")])
def test_a_fraction_in_words_of_no_duration_keeps_its_rounding(lang: str, text: str) -> None:
    (claim,) = extract(text, lang)
    assert claim.precision == pytest.approx(0.05)
